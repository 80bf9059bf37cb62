package cli_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wenming/wenming/cli"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
)

// TestTokenCLI checks that `wenming token create` follows the API's lifetimes (90 days unless --days, at most 365
// for a viewer's token) and that `token list --no-expiry` shows only the tokens an admin should review.
func TestTokenCLI(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "office.db")
	b, err := dial.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	admin := db.WithPrincipal(ctx, &db.Principal{Username: "cli", Role: db.RoleAdmin, Via: "cli"})
	u, _, err := db.Accounts{Store: b, BcryptCost: 4}.CreateUser(admin, "reporter", "password-123", db.RoleViewer, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.CreateToken(ctx, &db.APIToken{UserID: u.ID, Name: "legacy", Scope: db.ScopeRead, Hash: "legacy-hash"}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	run := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := cli.App{}.Run(ctx, append(args, "--db", path), &out, &errOut)
		return out.String() + errOut.String(), err
	}
	t.Run("NinetyDaysByDefault", func(t *testing.T) {
		out, err := run("token", "create", "--user", "reporter", "--name", "excel")
		want := time.Now().Add(90 * 24 * time.Hour).Local().Format("2006-01-02")
		if err != nil || !strings.Contains(out, "expires "+want) {
			t.Fatalf("out %q, err %v; want it to expire on %s", out, err, want)
		}
	})
	t.Run("ErrViewerPastAYear", func(t *testing.T) {
		if _, err := run("token", "create", "--user", "reporter", "--name", "excel", "--days", "400"); err == nil || !strings.Contains(err.Error(), "365") {
			t.Fatalf("err %v, want the 365-day bound", err)
		}
	})
	t.Run("ListNoExpiry", func(t *testing.T) {
		out, err := run("token", "list", "--no-expiry")
		if err != nil || !strings.Contains(out, "legacy") || strings.Contains(out, "excel") {
			t.Fatalf("out %q, err %v; want only the legacy token", out, err)
		}
	})
}
