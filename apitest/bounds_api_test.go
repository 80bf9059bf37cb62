package apitest

import (
	"testing"
)

// TestCountBoundsOverHTTP checks finding 5 and the NUL decision where a client meets them: a count past its bound
// and a name with a NUL answer BAD_USER_INPUT on the field, in Chinese, and the next write still succeeds (the
// finding saw 2^62 volunteers stored, then CONFLICT on the next write when an aggregate overflowed).
func TestCountBoundsOverHTTP(t *testing.T) {
	base, _, editor, _ := writers(t)
	organ := data[struct {
		Units struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}](t, base, nil, `{ units(filter: {kind: "机关"}, first: 1) { edges { node { id } } } }`, nil).Units.Edges[0].Node.ID
	const record = `mutation($u: ID!, $d: Date!, $n: Int!, $h: Float!) {
		createVolunteerRecord(input: {unitId: $u, date: $d, volunteers: $n, hours: $h, method: SHIFT}) { id volunteers hours } }`
	for _, tc := range []struct {
		name, field, q string
		vars           map[string]any
	}{
		{"VolunteersOf2To62", "volunteers", record, map[string]any{"u": organ, "d": "2024-05-01", "n": int64(4611686018427387904), "h": 1}},
		{"VolunteersPastTheBound", "volunteers", record, map[string]any{"u": organ, "d": "2024-05-01", "n": 100_000_001, "h": 1}},
		{"HoursPastTheBound", "hours", record, map[string]any{"u": organ, "d": "2024-05-01", "n": 1, "h": 1e300}},
		{"SessionsPastTheBound", "sessions", `mutation($u: ID!) { createPracticeActivity(input: {unitId: $u, date: "2024-05-01",
			kind: ROUTINE, theme: "宣讲", sessions: 4611686018427387904, participants: 1}) { id } }`, map[string]any{"u": organ}},
		{"NameWithNUL", "name", `mutation($n: String!) { createUnit(input: {name: $n, kind: "机关"}) { id } }`, map[string]any{"n": "某\x00厅"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := WantCode(t, As(t, base, editor, tc.q, tc.vars).Errors, "BAD_USER_INPUT")
			if e.Extensions["field"] != tc.field || !HasCJK(e.Message) {
				t.Errorf("error %q on %v, want a Chinese message on %s", e.Message, e.Extensions["field"], tc.field)
			}
		})
	}
	t.Run("AtTheBoundThenAnotherWrite", func(t *testing.T) {
		for i, d := range []string{"2024-05-02", "2024-05-03", "2024-05-04"} {
			n, h := 100_000_000, 100_000_000.0
			if i == 2 {
				n, h = 1, 1
			}
			r := As(t, base, editor, record, map[string]any{"u": organ, "d": d, "n": n, "h": h})
			if len(r.Errors) > 0 {
				t.Fatalf("write %d: %+v", i+1, r.Errors)
			}
		}
		got := data[struct {
			VolunteerStats []struct{ Volunteers int64 }
		}](t, base, nil, `{ volunteerStats(groupBy: [], filter: {fromYear: 2024, toYear: 2024, demo: false}) { volunteers } }`, nil)
		if len(got.VolunteerStats) != 1 || got.VolunteerStats[0].Volunteers < 200_000_001 {
			t.Fatalf("volunteers of 2024 = %+v, want the records at the bound counted", got)
		}
	})
}
