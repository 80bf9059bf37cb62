package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/importer"
	"github.com/wenming/wenming/db/seed"
)

// cliPrincipal is who the command line acts as: a local administrator, recorded in the audit log as "cli".
func cliPrincipal(ctx context.Context) context.Context {
	return db.WithPrincipal(ctx, &db.Principal{Username: "cli", Role: db.RoleAdmin, Via: "cli"})
}

// importCommand implements `wenming import FILE --kind KIND [--dry-run] --db FILE`.
func importCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wenming import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	kind := fs.String("kind", "", "what the file holds: units, people, honors, volunteer-records, assessments or activities")
	dry := fs.Bool("dry-run", false, "validate and count what would change, write nothing")
	path := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	quiet := fs.Bool("quiet", false, "show no progress on stderr")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wenming import FILE.xlsx|FILE.csv --kind KIND [--dry-run] [--quiet] [--db FILE]")
		fs.PrintDefaults()
	}
	// The file may come before or after the flags.
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if file == "" && fs.NArg() == 1 {
		file = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if file == "" || *kind == "" {
		fs.Usage()
		return fmt.Errorf("a FILE and --kind are required")
	}
	spec, err := importer.SpecByName(*kind)
	if err != nil {
		return cliError(err)
	}
	if _, err := os.Stat(file); err != nil {
		return err
	}
	d, err := dial.Open(ctx, *path)
	if err != nil {
		return err
	}
	defer d.Close()
	start := time.Now()
	prog := newProgress(stderr, *quiet)
	// As a job, like the dashboard's: one import at a time per database, followed from the dashboard too.
	rep, err := importer.NewJobs(d).Run(prog.attach(cliPrincipal(ctx)), db.ImportRequest{Kind: spec.Kind, Path: file, Name: filepath.Base(file), DryRun: *dry})
	prog.Finish()
	if err != nil {
		return cliError(err)
	}
	took := time.Since(start)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		printReport(stdout, spec, rep, took)
	}
	if rep.ErrorCount > 0 {
		return fmt.Errorf("%d 处错误，未写入任何数据", rep.ErrorCount)
	}
	return nil
}

func printReport(w io.Writer, spec *importer.Spec, rep *db.ImportReport, took time.Duration) {
	for _, e := range rep.Errors {
		where := fmt.Sprintf("第 %d 行", e.Row)
		if e.Column != "" {
			where += fmt.Sprintf(" %s 列", e.Column)
		}
		if e.Field != "" {
			where += "（" + e.Field + "）"
		}
		fmt.Fprintf(w, "%s：%s\n", where, e.Message)
	}
	if rep.ErrorCount > len(rep.Errors) {
		fmt.Fprintf(w, "……另有 %d 处错误未列出。\n", rep.ErrorCount-len(rep.Errors))
	}
	verb := "已导入"
	switch {
	case rep.ErrorCount > 0:
		verb = "校验未通过，未写入"
	case rep.DryRun:
		verb = "试运行（未写入）"
	}
	fmt.Fprintf(w, "%s%s：读取 %d 行，通过 %d 行；新增 %d，更新 %d，不变 %d；错误 %d。用时 %s（%.0f 行/秒）。\n",
		spec.NameZh, verb, rep.Rows, rep.Valid, rep.Created, rep.Updated, rep.Unchanged, rep.ErrorCount,
		took.Round(time.Millisecond), float64(rep.Rows)/max(took.Seconds(), 1e-9))
}

// cliError shows a coded error's Chinese message rather than its code.
func cliError(err error) error {
	if db.ErrorCode(err) != db.EINTERNAL {
		return fmt.Errorf("%s", db.ErrorMessage(err))
	}
	return err
}

// templateCommand implements `wenming template --kind KIND [--out FILE] [--db FILE]`.
func templateCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wenming template", flag.ContinueOnError)
	fs.SetOutput(stderr)
	kind := fs.String("kind", "", "units, people, honors, volunteer-records, assessments or activities; reporters for `wenming user import`")
	out := fs.String("out", "", "file to write (default KIND-template.xlsx; - for standard output)")
	path := fs.String("db", "", "take the catalogue (categories, campaigns, centres) from this database instead of the built-in one")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *kind == "reporters" {
		return writeFile(*out, "reporters-template.xlsx", stdout, importer.WriteReporterTemplate)
	}
	spec, err := importer.SpecByName(*kind)
	if err != nil {
		return cliError(err)
	}
	var cat *db.Catalog
	if *path != "" {
		d, err := dial.Open(ctx, *path)
		if err != nil {
			return err
		}
		defer d.Close()
		if cat, err = d.ImportCatalog(ctx); err != nil {
			return err
		}
	} else {
		ds, err := seed.Real()
		if err != nil {
			return err
		}
		cat = &db.Catalog{Categories: ds.Categories, Campaigns: ds.Campaigns, Centers: ds.Centers, Projects: ds.Projects}
	}
	if *out == "-" {
		return importer.WriteTemplate(stdout, spec, cat)
	}
	if *out == "" {
		*out = spec.Slug() + "-template.xlsx"
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := importer.WriteTemplate(f, spec, cat); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote the %s template to %s\n", spec.NameZh, *out)
	return nil
}

// exportCommand implements `wenming export --view VIEW --format xlsx|csv [--filter k=v …] [--out FILE] --db FILE`.
func exportCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wenming export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	names := make([]string, len(importer.ExportViews))
	for i, v := range importer.ExportViews {
		names[i] = v.Name
	}
	view := fs.String("view", "", "what to export: "+strings.Join(names, ", "))
	format := fs.String("format", "xlsx", "xlsx or csv")
	out := fs.String("out", "", "file to write (default VIEW.FORMAT; - for standard output)")
	quiet := fs.Bool("quiet", false, "show no progress on stderr (the file alone goes to standard output with --out -)")
	path := dbFlag(fs)
	q := url.Values{}
	fs.Func("filter", "a filter as NAME=VALUE, repeatable, e.g. --filter fromYear=2021 --filter levels=NATIONAL,PROVINCIAL", func(s string) error {
		k, v, ok := strings.Cut(s, "=")
		if !ok || k == "" {
			return errors.New("a filter is NAME=VALUE")
		}
		q.Add(k, v)
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *view == "" {
		fs.Usage()
		return errors.New("--view is required")
	}
	if _, err := os.Stat(*path); err != nil && !dial.IsShared(*path) {
		return fmt.Errorf("database %s: %w", *path, err)
	}
	d, err := dial.Open(ctx, *path)
	if err != nil {
		return err
	}
	defer d.Close()
	var w io.Writer = stdout
	var f *os.File
	if *out != "-" {
		if *out == "" {
			*out = *view + "." + *format
		}
		if f, err = os.Create(*out); err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	prog := newProgress(stderr, *quiet)
	defer prog.Finish()
	if err := importer.Export(prog.attach(cliPrincipal(ctx)), d, *view, importer.Format(*format), q, w); err != nil {
		if f != nil {
			f.Close()
			os.Remove(*out)
		}
		return cliError(err)
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "exported %s to %s\n", *view, *out)
	}
	return nil
}

// writeFile writes what write makes to the file out (name when empty, standard output for -).
func writeFile(out, name string, stdout io.Writer, write func(io.Writer) error) error {
	if out == "-" {
		return write(stdout)
	}
	if out == "" {
		out = name
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
