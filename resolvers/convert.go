package resolvers

import (
	"context"
	"slices"
	"strings"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/graph/model"
)

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// period resolves optional year arguments to a validated range, defaulting to the reporting period 2019–2024.
func period(from, to *int) (db.YearRange, error) {
	return db.YearRange{From: deref(from), To: deref(to)}.Resolve()
}

// filterYears validates optional filter years but leaves missing bounds open.
func filterYears(from, to *int) (db.YearRange, error) {
	r := db.YearRange{From: deref(from), To: deref(to)}
	check := r
	if check.From == 0 {
		check.From = db.MinYear
	}
	if check.To == 0 {
		check.To = db.MaxYear
	}
	if _, err := check.Resolve(); err != nil {
		return r, err
	}
	return r, nil
}

// page validates Relay arguments: first within 1–100, default 20 when absent.
func page(first *int, after *string) (db.Page, error) {
	p := db.Page{First: db.DefaultPageSize, After: deref(after)}
	if first != nil {
		p.First = *first
		if p.First == 0 {
			return p, db.FieldErrorf("first", "first 必须在 1 到 %d 之间，收到 0", db.MaxPageSize)
		}
	}
	return p.Validate()
}

// sortedPage is page in the client's order; without orderBy the list keeps its historical order.
func sortedPage(first *int, after *string, orderBy *db.ListOrder) (db.Page, error) {
	p, err := page(first, after)
	if orderBy != nil {
		p.Order = *orderBy
	}
	return p, err
}

// maxListArg bounds any list argument of a filter; SQLite allows 32,766 parameters, and a longer list is a mistake.
const maxListArg = 1000

// checkLists rejects filter lists longer than maxListArg.
func checkLists(lists map[string]int) error {
	for field, n := range lists {
		if n > maxListArg {
			return db.FieldErrorf(field, "%s 的取值过多（%d 个，上限 %d 个）", field, n, maxListArg)
		}
	}
	return nil
}

// checkUnitKind rejects a unit kind the office does not use.
func checkUnitKind(field string, kind *string) error {
	if kind == nil || *kind == "" || slices.Contains(db.UnitKinds, *kind) {
		return nil
	}
	return db.FieldErrorf(field, "未知的单位类型：%q（可选：%s）", *kind, strings.Join(db.UnitKinds, "、"))
}

// checkCategories rejects honour category codes that are not in the catalogue.
func (r *Resolver) checkCategories(ctx context.Context, codes []string) error {
	if len(codes) == 0 {
		return nil
	}
	cats, err := r.Store.HonorCategories(ctx)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, k := range cats {
		known[k.Code] = true
	}
	for _, code := range codes {
		if !known[code] {
			return db.FieldErrorf("categories", "未知的荣誉类别代码：%q", code)
		}
	}
	return nil
}

// honorCriteria validates an honour filter at the edge: years, category codes and the unit ID.
func (r *Resolver) honorCriteria(ctx context.Context, f *model.HonorFilter) (db.HonorCriteria, error) {
	var c db.HonorCriteria
	if f == nil {
		return c, nil
	}
	var err error
	if c.Years, err = filterYears(f.FromYear, f.ToYear); err != nil {
		return c, err
	}
	if err := checkLists(map[string]int{"levels": len(f.Levels), "categories": len(f.Categories), "recipientKinds": len(f.RecipientKinds), "statuses": len(f.Statuses)}); err != nil {
		return c, err
	}
	if err := r.checkCategories(ctx, f.Categories); err != nil {
		return c, err
	}
	if err := checkUnitKind("unitKind", f.UnitKind); err != nil {
		return c, err
	}
	if f.UnitID != nil {
		if c.UnitID, err = db.ParseTypedID("unitId", db.NodeUnit, *f.UnitID); err != nil {
			return c, err
		}
	}
	c.Levels, c.Categories, c.RecipientKinds, c.Statuses = f.Levels, f.Categories, f.RecipientKinds, f.Statuses
	c.UnitKind, c.Edition, c.Demo = deref(f.UnitKind), deref(f.Edition), f.Demo
	return c, nil
}

// volunteerCriteria validates a volunteer filter at the edge.
func (r *Resolver) volunteerCriteria(ctx context.Context, f *model.VolunteerFilter) (db.VolunteerCriteria, error) {
	var c db.VolunteerCriteria
	if f == nil {
		return c, nil
	}
	var err error
	if c.Years, err = filterYears(f.FromYear, f.ToYear); err != nil {
		return c, err
	}
	if err := checkLists(map[string]int{"campaigns": len(f.Campaigns), "methods": len(f.Methods)}); err != nil {
		return c, err
	}
	if len(f.Campaigns) > 0 {
		ks, err := r.Store.Campaigns(ctx)
		if err != nil {
			return c, err
		}
		known := map[string]bool{db.RoutineCampaign: true}
		for _, k := range ks {
			known[k.Code] = true
		}
		for _, code := range f.Campaigns {
			if !known[code] {
				return c, db.FieldErrorf("campaigns", "未知的专项行动代码：%q", code)
			}
		}
	}
	if f.UnitID != nil {
		if c.UnitID, err = db.ParseTypedID("unitId", db.NodeUnit, *f.UnitID); err != nil {
			return c, err
		}
	}
	if err := checkUnitKind("unitKind", f.UnitKind); err != nil {
		return c, err
	}
	c.Campaigns, c.Methods, c.Verified, c.Demo, c.UnitKind = f.Campaigns, f.Methods, f.Verified, f.Demo, deref(f.UnitKind)
	return c, nil
}

// assignmentIDs reads the global IDs of a task and a unit that name one unit's report.
func assignmentIDs(taskID, unitID string) (int64, int64, error) {
	tid, err := db.ParseTypedID("taskId", db.NodeReportTask, taskID)
	if err != nil {
		return 0, 0, err
	}
	uid, err := db.ParseTypedID("unitId", db.NodeUnit, unitID)
	return tid, uid, err
}
