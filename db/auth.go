package db

import (
	"context"
	"io"
	"strings"
	"time"
	"unicode"
)

// Role is what a user may do: VIEWER reads, EDITOR also writes records, ADMIN also manages users, tokens,
// weights and targets. REPORTER (单位填报员) stands outside that order: bound to one unit, it may only do what an
// operation lists as a reporter's, on that unit's rows.
type Role string

// Roles: the office's, from least to most powerful, and the units' reporter.
const (
	RoleViewer   Role = "VIEWER"
	RoleEditor   Role = "EDITOR"
	RoleAdmin    Role = "ADMIN"
	RoleReporter Role = "REPORTER"
)

// AllRoles lists every role: the office's in rising order of power, then the reporter.
var AllRoles = []Role{RoleViewer, RoleEditor, RoleAdmin, RoleReporter}

// officeRoles are the ordered roles; a role missing here (the reporter) includes no other and is included by none.
var officeRoles = []Role{RoleViewer, RoleEditor, RoleAdmin}

func (r Role) rank() int {
	for i, x := range officeRoles {
		if x == r {
			return i + 1
		}
	}
	return 0
}

// AtLeast reports whether r includes every right of min.
func (r Role) AtLeast(min Role) bool { return r.rank() >= min.rank() && min.rank() > 0 }

// MarshalGQL writes the role as a GraphQL enum.
func (r Role) MarshalGQL(w io.Writer) { marshalEnum(w, r) }

// UnmarshalGQL validates a role input.
func (r *Role) UnmarshalGQL(v any) error { return unmarshalEnum(r, v, "role", AllRoles) }

// TokenScope limits what an API token may do, whatever its owner's role.
type TokenScope string

// Token scopes.
const (
	ScopeRead  TokenScope = "READ"
	ScopeWrite TokenScope = "WRITE"
)

// AllTokenScopes lists the scopes.
var AllTokenScopes = []TokenScope{ScopeRead, ScopeWrite}

// MarshalGQL writes the scope as a GraphQL enum.
func (s TokenScope) MarshalGQL(w io.Writer) { marshalEnum(w, s) }

// UnmarshalGQL validates a scope input.
func (s *TokenScope) UnmarshalGQL(v any) error { return unmarshalEnum(s, v, "scope", AllTokenScopes) }

// User is an account of the dashboard; its password is kept only as a hash.
type User struct {
	ID           int64
	Username     string
	DisplayName  string
	Role         Role
	PasswordHash string
	Disabled     bool
	CreatedAt    time.Time
	// UnitID is the unit a REPORTER reports for; 0 for every other role.
	UnitID int64
	// MustChangePassword asks for a new password at the next sign-in (a one-time password was issued).
	MustChangePassword bool
}

// APIToken lets a reporting tool call the API; only its hash is stored, and it is shown once on creation.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	Scope      TokenScope
	Hash       string
	CreatedAt  time.Time
	ExpiresAt  *time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

// Principal is who is making a request, and how they proved it.
type Principal struct {
	UserID   int64
	Username string
	Role     Role
	// Via is "session", "token" or "anonymous".
	Via string
	// Scope is set for token requests; a READ token acts as a VIEWER whatever its owner's role.
	Scope TokenScope
	// UnitID is the unit a REPORTER acts for, from the account: never from an argument.
	UnitID int64
	// MustChangePassword holds the caller to changing a one-time password before anything else.
	MustChangePassword bool
}

// Effective is the role the principal acts with, after the token scope.
func (p *Principal) Effective() Role {
	if p == nil {
		return ""
	}
	if p.Via == "token" && p.Scope == ScopeRead && p.Role.AtLeast(RoleViewer) {
		return RoleViewer
	}
	return p.Role
}

type principalKey struct{}

// WithPrincipal attaches the caller to the context.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// WithCaller attaches the caller and whether the server reads the published records to anyone (WithPublicReading)
// in one step: the HTTP layer does this on every request, and one context holding both is one allocation and one
// step shorter for every lookup after.
func WithCaller(ctx context.Context, p *Principal, publicReading bool) context.Context {
	return &callerContext{Context: ctx, p: p, public: publicReading}
}

// callerContext is the context WithCaller makes: it answers the caller's key and, when set, the public-reading key,
// and asks its parent for every other.
type callerContext struct {
	context.Context
	p      *Principal
	public bool
}

// Value answers the keys of WithPrincipal and WithPublicReading, as those two would have.
func (c *callerContext) Value(key any) any {
	switch key.(type) {
	case principalKey:
		return c.p
	case publicReadingKey:
		if c.public {
			return true
		}
	}
	return c.Context.Value(key)
}

// PrincipalFrom returns the caller, or nil for an unauthenticated request.
func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

// Require fails with EUNAUTHORIZED when nobody is signed in, or EFORBIDDEN when the caller's role is below min.
func Require(ctx context.Context, min Role) error {
	p := PrincipalFrom(ctx)
	if p == nil || p.Effective() == "" || (p.Via == "anonymous" && !p.Effective().AtLeast(min)) {
		return Errorf(EUNAUTHORIZED, "请先登录。")
	}
	if !p.Effective().AtLeast(min) {
		return Errorf(EFORBIDDEN, "需要%s权限。", Text{Zh: roleZh[min], En: string(min)})
	}
	return nil
}

var roleZh = map[Role]string{RoleViewer: "查看", RoleEditor: "编辑", RoleAdmin: "管理员", RoleReporter: "单位填报"}

// AuthStore keeps users, browser sessions and API tokens.
type AuthStore interface {
	CreateUser(ctx context.Context, u *User) error
	UserByUsername(ctx context.Context, username string) (*User, error)
	UserByID(ctx context.Context, id int64) (*User, error)
	Users(ctx context.Context) ([]*User, error)
	// SetPassword replaces a password hash, ends the user's sessions and revokes their API tokens, atomically: a
	// reset must lock out whoever knew the old password, and any token they made with it.
	SetPassword(ctx context.Context, userID int64, hash string) error
	// SetRole changes a user's role, and their disabled flag when disabled is not nil.
	SetRole(ctx context.Context, userID int64, role Role, disabled *bool) error
	HasAdmin(ctx context.Context) (bool, error)
	CreateSession(ctx context.Context, userID int64, hash string, expires time.Time) error
	// SessionUser returns the user of a live session, or ENOTFOUND.
	SessionUser(ctx context.Context, hash string, now time.Time) (*User, error)
	DeleteSession(ctx context.Context, hash string) error
	CreateToken(ctx context.Context, t *APIToken) error
	// TokenByHash returns a live token and records its use, or ENOTFOUND.
	TokenByHash(ctx context.Context, hash string, now time.Time) (*APIToken, error)
	Tokens(ctx context.Context, userID int64) ([]*APIToken, error)
	RevokeToken(ctx context.Context, id int64, now time.Time) error
	// RecordRefusedSignIn audits a refused sign-in to an existing account, with why and from which address.
	RecordRefusedSignIn(ctx context.Context, u *User, reason SignInRefusal, address string) error
}

// LoginAttempts keeps sign-in attempts in the database, so that every server sharing it shares one allowance:
// spreading password guesses over several replicas gains no attempts. Attempts are not data: they bump no version.
type LoginAttempts interface {
	// AddLoginAttempt records an attempt under the key at the instant, and forgets attempts of the same kind (see
	// LoginAttemptKind) older than keep, so that kinds kept for a month outlive kinds kept for minutes.
	AddLoginAttempt(ctx context.Context, key string, at time.Time, keep time.Duration) error
	// CountLoginAttempts counts the key's attempts since the instant.
	CountLoginAttempts(ctx context.Context, key string, since time.Time) (int, error)
	// ClearLoginAttempts forgets the key's attempts (a successful sign-in ends a run of failures).
	ClearLoginAttempts(ctx context.Context, key string) error
}

// LoginAttemptKind returns the range [lo, hi) of the keys that share key's kind, the text up to its first colon
// ("user:…", "ip:…", "known:…"), for a backend to forget old attempts of one kind by range on its key index.
func LoginAttemptKind(key string) (lo, hi string) {
	kind, _, _ := strings.Cut(key, ":")
	return kind + ":", kind + ";"
}

// MaxUsernameLength bounds a username in characters, so that nothing a sign-in sends is stored or logged at length.
const MaxUsernameLength = 64

// ValidUsername checks a username before anything is stored, logged or counted: 1 to MaxUsernameLength letters
// (Chinese included), digits and the marks . _ - @, so that a sign-in flood cannot fill the attempts table or the
// log with kilobytes a row, and invisible or direction characters never make two names look alike.
func ValidUsername(name string) error {
	n := 0
	for _, r := range name {
		n++
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._-@", r)) {
			return FieldErrorf("username", "用户名只能包含文字、数字和 . _ - @")
		}
	}
	if n == 0 {
		return FieldErrorf("username", "用户名不能为空")
	}
	if n > MaxUsernameLength {
		return FieldErrorf("username", "用户名最多 %d 个字符", MaxUsernameLength)
	}
	return nil
}

// LogName is a caller-supplied name cut to a safe length for a log line.
func LogName(name string) string {
	const max = 32
	if r := []rune(name); len(r) > max {
		return string(r[:max]) + "…"
	}
	return name
}

// RequireMutation refuses a write to a READ token, whatever its owner's role and whatever the write: a read-only
// token never changes anything, its owner's own tokens included.
func RequireMutation(ctx context.Context) error {
	if p := PrincipalFrom(ctx); p != nil && p.Via == "token" && p.Scope != ScopeWrite {
		return Errorf(EFORBIDDEN, "只读令牌不能修改数据。")
	}
	return nil
}

// RequireSession refuses account administration to API tokens: creating users, changing roles, setting another
// user's password and creating tokens need a signed-in session (or the operator's command line on the server), so
// that a leaked token cannot mint accounts or longer-lived tokens.
func RequireSession(ctx context.Context) error {
	if p := PrincipalFrom(ctx); p == nil || (p.Via != "session" && p.Via != "cli") {
		return Errorf(EFORBIDDEN, "账户管理须登录后在浏览器中操作，不能使用 API 令牌。")
	}
	return nil
}
