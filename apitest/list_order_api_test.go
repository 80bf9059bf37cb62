package apitest

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// sortedList is one connection with an orderBy argument: how to ask for it, and each sort field's value in a node.
type sortedList struct {
	field string
	// args are the connection's arguments besides orderBy, first and after (a filter that keeps the walk short).
	args string
	// node selects the node's id and whatever the keys read.
	node string
	// keys gives the sort value of each orderBy field (ID is the node's row ID); text compares in byte order, and a
	// missing date as "~", after every date.
	keys map[string]func(n map[string]any) any
	// def is the order the list had before orderBy existed, which omitting it must still give.
	def string
}

func textKey(k string) func(map[string]any) any {
	return func(n map[string]any) any {
		if v, ok := n[k].(string); ok {
			return v
		}
		return "~"
	}
}

func numKey(k string) func(map[string]any) any {
	return func(n map[string]any) any { return n[k].(float64) }
}

var sortedLists = []sortedList{
	{field: "units", node: "id name kind", def: "ID/ASC",
		keys: map[string]func(map[string]any) any{"NAME": textKey("name"), "KIND": textKey("kind")}},
	{field: "people", node: "id name", def: "ID/ASC", keys: map[string]func(map[string]any) any{"NAME": textKey("name")}},
	{field: "practiceActivities", args: "filter: { fromYear: 2023, toYear: 2023 }", node: "id date sessions participants", def: "DATE/ASC",
		keys: map[string]func(map[string]any) any{"DATE": textKey("date"), "SESSIONS": numKey("sessions"), "PARTICIPANTS": numKey("participants")}},
	{field: "assessments", args: "filter: { year: 2022 }", node: "id year unit { name }", def: "YEAR/ASC",
		keys: map[string]func(map[string]any) any{"YEAR": numKey("year"), "UNIT": func(n map[string]any) any { return n["unit"].(map[string]any)["name"] }}},
	{field: "wishes", node: "id title collectedOn", def: "COLLECTED_ON/ASC",
		keys: map[string]func(map[string]any) any{"TITLE": textKey("title"), "COLLECTED_ON": textKey("collectedOn")}},
	{field: "excellentCases", node: "id title", def: "ID/ASC", keys: map[string]func(map[string]any) any{"TITLE": textKey("title")}},
	{field: "talentMembers", node: "id name sinceYear", def: "ID/ASC",
		keys: map[string]func(map[string]any) any{"NAME": textKey("name"), "SINCE_YEAR": numKey("sinceYear")}},
	{field: "civilisationEvents", node: "id title date", def: "DATE/ASC",
		keys: map[string]func(map[string]any) any{"DATE": textKey("date"), "TITLE": textKey("title")}},
	{field: "honors", args: "filter: { fromYear: 2021, toYear: 2021, levels: [NATIONAL] }", node: "id year", def: "YEAR/ASC",
		keys: map[string]func(map[string]any) any{"YEAR": numKey("year")}},
	{field: "volunteerRecords", args: "filter: { fromYear: 2021, toYear: 2021, campaigns: [\"FLOOD720\"] }", node: "id date", def: "ID/ASC",
		keys: map[string]func(map[string]any) any{"DATE": textKey("date")}},
}

// listPage is one page of any of the connections.
type listPage struct {
	TotalCount int
	PageInfo   pageInfo
	Edges      []struct {
		Cursor string
		Node   map[string]any
	}
}

// walkSorted follows one connection in one order (nil: none asked for) to its end, page by page after each page's
// end cursor, and returns its nodes and total count.
func walkSorted(tb testing.TB, base string, l sortedList, order map[string]any, first int) ([]map[string]any, int) {
	tb.Helper()
	args := l.args
	if args != "" {
		args += ", "
	}
	q := fmt.Sprintf(`query($order: %s, $first: Int, $after: String) { list: %s(%sorderBy: $order, first: $first, after: $after) {
		totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { %s } } } }`,
		orderType(l.field), l.field, args, l.node)
	var all []map[string]any
	var after any
	total := -1
	for page := 0; ; page++ {
		c := Query[struct{ List listPage }](tb, base, q, map[string]any{"order": order, "first": first, "after": after}).List
		if total >= 0 && c.TotalCount != total {
			tb.Fatalf("page %d: totalCount changed from %d to %d", page, total, c.TotalCount)
		}
		total = c.TotalCount
		if c.PageInfo.HasPreviousPage != (page > 0) {
			tb.Errorf("page %d: hasPreviousPage = %v", page, c.PageInfo.HasPreviousPage)
		}
		for _, e := range c.Edges {
			all = append(all, e.Node)
		}
		if !c.PageInfo.HasNextPage {
			return all, total
		}
		if page > 500 {
			tb.Fatal("paging does not end")
		}
		after = *c.PageInfo.EndCursor
	}
}

// orderType is the orderBy argument's input type of a connection field.
func orderType(field string) string {
	return map[string]string{
		"units": "UnitOrder", "people": "PersonOrder", "practiceActivities": "PracticeActivityOrder", "assessments": "AssessmentOrder",
		"wishes": "WishOrder", "excellentCases": "ExcellentCaseOrder", "talentMembers": "TalentMemberOrder",
		"civilisationEvents": "CivilisationEventOrder", "honors": "HonorOrder", "volunteerRecords": "VolunteerRecordOrder",
	}[field]
}

// compareKeys orders two sort values as the store does: numbers by value, text by bytes.
func compareKeys(a, b any) int {
	switch x := a.(type) {
	case float64:
		y := b.(float64)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	default:
		return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
	}
}

// pageOf is the page size of the sorted walks: small, so that every list spans several pages.
const pageOf = 7

// TestListOrderBy walks every list that takes orderBy in each of its fields and both directions, a few rows a page:
// every row comes back exactly once, in the order asked for with ties on ID; omitting orderBy gives the order the
// list always had, so that reporting tools see no change.
func TestListOrderBy(t *testing.T) {
	base := SharedMain(t).URL()
	for _, l := range sortedLists {
		t.Run(l.field, func(t *testing.T) {
			key := func(f string, n map[string]any) any {
				if f == "ID" {
					return float64(rowID(t, n["id"].(string)))
				}
				return l.keys[f](n)
			}
			ref, total := walkSorted(t, base, l, nil, 100)
			if total <= pageOf || len(ref) != total {
				t.Fatalf("%d rows for a total of %d: the test needs more than one page of %d to sort", len(ref), total, pageOf)
			}
			fields := []string{"ID"}
			for f := range l.keys {
				fields = append(fields, f)
			}
			for _, f := range fields {
				for _, dir := range []string{"ASC", "DESC"} {
					t.Run(f+"/"+dir, func(t *testing.T) {
						got, n := walkSorted(t, base, l, map[string]any{"field": f, "direction": dir}, pageOf)
						if n != total || len(got) != total {
							t.Fatalf("walked %d rows of totalCount %d; the list without orderBy has %d", len(got), n, total)
						}
						seen := map[string]bool{}
						for i, r := range got {
							id := r["id"].(string)
							if seen[id] {
								t.Fatalf("row %s came back twice", id)
							}
							seen[id] = true
							if i == 0 {
								continue
							}
							c := compareKeys(key(f, got[i-1]), key(f, r))
							if c == 0 {
								c = compareKeys(key("ID", got[i-1]), key("ID", r))
							}
							if (dir == "ASC" && c >= 0) || (dir == "DESC" && c <= 0) {
								t.Fatalf("rows %d and %d out of %s %s order: %v then %v", i-1, i, f, dir, got[i-1], r)
							}
						}
						if f+"/"+dir == l.def {
							for i := range got {
								if got[i]["id"] != ref[i]["id"] {
									t.Fatalf("row %d: %v with orderBy %s, %v without", i, got[i]["id"], l.def, ref[i]["id"])
								}
							}
						}
					})
				}
			}
		})
	}
}

// TestListOrderByNewestFirst: ID DESC, the dashboard's default, puts a record just created first on page one.
func TestListOrderByNewestFirst(t *testing.T) {
	m := MustRunMain(t)
	base := m.URL()
	h, _ := Login(t, base, "admin", AdminPassword)
	r := As(t, base, h, `mutation { createUnit(input: { name: "最新录入的单位", kind: "机关" }) { id } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("createUnit: %v", r.Errors)
	}
	var made struct{ CreateUnit struct{ ID string } }
	if err := json.Unmarshal(r.Data, &made); err != nil {
		t.Fatal(err)
	}
	first := Query[struct{ Units listPage }](t, base, `{ units(orderBy: { field: ID, direction: DESC }, first: 3) { totalCount edges { node { id } } } }`, nil).Units
	if len(first.Edges) == 0 || first.Edges[0].Node["id"] != made.CreateUnit.ID {
		t.Fatalf("newest first begins with %v, want the unit just created %s", first.Edges, made.CreateUnit.ID)
	}
}

// TestListOrderByRefusals: a cursor continues only the order it was made in, and a field the list does not sort by
// is refused before it reaches the store.
func TestListOrderByRefusals(t *testing.T) {
	base := SharedMain(t).URL()
	byName := Query[struct{ Units listPage }](t, base, `{ units(orderBy: { field: NAME }, first: 2) { edges { cursor } } }`, nil).Units
	_, errs := GQL(t, base, `query($a: String) { units(orderBy: { field: KIND }, first: 2, after: $a) { totalCount } }`,
		map[string]any{"a": byName.Edges[1].Cursor})
	if e := WantCode(t, errs, "BAD_USER_INPUT"); e.Extensions["field"] != "after" {
		t.Errorf("a NAME cursor continuing KIND: %+v", e)
	}
	_, errs = GQL(t, base, `query($a: String) { units(first: 2, after: $a) { totalCount } }`, map[string]any{"a": byName.Edges[1].Cursor})
	WantCode(t, errs, "BAD_USER_INPUT")
	_, errs = GQL(t, base, `{ people(orderBy: { field: TITLE }) { totalCount } }`, nil)
	if len(errs) == 0 {
		t.Error("people sorted by TITLE, a field of another list, was accepted")
	}
}
