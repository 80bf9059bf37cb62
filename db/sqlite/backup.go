package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/wenming/wenming/db"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Backup writes a consistent copy of the database to out with VACUUM INTO, on a connection of its own that opens
// the file read-only: servers on the same file keep reading and writing meanwhile, and the copy is the snapshot of one
// read transaction. The copy is written beside out and verified (Verify) before it is renamed into place, so that
// out is never a half-written or unchecked file; out must not exist.
func (d *DB) Backup(ctx context.Context, out string) (*db.Verification, error) {
	if _, err := os.Stat(out); err == nil {
		return nil, db.Errorf(db.EINVALID, "备份文件 %s 已存在；请换一个文件名，或先删除它。", out)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".partial-*")
	if err != nil {
		return nil, db.Errorf(db.EINVALID, "无法在 %s 写入备份：%v", filepath.Dir(out), err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	os.Remove(tmpPath) // VACUUM INTO refuses an existing file; the name stays reserved in practice
	defer os.Remove(tmpPath)
	progress := db.ProgressFrom(ctx)
	progress.Phase("copy (VACUUM INTO)", -1)
	// The read pool is query_only, which refuses VACUUM INTO; a connection that opens the file read-only does not.
	conn, err := sql.Open("sqlite", "file:"+d.path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, tmpPath); err != nil {
		return nil, fmt.Errorf("VACUUM INTO %s: %w", tmpPath, storageError(err))
	}
	progress.Phase("verify (integrity_check, rollups)", -1)
	v, err := verifyFile(ctx, tmpPath)
	if err != nil {
		return nil, failedCheck(out, false, err)
	}
	if err := syncFile(tmpPath); err != nil {
		return nil, err
	}
	return v, os.Rename(tmpPath, out)
}

// verifyFile opens a database file, such as a backup, verifies it whole and closes it. Opening applies pending
// migrations, so verify a copy, not a file a server of another version is using.
func verifyFile(ctx context.Context, path string) (*db.Verification, error) {
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		return nil, db.Errorf(db.EINVALID, "备份文件 %s 不存在或为空。", path)
	}
	c, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.Verify(ctx)
}

// failedCheck says that the backup at path failed its checks, and that it was deleted (a new backup) or not restored;
// an uncoded error keeps its own text, for the operator.
func failedCheck(path string, restoring bool, err error) error {
	switch {
	case db.ErrorCode(err) == db.EINTERNAL:
		return fmt.Errorf("备份 %s 未通过校验：%w", path, err)
	case restoring:
		return db.Errorf(db.EINVALID, "备份 %s 未通过校验，未恢复：%s", path, db.TextOf(err))
	}
	return db.Errorf(db.EINVALID, "备份 %s 未通过校验，已删除：%s", path, db.TextOf(err))
}

// Verify checks the whole file, PRAGMA integrity_check first, then every rollup against the records it sums.
func (d *DB) Verify(ctx context.Context) (*db.Verification, error) {
	if err := d.IntegrityCheck(ctx); err != nil {
		return nil, err
	}
	return d.Store.Verify(ctx)
}

// IntegrityCheck runs PRAGMA integrity_check over the whole file and reports the first problems it lists.
func (d *DB) IntegrityCheck(ctx context.Context) error {
	rows, err := d.read.QueryContext(ctx, `PRAGMA integrity_check(10)`)
	if err != nil {
		return openError(d.path, err)
	}
	var found []string
	if found, err = collect(rows, func(r *sql.Rows) (string, error) {
		var s string
		return s, r.Scan(&s)
	}); err != nil {
		return openError(d.path, err)
	}
	if len(found) != 1 || found[0] != "ok" {
		return db.Errorf(db.EINVALID, "数据库文件 %s 未通过完整性检查（integrity_check）：%s", d.path, strings.Join(found, "；"))
	}
	return nil
}

// sqliteMagic opens every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// CheckFile reads the 100-byte header of an existing database file and refuses, in Chinese and naming the file,
// one that is not a SQLite database or is shorter than its header says (truncated, e.g. by a full disk or an
// interrupted copy). A missing or empty file passes: opening creates the database. It reads only the header, so
// that start-up stays fast on a large file. Call it before this process opens the file through SQLite: closing any
// descriptor of a file drops the POSIX locks the process holds on it.
func CheckFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return db.Errorf(db.EINVALID, "无法读取数据库文件 %s：%v", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return db.Errorf(db.EINVALID, "无法读取数据库文件 %s：%v", path, err)
	}
	if st.IsDir() {
		return db.Errorf(db.EINVALID, "数据库路径 %s 是一个目录，而不是文件。", path)
	}
	if st.Size() == 0 {
		return nil
	}
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil || !bytes.Equal(h[:16], sqliteMagic) {
		return db.Errorf(db.EINVALID, "数据库文件 %s 已损坏或不是 SQLite 数据库（文件头无效）。请从备份恢复：wenming restore --from 备份文件 --db %s", path, path)
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	// The page count in the header is valid only when the "version valid for" number equals the change counter.
	if bytes.Equal(h[92:96], h[24:28]) {
		pages := int64(binary.BigEndian.Uint32(h[28:32]))
		if want := pages * pageSize; want > st.Size() {
			return db.Errorf(db.EINVALID, "数据库文件 %s 被截断：文件头记载 %d 字节，实际只有 %d 字节。请从备份恢复：wenming restore --from 备份文件 --db %s",
				path, want, st.Size(), path)
		}
	}
	return nil
}

// fileError turns SQLite's verdict on a damaged or foreign file into a coded Chinese error that names the file.
func openError(path string, err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		return db.Errorf(db.EINVALID, "数据库文件 %s 已损坏或不是 SQLite 数据库（%v）。请从备份恢复：wenming restore --from 备份文件 --db %s", path, err, path)
	case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY:
		return db.Errorf(db.EINVALID, "无法打开数据库文件 %s（%v）：请检查路径和权限。", path, err)
	}
	return storageError(err)
}

// storageError turns SQLite's "database or disk is full" into a coded error, so that an import or a write on a full
// disk tells the user what happened (the transaction is rolled back whole) instead of an internal error.
func storageError(err error) error {
	var se *sqlite.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	if se.Code()&0xff == sqlite3.SQLITE_FULL {
		return db.DiskFull()
	}
	return err
}

// syncFile flushes a finished copy to the disk before it is renamed into place.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// sameFile reports an error when the database file was deleted, moved or replaced since it was opened.
func (d *DB) sameFile() error {
	st, err := os.Stat(d.path)
	if err != nil {
		return db.Errorf(db.EINTERNAL, "数据库文件 %s 不见了（已被删除或移走）：%v", d.path, err)
	}
	if d.file != nil && !os.SameFile(st, d.file) {
		return db.Errorf(db.EINTERNAL, "数据库文件 %s 已被另一个文件替换；请重启服务。", d.path)
	}
	return nil
}

// Restore replaces the database file path with the backup from. It refuses a file that a running process holds
// open, even with force (that server would go on writing into the replaced file), and a file that already holds
// data unless force. The backup is copied beside the target, verified (integrity, rollups, migrations brought up to
// date) and renamed into place, so that the target is never half restored.
func Restore(ctx context.Context, path, from string, force bool) (*db.Verification, error) {
	if pids := holders(path); len(pids) > 0 {
		return nil, db.Errorf(db.ECONFLICT, "数据库 %s 正被运行中的进程（PID %s）打开：请先停止 wenming serve 再恢复（--force 也不会覆盖正在使用的数据库）", path, joinInts(pids))
	}
	if st, err := os.Stat(path); err == nil && st.Size() > 0 && !force {
		return nil, db.Errorf(db.ECONFLICT, "数据库 %s 已存在且有数据（%.1f MB）：恢复会整个替换它。确认要覆盖请加 --force", path, float64(st.Size())/(1<<20))
	}
	partial := path + ".restoring"
	os.Remove(partial)
	defer os.Remove(partial)
	progress := db.ProgressFrom(ctx)
	progress.Phase("copy", -1)
	if err := copyFile(from, partial); err != nil {
		return nil, err
	}
	progress.Phase("verify (integrity_check, rollups, migrations)", -1)
	v, err := verifyFile(ctx, partial)
	if err != nil {
		return nil, failedCheck(from, true, err)
	}
	// A stale WAL of the old file must never be replayed into the restored one.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	return v, os.Rename(partial, path)
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
		return db.Errorf(db.EINVALID, "无法读取备份文件 %s：%v", src, err)
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
