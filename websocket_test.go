package main_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/httpapi"
)

// socketCloseDeadline is how soon a socket must be closed after its session or token ends (issue 11, finding 1).
const socketCloseDeadline = 10 * time.Second

// testSocket is a graphql-transport-ws connection of a test; a reader goroutine collects its messages and notes
// when and how it closed.
type testSocket struct {
	c        *websocket.Conn
	msgs     chan wsMessage
	done     chan struct{}
	closeErr error
	closedAt time.Time
	n        int
}

// openSocket connects with header (a cookie) and the connection_init payload init, and waits for connection_ack.
func openSocket(t *testing.T, base string, header http.Header, init map[string]any) *testSocket {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/graphql", &websocket.DialOptions{
		Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header,
	})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	payload, _ := json.Marshal(init)
	if err := wsjson.Write(ctx, c, wsMessage{Type: "connection_init", Payload: payload}); err != nil {
		t.Fatal(err)
	}
	var ack wsMessage
	if err := wsjson.Read(ctx, c, &ack); err != nil || ack.Type != "connection_ack" {
		t.Fatalf("connection_ack: %s %s %v", ack.Type, ack.Payload, err)
	}
	s := &testSocket{c: c, msgs: make(chan wsMessage, 256), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		for {
			var m wsMessage
			if err := wsjson.Read(context.Background(), c, &m); err != nil {
				s.closeErr, s.closedAt = err, time.Now()
				return
			}
			if m.Type == "ping" {
				wsjson.Write(context.Background(), c, wsMessage{Type: "pong"})
				continue
			}
			select {
			case s.msgs <- m:
			default: // a test that does not read a subscription's pushes drops them
			}
		}
	}()
	t.Cleanup(func() { c.Close(websocket.StatusNormalClosure, "") })
	return s
}

// start sends a subscribe message for an operation and returns its id.
func (s *testSocket) start(t *testing.T, q string, vars map[string]any) string {
	t.Helper()
	s.n++
	id := strconv.Itoa(s.n)
	payload, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := wsjson.Write(ctx, s.c, wsMessage{ID: id, Type: "subscribe", Payload: payload}); err != nil {
		// Writing to a socket the server has closed fails; the caller learns of it from next.
		t.Logf("write %s: %v", id, err)
	}
	return id
}

// next returns the first result of operation id, or closed=true when the socket closed before one came.
func (s *testSocket) next(t *testing.T, id string) (r gqlResponse, closed bool) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case m := <-s.msgs:
			if m.ID != id || (m.Type != "next" && m.Type != "error") {
				continue
			}
			if m.Type == "error" {
				json.Unmarshal(m.Payload, &r.Errors)
			} else {
				json.Unmarshal(m.Payload, &r)
			}
			return r, false
		case <-s.done:
			return r, true
		case <-timeout:
			t.Fatalf("no answer to operation %s within 10s", id)
		}
	}
}

// op runs one query or mutation and returns its answer, or closed=true.
func (s *testSocket) op(t *testing.T, q string, vars map[string]any) (gqlResponse, bool) {
	t.Helper()
	return s.next(t, s.start(t, q, vars))
}

// closedWithin waits until the server closes the socket, and checks that it said why with CloseUnauthenticated.
func (s *testSocket) closedWithin(t *testing.T, since time.Time, limit time.Duration) time.Duration {
	t.Helper()
	select {
	case <-s.done:
	case <-time.After(limit):
		t.Fatalf("the socket was still open %s after its session or token ended", limit)
	}
	if code := websocket.CloseStatus(s.closeErr); code != httpapi.CloseUnauthenticated {
		t.Errorf("close status = %d (%v), want %d", code, s.closeErr, httpapi.CloseUnauthenticated)
	}
	return s.closedAt.Sub(since)
}

// refused asserts that an operation after a revocation was refused: an UNAUTHENTICATED answer, or the socket
// already closed by the server.
func refused(t *testing.T, what string, r gqlResponse, closed bool) {
	t.Helper()
	if closed {
		t.Logf("%s: the socket was already closed", what)
		return
	}
	if len(r.Errors) == 0 || string(r.Data) != "null" && len(r.Data) > 0 {
		t.Fatalf("%s succeeded over an open WebSocket after the revocation: %s", what, r.Data)
	}
	wantCode(t, r.Errors, "UNAUTHENTICATED")
}

// wsMeasured reports a measured time in the test log and on stdout, which `go test -v` shows.
func wsMeasured(t *testing.T, format string, args ...any) {
	t.Helper()
	t.Logf(format, args...)
	fmt.Printf("WEBSOCKET %s\n", fmt.Sprintf(format, args...))
}

const (
	wsCreateUnit  = `mutation($n: String!) { createUnit(input: {name: $n, kind: "机关"}) { id } }`
	wsSetRole     = `mutation($id: ID!, $r: Role!, $d: Boolean) { setUserRole(id: $id, role: $r, disabled: $d) { role disabled } }`
	wsDataChanged = `subscription { dataChanged { version } }`
)

// TestWebSocketRights checks issue 11's finding 1: an open WebSocket holds the rights of its session or token as
// they are now, not as they were at connection_init. Every operation looks the caller up again, and the socket is
// closed within 10 s once its session or token ends.
func TestWebSocketRights(t *testing.T) {
	m := signedOut(t)
	base := m.URL()
	admin, _ := login(t, base, "admin", adminPassword)
	newUser := func(t *testing.T, name, role string) (id string, cookie http.Header) {
		t.Helper()
		r := as(t, base, admin, `mutation($u: String!, $r: Role!) { createUser(username: $u, password: "password-123", role: $r) { id } }`,
			map[string]any{"u": name, "r": role})
		var d struct{ CreateUser struct{ ID string } }
		if json.Unmarshal(r.Data, &d); len(r.Errors) > 0 || d.CreateUser.ID == "" {
			t.Fatalf("createUser %s: %+v", name, r.Errors)
		}
		cookie, res := login(t, base, name, "password-123")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("login %s: %d", name, res.StatusCode)
		}
		return d.CreateUser.ID, cookie
	}

	t.Run("DemotedEditorRefusedOnNextOperation", func(t *testing.T) {
		id, cookie := newUser(t, "ws-editor", "EDITOR")
		s := openSocket(t, base, cookie, nil)
		if r, closed := s.op(t, wsCreateUnit, map[string]any{"n": "套接字测试单位一（演示）"}); closed || len(r.Errors) > 0 {
			t.Fatalf("the editor's first write over the socket: closed=%v %+v", closed, r.Errors)
		}
		if r := as(t, base, admin, wsSetRole, map[string]any{"id": id, "r": "VIEWER"}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		// The session still holds, so the socket stays open; only the role it carries changed.
		r, closed := s.op(t, wsCreateUnit, map[string]any{"n": "套接字测试单位二（演示）"})
		if closed {
			t.Fatal("the socket of a session that still holds was closed")
		}
		wantCode(t, r.Errors, "FORBIDDEN")
		if r, _ := s.op(t, `{ viewer { role } }`, nil); !strings.Contains(string(r.Data), `"VIEWER"`) {
			t.Errorf("viewer over the socket after the demotion = %s %+v", r.Data, r.Errors)
		}
	})

	t.Run("DisabledDemotedAdminCannotRepromoteItself", func(t *testing.T) {
		id, cookie := newUser(t, "ws-admin", "ADMIN")
		s := openSocket(t, base, cookie, nil)
		if r, _ := s.op(t, `{ users { username } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("the admin's read over the socket: %+v", r.Errors)
		}
		disabled := time.Now()
		if r := as(t, base, admin, wsSetRole, map[string]any{"id": id, "r": "VIEWER", "d": true}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		r, closed := s.op(t, wsSetRole, map[string]any{"id": id, "r": "ADMIN", "d": false})
		refused(t, "setUserRole(self, ADMIN, disabled: false)", r, closed)
		took := s.closedWithin(t, disabled, socketCloseDeadline)
		wsMeasured(t, "websocket: a disabled admin's socket closed %s after setUserRole (limit %s)", took.Round(time.Millisecond), socketCloseDeadline)
		var d struct {
			Users []struct {
				Username, Role string
				Disabled       bool
			}
		}
		json.Unmarshal(as(t, base, admin, `{ users { username role disabled } }`, nil).Data, &d)
		for _, u := range d.Users {
			if u.Username == "ws-admin" && (u.Role != "VIEWER" || !u.Disabled) {
				t.Errorf("ws-admin is %s, disabled %v after the attempt; want VIEWER, disabled", u.Role, u.Disabled)
			}
		}
	})

	t.Run("LogoutStopsDataChanged", func(t *testing.T) {
		_, cookie := newUser(t, "ws-viewer", "VIEWER")
		s := openSocket(t, base, cookie, nil)
		sub := s.start(t, wsDataChanged, nil)
		if r, closed := s.next(t, sub); closed || len(r.Errors) > 0 {
			t.Fatalf("dataChanged: closed=%v %+v", closed, r.Errors)
		}
		out := time.Now()
		res := do(t, http.MethodPost, base+"/auth/logout", nil, cookie, "")
		res.Body.Close()
		took := s.closedWithin(t, out, socketCloseDeadline)
		wsMeasured(t, "websocket: dataChanged socket closed %s after logout (limit %s)", took.Round(time.Millisecond), socketCloseDeadline)
	})

	t.Run("SessionEndedElsewhereClosed", func(t *testing.T) {
		// A logout through another server (a replica, here a second opening of the database) moves no counter of
		// this one: the socket's own re-check has to find it.
		_, cookie := newUser(t, "ws-elsewhere", "VIEWER")
		s := openSocket(t, base, cookie, nil)
		sub := s.start(t, wsDataChanged, nil)
		if r, closed := s.next(t, sub); closed || len(r.Errors) > 0 {
			t.Fatalf("dataChanged: closed=%v %+v", closed, r.Errors)
		}
		b, err := dial.Open(context.Background(), m.Config.DBPath)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		secret, _ := strings.CutPrefix(cookie.Get("Cookie"), httpapi.SessionCookie+"=")
		out := time.Now()
		if err := b.DeleteSession(context.Background(), db.HashSecret(secret)); err != nil {
			t.Fatal(err)
		}
		took := s.closedWithin(t, out, socketCloseDeadline)
		wsMeasured(t, "websocket: socket closed %s after its session ended through another server (limit %s)", took.Round(time.Millisecond), socketCloseDeadline)
	})

	t.Run("RevokedTokenRefusedAndClosed", func(t *testing.T) {
		r := as(t, base, admin, `mutation { createApiToken(name: "ws-write", scope: WRITE, expiresInDays: 1) { token { id } secret } }`, nil)
		var d struct {
			CreateApiToken struct {
				Token  struct{ ID string }
				Secret string
			}
		}
		if json.Unmarshal(r.Data, &d); d.CreateApiToken.Secret == "" {
			t.Fatalf("createApiToken: %+v", r.Errors)
		}
		s := openSocket(t, base, nil, map[string]any{"Authorization": "Bearer " + d.CreateApiToken.Secret})
		s.start(t, wsDataChanged, nil)
		if r, closed := s.op(t, wsCreateUnit, map[string]any{"n": "令牌套接字测试单位一（演示）"}); closed || len(r.Errors) > 0 {
			t.Fatalf("the token's first write over the socket: closed=%v %+v", closed, r.Errors)
		}
		revoked := time.Now()
		if r := as(t, base, admin, `mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, map[string]any{"id": d.CreateApiToken.Token.ID}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		r2, closed := s.op(t, wsCreateUnit, map[string]any{"n": "令牌套接字测试单位二（演示）"})
		refused(t, "createUnit with a revoked token", r2, closed)
		took := s.closedWithin(t, revoked, socketCloseDeadline)
		wsMeasured(t, "websocket: a revoked token's socket closed %s after revokeApiToken (limit %s)", took.Round(time.Millisecond), socketCloseDeadline)
	})

	t.Run("SubscriptionCap", func(t *testing.T) {
		s := openSocket(t, base, admin, nil)
		var ids []string
		for range httpapi.MaxSocketSubscriptions {
			id := s.start(t, wsDataChanged, nil)
			if r, closed := s.next(t, id); closed || len(r.Errors) > 0 {
				t.Fatalf("subscription %s of %d: closed=%v %+v", id, httpapi.MaxSocketSubscriptions, closed, r.Errors)
			}
			ids = append(ids, id)
		}
		r, closed := s.op(t, wsDataChanged, nil)
		if closed {
			t.Fatal("the socket closed instead of refusing one subscription too many")
		}
		e := wantCode(t, r.Errors, httpapi.CodeTooManySubscriptions)
		if !hasCJK(e.Message) {
			t.Errorf("message %q has no Chinese", e.Message)
		}
		// Ending one subscription frees its place.
		wsjson.Write(context.Background(), s.c, wsMessage{ID: ids[0], Type: "complete"})
		var again gqlResponse
		ok := false
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if again, closed = s.op(t, wsDataChanged, nil); closed {
				t.Fatal("socket closed")
			}
			if ok = len(again.Errors) == 0; ok {
				break
			}
		}
		if !ok {
			t.Errorf("after completing one subscription a new one is still refused: %+v", again.Errors)
		}
		// Queries are not subscriptions: they still run at the cap.
		if r, _ := s.op(t, `{ dataset { version } }`, nil); len(r.Errors) > 0 {
			t.Errorf("a query at the subscription cap: %+v", r.Errors)
		}
	})
}
