package apitest

import (
	"strings"
	"testing"
)

// TestArticleRecordsAPI reads the 六大行动, 「四送一助力」 content, wishes, cases, talent pool and events through the real
// handler, and writes a wish and an event as an editor.
func TestArticleRecordsAPI(t *testing.T) {
	base, _, editor, viewer := writers(t)

	t.Run("PracticeActions", func(t *testing.T) {
		r := Query[struct {
			PracticeActions []struct {
				Code, NameZh, Quote string
				Identified          bool
				Activities          int
				DemoActivities      int
				Source              *struct{ Title string }
			}
		}](t, base, `{ practiceActions { code nameZh quote identified activities demoActivities source { title } } }`, nil)
		as := r.PracticeActions
		if len(as) != 6 {
			t.Fatalf("actions = %d", len(as))
		}
		for i, a := range as {
			named := i < 4
			if a.Identified != named || (a.NameZh != "") != named || a.Source == nil || !strings.Contains(a.Quote, "六大行动") {
				t.Errorf("action %d = %+v", i, a)
			}
			if !named && a.Activities != 0 {
				t.Errorf("unnamed %s has %d activities", a.Code, a.Activities)
			}
		}
		if as[0].Code != "THEORY" || as[0].NameZh != "党的创新理论传播" || as[4].Code != "UNNAMED_5" {
			t.Errorf("order = %s %s", as[0].Code, as[4].Code)
		}
	})

	t.Run("PairingContents", func(t *testing.T) {
		r := Query[struct {
			PairingContentCounts []struct {
				Item, NameZh           string
				Pairings, DemoPairings int
			}
			Units struct {
				Edges []struct {
					Node struct {
						Pairings []struct {
							Demo     bool
							Contents []string
						}
					}
				}
			}
		}](t, base, `{ pairingContentCounts { item nameZh pairings demoPairings }
			units(first: 1) { edges { node { pairings { demo contents } } } } }`, nil)
		names := []string{}
		for _, c := range r.PairingContentCounts {
			names = append(names, c.NameZh)
		}
		if strings.Join(names, "、") != "送政策、送文化、送健康、送温暖、助力乡村振兴" {
			t.Errorf("items = %v", names)
		}
		ps := r.Units.Edges[0].Node.Pairings
		if len(ps) == 0 || len(ps[0].Contents) == 0 || !ps[0].Demo {
			t.Errorf("pairings of the first unit = %+v", ps)
		}
	})

	t.Run("WishFunnelAndPages", func(t *testing.T) {
		r := Query[struct {
			WishFunnel []struct {
				Stage            string
				AtStage, Reached int
			}
			Wishes struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Title, Stage string
						Demo         bool
						ClaimedBy    *struct{ Name string }
					}
				}
			}
		}](t, base, `{ wishFunnel { stage atStage reached } wishes(filter: {stage: FULFILLED}, first: 3) { totalCount edges { node { title stage demo claimedBy { name } } } } }`, nil)
		if len(r.WishFunnel) != 4 || r.WishFunnel[0].Stage != "COLLECTED" || r.WishFunnel[0].Reached != 44 || r.WishFunnel[3].Reached != 24 {
			t.Errorf("funnel = %+v", r.WishFunnel)
		}
		if r.Wishes.TotalCount != 24 || len(r.Wishes.Edges) != 3 {
			t.Fatalf("fulfilled = %d", r.Wishes.TotalCount)
		}
		for _, e := range r.Wishes.Edges {
			if !e.Node.Demo || e.Node.ClaimedBy == nil || !strings.Contains(e.Node.ClaimedBy.Name, "（演示") {
				t.Errorf("wish %+v", e.Node)
			}
		}
	})

	t.Run("CasesTalentEvents", func(t *testing.T) {
		r := Query[struct {
			CaseCompilations []struct {
				Title, Quote string
				Demo         bool
				CaseCount    int
			}
			ExcellentCases struct{ TotalCount int }
			TalentPool     struct {
				Members, DemoMembers int
				Quote                string
				ByRole               []struct {
					Role    string
					Members int
				}
			}
			CivilisationEvents struct {
				Edges []struct {
					Node struct {
						Title, Quote string
						Date         *string
						Dated, Demo  bool
						Milestone    *struct{ Date string }
					}
				}
			}
		}](t, base, `{ caseCompilations { title quote demo caseCount } excellentCases(demo: true) { totalCount }
			talentPool { members demoMembers quote byRole { role members } }
			civilisationEvents(filter: {demo: false}, first: 10) { edges { node { title quote date dated demo milestone { date } } } } }`, nil)
		if len(r.CaseCompilations) != 1 || r.CaseCompilations[0].Demo || r.CaseCompilations[0].CaseCount != r.ExcellentCases.TotalCount {
			t.Errorf("compilations = %+v, demo cases %d", r.CaseCompilations, r.ExcellentCases.TotalCount)
		}
		if r.TalentPool.Members == 0 || r.TalentPool.DemoMembers != r.TalentPool.Members || !strings.Contains(r.TalentPool.Quote, "网络评审、实地考察") {
			t.Errorf("talent pool = %+v", r.TalentPool)
		}
		ev := r.CivilisationEvents.Edges
		if len(ev) != 5 || ev[0].Node.Date == nil || *ev[0].Node.Date != "2023-08-03" || ev[0].Node.Milestone == nil {
			t.Fatalf("events = %+v", ev)
		}
		for _, e := range ev[2:] {
			if e.Node.Dated || e.Node.Date != nil || e.Node.Quote == "" {
				t.Errorf("undated event %+v", e.Node)
			}
		}
	})

	t.Run("WishWrites", func(t *testing.T) {
		const create = `mutation($i: WishInput!) { createWish(input: $i) { id stage version demo claimedBy { id } } }`
		in := map[string]any{"title": "为村小学添置图书", "beneficiary": "某村", "stage": "COLLECTED", "collectedOn": "2021-08-20"}
		t.Run("AnonymousRefused", func(t *testing.T) {
			WantCode(t, As(t, base, nil, create, map[string]any{"i": in}).Errors, "UNAUTHENTICATED")
		})
		t.Run("ViewerRefused", func(t *testing.T) {
			WantCode(t, As(t, base, viewer, create, map[string]any{"i": in}).Errors, "FORBIDDEN")
		})
		t.Run("ClaimedNeedsUnit", func(t *testing.T) {
			bad := map[string]any{"title": "x", "beneficiary": "某村", "stage": "CLAIMED", "collectedOn": "2021-08-20"}
			e := WantCode(t, As(t, base, editor, create, map[string]any{"i": bad}).Errors, "BAD_USER_INPUT")
			if !strings.Contains(e.Message, "认领单位") {
				t.Errorf("message %q", e.Message)
			}
		})
		w := data[struct {
			CreateWish struct {
				ID, Stage string
				Version   int
				Demo      bool
			}
		}](t, base, editor, create, map[string]any{"i": in}).CreateWish
		if w.Version != 1 || w.Demo || w.Stage != "COLLECTED" {
			t.Fatalf("created %+v", w)
		}
		unit := data[struct {
			Units struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}](t, base, nil, `{ units(first: 1) { edges { node { id } } } }`, nil).Units.Edges[0].Node.ID
		const upd = `mutation($id: ID!, $v: Int!, $i: WishInput!) { updateWish(id: $id, expectedVersion: $v, input: $i) { stage version claimedBy { id } } }`
		in["stage"], in["unitId"] = "CLAIMED", unit
		WantCode(t, As(t, base, editor, upd, map[string]any{"id": w.ID, "v": 5, "i": in}).Errors, "CONFLICT")
		u := data[struct {
			UpdateWish struct {
				Stage     string
				Version   int
				ClaimedBy struct{ ID string }
			}
		}](t, base, editor, upd, map[string]any{"id": w.ID, "v": 1, "i": in}).UpdateWish
		if u.Stage != "CLAIMED" || u.Version != 2 || u.ClaimedBy.ID != unit {
			t.Fatalf("updated %+v", u)
		}
		f := data[struct{ WishFunnel []struct{ AtStage int } }](t, base, nil, `{ wishFunnel { atStage } }`, nil).WishFunnel
		if f[2].AtStage != 10 {
			t.Errorf("claimed wishes after the update = %d, want 9 + 1", f[2].AtStage)
		}
		del := data[struct{ DeleteWish struct{ Entity string } }](t, base, editor,
			`mutation($id: ID!) { deleteWish(id: $id, expectedVersion: 2) { entity } }`, map[string]any{"id": w.ID}).DeleteWish
		if del.Entity != "WISH" {
			t.Errorf("binned entity = %q", del.Entity)
		}
	})

	t.Run("EventWrites", func(t *testing.T) {
		const create = `mutation($i: CivilisationEventInput!) { createCivilisationEvent(input: $i) { id dated date quote source { id } demo } }`
		in := map[string]any{"kind": "TRAINING", "title": "精神文明专兼职干部培训"}
		WantCode(t, As(t, base, nil, create, map[string]any{"i": in}).Errors, "UNAUTHENTICATED")
		e := data[struct {
			CreateCivilisationEvent struct {
				ID, Quote   string
				Dated, Demo bool
				Date        *string
				Source      *struct{ ID string }
			}
		}](t, base, editor, create, map[string]any{"i": in}).CreateCivilisationEvent
		if e.Dated || e.Date != nil || e.Quote != "" || e.Source != nil || e.Demo {
			t.Fatalf("created %+v", e)
		}
		WantCode(t, As(t, base, editor, create, map[string]any{"i": map[string]any{"kind": "TRAINING", "title": " "}}).Errors, "BAD_USER_INPUT")
	})
}
