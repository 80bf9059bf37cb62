package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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

// Admit decides before it writes: an address+username already at its allowance, or an unknown username at an
// address over its failures, is refused without a row, so that a flood of refused attempts stores nothing. An
// attempt within the allowance is recorded and counted again, so that parallel guesses on several servers all see
// each other. A database error refuses the attempt rather than letting guesses through unlimited.
func (l *DBLimiter) Admit(ctx context.Context, ip, user string) bool {
	now := l.now()
	ip, user = attemptKey(ip), attemptKey(user)
	key := "user:" + ip + "|" + user
	n, err := l.Store.CountLoginAttempts(ctx, key, now.Add(-LoginWindow))
	if err != nil || n >= LoginUserAttempts {
		return false
	}
	known, err := l.Store.CountLoginAttempts(ctx, "known:"+ip+"|"+user, now.Add(-LoginKnownFor))
	if err != nil {
		return false
	}
	if known == 0 {
		failures, err := l.Store.CountLoginAttempts(ctx, "ip:"+ip, now.Add(-LoginWindow))
		if err != nil || failures >= LoginAddressFailures {
			return false
		}
	}
	if err := l.Store.AddLoginAttempt(ctx, key, now, 10*LoginWindow); err != nil {
		return false
	}
	n, err = l.Store.CountLoginAttempts(ctx, key, now.Add(-LoginWindow))
	return err == nil && n <= LoginUserAttempts
}

// Failed charges a failed attempt to the client address.
func (l *DBLimiter) Failed(ctx context.Context, ip string) {
	l.Store.AddLoginAttempt(ctx, "ip:"+attemptKey(ip), l.now(), 10*LoginWindow)
}

// Succeeded clears the address+username attempts after a correct password, and keeps one row saying the username
// is known at the address.
func (l *DBLimiter) Succeeded(ctx context.Context, ip, user string) {
	ip, user = attemptKey(ip), attemptKey(user)
	l.Store.ClearLoginAttempts(ctx, "user:"+ip+"|"+user)
	l.Store.ClearLoginAttempts(ctx, "known:"+ip+"|"+user)
	l.Store.AddLoginAttempt(ctx, "known:"+ip+"|"+user, l.now(), LoginKnownFor)
}

// attemptKey is a part of a limiter's key with a bounded size: short text as it is, anything longer (a forwarded
// address of a misconfigured proxy, an odd username) as a hash, so that no key stores what a client sent at length.
func attemptKey(s string) string {
	if len(s) <= 64 {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	return "#" + hex.EncodeToString(sum[:16])
}
