package dbtest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
)

// mustOpenDemo opens a fresh database holding the whole demo dataset.
func mustOpenDemo(tb testing.TB, open Opener) db.Backend {
	tb.Helper()
	ds, err := seed.Demo()
	if err != nil {
		tb.Fatal(err)
	}
	return mustOpenLoaded(tb, open, ds)
}

func testPracticeActions(t *testing.T, open Opener) {
	ctx := context.Background()
	t.Run("RealNamesFourAndKeepsTwoUnnamed", func(t *testing.T) {
		d := mustOpenReal(t, open)
		as, err := d.PracticeActions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(as) != 6 {
			t.Fatalf("got %d actions, want 6", len(as))
		}
		wantNames := []string{"党的创新理论传播", "主流价值践行", "优质文化供给", "服务惠民暖心", "", ""}
		for i, a := range as {
			if a.Position != i+1 || a.NameZh != wantNames[i] {
				t.Errorf("action %d = %d %q, want %d %q", i, a.Position, a.NameZh, i+1, wantNames[i])
			}
			if a.Identified != (wantNames[i] != "") {
				t.Errorf("%s identified = %v", a.Code, a.Identified)
			}
			if a.SourceID == nil || !strings.Contains(seed.Article, a.Quote) {
				t.Errorf("%s cites %v %q, not a passage of the article", a.Code, a.SourceID, a.Quote)
			}
			if wantNames[i] != "" && !strings.Contains(a.Quote, a.NameZh) {
				t.Errorf("%s name %q is not in its quote", a.Code, a.NameZh)
			}
			if a.Activities != 0 {
				t.Errorf("%s has %d activities without demo data", a.Code, a.Activities)
			}
		}
	})
	t.Run("DemoActivitiesUseOnlyNamedActions", func(t *testing.T) {
		d := mustOpenDemo(t, open)
		as, err := d.PracticeActions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, a := range as {
			if !a.Identified && a.Activities != 0 {
				t.Errorf("unnamed %s carries %d activities", a.Code, a.Activities)
			}
			if a.Identified && (a.Activities == 0 || a.DemoActivities != a.Activities) {
				t.Errorf("%s: %d activities, %d demo", a.Code, a.Activities, a.DemoActivities)
			}
			total += a.Activities
		}
		all, err := d.PracticeActivities(ctx, db.PracticeActivityCriteria{}, db.Page{First: 1})
		if err != nil {
			t.Fatal(err)
		}
		if total != all.TotalCount {
			t.Errorf("activities under actions = %d, all activities = %d", total, all.TotalCount)
		}
	})
	t.Run("ActivityWrites", func(t *testing.T) {
		d := mustOpenDemo(t, open)
		unnamed := db.ActionUnnamed5
		in := db.PracticeActivityFields{UnitID: 1, Date: "2024-05-01", Kind: db.ActivityRoutine, Theme: "理论宣讲", Sessions: 1, Action: &unnamed}
		_, err := d.CreatePracticeActivity(editor(), in)
		assertCode(t, err, db.EINVALID)
		if fe := db.ErrorField(err); fe != "action" {
			t.Errorf("field = %q, want action", fe)
		}
		theory := db.ActionTheory
		in.Action = &theory
		a, err := d.CreatePracticeActivity(editor(), in)
		if err != nil {
			t.Fatal(err)
		}
		if a.Action == nil || *a.Action != db.ActionTheory || a.Demo {
			t.Fatalf("created %+v", a)
		}
		in.Action = nil
		a, err = d.UpdatePracticeActivity(editor(), a.ID, a.Version, in)
		if err != nil {
			t.Fatal(err)
		}
		if a.Action != nil {
			t.Errorf("action after clearing = %v", *a.Action)
		}
	})
}

func testPairingContents(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenDemo(t, open)
	cs, err := d.PairingContentCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var items []db.PairingContent
	for _, c := range cs {
		items = append(items, c.Item)
		if c.DemoPairings != c.Pairings {
			t.Errorf("%s: %d pairings, %d demo; every pairing is demo", c.Item, c.Pairings, c.DemoPairings)
		}
	}
	if !slices.Equal(items, db.AllPairingContents) {
		t.Fatalf("items = %v", items)
	}
	if cs[4].Item != db.ContentRural || cs[4].Pairings != 191 {
		t.Errorf("助力乡村振兴 = %+v, want all 191 demo pairings", cs[4])
	}
	m, err := d.PairingContents(ctx, []int64{1, 2})
	if err != nil {
		t.Fatal(err)
	}
	for id, items := range m {
		for i := 1; i < len(items); i++ {
			if slices.Index(db.AllPairingContents, items[i-1]) >= slices.Index(db.AllPairingContents, items[i]) {
				t.Errorf("pairing %d items out of the article's order: %v", id, items)
			}
		}
	}
	if len(m[1]) < 3 {
		t.Errorf("pairing 1 items = %v", m[1])
	}
	t.Run("RealHasNone", func(t *testing.T) {
		cs, err := mustOpenReal(t, open).PairingContentCounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 5 || cs[0].Pairings != 0 {
			t.Errorf("real counts = %+v", cs)
		}
	})
}

func testWishes(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenDemo(t, open)
	t.Run("Funnel", func(t *testing.T) {
		f, err := d.WishFunnel(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []struct{ at, reached int }{{5, 44}, {6, 39}, {9, 33}, {24, 24}}
		for i, s := range f {
			if s.Stage != db.AllWishStages[i] || s.AtStage != want[i].at || s.Reached != want[i].reached || s.DemoReached != s.Reached {
				t.Errorf("stage %d = %+v, want %+v", i, s, want[i])
			}
		}
	})
	t.Run("PagesAndFlags", func(t *testing.T) {
		seen := map[int64]bool{}
		after := ""
		for {
			p, err := d.Wishes(ctx, db.WishCriteria{}, db.Page{First: 10, After: after})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range p.Edges {
				w := e.Node
				if seen[w.ID] {
					t.Fatalf("wish %d twice", w.ID)
				}
				seen[w.ID] = true
				if !w.Demo || !strings.Contains(w.Title, "（演示）") || !strings.Contains(w.Beneficiary, "（演示）") {
					t.Errorf("demo wish %+v not flagged and marked", w)
				}
				if w.Stage.Claimed() != (w.UnitID != nil) {
					t.Errorf("wish %d at %s has unit %v", w.ID, w.Stage, w.UnitID)
				}
			}
			if !p.PageInfo.HasNextPage {
				break
			}
			after = *p.PageInfo.EndCursor
		}
		if len(seen) != 44 {
			t.Errorf("paged %d wishes, want 44", len(seen))
		}
		p, err := d.Wishes(ctx, db.WishCriteria{Stage: db.WishPublished}, db.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if p.TotalCount != 6 {
			t.Errorf("published = %d, want 6", p.TotalCount)
		}
	})
	t.Run("Writes", func(t *testing.T) {
		v0 := dataVersion(t, d)
		in := db.WishFields{Title: "为村卫生室添置药柜", Beneficiary: "某村", Stage: db.WishClaimed, CollectedOn: "2021-08-10"}
		_, err := d.CreateWish(editor(), in)
		assertCode(t, err, db.EINVALID)
		if db.ErrorField(err) != "unitId" {
			t.Errorf("field = %q, want unitId", db.ErrorField(err))
		}
		in.Stage = db.WishCollected
		in.UnitID = ptr(int64(1))
		_, err = d.CreateWish(editor(), in)
		assertCode(t, err, db.EINVALID)
		in.UnitID = ptr(int64(999999))
		in.Stage = db.WishClaimed
		_, err = d.CreateWish(editor(), in)
		assertCode(t, err, db.EINVALID)

		in.UnitID, in.Stage = nil, db.WishCollected
		w, err := d.CreateWish(editor(), in)
		if err != nil {
			t.Fatal(err)
		}
		if w.Demo || w.Version != 1 || w.Stage != db.WishCollected {
			t.Fatalf("created %+v", w)
		}
		if dataVersion(t, d) == v0 {
			t.Error("data version did not move")
		}
		in.Stage, in.UnitID = db.WishFulfilled, ptr(int64(1))
		_, err = d.UpdateWish(editor(), w.ID, 7, in)
		assertCode(t, err, db.ECONFLICT)
		w, err = d.UpdateWish(editor(), w.ID, 1, in)
		if err != nil {
			t.Fatal(err)
		}
		if w.Version != 2 || w.Stage != db.WishFulfilled || w.UnitID == nil || *w.UnitID != 1 {
			t.Fatalf("updated %+v", w)
		}
		log := auditOf(t, d, db.AuditCriteria{Entity: db.EntityWish})
		if len(log) != 2 || log[0].Action != db.ActionUpdate || log[1].Action != db.ActionCreate || log[0].Username != "test-editor" {
			t.Fatalf("audit = %+v", log)
		}
		bin, err := d.DeleteRecord(editor(), db.EntityWish, w.ID, 2)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.RestoreRecord(editor(), bin.ID); err != nil {
			t.Fatal(err)
		}
		m, err := d.WishesByIDs(ctx, []int64{w.ID})
		if err != nil {
			t.Fatal(err)
		}
		if r := m[w.ID]; r == nil || r.Version != 3 || r.Stage != db.WishFulfilled || r.Title != in.Title {
			t.Fatalf("restored %+v", r)
		}
	})
	t.Run("UnitInUse", func(t *testing.T) {
		d := mustOpenReal(t, open)
		u, err := d.CreateUnit(editor(), db.UnitFields{Name: "测试单位", Kind: "机关"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.CreateWish(editor(), db.WishFields{Title: "心愿", Beneficiary: "某村", Stage: db.WishClaimed, UnitID: &u.ID, CollectedOn: "2021-08-01"}); err != nil {
			t.Fatal(err)
		}
		_, err = d.DeleteRecord(editor(), db.EntityUnit, u.ID, 0)
		assertCode(t, err, db.ECONFLICT)
		if !strings.Contains(err.Error(), "微心愿") {
			t.Errorf("message %q does not name the wish", err)
		}
	})
}

func testWishFunnel(t *testing.T, open Opener) {
	f := db.WishFunnel(map[db.WishStage]int{db.WishCollected: 1, db.WishClaimed: 2, db.WishFulfilled: 3}, map[db.WishStage]int{db.WishFulfilled: 1})
	got := []int{f[0].Reached, f[1].Reached, f[2].Reached, f[3].Reached}
	if !slices.Equal(got, []int{6, 5, 5, 3}) {
		t.Errorf("reached = %v, want [6 5 5 3]", got)
	}
	if f[0].DemoReached != 1 || f[3].DemoAtStage != 1 || f[1].AtStage != 0 {
		t.Errorf("funnel = %+v %+v", f[0], f[1])
	}
}

func testExcellentCases(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenDemo(t, open)
	cs, err := d.CaseCompilations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].Title != "省直精神文明建设工作优秀案例汇编" || cs[0].Demo || cs[0].SourceID == nil ||
		!strings.Contains(seed.Article, cs[0].Quote) || !strings.Contains(cs[0].Quote, "《"+cs[0].Title+"》") {
		t.Fatalf("compilations = %+v", cs)
	}
	if cs[0].CaseCount != 12 || cs[0].DemoCaseCount != 12 {
		t.Errorf("cases = %d (%d demo), want 12 demo", cs[0].CaseCount, cs[0].DemoCaseCount)
	}
	p, err := d.ExcellentCases(ctx, db.CaseCriteria{CompilationID: 1}, db.Page{First: 5})
	if err != nil {
		t.Fatal(err)
	}
	if p.TotalCount != 12 || len(p.Edges) != 5 || !p.PageInfo.HasNextPage {
		t.Fatalf("page = %d of %d", len(p.Edges), p.TotalCount)
	}
	p2, err := d.ExcellentCases(ctx, db.CaseCriteria{CompilationID: 1}, db.Page{First: 5, After: *p.PageInfo.EndCursor})
	if err != nil {
		t.Fatal(err)
	}
	if p2.Edges[0].Node.ID <= p.Edges[4].Node.ID {
		t.Errorf("second page starts at %d", p2.Edges[0].Node.ID)
	}
	for _, e := range p.Edges {
		if !e.Node.Demo || !strings.Contains(e.Node.Title, "（演示）") {
			t.Errorf("case %+v not flagged demo", e.Node)
		}
	}
	t.Run("Writes", func(t *testing.T) {
		_, err := d.CreateExcellentCase(editor(), db.ExcellentCaseFields{CompilationID: 99, Title: "案例"})
		assertCode(t, err, db.EINVALID)
		_, err = d.CreateExcellentCase(editor(), db.ExcellentCaseFields{CompilationID: 1, Title: "  "})
		assertCode(t, err, db.EINVALID)
		c, err := d.CreateExcellentCase(editor(), db.ExcellentCaseFields{CompilationID: 1, Title: "窗口服务新做法", Year: ptr(2023)})
		if err != nil {
			t.Fatal(err)
		}
		if c.Demo || c.Version != 1 {
			t.Errorf("created %+v", c)
		}
		_, err = d.CreateExcellentCase(editor(), db.ExcellentCaseFields{CompilationID: 1, Title: "窗口服务新做法"})
		assertCode(t, err, db.ECONFLICT)
		c, err = d.UpdateExcellentCase(editor(), c.ID, 1, db.ExcellentCaseFields{CompilationID: 1, Title: "窗口服务新做法", Summary: "简介"})
		if err != nil {
			t.Fatal(err)
		}
		if c.Version != 2 || c.Summary != "简介" || c.Year != nil {
			t.Errorf("updated %+v", c)
		}
	})
}

func testTalentMembers(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenDemo(t, open)
	counts, err := d.TalentRoleCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 3 || counts[0].Role != db.RoleOnlineReview || counts[1].Role != db.RoleSiteVisit {
		t.Fatalf("counts = %+v", counts)
	}
	for _, c := range counts {
		if c.Members == 0 || c.DemoMembers != c.Members {
			t.Errorf("%s: %d members, %d demo", c.Role, c.Members, c.DemoMembers)
		}
	}
	p, err := d.TalentMembers(ctx, db.TalentCriteria{Role: db.RoleSiteVisit}, db.Page{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	if p.TotalCount != counts[1].Members {
		t.Errorf("site visitors = %d, counted %d", p.TotalCount, counts[1].Members)
	}
	for _, e := range p.Edges {
		if !slices.Contains(e.Node.Roles, db.RoleSiteVisit) || !e.Node.Demo || !strings.HasSuffix(e.Node.Name, "（演示）") {
			t.Errorf("member %+v", e.Node)
		}
	}
	t.Run("Writes", func(t *testing.T) {
		_, err := d.CreateTalentMember(editor(), db.TalentMemberFields{Name: "评审专家", SinceYear: 2023})
		assertCode(t, err, db.EINVALID)
		_, err = d.CreateTalentMember(editor(), db.TalentMemberFields{Name: "评审专家", SinceYear: 2023, Roles: []db.TalentRole{"JUDGE"}})
		assertCode(t, err, db.EINVALID)
		m, err := d.CreateTalentMember(editor(), db.TalentMemberFields{Name: "评审专家", SinceYear: 2023,
			Roles: []db.TalentRole{db.RoleSiteVisit, db.RoleOnlineReview, db.RoleSiteVisit}})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(m.Roles, []db.TalentRole{db.RoleOnlineReview, db.RoleSiteVisit}) || m.Demo {
			t.Fatalf("created %+v", m)
		}
		bin, err := d.DeleteRecord(editor(), db.EntityTalentMember, m.ID, 1)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.RestoreRecord(editor(), bin.ID); err != nil {
			t.Fatal(err)
		}
		got, err := d.TalentMembersByIDs(ctx, []int64{m.ID})
		if err != nil {
			t.Fatal(err)
		}
		if r := got[m.ID]; r == nil || !slices.Equal(r.Roles, m.Roles) || r.Version != 2 {
			t.Fatalf("restored %+v", r)
		}
	})
}

func testCivilisationEvents(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenReal(t, open)
	p, err := d.CivilisationEvents(ctx, db.EventCriteria{}, db.Page{First: 2})
	if err != nil {
		t.Fatal(err)
	}
	var all []*db.CivilisationEvent
	for {
		for _, e := range p.Edges {
			all = append(all, e.Node)
		}
		if !p.PageInfo.HasNextPage {
			break
		}
		if p, err = d.CivilisationEvents(ctx, db.EventCriteria{}, db.Page{First: 2, After: *p.PageInfo.EndCursor}); err != nil {
			t.Fatal(err)
		}
	}
	if len(all) != 5 {
		t.Fatalf("real events = %d, want 5", len(all))
	}
	if all[0].Date == nil || *all[0].Date != "2023-08-03" || all[1].Date == nil || *all[1].Date != "2024-03-05" {
		t.Errorf("dated events first: %+v %+v", all[0], all[1])
	}
	if all[0].MilestoneID == nil || *all[0].MilestoneID != 4 {
		t.Errorf("2023-08-03 meeting milestone = %v, want 4", all[0].MilestoneID)
	}
	for i, e := range all {
		if i >= 2 && e.Date != nil {
			t.Errorf("%s has date %s; the article gives none", e.Title, *e.Date)
		}
		if e.Demo || e.SourceID == nil || !strings.Contains(seed.Article, e.Quote) {
			t.Errorf("real event %+v does not cite the article", e)
		}
		if !strings.Contains(e.Quote, e.Title) && !strings.Contains(seed.Article, e.Title) {
			t.Errorf("title %q is not the article's", e.Title)
		}
	}
	undated, err := d.CivilisationEvents(ctx, db.EventCriteria{Dated: ptr(false)}, db.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if undated.TotalCount != 3 {
		t.Errorf("undated = %d, want 3", undated.TotalCount)
	}
	t.Run("Writes", func(t *testing.T) {
		tr := all[2] // an undated real event
		_, err := d.CreateCivilisationEvent(editor(), db.CivilisationEventFields{Kind: "PARTY", Title: "x"})
		assertCode(t, err, db.EINVALID)
		_, err = d.CreateCivilisationEvent(editor(), db.CivilisationEventFields{Kind: db.EventTraining, Title: "x", Date: ptr(db.Date("2023-02-30"))})
		assertCode(t, err, db.EINVALID)
		e, err := d.UpdateCivilisationEvent(editor(), tr.ID, tr.Version, db.CivilisationEventFields{Kind: tr.Kind, Title: tr.Title, Place: "郑州"})
		if err != nil {
			t.Fatal(err)
		}
		if e.Quote != tr.Quote || e.SourceID == nil || e.Place != "郑州" {
			t.Errorf("an edit that keeps the article's facts lost the citation: %+v", e)
		}
		e, err = d.UpdateCivilisationEvent(editor(), tr.ID, e.Version, db.CivilisationEventFields{Kind: tr.Kind, Title: tr.Title, Date: ptr(db.Date("2022-05-01"))})
		if err != nil {
			t.Fatal(err)
		}
		if e.Quote != "" || e.SourceID != nil {
			t.Errorf("a date the article does not give kept the citation: %+v", e)
		}
		n, err := d.CreateCivilisationEvent(editor(), db.CivilisationEventFields{Kind: db.EventTraining, Title: "精神文明专兼职干部培训"})
		if err != nil {
			t.Fatal(err)
		}
		if n.Date != nil || n.SourceID != nil || n.Demo || n.Version != 1 {
			t.Errorf("created %+v", n)
		}
	})
	t.Run("DemoOccurrences", func(t *testing.T) {
		d := mustOpenDemo(t, open)
		p, err := d.CivilisationEvents(ctx, db.EventCriteria{Demo: ptr(true)}, db.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if p.TotalCount != 4 {
			t.Errorf("demo events = %d, want 4", p.TotalCount)
		}
		for _, e := range p.Edges {
			if e.Node.Date == nil || e.Node.SourceID != nil || !strings.Contains(e.Node.Title, "（演示") {
				t.Errorf("demo event %+v", e.Node)
			}
		}
	})
}

// testArticleDemoCounted checks that demo wishes, cases, members and events count as demo records, so that the
// 演示数据 badge stays while any of them is present.
func testArticleDemoCounted(t *testing.T, open Opener) {
	ds, err := seed.Real()
	if err != nil {
		t.Fatal(err)
	}
	ds.Article.Wishes = []*db.Wish{{ID: 1, Title: "心愿（演示）", Beneficiary: "某村（演示）", Stage: db.WishCollected, CollectedOn: "2021-08-01", Demo: true}}
	ds.Article.Cases = []*db.ExcellentCase{{ID: 1, CompilationID: 1, Title: "案例（演示）", Demo: true}}
	ds.Article.TalentMembers = []*db.TalentMember{{ID: 1, Name: "某某（演示）", SinceYear: 2022, Roles: []db.TalentRole{db.RoleSiteVisit}, Demo: true}}
	ds.Article.Events = append(ds.Article.Events, &db.CivilisationEvent{ID: 99, Kind: db.EventTraining, Title: "培训班（演示场次）", Demo: true})
	d := mustOpenLoaded(t, open, ds)
	info, err := d.DatasetInfo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !info.HasDemo || info.DemoRecords != 4 {
		t.Errorf("dataset info = %+v, want 4 demo records", info)
	}
}
