package httpapi

import (
	"context"
	"time"

	"github.com/wenming/wenming/db"
)

// DBLimiter is the LoginLimiter of servers that share a database: attempts are rows, so that three replicas behind
// a load balancer grant together what one grants alone. Within LoginWindow an address+username may try
// LoginUserAttempts times and an address may fail LoginAddressFailures times.
type DBLimiter struct {
	Store db.LoginAttempts
	// Now is the clock; time.Now when nil (tests move it).
	Now func() time.Time
}

// The shared limiter's allowances, matching the in-memory limiter's bursts.
const (
	LoginWindow          = time.Minute
	LoginUserAttempts    = 5
	LoginAddressFailures = 30
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
	failures, err := l.Store.CountLoginAttempts(ctx, "ip:"+ip, now.Add(-LoginWindow))
	return err == nil && failures < LoginAddressFailures
}

// Failed charges a failed attempt to the client address.
func (l *DBLimiter) Failed(ctx context.Context, ip string) {
	l.Store.AddLoginAttempt(ctx, "ip:"+ip, l.now(), 10*LoginWindow)
}

// Succeeded clears the address+username attempts after a correct password.
func (l *DBLimiter) Succeeded(ctx context.Context, ip, user string) {
	l.Store.ClearLoginAttempts(ctx, "user:"+ip+"|"+user)
}
