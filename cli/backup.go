package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
)

// backupCommand implements `wenming backup --db DB --out FILE`: a consistent copy taken while servers keep reading
// and writing (VACUUM INTO on SQLite, pg_dump on PostgreSQL), verified before it is kept (Backend.Backup).
func backupCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wenming backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := dbFlag(fs)
	out := fs.String("out", "", "the backup file to write; it must not exist")
	quiet := fs.Bool("quiet", false, "show no progress on stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		fs.Usage()
		return errors.New("--out is required")
	}
	start := time.Now()
	b, err := dial.OpenExisting(ctx, *path)
	if err != nil {
		return cliError(err)
	}
	defer b.Close()
	prog := newProgress(stderr, *quiet)
	defer prog.Finish()
	v, err := b.Backup(prog.attach(ctx), *out)
	if err != nil {
		return cliError(err)
	}
	prog.Finish()
	st, err := os.Stat(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已备份 %s → %s：%.1f MB，数据版本 %d，%s；%s。用时 %s。%s\n", dial.Redact(*path), *out, float64(st.Size())/(1<<20),
		v.DataVersion, recordCounts(v), checksPassed(*path), time.Since(start).Round(time.Millisecond), restartNote(*path, "恢复后"))
	return nil
}

// restoreCommand implements `wenming restore --from FILE --db DB [--force]` (dial.Restore): a database that holds
// data is replaced only with --force, a SQLite file that a running process holds open never, and the result is
// verified.
func restoreCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wenming restore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := dbFlag(fs)
	from := fs.String("from", "", "the backup file to restore")
	force := fs.Bool("force", false, "replace a database that already holds data")
	quiet := fs.Bool("quiet", false, "show no progress on stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *from == "" {
		fs.Usage()
		return errors.New("--from is required")
	}
	start := time.Now()
	prog := newProgress(stderr, *quiet)
	defer prog.Finish()
	v, err := dial.Restore(prog.attach(ctx), *path, *from, *force)
	if err != nil {
		return cliError(err)
	}
	prog.Finish()
	fmt.Fprintf(stdout, "已从 %s 恢复到 %s：数据版本 %d，%s；%s。用时 %s。%s\n", *from, dial.Redact(*path), v.DataVersion, recordCounts(v),
		checksPassed(*path), time.Since(start).Round(time.Millisecond), restartNote(*path, ""))
	return nil
}

func recordCounts(v *db.Verification) string {
	return fmt.Sprintf("单位 %d、荣誉 %d、志愿服务记录 %d、实践活动 %d、测评 %d", v.Records["units"], v.Records["honors"],
		v.Records["volunteer_records"], v.Records["practice_activities"], v.Records["assessments"])
}

// checksPassed names the checks a verified database passed.
func checksPassed(dsn string) string {
	if dial.IsShared(dsn) {
		return "汇总与记录一致"
	}
	return "integrity_check ok，汇总与记录一致"
}

// restartNote reminds that replicas key their caches on the data version, which a restore may move back.
func restartNote(dsn, when string) string {
	if dial.IsShared(dsn) {
		return when + "请重启每个副本（docs/scale-out.md「Backups」）。"
	}
	return ""
}
