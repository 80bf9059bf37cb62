package apitest

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/httpapi"
)

// filtersQuery reads every filtered, ordered and paged root field the dashboard uses, from one set of variables.
const filtersQuery = `query F($hf: HonorFilter, $ho: HonorOrder, $vf: VolunteerFilter, $vo: VolunteerRecordOrder, $uf: UnitFilter,
  $pf: PersonFilter, $af: PracticeActivityFilter, $sf: AssessmentFilter, $hg: [HonorDimension!]!, $vg: [VolunteerDimension!]!,
  $first: Int, $after: String) {
  honors(filter: $hf, orderBy: $ho, first: $first, after: $after) { totalCount edges { cursor node { id year } } pageInfo { endCursor } }
  honorStats(groupBy: $hg, filter: $hf) { count }
  volunteerRecords(filter: $vf, orderBy: $vo, first: $first, after: $after) { totalCount edges { cursor node { id hours volunteers } } }
  volunteerStats(groupBy: $vg, filter: $vf) { hours volunteers }
  units(filter: $uf, first: $first, after: $after) { totalCount edges { node { id } } }
  people(filter: $pf, first: $first, after: $after) { totalCount edges { node { id } } }
  practiceActivities(filter: $af, first: $first, after: $after) { totalCount edges { node { id } } }
  assessments(filter: $sf, first: $first, after: $after) { totalCount edges { node { id } } }
}`

// pick is the i-th value of a list, wrapping, so that any fuzzed byte names a valid enum value.
func pick[T any](xs []T, i uint8) T { return xs[int(i)%len(xs)] }

// orNil turns a fuzzed flag byte into null, false or true.
func orNil(b uint8) any {
	switch b % 3 {
	case 1:
		return false
	case 2:
		return true
	}
	return nil
}

// Valid codes of the demo dataset, which fuzzed picks choose from so that filters also reach the database.
var (
	fuzzCategories = []string{"NATIONAL_CIVILISED_UNIT", "NATIONAL_CIVILISED_CAMPUS", "PROVINCIAL_UNIT", "DIRECT_GOOD_PERSON", "CHINA_GOOD_PERSON"}
	fuzzCampaigns  = []string{"ROUTINE", "FLOOD720", "EPIDEMIC"}
	fuzzUnitKinds  = []string{"机关", "高校", "医院", "中小学"}
)

// FuzzFilters sends the dashboard's filters, orderings and cursors, built from fuzzed years, codes, IDs, text and
// enum picks, through the real HTTP handler over the seeded demo database. Each filter field is present or absent
// by a bit of mask, and codes, kinds and page sizes are either fuzzed or picked from valid ones, so that inputs both
// reach the database and break the rules. Whatever the input, the server answers JSON with no 5xx status, and every
// error carries an extensions.code that is not INTERNAL_SERVER_ERROR.
func FuzzFilters(f *testing.F) {
	m := MustRunMain(f, func(c *MainConfig) { c.MaxComplexity = 1 << 30 })
	base := m.URL()
	f.Add(int64(2019), int64(2024), "NATIONAL_CIVILISED_UNIT", "", "高校", "", int64(10), uint8(0), uint8(0), uint16(0))
	f.Add(int64(2019), int64(2024), "", "", "", "", int64(10), uint8(0), uint8(0), uint16(0xffff))
	f.Add(int64(0), int64(0), "ROUTINE", db.GlobalID(db.NodeUnit, 1), "", db.EncodeCursor("YEAR/ASC", 2021, 3), int64(0), uint8(1), uint8(1), uint16(0x0f0f))
	f.Add(int64(2024), int64(2019), "", db.GlobalID(db.NodePerson, 1), "第七届", db.EncodeCursor("DATE/ASC", "2024-01-01", 1), int64(-1), uint8(2), uint8(3), uint16(0xf0f0))
	f.Add(int64(-9223372036854775808), int64(9223372036854775807), "\x00", "VW5pdDow", "%", "eyJ2Ijp7fSwiaWQiOjF9", int64(1<<40), uint8(255), uint8(7), uint16(0x5555))
	f.Add(int64(1949), int64(2100), "FLOOD720", db.GlobalID(db.NodeUnit, 1<<62), "' OR 1=1 --", db.EncodeCursor("HOURS/DESC", 1e300, 1<<62), int64(500), uint8(4), uint8(9), uint16(0xaaaa))
	f.Add(int64(2021), int64(2021), "EPIDEMIC", db.GlobalID(db.NodePracticeCenter, 1), "_", db.EncodeCursor("UNIT/ASC", []any{1}, 2), int64(501), uint8(3), uint8(6), uint16(0x3333))
	f.Fuzz(func(t *testing.T, from, to int64, code, id, text, after string, first int64, e1, e2 uint8, mask uint16) {
		bit := func(i int) bool { return mask&(1<<i) != 0 }
		set := func(m map[string]any, i int, key string, v any) {
			if bit(i) {
				m[key] = v
			}
		}
		category, campaign, kind := code, code, text
		if bit(12) {
			category, campaign, kind = pick(fuzzCategories, e1), pick(fuzzCampaigns, e2), pick(fuzzUnitKinds, e1^e2)
		}
		if bit(13) {
			first = 1 + (first%db.MaxPageSize+db.MaxPageSize)%db.MaxPageSize
		}
		flag := func(i int) any { return []any{false, true}[(mask>>i)&1] }
		hf, vf, uf, pf, af, sf := map[string]any{}, map[string]any{}, map[string]any{}, map[string]any{}, map[string]any{}, map[string]any{}
		for _, m := range []map[string]any{hf, vf, af} {
			set(m, 0, "fromYear", from)
			set(m, 1, "toYear", to)
			set(m, 2, "unitId", id)
			set(m, 3, "demo", flag(14))
		}
		set(hf, 4, "levels", []any{pick(db.AllHonorLevels, e1)})
		set(hf, 5, "categories", []string{category})
		set(hf, 6, "recipientKinds", []any{pick(db.AllRecipientKinds, e2)})
		set(hf, 7, "statuses", []any{pick(db.AllHonorStatuses, e1^e2)})
		set(hf, 8, "unitKind", kind)
		set(hf, 9, "edition", text)
		set(vf, 5, "campaigns", []string{campaign})
		set(vf, 6, "methods", []any{pick(db.AllRecordingMethods, e2)})
		set(vf, 7, "verified", flag(15))
		set(vf, 8, "unitKind", kind)
		set(uf, 4, "kind", kind)
		set(uf, 5, "nameContains", text)
		set(uf, 6, "serviceWindow", flag(14))
		set(uf, 7, "linkedToPractice", flag(15))
		set(pf, 5, "categories", []string{category})
		set(pf, 6, "nameContains", text)
		set(af, 4, "kinds", []any{pick(db.AllActivityKinds, e1)})
		set(af, 5, "centerId", id)
		set(sf, 0, "year", from)
		set(sf, 8, "unitKind", kind)
		set(sf, 4, "stage", pick(db.AllAssessmentStages, e2))
		set(sf, 2, "unitId", id)
		set(sf, 3, "demo", flag(14))
		vars := map[string]any{"hf": hf, "vf": vf, "uf": uf, "pf": pf, "af": af, "sf": sf,
			"ho": map[string]any{"field": pick(db.AllHonorOrderFields, e1), "direction": pick([]string{"ASC", "DESC"}, e2)},
			"vo": map[string]any{"field": pick(db.AllVolunteerRecordOrderFields, e2), "direction": pick([]string{"DESC", "ASC"}, e1)},
			"hg": []any{pick(db.AllHonorDimensions, e1), pick(db.AllHonorDimensions, e2)},
			"vg": []any{pick(db.AllVolunteerDimensions, e2), pick(db.AllVolunteerDimensions, e1)},
		}
		set(vars, 10, "first", first)
		set(vars, 11, "after", after)
		body, err := json.Marshal(map[string]any{"query": filtersQuery, "variables": vars})
		if err != nil {
			return // text that JSON cannot carry never reaches a server
		}
		res := Do(t, "POST", base+"/graphql", bytes.NewReader(body), nil, "application/json")
		if res.StatusCode >= 500 {
			t.Fatalf("status %d for %s", res.StatusCode, body)
		}
		r := decodeResponse(t, res)
		for _, e := range r.Errors {
			if c := e.Code(); c == "" || c == httpapi.CodeInternal {
				t.Fatalf("error %q with code %q for %s", e.Message, c, body)
			}
		}
	})
}
