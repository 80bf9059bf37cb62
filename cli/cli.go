// Package cli is the command line of 文明看板: serve, migrate, seed, demo, user, token, import, export and template,
// each with the same --db and the same account rules as the API.
package cli

import (
	"context"
	"fmt"
	"io"
)

// App is the command line with what only the binary knows: its version and how to serve.
type App struct {
	// Version is printed by `wenming version`.
	Version string
	// Serve runs the server with the serve flags until ctx ends.
	Serve func(ctx context.Context, args []string, stderr io.Writer) error
}

const usage = `wenming — 文明看板 Wenming Dashboard

Usage:
  wenming serve   [flags]   serve the API and dashboard (default command)
  wenming migrate [flags]   apply database migrations and exit
  wenming seed --scale N --db FILE
                            fill an empty database with the deterministic province-scale benchmark dataset
                            (5,000 units, 100,000 honours, 2,000,000 volunteer records … times N), flagged demo
  wenming user add|passwd|list --db FILE --name NAME [--role VIEWER|EDITOR|ADMIN|REPORTER --unit UNIT] [--password P]
                            manage accounts (a generated password is printed once)
  wenming user import FILE [--out SHEET.csv|.xlsx] [--sign-in URL] [--dry-run] --db FILE
                            create unit reporters from an XLSX or CSV (单位, 用户名, 姓名, 手机), all or none; their
                            one-time passwords go to the credentials sheet (mode 0600), never to the terminal
  wenming token create|revoke|list --db FILE [--user NAME --name WHAT --scope READ|WRITE --days N | --id N]
                            manage API tokens (the secret is printed once; only its hash is kept)
  wenming import FILE --kind KIND [--dry-run] --db FILE
                            import an XLSX or CSV file (units, people, honors, volunteer-records, assessments,
                            activities): every row is validated first, nothing is written unless all are valid
  wenming export --view VIEW --format xlsx|csv [--filter NAME=VALUE …] [--out FILE] --db FILE
                            export a table (honors, volunteer-records, units, people, figures, rankings)
  wenming template --kind KIND [--out FILE]
                            write the XLSX import template of a kind (or reporters), with its 说明 sheet
  wenming demo purge [--dry-run] --db FILE
                            remove every demo record at once, in one audited transaction (refused while real
                            records point at demo ones)
  wenming copy --from FILE.db --to postgres://…
                            move an office's SQLite database (records, audit log, users, tokens) onto an empty
                            PostgreSQL database, then verify row counts and every published figure's reconciliation
  wenming version           print the version

Run "wenming serve --help" for the flags; each also reads an environment variable.
`

// Run dispatches the subcommand (serve when none is given).
func (a App) Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return a.Serve(ctx, args, stderr)
	case "migrate":
		return migrateCommand(ctx, args, stdout, stderr)
	case "copy":
		return copyCommand(ctx, args, stdout, stderr)
	case "backup":
		return backupCommand(ctx, args, stdout, stderr)
	case "restore":
		return restoreCommand(ctx, args, stdout, stderr)
	case "import":
		return importCommand(ctx, args, stdout, stderr)
	case "export":
		return exportCommand(ctx, args, stdout, stderr)
	case "template":
		return templateCommand(ctx, args, stdout, stderr)
	case "seed":
		return seedScale(ctx, args, stdout, stderr)
	case "demo":
		return demoCommand(ctx, args, stdout, stderr)
	case "user":
		return userCommand(ctx, args, stdout, stderr)
	case "token":
		return tokenCommand(ctx, args, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "wenming", a.Version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}
