package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wenming/wenming/httpapi"
)

// TestLoginFlood is the review's first finding: refused sign-ins used to write a row each (a username of up to
// 4 KB, kept ten minutes), so that a flood grew the database without bound and slowed every sign-in. Now a name no
// account can have is refused before anything is stored, an attempt over the allowance is refused without a row,
// and a real admin signs in during the flood.
func TestLoginFlood(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	if _, res := Login(t, base, "admin", AdminPassword); res.StatusCode != http.StatusOK {
		t.Fatalf("admin sign-in before the flood: %d", res.StatusCode)
	}
	attempt := func(user string) int {
		b, _ := json.Marshal(map[string]string{"username": user, "password": "x"})
		res := Do(t, http.MethodPost, base+"/auth/login", bytes.NewReader(b), nil, "application/json")
		res.Body.Close()
		return res.StatusCode
	}
	flood := func(n int, user func(i int) string) map[int]int {
		var mu sync.Mutex
		statuses := map[int]int{}
		var wg sync.WaitGroup
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := w; i < n; i += 4 {
					s := attempt(user(i))
					mu.Lock()
					statuses[s]++
					mu.Unlock()
				}
			}(w)
		}
		wg.Wait()
		return statuses
	}
	size := func() int64 {
		if OnPostgres {
			return 0
		}
		var n int64
		for _, suffix := range []string{"", "-wal"} {
			if fi, err := os.Stat(m.Config.DBPath + suffix); err == nil {
				n += fi.Size()
			}
		}
		return n
	}
	ctx := context.Background()
	long := strings.Repeat("a", 4000)
	before := size()

	t.Run("LongUsernamesStoreNothing", func(t *testing.T) {
		got := flood(3000, func(int) string { return long })
		if got[http.StatusUnauthorized] != 3000 {
			t.Fatalf("statuses %v, want 3000 × 401", got)
		}
		for _, key := range []string{"user:127.0.0.1|" + long, "ip:127.0.0.1"} {
			if n, err := m.Backend.CountLoginAttempts(ctx, key, time.Now().Add(-time.Hour)); err != nil || n != 0 {
				t.Errorf("%.30s…: %d attempts stored (%v)", key, n, err)
			}
		}
	})

	t.Run("RefusedAttemptsStoreNothing", func(t *testing.T) {
		got := flood(3000, func(int) string { return "flooded" })
		t.Logf("3000 attempts at one username: %v", got)
		if got[http.StatusTooManyRequests] < 2900 {
			t.Fatalf("statuses %v: the flood was not refused", got)
		}
		n, err := m.Backend.CountLoginAttempts(ctx, "user:127.0.0.1|flooded", time.Now().Add(-time.Hour))
		if err != nil || n > httpapi.LoginUserAttempts+4 {
			t.Errorf("%d attempts stored for one username (at most %d + the 4 in flight), %v", n, httpapi.LoginUserAttempts, err)
		}
	})

	t.Run("ManyUsernamesAreBoundedByTheAddress", func(t *testing.T) {
		got := flood(3000, func(i int) string {
			return "u" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strings.Repeat("y", i%50)
		})
		t.Logf("3000 attempts over many usernames: %v", got)
		n, err := m.Backend.CountLoginAttempts(ctx, "ip:127.0.0.1", time.Now().Add(-time.Hour))
		if err != nil || n > httpapi.LoginAddressFailures+4 {
			t.Errorf("%d failures stored for the address, %v", n, err)
		}
	})

	t.Run("TheDatabaseStaysSmallAndAdminsSignIn", func(t *testing.T) {
		if !OnPostgres {
			grew := size() - before
			t.Logf("database and WAL grew by %d KB over 9000 refused attempts", grew/1024)
			if grew > 4<<20 {
				t.Errorf("the database grew by %d bytes", grew)
			}
		}
		start := time.Now()
		if _, res := Login(t, base, "admin", AdminPassword); res.StatusCode != http.StatusOK {
			t.Fatalf("admin sign-in after the flood: %d", res.StatusCode)
		}
		t.Logf("admin signed in %v after the flood", time.Since(start))
	})
}
