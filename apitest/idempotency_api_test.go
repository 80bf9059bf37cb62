package apitest

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/httpapi"
)

const keyedCreateUnit = `mutation KeyedCreate($name: String!) { createUnit(input: {name: $name, kind: "机关"}) { id name } }`

// unitsNamed counts the units whose name contains name, as the API reads them.
func unitsNamed(t *testing.T, base string, h http.Header, name string) int {
	t.Helper()
	r := As(t, base, h, `query($n: String) { units(filter: {nameContains: $n}) { totalCount } }`, map[string]any{"n": name})
	var d struct{ Units struct{ TotalCount int } }
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &d) != nil {
		t.Fatalf("count units: %+v", r.Errors)
	}
	return d.Units.TotalCount
}

// keyed sends a mutation with an idempotency key in the header.
func keyed(t *testing.T, base string, h http.Header, key, q string, vars map[string]any) Response {
	t.Helper()
	hh := h.Clone()
	hh.Set(httpapi.IdempotencyHeader, key)
	return As(t, base, hh, q, vars)
}

// TestIdempotencyKeys checks the Idempotency-Key contract on the real handler and database, on both engines: a
// repeat gets the first answer and writes nothing; other variables under the key are refused; another caller's key
// is its own; the key also travels in extensions; a write whose answer was lost is reported as applied, once.
func TestIdempotencyKeys(t *testing.T) {
	m := SignedOut(t)
	admin, _ := Login(t, m.URL(), "admin", AdminPassword)
	ctx := context.Background()
	if r := As(t, m.URL(), admin, `mutation { createUser(username: "keyed-editor", password: "password-123", role: EDITOR) { id } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("create editor: %+v", r.Errors)
	}
	editor, _ := Login(t, m.URL(), "keyed-editor", "password-123")

	t.Run("RepeatGetsTheFirstAnswer", func(t *testing.T) {
		vars := map[string]any{"name": "幂等测试单位甲（演示）"}
		first := keyed(t, m.URL(), admin, "key-repeat-1", keyedCreateUnit, vars)
		if len(first.Errors) > 0 {
			t.Fatalf("first: %+v", first.Errors)
		}
		again := keyed(t, m.URL(), admin, "key-repeat-1", keyedCreateUnit, vars)
		if len(again.Errors) > 0 {
			t.Fatalf("repeat: %+v", again.Errors)
		}
		if string(again.Data) != string(first.Data) {
			t.Errorf("repeat answered %s, want the first answer %s", again.Data, first.Data)
		}
		if again.Extensions["idempotentReplay"] != true {
			t.Errorf("repeat extensions = %v, want idempotentReplay", again.Extensions)
		}
		if n := unitsNamed(t, m.URL(), admin, "幂等测试单位甲"); n != 1 {
			t.Errorf("%d units after a write sent twice with one key, want 1", n)
		}
		// Without a key, the same mutation is a second write (refused here by the unit's unique name).
		if r := As(t, m.URL(), admin, keyedCreateUnit, vars); len(r.Errors) == 0 {
			t.Errorf("the same mutation without a key wrote again: %s", r.Data)
		}
	})

	t.Run("OtherVariablesUnderTheKeyAreRefused", func(t *testing.T) {
		if r := keyed(t, m.URL(), admin, "key-reused", keyedCreateUnit, map[string]any{"name": "幂等测试单位乙（演示）"}); len(r.Errors) > 0 {
			t.Fatalf("first: %+v", r.Errors)
		}
		r := keyed(t, m.URL(), admin, "key-reused", keyedCreateUnit, map[string]any{"name": "幂等测试单位丙（演示）"})
		e := WantCode(t, r.Errors, "CONFLICT")
		if e.Extensions["reason"] != db.ReasonKeyReused || !HasCJK(e.Message) || e.Extensions["messageEn"] == "" {
			t.Errorf("reused key: %+v", e)
		}
		if n := unitsNamed(t, m.URL(), admin, "幂等测试单位丙"); n != 0 {
			t.Errorf("the refused write left %d units", n)
		}
	})

	t.Run("AnotherCallersKeyIsItsOwn", func(t *testing.T) {
		vars := map[string]any{"name": "幂等测试单位丁（演示）"}
		if r := keyed(t, m.URL(), admin, "key-shared", keyedCreateUnit, vars); len(r.Errors) > 0 {
			t.Fatalf("admin: %+v", r.Errors)
		}
		// The editor's request with the admin's key is not answered from the admin's write: it runs, and is
		// refused by the unit name the admin's write took.
		r := keyed(t, m.URL(), editor, "key-shared", keyedCreateUnit, vars)
		if len(r.Errors) == 0 || r.Extensions["idempotentReplay"] == true {
			t.Errorf("the editor got the admin's answer: %s %+v", r.Data, r.Extensions)
		}
		other := keyed(t, m.URL(), editor, "key-shared", keyedCreateUnit, map[string]any{"name": "幂等测试单位戊（演示）"})
		if len(other.Errors) > 0 {
			t.Errorf("the editor's own write under a key the admin used: %+v", other.Errors)
		}
	})

	t.Run("KeyInExtensions", func(t *testing.T) {
		body := map[string]any{"query": keyedCreateUnit, "variables": map[string]any{"name": "幂等测试单位己（演示）"},
			"extensions": map[string]any{"idempotencyKey": "key-in-extensions"}}
		first := postGQL(t, m.URL(), body, admin)
		again := postGQL(t, m.URL(), body, admin)
		if len(first.Errors)+len(again.Errors) > 0 || string(first.Data) != string(again.Data) {
			t.Errorf("extensions key: first %s %+v, again %s %+v", first.Data, first.Errors, again.Data, again.Errors)
		}
		if n := unitsNamed(t, m.URL(), admin, "幂等测试单位己"); n != 1 {
			t.Errorf("%d units, want 1", n)
		}
	})

	t.Run("BadKeyIsRefused", func(t *testing.T) {
		r := keyed(t, m.URL(), admin, "有中文的键", keyedCreateUnit, map[string]any{"name": "幂等测试单位庚（演示）"})
		WantCode(t, r.Errors, "BAD_USER_INPUT")
		if n := unitsNamed(t, m.URL(), admin, "幂等测试单位庚"); n != 0 {
			t.Errorf("a refused key wrote %d units", n)
		}
	})

	t.Run("LostAnswerIsReportedAsApplied", func(t *testing.T) {
		// A write that committed with its key while its answer never reached the store, as a failover between the
		// commit and the answer leaves it.
		vars := map[string]any{"name": "幂等测试单位辛（演示）"}
		fp, err := httpapi.Fingerprint("KeyedCreate", keyedCreateUnit, vars)
		if err != nil {
			t.Fatal(err)
		}
		adminUser, err := m.Backend.UserByUsername(ctx, "admin")
		if err != nil {
			t.Fatal(err)
		}
		p := &db.Principal{UserID: adminUser.ID, Username: "admin", Role: db.RoleAdmin, Via: "session"}
		w := &db.IdempotentWrite{Caller: "user:" + strconv.FormatInt(adminUser.ID, 10), Key: "key-lost-answer", Fingerprint: fp, Operation: "KeyedCreate"}
		if _, err := m.Backend.CreateUnit(db.WithIdempotentWrite(db.WithPrincipal(ctx, p), w), db.UnitFields{Name: "幂等测试单位辛（演示）", Kind: "机关"}); err != nil {
			t.Fatal(err)
		}
		if !w.Recorded() {
			t.Fatal("the store did not record the key with the write")
		}
		r := keyed(t, m.URL(), admin, "key-lost-answer", keyedCreateUnit, vars)
		e := WantCode(t, r.Errors, "CONFLICT")
		if e.Extensions["reason"] != db.ReasonAlreadyApplied {
			t.Errorf("lost answer: %+v", e)
		}
		if n := unitsNamed(t, m.URL(), admin, "幂等测试单位辛"); n != 1 {
			t.Errorf("%d units after the retry of a write whose answer was lost, want 1", n)
		}
	})

	t.Run("ConcurrentRepeatsWriteOnce", func(t *testing.T) {
		vars := map[string]any{"name": "幂等测试单位壬（演示）"}
		var wg sync.WaitGroup
		answers := make([]Response, 6)
		for i := range answers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				answers[i] = keyed(t, m.URL(), admin, "key-concurrent", keyedCreateUnit, vars)
			}()
		}
		wg.Wait()
		for i, r := range answers {
			if len(r.Errors) > 0 {
				t.Errorf("request %d: %+v", i, r.Errors)
			} else if string(r.Data) != string(answers[0].Data) {
				t.Errorf("request %d answered %s, want %s", i, r.Data, answers[0].Data)
			}
		}
		if n := unitsNamed(t, m.URL(), admin, "幂等测试单位壬"); n != 1 {
			t.Errorf("%d units after six concurrent requests with one key, want 1", n)
		}
	})

	t.Run("StartImportSentTwiceStartsOneJob", func(t *testing.T) {
		csv := []byte("单位名称,单位类型,所属系统,服务窗口单位\n幂等导入单位（演示）,机关,党群系统,否\n")
		h := admin.Clone()
		h.Set(httpapi.IdempotencyHeader, "key-import-1")
		first := startImport(t, m.URL(), h, "UNITS", "keyed.csv", csv)
		again := startImport(t, m.URL(), h, "UNITS", "keyed.csv", csv)
		var a, b struct{ StartImport struct{ ID string } }
		if len(first.Errors)+len(again.Errors) > 0 || json.Unmarshal(first.Data, &a) != nil || json.Unmarshal(again.Data, &b) != nil {
			t.Fatalf("startImport twice: %+v %+v", first.Errors, again.Errors)
		}
		if a.StartImport.ID == "" || a.StartImport.ID != b.StartImport.ID || again.Extensions["idempotentReplay"] != true {
			t.Errorf("the repeat answered job %q (replay %v), want the first job %q", b.StartImport.ID, again.Extensions["idempotentReplay"], a.StartImport.ID)
		}
		r := As(t, m.URL(), admin, `{ importJobs(first: 20) { fileName } }`, nil)
		var jobs struct{ ImportJobs []struct{ FileName string } }
		json.Unmarshal(r.Data, &jobs)
		n := 0
		for _, j := range jobs.ImportJobs {
			if j.FileName == "keyed.csv" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d jobs of keyed.csv, want 1", n)
		}
	})
}
