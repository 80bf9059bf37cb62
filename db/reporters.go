package db

import (
	"context"
	"strings"
)

// CreateReporter adds a unit's reporter (单位填报员), bound to the unit for good (admins only, signed in). An empty
// password is generated, returned to be handed over once, and must be changed at the first sign-in. The caller
// checks that the unit exists.
func (a Accounts) CreateReporter(ctx context.Context, username, displayName string, unitID int64, password string) (*User, string, error) {
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
	if unitID <= 0 {
		return nil, "", FieldErrorf("unitId", "单位填报员须绑定一个单位")
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
	u := &User{Username: username, DisplayName: strings.TrimSpace(displayName), Role: RoleReporter, PasswordHash: hash,
		UnitID: unitID, MustChangePassword: generated != ""}
	if err := a.Store.CreateUser(ctx, u); err != nil {
		return nil, "", err
	}
	return u, generated, nil
}

// ErrPasswordChangeRequired refuses everything but changing the password to an account that signed in with a
// one-time password.
var ErrPasswordChangeRequired = Errorf(EFORBIDDEN, "请先修改初始密码。")

// ErrNotForReporters refuses a unit's reporter an operation of the office.
var ErrNotForReporters = Errorf(EFORBIDDEN, "单位填报员不能进行此操作。")
