package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wenming/wenming/cli"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
)

// TestUserImport checks that `wenming user import` makes every row's reporter or none, and writes the one-time
// passwords to a credentials sheet only its owner can read, never to the terminal.
func TestUserImport(t *testing.T) {
	ctx := context.Background()
	path, ds := demoDB(t)
	dir := filepath.Dir(path)
	u0, u1 := ds.Units[0].Name, ds.Units[1].Name
	run := func(args ...string) (string, string, error) {
		var out, errOut bytes.Buffer
		err := cli.App{}.Run(ctx, append(args, "--db", path), &out, &errOut)
		return out.String(), errOut.String(), err
	}
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sheet := filepath.Join(dir, "credentials.csv")

	t.Run("ErrBadRowCreatesNothing", func(t *testing.T) {
		file := write("bad.csv", "Unit,Username,Name,Phone\n"+u0+",cli-one,甲,13900000000\n不存在的单位,cli-two,乙,13900000001\n")
		_, stderr, err := run("user", "import", file, "--out", sheet)
		if err == nil || !strings.Contains(stderr, "第 3 行“单位”：单位不存在") || !strings.Contains(stderr, "[UNIT_NOT_FOUND]") {
			t.Fatalf("err %v, stderr %q", err, stderr)
		}
		if _, err := os.Stat(sheet); !os.IsNotExist(err) {
			t.Errorf("a refused import left its sheet: %v", err)
		}
	})

	t.Run("CreatesAndWritesTheSheet", func(t *testing.T) {
		file := write("good.csv", "单位,用户名,姓名,手机\n"+u0+",cli-one,甲,13900000000\n"+u1+",cli-two,乙,13900000001\n")
		stdout, stderr, err := run("user", "import", file, "--out", sheet, "--sign-in", "https://wenming.example/login")
		if err != nil || !strings.Contains(stdout, "created 2 unit reporters") || !strings.Contains(stderr, "progress") {
			t.Fatalf("err %v, stdout %q, stderr %q", err, stdout, stderr)
		}
		info, err := os.Stat(sheet)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("sheet %v, err %v", info, err)
		}
		raw, _ := os.ReadFile(sheet)
		b, err := dial.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		for _, name := range []string{"cli-one", "cli-two"} {
			u, err := b.UserByUsername(ctx, name)
			if err != nil || u.Role != db.RoleReporter || !u.MustChangePassword {
				t.Fatalf("%s: %+v %v", name, u, err)
			}
			var password string
			for _, line := range strings.Split(string(raw), "\r\n") {
				if f := strings.Split(line, ","); len(f) > 4 && f[1] == name {
					password = f[3]
				}
			}
			if password == "" || strings.Contains(stdout+stderr, password) || !db.CheckPassword(u.PasswordHash, password) {
				t.Errorf("%s: the sheet's password %q does not open the account, or reached the terminal", name, password)
			}
		}
		// The sheet is never overwritten.
		if _, _, err := run("user", "import", file, "--out", sheet); err == nil {
			t.Error("an existing sheet was overwritten")
		}
	})
}
