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
	username = strings.TrimSpace(username)
	if username == "" {
		return nil, "", FieldErrorf("username", "用户名不能为空")
	}
	if err := (&role).UnmarshalGQL(string(role)); err != nil {
		return nil, "", err
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

// SetPassword changes a password and ends the user's sessions: a signed-in user may change their own, an admin
// anyone's. An empty password is generated and returned.
func (a Accounts) SetPassword(ctx context.Context, userID int64, password string) (string, error) {
	if p := PrincipalFrom(ctx); p == nil || p.Via != "session" || p.UserID != userID {
		if err := Require(ctx, RoleAdmin); err != nil {
			return "", err
		}
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

// MaxTokenDays bounds a token's lifetime.
const MaxTokenDays = 3650

// IssueToken creates an API token for a user and returns it with its secret, which is shown once and stored only
// as a hash. Callers issue tokens for themselves (not with a token); admins may issue them for anyone. A viewer's
// token is read-only. expiresInDays nil means the token never expires.
func (a Accounts) IssueToken(ctx context.Context, userID int64, name string, scope TokenScope, expiresInDays *int) (*APIToken, string, error) {
	if err := Require(ctx, RoleViewer); err != nil {
		return nil, "", err
	}
	p := PrincipalFrom(ctx)
	if p.Via == "token" {
		return nil, "", Errorf(EFORBIDDEN, "令牌不能再创建令牌，请登录后操作。")
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
	if expiresInDays != nil {
		if *expiresInDays < 1 || *expiresInDays > MaxTokenDays {
			return nil, "", FieldErrorf("expiresInDays", "有效期须在 1 到 %d 天之间", MaxTokenDays)
		}
		e := time.Now().Add(time.Duration(*expiresInDays) * 24 * time.Hour)
		t.ExpiresAt = &e
	}
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
