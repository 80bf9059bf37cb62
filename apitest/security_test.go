package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

// TestAbuse checks the defences a reviewer broke once: nested lists that multiplied past the limits, parallel
// password guessing, anonymous uploads, over-long filter lists and a role change that re-enabled an account.
func TestAbuse(t *testing.T) {
	m := MustRunMain(t)

	t.Run("NestedListsArePriced", func(t *testing.T) {
		_, errs := GQL(t, m.URL(), `{ units(first: 100) { edges { node { honors { unit { honors { unit { honors { id } } } } } } } } }`, nil)
		WantCode(t, errs, "COMPLEXITY_LIMIT_EXCEEDED")
	})

	t.Run("LongFilterListRefused", func(t *testing.T) {
		cats := make([]string, 1001)
		for i := range cats {
			cats[i] = "NATIONAL_CIVILISED_UNIT"
		}
		e := wantBadInput(t, m.URL(), `query($c: [String!]) { honors(filter: {categories: $c}) { totalCount } }`, map[string]any{"c": cats})
		if e.Extensions["field"] != "categories" {
			t.Errorf("field = %v", e.Extensions["field"])
		}
	})

	t.Run("AnonymousUploadRefusedBeforeParsing", func(t *testing.T) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		mw.WriteField("operations", `{"query":"mutation($f: Upload!) { importRecords(file: $f, kind: UNITS, dryRun: true) { rows } }","variables":{"f":null}}`)
		mw.WriteField("map", `{"0":["variables.f"]}`)
		fw, _ := mw.CreateFormFile("0", "units.csv")
		fw.Write([]byte(strings.Repeat("x", 1<<20)))
		mw.Close()
		res := Do(t, http.MethodPost, m.URL()+"/graphql", &body, http.Header{"X-Wenming-Upload": {"1"}}, mw.FormDataContentType())
		r := decodeResponse(t, res)
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("status = %d, want 401", res.StatusCode)
		}
		WantCode(t, r.Errors, "UNAUTHENTICATED")
	})
}

func TestLoginGuessing(t *testing.T) {
	m := SignedOut(t)
	t.Run("ParallelGuessesAreLimited", func(t *testing.T) {
		var wg sync.WaitGroup
		var mu sync.Mutex
		statuses := map[int]int{}
		for i := 0; i < 20; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				b, _ := json.Marshal(map[string]string{"username": "admin", "password": "wrong-guess-123"})
				res, err := client.Post(m.URL()+"/auth/login", "application/json", bytes.NewReader(b))
				if err != nil {
					t.Error(err)
					return
				}
				res.Body.Close()
				mu.Lock()
				statuses[res.StatusCode]++
				mu.Unlock()
			}()
		}
		wg.Wait()
		if statuses[http.StatusUnauthorized] > 5 || statuses[http.StatusTooManyRequests] < 15 {
			t.Fatalf("statuses = %v, want at most 5 password checks", statuses)
		}
	})
	t.Run("SuccessfulSignInsAreNotLimited", func(t *testing.T) {
		m := SignedOut(t)
		for i := 0; i < 8; i++ {
			if _, res := Login(t, m.URL(), "admin", AdminPassword); res.StatusCode != http.StatusOK {
				t.Fatalf("sign-in %d: status %d", i+1, res.StatusCode)
			}
		}
	})
	t.Run("RoleChangeKeepsDisabled", func(t *testing.T) {
		// A fresh server, since the guesses above used up this address's attempts.
		m := SignedOut(t)
		admin, _ := Login(t, m.URL(), "admin", AdminPassword)
		r := As(t, m.URL(), admin, `mutation { createUser(username: "someone", password: "password-123", role: VIEWER) { id } }`, nil)
		var d struct{ CreateUser struct{ ID string } }
		json.Unmarshal(r.Data, &d)
		As(t, m.URL(), admin, `mutation($id: ID!) { setUserRole(id: $id, role: VIEWER, disabled: true) { disabled } }`, map[string]any{"id": d.CreateUser.ID})
		r = As(t, m.URL(), admin, `mutation($id: ID!) { setUserRole(id: $id, role: EDITOR) { role disabled } }`, map[string]any{"id": d.CreateUser.ID})
		if !strings.Contains(string(r.Data), `"disabled":true`) {
			t.Fatalf("changing the role re-enabled the account: %s %+v", r.Data, r.Errors)
		}
	})
}

// TestWebSocketQueriesSeeWrites runs two queries over one WebSocket with a write between them: the second must
// see the new data version, not an answer cached for the connection.
func TestWebSocketQueriesSeeWrites(t *testing.T) {
	m := MustRunMain(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(m.URL(), "http")+"/graphql", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(websocket.StatusNormalClosure, "")
	wsjson.Write(ctx, c, WsMessage{Type: "connection_init"})
	var ack WsMessage
	if err := wsjson.Read(ctx, c, &ack); err != nil || ack.Type != "connection_ack" {
		t.Fatalf("ack: %v %v", ack.Type, err)
	}
	version := func(id string) int {
		q, _ := json.Marshal(map[string]any{"query": "{ dataset { version } }"})
		wsjson.Write(ctx, c, WsMessage{ID: id, Type: "subscribe", Payload: q})
		for {
			var msg WsMessage
			if err := wsjson.Read(ctx, c, &msg); err != nil {
				t.Fatal(err)
			}
			if msg.Type == "next" && msg.ID == id {
				var p struct {
					Data struct{ Dataset struct{ Version int } }
				}
				json.Unmarshal(msg.Payload, &p)
				return p.Data.Dataset.Version
			}
		}
	}
	before := version("1")
	writeElsewhere(t, m, "版本测试厅（演示）")
	after, n := 0, 1
	if !eventually(m, func() bool { n++; after = version(strconv.Itoa(n)); return after == before+1 }) {
		t.Fatalf("later query over the same WebSocket saw version %d, want %d", after, before+1)
	}
}
