package store

import (
	"context"
	"strings"

	"github.com/wenming/wenming/db"
)

// SetUnitContact replaces a unit's contact (联系人 and phone), checking the version the editor read.
func (s *Store) SetUnitContact(ctx context.Context, id int64, expected int, c db.UnitContact) (*db.Unit, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityUnit, id, expected, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `UPDATE units SET contact_name = ?, contact_phone = ?, version = version + 1 WHERE id = ?`, c.Name, c.Phone, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.UnitsByIDs)
}

// UnitIDsByName maps the names of existing units to their IDs.
func (s *Store) UnitIDsByName(ctx context.Context, names []string) (map[string]int64, error) {
	out := map[string]int64{}
	if len(names) == 0 {
		return out, nil
	}
	cond, args := inList(s.list, "name", names)
	rows, err := s.eng.Read().Query(ctx, `SELECT id, name FROM units WHERE `+cond, args...)
	if err != nil {
		return nil, err
	}
	type unit struct {
		id   int64
		name string
	}
	us, err := collect(rows, func(r Rows) (unit, error) { var u unit; return u, r.Scan(&u.id, &u.name) })
	for _, u := range us {
		out[u.name] = u.id
	}
	return out, err
}

// TakenUsernames returns which of the usernames exist already, in any letter case, lower-cased.
func (s *Store) TakenUsernames(ctx context.Context, usernames []string) (map[string]bool, error) {
	out := map[string]bool{}
	lower := make([]string, 0, len(usernames))
	for _, u := range usernames {
		lower = append(lower, strings.ToLower(u))
	}
	if len(lower) == 0 {
		return out, nil
	}
	cond, args := inList(s.list, "lower(username)", lower)
	rows, err := s.eng.Read().Query(ctx, `SELECT lower(username) FROM users WHERE `+cond, args...)
	if err != nil {
		return nil, err
	}
	names, err := collect(rows, func(r Rows) (string, error) { var n string; return n, r.Scan(&n) })
	for _, n := range names {
		out[n] = true
	}
	return out, err
}

// CreateReporters adds the accounts in one transaction, each audited like CreateUser's, and gives every unit
// without a contact the contact of its first account with a phone, audited as the unit's update. A username taken
// meanwhile is ECONFLICT, and nothing is written.
func (s *Store) CreateReporters(ctx context.Context, accounts []db.NewReporterAccount) (int, error) {
	var set int
	var taken string
	err := s.eng.WriteTx(ctx, func(tx *Tx) error {
		set = 0
		for _, a := range accounts {
			taken = a.User.Username
			if err := s.insertUser(ctx, tx, a.User); err != nil {
				return err
			}
		}
		taken = ""
		for _, a := range accounts {
			if a.Contact.Phone == "" {
				continue
			}
			id := a.User.UnitID
			before, err := s.snapshot(ctx, tx, db.EntityUnit, id)
			if err != nil {
				return err
			}
			n, err := tx.Exec(ctx, `UPDATE units SET contact_name = ?, contact_phone = ?, version = version + 1
				WHERE id = ? AND contact_name = '' AND contact_phone = ''`, a.Contact.Name, a.Contact.Phone, id)
			if err != nil {
				return err
			}
			if n == 0 {
				continue
			}
			set++
			after, err := s.snapshot(ctx, tx, db.EntityUnit, id)
			if err != nil {
				return err
			}
			if err := s.writeAudit(ctx, tx, db.ActionUpdate, db.EntityUnit, &id, before, after); err != nil {
				return err
			}
		}
		return nil
	})
	if db.ErrorCode(s.eng.ConstraintError(err)) == db.ECONFLICT && taken != "" {
		return 0, db.Errorf(db.ECONFLICT, "用户名 %q 已被使用", taken)
	}
	return set, err
}
