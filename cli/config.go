// Configuration of the server: the ServerConfig struct, its flags and their environment variables.

package cli

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
)

// ServerConfig is every setting of `wenming serve`; each has a flag and an environment variable.
type ServerConfig struct {
	Addr   string
	DBPath string
	Demo   bool
	// DemoSet is true when --demo or WENMING_DEMO was given: PostgreSQL then follows it, and otherwise starts
	// without demo records, since a province's database must not fill with them unasked.
	DemoSet       bool
	Cache         bool
	AnonymousRead bool
	// ReportersReadAggregates opens the province-wide aggregates (the fields marked @aggregate) to unit reporters,
	// answered as anonymous callers are; off, they answer a reporter FORBIDDEN.
	ReportersReadAggregates bool
	SessionTTL              time.Duration
	// BcryptCost is the password hashing cost; tests lower it.
	BcryptCost int
	// Now is the clock of the reporting flow's dates (time.Now when nil); tests inject one, no flag sets it.
	Now         func() time.Time
	CORSOrigins []string
	// TrustedProxies are the load balancers' address ranges (CIDR) whose X-Forwarded-For is believed.
	TrustedProxies []netip.Prefix
	GraphiQL       bool
	Introspection  bool
	MaxBodyBytes   int64
	// MaxUploadBytes bounds a multipart upload to /graphql (importRecords); other requests keep MaxBodyBytes.
	MaxUploadBytes int64
	// MaxUnzippedBytes bounds what an uploaded XLSX may expand to, against zip bombs.
	MaxUnzippedBytes int64
	MaxComplexity    int
	MaxDepth         int
	MaxTokens        int
	// MaxFields bounds the fields of one operation, aliases and expanded fragments counted, before validation.
	MaxFields      int
	LogLevel       string
	LogFormat      string
	ShutdownPeriod time.Duration
	// StatementTimeout is each database statement's deadline on PostgreSQL (imports have a longer one of their own),
	// so that a hung primary holds no request for longer than this while the router fails over.
	StatementTimeout time.Duration
	// MetricsAddr is the separate listen address of Prometheus /metrics; empty keeps metrics off.
	MetricsAddr string
	// PublicHosts are the host names (ports ignored) requests may name in Host; empty means the address --addr
	// binds and localhost, or no check when it binds every interface (see AllowedHosts).
	PublicHosts []string
}

// AllowedHosts is the list of Host names the server answers, so that a DNS-rebinding page cannot read it through a
// name of its own: --public-host when set; else the address --addr binds and localhost; nil (no check) only when
// --addr binds every interface and no name is given.
func (c ServerConfig) AllowedHosts() []string {
	if len(c.PublicHosts) > 0 {
		return c.PublicHosts
	}
	host, _, err := net.SplitHostPort(c.Addr)
	if err != nil || BindsEveryInterface(host) {
		return nil
	}
	return []string{host, "localhost", "127.0.0.1", "::1"}
}

// BindsEveryInterface reports whether a listen host is the unspecified address (all interfaces).
func BindsEveryInterface(host string) bool {
	if host == "" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsUnspecified()
}

// DBEnv names the environment variable of --db, the one database setting every command shares.
const DBEnv = "WENMING_DB"

// DefaultDB is the database of a server or command started without --db.
const DefaultDB = "wenming.db"

// dbHelp explains --db the same way in every command.
const dbHelp = "database: a SQLite file path or sqlite:PATH (keep it on a local disk, not NFS/SMB), or a postgres://USER@HOST/DB URL for replicas sharing PostgreSQL (env " + DBEnv + ")"

// dbFlag defines --db on a command's flags: the one definition, with its environment variable.
func dbFlag(fs *flag.FlagSet) *string { return fs.String("db", env(DBEnv, DefaultDB), dbHelp) }

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

// NewServerConfig returns the server's defaults.
func NewServerConfig() ServerConfig {
	return ServerConfig{
		Addr: "127.0.0.1:8080", DBPath: DefaultDB, Demo: true, Cache: true, GraphiQL: true, Introspection: true,
		SessionTTL: 12 * time.Hour, BcryptCost: db.DefaultBcryptCost,
		MaxBodyBytes: 1 << 20, MaxUploadBytes: 256 << 20, MaxUnzippedBytes: importer.DefaultMaxUnzippedBytes, MaxComplexity: 5000, MaxDepth: 12, MaxTokens: 10000,
		MaxFields: 1000,
		LogLevel:  "info", LogFormat: "text", ShutdownPeriod: 10 * time.Second, StatementTimeout: 5 * time.Second,
	}
}

// ParseServeFlags reads the flags of `wenming serve` into c, over environment variables over c's values, and
// returns the logger they configure.
func ParseServeFlags(c *ServerConfig, args []string, out io.Writer) (*slog.Logger, error) {
	var bad envErrors
	envBool, envInt := bad.boolean, bad.integer
	fs := flag.NewFlagSet("wenming serve", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&c.Addr, "addr", env("WENMING_ADDR", c.Addr), "listen address HOST:PORT (env WENMING_ADDR)")
	fs.StringVar(&c.DBPath, "db", env(DBEnv, c.DBPath), dbHelp)
	fs.BoolVar(&c.Demo, "demo", envBool("WENMING_DEMO", c.Demo), "load the flagged demo dataset into an empty database (env WENMING_DEMO; default true on SQLite, false on PostgreSQL)")
	fs.BoolVar(&c.AnonymousRead, "anonymous-read", envBool("WENMING_ANONYMOUS_READ", c.AnonymousRead), "let anyone read without signing in, never write (env WENMING_ANONYMOUS_READ)")
	fs.BoolVar(&c.ReportersReadAggregates, "reporters-read-aggregates", envBool("WENMING_REPORTERS_READ_AGGREGATES", c.ReportersReadAggregates), "let unit reporters read the province-wide aggregates (overview, rankings, reconciliation, summary), as anonymous readers would (env WENMING_REPORTERS_READ_AGGREGATES)")
	fs.DurationVar(&c.SessionTTL, "session-ttl", bad.duration("WENMING_SESSION_TTL", c.SessionTTL), "how long a browser session lasts (env WENMING_SESSION_TTL)")
	fs.BoolVar(&c.Cache, "cache", envBool("WENMING_CACHE", c.Cache), "cache aggregate reads and repeated queries per data version (env WENMING_CACHE)")
	origins := fs.String("cors-origins", env("WENMING_CORS_ORIGINS", ""), "comma-separated origins allowed to call /graphql cross-site (env WENMING_CORS_ORIGINS); empty: same origin only")
	proxies := fs.String("trusted-proxies", env("WENMING_TRUSTED_PROXIES", ""), "comma-separated addresses or CIDR ranges of load balancers whose X-Forwarded-For names the client (env WENMING_TRUSTED_PROXIES)")
	fs.BoolVar(&c.GraphiQL, "graphiql", envBool("WENMING_GRAPHIQL", c.GraphiQL), "serve GraphiQL at /graphiql (env WENMING_GRAPHIQL)")
	fs.BoolVar(&c.Introspection, "introspection", envBool("WENMING_INTROSPECTION", c.Introspection), "allow schema introspection (env WENMING_INTROSPECTION)")
	body := fs.Int("max-body-bytes", envInt("WENMING_MAX_BODY_BYTES", int(c.MaxBodyBytes)), "largest request body accepted (env WENMING_MAX_BODY_BYTES)")
	upload := fs.Int("max-upload-bytes", envInt("WENMING_MAX_UPLOAD_BYTES", int(c.MaxUploadBytes)), "largest import file uploaded to /graphql (env WENMING_MAX_UPLOAD_BYTES)")
	unzipped := fs.Int("max-xlsx-unzipped-bytes", envInt("WENMING_MAX_XLSX_UNZIPPED_BYTES", int(c.MaxUnzippedBytes)), "largest size an uploaded XLSX may expand to; bigger or more than 100:1 compressed is refused as a zip bomb (env WENMING_MAX_XLSX_UNZIPPED_BYTES)")
	fs.IntVar(&c.MaxComplexity, "max-complexity", envInt("WENMING_MAX_COMPLEXITY", c.MaxComplexity), "query complexity limit; a connection costs first × its child cost (env WENMING_MAX_COMPLEXITY)")
	fs.IntVar(&c.MaxDepth, "max-depth", envInt("WENMING_MAX_DEPTH", c.MaxDepth), "query depth limit (env WENMING_MAX_DEPTH)")
	fs.IntVar(&c.MaxFields, "max-fields", envInt("WENMING_MAX_FIELDS", c.MaxFields), "fields per operation, aliases and expanded fragments counted (env WENMING_MAX_FIELDS)")
	fs.IntVar(&c.MaxTokens, "max-tokens", envInt("WENMING_MAX_TOKENS", c.MaxTokens), "parser token limit (env WENMING_MAX_TOKENS)")
	fs.StringVar(&c.LogLevel, "log-level", env("WENMING_LOG_LEVEL", c.LogLevel), "debug, info, warn or error (env WENMING_LOG_LEVEL)")
	fs.StringVar(&c.LogFormat, "log-format", env("WENMING_LOG_FORMAT", c.LogFormat), "text or json (env WENMING_LOG_FORMAT)")
	fs.DurationVar(&c.StatementTimeout, "statement-timeout", bad.duration("WENMING_STATEMENT_TIMEOUT", c.StatementTimeout), "PostgreSQL: each statement's deadline, so that a hung primary holds no request longer during a failover; imports have their own, longer one (env WENMING_STATEMENT_TIMEOUT)")
	fs.DurationVar(&c.ShutdownPeriod, "shutdown-period", bad.duration("WENMING_SHUTDOWN_PERIOD", c.ShutdownPeriod), "how long in-flight requests may finish on SIGINT/SIGTERM (env WENMING_SHUTDOWN_PERIOD)")
	hosts := fs.String("public-host", env("WENMING_PUBLIC_HOST", strings.Join(c.PublicHosts, ",")), "comma-separated host names clients reach the server by, such as wenming.example.gov.cn; any other Host is refused, /healthz and /readyz aside (env WENMING_PUBLIC_HOST); empty: the --addr host and localhost")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", env("WENMING_METRICS_ADDR", c.MetricsAddr), "serve Prometheus /metrics on this separate address, e.g. 127.0.0.1:9090, never on --addr (env WENMING_METRICS_ADDR); empty: off")
	if len(bad) > 0 {
		return nil, fmt.Errorf("environment: %s", strings.Join(bad, "; "))
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	_, c.DemoSet = os.LookupEnv("WENMING_DEMO")
	fs.Visit(func(f *flag.Flag) { c.DemoSet = c.DemoSet || f.Name == "demo" })
	if c.MetricsAddr != "" && c.MetricsAddr == c.Addr {
		return nil, fmt.Errorf("--metrics-addr must differ from --addr, so that metrics never reach the public port")
	}
	c.PublicHosts = nil
	for _, h := range strings.Split(*hosts, ",") {
		if h = strings.ToLower(strings.TrimSpace(h)); h != "" {
			if hh, _, err := net.SplitHostPort(h); err == nil {
				h = hh
			}
			c.PublicHosts = append(c.PublicHosts, strings.Trim(h, "[]"))
		}
	}
	if host, _, err := net.SplitHostPort(c.Addr); err == nil && BindsEveryInterface(host) && len(c.PublicHosts) == 0 && c.AnonymousRead {
		return nil, fmt.Errorf("--anonymous-read on every interface (%s) needs --public-host: name the hosts clients use, so that a page of another name cannot read the data through the browser (DNS rebinding)", c.Addr)
	}
	c.MaxBodyBytes = int64(*body)
	c.MaxUploadBytes = int64(*upload)
	c.MaxUnzippedBytes = int64(*unzipped)
	c.CORSOrigins = nil
	for _, o := range strings.Split(*origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			c.CORSOrigins = append(c.CORSOrigins, o)
		}
	}
	c.TrustedProxies = nil
	for _, p := range strings.Split(*proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !strings.Contains(p, "/") {
			if a, err := netip.ParseAddr(p); err == nil {
				p = netip.PrefixFrom(a, a.BitLen()).String()
			}
		}
		pfx, err := netip.ParsePrefix(p)
		if err != nil {
			return nil, fmt.Errorf("--trusted-proxies: %q is not an address or CIDR range", p)
		}
		c.TrustedProxies = append(c.TrustedProxies, pfx)
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return nil, fmt.Errorf("--log-level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.LogFormat {
	case "json":
		return slog.New(slog.NewJSONHandler(os.Stderr, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(os.Stderr, opts)), nil
	}
	return nil, fmt.Errorf("--log-format must be text or json")
}
