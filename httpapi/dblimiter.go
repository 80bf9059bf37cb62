package httpapi

import (
	"context"
	"time"

	"github.com/wenming/wenming/db"
)

// DBLimiter is the LoginLimiter of servers that share a database: attempts are rows, so that three replicas behind
// a load balancer grant together what one grants alone. Within LoginWindow an address+username may try
// LoginUserAttempts times, and an address may fail LoginAddressFailures times before usernames not known there
// (see LoginLimiter) are refused.
type DBLimiter struct {
	Store db.LoginAttempts
	// Now is the clock; time.Now when nil (tests move it).
	Now func() time.Time
}

// The login allowances, the same for the shared and the in-memory limiter. The address's allowance is high enough
// for an office behind one address, and still slows a spray to 100 guesses a minute per address.
const (
	LoginWindow          = time.Minute
	LoginUserAttempts    = 5
	LoginAddressFailures = 100
)

var _ LoginLimiter = (*DBLimiter)(nil)

func (l *DBLimiter) now() time.Time {
	if l.Now != nil {
		return l.Now()
	}
	return time.Now()
}

// Admit records the attempt first and then counts, so that parallel guesses on several servers all see each other.
// A database error refuses the attempt rather than letting guesses through unlimited.
func (l *DBLimiter) Admit(ctx context.Context, ip, user string) bool {
	now := l.now()
	key := "user:" + ip + "|" + user
	if err := l.Store.AddLoginAttempt(ctx, key, now, 10*LoginWindow); err != nil {
		return false
	}
	n, err := l.Store.CountLoginAttempts(ctx, key, now.Add(-LoginWindow))
	if err != nil || n > LoginUserAttempts {
		return false
	}
	known, err := l.Store.CountLoginAttempts(ctx, "known:"+ip+"|"+user, now.Add(-LoginKnownFor))
	if err != nil {
		return false
	}
	if known > 0 {
		return true
	}
	failures, err := l.Store.CountLoginAttempts(ctx, "ip:"+ip, now.Add(-LoginWindow))
	return err == nil && failures < LoginAddressFailures
}

// Failed charges a failed attempt to the client address.
func (l *DBLimiter) Failed(ctx context.Context, ip string) {
	l.Store.AddLoginAttempt(ctx, "ip:"+ip, l.now(), 10*LoginWindow)
}

// Succeeded clears the address+username attempts after a correct password, and keeps one row saying the username
// is known at the address.
func (l *DBLimiter) Succeeded(ctx context.Context, ip, user string) {
	l.Store.ClearLoginAttempts(ctx, "user:"+ip+"|"+user)
	l.Store.ClearLoginAttempts(ctx, "known:"+ip+"|"+user)
	l.Store.AddLoginAttempt(ctx, "known:"+ip+"|"+user, l.now(), LoginKnownFor)
}
