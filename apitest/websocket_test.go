package apitest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket/wsjson"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/httpapi"
)

// wsMeasured reports a measured time in the test log and on stdout, which `go test -v` shows.
func wsMeasured(t *testing.T, format string, args ...any) {
	t.Helper()
	t.Logf(format, args...)
	fmt.Printf("WEBSOCKET %s\n", fmt.Sprintf(format, args...))
}

// TestWebSocketRights checks issue 11's finding 1: an open WebSocket holds the rights of its session or token as
// they are now, not as they were at connection_init. Every operation looks the caller up again, and the socket is
// closed within 10 s once its session or token ends.
func TestWebSocketRights(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	newUser := func(t *testing.T, name, role string) (id string, cookie http.Header) {
		t.Helper()
		r := As(t, base, admin, `mutation($u: String!, $r: Role!) { createUser(username: $u, password: "password-123", role: $r) { id } }`,
			map[string]any{"u": name, "r": role})
		var d struct{ CreateUser struct{ ID string } }
		if json.Unmarshal(r.Data, &d); len(r.Errors) > 0 || d.CreateUser.ID == "" {
			t.Fatalf("createUser %s: %+v", name, r.Errors)
		}
		cookie, res := Login(t, base, name, "password-123")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("login %s: %d", name, res.StatusCode)
		}
		return d.CreateUser.ID, cookie
	}

	t.Run("DemotedEditorRefusedOnNextOperation", func(t *testing.T) {
		id, cookie := newUser(t, "ws-editor", "EDITOR")
		s := OpenSocket(t, base, cookie, nil)
		if r, closed := s.Op(t, WsCreateUnit, map[string]any{"n": "套接字测试单位一（演示）"}); closed || len(r.Errors) > 0 {
			t.Fatalf("the editor's first write over the socket: closed=%v %+v", closed, r.Errors)
		}
		if r := As(t, base, admin, WsSetRole, map[string]any{"id": id, "r": "VIEWER"}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		// The session still holds, so the socket stays open; only the role it carries changed.
		r, closed := s.Op(t, WsCreateUnit, map[string]any{"n": "套接字测试单位二（演示）"})
		if closed {
			t.Fatal("the socket of a session that still holds was closed")
		}
		WantCode(t, r.Errors, "FORBIDDEN")
		if r, _ := s.Op(t, `{ viewer { role } }`, nil); !strings.Contains(string(r.Data), `"VIEWER"`) {
			t.Errorf("viewer over the socket after the demotion = %s %+v", r.Data, r.Errors)
		}
	})

	t.Run("DisabledDemotedAdminCannotRepromoteItself", func(t *testing.T) {
		id, cookie := newUser(t, "ws-admin", "ADMIN")
		s := OpenSocket(t, base, cookie, nil)
		if r, _ := s.Op(t, `{ users { username } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("the admin's read over the socket: %+v", r.Errors)
		}
		disabled := time.Now()
		if r := As(t, base, admin, WsSetRole, map[string]any{"id": id, "r": "VIEWER", "d": true}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		r, closed := s.Op(t, WsSetRole, map[string]any{"id": id, "r": "ADMIN", "d": false})
		Refused(t, "setUserRole(self, ADMIN, disabled: false)", r, closed)
		took := s.ClosedWithin(t, disabled, SocketCloseDeadline)
		wsMeasured(t, "websocket: a disabled admin's socket closed %s after setUserRole (limit %s)", took.Round(time.Millisecond), SocketCloseDeadline)
		var d struct {
			Users []struct {
				Username, Role string
				Disabled       bool
			}
		}
		json.Unmarshal(As(t, base, admin, `{ users { username role disabled } }`, nil).Data, &d)
		for _, u := range d.Users {
			if u.Username == "ws-admin" && (u.Role != "VIEWER" || !u.Disabled) {
				t.Errorf("ws-admin is %s, disabled %v after the attempt; want VIEWER, disabled", u.Role, u.Disabled)
			}
		}
	})

	t.Run("LogoutStopsDataChanged", func(t *testing.T) {
		_, cookie := newUser(t, "ws-viewer", "VIEWER")
		s := OpenSocket(t, base, cookie, nil)
		sub := s.Start(t, WsDataChanged, nil)
		if r, closed := s.Next(t, sub); closed || len(r.Errors) > 0 {
			t.Fatalf("dataChanged: closed=%v %+v", closed, r.Errors)
		}
		out := time.Now()
		res := Do(t, http.MethodPost, base+"/auth/logout", nil, cookie, "")
		res.Body.Close()
		took := s.ClosedWithin(t, out, SocketCloseDeadline)
		wsMeasured(t, "websocket: dataChanged socket closed %s after logout (limit %s)", took.Round(time.Millisecond), SocketCloseDeadline)
	})

	t.Run("SessionEndedElsewhereClosed", func(t *testing.T) {
		// A logout through another server (a replica, here a second opening of the database) moves no counter of
		// this one: the socket's own re-check has to find it.
		_, cookie := newUser(t, "ws-elsewhere", "VIEWER")
		s := OpenSocket(t, base, cookie, nil)
		sub := s.Start(t, WsDataChanged, nil)
		if r, closed := s.Next(t, sub); closed || len(r.Errors) > 0 {
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
		took := s.ClosedWithin(t, out, SocketCloseDeadline)
		wsMeasured(t, "websocket: socket closed %s after its session ended through another server (limit %s)", took.Round(time.Millisecond), SocketCloseDeadline)
	})

	t.Run("RevokedTokenRefusedAndClosed", func(t *testing.T) {
		r := As(t, base, admin, `mutation { createApiToken(name: "ws-write", scope: WRITE, expiresInDays: 1) { token { id } secret } }`, nil)
		var d struct {
			CreateApiToken struct {
				Token  struct{ ID string }
				Secret string
			}
		}
		if json.Unmarshal(r.Data, &d); d.CreateApiToken.Secret == "" {
			t.Fatalf("createApiToken: %+v", r.Errors)
		}
		s := OpenSocket(t, base, nil, map[string]any{"Authorization": "Bearer " + d.CreateApiToken.Secret})
		s.Start(t, WsDataChanged, nil)
		if r, closed := s.Op(t, WsCreateUnit, map[string]any{"n": "令牌套接字测试单位一（演示）"}); closed || len(r.Errors) > 0 {
			t.Fatalf("the token's first write over the socket: closed=%v %+v", closed, r.Errors)
		}
		revoked := time.Now()
		if r := As(t, base, admin, `mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, map[string]any{"id": d.CreateApiToken.Token.ID}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		r2, closed := s.Op(t, WsCreateUnit, map[string]any{"n": "令牌套接字测试单位二（演示）"})
		Refused(t, "createUnit with a revoked token", r2, closed)
		took := s.ClosedWithin(t, revoked, SocketCloseDeadline)
		wsMeasured(t, "websocket: a revoked token's socket closed %s after revokeApiToken (limit %s)", took.Round(time.Millisecond), SocketCloseDeadline)
	})

	t.Run("SubscriptionCap", func(t *testing.T) {
		s := OpenSocket(t, base, admin, nil)
		var ids []string
		for range httpapi.MaxSocketSubscriptions {
			id := s.Start(t, WsDataChanged, nil)
			if r, closed := s.Next(t, id); closed || len(r.Errors) > 0 {
				t.Fatalf("subscription %s of %d: closed=%v %+v", id, httpapi.MaxSocketSubscriptions, closed, r.Errors)
			}
			ids = append(ids, id)
		}
		r, closed := s.Op(t, WsDataChanged, nil)
		if closed {
			t.Fatal("the socket closed instead of refusing one subscription too many")
		}
		e := WantCode(t, r.Errors, httpapi.CodeTooManySubscriptions)
		if !HasCJK(e.Message) {
			t.Errorf("message %q has no Chinese", e.Message)
		}
		// Ending one subscription frees its place.
		wsjson.Write(context.Background(), s.c, WsMessage{ID: ids[0], Type: "complete"})
		var again Response
		ok := false
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if again, closed = s.Op(t, WsDataChanged, nil); closed {
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
		if r, _ := s.Op(t, `{ dataset { version } }`, nil); len(r.Errors) > 0 {
			t.Errorf("a query at the subscription cap: %+v", r.Errors)
		}
	})
}
