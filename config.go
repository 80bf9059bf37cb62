// Configuration of the server: the Config struct, its flags and their environment variables.

package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of the server; each has a flag and an environment variable.
type Config struct {
	Addr          string
	DBPath        string
	Demo          bool
	Cache         bool
	AnonymousRead bool
	SessionTTL    time.Duration
	// BcryptCost is the password hashing cost; tests lower it.
	BcryptCost    int
	CORSOrigins   []string
	GraphiQL      bool
	Introspection bool
	MaxBodyBytes  int64
	// MaxUploadBytes bounds a multipart upload to /graphql (importRecords); other requests keep MaxBodyBytes.
	MaxUploadBytes int64
	MaxComplexity  int
	MaxDepth       int
	MaxTokens      int
	LogLevel       string
	LogFormat      string
	ShutdownPeriod time.Duration
}

// env returns the environment variable's value, or def when unset.
func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

// envErrors collects environment variables that could not be parsed, so that a typo such as WENMING_DEMO=flase
// stops the server instead of silently taking the default.
type envErrors []string

func (e *envErrors) boolean(name string, def bool) bool {
	if v, ok := os.LookupEnv(name); ok {
		b, err := strconv.ParseBool(v)
		if err != nil {
			*e = append(*e, fmt.Sprintf("%s=%q is not a boolean", name, v))
			return def
		}
		return b
	}
	return def
}

func (e *envErrors) integer(name string, def int) int {
	if v, ok := os.LookupEnv(name); ok {
		n, err := strconv.Atoi(v)
		if err != nil {
			*e = append(*e, fmt.Sprintf("%s=%q is not an integer", name, v))
			return def
		}
		return n
	}
	return def
}

func (e *envErrors) duration(name string, def time.Duration) time.Duration {
	if v, ok := os.LookupEnv(name); ok {
		d, err := time.ParseDuration(v)
		if err != nil {
			*e = append(*e, fmt.Sprintf("%s=%q is not a duration", name, v))
			return def
		}
		return d
	}
	return def
}

// ParseFlags reads flags over environment variables over defaults.
func (m *Main) ParseFlags(args []string, out io.Writer) error {
	c := &m.Config
	var bad envErrors
	envBool, envInt := bad.boolean, bad.integer
	fs := flag.NewFlagSet("wenming serve", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&c.Addr, "addr", env("WENMING_ADDR", c.Addr), "listen address HOST:PORT (env WENMING_ADDR)")
	fs.StringVar(&c.DBPath, "db", env("WENMING_DB", c.DBPath), "SQLite database file (env WENMING_DB); WAL mode: keep it on a local disk, not NFS/SMB")
	fs.BoolVar(&c.Demo, "demo", envBool("WENMING_DEMO", c.Demo), "load the flagged demo dataset into an empty database (env WENMING_DEMO)")
	fs.BoolVar(&c.AnonymousRead, "anonymous-read", envBool("WENMING_ANONYMOUS_READ", c.AnonymousRead), "let anyone read without signing in, never write (env WENMING_ANONYMOUS_READ)")
	fs.DurationVar(&c.SessionTTL, "session-ttl", bad.duration("WENMING_SESSION_TTL", c.SessionTTL), "how long a browser session lasts (env WENMING_SESSION_TTL)")
	fs.BoolVar(&c.Cache, "cache", envBool("WENMING_CACHE", c.Cache), "cache aggregate reads and repeated queries per data version (env WENMING_CACHE)")
	origins := fs.String("cors-origins", env("WENMING_CORS_ORIGINS", ""), "comma-separated origins allowed to call /graphql cross-site (env WENMING_CORS_ORIGINS); empty: same origin only")
	fs.BoolVar(&c.GraphiQL, "graphiql", envBool("WENMING_GRAPHIQL", c.GraphiQL), "serve GraphiQL at /graphiql (env WENMING_GRAPHIQL)")
	fs.BoolVar(&c.Introspection, "introspection", envBool("WENMING_INTROSPECTION", c.Introspection), "allow schema introspection (env WENMING_INTROSPECTION)")
	body := fs.Int("max-body-bytes", envInt("WENMING_MAX_BODY_BYTES", int(c.MaxBodyBytes)), "largest request body accepted (env WENMING_MAX_BODY_BYTES)")
	upload := fs.Int("max-upload-bytes", envInt("WENMING_MAX_UPLOAD_BYTES", int(c.MaxUploadBytes)), "largest import file uploaded to /graphql (env WENMING_MAX_UPLOAD_BYTES)")
	fs.IntVar(&c.MaxComplexity, "max-complexity", envInt("WENMING_MAX_COMPLEXITY", c.MaxComplexity), "query complexity limit; a connection costs first × its child cost (env WENMING_MAX_COMPLEXITY)")
	fs.IntVar(&c.MaxDepth, "max-depth", envInt("WENMING_MAX_DEPTH", c.MaxDepth), "query depth limit (env WENMING_MAX_DEPTH)")
	fs.IntVar(&c.MaxTokens, "max-tokens", envInt("WENMING_MAX_TOKENS", c.MaxTokens), "parser token limit (env WENMING_MAX_TOKENS)")
	fs.StringVar(&c.LogLevel, "log-level", env("WENMING_LOG_LEVEL", c.LogLevel), "debug, info, warn or error (env WENMING_LOG_LEVEL)")
	fs.StringVar(&c.LogFormat, "log-format", env("WENMING_LOG_FORMAT", c.LogFormat), "text or json (env WENMING_LOG_FORMAT)")
	fs.DurationVar(&c.ShutdownPeriod, "shutdown-period", bad.duration("WENMING_SHUTDOWN_PERIOD", c.ShutdownPeriod), "how long in-flight requests may finish on SIGINT/SIGTERM (env WENMING_SHUTDOWN_PERIOD)")
	if len(bad) > 0 {
		return fmt.Errorf("environment: %s", strings.Join(bad, "; "))
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	c.MaxBodyBytes = int64(*body)
	c.MaxUploadBytes = int64(*upload)
	c.CORSOrigins = nil
	for _, o := range strings.Split(*origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			c.CORSOrigins = append(c.CORSOrigins, o)
		}
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return fmt.Errorf("--log-level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.LogFormat {
	case "json":
		m.Log = slog.New(slog.NewJSONHandler(os.Stderr, opts))
	case "text":
		m.Log = slog.New(slog.NewTextHandler(os.Stderr, opts))
	default:
		return fmt.Errorf("--log-format must be text or json")
	}
	return nil
}
