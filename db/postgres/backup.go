package postgres

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/store"
)

// Backup runs pg_dump (custom format, the one of docs/scale-out.md) into a file beside out, in the very snapshot
// whose rollups and counts it verified, and renames the file into place when done; out must not exist. The
// replicas keep reading and writing meanwhile.
func (d *DB) Backup(ctx context.Context, out string) (*db.Verification, error) {
	if _, err := os.Stat(out); err == nil {
		return nil, db.Errorf(db.EINVALID, "备份文件 %s 已存在；请换一个文件名，或先删除它。", out)
	}
	target, env := clientEnv(d.dsn)
	bin, err := clientTool("pg_dump", "pg_dump -Fc -d "+target+" -f "+out)
	if err != nil {
		return nil, err
	}
	partial := out + ".partial"
	defer os.Remove(partial)
	progress := db.ProgressFrom(ctx)
	var v *db.Verification
	err = d.readTx(ctx, func(tx pgx.Tx) error {
		var snapshot string
		if err := tx.QueryRow(ctx, `SELECT pg_export_snapshot()`).Scan(&snapshot); err != nil {
			return err
		}
		progress.Phase("verify (rollups)", -1)
		if v, err = store.Verify(ctx, storeQuerier{q: tx, d: d, limit: d.opts.LongStatementTimeout}); err != nil {
			return err
		}
		// pg_dump takes the snapshot over while this transaction holds it open.
		progress.Phase("copy (pg_dump)", -1)
		return runClient(ctx, bin, env, "-Fc", "--snapshot="+snapshot, "-d", target, "-f", partial)
	})
	if err != nil {
		return nil, err
	}
	return v, os.Rename(partial, out)
}

// Restore runs pg_restore of a pg_dump file in one transaction, into an empty database or, with force, over one that
// has tables (--clean), then opens the database and verifies it.
func Restore(ctx context.Context, dsn, from string, force bool) (*db.Verification, error) {
	target, env := clientEnv(dsn)
	bin, err := clientTool("pg_restore", "pg_restore --no-owner -d "+target+" "+from)
	if err != nil {
		return nil, err
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return nil, db.Errorf(db.EINVALID, "无法连接 %s：%v", target, err)
	}
	var tables int
	err = conn.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()`).Scan(&tables)
	conn.Close(ctx)
	if err != nil {
		return nil, err
	}
	args := []string{"--no-owner", "--single-transaction", "--exit-on-error"}
	if tables > 0 {
		if !force {
			return nil, db.Errorf(db.ECONFLICT, "数据库 %s 已有 %d 张表：恢复会覆盖它。请恢复到新建的空数据库（docs/scale-out.md「Backups」），或加 --force（pg_restore --clean）", target, tables)
		}
		args = append(args, "--clean", "--if-exists")
	}
	progress := db.ProgressFrom(ctx)
	progress.Phase("copy (pg_restore)", -1)
	if err := runClient(ctx, bin, env, append(args, "-d", target, from)...); err != nil {
		return nil, err
	}
	progress.Phase("verify (rollups, migrations)", -1)
	b, err := Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	return b.Verify(ctx)
}

// clientTool finds a PostgreSQL client program, with a Chinese explanation when it is not installed.
func clientTool(name, manual string) (string, error) {
	bin, err := exec.LookPath(name)
	if err != nil {
		return "", db.Errorf(db.EINVALID, "找不到 %s：请安装 PostgreSQL 客户端（Debian：apt install postgresql-client-15），或按 docs/scale-out.md「Backups」一节手动运行：%s", name, manual)
	}
	return bin, nil
}

// clientEnv moves the password out of a PostgreSQL URL into PGPASSWORD, so that it never shows in the process list
// or a message, and returns the URL without it.
func clientEnv(dsn string) (string, []string) {
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

// runClient runs a PostgreSQL client program and returns what it said when it fails.
func runClient(ctx context.Context, bin string, env []string, args ...string) error {
	cmd := exec.CommandContext(ctx, bin, args...)
	var out bytes.Buffer
	cmd.Env, cmd.Stdout, cmd.Stderr = env, &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s 失败（%v）：%s", filepath.Base(bin), err, strings.TrimSpace(out.String()))
	}
	return nil
}
