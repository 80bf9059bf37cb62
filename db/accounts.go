package db

import (
	"context"
	"strings"
	"time"
)

// DefaultBcryptCost is the password hashing cost of the server and of every command, so that an account made on
// the command line is as hard to crack as one made in the dashboard.
const DefaultBcryptCost = 12

// Accounts is the one place users are created, passwords set and API tokens issued, with the rules they share:
// the API, the sign-in bootstrap and the command line all go through it.
type Accounts struct {
	Store AuthStore
	// BcryptCost hashes passwords; DefaultBcryptCost when 0 (tests lower it).
	BcryptCost int
}

func (a Accounts) cost() int {
	if a.BcryptCost == 0 {
		return DefaultBcryptCost
	}
	return a.BcryptCost
}

// CreateUser adds an account (admins only). An empty password is generated and returned, to be shown once.
func (a Accounts) CreateUser(ctx context.Context, username, password string, role Role, displayName string) (*User, string, error) {
	if err := Require(ctx, RoleAdmin); err != nil {
		return nil, "", err
	}
	if err := RequireSession(ctx); err != nil {
		return nil, "", err
	}
	username = strings.TrimSpace(username)
	if err := ValidUsername(username); err != nil {
		return nil, "", err
	}
	if err := (&role).UnmarshalGQL(string(role)); err != nil {
		return nil, "", err
	}
	if role == RoleReporter {
		return nil, "", FieldErrorf("role", "单位填报员须绑定一个单位：请用“新增单位填报员”创建")
	}
	generated := ""
	if password == "" {
		password = NewSecret(12)
		generated = password
	}
	hash, err := HashPassword(password, a.cost())
	if err != nil {
		return nil, "", err
	}
	u := &User{Username: username, DisplayName: strings.TrimSpace(displayName), Role: role, PasswordHash: hash}
	if err := a.Store.CreateUser(ctx, u); err != nil {
		return nil, "", err
	}
	return u, generated, nil
}

// SetPassword changes a password and ends the user's sessions and tokens: a signed-in user may change their own,
// giving the current one (so that a borrowed browser cannot lock its owner out), and a signed-in admin anyone else's.
// Never through an API token. An empty password is generated and returned.
func (a Accounts) SetPassword(ctx context.Context, userID int64, password string, current *string) (string, error) {
	p := PrincipalFrom(ctx)
	if p == nil || p.Via == "anonymous" {
		return "", Errorf(EUNAUTHORIZED, "请先登录。")
	}
	if err := RequireSession(ctx); err != nil {
		return "", err
	}
	if p.Via == "session" && p.UserID == userID {
		if current == nil || *current == "" {
			return "", FieldErrorf("currentPassword", "修改自己的密码须提供当前密码。")
		}
		u, err := a.Store.UserByID(ctx, userID)
		if err != nil {
			return "", err
		}
		if !CheckPassword(u.PasswordHash, *current) {
			return "", FieldErrorf("currentPassword", "当前密码不正确。")
		}
	} else if err := Require(ctx, RoleAdmin); err != nil {
		return "", err
	}
	generated := ""
	if password == "" {
		password = NewSecret(12)
		generated = password
	}
	hash, err := HashPassword(password, a.cost())
	if err != nil {
		return "", err
	}
	return generated, a.Store.SetPassword(ctx, userID, hash)
}

// SetRole changes a user's role and, when disabled is set, their disabled flag (admins only, signed in). Disabling
// ends the user's sessions and revokes their tokens in the same transaction.
func (a Accounts) SetRole(ctx context.Context, userID int64, role Role, disabled *bool) (*User, error) {
	if err := Require(ctx, RoleAdmin); err != nil {
		return nil, err
	}
	if err := RequireSession(ctx); err != nil {
		return nil, err
	}
	if err := (&role).UnmarshalGQL(string(role)); err != nil {
		return nil, err
	}
	if role == RoleReporter {
		// A reporter is made with its unit (CreateReporter); a role change cannot say which unit.
		if u, err := a.Store.UserByID(ctx, userID); err != nil {
			return nil, err
		} else if u.Role != RoleReporter {
			return nil, FieldErrorf("role", "不能把已有账号改为单位填报员：请新建单位填报员账号")
		}
	}
	if err := a.Store.SetRole(ctx, userID, role, disabled); err != nil {
		return nil, err
	}
	return a.Store.UserByID(ctx, userID)
}

// Token lifetimes, in days. A token always expires: DefaultTokenDays when none is asked for, at most
// MaxTokenDays when its owner is an admin and MaxTokenDaysNonAdmin otherwise. The bound follows the owner's role,
// not the scope: the owner answers for the token, and an admin's READ token still reads everything an admin may.
const (
	DefaultTokenDays     = 90
	MaxTokenDaysNonAdmin = 365
	MaxTokenDays         = 3650
)

// MaxTokenDaysFor is the longest lifetime a token of a user with the role may have.
func MaxTokenDaysFor(role Role) int {
	if role == RoleAdmin {
		return MaxTokenDays
	}
	return MaxTokenDaysNonAdmin
}

// TokensWithoutExpiry lists every user's unrevoked tokens that never expire (made before tokens had to), for an
// admin to review and revoke. Admins only.
func (a Accounts) TokensWithoutExpiry(ctx context.Context) ([]*APIToken, error) {
	if err := Require(ctx, RoleAdmin); err != nil {
		return nil, err
	}
	all, err := a.Store.Tokens(ctx, 0)
	if err != nil {
		return nil, err
	}
	var out []*APIToken
	for _, t := range all {
		if t.ExpiresAt == nil && t.RevokedAt == nil {
			out = append(out, t)
		}
	}
	return out, nil
}

// IssueToken creates an API token for a user and returns it with its secret, which is shown once and stored only
// as a hash. Callers issue tokens for themselves (not with a token); admins may issue them for anyone. A viewer's
// token is read-only. expiresInDays nil means DefaultTokenDays; above MaxTokenDaysFor the owner's role is EINVALID.
func (a Accounts) IssueToken(ctx context.Context, userID int64, name string, scope TokenScope, expiresInDays *int) (*APIToken, string, error) {
	if err := Require(ctx, RoleViewer); err != nil {
		return nil, "", err
	}
	p := PrincipalFrom(ctx)
	if p.Via == "token" {
		return nil, "", Errorf(EFORBIDDEN, "令牌不能再创建令牌，请登录后操作。")
	}
	if err := RequireSession(ctx); err != nil {
		return nil, "", err
	}
	if userID == 0 {
		return nil, "", Errorf(EUNAUTHORIZED, "请先登录。")
	}
	if userID != p.UserID {
		if err := Require(ctx, RoleAdmin); err != nil {
			return nil, "", err
		}
	}
	u, err := a.Store.UserByID(ctx, userID)
	if err != nil {
		return nil, "", err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, "", FieldErrorf("name", "令牌名称不能为空")
	}
	if err := (&scope).UnmarshalGQL(string(scope)); err != nil {
		return nil, "", err
	}
	if scope == ScopeWrite && !u.Role.AtLeast(RoleEditor) {
		return nil, "", FieldErrorf("scope", "%s 是查看角色，只能创建只读令牌", u.Username)
	}
	secret := TokenPrefix + NewSecret(24)
	t := &APIToken{UserID: u.ID, Name: name, Scope: scope, Hash: HashSecret(secret)}
	days := DefaultTokenDays
	if expiresInDays != nil {
		days = *expiresInDays
	}
	if max := MaxTokenDaysFor(u.Role); days < 1 || days > max {
		return nil, "", FieldErrorf("expiresInDays", "有效期须在 1 到 %d 天之间（%s角色的令牌最多 %d 天）", max, roleZh[u.Role], max)
	}
	e := time.Now().Add(time.Duration(days) * 24 * time.Hour)
	t.ExpiresAt = &e
	if err := a.Store.CreateToken(ctx, t); err != nil {
		return nil, "", err
	}
	return t, secret, nil
}

// EnsureAdmin creates the first admin, named admin, when none exists, with the given password or a generated one
// that it returns to be shown once. It reports whether it created the account.
func (a Accounts) EnsureAdmin(ctx context.Context, password string) (created bool, generated string, err error) {
	ok, err := a.Store.HasAdmin(ctx)
	if err != nil || ok {
		return false, "", err
	}
	if password == "" {
		password = NewSecret(12)
		generated = password
	}
	hash, err := HashPassword(password, a.cost())
	if err != nil {
		return false, "", err
	}
	if err := a.Store.CreateUser(ctx, &User{Username: "admin", DisplayName: "管理员", Role: RoleAdmin, PasswordHash: hash}); err != nil {
		return false, "", err
	}
	return true, generated, nil
}
