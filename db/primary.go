package db

import "context"

// Roles of the database node a server is connected to, as PrimaryStatus reports them.
const (
	// NodePrimary takes writes.
	NodePrimary = "primary"
	// NodeStandby is a read-only replica, or a primary that was demoted: writes fail on it.
	NodeStandby = "standby"
	// NodeUnreachable did not answer.
	NodeUnreachable = "unreachable"
)

// PrimaryStatus is what a server sees of a replicated database through its address (PostgreSQL behind a router that
// follows the primary), so that an operator sees the role, the standbys' lag and the failovers without the backend
// knowing of metrics.
type PrimaryStatus struct {
	// Role is NodePrimary, NodeStandby or NodeUnreachable.
	Role string
	// Standbys counts the standbys streaming from the primary, SyncStandbys those a commit waits for.
	Standbys, SyncStandbys int
	// LagBytes is the most WAL a standby has yet to replay; LagSeconds the longest replay lag the primary measured.
	LagBytes   int64
	LagSeconds float64
	// Failovers counts the times this server saw the database's timeline move on (a standby promoted).
	Failovers int64
	// PoolResets counts the times this server dropped its connections because their node was lost.
	PoolResets int64
}

// PrimaryReporter is a backend whose database can fail over (PostgreSQL); SQLite has no other node.
type PrimaryReporter interface {
	// PrimaryStatus asks the node behind the address what it is now.
	PrimaryStatus(ctx context.Context) (PrimaryStatus, error)
}
