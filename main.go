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

	"github.com/wenming/wenming/cli"
)

// Version is set at build time with -ldflags "-X main.Version=…".
var Version = "dev"

// defaultMemoryLimit is the soft limit of Go's memory when GOMEMLIMIT is unset. The server is meant to stay within
// 200 MB of RSS at province scale, and that budget is a sum: about 25 MB of the binary's pages, up to 40 MB of
// SQLite page caches (five connections × cache_size 8 MB, outside Go's heap), and this limit. The live heap under
// the soak is 25–40 MB, so the collector rarely meets it.
const defaultMemoryLimit = 128 << 20

// defaultGCPercent is the collector's GOGC when unset: it lets the heap grow to three times the live heap between
// collections instead of twice. With the live heap at 25–40 MB that is 75–120 MB, and defaultMemoryLimit caps it
// where the live heap is larger. Every request allocates (net/http alone parses a request into a few kilobytes), and
// at GOGC 100 the collector took about a tenth of a cached answer's CPU; at 200 it takes half as much.
const defaultGCPercent = 200

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
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

// run is the command line with this binary's server; it is separate from main so that tests can call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return cli.App{Version: Version, Serve: serve}.Run(ctx, args, stdout, stderr)
}
