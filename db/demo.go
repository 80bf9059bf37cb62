package db

import "context"

// DemoPurger removes every demo record at once, so that an office that starts entering real data can drop the
// flagged demonstration dataset without leaving traces in totals, exports or the recycle bin.
type DemoPurger interface {
	// PurgeDemo hard-deletes every demo record (and demo entries of the recycle bin) in one audited transaction,
	// after checking that no real record points at a demo one. With dryRun it only counts and checks. The caller
	// must be an admin.
	PurgeDemo(ctx context.Context, dryRun bool) (*DemoPurgeReport, error)
}

// DemoPurgeReport says what a demo purge removed (or would remove) and what stopped it.
type DemoPurgeReport struct {
	// Tables counts the demo rows of each kind of record, in the order they are deleted.
	Tables []*DemoTableCount
	// Blockers lists real records that still point at demo ones; while any exists nothing is deleted.
	Blockers []*DemoBlocker
	// BlockerCount counts every blocker; Blockers keeps at most MaxDemoBlockers of them.
	BlockerCount int
	DryRun       bool
	// Purged is true when the demo records were deleted and the transaction committed.
	Purged bool
}

// Total is the number of demo rows the report counts.
func (r *DemoPurgeReport) Total() int {
	n := 0
	for _, t := range r.Tables {
		n += t.Count
	}
	return n
}

// MaxDemoBlockers bounds the blockers a report lists, so that a refusal at province scale stays readable.
const MaxDemoBlockers = 200

// DemoTableCount is how many demo rows one kind of record holds.
type DemoTableCount struct {
	// Table is the stored name of the kind (honors, units …); NameZh is how the dashboard says it.
	Table  string
	NameZh string
	Count  int
}

// DemoBlocker is one real record that refers to a demo record, which a purge would leave dangling.
type DemoBlocker struct {
	Table    string
	NameZh   string
	ID       int64
	Column   string
	RefTable string
	RefName  string
	RefID    int64
}
