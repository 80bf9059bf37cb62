package db

import (
	"context"
	"strings"
	"unicode/utf8"
)

// UnitContact is a unit's 联系人: whom the office calls about the unit's reporting, and their phone. It is the
// office's working data, shown to signed-in office staff and never to anonymous readers or in public exports.
type UnitContact struct {
	Name  string
	Phone string
}

// Bounds of a unit contact, so that a form, an import and the command line refuse the same values.
const (
	MaxContactNameLength  = 50
	MaxContactPhoneLength = 20
)

// Validate trims a contact and checks it: a name of at most 50 characters, a phone of digits, spaces, "-" and "+"
// of at most 20.
func (c *UnitContact) Validate() error {
	c.Name = strings.TrimSpace(c.Name)
	c.Phone = strings.TrimSpace(c.Phone)
	if utf8.RuneCountInString(c.Name) > MaxContactNameLength {
		return FieldErrorf("contactName", "联系人姓名不能超过 %d 个字", MaxContactNameLength)
	}
	if err := CheckText("contactName", "联系人姓名", c.Name, false); err != nil {
		return err
	}
	return ValidPhone("contactPhone", c.Phone)
}

// ValidPhone checks a phone number as the office writes it: digits, spaces, "-" and "+", at most 20 characters.
func ValidPhone(field, phone string) error {
	if utf8.RuneCountInString(phone) > MaxContactPhoneLength {
		return FieldErrorf(field, "联系电话不能超过 %d 个字符", MaxContactPhoneLength)
	}
	for _, r := range phone {
		if !(r >= '0' && r <= '9' || r == ' ' || r == '-' || r == '+') {
			return FieldErrorf(field, "联系电话只能包含数字、空格、- 和 +")
		}
	}
	return nil
}

// Empty reports whether the unit has no contact yet, the case in which a reporter import fills it in.
func (c UnitContact) Empty() bool { return c.Name == "" && c.Phone == "" }

// CanReadUnitContact reports whether the caller may read a unit's contact: signed-in office staff (VIEWER and up,
// by session or token) and the unit's own reporter; never anonymous readers or another unit's reporter.
func CanReadUnitContact(ctx context.Context, unitID int64) bool {
	p := PrincipalFrom(ctx)
	if p == nil || p.Via == "anonymous" || p.MustChangePassword {
		return false
	}
	if p.Role == RoleReporter {
		return p.UnitID == unitID
	}
	return p.Effective().AtLeast(RoleViewer)
}

// UnitContactStore writes a unit's contact.
type UnitContactStore interface {
	// SetUnitContact replaces a unit's contact, checking the version the editor read and auditing the change.
	SetUnitContact(ctx context.Context, id int64, expectedVersion int, c UnitContact) (*Unit, error)
}

// UnitContactChange is what a unit form says of the contact: a nil field leaves that part as it is.
type UnitContactChange struct {
	Name, Phone *string
}

// Validate checks the given parts before anything is written, so that a bad phone refuses the whole form.
func (c UnitContactChange) Validate() error {
	next := c.over(UnitContact{})
	return next.Validate()
}

func (c UnitContactChange) over(old UnitContact) UnitContact {
	if c.Name != nil {
		old.Name = *c.Name
	}
	if c.Phone != nil {
		old.Phone = *c.Phone
	}
	return old
}

// Apply writes the change onto the unit just saved, at the version it has now, when it changes anything.
func (c UnitContactChange) Apply(ctx context.Context, s UnitContactStore, u *Unit) (*Unit, error) {
	next := c.over(u.Contact)
	if err := next.Validate(); err != nil || next == u.Contact {
		return u, err
	}
	return s.SetUnitContact(ctx, u.ID, u.Version, next)
}
