package apitest

import (
	"testing"
)

// TestUpdatePracticeActivityAction checks that updatePracticeActivity keeps the 六大行动 action a client omits, and
// clears it only on an explicit null: an edit form that does not know the field must not unfile the activity.
func TestUpdatePracticeActivityAction(t *testing.T) {
	base, _, editor, _ := writers(t)
	units := data[struct {
		Units struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}](t, base, editor, `{ units(first: 1) { edges { node { id } } } }`, nil)
	if len(units.Units.Edges) == 0 {
		t.Fatal("no unit")
	}
	unit := units.Units.Edges[0].Node.ID
	type activity struct {
		ID      string
		Version int
		Action  *string
	}
	created := data[struct{ CreatePracticeActivity activity }](t, base, editor,
		`mutation($u: ID!) { createPracticeActivity(input: {unitId: $u, date: "2024-05-18", kind: ROUTINE, theme: "六大行动测试", sessions: 1,
			participants: 10, action: SERVICE}) { id version action } }`, map[string]any{"u": unit}).CreatePracticeActivity
	if created.Action == nil || *created.Action != "SERVICE" {
		t.Fatalf("created %+v", created)
	}
	update := func(t *testing.T, a activity, action string) activity {
		t.Helper()
		return data[struct{ UpdatePracticeActivity activity }](t, base, editor,
			`mutation($id: ID!, $v: Int!, $u: ID!) { updatePracticeActivity(id: $id, expectedVersion: $v, input: {unitId: $u, date: "2024-05-18",
				kind: ROUTINE, theme: "六大行动测试", sessions: 2, participants: 10`+action+`}) { id version action } }`,
			map[string]any{"id": a.ID, "v": a.Version, "u": unit}).UpdatePracticeActivity
	}
	a := created
	t.Run("OmittedKeepsAction", func(t *testing.T) {
		a = update(t, a, "")
		if a.Action == nil || *a.Action != "SERVICE" || a.Version != created.Version+1 {
			t.Fatalf("after an update without action: %+v", a)
		}
	})
	t.Run("ValueSetsAction", func(t *testing.T) {
		a = update(t, a, ", action: VALUES")
		if a.Action == nil || *a.Action != "VALUES" {
			t.Fatalf("after action: VALUES: %+v", a)
		}
	})
	t.Run("NullClearsAction", func(t *testing.T) {
		a = update(t, a, ", action: null")
		if a.Action != nil {
			t.Fatalf("after action: null: %+v", a)
		}
	})
	t.Run("UnnamedRefused", func(t *testing.T) {
		r := As(t, base, editor, `mutation($id: ID!, $v: Int!, $u: ID!) { updatePracticeActivity(id: $id, expectedVersion: $v, input: {unitId: $u,
			date: "2024-05-18", kind: ROUTINE, theme: "六大行动测试", sessions: 2, participants: 10, action: UNNAMED_5}) { id } }`,
			map[string]any{"id": a.ID, "v": a.Version, "u": unit})
		WantCode(t, r.Errors, "BAD_USER_INPUT")
	})
}
