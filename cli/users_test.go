package cli_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wenming/wenming/cli"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/seed"
)

// TestUserAddReporter checks that `wenming user add --role REPORTER` binds the account to the unit it names, prints
// a one-time password that must be changed, and refuses a reporter without a unit or a unit for another role.
func TestUserAddReporter(t *testing.T) {
	ctx := context.Background()
	path, ds := demoDB(t)
	unit := ds.Units[0]
	run := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := cli.App{}.Run(ctx, append(args, "--db", path), &out, &errOut)
		return out.String() + errOut.String(), err
	}
	t.Run("BoundToTheNamedUnit", func(t *testing.T) {
		out, err := run("user", "add", "--name", "tianbao", "--role", "reporter", "--unit", unit.Name)
		if err != nil || !strings.Contains(out, "created tianbao (REPORTER)") || !strings.Contains(out, "password: ") {
			t.Fatalf("out %q, err %v", out, err)
		}
		b, err := dial.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		u, err := b.UserByUsername(ctx, "tianbao")
		if err != nil || u.Role != db.RoleReporter || u.UnitID != unit.ID || !u.MustChangePassword {
			t.Fatalf("user %+v, err %v", u, err)
		}
	})
	t.Run("ErrWithoutAUnit", func(t *testing.T) {
		if _, err := run("user", "add", "--name", "nounit", "--role", "REPORTER"); err == nil || !strings.Contains(err.Error(), "--unit") {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("ErrUnknownUnit", func(t *testing.T) {
		if _, err := run("user", "add", "--name", "nounit", "--role", "REPORTER", "--unit", "不存在的单位"); err == nil || !strings.Contains(err.Error(), "单位不存在") {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("ErrUnitForAnotherRole", func(t *testing.T) {
		if _, err := run("user", "add", "--name", "clerk", "--role", "EDITOR", "--unit", unit.Name); err == nil {
			t.Fatal("an editor was bound to a unit")
		}
	})
}

// demoDB writes the demo dataset into a new SQLite file, for the commands that name units.
func demoDB(t *testing.T) (string, *db.Dataset) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "office.db")
	b, err := dial.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Load(ctx, ds); err != nil {
		t.Fatal(err)
	}
	return path, ds
}
