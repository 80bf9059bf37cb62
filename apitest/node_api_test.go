package apitest

import (
	"encoding/base64"
	"strconv"
	"strings"
	"testing"
)

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// globalID builds the opaque ID of a row the way the API does, for IDs a test cannot read from a response.
func globalID(typ string, id int64) string { return b64(typ + ":" + strconv.FormatInt(id, 10)) }

func itoa(n int) string { return strconv.Itoa(n) }

// nodeTypes are the Node implementations, each fetched back through node(id) in TestNode.
var nodeTypes = []string{"Unit", "Honor", "HonorCategory", "Person", "Campaign", "Donation", "VolunteerRecord", "VolunteerProject",
	"PracticeCenter", "PracticeLink", "Pairing", "Assessment", "PublishedFigure", "SourceDocument", "Milestone", "Target", "PracticeActivity",
	// The article records.
	"Wish", "CaseCompilation", "ExcellentCase", "TalentMember", "CivilisationEvent",
	// The works of 赶考路上有我, which work honours go to.
	"Work"}

func TestNode(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()

	// One ID of each type, read from the ordinary queries.
	ids := Query[struct {
		Units struct {
			Edges []struct {
				Node struct {
					ID            string
					Assessments   []struct{ ID string }
					PracticeLinks []struct{ ID string }
					Pairings      []struct{ ID string }
				}
			}
		}
		Honors struct {
			Edges []struct {
				Node struct {
					ID       string
					Category struct{ ID string }
				}
			}
		}
		People struct {
			Edges []struct{ Node struct{ ID string } }
		}
		Campaigns []struct {
			ID        string
			Donations []struct{ ID string }
		}
		VolunteerRecords struct {
			Edges []struct{ Node struct{ ID string } }
		}
		VolunteerProjects  []struct{ ID string }
		PracticeCenters    []struct{ ID string }
		PublishedFigures   []struct{ ID string }
		SourceDocuments    []struct{ ID string }
		Milestones         []struct{ ID string }
		Targets            []struct{ ID string }
		PracticeActivities struct {
			Edges []struct{ Node struct{ ID string } }
		}
		Wishes struct {
			Edges []struct{ Node struct{ ID string } }
		}
		CaseCompilations []struct{ ID string }
		ExcellentCases   struct {
			Edges []struct{ Node struct{ ID string } }
		}
		TalentMembers struct {
			Edges []struct{ Node struct{ ID string } }
		}
		CivilisationEvents struct {
			Edges []struct{ Node struct{ ID string } }
		}
		Works struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}](t, base, `{
		units(filter: {linkedToPractice: true}, first: 1) { edges { node { id assessments { id } practiceLinks { id } pairings { id } } } }
		honors(first: 1) { edges { node { id category { id } } } }
		people(first: 1) { edges { node { id } } }
		campaigns { id donations { id } }
		volunteerRecords(first: 1) { edges { node { id } } }
		volunteerProjects { id }
		practiceCenters { id }
		publishedFigures { id }
		sourceDocuments { id }
		milestones { id }
		targets { id }
		practiceActivities(first: 1) { edges { node { id } } }
		wishes(first: 1) { edges { node { id } } }
		caseCompilations { id }
		excellentCases(first: 1) { edges { node { id } } }
		talentMembers(first: 1) { edges { node { id } } }
		civilisationEvents(first: 1) { edges { node { id } } }
		works(first: 1) { edges { node { id } } }
	}`, nil)
	u := ids.Units.Edges[0].Node
	sample := map[string]string{
		"Unit":             u.ID,
		"Assessment":       u.Assessments[0].ID,
		"PracticeLink":     u.PracticeLinks[0].ID,
		"Pairing":          u.Pairings[0].ID,
		"Honor":            ids.Honors.Edges[0].Node.ID,
		"HonorCategory":    ids.Honors.Edges[0].Node.Category.ID,
		"Person":           ids.People.Edges[0].Node.ID,
		"Campaign":         ids.Campaigns[0].ID,
		"Donation":         ids.Campaigns[0].Donations[0].ID,
		"VolunteerRecord":  ids.VolunteerRecords.Edges[0].Node.ID,
		"VolunteerProject": ids.VolunteerProjects[0].ID,
		"PracticeCenter":   ids.PracticeCenters[0].ID,
		"PublishedFigure":  ids.PublishedFigures[0].ID,
		"SourceDocument":   ids.SourceDocuments[0].ID,
		"Milestone":        ids.Milestones[0].ID,
		"Target":           ids.Targets[0].ID,
		"PracticeActivity": ids.PracticeActivities.Edges[0].Node.ID,
		"Work":             ids.Works.Edges[0].Node.ID,
	}
	for typ, edges := range map[string][]struct{ Node struct{ ID string } }{"Wish": ids.Wishes.Edges,
		"ExcellentCase": ids.ExcellentCases.Edges, "TalentMember": ids.TalentMembers.Edges, "CivilisationEvent": ids.CivilisationEvents.Edges} {
		if len(edges) > 0 {
			sample[typ] = edges[0].Node.ID
		}
	}
	if len(ids.CaseCompilations) > 0 {
		sample["CaseCompilation"] = ids.CaseCompilations[0].ID
	}

	// One query asks for the id through an inline fragment on every Node type.
	var frags strings.Builder
	for _, typ := range nodeTypes {
		frags.WriteString(" ... on " + typ + " { id }")
	}
	nodeQuery := `query($id: ID!) { node(id: $id) { __typename` + frags.String() + ` } }`
	type nodeResult struct {
		Node *struct {
			Typename string `json:"__typename"`
			ID       string
		}
	}

	t.Run("EveryNodeTypeIsCovered", func(t *testing.T) {
		r := Query[struct {
			Type struct{ PossibleTypes []struct{ Name string } } `json:"__type"`
		}](t, base, `{ __type(name: "Node") { possibleTypes { name } } }`, nil)
		for _, p := range r.Type.PossibleTypes {
			if !contains(nodeTypes, p.Name) {
				t.Errorf("Node type %s is not round-tripped by this test", p.Name)
			}
		}
		if len(r.Type.PossibleTypes) != len(nodeTypes) {
			t.Errorf("schema has %d Node types, test knows %d", len(r.Type.PossibleTypes), len(nodeTypes))
		}
	})

	for _, typ := range nodeTypes {
		t.Run("RoundTrip/"+typ, func(t *testing.T) {
			id := sample[typ]
			if id == "" {
				t.Fatalf("no sample %s", typ)
			}
			n := Query[nodeResult](t, base, nodeQuery, map[string]any{"id": id}).Node
			if n == nil {
				t.Fatalf("node(%s) is null", id)
			}
			if n.Typename != typ || n.ID != id {
				t.Errorf("node(%s) = %s %s", id, n.Typename, n.ID)
			}
		})
		t.Run("Unknown/"+typ, func(t *testing.T) {
			data, errs := GQL(t, base, nodeQuery, map[string]any{"id": globalID(typ, 987654)})
			if len(errs) > 0 || string(data) != `{"node":null}` {
				t.Errorf("data %s, errors %+v", data, errs)
			}
		})
	}

	t.Run("UnknownType", func(t *testing.T) {
		data, errs := GQL(t, base, nodeQuery, map[string]any{"id": globalID("Spaceship", 1)})
		if len(errs) > 0 || string(data) != `{"node":null}` {
			t.Errorf("data %s, errors %+v", data, errs)
		}
	})

	for name, id := range map[string]string{
		"NotBase64":    "***",
		"NoColon":      b64("Unit1"),
		"NoType":       b64(":1"),
		"NonNumericID": b64("Unit:one"),
		"ZeroID":       b64("Unit:0"),
		"NegativeID":   b64("Unit:-4"),
		"Empty":        "",
	} {
		t.Run("Malformed/"+name, func(t *testing.T) {
			e := wantBadInput(t, base, nodeQuery, map[string]any{"id": id})
			if e.Extensions["field"] != "id" {
				t.Errorf("field = %v", e.Extensions["field"])
			}
		})
	}
}

// TestEveryQueryIsTested keeps this suite honest: a new root field must get a test here.
func TestEveryQueryIsTested(t *testing.T) {
	tested := []string{"node", "sourceDocuments", "publishedFigures", "reconciliation", "overview", "progress", "honors", "honorStats",
		"volunteerStats", "volunteerRecords", "rankings", "rankingWeights", "honorCategories", "units", "unit", "unitKinds", "people",
		"campaigns", "volunteerProjects", "federation", "practiceCenters", "practiceSummary", "practiceActivityStats", "workStats",
		"assessmentIndicators", "assessmentStageStats", "milestones", "targets", "dataset", "viewer", "users", "apiTokens",
		"auditLog", "deletedRecords", "practiceActivities", "assessments",
		// The article records, tested in article_api_test.go.
		"practiceActions", "pairingContentCounts", "wishes", "wishFunnel", "caseCompilations", "excellentCases", "talentPool",
		"talentMembers", "civilisationEvents",
		// The works an honour form picks from, tested in honor_recipients_api_test.go.
		"works",
		// The report's opening summary, tested in summary_api_test.go; the overview's headline row in headline_api_test.go.
		"summary", "headline",
		// Import jobs, tested in import_job_api_test.go.
		"importJob", "importJobs",
		// Yearly reporting, tested in reporting_api_test.go; the reporting tools' reads in report_content_api_test.go.
		"reportTasks", "reportTask", "reportAssignments", "taskProgress"}
	m := SharedMain(t)
	r := Query[struct {
		Type struct{ Fields []struct{ Name string } } `json:"__type"`
	}](t, m.URL(), `{ __type(name: "Query") { fields { name } } }`, nil)
	for _, f := range r.Type.Fields {
		if !contains(tested, f.Name) {
			t.Errorf("Query.%s has no API test", f.Name)
		}
	}
	if len(r.Type.Fields) != len(tested) {
		t.Errorf("Query has %d fields, tested %d", len(r.Type.Fields), len(tested))
	}
}
