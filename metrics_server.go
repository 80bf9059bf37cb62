// The metrics listener: Prometheus /metrics on its own address (--metrics-addr), off by default.

package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/wenming/wenming/metrics"
)

// metricsServer is the second listener of a server whose metrics are on.
type metricsServer struct {
	server   *http.Server
	listener net.Listener
	done     chan error
}

// runMetrics builds the collectors and serves /metrics on --metrics-addr; with no address it does nothing, and the
// public port answers /metrics with 404 either way.
func (m *Main) runMetrics() error {
	if m.Config.MetricsAddr == "" {
		return nil
	}
	met := metrics.New(metrics.Options{Log: m.Log})
	met.WatchBackend(m.Backend)
	if m.Live != nil {
		met.WatchSubscribers(m.Live.Subscribers)
	}
	ln, err := net.Listen("tcp", m.Config.MetricsAddr)
	if err != nil {
		return fmt.Errorf("--metrics-addr: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", met.Handler())
	m.Metrics = met
	m.metrics = metricsServer{listener: ln, done: make(chan error, 1), server: &http.Server{
		Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second,
		ErrorLog: slog.NewLogLogger(m.Log.Handler(), slog.LevelWarn),
	}}
	go func() { m.metrics.done <- m.metrics.server.Serve(ln) }()
	m.Log.Info("serving metrics", "url", "http://"+ln.Addr().String()+"/metrics")
	return nil
}

// MetricsURL is the address of /metrics, or "" when metrics are off.
func (m *Main) MetricsURL() string {
	if m.metrics.listener == nil {
		return ""
	}
	return "http://" + m.metrics.listener.Addr().String() + "/metrics"
}

// closeMetrics stops the metrics listener, if any.
func (m *Main) closeMetrics() error {
	s := m.metrics.server
	if s == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.Shutdown(ctx)
	if serr := <-m.metrics.done; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	m.metrics = metricsServer{}
	return err
}
