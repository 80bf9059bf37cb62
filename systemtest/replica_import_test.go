package systemtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wenming/wenming/apitest"
)

// importFollowedAndCancelledAcrossReplicas starts a large import through replica A and follows it from B: the
// job's row carries its progress to every replica, a second import through C is refused while it runs, and a
// cancel sent to B stops it on A (at A's next heartbeat), with nothing written.
func importFollowedAndCancelledAcrossReplicas(t *testing.T, a, b, c string, cookie http.Header) {
	t.Helper()
	var units struct {
		Units struct {
			Edges []struct{ Node struct{ Name string } }
		}
	}
	r := apitest.As(t, b, cookie, `{ units(first: 10) { edges { node { name } } } }`, nil)
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &units) != nil || len(units.Units.Edges) == 0 {
		t.Fatalf("units: %s %+v", r.Data, r.Errors)
	}
	count := func() int {
		var out struct{ VolunteerRecords struct{ TotalCount int } }
		r := apitest.As(t, b, cookie, `{ volunteerRecords { totalCount } }`, nil)
		if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil {
			t.Fatalf("count: %s %+v", r.Data, r.Errors)
		}
		return out.VolunteerRecords.TotalCount
	}
	before := count()
	var file strings.Builder
	file.WriteString("单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实,演示数据\n")
	day0 := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	n := len(units.Units.Edges)
	for i := range 400_000 {
		fmt.Fprintf(&file, "%s,%s,,3,6,补录,否,是\n", units.Units.Edges[i%n].Node.Name, day0.AddDate(0, 0, i/n).Format(time.DateOnly))
	}
	const start = `mutation($file: Upload!, $kind: ImportKind!) { startImport(file: $file, kind: $kind) { id } }`
	_, sr := apitest.UploadOperation(t, a, apitest.WithUpload(cookie), start, map[string]any{"kind": "VOLUNTEER_RECORDS"}, "replicas.csv", []byte(file.String()))
	var started struct{ StartImport struct{ ID string } }
	if len(sr.Errors) > 0 || json.Unmarshal(sr.Data, &started) != nil || started.StartImport.ID == "" {
		t.Fatalf("startImport on A: %s %+v", sr.Data, sr.Errors)
	}
	id := started.StartImport.ID
	type job struct {
		State                    string
		RowsChecked, RowsWritten int
		CancelRequested          bool
	}
	read := func(base string) job {
		var out struct{ ImportJob *job }
		r := apitest.As(t, base, cookie, `query($id: ID!) { importJob(id: $id) { state rowsChecked rowsWritten cancelRequested } }`, map[string]any{"id": id})
		if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil || out.ImportJob == nil {
			t.Fatalf("importJob: %s %+v", r.Data, r.Errors)
		}
		return *out.ImportJob
	}
	// B sees the progress A saves into the job's row.
	var seen []job
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		j := read(b)
		if j.State != "RUNNING" {
			t.Fatalf("the import ended before B saw it run (%+v): make the file larger", j)
		}
		if len(seen) > 0 && (j.RowsChecked < seen[len(seen)-1].RowsChecked || j.RowsWritten < seen[len(seen)-1].RowsWritten) {
			t.Errorf("progress went back on B: %+v then %+v", seen[len(seen)-1], j)
		}
		if len(seen) == 0 || j != seen[len(seen)-1] {
			seen = append(seen, j)
		}
		if j.RowsChecked > 0 && len(seen) >= 2 || time.Now().After(deadline) {
			break
		}
	}
	if seen[len(seen)-1].RowsChecked == 0 {
		t.Fatalf("B saw no progress of A's import: %+v", seen)
	}
	// C refuses a second import, naming the first.
	_, cr := apitest.UploadOperation(t, c, apitest.WithUpload(cookie), start, map[string]any{"kind": "UNITS"}, "units.csv", []byte("单位名称,单位类型,所属系统,服务窗口单位\n"))
	if e := apitest.WantCode(t, cr.Errors, "CONFLICT"); !strings.Contains(e.Message, "replicas.csv") {
		t.Errorf("the refusal on C should name the running import: %+v", e)
	}
	// Cancel through B; A, which runs it, sees the request at its next beat and rolls back.
	if r := apitest.As(t, b, cookie, `mutation($id: ID!) { cancelImport(id: $id) { cancelRequested } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
		t.Fatalf("cancel on B: %+v", r.Errors)
	}
	var last job
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if last = read(b); last.State != "RUNNING" {
			break
		}
	}
	if last.State != "CANCELLED" {
		t.Fatalf("after a cancel through B the job is %+v", last)
	}
	if got := count(); got != before {
		t.Errorf("volunteer records %d after a cancelled import, want %d", got, before)
	}
	measured(t, "import across replicas: B saw %d progress states of A's import, the cancel through B ended it on A; nothing written", len(seen))
}
