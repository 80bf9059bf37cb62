package systemtest

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/wenming/wenming/apitest"
)

// Aggregates of three domains, each its own operation so that each is cached on its own domains' versions.
const (
	aggVolunteer = `query AggVolunteer { volunteerStats(groupBy: [YEAR], filter: {fromYear: 2024, toYear: 2024}) { year records minutes } }`
	aggHonors    = `query AggHonors { honorStats(groupBy: [YEAR]) { year count } }`
	aggRanking   = `query AggRanking { rankings(year: 2024, metric: VOLUNTEER_HOURS, first: 1) { unit { id } score } }`
)

// volunteerWriteSeenInAggregatesOnB writes a volunteer record through replica a and reads, on replica b whose
// caches hold the answers from before, every aggregate it changes: the volunteer totals and the ranking by
// volunteer hours must turn current within deadline, and the honour counts, which the record does not touch, stay
// equal to a's.
func volunteerWriteSeenInAggregatesOnB(t *testing.T, a, b string, cookie http.Header, deadline time.Duration) {
	t.Helper()
	read := func(base, q string) json.RawMessage {
		res := apitest.As(t, base, cookie, q, nil)
		if len(res.Errors) > 0 {
			t.Fatalf("%s on %s: %+v", q, base, res.Errors)
		}
		return res.Data
	}
	type volunteer struct {
		VolunteerStats []struct{ Year, Records, Minutes int }
	}
	type ranking struct {
		Rankings []struct {
			Unit  struct{ ID string }
			Score float64
		}
	}
	totals := func(base string) (records, minutes int) {
		var v volunteer
		json.Unmarshal(read(base, aggVolunteer), &v)
		for _, s := range v.VolunteerStats {
			records, minutes = records+s.Records, minutes+s.Minutes
		}
		return
	}
	// Fill b's caches with every aggregate.
	for range 2 {
		read(b, aggVolunteer)
		read(b, aggHonors)
		read(b, aggRanking)
	}
	records0, minutes0 := totals(b)
	honors0 := read(b, aggHonors)
	var units struct {
		Units struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	json.Unmarshal(read(a, `{ units(first: 1) { edges { node { id } } } }`), &units)
	if len(units.Units.Edges) == 0 {
		t.Fatal("no unit to record service for")
	}
	unit := units.Units.Edges[0].Node.ID
	res := apitest.As(t, a, cookie, `mutation($input: VolunteerRecordInput!) { createVolunteerRecord(input: $input) { id } }`,
		map[string]any{"input": map[string]any{"unitId": unit, "date": "2024-06-30", "volunteers": 1, "hours": 900, "method": "SHIFT"}})
	if len(res.Errors) > 0 {
		t.Fatalf("createVolunteerRecord on A: %+v", res.Errors)
	}
	acked := time.Now()
	for {
		records, minutes := totals(b)
		var r ranking
		json.Unmarshal(read(b, aggRanking), &r)
		if records == records0+1 && minutes == minutes0+900*60 && len(r.Rankings) == 1 && r.Rankings[0].Unit.ID == unit {
			measured(t, "propagation: a volunteer record written on A seen in B's volunteer totals and ranking after %s", time.Since(acked).Round(time.Microsecond))
			break
		}
		if time.Since(acked) > deadline {
			t.Fatalf("B still answers %d records, %d minutes (was %d, %d) and top unit %+v for 2024, %s after the write of 900 hours for %s",
				records, minutes, records0, minutes0, r.Rankings, deadline, unit)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if got, want := read(b, aggHonors), read(a, aggHonors); !reflect.DeepEqual(got, want) || !reflect.DeepEqual(got, honors0) {
		t.Fatalf("honour counts on B %s, on A %s, before %s: a volunteer record changed them", got, want, honors0)
	}
}
