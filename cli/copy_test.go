package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/wenming/wenming/cli"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/postgres/pgtest"
	"github.com/wenming/wenming/db/seed"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// TestCopy moves an office's SQLite database, with its audit log, users and tokens, onto an empty PostgreSQL
// database, and refuses to copy onto one that holds data.
func TestCopy(t *testing.T) {
	ctx := context.Background()
	target := pgtest.NewDatabase(t, "")
	path := filepath.Join(t.TempDir(), "office.db")
	src, err := dial.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.Bootstrap(ctx, src, db.BootstrapOptions{Dataset: seed.Demo, AdminPassword: "admin-pass-1", BcryptCost: 4})
	if err != nil || res.Seeded == nil {
		t.Fatalf("bootstrap %+v %v", res, err)
	}
	admin, err := src.UserByUsername(ctx, "admin")
	if err != nil {
		t.Fatal(err)
	}
	actx := db.WithPrincipal(ctx, &db.Principal{UserID: admin.ID, Username: "admin", Role: db.RoleAdmin, Via: "session"})
	if _, _, err := (db.Accounts{Store: src, BcryptCost: 4}).IssueToken(actx, admin.ID, "excel", db.ScopeRead, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := src.CreateUnit(actx, db.UnitFields{Name: "复制测试厅（演示）", Kind: "机关"}); err != nil {
		t.Fatal(err)
	}
	version, _ := src.DataVersion(ctx)
	// A photo of a unit's evidence, to come through the backup, the restore and the copy byte for byte.
	photo := append([]byte("\x89PNG\r\n\x1a\n"), []byte("evidence bytes 0123456789")...)
	var evidence *db.ReportAttachment
	if tasks, err := src.ReportTasks(actx); err == nil && len(tasks) == 1 {
		as, _ := src.ReportAssignments(actx, tasks[0].ID)
		for _, a := range as {
			if a.State == db.ReportInProgress {
				evidence, err = src.AttachReportFile(actx, db.ReportStep{TaskID: a.TaskID, UnitID: a.UnitID, Now: time.Now()}, "", "照片.png", photo)
				if err != nil {
					t.Fatal(err)
				}
				break
			}
		}
	}
	if evidence == nil {
		t.Fatal("no unit in progress to attach evidence to")
	}
	sameEvidence := func(t *testing.T, b db.Backend) {
		t.Helper()
		f, data, err := b.ReportAttachmentData(actx, evidence.ID)
		if err != nil || !bytes.Equal(data, photo) || f.Name != "照片.png" || f.ContentType != "image/png" {
			t.Errorf("the evidence: %+v %q %v", f, data, err)
		}
	}
	comments := reportComments(t, actx, src)
	if len(comments) != 4 {
		t.Fatalf("the demo task's returned units hold %d comments, want 4", len(comments))
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if _, err := src.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	src.Close()
	t.Run("CommentsSurviveBackupAndRestore", func(t *testing.T) {
		restored := filepath.Join(t.TempDir(), "restored.db")
		if _, err := dial.Restore(ctx, restored, backup, false); err != nil {
			t.Fatal(err)
		}
		r, err := dial.Open(ctx, restored)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		if got := reportComments(t, actx, r); !slices.Equal(got, comments) {
			t.Errorf("restored comments %v, want %v", got, comments)
		}
		sameEvidence(t, r)
	})

	rep, err := cli.Copy(ctx, path, target)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("copied %d rows of %d tables, %d figures reconciled alike", rep.Rows(), len(rep.Tables), rep.Figures)
	dst, err := dial.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	t.Run("AccountsTokensAndAuditCome", func(t *testing.T) {
		u, err := dst.UserByUsername(ctx, "admin")
		if err != nil || !db.CheckPassword(u.PasswordHash, "admin-pass-1") {
			t.Fatalf("admin on the target: %+v %v", u, err)
		}
		toks, err := dst.Tokens(ctx, 0)
		if err != nil || len(toks) != 1 || toks[0].Name != "excel" {
			t.Fatalf("tokens %+v %v", toks, err)
		}
		log, err := dst.AuditLog(actx, db.AuditCriteria{Entity: db.EntityUnit}, db.Page{First: 10})
		if err != nil || log.TotalCount == 0 {
			t.Fatalf("audit %+v %v", log, err)
		}
	})
	t.Run("DataVersionAndFiguresKept", func(t *testing.T) {
		if v, _ := dst.DataVersion(ctx); v != version {
			t.Fatalf("data version %d on the target, %d on the source", v, version)
		}
		if rep.Figures < 40 {
			t.Fatalf("%d figures reconciled", rep.Figures)
		}
	})
	t.Run("WritesContinueOnTheTarget", func(t *testing.T) {
		u, err := dst.CreateUnit(actx, db.UnitFields{Name: "复制后新厅（演示）", Kind: "机关"})
		if err != nil || u.ID == 0 {
			t.Fatalf("create after copy: %+v %v", u, err)
		}
	})
	t.Run("ReportsAndCommentsCome", func(t *testing.T) {
		if got := reportComments(t, actx, dst); !slices.Equal(got, comments) {
			t.Fatalf("copied comments %v, want %v", got, comments)
		}
		sameEvidence(t, dst)
		// The target numbers new steps and comments past the copied ones.
		tasks, _ := dst.ReportTasks(actx)
		as, _ := dst.ReportAssignments(actx, tasks[0].ID)
		for _, a := range as {
			if a.State != db.ReportReturned {
				continue
			}
			if _, err := dst.CommentReport(actx, a.TaskID, a.UnitID, a.Version, "", "复制后的意见（演示）"); err != nil {
				t.Fatalf("comment after copy: %v", err)
			}
			if _, err := dst.StepReport(actx, db.ReportStep{TaskID: a.TaskID, UnitID: a.UnitID, Action: db.ActionExempt, Comment: "复制后免报（演示）",
				ExpectedVersion: a.Version, Now: time.Now()}); err != nil {
				t.Fatalf("a step after copy: %v", err)
			}
			break
		}
	})
	t.Run("ErrTargetNotEmpty", func(t *testing.T) {
		if _, err := cli.Copy(ctx, path, target); db.ErrorCode(err) != db.ECONFLICT {
			t.Fatalf("second copy: %v, want ECONFLICT", err)
		}
	})
}

// reportComments lists every review comment of every reporting task, as "unit round field text".
func reportComments(tb testing.TB, ctx context.Context, b db.Backend) []string {
	tb.Helper()
	tasks, err := b.ReportTasks(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, task := range tasks {
		as, err := b.ReportAssignments(ctx, task.ID)
		if err != nil {
			tb.Fatal(err)
		}
		for _, a := range as {
			cs, err := b.ReportComments(ctx, task.ID, a.UnitID)
			if err != nil {
				tb.Fatal(err)
			}
			for _, c := range cs {
				out = append(out, fmt.Sprintf("%d %d %s %s %s", c.UnitID, c.Round, c.Field, c.Author, c.Text))
			}
		}
	}
	return out
}
