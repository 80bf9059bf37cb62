package metrics

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Listener serves /metrics on an address of its own (--metrics-addr), never on the public port, so that an
// operator's Prometheus scrapes what the public cannot read.
type Listener struct {
	server   *http.Server
	listener net.Listener
	done     chan error
}

// Listen serves the collectors' /metrics on addr in the background.
func Listen(addr string, m *Metrics, log *slog.Logger) (*Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--metrics-addr: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	l := &Listener{listener: ln, done: make(chan error, 1), server: &http.Server{
		Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}}
	go func() { l.done <- l.server.Serve(ln) }()
	log.Info("serving metrics", "url", l.URL())
	return l, nil
}

// URL is the address of /metrics; "" on a nil Listener (metrics off).
func (l *Listener) URL() string {
	if l == nil {
		return ""
	}
	return "http://" + l.listener.Addr().String() + "/metrics"
}

// Close stops the listener gracefully; a nil Listener closes nothing.
func (l *Listener) Close() error {
	if l == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := l.server.Shutdown(ctx)
	if serr := <-l.done; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}
