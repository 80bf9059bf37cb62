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
type LoginLimiter interface {
	// Admit charges one attempt to the address+username before the password is checked, and reports whether the
	// attempt may go ahead.
	Admit(ctx context.Context, ip, user string) bool
	// Failed charges a failed attempt to the client address as a whole.
	Failed(ctx context.Context, ip string)
	// Succeeded clears the address+username allowance after a correct password.
	Succeeded(ctx context.Context, ip, user string)
}

// MemoryLimiter is the LoginLimiter of a single process: token buckets per address and per address+username.
type MemoryLimiter struct {
	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

var _ LoginLimiter = (*MemoryLimiter)(nil)

// loginLimits bound failed logins: per client address and username, and per client address overall (an
// office behind one NAT address still gets room).
var loginLimits = map[string]struct {
	every time.Duration
	burst int
}{"user": {12 * time.Second, 5}, "ip": {2 * time.Second, 30}}

func (a *MemoryLimiter) limiter(kind, key string) *rate.Limiter {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.limiters == nil {
		a.limiters = map[string]*rate.Limiter{}
	}
	if len(a.limiters) > 10000 {
		// Forget only limiters that have refilled: they hold no memory of recent failures.
		for k, l := range a.limiters {
			kindOf, _, _ := strings.Cut(k, ":")
			if l.Tokens() >= float64(loginLimits[kindOf].burst) {
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
// guesses cannot all slip through while bcrypt runs; the address as a whole is charged only for failures
// (failed), so that an office behind one address can keep signing in.
func (a *MemoryLimiter) Admit(_ context.Context, ip, user string) bool {
	ipOK := a.limiter("ip", ip).Tokens() >= 1
	return a.limiter("user", ip+"|"+user).Allow() && ipOK
}

// Failed charges a failed attempt to the client address.
func (a *MemoryLimiter) Failed(_ context.Context, ip string) { a.limiter("ip", ip).Allow() }

// Succeeded clears the address+username allowance after a correct password, as a successful sign-in ends a
// run of failures.
func (a *MemoryLimiter) Succeeded(_ context.Context, ip, user string) {
	a.mu.Lock()
	delete(a.limiters, "user:"+ip+"|"+user)
	a.mu.Unlock()
}
