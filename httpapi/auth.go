package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/crypto/bcrypt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/wenming/wenming/db"
)

// SessionCookie is the name of the browser session cookie (HttpOnly, SameSite=Lax, Secure under TLS).
const SessionCookie = "wenming_session"

// Auth authenticates requests by session cookie or bearer token, and serves login and logout.
type Auth struct {
	Store         db.Store
	Log           *slog.Logger
	AnonymousRead bool
	SessionTTL    time.Duration
	BcryptCost    int
	// TrustedProxies are the load balancers whose X-Forwarded-For names the real client (sign-in limits).
	TrustedProxies []netip.Prefix
	// AllowedOrigins may send cookie-authenticated writes besides the server's own origin.
	AllowedOrigins []string

	// Limiter counts sign-in attempts; a MemoryLimiter when nil. Replicas share one through the database.
	Limiter LoginLimiter

	// PrincipalTTL, above zero, reuses the caller found for a session or token for that long (at most 2 s), to save
	// the database a round trip or two per request. It works only over a store that reports AccountsEpoch (the
	// cached store), which drops every reused caller at once when a password, role, session or token changes through
	// this server; other servers sharing the database may honour such a change up to PrincipalTTL late (docs/scale-out.md,
	// "Shared and per replica"). Zero, the default, looks the caller up on every request.
	PrincipalTTL time.Duration
	// Stamp, when set, names the database's state: it changes with every commit, by any process (SQLite's WAL-index
	// header). A caller found is then reused, even with PrincipalTTL zero, while the stamp is unchanged and for at
	// most stampTTL (so that a token or session expiring with no commit ends within that), so that a revocation,
	// logout or role change made anywhere takes effect at the next request.
	Stamp func() (string, bool)

	principalsOnce sync.Once
	principals     *lru.Cache[string, principalEntry]

	limiterOnce sync.Once
	dummyOnce   sync.Once
	dummy       []byte
}

// Middleware resolves the caller from a bearer token or a session cookie, and refuses cross-site cookie writes.
func (a *Auth) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		var p *db.Principal
		if h := r.Header.Get("Authorization"); h != "" {
			var err error
			if p, err = a.TokenPrincipal(ctx, h); err != nil {
				if db.ErrorCode(err) == db.EINTERNAL {
					a.unavailable(w, r, err)
					return
				}
				WriteJSONError(w, http.StatusUnauthorized, CodeUnauthenticated, db.ErrorMessage(err), map[string]any{"messageEn": db.ErrorMessageEn(err)})
				return
			}
		} else if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
			p, err = a.sessionPrincipal(ctx, db.HashSecret(c.Value))
			switch {
			case err == nil:
			case db.ErrorCode(err) == db.EINTERNAL:
				// The database is unreachable, not the session gone: keep the cookie, so that nobody is signed out
				// by an outage, and say the service is unavailable.
				if strings.HasPrefix(r.URL.Path, "/graphql") || strings.HasPrefix(r.URL.Path, "/export/") ||
					strings.HasPrefix(r.URL.Path, "/templates/") || strings.HasPrefix(r.URL.Path, "/auth/") {
					a.unavailable(w, r, err)
					return
				}
			default:
				http.SetCookie(w, a.cookie(r, "", -1))
			}
		}
		if p == nil && a.AnonymousRead {
			p = &db.Principal{Role: db.RoleViewer, Via: "anonymous"}
		}
		if p != nil && p.Via == "session" && r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodOptions && !a.sameOrigin(r) {
			WriteJSONError(w, http.StatusForbidden, CodeForbidden, "拒绝跨站请求。", nil)
			return
		}
		next.ServeHTTP(w, r.WithContext(db.WithCaller(ctx, p, a.AnonymousRead)))
	})
}

// unavailable answers 503 when the database cannot say who is calling, and logs why.
func (a *Auth) unavailable(w http.ResponseWriter, r *http.Request, err error) {
	a.Log.Warn("authentication unavailable", "err", err, "path", r.URL.Path)
	w.Header().Set("Retry-After", "2")
	WriteJSONError(w, http.StatusServiceUnavailable, CodeServiceUnavailable, "数据库暂不可用，请稍后重试。", nil)
}

// TokenPrincipal checks an Authorization header value ("Bearer wm_…") and returns its caller. A token that is
// unknown, expired or revoked is EUNAUTHORIZED; a database that cannot answer is EINTERNAL.
func (a *Auth) TokenPrincipal(ctx context.Context, header string) (*db.Principal, error) {
	secret, ok := strings.CutPrefix(header, "Bearer ")
	if !ok {
		return nil, db.Errorf(db.EUNAUTHORIZED, "Authorization 须为 Bearer 令牌。")
	}
	hash := db.HashSecret(strings.TrimSpace(secret))
	return a.remember("token\x00"+hash, func() (*db.Principal, error) { return a.lookupToken(ctx, hash) })
}

// lookupToken finds a token's caller in the database.
func (a *Auth) lookupToken(ctx context.Context, hash string) (*db.Principal, error) {
	t, err := a.Store.TokenByHash(ctx, hash, time.Now())
	if db.ErrorCode(err) == db.EINTERNAL {
		return nil, err
	} else if err != nil {
		return nil, db.Errorf(db.EUNAUTHORIZED, "令牌无效、已过期或已撤销。")
	}
	u, err := a.Store.UserByID(ctx, t.UserID)
	if db.ErrorCode(err) == db.EINTERNAL {
		return nil, err
	} else if err != nil || u.Disabled {
		return nil, db.Errorf(db.EUNAUTHORIZED, "令牌所属用户不可用。")
	}
	return &db.Principal{UserID: u.ID, Username: u.Username, Role: u.Role, Via: "token", Scope: t.Scope, UnitID: u.UnitID, MustChangePassword: u.MustChangePassword}, nil
}

// sessionPrincipal finds the caller of a live session; a session that is unknown or expired is ENOTFOUND.
func (a *Auth) sessionPrincipal(ctx context.Context, hash string) (*db.Principal, error) {
	return a.remember("session\x00"+hash, func() (*db.Principal, error) {
		u, err := a.Store.SessionUser(ctx, hash, time.Now())
		if err != nil {
			return nil, err
		}
		return &db.Principal{UserID: u.ID, Username: u.Username, Role: u.Role, Via: "session", UnitID: u.UnitID, MustChangePassword: u.MustChangePassword}, nil
	})
}

// maxPrincipalTTL caps PrincipalTTL: a revocation through another replica must take effect within seconds.
const maxPrincipalTTL = 2 * time.Second

// stampTTL bounds how long a caller reused by Stamp may live: expiry needs no commit, so it is only noticed by time.
const stampTTL = time.Second

// principalEntry is a caller found at epoch (and stamp), reusable until until.
type principalEntry struct {
	p     db.Principal
	epoch uint64
	stamp string
	until time.Time
}

// remember returns the caller cached under key while it is younger than PrincipalTTL and no account changed through
// this server since it was looked up, or looks it up. Only callers found are kept: failures are asked again.
func (a *Auth) remember(key string, lookup func() (*db.Principal, error)) (*db.Principal, error) {
	epochs, ok := a.Store.(interface{ AccountsEpoch() uint64 })
	ttl := min(a.PrincipalTTL, maxPrincipalTTL)
	stamp := ""
	if ttl <= 0 && a.Stamp != nil {
		s, stamped := a.Stamp()
		if !stamped {
			return lookup() // the state cannot be told: look the caller up
		}
		stamp, ttl = s, stampTTL
	}
	if !ok || ttl <= 0 {
		return lookup()
	}
	a.principalsOnce.Do(func() { a.principals, _ = lru.New[string, principalEntry](4096) })
	// The epoch and the stamp are read before the lookup: a change committed while it runs makes the entry stale.
	epoch := epochs.AccountsEpoch()
	if e, ok := a.principals.Get(key); ok && e.epoch == epoch && e.stamp == stamp && time.Now().Before(e.until) {
		p := e.p
		return &p, nil
	}
	start := time.Now()
	p, err := lookup()
	if err != nil {
		return nil, err
	}
	// The entry's age counts from the start of the lookup, the oldest moment its answer may describe. A lookup that
	// wrote (a token's last use, once a minute) moved the stamp: the next request looks up again, once.
	a.principals.Add(key, principalEntry{p: *p, epoch: epoch, stamp: stamp, until: start.Add(ttl)})
	return p, nil
}

// RequireSignIn answers 401 to requests that carry no credentials when anonymous reading is off.
func (a *Auth) RequireSignIn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// WebSocket clients may authenticate in connection_init instead; the transport checks them there.
		websocketUpgrade := strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
		if r.Method != http.MethodOptions && !websocketUpgrade && db.PrincipalFrom(r.Context()) == nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="wenming"`)
			WriteJSONError(w, http.StatusUnauthorized, CodeUnauthenticated, "请先登录或提供 API 令牌。", nil)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sameOrigin accepts requests whose Origin (or, lacking it, Referer) is this server or an allowed origin, and
// refuses a request without Origin that the browser marks Sec-Fetch-Site: cross-site or same-site.
func (a *Auth) sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" && crossSiteFetch(r) {
		return false
	}
	if origin == "" {
		ref := r.Header.Get("Referer")
		if ref == "" {
			// Non-browser clients send neither; browsers always send Origin on cross-site POSTs.
			return true
		}
		u, err := url.Parse(ref)
		if err != nil {
			return false
		}
		origin = u.Scheme + "://" + u.Host
	}
	u, err := url.Parse(origin)
	if err != nil {
		return false
	}
	if u.Host == r.Host {
		return true
	}
	for _, o := range a.AllowedOrigins {
		if strings.EqualFold(o, origin) {
			return true
		}
	}
	return false
}

func (a *Auth) cookie(r *http.Request, value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name: SessionCookie, Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https",
	}
}

// limiter is the configured LoginLimiter, or an in-memory one.
func (a *Auth) limiter() LoginLimiter {
	a.limiterOnce.Do(func() {
		if a.Limiter == nil {
			a.Limiter = &MemoryLimiter{}
		}
	})
	return a.Limiter
}

// dummyHash is compared against when the username is unknown, so that a miss costs as much as a wrong password
// and response times do not reveal which usernames exist. It is made once, at the configured cost.
func (a *Auth) dummyHash() []byte {
	a.dummyOnce.Do(func() {
		cost := a.BcryptCost
		if cost == 0 {
			cost = bcrypt.DefaultCost
		}
		a.dummy, _ = bcrypt.GenerateFromPassword([]byte("wenming-dummy-password"), cost)
	})
	return a.dummy
}

// clientIP is the address the sign-in limiter charges: the peer, or, when the peer is a trusted proxy (the load
// balancer), the nearest address in X-Forwarded-For that is not one, so that clients behind one balancer do not
// share one allowance.
func (a *Auth) clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if !a.trusted(host) {
		return host
	}
	var hops []string
	for _, h := range r.Header.Values("X-Forwarded-For") {
		for _, x := range strings.Split(h, ",") {
			if x = strings.TrimSpace(x); x != "" {
				hops = append(hops, x)
			}
		}
	}
	for i := len(hops) - 1; i >= 0; i-- {
		if !a.trusted(hops[i]) {
			return hops[i]
		}
	}
	return host
}

// trusted reports whether addr lies in a trusted proxy range.
func (a *Auth) trusted(addr string) bool {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return false
	}
	for _, p := range a.TrustedProxies {
		if p.Contains(ip.Unmap()) {
			return true
		}
	}
	return false
}

// userJSON is how the login endpoints describe a user; the hash never leaves the server.
func userJSON(u *db.User) map[string]any {
	return map[string]any{"username": u.Username, "displayName": u.DisplayName, "role": u.Role}
}

// Login handles POST /auth/login with a JSON body {username, password} and sets the session cookie.
func (a *Auth) Login(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		WriteJSONError(w, http.StatusUnsupportedMediaType, CodeBadRequest, "请求须为 JSON。", nil)
		return
	}
	var in struct{ Username, Password string }
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4096)).Decode(&in); err != nil {
		WriteJSONError(w, http.StatusBadRequest, CodeBadRequest, "请求格式错误。", nil)
		return
	}
	in.Username = strings.TrimSpace(in.Username)
	// A name no account can have is refused before the limiter, the database or the log sees it: it costs no
	// row, no bcrypt and no kilobytes of log.
	if db.ValidUsername(in.Username) != nil {
		WriteJSONError(w, http.StatusUnauthorized, CodeUnauthenticated, "用户名或密码错误。", nil)
		return
	}
	ip, key := a.clientIP(r), strings.ToLower(in.Username)
	lim := a.limiter()
	if !lim.Admit(r.Context(), ip, key) {
		w.Header().Set("Retry-After", "15")
		WriteJSONError(w, http.StatusTooManyRequests, CodeRateLimited, "登录尝试过于频繁，请稍后再试。", nil)
		return
	}
	u, err := a.Store.UserByUsername(r.Context(), in.Username)
	if err != nil || u.Disabled {
		bcrypt.CompareHashAndPassword(a.dummyHash(), []byte(in.Password))
	}
	if err != nil || u.Disabled || !db.CheckPassword(u.PasswordHash, in.Password) {
		lim.Failed(r.Context(), ip)
		a.Log.Info("login failed", "username", db.LogName(in.Username), "ip", ip)
		if err == nil {
			// An existing account's refusals go to the audit log, so that an admin sees who is being guessed at;
			// names that match no account do not (a mistyped password in the name field must not be kept).
			reason := db.RefusedWrongPassword
			if u.Disabled {
				reason = db.RefusedDisabled
			}
			if err := a.Store.RecordRefusedSignIn(r.Context(), u, reason, ip); err != nil {
				a.Log.Error("audit refused sign-in", "err", err)
			}
		}
		WriteJSONError(w, http.StatusUnauthorized, CodeUnauthenticated, "用户名或密码错误。", nil)
		return
	}
	lim.Succeeded(r.Context(), ip, key)
	secret := db.NewSecret(32)
	ttl := a.SessionTTL
	if ttl == 0 {
		ttl = 12 * time.Hour
	}
	if err := a.Store.CreateSession(r.Context(), u.ID, db.HashSecret(secret), time.Now().Add(ttl)); err != nil {
		a.Log.Error("create session", "err", err)
		WriteJSONError(w, http.StatusInternalServerError, CodeInternal, "服务器内部错误。", nil)
		return
	}
	http.SetCookie(w, a.cookie(r, secret, int(ttl.Seconds())))
	a.Log.Info("login", "username", u.Username, "ip", a.clientIP(r))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(map[string]any{"user": userJSON(u)})
}

// Logout handles POST /auth/logout: it ends the session and clears the cookie.
func (a *Auth) Logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
		if err := a.Store.DeleteSession(r.Context(), db.HashSecret(c.Value)); err != nil {
			a.Log.Error("delete session", "err", err)
		}
	}
	http.SetCookie(w, a.cookie(r, "", -1))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	fmt.Fprintln(w, `{"ok":true}`)
}

// Me handles GET /auth/me: who the browser is signed in as, for the dashboard's header.
func (a *Auth) Me(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	p := db.PrincipalFrom(r.Context())
	out := map[string]any{"user": nil, "role": nil, "via": "none", "anonymousRead": a.AnonymousRead}
	if p != nil {
		out["role"], out["via"] = p.Effective(), p.Via
		if p.UserID != 0 {
			if u, err := a.Store.UserByID(r.Context(), p.UserID); err == nil {
				out["user"] = userJSON(u)
			}
		}
	}
	json.NewEncoder(w).Encode(out)
}
