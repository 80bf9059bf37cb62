package importer

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/wenming/wenming/db"
)

// JobStore is what import jobs need of a backend: the import itself and the jobs' rows.
type JobStore interface {
	db.Importer
	db.ImportJobStore
}

// Jobs runs imports as jobs that outlive the request that uploaded the file: each takes the database's one import
// slot, reports its progress into its row (read by every replica and every tab), beats every second so that a
// replica that dies is seen to, and can be cancelled from anywhere. Progress in this process is also kept in
// memory, which is fresher than the row while SQLite's single writer is held by the import itself.
type Jobs struct {
	Store JobStore
	// Owner names this process in the jobs it runs; NewJobs makes one from the host, the process ID and a random
	// part.
	Owner string
	// Beat is how often a running job saves its progress and reads back a cancel request; a second by default.
	Beat time.Duration
	// Done, when set, is called after a job ended, e.g. to tell dashboards that the data changed.
	Done func(j *db.ImportJob)

	mu    sync.Mutex
	local map[int64]*job
	// stopped is set by Stop: the process is going away, and starts no import.
	stopped bool
}

// NewJobs returns the job runner of this process over the store.
func NewJobs(s JobStore) *Jobs {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return &Jobs{Store: s, Owner: fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b))}
}

// job is one import running in this process: its newest state and what waits on it.
type job struct {
	mu      sync.Mutex
	j       db.ImportJob
	cancel  context.CancelFunc
	changed chan struct{} // closed and replaced at every reportable change
	done    chan struct{}
	report  *db.ImportReport
	err     error

	phaseStart time.Time
	marked     int64       // rows at the last reported step
	outer      db.Progress // the caller's own progress (the command line's bar), told everything too
}

// progressStep is how many rows pass between two reported progress events.
const progressStep = 10000

// snapshot copies the job's state.
func (x *job) snapshot() *db.ImportJob {
	x.mu.Lock()
	defer x.mu.Unlock()
	j := x.j
	return &j
}

// notify wakes whoever waits for a change; the caller holds x.mu.
func (x *job) notify() {
	close(x.changed)
	x.changed = make(chan struct{})
}

// Phase implements db.Progress: the check, then the write with its total.
func (x *job) Phase(name string, total int64) {
	x.outer.Phase(name, total)
	x.mu.Lock()
	defer x.mu.Unlock()
	switch name {
	case "check":
		x.j.Phase = db.ImportPhaseCheck
	case "write":
		x.j.Phase = db.ImportPhaseWrite
		x.j.RowsTotal = total
	}
	x.phaseStart, x.marked = time.Now(), 0
	x.j.RowsPerSecond, x.j.SecondsLeft = 0, -1
	x.notify()
}

// Add implements db.Progress: rows done in the current phase, reported every progressStep rows.
func (x *job) Add(n int64) {
	x.outer.Add(n)
	x.mu.Lock()
	defer x.mu.Unlock()
	done := &x.j.RowsChecked
	if x.j.Phase == db.ImportPhaseWrite {
		done = &x.j.RowsWritten
	}
	*done += n
	if *done-x.marked < progressStep {
		return
	}
	x.marked = *done - *done%progressStep
	if secs := time.Since(x.phaseStart).Seconds(); secs > 0 {
		x.j.RowsPerSecond = float64(*done) / secs
		if x.j.Phase == db.ImportPhaseWrite && x.j.RowsTotal > 0 {
			x.j.SecondsLeft = int64(float64(max(x.j.RowsTotal-*done, 0)) / x.j.RowsPerSecond)
		}
	}
	x.notify()
}

// Start begins an import as a job and returns at once; cleanup (the upload's removal) runs when it ends. The job
// runs on after ctx ends: leaving the page does not cancel an import. The caller must be an editor.
func (s *Jobs) Start(ctx context.Context, req db.ImportRequest, cleanup func()) (*db.ImportJob, error) {
	x, err := s.begin(ctx, req)
	if err != nil {
		if cleanup != nil {
			cleanup()
		}
		return nil, err
	}
	// The job outlives the request, and its writes are not the request's: a keyed startImport's key went with the
	// job's creation.
	go s.run(db.WithIdempotentWrite(context.WithoutCancel(ctx), nil), x, req, cleanup)
	return x.snapshot(), nil
}

// Run imports as a job and waits for its end, for the callers that want the report at once (the importRecords
// mutation, `wenming import`); ending ctx cancels it.
func (s *Jobs) Run(ctx context.Context, req db.ImportRequest) (*db.ImportReport, error) {
	x, err := s.begin(ctx, req)
	if err != nil {
		return nil, err
	}
	s.run(ctx, x, req, nil)
	return x.report, x.err
}

// begin checks the caller, takes the import slot and records the job.
func (s *Jobs) begin(ctx context.Context, req db.ImportRequest) (*job, error) {
	if err := db.Require(ctx, db.RoleEditor); err != nil {
		return nil, err
	}
	if _, err := SpecFor(req.Kind); err != nil {
		return nil, err
	}
	// Free the slot of a dead process first; it takes s.mu itself.
	s.reapDead(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return nil, db.ErrImportEnded
	}
	// An import of this process holds the slot: say so at once, without waiting for a writer it may hold.
	for _, x := range s.local {
		if running := x.snapshot(); !running.Finished() {
			return nil, db.ErrImportBusy(running)
		}
	}
	name := req.Name
	if name == "" {
		name = req.Path
	}
	j := &db.ImportJob{Kind: req.Kind, FileName: name, DryRun: req.DryRun, Owner: s.Owner, Username: "system"}
	if p := db.PrincipalFrom(ctx); p != nil && p.Username != "" {
		j.Username = p.Username
		if p.UserID != 0 {
			id := p.UserID
			j.UserID = &id
		}
	}
	if err := s.Store.CreateImportJob(ctx, j); err != nil {
		return nil, err
	}
	x := &job{j: *j, changed: make(chan struct{}), done: make(chan struct{}), phaseStart: time.Now(), outer: db.ProgressFrom(ctx)}
	if s.local == nil {
		s.local = map[int64]*job{}
	}
	s.local[j.ID] = x
	return x, nil
}

// run imports the file, beating meanwhile, and records how the job ended.
func (s *Jobs) run(ctx context.Context, x *job, req db.ImportRequest, cleanup func()) {
	ctx, cancel := context.WithCancel(ctx)
	x.mu.Lock()
	x.cancel = cancel
	id := x.j.ID
	x.mu.Unlock()
	defer cancel()
	// Stop may have come between begin and here, before there was anything to cancel.
	s.mu.Lock()
	if s.stopped {
		cancel()
	}
	s.mu.Unlock()

	beatDone := make(chan struct{})
	go s.beat(ctx, x, beatDone)

	final := &db.ImportJob{ID: id}
	rep, err := s.Store.Import(db.WithImportJob(db.WithProgress(ctx, x), final), req)
	cancel()
	<-beatDone
	if cleanup != nil {
		cleanup()
	}

	written := err == nil && rep != nil && rep.Written
	x.mu.Lock()
	end := x.j
	// A job whose rows were committed succeeded, whatever came after: a beat that ran while the commit held the
	// job's row finds it no longer running and asks to cancel, too late to matter.
	cancelled := !written && (x.j.CancelRequested || errors.Is(err, context.Canceled) || errors.Is(err, db.ErrImportEnded))
	switch {
	case written:
		// Recorded in the import's own transaction.
		end.State = db.ImportJobSucceeded
		end.Report, end.RowsTotal, end.RowsChecked, end.RowsWritten = final.Report, final.RowsTotal, final.RowsChecked, final.RowsWritten
	case cancelled:
		// Whatever the pass made of its stopped rows, the job was cancelled and nothing was written.
		end.State = db.ImportJobCancelled
	case err == nil:
		// Checked only, or refused for bad rows: nothing written, the report says why.
		end.State, end.Report = db.ImportJobSucceeded, rep
		end.RowsTotal = int64(rep.Rows)
	default:
		end.State = db.ImportJobFailed
		end.Error, end.ErrorEn = db.ErrorMessage(err), db.ErrorMessageEn(err)
	}
	end.Phase, end.SecondsLeft = db.ImportPhaseDone, 0
	x.mu.Unlock()

	// The slot is freed with a context of its own: a cancelled import still records that it ended.
	endCtx, endCancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer endCancel()
	if !written {
		if eerr := s.Store.EndImportJob(endCtx, &end); eerr != nil && err == nil {
			err = eerr
		}
	}
	now := time.Now()
	end.FinishedAt = &now

	x.mu.Lock()
	x.j, x.report, x.err = end, rep, err
	if cancelled {
		x.report, x.err = nil, db.ErrImportEnded
	}
	x.notify()
	x.mu.Unlock()
	s.mu.Lock()
	delete(s.local, id)
	s.mu.Unlock()
	close(x.done)
	if s.Done != nil {
		s.Done(&end)
	}
}

// beat saves the job's progress every Beat, and at once at each reported change, until ctx ends; a cancel requested
// in the database (by another replica) cancels the import. A beat that cannot get the writer in time (SQLite's,
// held by the import's own transaction) is skipped: this process's memory has the progress meanwhile.
func (s *Jobs) beat(ctx context.Context, x *job, done chan<- struct{}) {
	defer close(done)
	every := s.Beat
	if every <= 0 {
		every = time.Second
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		x.mu.Lock()
		changed := x.changed
		x.mu.Unlock()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-changed:
		}
		bctx, cancel := context.WithTimeout(ctx, every/2)
		want, err := s.Store.BeatImportJob(bctx, x.snapshot())
		cancel()
		if err == nil && want {
			x.mu.Lock()
			x.j.CancelRequested = true
			x.notify()
			x.mu.Unlock()
			x.cancel()
		}
	}
}

// Get returns a job as this process knows it best: from memory while it runs here, else from its row, where a
// running job whose process stopped beating reads as failed.
func (s *Jobs) Get(ctx context.Context, id int64) (*db.ImportJob, error) {
	if err := db.Require(ctx, db.RoleEditor); err != nil {
		return nil, err
	}
	if x := s.localJob(id); x != nil {
		return x.snapshot(), nil
	}
	j, err := s.Store.ImportJob(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.settle(j), nil
}

// List returns the newest jobs first, those running here from memory.
func (s *Jobs) List(ctx context.Context, limit int) ([]*db.ImportJob, error) {
	if err := db.Require(ctx, db.RoleEditor); err != nil {
		return nil, err
	}
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	jobs, err := s.Store.ImportJobs(ctx, limit)
	if err != nil {
		return nil, err
	}
	for i, j := range jobs {
		if x := s.localJob(j.ID); x != nil {
			jobs[i] = x.snapshot()
		} else {
			jobs[i] = s.settle(j)
		}
	}
	return jobs, nil
}

// Cancel asks a running job to stop and roll back: at once when it runs here, else through its row, which the
// process running it reads at its next beat.
func (s *Jobs) Cancel(ctx context.Context, id int64) (*db.ImportJob, error) {
	if err := db.Require(ctx, db.RoleEditor); err != nil {
		return nil, err
	}
	if x := s.localJob(id); x != nil {
		x.mu.Lock()
		running := x.j.State == db.ImportJobRunning
		if running {
			x.j.CancelRequested = true
			x.notify()
		}
		cancel := x.cancel
		x.mu.Unlock()
		if running && cancel != nil {
			cancel()
		}
		return x.snapshot(), nil
	}
	j, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if j.Finished() {
		return j, nil
	}
	if err := s.Store.RequestImportCancel(ctx, id); err != nil {
		return nil, err
	}
	return s.Get(ctx, id)
}

// Stop cancels every import this process runs, as a server that is going away does, and waits until each has
// rolled back, recorded that it ended and removed its upload, or until ctx ends. No import starts after it.
func (s *Jobs) Stop(ctx context.Context) error {
	s.mu.Lock()
	s.stopped = true
	running := make([]*job, 0, len(s.local))
	for _, x := range s.local {
		running = append(running, x)
	}
	s.mu.Unlock()
	for _, x := range running {
		x.mu.Lock()
		x.j.CancelRequested = true
		cancel := x.cancel
		x.mu.Unlock()
		if cancel != nil {
			cancel()
		}
	}
	for _, x := range running {
		select {
		case <-x.done:
		case <-ctx.Done():
			return fmt.Errorf("import job %d did not end before the shutdown period: %w", x.snapshot().ID, ctx.Err())
		}
	}
	return nil
}

// Watch sends the job whenever it changes, until it ends (its last state sent) or ctx ends. Jobs of this process
// wake it at once; others are read from their rows every interval.
func (s *Jobs) Watch(ctx context.Context, id int64, interval time.Duration) (<-chan *db.ImportJob, error) {
	first, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if interval <= 0 {
		interval = 500 * time.Millisecond
	}
	out := make(chan *db.ImportJob, 1)
	go func() {
		defer close(out)
		t := time.NewTicker(interval)
		defer t.Stop()
		j, last := first, ""
		for {
			if key := jobKey(j); key != last {
				last = key
				select {
				case out <- j:
				case <-ctx.Done():
					return
				}
			}
			if j.Finished() {
				return
			}
			var wake <-chan struct{}
			if x := s.localJob(id); x != nil {
				x.mu.Lock()
				wake = x.changed
				x.mu.Unlock()
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			case <-wake:
			}
			next, err := s.Get(ctx, id)
			if err == nil {
				j = next
			}
		}
	}()
	return out, nil
}

// jobKey is what a watcher compares to tell a change.
func jobKey(j *db.ImportJob) string {
	return fmt.Sprintf("%s|%s|%d|%d|%d|%t", j.State, j.Phase, j.RowsTotal, j.RowsChecked, j.RowsWritten, j.CancelRequested)
}

func (s *Jobs) localJob(id int64) *job {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.local[id]
}

// settle reads a running job whose process is gone as what it is: failed, with nothing written (its transaction
// died with it). A process is gone when its heartbeat is older than db.ImportJobStaleAfter, or at once when it ran
// on this machine and no longer runs. The row itself is freed by the next import's start.
func (s *Jobs) settle(j *db.ImportJob) *db.ImportJob {
	if j.State == db.ImportJobRunning && (j.Stale(time.Now()) || s.ownerGone(j.Owner)) {
		j.State, j.Phase, j.SecondsLeft = db.ImportJobFailed, db.ImportPhaseDone, 0
		j.Error, j.ErrorEn = db.ErrImportDied.Zh, db.ErrImportDied.En
	}
	return j
}

// ownerGone reports whether the process named by a job's owner ran on this machine and no longer runs: this process
// under another owner (restarted with the same PID), or a PID that answers no signal. Owners on other machines, and
// PIDs that some process holds, are judged by their heartbeat alone.
func (s *Jobs) ownerGone(owner string) bool {
	host, rest, ok := strings.Cut(owner, ":")
	pidText, _, ok2 := strings.Cut(rest, ":")
	pid, err := strconv.Atoi(pidText)
	if !ok || !ok2 || err != nil || pid <= 0 || runtime.GOOS == "windows" {
		return false
	}
	if me, _ := os.Hostname(); host != me {
		return false
	}
	if pid == os.Getpid() {
		return owner != s.Owner && s.localJobByOwner(owner) == nil
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return true
	}
	// Signal 0 checks that the process exists; a process of another user refuses it, and exists.
	err = p.Signal(syscall.Signal(0))
	return err != nil && !errors.Is(err, os.ErrPermission)
}

func (s *Jobs) localJobByOwner(owner string) *job {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, x := range s.local {
		if x.snapshot().Owner == owner {
			return x
		}
	}
	return nil
}

// reapDead ends the running job of a process that is gone, so that its slot frees at once rather than after the
// heartbeat limit. What it cannot read or end is left to CreateImportJob's own check.
func (s *Jobs) reapDead(ctx context.Context) {
	jobs, err := s.Store.ImportJobs(ctx, 5)
	if err != nil {
		return
	}
	for _, j := range jobs {
		if j.State == db.ImportJobRunning && s.localJob(j.ID) == nil && s.ownerGone(j.Owner) {
			dead := s.settle(j)
			dead.State = db.ImportJobFailed
			_ = s.Store.EndImportJob(ctx, dead)
		}
	}
}
