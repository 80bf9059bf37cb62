package seed_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
	"github.com/wenming/wenming/db/seed"
)

// validator checks generated records against the rules mutations and imports apply, and that no two share the
// natural key an import matches on.
type validator struct {
	t          *testing.T
	units      map[int64]*db.Unit
	people     map[int64]*db.Person
	projects   map[int64]*db.VolunteerProject
	works      map[int64]*db.Work
	categories map[int64]*db.HonorCategory
	campaigns  map[int64]*db.Campaign
	sources    map[int64]*db.SourceDocument
	keys       map[string]int64
	failures   int
}

func newValidator(t *testing.T, ds *db.Dataset) *validator {
	v := &validator{t: t, units: map[int64]*db.Unit{}, people: map[int64]*db.Person{}, projects: map[int64]*db.VolunteerProject{},
		works: map[int64]*db.Work{}, categories: map[int64]*db.HonorCategory{}, campaigns: map[int64]*db.Campaign{},
		sources: map[int64]*db.SourceDocument{}, keys: map[string]int64{}}
	for _, x := range ds.Units {
		v.units[x.ID] = x
	}
	for _, x := range ds.People {
		v.people[x.ID] = x
	}
	for _, x := range ds.Projects {
		v.projects[x.ID] = x
	}
	for _, x := range ds.Works {
		v.works[x.ID] = x
	}
	for _, x := range ds.Categories {
		v.categories[x.ID] = x
	}
	for _, x := range ds.Campaigns {
		v.campaigns[x.ID] = x
	}
	for _, x := range ds.Sources {
		v.sources[x.ID] = x
	}
	return v
}

// fail reports a bad record; after 20 the rest are counted only.
func (v *validator) fail(what string, id int64, format string, args ...any) {
	v.t.Helper()
	if v.failures++; v.failures <= 20 {
		v.t.Errorf("%s %d: %s", what, id, fmt.Sprintf(format, args...))
	}
}

func (v *validator) check(what string, id int64, err error) {
	v.t.Helper()
	if err != nil {
		v.fail(what, id, "%v", err)
	}
}

// key fails a record whose natural key an earlier record of its kind already had.
func (v *validator) key(what string, id int64, rec any) {
	v.t.Helper()
	k := what + fmt.Sprint(importer.NaturalKey(rec)...)
	if first, dup := v.keys[k]; dup {
		v.fail(what, id, "same natural key %v as record %d: an import would call them one record", importer.NaturalKey(rec), first)
		return
	}
	v.keys[k] = id
}

func (v *validator) unit(u *db.Unit) {
	f := db.UnitFields{Name: u.Name, Kind: u.Kind, Sector: u.Sector, ServiceWindow: u.ServiceWindow}
	v.check("unit", u.ID, f.Validate())
	if f.Name != u.Name || u.Campus != (u.Kind == "高校" || u.Kind == "中小学") || !u.Demo {
		v.fail("unit", u.ID, "untrimmed name, wrong campus flag or not demo: %+v", u)
	}
	v.key("unit", u.ID, u)
}

func (v *validator) person(p *db.Person) {
	v.check("person", p.ID, (&db.PersonFields{Name: p.Name, UnitID: p.UnitID, Citation: p.Citation}).Validate())
	if p.UnitID != nil && v.units[*p.UnitID] == nil || !p.Demo {
		v.fail("person", p.ID, "unknown unit or not demo")
	}
	v.key("person", p.ID, p)
}

// honor applies the honour rules: the category's recipient kind and record, a date in the year and no later than
// the article, and a demo source.
func (v *validator) honor(h *db.Honor) {
	c := v.categories[h.CategoryID]
	if c == nil {
		v.fail("honor", h.ID, "unknown category %d", h.CategoryID)
		return
	}
	v.check("honor", h.ID, (&db.HonorFields{CategoryCode: c.Code, UnitID: h.UnitID, PersonID: h.PersonID, ProjectID: h.ProjectID, WorkID: h.WorkID,
		RecipientName: h.RecipientName, Year: h.Year, Date: h.Date, Edition: h.Edition, Status: &h.Status}).Validate())
	if h.RecipientKind != c.RecipientKind {
		v.fail("honor", h.ID, "recipient kind %s, category %s gives %s", h.RecipientKind, c.Code, c.RecipientKind)
	}
	switch h.RecipientKind {
	case db.RecipientUnit, db.RecipientCampus, db.RecipientWindow:
		u := v.units[deref(h.UnitID)]
		switch {
		case u == nil:
			v.fail("honor", h.ID, "no unit")
		case h.PersonID != nil || h.ProjectID != nil || h.WorkID != nil:
			v.fail("honor", h.ID, "a unit honour names another recipient")
		case h.RecipientKind == db.RecipientCampus && !u.Campus, h.RecipientKind == db.RecipientUnit && u.Campus,
			h.RecipientKind == db.RecipientWindow && !u.ServiceWindow:
			v.fail("honor", h.ID, "%s honour of %s %s", h.RecipientKind, u.Kind, u.Name)
		case h.RecipientName != u.Name:
			v.fail("honor", h.ID, "recipient %q is not unit %q", h.RecipientName, u.Name)
		}
	case db.RecipientPerson:
		if p := v.people[deref(h.PersonID)]; p == nil || p.Name != h.RecipientName {
			v.fail("honor", h.ID, "no person named %q", h.RecipientName)
		}
	case db.RecipientProject:
		if p := v.projects[deref(h.ProjectID)]; p == nil || p.Name != h.RecipientName {
			v.fail("honor", h.ID, "no project named %q", h.RecipientName)
		}
	case db.RecipientWork:
		if w := v.works[deref(h.WorkID)]; w == nil || w.Title != h.RecipientName {
			v.fail("honor", h.ID, "no work titled %q", h.RecipientName)
		}
	}
	if h.Year > db.LastYear || h.Date != nil && *h.Date > seed.ArticlePublished {
		v.fail("honor", h.ID, "dated %v (year %d), after the article of %s", h.Date, h.Year, seed.ArticlePublished)
	}
	if s := v.sources[deref(h.SourceID)]; s == nil || !s.Demo || !h.Demo {
		v.fail("honor", h.ID, "a demo honour must be flagged and cite the demo source, not source %d", deref(h.SourceID))
	}
	v.key("honor", h.ID, h)
}

func (v *validator) record(r *db.VolunteerRecord) {
	v.check("record", r.ID, (&db.VolunteerRecordFields{UnitID: r.UnitID, CampaignID: r.CampaignID, Date: r.Date, Volunteers: r.Volunteers,
		Minutes: r.Minutes, Method: r.Method, Verified: r.Verified}).Validate())
	if v.units[r.UnitID] == nil || !r.Demo {
		v.fail("record", r.ID, "unknown unit or not demo")
	}
	if r.CampaignID != nil {
		c := v.campaigns[*r.CampaignID]
		if c == nil || r.Date < c.StartDate || c.EndDate != nil && r.Date > *c.EndDate {
			v.fail("record", r.ID, "dated %s, outside campaign %d", r.Date, *r.CampaignID)
		}
	}
	v.key("record", r.ID, r)
}

func (v *validator) activity(a *db.PracticeActivity) {
	v.check("activity", a.ID, (&db.PracticeActivityFields{UnitID: a.UnitID, CenterID: a.CenterID, Date: a.Date, Kind: a.Kind, Theme: a.Theme,
		Sessions: a.Sessions, Participants: a.Participants}).Validate())
	if v.units[a.UnitID] == nil || !a.Demo {
		v.fail("activity", a.ID, "unknown unit or not demo")
	}
	v.key("activity", a.ID, a)
}

func (v *validator) assessment(a *db.Assessment) {
	v.check("assessment", a.ID, (&db.AssessmentFields{UnitID: a.UnitID, Year: a.Year, BaseScore: a.BaseScore, Bonus: a.Bonus, Veto: a.Veto,
		Stage: a.Stage}).Validate())
	if v.units[a.UnitID] == nil || !a.Demo {
		v.fail("assessment", a.ID, "unknown unit or not demo")
	}
	v.key("assessment", a.ID, a)
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// TestGeneratedRecordsValidate runs every record the demo and scale generators make through the validation of
// mutations and imports: field rules, campaign dates, recipient kinds, no honour after the article, demo flags and
// sources, and distinct natural keys.
func TestGeneratedRecordsValidate(t *testing.T) {
	t.Run("Demo", func(t *testing.T) {
		ds, err := seed.Demo()
		if err != nil {
			t.Fatal(err)
		}
		v := newValidator(t, ds)
		if s := v.sources[seed.SourceID]; s == nil || s.Demo {
			t.Fatal("the article must stay a real source")
		}
		for _, u := range ds.Units {
			v.unit(u)
		}
		for _, p := range ds.People {
			v.person(p)
		}
		for _, h := range ds.Honors {
			v.honor(h)
		}
		for _, r := range ds.VolunteerRecords {
			v.record(r)
		}
		for _, a := range ds.Activities {
			v.activity(a)
		}
		for _, a := range ds.Assessments {
			v.assessment(a)
		}
		if v.failures > 0 {
			t.Fatalf("%d generated records fail validation", v.failures)
		}
		if len(ds.Honors) == 0 || len(ds.VolunteerRecords) == 0 || len(ds.Activities) == 0 || len(ds.Assessments) == 0 {
			t.Fatal("the demo dataset lost a kind of record")
		}
	})
	t.Run("Scale0.1", func(t *testing.T) {
		b, err := seed.Scale(0.1)
		if err != nil {
			t.Fatal(err)
		}
		v := newValidator(t, b.Base)
		for _, u := range b.Base.Units {
			v.unit(u)
		}
		n := 0
		for h := range b.Honors {
			v.honor(h)
			n++
		}
		if n != int(seed.ScaleHonors*0.1) {
			t.Errorf("%d honours, want %d", n, int(seed.ScaleHonors*0.1))
		}
		campaign := 0
		for r := range b.VolunteerRecords {
			v.record(r)
			if r.CampaignID != nil {
				campaign++
			}
		}
		if campaign == 0 {
			t.Error("no campaign records at scale")
		}
		for a := range b.Activities {
			v.activity(a)
		}
		for a := range b.Assessments {
			v.assessment(a)
		}
		if v.failures > 0 {
			t.Fatalf("%d generated records fail validation", v.failures)
		}
		if !slices.ContainsFunc(b.Base.Sources, func(s *db.SourceDocument) bool { return s.Demo }) {
			t.Fatal("no demo source document")
		}
	})
}
