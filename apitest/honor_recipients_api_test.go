package apitest

import (
	"encoding/json"
	"testing"
)

// recipientHonor is an honour as the dashboard's form reads it back: its recipient, whatever its kind.
type recipientHonor struct {
	ID, RecipientKind, RecipientName string
	Version                          int
	Unit, Person, Project, Work      *struct{ ID string }
}

const recipientFields = `id recipientKind recipientName version unit { id } person { id } project { id } work { id }`

// TestHonorsOfEveryRecipientKind creates and then edits, through the API the dashboard's honour form calls, one
// honour of each kind of recipient the catalogue knows (a person, a project, a work, a community, a unit), and reads
// each back with the record it names; a recipient of the wrong kind is refused on its field.
func TestHonorsOfEveryRecipientKind(t *testing.T) {
	m := MustRunMain(t)
	base := m.URL()
	h, _ := Login(t, base, "admin", AdminPassword)
	picks := Query[struct {
		People struct {
			Edges []struct{ Node struct{ ID, Name string } }
		}
		VolunteerProjects []struct{ ID, Name string }
		Works             struct {
			TotalCount int
			Edges      []struct{ Node struct{ ID, Title string } }
		}
		Units struct {
			Edges []struct{ Node struct{ ID, Name string } }
		}
	}](t, base, `{ people(first: 2) { edges { node { id name } } } volunteerProjects { id name }
		works(first: 2) { totalCount edges { node { id title } } } units(first: 1, filter: { kind: "机关" }) { edges { node { id name } } } }`, nil)
	if len(picks.People.Edges) < 2 || len(picks.VolunteerProjects) < 2 || len(picks.Works.Edges) < 2 || len(picks.Units.Edges) < 1 {
		t.Fatalf("the demo data has too few records to pick from: %+v", picks)
	}
	person, person2 := picks.People.Edges[0].Node, picks.People.Edges[1].Node
	project, work, work2 := picks.VolunteerProjects[0], picks.Works.Edges[0].Node, picks.Works.Edges[1].Node
	unit := picks.Units.Edges[0].Node

	t.Run("WorksSearchByTitle", func(t *testing.T) {
		got := Query[struct {
			Works struct {
				TotalCount int
				Edges      []struct{ Node struct{ ID, Title string } }
			}
		}](t, base, `query($t: String) { works(filter: { titleContains: $t }, first: 5) { totalCount edges { node { id title } } } }`,
			map[string]any{"t": work.Title}).Works
		if got.TotalCount < 1 || got.TotalCount > picks.Works.TotalCount || !containsTitle(got.Edges, work.Title) {
			t.Errorf("works titled %q: %+v", work.Title, got)
		}
	})

	write := func(t *testing.T, q string, vars map[string]any) recipientHonor {
		t.Helper()
		r := As(t, base, h, q, vars)
		if len(r.Errors) > 0 {
			t.Fatalf("%v", r.Errors)
		}
		var out map[string]recipientHonor
		if err := json.Unmarshal(r.Data, &out); err != nil {
			t.Fatal(err)
		}
		for _, v := range out {
			return v
		}
		t.Fatal("no answer")
		return recipientHonor{}
	}
	create := `mutation($i: HonorInput!) { createHonor(input: $i) { ` + recipientFields + ` } }`
	update := `mutation($id: ID!, $v: Int!, $i: HonorInput!) { updateHonor(id: $id, expectedVersion: $v, input: $i) { ` + recipientFields + ` } }`
	for _, tc := range []struct {
		name, kind string
		in, edit   map[string]any
		check      func(recipientHonor) bool
		after      func(recipientHonor) bool
	}{
		{"PersonGoodPerson", "PERSON", map[string]any{"categoryCode": "HENAN_GOOD_PERSON", "personId": person.ID, "year": 2024, "edition": "第七届"},
			map[string]any{"categoryCode": "HENAN_GOOD_PERSON", "personId": person2.ID, "year": 2024},
			func(x recipientHonor) bool {
				return x.Person != nil && x.Person.ID == person.ID && x.RecipientName == person.Name
			},
			func(x recipientHonor) bool {
				return x.Person != nil && x.Person.ID == person2.ID && x.RecipientName == person2.Name
			}},
		{"PersonFourExcellent", "PERSON", map[string]any{"categoryCode": "DIRECT_FOUR_EXCELLENT", "personId": person.ID, "year": 2023},
			map[string]any{"categoryCode": "DIRECT_FOUR_EXCELLENT", "projectId": project.ID, "year": 2023},
			func(x recipientHonor) bool { return x.Person != nil && x.Person.ID == person.ID },
			func(x recipientHonor) bool {
				return x.RecipientKind == "PROJECT" && x.Project != nil && x.Project.ID == project.ID && x.Person == nil
			}},
		{"Work", "WORK", map[string]any{"categoryCode": "DIRECT_EXCELLENT_WORK", "workId": work.ID, "year": 2022},
			map[string]any{"categoryCode": "DIRECT_EXCELLENT_WORK", "workId": work2.ID, "year": 2022},
			func(x recipientHonor) bool {
				return x.Work != nil && x.Work.ID == work.ID && x.RecipientName == work.Title
			},
			func(x recipientHonor) bool {
				return x.Work != nil && x.Work.ID == work2.ID && x.RecipientName == work2.Title
			}},
		{"Community", "COMMUNITY", map[string]any{"categoryCode": "HENAN_FOUR_EXCELLENT", "recipientName": "幸福里社区", "year": 2024},
			map[string]any{"categoryCode": "HENAN_FOUR_EXCELLENT", "recipientName": "和平里社区", "year": 2024},
			func(x recipientHonor) bool { return x.RecipientName == "幸福里社区" && x.Unit == nil },
			func(x recipientHonor) bool { return x.RecipientName == "和平里社区" }},
		{"Unit", "UNIT", map[string]any{"categoryCode": "PROVINCIAL_UNIT", "unitId": unit.ID, "year": 2024},
			map[string]any{"categoryCode": "PROVINCIAL_UNIT", "unitId": unit.ID, "year": 2023},
			func(x recipientHonor) bool { return x.Unit != nil && x.Unit.ID == unit.ID },
			func(x recipientHonor) bool { return x.Unit != nil && x.Unit.ID == unit.ID }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			made := write(t, create, map[string]any{"i": tc.in})
			if made.RecipientKind != tc.kind || !tc.check(made) {
				t.Fatalf("created %+v from %v", made, tc.in)
			}
			edited := write(t, update, map[string]any{"id": made.ID, "v": made.Version, "i": tc.edit})
			if edited.Version != made.Version+1 || !tc.after(edited) {
				t.Fatalf("edited %+v from %v", edited, tc.edit)
			}
			read := Query[struct{ Node recipientHonor }](t, base, `query($id: ID!) { node(id: $id) { ... on Honor { `+recipientFields+` } } }`,
				map[string]any{"id": made.ID}).Node
			if !tc.after(read) {
				t.Errorf("read back %+v", read)
			}
		})
	}

	for _, tc := range []struct {
		name, field string
		in          map[string]any
	}{
		{"PersonCategoryWithoutPerson", "personId", map[string]any{"categoryCode": "CHINA_GOOD_PERSON", "unitId": unit.ID, "year": 2024}},
		{"WorkCategoryWithoutWork", "workId", map[string]any{"categoryCode": "PROVINCIAL_EXCELLENT_WORK", "year": 2024}},
		{"UnitCategoryGivenAWork", "workId", map[string]any{"categoryCode": "PROVINCIAL_UNIT", "unitId": unit.ID, "workId": work.ID, "year": 2024}},
		{"WorkIDOfAnotherType", "workId", map[string]any{"categoryCode": "PROVINCIAL_EXCELLENT_WORK", "workId": person.ID, "year": 2024}},
	} {
		t.Run("Refused/"+tc.name, func(t *testing.T) {
			r := As(t, base, h, create, map[string]any{"i": tc.in})
			if e := WantCode(t, r.Errors, "BAD_USER_INPUT"); e.Extensions["field"] != tc.field {
				t.Errorf("error on %v, want %s: %+v", e.Extensions["field"], tc.field, e)
			}
		})
	}
}

func containsTitle(edges []struct{ Node struct{ ID, Title string } }, title string) bool {
	for _, e := range edges {
		if e.Node.Title == title {
			return true
		}
	}
	return false
}
