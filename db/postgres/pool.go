package postgres

import "github.com/wenming/wenming/db"

var _ db.PoolReporter = (*DB)(nil)

// PoolStats reports the pgxpool: its waits are the acquisitions that found every connection busy, and the time
// they waited for one.
func (d *DB) PoolStats() []db.PoolStats {
	if d.pool == nil {
		return nil
	}
	s := d.pool.Stat()
	return []db.PoolStats{{Pool: "pool", MaxOpen: int(s.MaxConns()), InUse: int(s.AcquiredConns()), Idle: int(s.IdleConns()),
		WaitCount: s.EmptyAcquireCount(), WaitDuration: s.EmptyAcquireWaitTime()}}
}
