//go:generate go tool gqlgen generate --config gqlgen.yml

// Command wenming serves 文明看板: the GraphQL API and the embedded dashboard of the provincial-direct
// civilisation work, on an embedded SQLite database.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// Version is set at build time with -ldflags "-X main.Version=…".
var Version = "dev"

// defaultMemoryLimit is the soft heap limit when GOMEMLIMIT is unset: the server is meant to stay within
// 200 MB of RSS at province scale, and a limit makes the collector work harder before it grows past that.
const defaultMemoryLimit = 150 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "wenming:", err)
		}
		os.Exit(1)
	}
}

const usage = `wenming — 文明看板 Wenming Dashboard

Usage:
  wenming serve   [flags]   serve the API and dashboard (default command)
  wenming migrate [flags]   apply database migrations and exit
  wenming seed --scale N --db FILE
                            fill an empty database with the deterministic province-scale benchmark dataset
                            (5,000 units, 100,000 honours, 2,000,000 volunteer records … times N), flagged demo
  wenming user add|passwd|list --db FILE --name NAME [--role VIEWER|EDITOR|ADMIN] [--password P]
                            manage accounts (a generated password is printed once)
  wenming token create|revoke|list --db FILE [--user NAME --name WHAT --scope READ|WRITE --days N | --id N]
                            manage API tokens (the secret is printed once; only its hash is kept)
  wenming import FILE --kind KIND [--dry-run] --db FILE
                            import an XLSX or CSV file (units, people, honors, volunteer-records, assessments,
                            activities): every row is validated first, nothing is written unless all are valid
  wenming export --view VIEW --format xlsx|csv [--filter NAME=VALUE …] [--out FILE] --db FILE
                            export a table (honors, volunteer-records, units, people, figures, rankings)
  wenming template --kind KIND [--out FILE]
                            write the XLSX import template of a kind, with its 说明 sheet
  wenming demo purge [--dry-run] --db FILE
                            remove every demo record at once, in one audited transaction (refused while real
                            records point at demo ones)
  wenming version           print the version

Run "wenming serve --help" for the flags; each also reads an environment variable.
`

// run dispatches the subcommand; it is separate from main so that tests can call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		m := NewMain()
		if err := m.ParseFlags(args, stderr); err != nil {
			return err
		}
		if err := m.Run(ctx); err != nil {
			m.Close()
			return err
		}
		<-ctx.Done()
		return m.Close()
	case "migrate":
		m := NewMain()
		if err := m.ParseFlags(args, stderr); err != nil {
			return err
		}
		return m.Migrate(ctx, stdout)
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
		fmt.Fprintln(stdout, "wenming", Version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}
