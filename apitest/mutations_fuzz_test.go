package apitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/httpapi"
)

// FuzzVolunteerRecordInput writes volunteer records through the real HTTP handler with fuzzed dates (the Date
// scalar), volunteers and hours: as typed values, or as raw JSON number text the way a client might send it. Every
// refusal carries an extensions.code other than INTERNAL_SERVER_ERROR and no answer is a 5xx; every record the
// server accepts is within the bounds, in whole minutes.
func FuzzVolunteerRecordInput(f *testing.F) {
	f.Setenv("WENMING_ADMIN_PASSWORD", AdminPassword)
	m := MustRunMain(f)
	base := m.URL()
	b, _ := json.Marshal(map[string]string{"username": "admin", "password": AdminPassword})
	res := Do(f, http.MethodPost, base+"/auth/login", bytes.NewReader(b), nil, "application/json")
	res.Body.Close()
	h := http.Header{}
	for _, c := range res.Cookies() {
		if c.Name == httpapi.SessionCookie {
			h.Set("Cookie", c.Name+"="+c.Value)
		}
	}
	if h.Get("Cookie") == "" {
		f.Fatalf("admin login: %d", res.StatusCode)
	}
	unit := db.GlobalID(db.NodeUnit, 1)
	f.Add("2024-05-01", int64(3), 1.5, "", "")
	f.Add("2024-02-30", int64(-1), -0.0, "", "")
	f.Add("2024-05-02", int64(4611686018427387904), 1e300, "", "")
	f.Add("1900-01-01", int64(db.MaxVolunteers), float64(db.MaxHours), "", "")
	f.Add("2024-05-03", int64(1), 1.0, "1e400", "9223372036854775808")
	f.Add("2024-05-04", int64(1), 1.0, "-0", "1.0")
	f.Add("2024-05-05", int64(1), 1.0, "0.016666666666666666", "1e2")
	f.Add("2024-05-06\x00", int64(1), math.Inf(1), "", "")
	const q = `mutation($u: ID!, $d: Date!, $n: Int!, $h: Float!) {
		createVolunteerRecord(input: {unitId: $u, date: $d, volunteers: $n, hours: $h, method: SELF_REPORT}) { id volunteers hours } }`
	f.Fuzz(func(t *testing.T, date string, volunteers int64, hours float64, rawHours, rawVolunteers string) {
		d, err := json.Marshal(date)
		if err != nil {
			return
		}
		n, hr := fmt.Sprint(volunteers), fmt.Sprint(hours)
		if math.IsNaN(hours) || math.IsInf(hours, 0) {
			hr = "null"
		}
		var x json.Number
		if json.Unmarshal([]byte(rawHours), &x) == nil && rawHours != "" {
			hr = rawHours
		}
		if json.Unmarshal([]byte(rawVolunteers), &x) == nil && rawVolunteers != "" {
			n = rawVolunteers
		}
		qb, _ := json.Marshal(q)
		u, _ := json.Marshal(unit)
		body := fmt.Sprintf(`{"query":%s,"variables":{"u":%s,"d":%s,"n":%s,"h":%s}}`, qb, u, d, n, hr)
		if !json.Valid([]byte(body)) {
			return
		}
		res := Do(t, http.MethodPost, base+"/graphql", bytes.NewReader([]byte(body)), h, "application/json")
		if res.StatusCode >= 500 {
			t.Fatalf("status %d for %s", res.StatusCode, body)
		}
		r := decodeResponse(t, res)
		for _, e := range r.Errors {
			if c := e.Code(); c == "" || c == httpapi.CodeInternal {
				t.Fatalf("error %q with code %q for %s", e.Message, c, body)
			}
		}
		if len(r.Errors) > 0 {
			return
		}
		var out struct {
			CreateVolunteerRecord struct {
				Volunteers int64
				Hours      float64
			}
		}
		if err := json.Unmarshal(r.Data, &out); err != nil {
			t.Fatal(err)
		}
		got := out.CreateVolunteerRecord
		if got.Volunteers < 0 || got.Volunteers > db.MaxVolunteers || got.Hours < 0 || got.Hours > db.MaxHours {
			t.Fatalf("stored %+v for %s", got, body)
		}
	})
}
