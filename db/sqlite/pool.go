package sqlite

import (
	"database/sql"

	"github.com/wenming/wenming/db"
)

var _ db.PoolReporter = (*DB)(nil)

// PoolStats reports the read pool and the single writer. The writer's waits are the time writes queued in this
// process for SQLite's one write lock (another process holding it shows as busy_timeout inside a write instead).
func (d *DB) PoolStats() []db.PoolStats {
	out := make([]db.PoolStats, 0, 2)
	if d.read != nil {
		out = append(out, poolStats("read", d.read.Stats()))
	}
	if d.write != nil {
		out = append(out, poolStats("write", d.write.Stats()))
	}
	return out
}

// poolStats converts database/sql's counters.
func poolStats(name string, s sql.DBStats) db.PoolStats {
	return db.PoolStats{Pool: name, MaxOpen: s.MaxOpenConnections, InUse: s.InUse, Idle: s.Idle,
		WaitCount: s.WaitCount, WaitDuration: s.WaitDuration}
}
