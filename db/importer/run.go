package importer

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"

	"github.com/wenming/wenming/db"
)

// run imports a spreadsheet through a backend's staging, all or nothing. It reads the file twice: first to validate
// every row against the catalogue (nothing is written when any row is bad), then, in one transaction, to upsert the
// rows, matching each to an existing record on its natural key. Memory stays flat however many rows the file holds.
// A dry run does the second pass too, so that its counts are exact, and rolls back. The caller must be an editor.
func run(ctx context.Context, b db.ImportStaging, req db.ImportRequest) (*db.ImportReport, error) {
	if err := db.Require(ctx, db.RoleEditor); err != nil {
		return nil, err
	}
	spec, err := SpecFor(req.Kind)
	if err != nil {
		return nil, err
	}
	f, err := OpenLimited(req.Path, spec, req.MaxUnzippedBytes)
	if err != nil {
		return nil, err
	}
	rep := &db.ImportReport{Kind: req.Kind, DryRun: req.DryRun}

	// Pass 1 validates against a snapshot of the catalogue, without holding the writer.
	cat, err := b.ImportCatalog(ctx)
	if err != nil {
		return nil, err
	}
	prog := db.ProgressFrom(ctx)
	// Every row checks the context, so that a cancelled import stops within a row.
	count := func(int, any) error { prog.Add(1); return ctx.Err() }
	prog.Phase("check", -1)
	res, err := Scan(f, NewParser(f, cat, true), count)
	if err != nil {
		return nil, err
	}
	rep.Rows, rep.Valid, rep.Errors, rep.ErrorCount = res.Rows, res.Valid, res.Errors, res.ErrorCount
	rep.Warnings, rep.WarningCount = res.Warnings, res.WarningCount
	if res.ErrorCount > 0 {
		return rep, nil
	}

	// Pass 2 re-validates against the catalogue as the transaction sees it (it may have changed since) and writes.
	tx, err := b.BeginImport(ctx, req.Kind)
	if err != nil {
		return nil, err
	}
	defer tx.Close()
	if cat, err = tx.Catalog(ctx); err != nil {
		return nil, err
	}
	prog.Phase("write", int64(res.Valid))
	res, err = Scan(f, NewParser(f, cat, false), func(row int, rec any) error {
		prog.Add(1)
		if err := ctx.Err(); err != nil {
			return err
		}
		return tx.Stage(row, rec)
	})
	if err != nil {
		return nil, err
	}
	tally, err := tx.Flush()
	if err != nil {
		return nil, err
	}
	if res.ErrorCount > 0 {
		// The catalogue changed between the passes (a unit was renamed or deleted): report, write nothing.
		rep.Valid, rep.Errors, rep.ErrorCount = res.Valid, res.Errors, res.ErrorCount
		return rep, nil
	}
	if tally.MismatchCount > 0 {
		// Rows that would change a record's demo flag: report them, write nothing.
		column := ""
		if ci := slices.IndexFunc(spec.Columns, func(c Column) bool { return c.Key == "demo" }); ci >= 0 {
			column = f.Column(ci)
		}
		rep.Valid, rep.ErrorCount = res.Valid-tally.MismatchCount, tally.MismatchCount
		rep.Errors = make([]*db.ImportError, len(tally.Mismatches))
		for i, m := range tally.Mismatches {
			rep.Errors[i] = demoMismatch(m).At(column, DemoHeader)
		}
		return rep, nil
	}
	rep.Created, rep.Updated, rep.Unchanged = tally.Created, tally.Updated, tally.Unchanged
	if req.DryRun {
		return rep, nil
	}
	name := req.Name
	if name == "" {
		name = filepath.Base(req.Path)
	}
	if j := db.ImportJobFrom(ctx); j != nil {
		// The job's success commits with the rows (db.WithImportJob).
		done := *rep
		done.Written = true
		j.Report, j.RowsTotal, j.RowsChecked, j.RowsWritten = &done, int64(rep.Rows), int64(rep.Rows), int64(rep.Valid)
	}
	summary, _ := json.Marshal(map[string]any{"kind": req.Kind, "file": name, "rows": rep.Rows,
		"created": rep.Created, "updated": rep.Updated, "unchanged": rep.Unchanged})
	if err := tx.Commit(ctx, string(summary), rep.Created+rep.Updated > 0); err != nil {
		return nil, err
	}
	rep.Written = true
	return rep, nil
}

// demoMismatch explains why a row that would change its record's demo flag is refused.
func demoMismatch(m db.DemoMismatch) *db.ImportError {
	if m.RecordDemo {
		return db.ImportErrorf(m.Row, "本行对应的已有记录（编号 %d）是演示数据，而本行未标为演示数据。导入不会把演示记录改为真实记录："+
			"如果这一行就是那条演示记录，请在“%s”列填“是”；如果要录入真实记录，请先清除演示数据再导入。", m.RecordID, DemoHeader)
	}
	return db.ImportErrorf(m.Row, "本行标为演示数据，而对应的已有记录（编号 %d）是真实记录。导入不会把真实记录改为演示数据：请在“%s”列填“否”或留空。",
		m.RecordID, DemoHeader)
}
