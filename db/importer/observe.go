package importer

import (
	"context"
	"time"

	"github.com/wenming/wenming/db"
)

// Observer hears of every import Run finishes (its request, its report or error, and how long it took), so that
// the server can count imported rows and durations without the importer knowing of metrics.
type Observer func(ctx context.Context, req db.ImportRequest, rep *db.ImportReport, err error, took time.Duration)

type observerKey struct{}

// ObserverKey is the context key under which Run looks for its Observer: the server's metrics answer it on every
// request's context (metrics.requestContext), beside their own record of the request.
func ObserverKey() any { return observerKey{} }

// Run imports a spreadsheet (see run) and tells the context's Observer, if any, how it went.
func Run(ctx context.Context, b db.ImportStaging, req db.ImportRequest) (*db.ImportReport, error) {
	start := time.Now()
	rep, err := run(ctx, b, req)
	if o, ok := ctx.Value(observerKey{}).(Observer); ok && o != nil {
		o(ctx, req, rep, err, time.Since(start))
	}
	return rep, err
}
