package dbtest

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
)

const catWindow = 9 // PROVINCIAL_DIRECT, WINDOW, weight 2

// writeDataset is the base catalogue plus what writes refer to: a window category, a campaign, practice centres,
// assessment indicators and one version of ranking weights.
func writeDataset() *db.Dataset {
	ds := addPractice(baseDataset())
	ds.Links, ds.Pairings, ds.Activities = nil, nil, nil
	ds.Categories = append(ds.Categories, &db.HonorCategory{ID: catWindow, Code: "DIRECT_DEMO_WINDOW", NameZh: "省直文明服务示范窗口",
		NameEn: "Model service window", Level: db.LevelProvincialDirect, RecipientKind: db.RecipientWindow, Weight: 2, DefaultStatus: db.StatusAwarded})
	ds.Campaigns = []*db.Campaign{{ID: 1, Code: "FLOOD720", NameZh: "7·20 抗洪救灾", NameEn: "7·20 flood", Kind: db.CampaignFlood, StartDate: "2021-07-20"}}
	ds.Indicators = []*db.AssessmentIndicator{
		{Year: 2019, Code: "ORG", NameZh: "组织领导", NameEn: "Leadership", MaxScore: 40},
		{Year: 2019, Code: "PRACTICE", NameZh: "文明实践", NameEn: "Practice", MaxScore: 60},
		{Year: 2023, Code: "ORG", NameZh: "组织领导", NameEn: "Leadership", MaxScore: 30},
		{Year: 2023, Code: "DIGITAL", NameZh: "网络文明", NameEn: "Online civility", MaxScore: 70},
	}
	for _, c := range db.RankingComponents {
		ds.Weights = append(ds.Weights, &db.RankingWeight{FromYear: 2019, Component: c, LabelZh: db.RankingComponentLabelZh(c), Weight: 0.25})
	}
	return ds
}

func editorCtx() context.Context {
	return db.WithPrincipal(context.Background(), &db.Principal{UserID: 7, Username: "editor1", Role: db.RoleEditor, Via: "session"})
}

// auditOf returns the newest audit entries (newest first).
func auditOf(tb testing.TB, d db.Backend, f db.AuditCriteria) []*db.AuditEntry {
	tb.Helper()
	p, err := d.AuditLog(context.Background(), f, db.Page{First: 100})
	if err != nil {
		tb.Fatal(err)
	}
	var out []*db.AuditEntry
	for _, e := range p.Edges {
		out = append(out, e.Node)
	}
	return out
}

func dataVersion(tb testing.TB, d db.Backend) int64 {
	tb.Helper()
	v, err := d.DataVersion(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

func jsonField(tb testing.TB, s *string, key string) any {
	tb.Helper()
	if s == nil {
		tb.Fatalf("JSON is null, want field %s", key)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(*s), &m); err != nil {
		tb.Fatalf("bad JSON %q: %v", *s, err)
	}
	return m[key]
}

func testCreate(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, writeDataset())

	t.Run("Unit", func(t *testing.T) {
		before := dataVersion(t, d)
		u, err := d.CreateUnit(ctx, db.UnitFields{Name: "  省文化和旅游厅 ", Kind: "机关", Sector: "文旅"})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "name trimmed", u.Name, "省文化和旅游厅")
		assertEqual(t, "version", u.Version, 1)
		assertEqual(t, "demo", u.Demo, false)
		assertEqual(t, "data version", dataVersion(t, d), before+1)
		a := auditOf(t, d, db.AuditCriteria{Entity: db.EntityUnit})
		assertEqual(t, "audit rows", len(a), 1)
		assertEqual(t, "action", a[0].Action, db.ActionCreate)
		assertEqual(t, "who", a[0].Username, "editor1")
		assertEqual(t, "user id", *a[0].UserID, int64(7))
		assertEqual(t, "record id", *a[0].RecordID, u.ID)
		assertEqual(t, "before", a[0].Before, (*string)(nil))
		assertEqual(t, "after name", jsonField(t, a[0].After, "name"), "省文化和旅游厅")
	})

	t.Run("HonorDefaultsFromCategoryAndRecipient", func(t *testing.T) {
		h, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "PROVINCIAL_UNIT", UnitID: ptr(int64(unitPower)), Year: 2024, Date: ptr(db.Date("2024-03-01"))})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "recipient name", h.RecipientName, "省电力公司")
		assertEqual(t, "status", h.Status, db.StatusAwarded)
		assertEqual(t, "kind", h.RecipientKind, db.RecipientUnit)
		assertEqual(t, "category", h.CategoryID, int64(catProvincialUnit))
	})

	t.Run("PersonHonorCountsForPersonsUnit", func(t *testing.T) {
		h, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "DIRECT_GOOD_PERSON", PersonID: ptr(int64(2)), Year: 2023, Edition: ptr(" 第八届 ")})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "unit", *h.UnitID, int64(unitHospital))
		assertEqual(t, "name", h.RecipientName, "李四")
		assertEqual(t, "edition trimmed", *h.Edition, "第八届")
	})

	t.Run("CampusAndWindow", func(t *testing.T) {
		if _, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "NATIONAL_CIVILISED_CAMPUS", UnitID: ptr(int64(unitHenanU)), Year: 2023}); err != nil {
			t.Fatal(err)
		}
		if _, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "DIRECT_DEMO_WINDOW", UnitID: ptr(int64(unitHospital)), Year: 2023}); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("VolunteerRecord", func(t *testing.T) {
		v, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: unitTransport, CampaignID: ptr(int64(1)), Date: "2021-07-22",
			Volunteers: 12, Minutes: 90, Method: db.MethodSignIn, Verified: true})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "hours", v.Hours(), 1.5)
		assertEqual(t, "version", v.Version, 1)
	})

	t.Run("CampaignLinkActivityTargetPerson", func(t *testing.T) {
		k, err := d.CreateCampaign(ctx, db.CampaignFields{Code: "AID_SH", NameZh: "援助上海", NameEn: "Aid to Shanghai", Kind: db.CampaignAid,
			StartDate: "2022-04-01", EndDate: ptr(db.Date("2022-06-01"))})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "campaign version", k.Version, 1)
		l, err := d.CreatePracticeLink(ctx, db.PracticeLinkFields{UnitID: unitPower, CenterID: 3, SinceYear: 2022})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "link demo", l.Demo, false)
		a, err := d.CreatePracticeActivity(ctx, db.PracticeActivityFields{UnitID: unitPower, CenterID: ptr(int64(3)), Date: "2022-05-01",
			Kind: db.ActivityRoutine, Theme: "义务植树", Sessions: 2, Participants: 40})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "activity version", a.Version, 1)
		tg, err := d.CreateTarget(ctx, db.TargetFields{Metric: db.ProgressVolunteerHours, Year: 2025, Value: 1000})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "target", tg.Value, 1000.0)
		p, err := d.CreatePerson(ctx, db.PersonFields{Name: "王五", UnitID: ptr(int64(unitPower))})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "person version", p.Version, 1)
	})

	t.Run("AssessmentWithScoresOfTheYearsVersion", func(t *testing.T) {
		a, err := d.CreateAssessment(ctx, db.AssessmentFields{UnitID: unitFinance, Year: 2024, BaseScore: 85, Bonus: 3, Stage: db.StageNamed,
			Scores: []db.IndicatorScoreFields{{Code: "ORG", Score: 25}, {Code: "DIGITAL", Score: 60}}})
		if err != nil {
			t.Fatal(err)
		}
		scores, err := d.IndicatorScoresByAssessments(context.Background(), []int64{a.ID})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "scores", len(scores[a.ID]), 2)
	})

	t.Run("RollupsStayExact", func(t *testing.T) { mustRollups(t, d) })
}

func testCreateInvalid(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, writeDataset())
	for _, tc := range []struct {
		name, field string
		write       func() error
	}{
		{"UnitEmptyName", "name", func() error { _, err := d.CreateUnit(ctx, db.UnitFields{Name: "   ", Kind: "机关"}); return err }},
		{"UnitUnknownKind", "kind", func() error {
			_, err := d.CreateUnit(ctx, db.UnitFields{Name: "某协会", Kind: "社会组织"})
			return err
		}},
		{"PersonMissingUnit", "unitId", func() error {
			_, err := d.CreatePerson(ctx, db.PersonFields{Name: "赵六", UnitID: ptr(int64(999))})
			return err
		}},
		{"HonorYearTooEarly", "year", func() error {
			_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "PROVINCIAL_UNIT", UnitID: ptr(int64(unitPower)), Year: 1948})
			return err
		}},
		{"HonorDateOutsideYear", "date", func() error {
			_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "PROVINCIAL_UNIT", UnitID: ptr(int64(unitPower)), Year: 2022, Date: ptr(db.Date("2023-01-01"))})
			return err
		}},
		{"HonorUnknownCategory", "categoryCode", func() error {
			_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "NOPE", UnitID: ptr(int64(unitPower)), Year: 2022})
			return err
		}},
		{"CampusHonorToOrgan", "unitId", func() error {
			_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "NATIONAL_CIVILISED_CAMPUS", UnitID: ptr(int64(unitTransport)), Year: 2022})
			return err
		}},
		{"UnitHonorToUniversity", "unitId", func() error {
			_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "NATIONAL_CIVILISED_UNIT", UnitID: ptr(int64(unitHenanU)), Year: 2022})
			return err
		}},
		{"WindowHonorToNonWindow", "unitId", func() error {
			_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "DIRECT_DEMO_WINDOW", UnitID: ptr(int64(unitPower)), Year: 2022})
			return err
		}},
		{"PersonHonorWithoutPerson", "personId", func() error {
			_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "DIRECT_GOOD_PERSON", UnitID: ptr(int64(unitPower)), Year: 2022})
			return err
		}},
		{"UnitHonorWithPerson", "personId", func() error {
			_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "PROVINCIAL_UNIT", UnitID: ptr(int64(unitPower)), PersonID: ptr(int64(1)), Year: 2022})
			return err
		}},
		{"NegativeVolunteers", "volunteers", func() error {
			_, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: unitPower, Date: "2022-01-01", Volunteers: -1, Method: db.MethodShift})
			return err
		}},
		{"VolunteerDateYear", "date", func() error {
			_, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: unitPower, Date: "2101-01-01", Method: db.MethodShift})
			return err
		}},
		{"VolunteerMissingCampaign", "campaignId", func() error {
			_, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: unitPower, CampaignID: ptr(int64(42)), Date: "2022-01-01", Method: db.MethodShift})
			return err
		}},
		{"CampaignReservedCode", "code", func() error {
			_, err := d.CreateCampaign(ctx, db.CampaignFields{Code: "ROUTINE", NameZh: "常态", NameEn: "Routine", Kind: db.CampaignAid, StartDate: "2022-01-01"})
			return err
		}},
		{"CampaignEndsBeforeStart", "endDate", func() error {
			_, err := d.CreateCampaign(ctx, db.CampaignFields{Code: "X1", NameZh: "某", NameEn: "X", Kind: db.CampaignAid, StartDate: "2022-01-02", EndDate: ptr(db.Date("2022-01-01"))})
			return err
		}},
		{"LinkMissingCenter", "centerId", func() error {
			_, err := d.CreatePracticeLink(ctx, db.PracticeLinkFields{UnitID: unitPower, CenterID: 99, SinceYear: 2022})
			return err
		}},
		{"ActivityNoSessions", "sessions", func() error {
			_, err := d.CreatePracticeActivity(ctx, db.PracticeActivityFields{UnitID: unitPower, Date: "2022-01-01", Kind: db.ActivityRoutine, Theme: "宣讲"})
			return err
		}},
		{"AssessmentBonusOver10", "bonus", func() error {
			_, err := d.CreateAssessment(ctx, db.AssessmentFields{UnitID: unitPower, Year: 2022, BaseScore: 80, Bonus: 10.5, Stage: db.StageApplied})
			return err
		}},
		{"AssessmentBaseOver100", "baseScore", func() error {
			_, err := d.CreateAssessment(ctx, db.AssessmentFields{UnitID: unitPower, Year: 2022, BaseScore: 101, Stage: db.StageApplied})
			return err
		}},
		{"TargetNegative", "value", func() error {
			_, err := d.CreateTarget(ctx, db.TargetFields{Metric: db.ProgressVolunteers, Year: 2022, Value: -1})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := dataVersion(t, d)
			err := tc.write()
			assertCode(t, err, db.EINVALID)
			assertEqual(t, "field", db.ErrorField(err), tc.field)
			assertEqual(t, "data version", dataVersion(t, d), before)
		})
	}
	t.Run("NothingAudited", func(t *testing.T) { assertEqual(t, "audit rows", len(auditOf(t, d, db.AuditCriteria{})), 0) })
}

// testAtomicity proves that a write failing half-way (after its first INSERT) leaves no row, no audit entry and
// no version bump behind.
func testAtomicity(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, writeDataset())
	before := dataVersion(t, d)

	t.Run("ErrIndicatorNotInYearsVersion", func(t *testing.T) {
		// DIGITAL exists only from 2023; the assessment row is inserted before the scores are checked.
		_, err := d.CreateAssessment(ctx, db.AssessmentFields{UnitID: unitPower, Year: 2021, BaseScore: 80, Stage: db.StageApplied,
			Scores: []db.IndicatorScoreFields{{Code: "ORG", Score: 30}, {Code: "DIGITAL", Score: 50}}})
		assertCode(t, err, db.EINVALID)
		assertEqual(t, "field", db.ErrorField(err), "scores")
	})
	t.Run("ErrScoreAboveMaximum", func(t *testing.T) {
		_, err := d.CreateAssessment(ctx, db.AssessmentFields{UnitID: unitPower, Year: 2021, BaseScore: 80, Stage: db.StageApplied,
			Scores: []db.IndicatorScoreFields{{Code: "ORG", Score: 41}}})
		assertCode(t, err, db.EINVALID)
	})
	t.Run("LeavesNothing", func(t *testing.T) {
		m, err := d.AssessmentsByUnits(context.Background(), []int64{unitPower})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "assessments", len(m[unitPower]), 0)
		assertEqual(t, "audit rows", len(auditOf(t, d, db.AuditCriteria{})), 0)
		assertEqual(t, "data version", dataVersion(t, d), before)
		mustRollups(t, d)
	})
	t.Run("UpdateFailingHalfWayKeepsOldScores", func(t *testing.T) {
		a, err := d.CreateAssessment(ctx, db.AssessmentFields{UnitID: unitPower, Year: 2021, BaseScore: 80, Stage: db.StageApplied,
			Scores: []db.IndicatorScoreFields{{Code: "ORG", Score: 30}}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = d.UpdateAssessment(ctx, a.ID, 1, db.AssessmentFields{UnitID: unitPower, Year: 2021, BaseScore: 99, Stage: db.StageNamed,
			Scores: []db.IndicatorScoreFields{{Code: "NOPE", Score: 1}}})
		assertCode(t, err, db.EINVALID)
		got, _ := d.AssessmentsByIDs(context.Background(), []int64{a.ID})
		assertEqual(t, "base score", got[a.ID].BaseScore, 80.0)
		assertEqual(t, "version", got[a.ID].Version, 1)
		s, _ := d.IndicatorScoresByAssessments(context.Background(), []int64{a.ID})
		assertEqual(t, "scores kept", len(s[a.ID]), 1)
	})
}

func testUpdate(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, writeDataset())
	h, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "PROVINCIAL_UNIT", UnitID: ptr(int64(unitPower)), Year: 2022})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("BumpsVersionAndAuditsBeforeAfter", func(t *testing.T) {
		u, err := d.UpdateHonor(ctx, h.ID, 1, db.HonorFields{CategoryCode: "PROVINCIAL_MODEL_UNIT", UnitID: ptr(int64(unitTransport)), Year: 2023})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "version", u.Version, 2)
		assertEqual(t, "unit", *u.UnitID, int64(unitTransport))
		a := auditOf(t, d, db.AuditCriteria{Action: db.ActionUpdate})
		assertEqual(t, "audit rows", len(a), 1)
		assertEqual(t, "before year", jsonField(t, a[0].Before, "year"), 2022.0)
		assertEqual(t, "after year", jsonField(t, a[0].After, "year"), 2023.0)
		assertEqual(t, "after version", jsonField(t, a[0].After, "version"), 2.0)
		mustRollups(t, d)
	})

	t.Run("ErrStaleVersion", func(t *testing.T) {
		before := dataVersion(t, d)
		_, err := d.UpdateHonor(ctx, h.ID, 1, db.HonorFields{CategoryCode: "PROVINCIAL_UNIT", UnitID: ptr(int64(unitPower)), Year: 2019})
		assertCode(t, err, db.ECONFLICT)
		got, _ := d.HonorsByIDs(context.Background(), []int64{h.ID})
		assertEqual(t, "year unchanged", got[h.ID].Year, 2023)
		assertEqual(t, "data version", dataVersion(t, d), before)
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := d.UpdateUnit(ctx, 999, 1, db.UnitFields{Name: "无", Kind: "机关"})
		assertCode(t, err, db.ENOTFOUND)
	})

	t.Run("ErrDuplicateUnitName", func(t *testing.T) {
		_, err := d.UpdateUnit(ctx, unitPower, 1, db.UnitFields{Name: "省财政厅", Kind: "国有企业"})
		assertCode(t, err, db.ECONFLICT)
	})

	t.Run("ErrUnitKindAgainstItsHonours", func(t *testing.T) {
		// 省交通运输厅 now holds a unit honour: it cannot become a school.
		_, err := d.UpdateUnit(ctx, unitTransport, 1, db.UnitFields{Name: "省交通运输厅", Kind: "高校"})
		assertCode(t, err, db.EINVALID)
		assertEqual(t, "field", db.ErrorField(err), "kind")
	})

	t.Run("UnitKindChangeKeepsRollups", func(t *testing.T) {
		if _, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: unitFinance, Date: "2022-02-02", Volunteers: 3, Minutes: 120, Method: db.MethodShift}); err != nil {
			t.Fatal(err)
		}
		u, err := d.UpdateUnit(ctx, unitFinance, 1, db.UnitFields{Name: "省财政厅", Kind: "事业单位", Sector: "财政"})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "version", u.Version, 2)
		mustRollups(t, d)
	})

	t.Run("ErrCampaignCodeChange", func(t *testing.T) {
		_, err := d.UpdateCampaign(ctx, 1, 1, db.CampaignFields{Code: "FLOOD", NameZh: "7·20", NameEn: "flood", Kind: db.CampaignFlood, StartDate: "2021-07-20"})
		assertCode(t, err, db.EINVALID)
	})

	t.Run("ErrDuplicateAssessment", func(t *testing.T) {
		in := db.AssessmentFields{UnitID: unitHospital, Year: 2022, BaseScore: 70, Stage: db.StageApplied}
		if _, err := d.CreateAssessment(ctx, in); err != nil {
			t.Fatal(err)
		}
		_, err := d.CreateAssessment(ctx, in)
		assertCode(t, err, db.ECONFLICT)
	})
}

// testConcurrentUpdates has two editors update the same record from the same version: one wins, the other gets
// ECONFLICT.
func testConcurrentUpdates(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, writeDataset())
	v, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: unitPower, Date: "2022-03-03", Volunteers: 1, Minutes: 60, Method: db.MethodShift})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = d.UpdateVolunteerRecord(ctx, v.ID, 1, db.VolunteerRecordFields{UnitID: unitPower, Date: "2022-03-03", Volunteers: i + 2,
				Minutes: 60, Method: db.MethodShift})
		}()
	}
	wg.Wait()
	var ok, conflicts int
	for _, err := range errs {
		switch db.ErrorCode(err) {
		case "":
			ok++
		case db.ECONFLICT:
			conflicts++
		default:
			t.Fatalf("unexpected error: %v", err)
		}
	}
	assertEqual(t, "winners", ok, 1)
	assertEqual(t, "conflicts", conflicts, len(errs)-1)
	mustRollups(t, d)
}

func testDeleteAndRestore(t *testing.T, open Opener) {
	ctx := editorCtx()
	admin := db.WithPrincipal(context.Background(), &db.Principal{UserID: 1, Username: "admin", Role: db.RoleAdmin, Via: "session"})
	d := mustOpenLoaded(t, open, writeDataset())
	h, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "NATIONAL_CIVILISED_UNIT", UnitID: ptr(int64(unitFinance)), Year: 2023})
	if err != nil {
		t.Fatal(err)
	}

	var bin *db.DeletedRecord
	t.Run("DeleteMovesToBin", func(t *testing.T) {
		bin, err = d.DeleteRecord(ctx, db.EntityHonor, h.ID, 1)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "bin entity", bin.Entity, db.EntityHonor)
		assertEqual(t, "bin record", bin.RecordID, h.ID)
		assertEqual(t, "deleted by", bin.DeletedByName, "editor1")
		got, _ := d.HonorsByIDs(context.Background(), []int64{h.ID})
		assertEqual(t, "honour gone", len(got), 0)
		a := auditOf(t, d, db.AuditCriteria{Action: db.ActionDelete})
		assertEqual(t, "audit", len(a), 1)
		assertEqual(t, "audit before", jsonField(t, a[0].Before, "recipient_name"), "省财政厅")
		assertEqual(t, "audit after", a[0].After, (*string)(nil))
		mustRollups(t, d)
	})

	t.Run("IDsAreNeverReused", func(t *testing.T) {
		h2, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "NATIONAL_CIVILISED_UNIT", UnitID: ptr(int64(unitFinance)), Year: 2024})
		if err != nil {
			t.Fatal(err)
		}
		if h2.ID <= h.ID {
			t.Fatalf("new honour got ID %d, the deleted one had %d", h2.ID, h.ID)
		}
	})

	t.Run("ListsBin", func(t *testing.T) {
		p, err := d.DeletedRecords(context.Background(), db.DeletedCriteria{Entity: db.EntityHonor}, db.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "bin size", p.TotalCount, 1)
	})

	t.Run("RestoreUnderOldIDWithNextVersion", func(t *testing.T) {
		r, err := d.RestoreRecord(admin, bin.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.RestoredAt == nil {
			t.Fatal("restoredAt not set")
		}
		got, _ := d.HonorsByIDs(context.Background(), []int64{h.ID})
		if got[h.ID] == nil {
			t.Fatal("honour not restored")
		}
		assertEqual(t, "version", got[h.ID].Version, 2)
		assertEqual(t, "year", got[h.ID].Year, 2023)
		a := auditOf(t, d, db.AuditCriteria{Action: db.ActionRestore})
		assertEqual(t, "audit who", a[0].Username, "admin")
		mustRollups(t, d)
		p, _ := d.DeletedRecords(context.Background(), db.DeletedCriteria{}, db.Page{First: 10})
		assertEqual(t, "pending bin", p.TotalCount, 0)
	})

	t.Run("ErrRestoreTwice", func(t *testing.T) {
		_, err := d.RestoreRecord(admin, bin.ID)
		assertCode(t, err, db.ECONFLICT)
	})

	t.Run("ErrStaleDelete", func(t *testing.T) {
		_, err := d.DeleteRecord(ctx, db.EntityHonor, h.ID, 1)
		assertCode(t, err, db.ECONFLICT)
	})

	t.Run("ErrDeleteReferencedUnit", func(t *testing.T) {
		_, err := d.DeleteRecord(ctx, db.EntityUnit, unitFinance, 0)
		assertCode(t, err, db.ECONFLICT)
		u, _ := d.UnitsByIDs(context.Background(), []int64{unitFinance})
		assertEqual(t, "unit kept", u[unitFinance] != nil, true)
	})

	t.Run("AssessmentRoundTripKeepsScores", func(t *testing.T) {
		a, err := d.CreateAssessment(ctx, db.AssessmentFields{UnitID: unitHospital, Year: 2020, BaseScore: 91.5, Bonus: 2, Stage: db.StageNamed,
			Scores: []db.IndicatorScoreFields{{Code: "ORG", Score: 35.5}, {Code: "PRACTICE", Score: 56}}})
		if err != nil {
			t.Fatal(err)
		}
		b, err := d.DeleteRecord(ctx, db.EntityAssessment, a.ID, 1)
		if err != nil {
			t.Fatal(err)
		}
		mustRollups(t, d)
		if _, err := d.RestoreRecord(admin, b.ID); err != nil {
			t.Fatal(err)
		}
		got, _ := d.AssessmentsByIDs(context.Background(), []int64{a.ID})
		assertEqual(t, "base", got[a.ID].BaseScore, 91.5)
		s, _ := d.IndicatorScoresByAssessments(context.Background(), []int64{a.ID})
		assertEqual(t, "scores", len(s[a.ID]), 2)
		assertEqual(t, "score", s[a.ID][0].Score, 35.5)
		mustRollups(t, d)
	})

	t.Run("ErrRestoreWhenReferenceGone", func(t *testing.T) {
		k, err := d.CreateCampaign(ctx, db.CampaignFields{Code: "AID_JL", NameZh: "援助吉林", NameEn: "Aid to Jilin", Kind: db.CampaignAid, StartDate: "2022-03-01"})
		if err != nil {
			t.Fatal(err)
		}
		v, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: unitPower, CampaignID: &k.ID, Date: "2022-03-05", Volunteers: 2, Minutes: 120, Method: db.MethodShift})
		if err != nil {
			t.Fatal(err)
		}
		_, err = d.DeleteRecord(ctx, db.EntityCampaign, k.ID, 0)
		assertCode(t, err, db.ECONFLICT) // still referenced by the record
		vb, err := d.DeleteRecord(ctx, db.EntityVolunteerRecord, v.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.DeleteRecord(ctx, db.EntityCampaign, k.ID, 0); err != nil {
			t.Fatal(err)
		}
		_, err = d.RestoreRecord(admin, vb.ID)
		assertCode(t, err, db.ECONFLICT)
		mustRollups(t, d)
	})
}

func testDeleteReferencedPerson(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, writeDataset())
	if _, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "CHINA_GOOD_PERSON", PersonID: ptr(int64(1)), Year: 2021}); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrPersonWithHonours", func(t *testing.T) {
		_, err := d.DeleteRecord(ctx, db.EntityPerson, 1, 0)
		assertCode(t, err, db.ECONFLICT)
	})
	t.Run("PersonWithoutHonours", func(t *testing.T) {
		if _, err := d.DeleteRecord(ctx, db.EntityPerson, 2, 1); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrUnknownRecord", func(t *testing.T) {
		_, err := d.DeleteRecord(ctx, db.EntityPerson, 999, 0)
		assertCode(t, err, db.ENOTFOUND)
	})
}

func testRankingWeightWrites(t *testing.T, open Opener) {
	ctx := db.WithPrincipal(context.Background(), &db.Principal{UserID: 1, Username: "admin", Role: db.RoleAdmin, Via: "session"})
	d := mustOpenLoaded(t, open, writeDataset())
	in := []db.RankingWeightFields{{Component: db.ComponentHonors, Weight: 0.4}, {Component: db.ComponentVolunteer, Weight: 0.2},
		{Component: db.ComponentPractice, Weight: 0.15}, {Component: db.ComponentAssessment, Weight: 0.25}}

	t.Run("ErrOnlyVersion", func(t *testing.T) {
		_, err := d.DeleteRecord(ctx, db.EntityRankingWeights, 2019, 0)
		assertCode(t, err, db.ECONFLICT)
	})
	t.Run("ErrSumNotOne", func(t *testing.T) {
		bad := append([]db.RankingWeightFields(nil), in...)
		bad[0].Weight = 0.5
		_, err := d.SetRankingWeights(ctx, 2023, bad)
		assertCode(t, err, db.EINVALID)
	})
	t.Run("ErrMissingComponent", func(t *testing.T) {
		_, err := d.SetRankingWeights(ctx, 2023, in[:3])
		assertCode(t, err, db.EINVALID)
	})
	t.Run("SetNewVersion", func(t *testing.T) {
		ws, err := d.SetRankingWeights(ctx, 2023, in)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "components", len(ws), 4)
		assertEqual(t, "from year", ws[0].FromYear, 2023)
		assertEqual(t, "honours weight", ws[0].Weight, 0.4)
		old, _ := d.RankingWeights(context.Background(), 2022)
		assertEqual(t, "2022 keeps the old version", old[0].Weight, 0.25)
	})
	t.Run("DeleteAndRestoreVersion", func(t *testing.T) {
		b, err := d.DeleteRecord(ctx, db.EntityRankingWeights, 2023, 0)
		if err != nil {
			t.Fatal(err)
		}
		ws, _ := d.RankingWeights(context.Background(), 2024)
		assertEqual(t, "falls back to 2019", ws[0].FromYear, 2019)
		if _, err := d.RestoreRecord(ctx, b.ID); err != nil {
			t.Fatal(err)
		}
		ws, _ = d.RankingWeights(context.Background(), 2024)
		assertEqual(t, "restored", ws[0].FromYear, 2023)
		assertEqual(t, "restored weight", ws[0].Weight, 0.4)
	})
}

func testAuditLog(t *testing.T, open Opener) {
	d := mustOpenLoaded(t, open, writeDataset())
	alice := db.WithPrincipal(context.Background(), &db.Principal{UserID: 11, Username: "alice", Role: db.RoleEditor, Via: "session"})
	bob := db.WithPrincipal(context.Background(), &db.Principal{UserID: 12, Username: "bob", Role: db.RoleEditor, Via: "token"})
	for i := 0; i < 3; i++ {
		if _, err := d.CreateUnit(alice, db.UnitFields{Name: "单位" + string(rune('甲'+i)), Kind: "机关"}); err != nil {
			t.Fatal(err)
		}
	}
	u, err := d.CreateUnit(bob, db.UnitFields{Name: "单位丁", Kind: "医院"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.UpdateUnit(bob, u.ID, 1, db.UnitFields{Name: "单位戊", Kind: "医院"}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.CreatePerson(context.Background(), db.PersonFields{Name: "系统导入的人"}); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name string
		f    db.AuditCriteria
		want int
	}{
		{"All", db.AuditCriteria{}, 6},
		{"ByUserID", db.AuditCriteria{UserID: 11}, 3},
		{"ByUsernameAnyCase", db.AuditCriteria{Username: "BOB"}, 2},
		{"ByEntity", db.AuditCriteria{Entity: db.EntityPerson}, 1},
		{"ByAction", db.AuditCriteria{Action: db.ActionUpdate}, 1},
		{"FromFuture", db.AuditCriteria{From: time.Now().Add(time.Hour)}, 0},
		{"ToPast", db.AuditCriteria{To: time.Now().Add(-time.Hour)}, 0},
		{"Window", db.AuditCriteria{From: time.Now().Add(-time.Hour), To: time.Now().Add(time.Hour)}, 6},
		// One record: 单位丁's creation and its rename, not the other units' entries.
		{"ByRecord", db.AuditCriteria{Entity: db.EntityUnit, RecordID: u.ID}, 2},
		{"ByRecordAndAction", db.AuditCriteria{Entity: db.EntityUnit, RecordID: u.ID, Action: db.ActionUpdate}, 1},
		{"ByRecordMissing", db.AuditCriteria{Entity: db.EntityUnit, RecordID: u.ID + 1000}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertEqual(t, "entries", len(auditOf(t, d, tc.f)), tc.want)
		})
	}

	t.Run("SystemWrites", func(t *testing.T) {
		a := auditOf(t, d, db.AuditCriteria{Entity: db.EntityPerson})
		assertEqual(t, "username", a[0].Username, "system")
		assertEqual(t, "user id", a[0].UserID, (*int64)(nil))
	})

	t.Run("PagesNewestFirst", func(t *testing.T) {
		var ids []int64
		after := ""
		for {
			p, err := d.AuditLog(context.Background(), db.AuditCriteria{}, db.Page{First: 4, After: after})
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "total", p.TotalCount, 6)
			for _, e := range p.Edges {
				ids = append(ids, e.Node.ID)
			}
			if !p.PageInfo.HasNextPage {
				break
			}
			after = *p.PageInfo.EndCursor
		}
		assertIDs(t, ids, []int64{6, 5, 4, 3, 2, 1})
	})
}

func testRecordConnections(t *testing.T, open Opener) {
	ctx := context.Background()
	ds := addPractice(baseDataset())
	ds.VolunteerRecords = []*db.VolunteerRecord{
		{ID: 1, UnitID: unitTransport, Date: "2021-03-01", Volunteers: 5, Minutes: 600, Method: db.MethodSignIn},
		{ID: 2, UnitID: unitPower, Date: "2020-04-01", Volunteers: 1, Minutes: 60, Method: db.MethodSignIn},
		{ID: 3, UnitID: unitZhengzhouU, Date: "2021-05-01", Volunteers: 5, Minutes: 300, Method: db.MethodShift},
		{ID: 4, UnitID: unitTransport, Date: "2020-12-31", Volunteers: 9, Minutes: 60, Method: db.MethodSignIn},
	}
	ds.Assessments = []*db.Assessment{
		{ID: 1, UnitID: unitTransport, Year: 2021, BaseScore: 90, Bonus: 5, Stage: db.StageNamed},
		{ID: 2, UnitID: unitZhengzhouU, Year: 2021, BaseScore: 88, Stage: db.StageRevoked},
		{ID: 3, UnitID: unitPower, Year: 2020, BaseScore: 80, Stage: db.StageNamed},
	}
	d := mustOpenLoaded(t, open, ds)

	pageAll := func(t *testing.T, order db.VolunteerRecordOrder, f db.VolunteerCriteria) []int64 {
		var ids []int64
		after := ""
		for {
			p, err := d.VolunteerRecordsInOrder(ctx, f, order, db.Page{First: 1, After: after})
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "total", p.TotalCount, 4)
			for _, e := range p.Edges {
				ids = append(ids, e.Node.ID)
			}
			if !p.PageInfo.HasNextPage {
				return ids
			}
			after = *p.PageInfo.EndCursor
		}
	}
	for _, tc := range []struct {
		name  string
		order db.VolunteerRecordOrder
		want  []int64
	}{
		{"ByID", db.VolunteerRecordOrder{}, []int64{1, 2, 3, 4}},
		{"ByIDDesc", db.VolunteerRecordOrder{Field: db.VolunteerOrderByID, Direction: db.OrderDirectionDesc}, []int64{4, 3, 2, 1}},
		{"ByDate", db.VolunteerRecordOrder{Field: db.VolunteerOrderByDate}, []int64{2, 4, 1, 3}},
		{"ByHoursTiesOnID", db.VolunteerRecordOrder{Field: db.VolunteerOrderByHours}, []int64{2, 4, 3, 1}},
		{"ByHoursDesc", db.VolunteerRecordOrder{Field: db.VolunteerOrderByHours, Direction: db.OrderDirectionDesc}, []int64{1, 3, 4, 2}},
		{"ByVolunteersTiesOnID", db.VolunteerRecordOrder{Field: db.VolunteerOrderByVolunteers}, []int64{2, 1, 3, 4}},
		{"ByUnitName", db.VolunteerRecordOrder{Field: db.VolunteerOrderByUnit}, []int64{1, 4, 2, 3}},
	} {
		t.Run("Volunteer/"+tc.name, func(t *testing.T) { assertIDs(t, pageAll(t, tc.order, db.VolunteerCriteria{}), tc.want) })
	}
	t.Run("Volunteer/ErrCursorOfOtherOrder", func(t *testing.T) {
		p, err := d.VolunteerRecordsInOrder(ctx, db.VolunteerCriteria{}, db.VolunteerRecordOrder{Field: db.VolunteerOrderByDate}, db.Page{First: 1})
		if err != nil {
			t.Fatal(err)
		}
		_, err = d.VolunteerRecordsInOrder(ctx, db.VolunteerCriteria{}, db.VolunteerRecordOrder{Field: db.VolunteerOrderByHours}, db.Page{First: 1, After: *p.PageInfo.EndCursor})
		assertCode(t, err, db.EINVALID)
		_, err = d.VolunteerRecordsInOrder(ctx, db.VolunteerCriteria{}, db.VolunteerRecordOrder{}, db.Page{First: 1, After: *p.PageInfo.EndCursor})
		assertCode(t, err, db.EINVALID)
	})

	t.Run("PracticeActivities", func(t *testing.T) {
		var ids []int64
		after := ""
		for {
			p, err := d.PracticeActivities(ctx, db.PracticeActivityCriteria{}, db.Page{First: 2, After: after})
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "total", p.TotalCount, 5)
			for _, e := range p.Edges {
				ids = append(ids, e.Node.ID)
			}
			if !p.PageInfo.HasNextPage {
				break
			}
			after = *p.PageInfo.EndCursor
		}
		assertIDs(t, ids, []int64{1, 2, 3, 5, 4})
	})
	t.Run("PracticeActivitiesFiltered", func(t *testing.T) {
		p, err := d.PracticeActivities(ctx, db.PracticeActivityCriteria{Years: db.YearRange{From: 2021, To: 2021}, Kinds: []db.ActivityKind{db.ActivityPromotionWeek}}, db.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "total", p.TotalCount, 1)
		p, err = d.PracticeActivities(ctx, db.PracticeActivityCriteria{CenterID: 1}, db.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "centre 1", p.TotalCount, 2)
	})

	t.Run("Assessments", func(t *testing.T) {
		p, err := d.Assessments(ctx, db.AssessmentCriteria{}, db.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, e := range p.Edges {
			ids = append(ids, e.Node.ID)
		}
		assertIDs(t, ids, []int64{3, 1, 2})
		p, err = d.Assessments(ctx, db.AssessmentCriteria{Year: 2021, UnitKind: "高校", Stages: []db.AssessmentStage{db.StageRevoked}}, db.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "filtered", p.TotalCount, 1)
		assertEqual(t, "version", p.Edges[0].Node.Version, 1)
	})
}
