package apitest

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/wenming/wenming/cli"
)

// TestPublicHost is the review's seventh finding: with --anonymous-read, a request naming any Host (a DNS-rebinding
// page's own name) got data and exports. The server now answers only its names; health checks pass whatever they
// send, and reading on every interface without a name is refused at start-up.
func TestPublicHost(t *testing.T) {
	get := func(base, path, host string) int {
		req, _ := http.NewRequest(http.MethodGet, base+path, nil)
		if host != "" {
			req.Host = host
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode
	}
	q := "/graphql?query=" + url.QueryEscape("{ dataset { version } }")

	t.Run("TheBoundAddressAndLocalhost", func(t *testing.T) {
		m := SharedMain(t)
		port := m.URL()[strings.LastIndex(m.URL(), ":"):]
		for host, want := range map[string]int{"": 200, "localhost" + port: 200, "attacker.example" + port: 421, "attacker.example": 421} {
			if got := get(m.URL(), q, host); got != want {
				t.Errorf("Host %q: %d, want %d", host, got, want)
			}
		}
		if got := get(m.URL(), "/export/honors.csv", "attacker.example"); got != 421 {
			t.Errorf("export with a foreign Host: %d", got)
		}
		for _, p := range []string{"/healthz", "/readyz"} {
			if got := get(m.URL(), p, "attacker.example"); got != 200 {
				t.Errorf("%s with a foreign Host: %d", p, got)
			}
		}
	})

	t.Run("NamedPublicHosts", func(t *testing.T) {
		m := MustRunMain(t, func(c *MainConfig) { c.PublicHosts = []string{"wenming.example.gov.cn"} })
		if got := get(m.URL(), q, "wenming.example.gov.cn:443"); got != 200 {
			t.Errorf("the public name: %d", got)
		}
		if got := get(m.URL(), q, ""); got != 421 {
			t.Errorf("the bare address when a public name is set: %d", got)
		}
	})

	t.Run("EveryInterfaceNeedsANameToReadAnonymously", func(t *testing.T) {
		c := cli.NewServerConfig()
		_, err := cli.ParseServeFlags(&c, []string{"--addr", "0.0.0.0:0", "--anonymous-read"}, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "--public-host") {
			t.Fatalf("anonymous reads on every interface without --public-host: %v", err)
		}
		c = cli.NewServerConfig()
		if _, err := cli.ParseServeFlags(&c, []string{"--addr", "0.0.0.0:0", "--anonymous-read", "--public-host", "Wenming.Example:8080"}, io.Discard); err != nil {
			t.Fatal(err)
		}
		if got := c.AllowedHosts(); len(got) != 1 || got[0] != "wenming.example" {
			t.Errorf("allowed hosts %v", got)
		}
	})
}

// TestWebSocketOrigin checks the origin of a WebSocket upgrade whole, scheme and port included: the server's own
// origin passes, the same host over another scheme does not.
func TestWebSocketOrigin(t *testing.T) {
	m := SharedMain(t)
	upgrade := func(origin string) int {
		req, _ := http.NewRequest(http.MethodGet, m.URL()+"/graphql", nil)
		for k, v := range map[string]string{"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
			"Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Protocol": "graphql-transport-ws", "Origin": origin} {
			req.Header.Set(k, v)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	own := m.URL()
	for origin, want := range map[string]int{
		own: http.StatusSwitchingProtocols,
		strings.Replace(own, "http://", "https://", 1): http.StatusForbidden,
		"http://attacker.example":                      http.StatusForbidden,
	} {
		if got := upgrade(origin); got != want {
			t.Errorf("Origin %s: %d, want %d", origin, got, want)
		}
	}
}

// TestRevalidation is the review's fourth finding: a private GET answer (users) was revalidated with 304 after the
// data changed, and If-None-Match: * got 304 for any GET query.
func TestRevalidation(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	getAs := func(q string, h http.Header) *http.Response {
		res := Do(t, http.MethodGet, base+"/graphql?query="+url.QueryEscape(q), nil, h, "")
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res
	}
	t.Run("PrivateAnswersCarryNoTag", func(t *testing.T) {
		res := getAs(`{ users { username role disabled } }`, admin)
		if res.StatusCode != 200 || res.Header.Get("ETag") != "" {
			t.Fatalf("private answer: status %d ETag %q", res.StatusCode, res.Header.Get("ETag"))
		}
		h := admin.Clone()
		h.Set("If-None-Match", "*")
		if res := getAs(`{ users { username role disabled } }`, h); res.StatusCode != 200 {
			t.Errorf("If-None-Match: * on a private answer: %d", res.StatusCode)
		}
	})
	t.Run("StarNeverMatches", func(t *testing.T) {
		h := admin.Clone()
		h.Set("If-None-Match", "*")
		if res := getAs(`{ dataset { version } }`, h); res.StatusCode != 200 {
			t.Errorf("If-None-Match: * on a query never answered: %d", res.StatusCode)
		}
	})
	t.Run("PublicAnswersRevalidate", func(t *testing.T) {
		res := getAs(`{ units(first: 1) { totalCount } }`, admin)
		tag := res.Header.Get("ETag")
		if tag == "" {
			t.Fatal("a shareable answer has no ETag")
		}
		h := admin.Clone()
		h.Set("If-None-Match", tag)
		if res := getAs(`{ units(first: 1) { totalCount } }`, h); res.StatusCode != http.StatusNotModified {
			t.Errorf("revalidating an unchanged answer: %d", res.StatusCode)
		}
	})
}
