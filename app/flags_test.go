package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wenming/wenming/apitest"
	"github.com/wenming/wenming/app"
)

// envNames are the environment variables ParseFlags reads.
var envNames = []string{"WENMING_ADDR", "WENMING_DB", "WENMING_DEMO", "WENMING_CORS_ORIGINS", "WENMING_GRAPHIQL",
	"WENMING_INTROSPECTION", "WENMING_MAX_BODY_BYTES", "WENMING_MAX_COMPLEXITY", "WENMING_MAX_DEPTH", "WENMING_MAX_TOKENS", "WENMING_MAX_FIELDS",
	"WENMING_LOG_LEVEL", "WENMING_LOG_FORMAT"}

// clearEnv unsets every WENMING_ variable for the test, so that the developer's shell cannot leak in;
// t.Setenv restores them afterwards.
func clearEnv(t *testing.T) {
	for _, name := range envNames {
		t.Setenv(name, "")
		os.Unsetenv(name)
	}
}

func TestParseFlags(t *testing.T) {
	t.Run("Defaults", func(t *testing.T) {
		clearEnv(t)
		m := app.New()
		if err := m.ParseFlags(nil, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		c := m.Config
		if c.Addr != "127.0.0.1:8080" || c.DBPath != "wenming.db" || !c.Demo || !c.Introspection || c.CORSOrigins != nil ||
			c.MaxBodyBytes != 1<<20 || c.MaxComplexity <= 0 || c.MaxDepth <= 0 || c.MaxTokens <= 0 {
			t.Errorf("defaults %+v", c)
		}
	})

	t.Run("Env", func(t *testing.T) {
		clearEnv(t)
		t.Setenv("WENMING_ADDR", "0.0.0.0:9999")
		t.Setenv("WENMING_DB", "/var/lib/wenming/data.db")
		t.Setenv("WENMING_DEMO", "false")
		t.Setenv("WENMING_CORS_ORIGINS", " https://a.example , https://b.example,")
		t.Setenv("WENMING_INTROSPECTION", "0")
		t.Setenv("WENMING_MAX_BODY_BYTES", "2048")
		t.Setenv("WENMING_MAX_DEPTH", "7")
		t.Setenv("WENMING_LOG_FORMAT", "json")
		m := app.New()
		if err := m.ParseFlags(nil, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		c := m.Config
		if c.Addr != "0.0.0.0:9999" || c.DBPath != "/var/lib/wenming/data.db" || c.Demo || c.Introspection || c.MaxBodyBytes != 2048 || c.MaxDepth != 7 || c.LogFormat != "json" {
			t.Errorf("config from env %+v", c)
		}
		if cors(t, c.CORSOrigins) != `["https://a.example","https://b.example"]` {
			t.Errorf("CORS origins %q", c.CORSOrigins)
		}
	})

	t.Run("FlagsOverrideEnv", func(t *testing.T) {
		clearEnv(t)
		t.Setenv("WENMING_ADDR", "0.0.0.0:9999")
		t.Setenv("WENMING_DB", "env.db")
		t.Setenv("WENMING_DEMO", "false")
		t.Setenv("WENMING_CORS_ORIGINS", "https://env.example")
		m := app.New()
		err := m.ParseFlags([]string{"--addr", "127.0.0.1:7000", "-db=flag.db", "--demo", "--cors-origins", "https://flag.example", "--max-complexity", "42"}, &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		c := m.Config
		if c.Addr != "127.0.0.1:7000" || c.DBPath != "flag.db" || !c.Demo || c.MaxComplexity != 42 || cors(t, c.CORSOrigins) != `["https://flag.example"]` {
			t.Errorf("config %+v", c)
		}
	})

	t.Run("DemoSetOnlyWhenGiven", func(t *testing.T) {
		clearEnv(t)
		for _, tc := range []struct {
			args []string
			env  string
			want bool
		}{{nil, "", false}, {[]string{"--demo=false"}, "", true}, {nil, "true", true}} {
			if tc.env != "" {
				t.Setenv("WENMING_DEMO", tc.env)
			}
			m := app.New()
			if err := m.ParseFlags(tc.args, &bytes.Buffer{}); err != nil {
				t.Fatal(err)
			}
			if m.Config.DemoSet != tc.want {
				t.Errorf("args %v env %q: DemoSet = %v, want %v", tc.args, tc.env, m.Config.DemoSet, tc.want)
			}
		}
	})
	t.Run("Help", func(t *testing.T) {
		clearEnv(t)
		var out bytes.Buffer
		err := app.New().ParseFlags([]string{"--help"}, &out)
		if !errors.Is(err, flag.ErrHelp) {
			t.Fatalf("err = %v, want flag.ErrHelp", err)
		}
		for _, name := range []string{"addr", "db", "demo", "cors-origins", "graphiql", "introspection", "max-body-bytes",
			"max-complexity", "max-depth", "max-tokens", "max-fields", "log-level", "log-format"} {
			if !strings.Contains(out.String(), "-"+name+" ") && !strings.Contains(out.String(), "-"+name+"\n") {
				t.Errorf("help does not mention -%s", name)
			}
		}
		if !strings.Contains(out.String(), "WENMING_") {
			t.Error("help does not name the environment variables")
		}
	})

	for _, tc := range []struct {
		name string
		args []string
	}{
		{"UnknownFlag", []string{"--nope"}},
		{"BadLogLevel", []string{"--log-level", "loud"}},
		{"BadLogFormat", []string{"--log-format", "xml"}},
		{"PositionalArgument", []string{"extra"}},
		{"BadInt", []string{"--max-depth", "deep"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clearEnv(t)
			err := app.New().ParseFlags(tc.args, &bytes.Buffer{})
			if err == nil || errors.Is(err, flag.ErrHelp) {
				t.Errorf("err = %v", err)
			}
		})
	}

	// The parsed configuration boots a real server, as `wenming serve` does.
	t.Run("BootsFromFlags", func(t *testing.T) {
		clearEnv(t)
		m := app.New()
		db := filepath.Join(t.TempDir(), "flags.db")
		if err := m.ParseFlags([]string{"--addr", "127.0.0.1:0", "--db", db, "--demo=false", "--anonymous-read", "--log-level", "error"}, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		if err := m.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { m.Close() })
		ds := apitest.Query[struct{ Dataset struct{ HasDemo bool } }](t, m.URL(), `{ dataset { hasDemo } }`, nil).Dataset
		if ds.HasDemo {
			t.Error("--demo=false loaded demo records")
		}
	})
}

// cors writes the allowed origins as JSON, so that nil and empty read differently in a failure.
func cors(t *testing.T, origins []string) string {
	t.Helper()
	b, err := json.Marshal(origins)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
