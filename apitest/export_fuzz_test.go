package apitest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
	"github.com/wenming/wenming/httpapi"
)

// FuzzExport asks GET /export/{view}.{csv|xlsx} for every view with fuzzed filter values and raw query text,
// through the real HTTP handler over the demo database. A refusal is a JSON error with an extensions.code other
// than INTERNAL_SERVER_ERROR and no status is 5xx; a CSV that is served holds no NUL or other control byte
// besides tab and line breaks (the export half of the NUL decision).
func FuzzExport(f *testing.F) {
	m := MustRunMain(f)
	base := m.URL()
	f.Add(uint8(0), false, uint16(0x1), "2024", "")
	f.Add(uint8(1), false, uint16(0xff), "FLOOD720", "unitId="+db.GlobalID(db.NodeUnit, 1))
	f.Add(uint8(2), false, uint16(0x3), "机关", "nameContains=%00")
	f.Add(uint8(4), false, uint16(0x1f), "x\x00", "year=2024&stages=NAMED,REVIEWED")
	f.Add(uint8(6), true, uint16(0), "", "section=%ff")
	f.Add(uint8(7), false, uint16(0x1f), "-1", "first=100000&order=ASC")
	f.Add(uint8(3), false, uint16(0x1), "", "filters=%zz&categories=DIRECT_GOOD_PERSON")
	f.Fuzz(func(t *testing.T, view uint8, xlsx bool, mask uint16, value, raw string) {
		v := importer.ExportViews[int(view)%len(importer.ExportViews)]
		if xlsx && v.Name != "figures" && v.Name != "rankings" {
			xlsx = false // whole-table XLSX files of the demo data are slow to write; CSV takes the same filters
		}
		q := url.Values{}
		for i, p := range v.Params {
			if mask&(1<<i) != 0 {
				q.Set(p, value)
			}
		}
		query := q.Encode()
		if raw != "" {
			query += "&" + requestTarget(raw)
		}
		format := "csv"
		if xlsx {
			format = "xlsx"
		}
		req, err := http.NewRequest(http.MethodGet, base+"/export/"+v.Name+"."+format+"?"+query, nil)
		if err != nil {
			return // no client can send that URL
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatalf("reading the export: %v", err)
		}
		if res.StatusCode >= 500 {
			t.Fatalf("status %d for %s: %s", res.StatusCode, req.URL, body)
		}
		if res.StatusCode != http.StatusOK {
			var r Response
			if err := json.Unmarshal(body, &r); err != nil || len(r.Errors) == 0 {
				t.Fatalf("status %d without a JSON error for %s: %s", res.StatusCode, req.URL, body)
			}
			for _, e := range r.Errors {
				if c := e.Code(); c == "" || c == httpapi.CodeInternal {
					t.Fatalf("error %q with code %q for %s", e.Message, c, req.URL)
				}
			}
			return
		}
		if format == "csv" {
			if i := strings.IndexFunc(string(body), func(r rune) bool { return r < 0x20 && r != '\t' && r != '\r' && r != '\n' }); i >= 0 {
				t.Fatalf("control byte %#x at %d of the CSV for %s", body[i], i, req.URL)
			}
		}
	})
}

// requestTarget percent-encodes the bytes that cannot stand in an HTTP request line (controls, space, non-ASCII)
// and leaves the rest raw, so that malformed escapes such as %zz still reach the server. A client that sent a raw
// space would get net/http's own 400 before any handler runs.
func requestTarget(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c <= ' ' || c >= 0x7f || c == '#' {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
