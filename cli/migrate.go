package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
)

// migrateCommand implements `wenming migrate --db FILE`: it applies pending migrations (opening does) and lists
// every applied one.
func migrateCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wenming migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	b, err := openForCLI(ctx, fs, args)
	if err != nil {
		return err
	}
	defer b.Close()
	names, err := b.AppliedMigrations(ctx)
	if err != nil {
		return err
	}
	for _, n := range names {
		fmt.Fprintln(stdout, "applied", n)
	}
	return nil
}
