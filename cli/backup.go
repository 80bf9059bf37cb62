package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/sqlite"
)

// backupCommand implements `wenming backup --db DB --out FILE`: a consistent copy taken while servers keep reading
// and writing (VACUUM INTO on SQLite, pg_dump on PostgreSQL), verified before it is kept.
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
	if dial.IsShared(*path) {
		return pgDump(ctx, *path, *out, stdout, stderr)
	}
	file := sqlitePath(*path)
	prog := newProgress(stderr, *quiet)
	defer prog.Finish()
	prog.phase("copy (VACUUM INTO)")
	if err := sqlite.Backup(ctx, file, *out); err != nil {
		return cliError(err)
	}
	prog.phase("verify (integrity_check, rollups)")
	v, err := sqlite.Verify(ctx, *out)
	if err != nil {
		os.Remove(*out)
		return fmt.Errorf("备份 %s 未通过校验，已删除：%w", *out, cliError(err))
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(stdout, "已备份 %s → %s：%.1f MB，数据版本 %d，%s；integrity_check ok，汇总与记录一致。用时 %s。\n",
		file, *out, float64(st.Size())/(1<<20), v.DataVersion, recordCounts(v), time.Since(start).Round(time.Millisecond))
	return nil
}

// restoreCommand implements `wenming restore --from FILE --db DB [--force]`. On SQLite it refuses a database file
// that a running process holds open (even with --force: that server would go on writing into the replaced file),
// and a file that already holds data unless --force; the backup is copied beside the target, verified (integrity,
// rollups, migrations brought up to date) and renamed into place, so that the target is never half-restored. On
// PostgreSQL it runs pg_restore into an empty database, or over a non-empty one with --force (--clean).
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
	if dial.IsShared(*path) {
		return pgRestore(ctx, *path, *from, *force, stdout, stderr)
	}
	target := sqlitePath(*path)
	if pids := holders(target); len(pids) > 0 {
		return fmt.Errorf("数据库 %s 正被运行中的进程（PID %s）打开：请先停止 wenming serve 再恢复（--force 也不会覆盖正在使用的数据库）", target, joinInts(pids))
	}
	if st, err := os.Stat(target); err == nil && st.Size() > 0 && !*force {
		return fmt.Errorf("数据库 %s 已存在且有数据（%.1f MB）：恢复会整个替换它。确认要覆盖请加 --force", target, float64(st.Size())/(1<<20))
	}
	partial := target + ".restoring"
	os.Remove(partial)
	defer os.Remove(partial)
	prog := newProgress(stderr, *quiet)
	defer prog.Finish()
	prog.phase("copy")
	if err := copyFile(*from, partial); err != nil {
		return err
	}
	prog.phase("verify (integrity_check, rollups, migrations)")
	v, err := sqlite.Verify(ctx, partial)
	if err != nil {
		return fmt.Errorf("备份 %s 未通过校验，未恢复：%w", *from, cliError(err))
	}
	// A stale WAL of the old file must never be replayed into the restored one.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(target + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.Rename(partial, target); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已从 %s 恢复到 %s：数据版本 %d，%s；integrity_check ok，汇总与记录一致。用时 %s。\n",
		*from, target, v.DataVersion, recordCounts(v), time.Since(start).Round(time.Millisecond))
	return nil
}

// sqlitePath strips the optional sqlite: scheme of --db.
func sqlitePath(dsn string) string {
	if rest, ok := strings.CutPrefix(dsn, "sqlite:"); ok {
		return strings.TrimPrefix(rest, "//")
	}
	return dsn
}

func recordCounts(v *sqlite.Verification) string {
	return fmt.Sprintf("单位 %d、荣誉 %d、志愿服务记录 %d、实践活动 %d、测评 %d", v.Records["units"], v.Records["honors"],
		v.Records["volunteer_records"], v.Records["practice_activities"], v.Records["assessments"])
}

// holders lists the other processes that hold the database file (or its WAL) open, from /proc: the way to tell a
// file a server is using from one that merely exists. Processes of other users are not visible, so it may miss
// a server run as another user; docs/operators.md says to stop the server first.
func holders(path string) []int {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	want := map[string]bool{abs: true, abs + "-wal": true, abs + "-shm": true}
	procs, _ := os.ReadDir("/proc")
	var pids []int
	for _, p := range procs {
		pid, err := strconv.Atoi(p.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		fds, _ := os.ReadDir(filepath.Join("/proc", p.Name(), "fd"))
		for _, fd := range fds {
			if link, err := os.Readlink(filepath.Join("/proc", p.Name(), "fd", fd.Name())); err == nil && want[link] {
				pids = append(pids, pid)
				break
			}
		}
	}
	return pids
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}

// copyFile copies src to a new file dst and syncs it.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("无法读取备份文件 %s：%w", src, err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// pgTool finds a PostgreSQL client program, with a Chinese explanation when it is not installed.
func pgTool(name, manual string) (string, error) {
	bin, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("找不到 %s：请安装 PostgreSQL 客户端（Debian：apt install postgresql-client-15），或按 docs/scale-out.md「Backups」一节手动运行：%s", name, manual)
	}
	return bin, nil
}

// pgEnv moves the password out of a PostgreSQL URL into PGPASSWORD, so that it never shows in the process list.
func pgEnv(dsn string) (string, []string) {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn, os.Environ()
	}
	pw, ok := u.User.Password()
	if !ok {
		return dsn, os.Environ()
	}
	u.User = url.User(u.User.Username())
	return u.String(), append(os.Environ(), "PGPASSWORD="+pw)
}

// pgDump runs the pg_dump of docs/scale-out.md (custom format) into a file beside out, and renames it into place when done.
func pgDump(ctx context.Context, dsn, out string, stdout, stderr io.Writer) error {
	bin, err := pgTool("pg_dump", "pg_dump -Fc -d "+dial.Redact(dsn)+" -f "+out)
	if err != nil {
		return err
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("备份文件 %s 已存在；请换一个文件名，或先删除它", out)
	}
	start := time.Now()
	partial := out + ".partial"
	defer os.Remove(partial)
	target, env := pgEnv(dsn)
	cmd := exec.CommandContext(ctx, bin, "-Fc", "-d", target, "-f", partial)
	cmd.Env, cmd.Stdout, cmd.Stderr = env, stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("pg_dump 失败（%v），未写入备份 %s", err, out)
	}
	if err := os.Rename(partial, out); err != nil {
		return err
	}
	st, _ := os.Stat(out)
	fmt.Fprintf(stdout, "已用 pg_dump 备份 %s → %s：%.1f MB，用时 %s。恢复后请重启每个副本（docs/scale-out.md「Backups」）。\n",
		dial.Redact(dsn), out, float64(st.Size())/(1<<20), time.Since(start).Round(time.Millisecond))
	return nil
}

// pgRestore runs pg_restore in one transaction: into an empty database, or with --force over one that has tables.
func pgRestore(ctx context.Context, dsn, from string, force bool, stdout, stderr io.Writer) error {
	bin, err := pgTool("pg_restore", "pg_restore --no-owner -d "+dial.Redact(dsn)+" "+from)
	if err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("无法连接 %s：%w", dial.Redact(dsn), err)
	}
	var tables int
	err = conn.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()`).Scan(&tables)
	conn.Close(ctx)
	if err != nil {
		return err
	}
	args := []string{"--no-owner", "--single-transaction", "--exit-on-error"}
	if tables > 0 {
		if !force {
			return fmt.Errorf("数据库 %s 已有 %d 张表：恢复会覆盖它。请恢复到新建的空数据库（docs/scale-out.md「Backups」），或加 --force（pg_restore --clean）", dial.Redact(dsn), tables)
		}
		args = append(args, "--clean", "--if-exists")
	}
	start := time.Now()
	target, env := pgEnv(dsn)
	cmd := exec.CommandContext(ctx, bin, append(args, "-d", target, from)...)
	cmd.Env, cmd.Stdout, cmd.Stderr = env, stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("pg_restore 失败（%v）；它在一个事务中运行，数据库 %s 未被改动", err, dial.Redact(dsn))
	}
	b, err := dial.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer b.Close()
	if c, ok := b.(interface{ CheckRollups(context.Context) error }); ok {
		if err := c.CheckRollups(ctx); err != nil {
			return fmt.Errorf("恢复后的汇总与记录不一致：%w", err)
		}
	}
	v, err := b.DataVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已从 %s 恢复到 %s：数据版本 %d，汇总与记录一致。用时 %s。请重启每个副本。\n",
		from, dial.Redact(dsn), v, time.Since(start).Round(time.Millisecond))
	return nil
}
