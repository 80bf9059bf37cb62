package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/wenming/wenming/db"
)

// importJobColumns are the columns scanImportJob reads, in its order.
const importJobColumns = `id, kind, file_name, dry_run, state, phase, rows_total, rows_checked, rows_written, rows_per_second,
	seconds_left, user_id, username, owner, cancel_requested, started_at, heartbeat_at, finished_at, report, error, error_en`

func scanImportJob(r Row) (*db.ImportJob, error) {
	j := &db.ImportJob{}
	var report sql.NullString
	if err := r.Scan(&j.ID, &j.Kind, &j.FileName, &j.DryRun, &j.State, &j.Phase, &j.RowsTotal, &j.RowsChecked, &j.RowsWritten,
		&j.RowsPerSecond, &j.SecondsLeft, &j.UserID, &j.Username, &j.Owner, &j.CancelRequested, instant{&j.StartedAt},
		instant{&j.HeartbeatAt}, nullInstant{&j.FinishedAt}, &report, &j.Error, &j.ErrorEn); err != nil {
		return nil, err
	}
	if report.Valid {
		j.Report = &db.ImportReport{}
		if err := json.Unmarshal([]byte(report.String), j.Report); err != nil {
			return nil, err
		}
	}
	return j, nil
}

// milli binds an instant to the millisecond, as job times are compared to the heartbeat.
func (s *Store) milli(t time.Time) any { return s.eng.Instant(t, time.Millisecond) }

// CreateImportJob records a running job in the database's one import slot, after freeing the slot of a job whose
// process stopped beating.
func (s *Store) CreateImportJob(ctx context.Context, j *db.ImportJob) error {
	now := timeNow()
	j.State, j.Phase, j.StartedAt, j.HeartbeatAt, j.SecondsLeft = db.ImportJobRunning, db.ImportPhaseCheck, now, now, -1
	// One transaction, so that a keyed startImport records its idempotency key with the job it started.
	err := s.eng.Tx(ctx, func(tx *Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE import_jobs SET state = ?, phase = ?, running = NULL, finished_at = ?, error = ?, error_en = ?
			WHERE running = 1 AND heartbeat_at < ?`, db.ImportJobFailed, db.ImportPhaseDone, s.milli(now),
			db.ErrImportDied.Zh, db.ErrImportDied.En, s.milli(now.Add(-db.ImportJobStaleAfter))); err != nil {
			return err
		}
		return tx.QueryRow(ctx, `INSERT INTO import_jobs (kind, file_name, dry_run, state, phase, running, user_id, username, owner,
			started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?) RETURNING id`, j.Kind, j.FileName, j.DryRun, j.State, j.Phase,
			j.UserID, j.Username, j.Owner, s.milli(now), s.milli(now)).Scan(&j.ID)
	})
	if err == nil {
		return nil
	}
	if db.ErrorCode(s.eng.ConstraintError(err)) != db.ECONFLICT {
		return err
	}
	running, rerr := scanImportJob(s.eng.Write().QueryRow(ctx, `SELECT `+importJobColumns+` FROM import_jobs WHERE running = 1`))
	if errors.Is(rerr, sql.ErrNoRows) {
		// It ended between the two statements: the caller may try again.
		return db.Errorf(db.ECONFLICT, "导入任务不存在或已结束")
	}
	if rerr != nil {
		return rerr
	}
	return db.ErrImportBusy(running)
}

// BeatImportJob saves a running job's progress and heartbeat, and reads back whether a cancel was requested.
func (s *Store) BeatImportJob(ctx context.Context, j *db.ImportJob) (bool, error) {
	var cancel bool
	err := s.eng.Write().QueryRow(ctx, `UPDATE import_jobs SET phase = ?, rows_total = ?, rows_checked = ?, rows_written = ?,
		rows_per_second = ?, seconds_left = ?, heartbeat_at = ? WHERE id = ? AND state = ? RETURNING cancel_requested`,
		j.Phase, j.RowsTotal, j.RowsChecked, j.RowsWritten, j.RowsPerSecond, j.SecondsLeft, s.milli(timeNow()), j.ID,
		db.ImportJobRunning).Scan(&cancel)
	if errors.Is(err, sql.ErrNoRows) {
		// The job is no longer running. Its own commit may have just ended it (a beat waits on the row while the
		// commit holds it): then there is nothing to stop. Otherwise it was taken for dead and must not commit.
		var state db.ImportJobState
		if err := s.eng.Write().QueryRow(ctx, `SELECT state FROM import_jobs WHERE id = ?`, j.ID).Scan(&state); err != nil {
			return false, err
		}
		return state != db.ImportJobSucceeded, nil
	}
	return cancel, err
}

// EndImportJob records how a job ended and frees the import slot. A job already ended is left as it is.
func (s *Store) EndImportJob(ctx context.Context, j *db.ImportJob) error {
	report, err := reportJSON(j.Report)
	if err != nil {
		return err
	}
	now := timeNow()
	j.FinishedAt = &now
	_, err = s.eng.Write().Exec(ctx, `UPDATE import_jobs SET state = ?, phase = ?, running = NULL, rows_total = ?, rows_checked = ?,
		rows_written = ?, rows_per_second = ?, seconds_left = 0, heartbeat_at = ?, finished_at = ?, report = ?, error = ?, error_en = ?
		WHERE id = ? AND state = ?`, j.State, db.ImportPhaseDone, j.RowsTotal, j.RowsChecked, j.RowsWritten, j.RowsPerSecond,
		s.milli(now), s.milli(now), report, j.Error, j.ErrorEn, j.ID, db.ImportJobRunning)
	return err
}

// finishImportJob records, inside the import's own transaction, that the job succeeded, so that its rows and its
// state commit together; it fails with ErrImportEnded when the job was cancelled or taken for dead meanwhile, and the
// import rolls back.
func (s *Store) finishImportJob(ctx context.Context, tx *Tx, j *db.ImportJob) error {
	report, err := reportJSON(j.Report)
	if err != nil {
		return err
	}
	now := timeNow()
	n, err := tx.Exec(ctx, `UPDATE import_jobs SET state = ?, phase = ?, running = NULL, rows_total = ?, rows_checked = ?, rows_written = ?,
		rows_per_second = ?, seconds_left = 0, heartbeat_at = ?, finished_at = ?, report = ?
		WHERE id = ? AND state = ? AND cancel_requested = ?`, db.ImportJobSucceeded, db.ImportPhaseDone, j.RowsTotal, j.RowsChecked,
		j.RowsWritten, j.RowsPerSecond, s.milli(now), s.milli(now), report, j.ID, db.ImportJobRunning, false)
	if err != nil {
		return err
	}
	if n != 1 {
		return db.ErrImportEnded
	}
	return nil
}

func reportJSON(r *db.ImportReport) (*string, error) {
	if r == nil {
		return nil, nil
	}
	b, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	s := string(b)
	return &s, nil
}

// ImportJob loads one job.
func (s *Store) ImportJob(ctx context.Context, id int64) (*db.ImportJob, error) {
	j, err := scanImportJob(s.eng.Read().QueryRow(ctx, `SELECT `+importJobColumns+` FROM import_jobs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.Errorf(db.ENOTFOUND, "导入任务不存在")
	}
	return j, err
}

// ImportJobs lists the newest jobs first.
func (s *Store) ImportJobs(ctx context.Context, limit int) ([]*db.ImportJob, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT `+importJobColumns+` FROM import_jobs ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.ImportJob, error) { return scanImportJob(r) })
}

// RequestImportCancel flags a running job for its process to cancel.
func (s *Store) RequestImportCancel(ctx context.Context, id int64) error {
	n, err := s.eng.Write().Exec(ctx, `UPDATE import_jobs SET cancel_requested = ? WHERE id = ? AND state = ?`, true, id, db.ImportJobRunning)
	if err != nil {
		return err
	}
	if n == 0 {
		return db.Errorf(db.ENOTFOUND, "导入任务不存在或已结束")
	}
	return nil
}
