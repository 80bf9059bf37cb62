package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"github.com/wenming/wenming/db"
)

// ProgressEvery is how many units pass between two plain progress lines when stderr is not a terminal (a log file,
// a CI job): often enough to see that a million-row import moves, rarely enough to keep the log readable.
const ProgressEvery = 10000

// progress shows a command's db.Progress on stderr: a bar on a terminal, and otherwise a plain line at every phase
// change, every ProgressEvery units and at the end. Standard output stays for data (export --out -).
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	bar   *progressbar.ProgressBar
	tty   bool
	every int64
	name  string
	total int64
	done  int64
	start time.Time
}

var _ db.Progress = (*progress)(nil)

// newProgress returns the reporter of a command writing to stderr, or nil (report nothing) when quiet.
func newProgress(stderr io.Writer, quiet bool) *progress {
	if quiet {
		return nil
	}
	p := &progress{w: stderr, every: ProgressEvery}
	if f, ok := stderr.(*os.File); ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
		p.tty = true
	}
	return p
}

// attach puts the reporter on the context; a nil reporter leaves the context as it is.
func (p *progress) attach(ctx context.Context) context.Context {
	if p == nil {
		return ctx
	}
	return db.WithProgress(ctx, p)
}

// Phase ends the phase under way and starts the next.
func (p *progress) Phase(name string, total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finishLocked()
	p.name, p.total, p.done, p.start = name, total, 0, time.Now()
	if p.tty {
		p.bar = progressbar.NewOptions64(total, progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription(name),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("rows"),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		return
	}
	if total >= 0 {
		fmt.Fprintf(p.w, "progress %s: 0 of %d\n", name, total)
	} else {
		fmt.Fprintf(p.w, "progress %s: started\n", name)
	}
}

// Add counts units of the current phase.
func (p *progress) Add(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	before := p.done
	p.done += n
	if p.bar != nil {
		p.bar.Add64(n)
		return
	}
	if !p.tty && p.done/p.every != before/p.every {
		p.lineLocked()
	}
}

// Finish ends the last phase with its count.
func (p *progress) Finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finishLocked()
	p.name = ""
}

func (p *progress) finishLocked() {
	if p.name == "" {
		return
	}
	if p.bar != nil {
		p.bar.Finish()
		p.bar = nil
		fmt.Fprintf(p.w, "%s: %d in %s\n", p.name, p.done, time.Since(p.start).Round(time.Millisecond))
		return
	}
	p.lineLocked()
}

// lineLocked writes one plain line: the phase, the count (of the total when known), the rate and the time left.
func (p *progress) lineLocked() {
	elapsed := time.Since(p.start)
	if p.total < 0 && p.done == 0 {
		fmt.Fprintf(p.w, "progress %s: done in %s\n", p.name, elapsed.Round(time.Millisecond))
		return
	}
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(p.done) / s
	}
	line := fmt.Sprintf("progress %s: %d", p.name, p.done)
	if p.total > 0 {
		line += fmt.Sprintf(" of %d (%.0f%%)", p.total, 100*float64(p.done)/float64(p.total))
	}
	line += fmt.Sprintf(", %.0f/s", rate)
	if p.total > 0 && rate > 0 && p.done < p.total {
		line += ", about " + (time.Duration(float64(p.total-p.done)/rate) * time.Second).Round(time.Second).String() + " left"
	}
	fmt.Fprintln(p.w, line)
}

// phase starts a step whose size is not counted (a VACUUM INTO, an integrity check), so that a long backup or restore
// still says what it is doing; a nil reporter says nothing.
func (p *progress) phase(name string) {
	if p != nil {
		p.Phase(name, -1)
	}
}
