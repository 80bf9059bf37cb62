package importer

import (
	"context"

	"github.com/wenming/wenming/db"
)

// DraftKinds are the import kinds a unit may fill its report's draft from, with the content list each fills.
var DraftKinds = map[db.ImportKind]db.ReportKind{
	db.ImportVolunteerRecords: db.ReportVolunteerRecords,
	db.ImportActivities:       db.ReportPracticeActivities,
}

// ReadDraft reads a spreadsheet of the office's own template into a unit's report content, with the same parsing
// and per-row checks as an import, and one more: every row must name the unit itself, since a unit reports only
// for itself; a row naming another unit is refused by its row number. It writes nothing: the caller saves the
// content as the draft when the report holds no error, and the items replace the draft's items of that kind.
func ReadDraft(ctx context.Context, cat *db.Catalog, kind db.ImportKind, path string, unitID int64, maxUnzipped int64) (*db.ReportContent, *db.ImportReport, error) {
	if _, ok := DraftKinds[kind]; !ok {
		return nil, nil, db.FieldErrorf("kind", "草稿只能导入志愿服务记录或文明实践活动：%s", kind)
	}
	spec, err := SpecFor(kind)
	if err != nil {
		return nil, nil, err
	}
	f, err := OpenLimited(path, spec, maxUnzipped)
	if err != nil {
		return nil, nil, err
	}
	codes := map[int64]string{}
	for _, c := range cat.Campaigns {
		codes[c.ID] = c.Code
	}
	content := &db.ReportContent{}
	var others []*db.ImportError
	res, err := Scan(f, NewParser(f, cat, true), func(row int, rec any) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		switch x := rec.(type) {
		case *db.VolunteerRecord:
			if x.UnitID != unitID {
				others = append(others, db.ImportErrorf(row, "只能填报本单位的记录，该行是其他单位的"))
				return nil
			}
			v := &db.ReportedVolunteerRecord{Date: x.Date, Volunteers: x.Volunteers, Hours: float64(x.Minutes) / 60, Method: x.Method}
			if x.CampaignID != nil {
				code := codes[*x.CampaignID]
				v.CampaignCode = &code
			}
			content.VolunteerRecords = append(content.VolunteerRecords, v)
		case *db.PracticeActivity:
			if x.UnitID != unitID {
				others = append(others, db.ImportErrorf(row, "只能填报本单位的记录，该行是其他单位的"))
				return nil
			}
			content.PracticeActivities = append(content.PracticeActivities, &db.ReportedActivity{Date: x.Date, Kind: x.Kind, Theme: x.Theme,
				Sessions: x.Sessions, Participants: x.Participants})
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	rep := &db.ImportReport{Kind: kind, DryRun: true, Rows: res.Rows, Valid: res.Valid - len(others), Errors: res.Errors, ErrorCount: res.ErrorCount}
	for _, e := range others {
		rep.ErrorCount++
		if len(rep.Errors) < db.MaxImportErrors {
			rep.Errors = append(rep.Errors, e)
		}
	}
	return content, rep, nil
}

// DraftStore is what filling a draft from a spreadsheet needs of the store.
type DraftStore interface {
	ImportCatalog(ctx context.Context) (*db.Catalog, error)
	ReportAssignments(ctx context.Context, taskID int64) ([]*db.ReportAssignment, error)
	ReportDraft(ctx context.Context, taskID, unitID int64) (*db.ReportDraft, error)
	SaveReportDraft(ctx context.Context, step db.ReportStep, content *db.ReportContent) (*db.ReportAssignment, error)
}

// FillDraft reads a spreadsheet into a unit's draft (ReadDraft) and, when every row is good, saves the draft with
// that kind's items replaced and the others kept, as one SAVE_DRAFT step. The assignment is looked up in the
// caller's scope first: another unit's answers as a missing one, before the file is read. The report says what was
// read; the assignment is nil when nothing was saved.
func FillDraft(ctx context.Context, s DraftStore, step db.ReportStep, kind db.ImportKind, path string, maxUnzipped int64) (*db.ReportAssignment, *db.ImportReport, error) {
	as, err := s.ReportAssignments(ctx, step.TaskID)
	if err != nil {
		return nil, nil, err
	}
	found := false
	for _, a := range as {
		found = found || a.UnitID == step.UnitID
	}
	if !found {
		return nil, nil, db.Errorf(db.ENOTFOUND, "上报任务不存在")
	}
	cat, err := s.ImportCatalog(ctx)
	if err != nil {
		return nil, nil, err
	}
	read, rep, err := ReadDraft(ctx, cat, kind, path, step.UnitID, maxUnzipped)
	if err != nil || rep.ErrorCount > 0 {
		return nil, rep, err
	}
	content := &db.ReportContent{}
	if d, err := s.ReportDraft(ctx, step.TaskID, step.UnitID); err != nil {
		return nil, nil, err
	} else if d != nil {
		content = d.Content
	}
	switch DraftKinds[kind] {
	case db.ReportVolunteerRecords:
		content.VolunteerRecords = read.VolunteerRecords
	case db.ReportPracticeActivities:
		content.PracticeActivities = read.PracticeActivities
	}
	a, err := s.SaveReportDraft(ctx, step, content)
	if err != nil {
		return nil, nil, err
	}
	rep.DryRun, rep.Written, rep.Created = false, true, rep.Valid
	return a, rep, nil
}
