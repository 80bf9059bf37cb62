package httpapi

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/wenming/wenming/db"
)

// MaxSocketSubscriptions caps the subscriptions one WebSocket holds at once: a dashboard needs one, and every
// subscription multiplies each write's fan-out.
const MaxSocketSubscriptions = 10

// CodeTooManySubscriptions answers a subscription beyond MaxSocketSubscriptions on one WebSocket.
const CodeTooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS"

// CloseUnauthenticated is the WebSocket close code sent when the socket's session or token has ended
// (graphql-transport-ws uses 4401 for "Unauthorized"; clients treat it as final and do not reconnect blindly).
const CloseUnauthenticated = 4401

// SocketRecheck is how often an open WebSocket asks again whether its session or token still holds, for changes
// made through other replicas; changes made through this server are noticed within socketTick.
const SocketRecheck = 4 * time.Second

// socketTick is how often an open WebSocket looks for an account change made through this server.
const socketTick = 250 * time.Millisecond

// websocket is the graphql-transport-ws transport of the dataChanged subscription. Browsers authenticate with
// their session cookie; tools send {"Authorization": "Bearer wm_…"} in connection_init. Only this origin and the
// CORS allowlist may connect. The socket keeps how it authenticated, not who it was: every operation looks its
// caller up again as HTTP does, and a watcher closes the socket once its session or token ends.
func (m *Server) websocket() graphql.Transport {
	// The origin is checked by socketOrigin (scheme, host and port), before the upgrade; the library's own check
	// compares host names only, so it is told to skip it.
	return socketTransport{auth: m.Auth, present: ErrorPresenter(m.Log), origins: m.Config.CORSOrigins, ws: transport.Websocket{
		Implementation:        socketAcceptor{transport.CoderWebsocketImplementation{AcceptOptions: websocket.AcceptOptions{InsecureSkipVerify: true}}},
		KeepAlivePingInterval: 15 * time.Second,
		InitTimeout:           10 * time.Second,
		InitFunc: func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			s := socketFrom(ctx)
			if h := payload.Authorization(); h != "" {
				p, err := m.Auth.TokenPrincipal(ctx, h)
				if err != nil {
					// connection_error carries one string and no extensions: both languages go in it.
					return ctx, nil, errors.New(db.ErrorMessage(err) + " " + db.ErrorMessageEn(err))
				}
				ctx = db.WithPrincipal(ctx, p)
				if s != nil {
					s.setCredential("token", h)
				}
			}
			if db.PrincipalFrom(ctx) == nil {
				return ctx, nil, errors.New("请先登录或提供 API 令牌。Please sign in or send an API token.")
			}
			if s != nil && s.authenticated() {
				go s.watch(ctx)
			}
			return ctx, nil, nil
		},
	}}
}

// socketTransport wraps gqlgen's WebSocket transport so that each connection carries a socket: how it
// authenticated, its subscriptions, and a way to close it.
type socketTransport struct {
	auth    *Auth
	present graphql.ErrorPresenterFunc
	// origins are the CORS allowlist's origins, which may connect besides the server's own.
	origins []string
	ws      transport.Websocket
}

// socketOrigin reports whether a WebSocket upgrade may come from its Origin: the server's own origin (the scheme
// the request arrived by, its Host with the port) or one of the allowed origins, compared whole, scheme and port
// included, so that http://office.example cannot open a socket an allowlist grants to https://office.example.
// Clients that send no Origin (tools, not browsers) pass; they still have to authenticate.
func socketOrigin(r *http.Request, allowed []string) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	own := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		own = "https"
	}
	if u.Scheme == own && strings.EqualFold(u.Host, r.Host) {
		return true
	}
	for _, o := range allowed {
		if a, err := url.Parse(o); err == nil && a.Scheme == u.Scheme && strings.EqualFold(a.Host, u.Host) {
			return true
		}
	}
	return false
}

// Supports reports whether the request asks for a WebSocket.
func (t socketTransport) Supports(r *http.Request) bool { return t.ws.Supports(r) }

// Do serves one WebSocket connection until it closes.
func (t socketTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	if !socketOrigin(r, t.origins) {
		WriteJSONError(w, http.StatusForbidden, CodeForbidden, "不允许从这个来源打开 WebSocket。", nil)
		return
	}
	s := &socket{auth: t.auth}
	// How the upgrade request authenticated, in the order the middleware looks (a bearer header, else the cookie);
	// connection_init may still replace it with a token.
	switch p := db.PrincipalFrom(r.Context()); {
	case p == nil:
	case p.Via == "token":
		s.setCredential("token", r.Header.Get("Authorization"))
	case p.Via == "session":
		if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
			s.setCredential("session", db.HashSecret(c.Value))
		}
	}
	ctx, cancel := context.WithCancel(context.WithValue(r.Context(), socketKey{}, s))
	defer cancel()
	t.ws.Do(w, r.WithContext(ctx), socketExecutor{GraphExecutor: exec, s: s, present: t.present})
}

// socketKey carries the connection's socket in its context.
type socketKey struct{}

func socketFrom(ctx context.Context) *socket {
	s, _ := ctx.Value(socketKey{}).(*socket)
	return s
}

// socket is one open WebSocket connection.
type socket struct {
	auth *Auth
	// via is "session" or "token" when the socket authenticated with one (secret is then the session's hash or the
	// Authorization value); "" for an anonymous reader, who has nothing to revoke.
	via, secret string

	mu    sync.Mutex
	conn  transport.WebsocketConn
	subs  int
	ended bool
}

func (s *socket) setCredential(via, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.via, s.secret = via, secret
}

// authenticated reports whether the socket has a session or token to watch.
func (s *socket) authenticated() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.via != ""
}

func (s *socket) setConn(c transport.WebsocketConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.conn = c
}

// principal looks the socket's caller up again through the lookups HTTP uses (and their short cache), so that a
// revoked token, an ended session, a disabled user or a changed role holds from the next operation on. ok is false
// for an anonymous socket, whose caller does not change.
func (s *socket) principal(ctx context.Context) (p *db.Principal, ok bool, err error) {
	s.mu.Lock()
	via, secret := s.via, s.secret
	s.mu.Unlock()
	switch via {
	case "token":
		p, err = s.auth.TokenPrincipal(ctx, secret)
	case "session":
		p, err = s.auth.sessionPrincipal(ctx, secret)
	default:
		return nil, false, nil
	}
	if err != nil && db.ErrorCode(err) != db.EINTERNAL {
		err = db.Errorf(db.EUNAUTHORIZED, "登录已失效（会话已结束或令牌已撤销），请重新登录。")
	}
	return p, true, err
}

// watch closes the socket once its session or token no longer holds: at once after an account change through this
// server, within SocketRecheck after one through another replica. An unreachable database closes nothing, so
// that an outage signs nobody out.
func (s *socket) watch(ctx context.Context) {
	epochs, _ := s.auth.Store.(interface{ AccountsEpoch() uint64 })
	epoch := func() uint64 {
		if epochs == nil {
			return 0
		}
		return epochs.AccountsEpoch()
	}
	tick := time.NewTicker(socketTick)
	defer tick.Stop()
	seen, checked := epoch(), time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			if e := epoch(); e != seen || now.Sub(checked) >= SocketRecheck {
				seen, checked = e, now
				if _, _, err := s.principal(ctx); err != nil && db.ErrorCode(err) == db.EUNAUTHORIZED {
					s.end()
					return
				}
			}
		}
	}
}

// end closes the socket with CloseUnauthenticated; gqlgen then cancels its operations, subscriptions included.
func (s *socket) end() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended || s.conn == nil {
		return
	}
	s.ended = true
	s.conn.WriteClose(CloseUnauthenticated, "UNAUTHENTICATED: 会话或令牌已失效")
}

// acquire counts a subscription against MaxSocketSubscriptions until ctx ends.
func (s *socket) acquire(ctx context.Context) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.subs >= MaxSocketSubscriptions {
		return false
	}
	s.subs++
	context.AfterFunc(ctx, func() {
		s.mu.Lock()
		s.subs--
		s.mu.Unlock()
	})
	return true
}

// socketAcceptor hands the accepted connection to the socket, so that its watcher can close it.
type socketAcceptor struct {
	transport.CoderWebsocketImplementation
}

// Accept upgrades the request and keeps the connection on its socket.
func (a socketAcceptor) Accept(w http.ResponseWriter, r *http.Request, o transport.WebsocketAcceptOptions) (transport.WebsocketConn, error) {
	c, err := a.CoderWebsocketImplementation.Accept(w, r, o)
	if s := socketFrom(r.Context()); s != nil && err == nil {
		s.setConn(c)
	}
	return c, err
}

// socketExecutor checks the caller and the subscription cap before each operation on a socket.
type socketExecutor struct {
	graphql.GraphExecutor
	s       *socket
	present graphql.ErrorPresenterFunc
}

// DispatchOperation runs one operation as the socket's caller of this moment, or refuses it with a coded error.
// A refusal for an ended session or token also closes the socket, once the refusal has been sent.
func (e socketExecutor) DispatchOperation(ctx context.Context, rc *graphql.OperationContext) (graphql.ResponseHandler, context.Context) {
	p, ok, err := e.s.principal(ctx)
	switch {
	case err != nil && db.ErrorCode(err) == db.EINTERNAL:
		return e.refuse(ctx, withCode(gqlErrorf("数据库暂不可用，请稍后重试。"), CodeServiceUnavailable))
	case err != nil:
		context.AfterFunc(ctx, e.s.end)
		return e.refuse(ctx, e.present(ctx, err))
	case ok:
		ctx = db.WithPrincipal(ctx, p)
	}
	if rc.Operation != nil && rc.Operation.Operation == ast.Subscription && !e.s.acquire(ctx) {
		err := withCode(gqlErrorf("每个连接最多 %d 个订阅。", MaxSocketSubscriptions), CodeTooManySubscriptions)
		err.Extensions["limit"] = MaxSocketSubscriptions
		return e.refuse(ctx, err)
	}
	return e.GraphExecutor.DispatchOperation(ctx, rc)
}

// refuse answers an operation with one error and ends it (OneShot, so that the transport does not loop).
func (e socketExecutor) refuse(ctx context.Context, err *gqlerror.Error) (graphql.ResponseHandler, context.Context) {
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{err}}), ctx
}
