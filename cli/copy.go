package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
)

// copyCommand implements `wenming copy --from FILE.db --to postgres://…`: it moves an office's database, audit log,
// users and tokens included, onto an empty database of another backend, then verifies row counts and every
// published figure's reconciliation on both sides.
func copyCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wenming copy", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "the database to copy: a SQLite file path")
	to := fs.String("to", "", "the empty database to fill, e.g. postgres://wenming@db.example/wenming")
	quiet := fs.Bool("quiet", false, "show no progress on stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *from == "" || *to == "" {
		fs.Usage()
		return errors.New("--from and --to are required")
	}
	start := time.Now()
	prog := newProgress(stderr, *quiet)
	rep, err := Copy(prog.attach(ctx), *from, *to)
	prog.Finish()
	if err != nil {
		return cliError(err)
	}
	for _, t := range rep.Tables {
		fmt.Fprintf(stdout, "%-24s %10d\n", t.Name, t.Rows)
	}
	fmt.Fprintf(stdout, "copied %d rows of %d tables from %s to %s in %s; counts and %d reconciled figures verified\n",
		rep.Rows(), len(rep.Tables), *from, dial.Redact(*to), time.Since(start).Round(time.Millisecond), rep.Figures)
	return nil
}

// CopyReport says what a copy moved and verified.
type CopyReport struct {
	Tables []CopiedTable
	// Figures is how many published figures reconcile alike on both sides.
	Figures int
}

// CopiedTable is one table's row count, equal on both sides.
type CopiedTable struct {
	Name string
	Rows int64
}

// Rows is the number of rows copied in all.
func (r *CopyReport) Rows() int64 {
	var n int64
	for _, t := range r.Tables {
		n += t.Rows
	}
	return n
}

// Copy moves the database at from onto the empty database at to, and verifies it; it refuses a target that holds
// data or accounts.
func Copy(ctx context.Context, from, to string) (*CopyReport, error) {
	src, err := dial.Open(ctx, from)
	if err != nil {
		return nil, fmt.Errorf("--from: %w", err)
	}
	defer src.Close()
	dst, err := dial.Open(ctx, to)
	if err != nil {
		return nil, fmt.Errorf("--to: %w", err)
	}
	defer dst.Close()
	source, ok := src.(db.TableSource)
	if !ok {
		return nil, db.FieldErrorf("from", "这种数据库不能作为复制来源：%s", dial.Redact(from))
	}
	sink, ok := dst.(db.TableSink)
	if !ok {
		return nil, db.FieldErrorf("to", "这种数据库不能作为复制目标：%s", dial.Redact(to))
	}
	if empty, err := dst.IsEmpty(ctx); err != nil {
		return nil, err
	} else if !empty {
		return nil, db.Errorf(db.ECONFLICT, "目标数据库已有数据，复制只能写入空库：%s", dial.Redact(to))
	}
	if n, err := sink.CountRows(ctx, "users"); err != nil {
		return nil, err
	} else if n > 0 {
		return nil, db.Errorf(db.ECONFLICT, "目标数据库已有 %d 个账号，复制只能写入空库：%s", n, dial.Redact(to))
	}
	tables, err := source.CopyTables(ctx)
	if err != nil {
		return nil, err
	}
	prog := db.ProgressFrom(ctx)
	err = sink.RestoreTables(ctx, tables, func(table string, cols []string, fn func(row []any) error) error {
		total, err := source.CountRows(ctx, table)
		if err != nil {
			return err
		}
		prog.Phase(table, total)
		return source.DumpTable(ctx, table, cols, func(row []any) error { prog.Add(1); return fn(row) })
	})
	if err != nil {
		return nil, fmt.Errorf("copy: %w", err)
	}
	rep := &CopyReport{}
	for _, t := range tables {
		a, err := source.CountRows(ctx, t)
		if err != nil {
			return nil, err
		}
		b, err := sink.CountRows(ctx, t)
		if err != nil {
			return nil, err
		}
		if a != b {
			return nil, db.Errorf(db.EINTERNAL, "复制后 %s 的行数不一致：来源 %d，目标 %d", t, a, b)
		}
		rep.Tables = append(rep.Tables, CopiedTable{Name: t, Rows: a})
	}
	admin := db.WithPrincipal(ctx, &db.Principal{Username: "copy", Role: db.RoleAdmin, Via: "cli"})
	before, err := db.BuildReconciliation(admin, src)
	if err != nil {
		return nil, err
	}
	after, err := db.BuildReconciliation(admin, dst)
	if err != nil {
		return nil, err
	}
	if len(before) != len(after) {
		return nil, db.Errorf(db.EINTERNAL, "复制后公布数字的条数不一致：来源 %d，目标 %d", len(before), len(after))
	}
	for i, b := range before {
		a := after[i]
		if a.Figure.Key != b.Figure.Key || a.Status != b.Status || !sameValue(a.RecordedValue, b.RecordedValue) {
			return nil, db.Errorf(db.EINTERNAL, "复制后“%s”的核对结果不一致：来源 %s，目标 %s", b.Figure.LabelZh, b.Status, a.Status)
		}
	}
	rep.Figures = len(before)
	return rep, nil
}

func sameValue(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) < 1e-6
}
