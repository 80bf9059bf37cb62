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
	"strings"

	"github.com/wenming/wenming/db"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Backup writes a consistent copy of the database file src to out with VACUUM INTO, on a connection of its own
// that opens nothing for writing: a server on the same file keeps reading and writing meanwhile, and the copy is the
// snapshot of one read transaction. The copy is written beside out and renamed into place once complete, so that out
// is never a half-written file; out must not exist.
func Backup(ctx context.Context, src, out string) error {
	if err := CheckFile(src); err != nil {
		return err
	}
	if _, err := os.Stat(src); err != nil {
		return db.Errorf(db.EINVALID, "数据库文件 %s 不存在：%v", src, err)
	}
	if _, err := os.Stat(out); err == nil {
		return db.Errorf(db.EINVALID, "备份文件 %s 已存在；请换一个文件名，或先删除它。", out)
	}
	conn, err := sql.Open("sqlite", "file:"+src+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'`).Scan(&n); err != nil {
		return openError(src, err)
	} else if n == 0 {
		return db.Errorf(db.EINVALID, "%s 不是文明看板的数据库（没有 schema_migrations 表）。", src)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".partial-*")
	if err != nil {
		return db.Errorf(db.EINVALID, "无法在 %s 写入备份：%v", filepath.Dir(out), err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	os.Remove(tmpPath) // VACUUM INTO refuses an existing file; the name stays reserved in practice
	defer os.Remove(tmpPath)
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, tmpPath); err != nil {
		return fmt.Errorf("VACUUM INTO %s: %w", tmpPath, storageError(err))
	}
	if err := syncFile(tmpPath); err != nil {
		return err
	}
	if err := os.Rename(tmpPath, out); err != nil {
		return err
	}
	return nil
}

// Verification is what Verify found in a database file: every check passed, with these figures.
type Verification struct {
	// DataVersion is the version every write bumps; a copy carries its source's at the moment of the copy.
	DataVersion int64
	// Migrations is the number of applied migrations.
	Migrations int
	// Records counts the rows of the record tables (units, honours, volunteer records, activities, assessments).
	Records map[string]int64
}

// Verify opens a database file, such as a backup, and checks it whole: PRAGMA integrity_check, every rollup
// against the records it sums (CheckRollups), and the data version. Opening applies pending migrations, so verify
// a copy, not a file a server of another version is using.
func Verify(ctx context.Context, path string) (*Verification, error) {
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		return nil, db.Errorf(db.EINVALID, "备份文件 %s 不存在或为空。", path)
	}
	if err := CheckFile(path); err != nil {
		return nil, err
	}
	d, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	if err := d.IntegrityCheck(ctx); err != nil {
		return nil, err
	}
	if err := d.CheckRollups(ctx); err != nil {
		return nil, db.Errorf(db.EINVALID, "%s 的汇总与记录不一致：%v", path, err)
	}
	v := &Verification{Records: map[string]int64{}}
	if v.DataVersion, err = d.DataVersion(ctx); err != nil {
		return nil, err
	}
	names, err := d.AppliedMigrations(ctx)
	if err != nil {
		return nil, err
	}
	v.Migrations = len(names)
	for _, t := range []string{"units", "people", "honors", "volunteer_records", "practice_activities", "assessments"} {
		var n int64
		if err := d.read.QueryRowContext(ctx, `SELECT count(*) FROM `+t).Scan(&n); err != nil {
			return nil, err
		}
		v.Records[t] = n
	}
	return v, nil
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
