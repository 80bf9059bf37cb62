package main

import (
	"context"
	"errors"
	"io"

	"github.com/wenming/wenming/app"
)

// serve is `wenming serve`, assembled step by step; it runs until ctx ends (SIGINT or SIGTERM), then lets requests
// in flight finish (--shutdown-period) and closes the database. The tests boot the same steps with app.Server.Run.
func serve(ctx context.Context, args []string, stderr io.Writer) (err error) {
	s := app.New()
	// The settings: flags over environment variables over defaults (cli.ParseServeFlags), and the logger they name.
	if err := s.ParseFlags(args, stderr); err != nil {
		return err
	}
	// 0. A temporary directory of this process's own, for uploads being imported; removed after the database
	//    closed, and by the next start after a stop that could not remove it.
	removeTemp, err := app.OwnTempDir(s.Log)
	if err != nil {
		return err
	}
	defer removeTemp()
	defer func() { err = errors.Join(err, s.Close()) }()
	// 1. The database --db names (a SQLite file or a postgres:// URL, db/dial), migrated; on first start the seed
	//    (with the flagged demo records unless --demo=false) and the first admin; then the cache keyed on the data
	//    version, and sign-in over the database's sessions, tokens and shared attempt counts.
	if err := s.Open(ctx); err != nil {
		return err
	}
	// 2. The broker of the dataChanged subscription, fed by the database's versions.
	s.StartLive()
	// 3. Prometheus /metrics on --metrics-addr, only when that is set; never on the public port.
	if err := s.ListenMetrics(); err != nil {
		return err
	}
	// 4. The HTTP surface on --addr (httpapi.Server.Handler): /graphql with its transports, caches and limits,
	//    /export and /templates, /auth, GraphiQL, /healthz and /readyz, and the embedded dashboard; foreign Host
	//    names refused (--public-host).
	if err := s.Listen(); err != nil {
		return err
	}
	<-ctx.Done()
	return nil
}
