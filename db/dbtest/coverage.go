package dbtest

import (
	"context"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
)

// walk pages through a whole connection five items at a time and checks that the walk ends, meets every item once
// and agrees with the connection's total.
func walk(t *testing.T, what string, page func(p db.Page) (ids []int64, info db.PageInfo, total int, err error)) []int64 {
	t.Helper()
	var all []int64
	seen := map[int64]bool{}
	after := ""
	for pages := 0; ; pages++ {
		ids, info, total, err := page(db.Page{First: 5, After: after})
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, id := range ids {
			if seen[id] {
				t.Fatalf("%s: item %d met twice", what, id)
			}
			seen[id] = true
		}
		all = append(all, ids...)
		if !info.HasNextPage {
			if len(all) != total {
				t.Fatalf("%s: the walk met %d items, totalCount says %d", what, len(all), total)
			}
			return all
		}
		if info.EndCursor == nil || len(ids) == 0 || pages > 10000 {
			t.Fatalf("%s: a next page without an end cursor", what)
		}
		after = *info.EndCursor
	}
}

// testPagingWalks walks every Relay connection of the demo dataset to its end.
func testPagingWalks(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenDemo(t, open)
	// Deleted records and audit entries appear once something is deleted.
	var vr *db.VolunteerRecord
	d.EachVolunteerRecord(ctx, db.VolunteerCriteria{}, func(r *db.VolunteerRecord) error { vr = r; return nil })
	if _, err := d.DeleteRecord(editorCtx(), db.EntityVolunteerRecord, vr.ID, vr.Version); err != nil {
		t.Fatal(err)
	}
	walks := []struct {
		name string
		page func(p db.Page) ([]int64, db.PageInfo, int, error)
	}{
		{"Units", func(p db.Page) ([]int64, db.PageInfo, int, error) {
			c, err := d.Units(ctx, db.UnitCriteria{}, p)
			if err != nil {
				return nil, db.PageInfo{}, 0, err
			}
			return unitIDs(c), c.PageInfo, c.TotalCount, nil
		}},
		{"Honors", func(p db.Page) ([]int64, db.PageInfo, int, error) {
			c, err := d.Honors(ctx, db.HonorCriteria{Years: db.YearRange{From: 2023, To: 2024}}, db.HonorOrder{}, p)
			if err != nil {
				return nil, db.PageInfo{}, 0, err
			}
			return honorIDs(c), c.PageInfo, c.TotalCount, nil
		}},
		{"People", func(p db.Page) ([]int64, db.PageInfo, int, error) {
			c, err := d.People(ctx, db.PersonCriteria{}, p)
			if err != nil {
				return nil, db.PageInfo{}, 0, err
			}
			var ids []int64
			for _, e := range c.Edges {
				ids = append(ids, e.Node.ID)
			}
			return ids, c.PageInfo, c.TotalCount, nil
		}},
		{"VolunteerRecords", func(p db.Page) ([]int64, db.PageInfo, int, error) {
			c, err := d.VolunteerRecords(ctx, db.VolunteerCriteria{Years: db.YearRange{From: 2024, To: 2024}, Methods: []db.RecordingMethod{db.MethodSignIn}}, p)
			if err != nil {
				return nil, db.PageInfo{}, 0, err
			}
			return recordIDs(c), c.PageInfo, c.TotalCount, nil
		}},
		{"PracticeActivities", func(p db.Page) ([]int64, db.PageInfo, int, error) {
			c, err := d.PracticeActivities(ctx, db.PracticeActivityCriteria{}, p)
			if err != nil {
				return nil, db.PageInfo{}, 0, err
			}
			var ids []int64
			for _, e := range c.Edges {
				ids = append(ids, e.Node.ID)
			}
			return ids, c.PageInfo, c.TotalCount, nil
		}},
		{"Assessments", func(p db.Page) ([]int64, db.PageInfo, int, error) {
			c, err := d.Assessments(ctx, db.AssessmentCriteria{}, p)
			if err != nil {
				return nil, db.PageInfo{}, 0, err
			}
			var ids []int64
			for _, e := range c.Edges {
				ids = append(ids, e.Node.ID)
			}
			return ids, c.PageInfo, c.TotalCount, nil
		}},
		{"Wishes", func(p db.Page) ([]int64, db.PageInfo, int, error) {
			c, err := d.Wishes(ctx, db.WishCriteria{}, p)
			if err != nil {
				return nil, db.PageInfo{}, 0, err
			}
			var ids []int64
			for _, e := range c.Edges {
				ids = append(ids, e.Node.ID)
			}
			return ids, c.PageInfo, c.TotalCount, nil
		}},
		{"ExcellentCases", func(p db.Page) ([]int64, db.PageInfo, int, error) {
			c, err := d.ExcellentCases(ctx, db.CaseCriteria{}, p)
			if err != nil {
				return nil, db.PageInfo{}, 0, err
			}
			var ids []int64
			for _, e := range c.Edges {
				ids = append(ids, e.Node.ID)
			}
			return ids, c.PageInfo, c.TotalCount, nil
		}},
		{"TalentMembers", func(p db.Page) ([]int64, db.PageInfo, int, error) {
			c, err := d.TalentMembers(ctx, db.TalentCriteria{}, p)
			if err != nil {
				return nil, db.PageInfo{}, 0, err
			}
			var ids []int64
			for _, e := range c.Edges {
				ids = append(ids, e.Node.ID)
			}
			return ids, c.PageInfo, c.TotalCount, nil
		}},
		{"CivilisationEvents", func(p db.Page) ([]int64, db.PageInfo, int, error) {
			c, err := d.CivilisationEvents(ctx, db.EventCriteria{}, p)
			if err != nil {
				return nil, db.PageInfo{}, 0, err
			}
			var ids []int64
			for _, e := range c.Edges {
				ids = append(ids, e.Node.ID)
			}
			return ids, c.PageInfo, c.TotalCount, nil
		}},
		{"DeletedRecords", func(p db.Page) ([]int64, db.PageInfo, int, error) {
			c, err := d.DeletedRecords(ctx, db.DeletedCriteria{}, p)
			if err != nil {
				return nil, db.PageInfo{}, 0, err
			}
			var ids []int64
			for _, e := range c.Edges {
				ids = append(ids, e.Node.ID)
			}
			return ids, c.PageInfo, c.TotalCount, nil
		}},
		{"AuditLog", func(p db.Page) ([]int64, db.PageInfo, int, error) {
			c, err := d.AuditLog(ctx, db.AuditCriteria{}, p)
			if err != nil {
				return nil, db.PageInfo{}, 0, err
			}
			var ids []int64
			for _, e := range c.Edges {
				ids = append(ids, e.Node.ID)
			}
			return ids, c.PageInfo, c.TotalCount, nil
		}},
	}
	for _, w := range walks {
		t.Run(w.name, func(t *testing.T) {
			if ids := walk(t, w.name, w.page); len(ids) == 0 {
				t.Fatal("nothing to walk: the demo dataset should hold some")
			}
		})
	}
}

// byIDs checks a ByIDs loader: it returns the asked records under their IDs and leaves unknown IDs out.
func byIDs[T any](t *testing.T, what string, ids []int64, load func(ctx context.Context, ids []int64) (map[int64]T, error)) {
	t.Helper()
	if len(ids) == 0 {
		t.Fatalf("%s: no records to load", what)
	}
	if len(ids) > 3 {
		ids = ids[:3]
	}
	got, err := load(context.Background(), append(append([]int64{}, ids...), 987654321))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if len(got) != len(ids) {
		t.Fatalf("%s: %d records for %d known IDs and an unknown one", what, len(got), len(ids))
	}
	for _, id := range ids {
		if _, ok := got[id]; !ok {
			t.Fatalf("%s: record %d missing", what, id)
		}
	}
	empty, err := load(context.Background(), nil)
	if err != nil || len(empty) != 0 {
		t.Fatalf("%s of no IDs = %v, %v", what, empty, err)
	}
}

// testLoaders covers the batch loaders the API's dataloaders call, over the demo dataset.
func testLoaders(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenDemo(t, open)
	ids := func(n int, id func(i int) int64) []int64 {
		out := make([]int64, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	t.Run("SourceDocuments", func(t *testing.T) {
		s, err := d.SourceDocuments(ctx)
		if err != nil {
			t.Fatal(err)
		}
		byIDs(t, "SourceDocumentsByIDs", ids(len(s), func(i int) int64 { return s[i].ID }), d.SourceDocumentsByIDs)
	})
	t.Run("Milestones", func(t *testing.T) {
		m, err := d.Milestones(ctx)
		if err != nil {
			t.Fatal(err)
		}
		byIDs(t, "MilestonesByIDs", ids(len(m), func(i int) int64 { return m[i].ID }), d.MilestonesByIDs)
	})
	t.Run("Targets", func(t *testing.T) {
		tg, err := d.CreateTarget(editorCtx(), db.TargetFields{Metric: db.ProgressVolunteerHours, Year: 2026, Value: 1000})
		if err != nil {
			t.Fatal(err)
		}
		byIDs(t, "TargetsByIDs", []int64{tg.ID}, d.TargetsByIDs)
	})
	t.Run("People", func(t *testing.T) {
		p, err := d.People(ctx, db.PersonCriteria{}, db.Page{First: 3})
		if err != nil {
			t.Fatal(err)
		}
		byIDs(t, "PeopleByIDs", ids(len(p.Edges), func(i int) int64 { return p.Edges[i].Node.ID }), d.PeopleByIDs)
	})
	t.Run("PracticeActivities", func(t *testing.T) {
		p, err := d.PracticeActivities(ctx, db.PracticeActivityCriteria{}, db.Page{First: 3})
		if err != nil {
			t.Fatal(err)
		}
		byIDs(t, "PracticeActivitiesByIDs", ids(len(p.Edges), func(i int) int64 { return p.Edges[i].Node.ID }), d.PracticeActivitiesByIDs)
	})
	t.Run("VolunteerProjects", func(t *testing.T) {
		p, err := d.VolunteerProjects(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		byIDs(t, "VolunteerProjectsByIDs", ids(len(p), func(i int) int64 { return p[i].ID }), d.VolunteerProjectsByIDs)
	})
	t.Run("Donations", func(t *testing.T) {
		cs, err := d.Campaigns(ctx)
		if err != nil {
			t.Fatal(err)
		}
		byCampaign, err := d.DonationsByCampaigns(ctx, ids(len(cs), func(i int) int64 { return cs[i].ID }))
		if err != nil {
			t.Fatal(err)
		}
		var all []int64
		for _, ds := range byCampaign {
			for _, x := range ds {
				all = append(all, x.ID)
			}
		}
		byIDs(t, "DonationsByIDs", all, d.DonationsByIDs)
	})
	t.Run("Pairings", func(t *testing.T) {
		var units []int64
		d.EachUnit(ctx, db.UnitCriteria{}, func(u *db.Unit) error { units = append(units, u.ID); return nil })
		byUnit, err := d.PairingsByUnits(ctx, units)
		if err != nil {
			t.Fatal(err)
		}
		var all []int64
		for _, ps := range byUnit {
			for _, x := range ps {
				all = append(all, x.ID)
			}
		}
		byIDs(t, "PairingsByIDs", all, d.PairingsByIDs)
	})
	t.Run("ExcellentCases", func(t *testing.T) {
		p, err := d.ExcellentCases(ctx, db.CaseCriteria{}, db.Page{First: 3})
		if err != nil {
			t.Fatal(err)
		}
		byIDs(t, "ExcellentCasesByIDs", ids(len(p.Edges), func(i int) int64 { return p.Edges[i].Node.ID }), d.ExcellentCasesByIDs)
	})
	t.Run("CivilisationEvents", func(t *testing.T) {
		p, err := d.CivilisationEvents(ctx, db.EventCriteria{}, db.Page{First: 3})
		if err != nil {
			t.Fatal(err)
		}
		byIDs(t, "CivilisationEventsByIDs", ids(len(p.Edges), func(i int) int64 { return p.Edges[i].Node.ID }), d.CivilisationEventsByIDs)
	})
	t.Run("DeletedRecords", func(t *testing.T) {
		var vr *db.VolunteerRecord
		d.EachVolunteerRecord(ctx, db.VolunteerCriteria{}, func(r *db.VolunteerRecord) error { vr = r; return nil })
		del, err := d.DeleteRecord(editorCtx(), db.EntityVolunteerRecord, vr.ID, vr.Version)
		if err != nil {
			t.Fatal(err)
		}
		byIDs(t, "DeletedRecordsByIDs", []int64{del.ID}, d.DeletedRecordsByIDs)
	})
	t.Run("AssessmentIndicators", func(t *testing.T) {
		in, err := d.AssessmentIndicators(ctx, 2023)
		if err != nil {
			t.Fatal(err)
		}
		if len(in) == 0 {
			t.Fatal("no assessment indicators for 2023")
		}
		for _, x := range in {
			if x.Code == "" || x.MaxScore <= 0 {
				t.Fatalf("indicator %+v", x)
			}
		}
	})
	t.Run("ImportCatalog", func(t *testing.T) {
		c, err := d.ImportCatalog(ctx)
		if err != nil {
			t.Fatal(err)
		}
		cats, _ := d.HonorCategories(ctx)
		camps, _ := d.Campaigns(ctx)
		units := 0
		d.EachUnit(ctx, db.UnitCriteria{}, func(*db.Unit) error { units++; return nil })
		assertEqual(t, "catalogue categories", len(c.Categories), len(cats))
		assertEqual(t, "catalogue campaigns", len(c.Campaigns), len(camps))
		assertEqual(t, "catalogue units", len(c.Units), units)
		if len(c.Centers) == 0 || len(c.Projects) == 0 {
			t.Fatalf("catalogue without centres or projects: %d, %d", len(c.Centers), len(c.Projects))
		}
	})
}

// testUpdateEveryKind updates each kind of record not covered elsewhere, with optimistic concurrency: the version
// read must be the version stored.
func testUpdateEveryKind(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, writeDataset())
	type step struct {
		name   string
		create func() (id int64, err error)
		update func(id int64, version int) (newVersion int, err error)
	}
	for _, s := range []step{
		{"Person",
			func() (int64, error) {
				p, err := d.CreatePerson(ctx, db.PersonFields{Name: "王五", UnitID: ptr(int64(unitPower)), Citation: "扶贫"})
				return idOf(p, err, func(p *db.Person) int64 { return p.ID })
			},
			func(id int64, v int) (int, error) {
				p, err := d.UpdatePerson(ctx, id, v, db.PersonFields{Name: "王五", UnitID: ptr(int64(unitFinance)), Citation: "扶贫助学"})
				return versionOf(p, err, func(p *db.Person) int { return p.Version })
			}},
		{"PracticeLink",
			func() (int64, error) {
				l, err := d.CreatePracticeLink(ctx, db.PracticeLinkFields{UnitID: unitFinance, CenterID: 3, SinceYear: 2022})
				return idOf(l, err, func(l *db.PracticeLink) int64 { return l.ID })
			},
			func(id int64, v int) (int, error) {
				l, err := d.UpdatePracticeLink(ctx, id, v, db.PracticeLinkFields{UnitID: unitFinance, CenterID: 3, SinceYear: 2021})
				return versionOf(l, err, func(l *db.PracticeLink) int { return l.Version })
			}},
		{"Target",
			func() (int64, error) {
				tg, err := d.CreateTarget(ctx, db.TargetFields{Metric: db.ProgressVolunteers, Year: 2025, Value: 500})
				return idOf(tg, err, func(tg *db.Target) int64 { return tg.ID })
			},
			func(id int64, v int) (int, error) {
				tg, err := d.UpdateTarget(ctx, id, v, db.TargetFields{Metric: db.ProgressVolunteers, Year: 2025, Value: 600})
				return versionOf(tg, err, func(tg *db.Target) int { return tg.Version })
			}},
		{"TalentMember",
			func() (int64, error) {
				m, err := d.CreateTalentMember(ctx, db.TalentMemberFields{Name: "评审专家（演示）", SinceYear: 2023, Roles: []db.TalentRole{"ONLINE_REVIEW"}})
				return idOf(m, err, func(m *db.TalentMember) int64 { return m.ID })
			},
			func(id int64, v int) (int, error) {
				m, err := d.UpdateTalentMember(ctx, id, v, db.TalentMemberFields{Name: "评审专家（演示）", SinceYear: 2022, Roles: []db.TalentRole{"ONLINE_REVIEW"}})
				return versionOf(m, err, func(m *db.TalentMember) int { return m.Version })
			}},
	} {
		t.Run(s.name, func(t *testing.T) {
			id, err := s.create()
			if err != nil {
				t.Fatal(err)
			}
			before := dataVersion(t, d)
			v, err := s.update(id, 1)
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "version", v, 2)
			if dataVersion(t, d) <= before {
				t.Fatal("an update did not move the data version")
			}
			_, err = s.update(id, 1)
			assertCode(t, err, db.ECONFLICT)
			_, err = s.update(987654321, 1)
			assertCode(t, err, db.ENOTFOUND)
		})
	}
}

func idOf[T any](x T, err error, id func(T) int64) (int64, error) {
	if err != nil {
		return 0, err
	}
	return id(x), nil
}

func versionOf[T any](x T, err error, v func(T) int) (int, error) {
	if err != nil {
		return 0, err
	}
	return v(x), nil
}

// testLoadBulk streams a dataset into an empty database and checks that it reads back, rollups included.
func testLoadBulk(t *testing.T, open Opener) {
	ctx := context.Background()
	d := open(t)
	ds := volunteerDataset()
	records, honors := ds.VolunteerRecords, ds.Honors
	ds.VolunteerRecords, ds.Honors = nil, nil
	err := d.LoadBulk(ctx, &db.BulkDataset{
		Base: ds,
		VolunteerRecords: func(yield func(*db.VolunteerRecord) bool) {
			for _, r := range records {
				if !yield(r) {
					return
				}
			}
		},
		Honors: func(yield func(*db.Honor) bool) {
			for _, h := range honors {
				if !yield(h) {
					return
				}
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ReadsBack", func(t *testing.T) {
		if empty, err := d.IsEmpty(ctx); err != nil || empty {
			t.Fatalf("IsEmpty = %v, %v", empty, err)
		}
		n := 0
		d.EachVolunteerRecord(ctx, db.VolunteerCriteria{}, func(*db.VolunteerRecord) error { n++; return nil })
		assertEqual(t, "volunteer records", n, len(records))
		n = 0
		d.EachHonor(ctx, db.HonorCriteria{}, func(*db.Honor) error { n++; return nil })
		assertEqual(t, "honours", n, len(honors))
	})
	t.Run("RollupsExact", func(t *testing.T) { mustRollups(t, d) })
}

// testClose checks that a closed backend answers no more.
func testClose(t *testing.T, open Opener) {
	d := open(t)
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if err := d.Ping(context.Background()); err == nil {
		t.Fatal("Ping after Close succeeded")
	}
}

// testNaturalKeys checks through the Store what imports rely on: a second record with the same natural key is
// refused with ECONFLICT in Chinese, and a campaign record must fall within the campaign's dates.
func testNaturalKeys(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, writeDataset())
	in := db.VolunteerRecordFields{UnitID: unitPower, Date: "2024-03-05", Volunteers: 9, Minutes: 90, Method: db.MethodSignIn}
	if _, err := d.CreateVolunteerRecord(ctx, in); err != nil {
		t.Fatal(err)
	}
	t.Run("VolunteerRecordConflict", func(t *testing.T) {
		in := in
		in.Volunteers, in.Minutes = 3, 30
		_, err := d.CreateVolunteerRecord(ctx, in)
		assertCode(t, err, db.ECONFLICT)
		if msg := db.ErrorMessage(err); !strings.Contains(msg, "志愿服务记录") {
			t.Fatalf("message %q", msg)
		}
	})
	t.Run("OtherMethodIsAnotherRecord", func(t *testing.T) {
		in := in
		in.Method = db.MethodShift
		if _, err := d.CreateVolunteerRecord(ctx, in); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("CampaignRecordOutsideItsDates", func(t *testing.T) {
		flood := int64(1) // FLOOD720, from 2021-07-20
		in := in
		in.CampaignID, in.Date = &flood, "2020-03-05"
		_, err := d.CreateVolunteerRecord(ctx, in)
		assertCode(t, err, db.EINVALID)
		assertEqual(t, "field", db.ErrorField(err), "date")
		in.Date = "2021-07-21"
		if _, err := d.CreateVolunteerRecord(ctx, in); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("HonorConflict", func(t *testing.T) {
		h := db.HonorFields{CategoryCode: "PROVINCIAL_UNIT", UnitID: ptr(int64(unitPower)), Year: 2024}
		if _, err := d.CreateHonor(ctx, h); err != nil {
			t.Fatal(err)
		}
		_, err := d.CreateHonor(ctx, h)
		assertCode(t, err, db.ECONFLICT)
	})
}
