package httpapi

import (
	"context"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// LoginLimiter counts sign-in attempts, so that guessing passwords stays slow. One process keeps them in memory;
// replicas behind a load balancer need one shared through the database, or each would grant its own allowance.
//
// Attempts are charged per address+username, so that guesses at one account stay slow. Failures are also counted
// per address, to slow a spray over many usernames; that count never refuses a username that signed in correctly
// from the address within LoginKnownFor, so that a spray from behind an office's NAT or a reverse proxy does not lock
// its regular users out.
type LoginLimiter interface {
	// Admit charges one attempt to the address+username before the password is checked, and reports whether the
	// attempt may go ahead.
	Admit(ctx context.Context, ip, user string) bool
	// Failed charges a failed attempt to the client address as a whole.
	Failed(ctx context.Context, ip string)
	// Succeeded clears the address+username allowance after a correct password, and remembers the username as
	// known at the address.
	Succeeded(ctx context.Context, ip, user string)
}

// LoginKnownFor is how long a correct sign-in exempts that username at that address from the address's failure
// count.
const LoginKnownFor = 30 * 24 * time.Hour

// MemoryLimiter is the LoginLimiter of a single process: token buckets per address and per address+username.
type MemoryLimiter struct {
	mu       sync.Mutex
	limiters map[string]*rate.Limiter
	// known holds when each address+username last signed in correctly.
	known map[string]time.Time
	// Now is the clock; time.Now when nil (tests move it).
	Now func() time.Time
}

var _ LoginLimiter = (*MemoryLimiter)(nil)

// loginLimits bound login attempts: 5 a minute per client address and username, and 100 failures a minute per
// client address overall (the same allowances as the shared limiter's LoginUserAttempts and LoginAddressFailures).
var loginLimits = map[string]struct {
	every time.Duration
	burst int
}{"user": {LoginWindow / LoginUserAttempts, LoginUserAttempts}, "ip": {LoginWindow / LoginAddressFailures, LoginAddressFailures}}

// maxKnown bounds the remembered sign-ins of one process.
const maxKnown = 100000

func (a *MemoryLimiter) now() time.Time {
	if a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

func (a *MemoryLimiter) limiter(kind, key string) *rate.Limiter {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.limiters == nil {
		a.limiters = map[string]*rate.Limiter{}
	}
	now := a.now()
	if len(a.limiters) > 10000 {
		// Forget only limiters that have refilled: they hold no memory of recent failures.
		for k, l := range a.limiters {
			kindOf, _, _ := strings.Cut(k, ":")
			if l.TokensAt(now) >= float64(loginLimits[kindOf].burst) {
				delete(a.limiters, k)
			}
		}
	}
	l, ok := a.limiters[kind+":"+key]
	if !ok {
		lim := loginLimits[kind]
		l = rate.NewLimiter(rate.Every(lim.every), lim.burst)
		a.limiters[kind+":"+key] = l
	}
	return l
}

// Admit charges one login attempt to the address+username before the password is checked, so that parallel
// guesses cannot all slip through while bcrypt runs. The address's failures refuse only usernames not known there.
func (a *MemoryLimiter) Admit(_ context.Context, ip, user string) bool {
	now := a.now()
	ip, user = attemptKey(ip), attemptKey(user)
	if !a.limiter("user", ip+"|"+user).AllowN(now, 1) {
		return false
	}
	a.mu.Lock()
	at, known := a.known[ip+"|"+user]
	a.mu.Unlock()
	if known && now.Sub(at) < LoginKnownFor {
		return true
	}
	return a.limiter("ip", ip).TokensAt(now) >= 1
}

// Failed charges a failed attempt to the client address.
func (a *MemoryLimiter) Failed(_ context.Context, ip string) {
	a.limiter("ip", attemptKey(ip)).AllowN(a.now(), 1)
}

// Succeeded clears the address+username allowance after a correct password, as a successful sign-in ends a
// run of failures, and remembers the username as known at the address.
func (a *MemoryLimiter) Succeeded(_ context.Context, ip, user string) {
	now := a.now()
	ip, user = attemptKey(ip), attemptKey(user)
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.limiters, "user:"+ip+"|"+user)
	if a.known == nil {
		a.known = map[string]time.Time{}
	}
	if len(a.known) >= maxKnown {
		for k, at := range a.known {
			if now.Sub(at) >= LoginKnownFor || len(a.known) >= maxKnown {
				delete(a.known, k)
			}
		}
	}
	a.known[ip+"|"+user] = now
}
