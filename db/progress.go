package db

import "context"

// Progress is told how far long work has gone, so that whoever started it (the command line's bar, a job's row
// in the database) can show it: an import of a million rows or a copy of a province's database takes minutes.
type Progress interface {
	// Phase starts a named phase of the work with its total units, or -1 when the total is not known.
	Phase(name string, total int64)
	// Add counts units done in the current phase.
	Add(n int64)
}

type progressKey struct{}

// WithProgress attaches a progress reporter to the work the context starts.
func WithProgress(ctx context.Context, p Progress) context.Context {
	return context.WithValue(ctx, progressKey{}, p)
}

// ProgressFrom returns the context's progress reporter, or one that ignores everything, so that work reports its
// progress whether or not anyone shows it.
func ProgressFrom(ctx context.Context) Progress {
	if p, ok := ctx.Value(progressKey{}).(Progress); ok && p != nil {
		return p
	}
	return noProgress{}
}

type noProgress struct{}

func (noProgress) Phase(string, int64) {}
func (noProgress) Add(int64)           {}
