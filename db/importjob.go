package db

import (
	"context"
	"io"
	"time"
)

// ImportJobState is where an import job stands; only RUNNING is not final.
type ImportJobState string

// Values of ImportJobState.
const (
	ImportJobRunning   ImportJobState = "RUNNING"
	ImportJobSucceeded ImportJobState = "SUCCEEDED"
	ImportJobFailed    ImportJobState = "FAILED"
	ImportJobCancelled ImportJobState = "CANCELLED"
)

// AllImportJobStates lists every ImportJobState.
var AllImportJobStates = []ImportJobState{ImportJobRunning, ImportJobSucceeded, ImportJobFailed, ImportJobCancelled}

// MarshalGQL writes the value as a GraphQL enum.
func (v ImportJobState) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *ImportJobState) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "state", AllImportJobStates)
}

// ImportPhase is the step a running import is in: it reads the file twice, first to check every row, then to
// write them in one transaction.
type ImportPhase string

// Values of ImportPhase.
const (
	ImportPhaseCheck ImportPhase = "CHECK"
	ImportPhaseWrite ImportPhase = "WRITE"
	ImportPhaseDone  ImportPhase = "DONE"
)

// AllImportPhases lists every ImportPhase.
var AllImportPhases = []ImportPhase{ImportPhaseCheck, ImportPhaseWrite, ImportPhaseDone}

// MarshalGQL writes the value as a GraphQL enum.
func (v ImportPhase) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *ImportPhase) UnmarshalGQL(x any) error { return unmarshalEnum(v, x, "phase", AllImportPhases) }

// ImportJob is one import as the database keeps it while it runs and after: who started it, how far it has gone,
// and how it ended. Its row is what every replica and every tab reads, so that an import of a million rows can be
// followed (and cancelled) from anywhere, and the one-import-at-a-time rule holds across replicas.
type ImportJob struct {
	ID       int64
	Kind     ImportKind
	FileName string
	DryRun   bool
	State    ImportJobState
	Phase    ImportPhase
	// RowsTotal is the number of data rows the check found (0 until the check ends).
	RowsTotal int64
	// RowsChecked and RowsWritten count the rows done in each pass.
	RowsChecked int64
	RowsWritten int64
	// RowsPerSecond is the current phase's rate; SecondsLeft its estimate, -1 when unknown.
	RowsPerSecond float64
	SecondsLeft   int64
	// UserID and Username say who started it.
	UserID   *int64
	Username string
	// Owner names the process running it (host, process ID and a random part), so that a replica knows its own.
	Owner string
	// CancelRequested is set when someone asked to cancel; the running process rolls back when it sees it.
	CancelRequested bool
	StartedAt       time.Time
	// HeartbeatAt is the last time the running process said it was alive.
	HeartbeatAt time.Time
	FinishedAt  *time.Time
	// Report is the import's outcome (errors, or the counts) once it ended without a failure.
	Report *ImportReport
	// Error says why a FAILED job failed, in both languages.
	Error   string
	ErrorEn string
}

// ImportJobStaleAfter is how long a running job may go without a heartbeat before it counts as failed: the process
// running it died, its transaction was rolled back with it, and nothing of it was written. The runner beats every
// second.
const ImportJobStaleAfter = 10 * time.Second

// Finished reports whether the job has ended, one way or the other.
func (j *ImportJob) Finished() bool { return j.State != ImportJobRunning }

// Stale reports whether a running job's process has stopped beating at now.
func (j *ImportJob) Stale(now time.Time) bool {
	return j.State == ImportJobRunning && now.Sub(j.HeartbeatAt) > ImportJobStaleAfter
}

// ImportJobStore keeps import jobs in the database. Writes to it bump no data version: a job's row is not data
// the dashboard shows from its caches.
type ImportJobStore interface {
	// CreateImportJob records a new running job and takes the database's one import slot; when another import
	// holds it, it fails with ECONFLICT naming who started it and since when. A job whose process stopped beating
	// is marked failed first, freeing the slot.
	CreateImportJob(ctx context.Context, j *ImportJob) error
	// BeatImportJob saves a running job's progress and heartbeat and reports whether a cancel was requested.
	BeatImportJob(ctx context.Context, j *ImportJob) (cancel bool, err error)
	// EndImportJob records how a job ended (not SUCCEEDED with rows written: that is recorded inside the import's
	// own transaction) and frees the slot.
	EndImportJob(ctx context.Context, j *ImportJob) error
	// ImportJob loads one job; ENOTFOUND when there is none.
	ImportJob(ctx context.Context, id int64) (*ImportJob, error)
	// ImportJobs lists the newest jobs first, at most limit.
	ImportJobs(ctx context.Context, limit int) ([]*ImportJob, error)
	// RequestImportCancel asks the process running a job to cancel it; ENOTFOUND when the job is not running.
	RequestImportCancel(ctx context.Context, id int64) error
}

type importJobKey struct{}

// WithImportJob marks the work the context starts as the import job j, so that the import's transaction records
// the job's success in the same commit as its rows: a job reads SUCCEEDED exactly when its rows were written.
func WithImportJob(ctx context.Context, j *ImportJob) context.Context {
	return context.WithValue(ctx, importJobKey{}, j)
}

// ImportJobFrom returns the job the context's import runs as, or nil.
func ImportJobFrom(ctx context.Context) *ImportJob {
	j, _ := ctx.Value(importJobKey{}).(*ImportJob)
	return j
}

// ErrImportBusy is the refusal of a second import while one runs: it names who started the running one and when,
// so that the second user knows whom to ask.
func ErrImportBusy(running *ImportJob) error {
	return Errorf(ECONFLICT, "%s 自 %s 起正在导入“%s”，同一时间只能进行一项导入，请等待其完成或由其取消",
		running.Username, running.StartedAt.In(ChinaTime).Format("2006-01-02 15:04:05"), running.FileName)
}

// ErrImportDied is what a job says when the process running it stopped before it ended.
var ErrImportDied = TextOf(Errorf(EINTERNAL, "运行该导入的服务已停止，导入未完成，未写入任何数据"))

// ErrImportEnded refuses an import whose job was cancelled, or taken for dead, before it could commit.
var ErrImportEnded = Errorf(ECONFLICT, "导入已取消或已中止，未写入任何数据")

// ChinaTime is the office's clock (UTC+8, no daylight saving), in which messages name times.
var ChinaTime = time.FixedZone("CST", 8*3600)
