package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
)

// openForCLI opens the database named by --db or WENMING_DB for a management command.
func openForCLI(ctx context.Context, fs *flag.FlagSet, args []string) (db.Backend, error) {
	path := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	return dial.Open(ctx, *path)
}

// unitByName finds a unit's ID by its exact name, for the flags that name a unit.
func unitByName(ctx context.Context, d db.Backend, name string) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, db.FieldErrorf("unit", "请用 --unit 指定单位名称")
	}
	cat, err := d.ImportCatalog(ctx)
	if err != nil {
		return 0, err
	}
	for _, u := range cat.Units {
		if u.Name == name {
			return u.ID, nil
		}
	}
	return 0, db.FieldErrorf("unit", "单位不存在：%s", name)
}

// userCommand implements `wenming user add|passwd|import|list`.
func userCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: wenming user add|passwd|import|list [flags]")
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("wenming user "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	switch sub {
	case "add", "passwd":
		name := fs.String("name", "", "username")
		role := fs.String("role", "VIEWER", "VIEWER, EDITOR, ADMIN or REPORTER (add only)")
		unit := fs.String("unit", "", "the unit a REPORTER reports for, by its name (add only)")
		display := fs.String("display-name", "", "display name (add only)")
		password := fs.String("password", os.Getenv("WENMING_PASSWORD"), "password (env WENMING_PASSWORD); generated and printed when empty")
		d, err := openForCLI(ctx, fs, args)
		if err != nil {
			return err
		}
		defer d.Close()
		if *name == "" {
			return db.FieldErrorf("name", "请用 --name 指定用户名")
		}
		accounts := db.Accounts{Store: d}
		var generated string
		if sub == "add" {
			var u *db.User
			if r := db.Role(strings.ToUpper(*role)); r == db.RoleReporter {
				unitID, err := unitByName(ctx, d, *unit)
				if err != nil {
					return cliError(err)
				}
				u, generated, err = accounts.CreateReporter(cliPrincipal(ctx), *name, *display, unitID, *password)
				if err != nil {
					return cliError(err)
				}
			} else if *unit != "" {
				return cliError(db.FieldErrorf("unit", "只有单位填报员（--role REPORTER）绑定单位"))
			} else if u, generated, err = accounts.CreateUser(cliPrincipal(ctx), *name, *password, r, *display); err != nil {
				return cliError(err)
			}
			fmt.Fprintf(stdout, "created %s (%s)\n", u.Username, u.Role)
		} else {
			u, err := d.UserByUsername(ctx, *name)
			if err != nil {
				return cliError(err)
			}
			if generated, err = accounts.SetPassword(cliPrincipal(ctx), u.ID, *password, nil); err != nil {
				return cliError(err)
			}
			fmt.Fprintf(stdout, "password of %s changed; their sessions ended\n", *name)
		}
		if generated != "" {
			fmt.Fprintf(stdout, "password: %s\n(shown only this once)\n", generated)
		}
		return nil
	case "import":
		return userImport(ctx, fs, args, stdout, stderr)
	case "list":
		d, err := openForCLI(ctx, fs, args)
		if err != nil {
			return err
		}
		defer d.Close()
		us, err := d.Users(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tUSERNAME\tROLE\tDISABLED\tCREATED")
		for _, u := range us {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%v\t%s\n", u.ID, u.Username, u.Role, u.Disabled, u.CreatedAt.Format(time.DateOnly))
		}
		return tw.Flush()
	}
	return fmt.Errorf("unknown subcommand user %q", sub)
}

// tokenCommand implements `wenming token create|revoke|list`.
func tokenCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: wenming token create|revoke|list [flags]")
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("wenming token "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	switch sub {
	case "create":
		user := fs.String("user", "", "owner's username")
		name := fs.String("name", "", "what the token is for, e.g. excel-report")
		scope := fs.String("scope", "READ", "READ or WRITE")
		days := fs.Int("days", 0, fmt.Sprintf("expire after this many days (0: the default %d; at most %d, or %d for an admin's token)", db.DefaultTokenDays, db.MaxTokenDaysNonAdmin, db.MaxTokenDays))
		d, err := openForCLI(ctx, fs, args)
		if err != nil {
			return err
		}
		defer d.Close()
		u, err := d.UserByUsername(ctx, *user)
		if err != nil {
			return err
		}
		var expires *int
		if *days != 0 {
			expires = days
		}
		t, secret, err := db.Accounts{Store: d}.IssueToken(cliPrincipal(ctx), u.ID, *name, db.TokenScope(strings.ToUpper(*scope)), expires)
		if err != nil {
			return cliError(err)
		}
		sc := t.Scope
		fmt.Fprintf(stdout, "token %d created for %s (%s), expires %s\n%s\n(shown only this once; send it as: Authorization: Bearer <token>)\n", t.ID, u.Username, sc, day(t.ExpiresAt), secret)
		return nil
	case "revoke":
		id := fs.Int64("id", 0, "token ID (see wenming token list)")
		d, err := openForCLI(ctx, fs, args)
		if err != nil {
			return err
		}
		defer d.Close()
		if err := d.RevokeToken(ctx, *id, time.Now()); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "token %d revoked\n", *id)
		return nil
	case "list":
		noExpiry := fs.Bool("no-expiry", false, "only unrevoked tokens that never expire (made before tokens had to), for review")
		d, err := openForCLI(ctx, fs, args)
		if err != nil {
			return err
		}
		defer d.Close()
		ts, err := d.Tokens(ctx, 0)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tUSER\tNAME\tSCOPE\tEXPIRES\tLAST USED\tREVOKED")
		for _, t := range ts {
			if *noExpiry && (t.ExpiresAt != nil || t.RevokedAt != nil) {
				continue
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, strconv.FormatInt(t.UserID, 10), t.Name, t.Scope, day(t.ExpiresAt), day(t.LastUsedAt), day(t.RevokedAt))
		}
		return tw.Flush()
	}
	return fmt.Errorf("unknown subcommand token %q", sub)
}

func day(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}
