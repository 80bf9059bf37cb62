package apitest

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// TestWriteAuthorization checks every write mutation against anonymous, viewer, editor and admin callers. The
// arguments are well-formed but point nowhere, so a caller who passes the role check gets an input error instead.
func TestWriteAuthorization(t *testing.T) {
	base, admin, editor, viewer := writers(t)
	editorMutations := []string{
		`createUnit(input: {name: " ", kind: "机关"}) { id }`,
		`updateUnit(id: "x", expectedVersion: 1, input: {name: "x", kind: "机关"}) { id }`,
		`deleteUnit(id: "x") { id }`,
		`createPerson(input: {name: "x", unitId: "x"}) { id }`,
		`updatePerson(id: "x", expectedVersion: 1, input: {name: "x"}) { id }`,
		`deletePerson(id: "x") { id }`,
		`createHonor(input: {categoryCode: "X", year: 1900}) { id }`,
		`updateHonor(id: "x", expectedVersion: 1, input: {categoryCode: "X", year: 2020}) { id }`,
		`deleteHonor(id: "x") { id }`,
		`createVolunteerRecord(input: {unitId: "x", date: "2020-01-01", volunteers: 1, hours: 1, method: SHIFT}) { id }`,
		`updateVolunteerRecord(id: "x", expectedVersion: 1, input: {unitId: "x", date: "2020-01-01", volunteers: 1, hours: 1, method: SHIFT}) { id }`,
		`deleteVolunteerRecord(id: "x") { id }`,
		`createCampaign(input: {code: "routine", nameZh: "x", nameEn: "x", kind: AID, startDate: "2020-01-01"}) { id }`,
		`updateCampaign(id: "x", expectedVersion: 1, input: {code: "X1", nameZh: "x", nameEn: "x", kind: AID, startDate: "2020-01-01"}) { id }`,
		`deleteCampaign(id: "x") { id }`,
		`createPracticeLink(input: {unitId: "x", centerId: "x", sinceYear: 2020}) { id }`,
		`updatePracticeLink(id: "x", expectedVersion: 1, input: {unitId: "x", centerId: "x", sinceYear: 2020}) { id }`,
		`deletePracticeLink(id: "x") { id }`,
		`createPracticeActivity(input: {unitId: "x", date: "2020-01-01", kind: ROUTINE, theme: "x", sessions: 1, participants: 0}) { id }`,
		`updatePracticeActivity(id: "x", expectedVersion: 1, input: {unitId: "x", date: "2020-01-01", kind: ROUTINE, theme: "x", sessions: 1, participants: 0}) { id }`,
		`deletePracticeActivity(id: "x") { id }`,
		`createAssessment(input: {unitId: "x", year: 2020, baseScore: 1, stage: APPLIED}) { id }`,
		`updateAssessment(id: "x", expectedVersion: 1, input: {unitId: "x", year: 2020, baseScore: 1, stage: APPLIED}) { id }`,
		`deleteAssessment(id: "x") { id }`,
		`createWish(input: {title: " ", beneficiary: "x", stage: COLLECTED, collectedOn: "2021-08-01"}) { id }`,
		`updateWish(id: "x", expectedVersion: 1, input: {title: "x", beneficiary: "x", stage: COLLECTED, collectedOn: "2021-08-01"}) { id }`,
		`deleteWish(id: "x") { id }`,
		`createExcellentCase(input: {compilationId: "x", title: "x"}) { id }`,
		`updateExcellentCase(id: "x", expectedVersion: 1, input: {compilationId: "x", title: "x"}) { id }`,
		`deleteExcellentCase(id: "x") { id }`,
		`createTalentMember(input: {name: "x", sinceYear: 2023, roles: []}) { id }`,
		`updateTalentMember(id: "x", expectedVersion: 1, input: {name: "x", sinceYear: 2023, roles: [SITE_VISIT]}) { id }`,
		`deleteTalentMember(id: "x") { id }`,
		`createCivilisationEvent(input: {kind: TRAINING, title: " "}) { id }`,
		`updateCivilisationEvent(id: "x", expectedVersion: 1, input: {kind: TRAINING, title: "x"}) { id }`,
		`deleteCivilisationEvent(id: "x") { id }`,
	}
	adminMutations := []string{
		`createTarget(input: {metric: VOLUNTEERS, year: 1900, value: 1}) { id }`,
		`updateTarget(id: "x", expectedVersion: 1, input: {metric: VOLUNTEERS, year: 2020, value: 1}) { id }`,
		`deleteTarget(id: "x") { id }`,
		`setRankingWeights(fromYear: 2020, weights: []) { fromYear }`,
		`setHonorCategoryPoints(code: "NATIONAL_CIVILISED_UNIT", points: -1) { weight }`,
		`deleteRankingWeights(fromYear: 1900) { id }`,
		`restoreRecord(id: "x") { id }`,
	}
	run := func(t *testing.T, h http.Header, m, want string) {
		t.Helper()
		r := As(t, base, h, "mutation { "+m+" }", nil)
		WantCode(t, r.Errors, want)
	}
	for _, m := range editorMutations {
		name := m[:strings.Index(m, "(")]
		t.Run(name+"/Anonymous", func(t *testing.T) { run(t, nil, m, "UNAUTHENTICATED") })
		t.Run(name+"/Viewer", func(t *testing.T) { run(t, viewer, m, "FORBIDDEN") })
		t.Run(name+"/Editor", func(t *testing.T) { run(t, editor, m, "BAD_USER_INPUT") })
		t.Run(name+"/Admin", func(t *testing.T) { run(t, admin, m, "BAD_USER_INPUT") })
	}
	for _, m := range adminMutations {
		name := m[:strings.Index(m, "(")]
		t.Run(name+"/Anonymous", func(t *testing.T) { run(t, nil, m, "UNAUTHENTICATED") })
		t.Run(name+"/Viewer", func(t *testing.T) { run(t, viewer, m, "FORBIDDEN") })
		t.Run(name+"/Editor", func(t *testing.T) { run(t, editor, m, "FORBIDDEN") })
		t.Run(name+"/Admin", func(t *testing.T) { run(t, admin, m, "BAD_USER_INPUT") })
	}
	t.Run("purgeDemoData", func(t *testing.T) {
		m := `mutation { purgeDemoData(dryRun: true) { total purged dryRun blockerCount } }`
		WantCode(t, As(t, base, nil, m, nil).Errors, "UNAUTHENTICATED")
		WantCode(t, As(t, base, viewer, m, nil).Errors, "FORBIDDEN")
		WantCode(t, As(t, base, editor, m, nil).Errors, "FORBIDDEN")
		r := As(t, base, admin, m, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("admin: %+v", r.Errors)
		}
		var got struct {
			PurgeDemoData struct {
				Total        int
				Purged       bool
				DryRun       bool
				BlockerCount int
			}
		}
		if err := json.Unmarshal(r.Data, &got); err != nil {
			t.Fatal(err)
		}
		if p := got.PurgeDemoData; p.Total == 0 || p.Purged || !p.DryRun || p.BlockerCount != 0 {
			t.Fatalf("dry run = %+v, want demo rows counted and nothing purged", p)
		}
	})
	for _, q := range []string{`{ auditLog { totalCount } }`, `{ deletedRecords { totalCount } }`} {
		t.Run(q, func(t *testing.T) {
			WantCode(t, As(t, base, editor, q, nil).Errors, "FORBIDDEN")
			WantCode(t, As(t, base, nil, q, nil).Errors, "UNAUTHENTICATED")
			if r := As(t, base, admin, q, nil); len(r.Errors) > 0 {
				t.Fatalf("admin: %+v", r.Errors)
			}
		})
	}
}

func TestWrites(t *testing.T) {
	base, admin, editor, _ := writers(t)
	type edges[T any] struct{ Edges []struct{ Node T } }
	type unit struct{ ID, Name string }
	ids := data[struct {
		Organ, Campus edges[unit]
		Dataset       struct{ Version int }
	}](t, base, nil, `{ organ: units(filter: {kind: "机关"}, first: 1) { edges { node { id name } } }
		campus: units(filter: {kind: "高校"}, first: 1) { edges { node { id name } } } dataset { version } }`, nil)
	organ, campus := ids.Organ.Edges[0].Node, ids.Campus.Edges[0].Node
	honorsOf2025 := func() int {
		return data[struct{ HonorStats []struct{ Count int } }](t, base, nil,
			`{ honorStats(groupBy: [], filter: {fromYear: 2025, toYear: 2025}) { count } }`, nil).HonorStats[0].Count
	}

	const create = `mutation($i: HonorInput!) { createHonor(input: $i) { id version year demo recipientName category { code } unit { id } } }`
	var honorID string
	t.Run("CreateHonorShowsInStats", func(t *testing.T) {
		h := data[struct {
			CreateHonor struct {
				ID, RecipientName string
				Version, Year     int
				Demo              bool
			}
		}](t, base, editor, create, map[string]any{"i": map[string]any{"categoryCode": "PROVINCIAL_UNIT", "unitId": organ.ID, "year": 2025, "date": "2025-01-15"}}).CreateHonor
		if h.Version != 1 || h.Demo || h.RecipientName != organ.Name || h.Year != 2025 {
			t.Fatalf("honour = %+v", h)
		}
		honorID = h.ID
		if n := honorsOf2025(); n != 1 {
			t.Fatalf("honours of 2025 = %d, want 1", n)
		}
		v := data[struct{ Dataset struct{ Version int } }](t, base, nil, `{ dataset { version } }`, nil).Dataset.Version
		if v <= ids.Dataset.Version {
			t.Errorf("data version %d did not move from %d", v, ids.Dataset.Version)
		}
	})

	for _, tc := range []struct {
		name, field, q string
		vars           map[string]any
	}{
		{"HoursNotWholeMinutes", "hours", `mutation($u: ID!) { createVolunteerRecord(input: {unitId: $u, date: "2024-05-01", volunteers: 3, hours: 1.01, method: SHIFT}) { id } }`,
			map[string]any{"u": organ.ID}},
		{"NegativeHours", "hours", `mutation($u: ID!) { createVolunteerRecord(input: {unitId: $u, date: "2024-05-01", volunteers: 3, hours: -2, method: SHIFT}) { id } }`,
			map[string]any{"u": organ.ID}},
		{"YearOutOfRange", "year", create, map[string]any{"i": map[string]any{"categoryCode": "PROVINCIAL_UNIT", "unitId": organ.ID, "year": 1900}}},
		{"CampusCategoryForOrgan", "unitId", create, map[string]any{"i": map[string]any{"categoryCode": "NATIONAL_CIVILISED_CAMPUS", "unitId": organ.ID, "year": 2024}}},
		{"UnitCategoryForCampus", "unitId", create, map[string]any{"i": map[string]any{"categoryCode": "PROVINCIAL_UNIT", "unitId": campus.ID, "year": 2024}}},
		{"UnitIDOfWrongType", "unitId", create, map[string]any{"i": map[string]any{"categoryCode": "PROVINCIAL_UNIT", "unitId": honorID, "year": 2024}}},
		{"UnknownUnitKind", "kind", `mutation { createUnit(input: {name: "某协会", kind: "社会组织"}) { id } }`, nil},
		{"BlankName", "name", `mutation { createUnit(input: {name: "  ", kind: "机关"}) { id } }`, nil},
		{"BonusOver10", "bonus", `mutation($u: ID!) { createAssessment(input: {unitId: $u, year: 2025, baseScore: 90, bonus: 12, stage: APPLIED}) { id } }`,
			map[string]any{"u": organ.ID}},
	} {
		t.Run("ErrInput/"+tc.name, func(t *testing.T) {
			e := WantCode(t, As(t, base, editor, tc.q, tc.vars).Errors, "BAD_USER_INPUT")
			if e.Extensions["field"] != tc.field {
				t.Errorf("field = %v, want %s", e.Extensions["field"], tc.field)
			}
		})
	}

	const update = `mutation($id: ID!, $v: Int!, $y: Int!, $u: ID!) { updateHonor(id: $id, expectedVersion: $v,
		input: {categoryCode: "PROVINCIAL_MODEL_UNIT", unitId: $u, year: $y}) { version year } }`
	t.Run("UpdateThenStaleUpdateConflicts", func(t *testing.T) {
		u := data[struct{ UpdateHonor struct{ Version, Year int } }](t, base, editor, update,
			map[string]any{"id": honorID, "v": 1, "y": 2025, "u": organ.ID}).UpdateHonor
		if u.Version != 2 {
			t.Fatalf("version = %d, want 2", u.Version)
		}
		WantCode(t, As(t, base, editor, update, map[string]any{"id": honorID, "v": 1, "y": 2024, "u": organ.ID}).Errors, "CONFLICT")
	})

	t.Run("ConcurrentEditorsOneWins", func(t *testing.T) {
		var wg sync.WaitGroup
		codes := make([]string, 2)
		for i, h := range []http.Header{editor, admin} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := As(t, base, h, update, map[string]any{"id": honorID, "v": 2, "y": 2025, "u": organ.ID})
				if len(r.Errors) > 0 {
					codes[i] = r.Errors[0].Code()
				}
			}()
		}
		wg.Wait()
		if !(codes[0] == "" && codes[1] == "CONFLICT" || codes[0] == "CONFLICT" && codes[1] == "") {
			t.Fatalf("codes = %q, want one success and one CONFLICT", codes)
		}
	})

	var binID string
	t.Run("DeleteIsSoftAndAdminRestores", func(t *testing.T) {
		binID = data[struct{ DeleteHonor struct{ ID string } }](t, base, editor, `mutation($id: ID!) { deleteHonor(id: $id, expectedVersion: 3) { id } }`,
			map[string]any{"id": honorID}).DeleteHonor.ID
		if n := honorsOf2025(); n != 0 {
			t.Fatalf("honours of 2025 after delete = %d", n)
		}
		bin := data[struct {
			DeletedRecords struct {
				TotalCount int
				Edges      []struct {
					Node struct{ ID, RecordID, Entity, DeletedBy string }
				}
			}
		}](t, base, admin, `{ deletedRecords(entity: HONOR) { totalCount edges { node { id recordId entity deletedBy } } } }`, nil).DeletedRecords
		if bin.TotalCount != 1 || bin.Edges[0].Node.RecordID != honorID || bin.Edges[0].Node.DeletedBy != "editor1" {
			t.Fatalf("bin = %+v", bin)
		}
		WantCode(t, As(t, base, editor, `mutation($id: ID!) { restoreRecord(id: $id) { id } }`, map[string]any{"id": binID}).Errors, "FORBIDDEN")
		r := data[struct {
			RestoreRecord struct {
				RestoredAt *string
				Record     struct {
					ID      string
					Version int
				}
			}
		}](t, base, admin, `mutation($id: ID!) { restoreRecord(id: $id) { restoredAt record { ... on Honor { id version } } } }`,
			map[string]any{"id": binID}).RestoreRecord
		if r.RestoredAt == nil || r.Record.ID != honorID || r.Record.Version != 4 {
			t.Fatalf("restored = %+v", r)
		}
		if n := honorsOf2025(); n != 1 {
			t.Fatalf("honours of 2025 after restore = %d", n)
		}
	})

	t.Run("ErrDeleteReferencedUnit", func(t *testing.T) {
		e := WantCode(t, As(t, base, editor, `mutation($id: ID!) { deleteUnit(id: $id) { id } }`, map[string]any{"id": organ.ID}).Errors, "CONFLICT")
		if !HasCJK(e.Message) || !strings.Contains(e.Message, "荣誉") {
			t.Errorf("message %q does not name the referring honours", e.Message)
		}
	})

	t.Run("AdminWritesTargetsAndWeights", func(t *testing.T) {
		data[struct{ CreateTarget struct{ Version int } }](t, base, admin, `mutation { createTarget(input: {metric: VOLUNTEERS, year: 2030, value: 100}) { version } }`, nil)
		w := data[struct{ SetRankingWeights []struct{ FromYear int } }](t, base, admin, `mutation { setRankingWeights(fromYear: 2026, weights: [
			{component: "honors", weight: 0.4}, {component: "volunteer_hours", weight: 0.2}, {component: "practice", weight: 0.15},
			{component: "assessment", weight: 0.25}]) { fromYear } }`, nil).SetRankingWeights
		if len(w) != 4 || w[0].FromYear != 2026 {
			t.Fatalf("weights = %+v", w)
		}
		e := WantCode(t, As(t, base, admin, `mutation { setRankingWeights(fromYear: 2027, weights: [{component: "honors", weight: 1.5}]) { fromYear } }`, nil).Errors,
			"BAD_USER_INPUT")
		if e.Extensions["field"] != "weights" {
			t.Errorf("field = %v", e.Extensions["field"])
		}
	})

	// Shipped configuration says DEFAULT until an admin sets it; then it is the office's own (OFFICE).
	t.Run("AdminEditTurnsDefaultIntoOffice", func(t *testing.T) {
		type weight struct {
			FromYear int
			Basis    string
		}
		before := data[struct{ RankingWeights []weight }](t, base, admin, `{ rankingWeights(year: 2024) { fromYear basis } }`, nil).RankingWeights
		if len(before) == 0 || before[0].Basis != "DEFAULT" || before[0].FromYear != 2019 {
			t.Fatalf("shipped weights = %+v, want DEFAULT from 2019", before)
		}
		after := data[struct{ RankingWeights []weight }](t, base, admin, `{ rankingWeights(year: 2026) { fromYear basis } }`, nil).RankingWeights
		if len(after) != 4 || after[0].Basis != "OFFICE" {
			t.Fatalf("weights set by an admin = %+v, want OFFICE", after)
		}
		type category struct {
			Code        string
			Weight      float64
			WeightBasis string
		}
		cats := data[struct{ HonorCategories []category }](t, base, admin, `{ honorCategories { code weight weightBasis } }`, nil).HonorCategories
		for _, c := range cats {
			if c.WeightBasis != "DEFAULT" {
				t.Fatalf("shipped points of %s have basis %s, want DEFAULT", c.Code, c.WeightBasis)
			}
		}
		got := data[struct{ SetHonorCategoryPoints category }](t, base, admin,
			`mutation { setHonorCategoryPoints(code: "CHINA_GOOD_PERSON", points: 5.5) { code weight weightBasis } }`, nil).SetHonorCategoryPoints
		if got.Weight != 5.5 || got.WeightBasis != "OFFICE" {
			t.Fatalf("after an admin edit: %+v, want 5.5 OFFICE", got)
		}
		e := WantCode(t, As(t, base, admin, `mutation { setHonorCategoryPoints(code: "NO_SUCH", points: 1) { code } }`, nil).Errors, "BAD_USER_INPUT")
		if e.Extensions["field"] != "code" {
			t.Errorf("field = %v, want code", e.Extensions["field"])
		}
	})

	t.Run("AuditLogRecordsWhoAndWhat", func(t *testing.T) {
		a := data[struct {
			AuditLog struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Action, Entity, Username, At string
						RecordID, UserID, Before     *string
						After                        *string
					}
				}
			}
		}](t, base, admin, `{ auditLog(filter: {username: "editor1", entity: HONOR}) { totalCount edges { node { action entity username at recordId userId before after } } } }`,
			nil).AuditLog
		var actions []string
		for _, e := range a.Edges {
			actions = append(actions, e.Node.Action)
			if e.Node.RecordID == nil || *e.Node.RecordID != honorID || e.Node.UserID == nil {
				t.Errorf("entry %+v", e.Node)
			}
		}
		// Newest first: the delete, the update (the concurrent update may be the admin's), the create.
		if len(actions) < 3 || actions[0] != "DELETE" || actions[len(actions)-1] != "CREATE" {
			t.Fatalf("actions = %v", actions)
		}
		last := a.Edges[0].Node
		if last.Before == nil || last.After != nil {
			t.Errorf("delete entry before/after = %v/%v", last.Before, last.After)
		}
		restore := data[struct{ AuditLog struct{ TotalCount int } }](t, base, admin,
			`{ auditLog(filter: {action: RESTORE, from: "2000-01-01", to: "2099-12-31"}) { totalCount } }`, nil).AuditLog
		if restore.TotalCount != 1 {
			t.Errorf("restores = %d", restore.TotalCount)
		}
		wantBadInputAs(t, base, admin, `{ auditLog(filter: {from: "yesterday"}) { totalCount } }`, "from")
	})

	t.Run("AuditLogByRecord", func(t *testing.T) {
		type entries struct {
			AuditLog struct {
				TotalCount int
				Edges      []struct {
					Node struct{ Action, Entity, RecordID string }
				}
			}
		}
		const q = `query($r: ID, $e: Entity) { auditLog(filter: {recordId: $r, entity: $e}) { totalCount edges { node { action entity recordId } } } }`
		all := data[entries](t, base, admin, q, nil).AuditLog
		one := data[entries](t, base, admin, q, map[string]any{"r": honorID}).AuditLog
		// The honour's own entries (create, updates, delete, restore), none of the other records' entries.
		if one.TotalCount < 4 || one.TotalCount >= all.TotalCount || len(one.Edges) != one.TotalCount {
			t.Fatalf("entries of the honour = %d (page %d) of %d", one.TotalCount, len(one.Edges), all.TotalCount)
		}
		for _, e := range one.Edges {
			if e.Node.RecordID != honorID || e.Node.Entity != "HONOR" {
				t.Errorf("entry %+v is not the honour's", e.Node)
			}
		}
		if n := data[entries](t, base, admin, q, map[string]any{"r": honorID, "e": "HONOR"}).AuditLog.TotalCount; n != one.TotalCount {
			t.Errorf("with its own entity = %d, want %d", n, one.TotalCount)
		}
		// The unit's ID names another row: row IDs repeat across entities, so the filter keeps the entity too.
		for _, e := range data[entries](t, base, admin, q, map[string]any{"r": organ.ID}).AuditLog.Edges {
			if e.Node.RecordID != organ.ID {
				t.Errorf("unit entry %+v", e.Node)
			}
		}
		for name, vars := range map[string]map[string]any{
			"OtherEntity":    {"r": honorID, "e": "UNIT"},
			"NotARecordKind": {"r": "U291cmNlRG9jdW1lbnQ6MQ"}, // SourceDocument:1 — sources are not written, so never audited
			"Garbage":        {"r": "not-an-id"},
		} {
			t.Run(name, func(t *testing.T) {
				e := WantCode(t, As(t, base, admin, q, vars).Errors, "BAD_USER_INPUT")
				if e.Extensions["field"] != "recordId" {
					t.Errorf("field = %v, want recordId", e.Extensions["field"])
				}
				wantBilingual(t, e)
			})
		}
		if r := As(t, base, editor, q, map[string]any{"r": honorID}); len(r.Errors) == 0 {
			t.Error("an editor read the audit log")
		}
	})
}

func wantBadInputAs(t *testing.T, base string, h http.Header, q, field string) {
	t.Helper()
	e := WantCode(t, As(t, base, h, q, nil).Errors, "BAD_USER_INPUT")
	if e.Extensions["field"] != field {
		t.Errorf("field = %v, want %s", e.Extensions["field"], field)
	}
}

// TestRecordQueries covers the record-level connections the dashboard drills down to.
func TestRecordQueries(t *testing.T) {
	m := MustRunMain(t)
	base := m.URL()

	t.Run("PracticeActivitiesPageByDate", func(t *testing.T) {
		type page struct {
			PracticeActivities struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   string
				}
				Edges []struct {
					Node struct {
						ID, Date, Kind string
						Sessions       int
						Unit           struct{ Name string }
					}
				}
			}
		}
		q := `query($after: String) { practiceActivities(filter: {fromYear: 2021, toYear: 2022}, first: 3, after: $after) {
			totalCount pageInfo { hasNextPage endCursor } edges { node { id date kind sessions unit { name } } } } }`
		p1 := Query[page](t, base, q, nil).PracticeActivities
		if p1.TotalCount == 0 || len(p1.Edges) != 3 || !p1.PageInfo.HasNextPage {
			t.Fatalf("first page = %+v", p1)
		}
		p2 := Query[page](t, base, q, map[string]any{"after": p1.PageInfo.EndCursor}).PracticeActivities
		if len(p2.Edges) == 0 || p2.Edges[0].Node.Date < p1.Edges[2].Node.Date || p2.Edges[0].Node.ID == p1.Edges[2].Node.ID {
			t.Fatalf("second page does not follow the first: %+v", p2.Edges)
		}
		if y := p1.Edges[0].Node.Date[:4]; y != "2021" {
			t.Errorf("first date %s outside the filter", p1.Edges[0].Node.Date)
		}
	})

	t.Run("AssessmentsFiltered", func(t *testing.T) {
		r := Query[struct {
			Assessments struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Year, Version int
						Stage         string
						Unit          struct{ Kind string }
					}
				}
			}
		}](t, base, `{ assessments(filter: {year: 2024, unitKind: "高校"}, first: 5) { totalCount edges { node { year version stage unit { kind } } } } }`, nil).Assessments
		if r.TotalCount == 0 {
			t.Fatal("no assessments")
		}
		for _, e := range r.Edges {
			if e.Node.Year != 2024 || e.Node.Unit.Kind != "高校" || e.Node.Version != 1 {
				t.Errorf("assessment %+v outside the filter", e.Node)
			}
		}
		wantBadInput(t, base, `{ assessments(filter: {unitKind: "社会组织"}) { totalCount } }`, nil)
	})

	t.Run("VolunteerRecordsOrderedByHours", func(t *testing.T) {
		type page struct {
			VolunteerRecords struct {
				PageInfo struct{ EndCursor string }
				Edges    []struct {
					Node struct {
						ID    string
						Hours float64
					}
				}
			}
		}
		q := `query($after: String) { volunteerRecords(orderBy: {field: HOURS, direction: DESC}, first: 5, after: $after) {
			pageInfo { endCursor } edges { node { id hours } } } }`
		p1 := Query[page](t, base, q, nil).VolunteerRecords
		p2 := Query[page](t, base, q, map[string]any{"after": p1.PageInfo.EndCursor}).VolunteerRecords
		all := append(p1.Edges, p2.Edges...)
		for i := 1; i < len(all); i++ {
			if all[i].Node.Hours > all[i-1].Node.Hours {
				t.Fatalf("hours not descending at %d: %v then %v", i, all[i-1].Node.Hours, all[i].Node.Hours)
			}
		}
		// A cursor of one ordering is refused by another.
		wantBadInput(t, base, `query($after: String) { volunteerRecords(orderBy: {field: DATE}, first: 5, after: $after) { totalCount } }`,
			map[string]any{"after": p1.PageInfo.EndCursor})
	})
}

// writers boots a server with anonymous reading on, and signs in an admin, an editor and a viewer.
func writers(t *testing.T) (base string, admin, editor, viewer http.Header) {
	t.Setenv("WENMING_ADMIN_PASSWORD", AdminPassword)
	m := MustRunMain(t)
	base = m.URL()
	admin, res := Login(t, base, "admin", AdminPassword)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("admin login: %d", res.StatusCode)
	}
	user := func(name, role string) http.Header {
		r := As(t, base, admin, `mutation($u: String!, $r: Role!) { createUser(username: $u, password: "password-123", role: $r) { id } }`,
			map[string]any{"u": name, "r": role})
		if len(r.Errors) > 0 {
			t.Fatalf("createUser %s: %+v", name, r.Errors)
		}
		h, _ := Login(t, base, name, "password-123")
		return h
	}
	return base, admin, user("editor1", "EDITOR"), user("viewer1", "VIEWER")
}

// data runs a query as the caller, fails on any error, and decodes the data into T.
func data[T any](t *testing.T, base string, h http.Header, q string, vars map[string]any) T {
	t.Helper()
	r := As(t, base, h, q, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", r.Errors)
	}
	var out T
	if err := json.Unmarshal(r.Data, &out); err != nil {
		t.Fatalf("decode %s: %v", r.Data, err)
	}
	return out
}
