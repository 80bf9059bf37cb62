package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
)

// userImport implements `wenming user import FILE.xlsx|csv [--out SHEET] [--sign-in URL] [--dry-run]`: unit
// reporters in bulk, all or nothing, with their one-time passwords written to a credentials sheet only the
// operator can read (mode 0600), never to the terminal.
func userImport(ctx context.Context, fs *flag.FlagSet, args []string, stdout, stderr io.Writer) error {
	out := fs.String("out", "", "the credentials sheet to write, .csv or .xlsx (default reporter-credentials-DATE.csv); it must not exist")
	signIn := fs.String("sign-in", "", "the sign-in address printed on every slip, e.g. https://wenming.example.gov.cn/login")
	dry := fs.Bool("dry-run", false, "check every row and create nothing")
	quiet := fs.Bool("quiet", false, "show no progress on stderr")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wenming user import FILE.xlsx|FILE.csv [--out SHEET.csv|.xlsx] [--sign-in URL] [--dry-run] [--db FILE]")
		fmt.Fprintln(stderr, "columns: 单位 (Unit), 用户名 (Username), 姓名 (Name), 手机 (Phone); `wenming template --kind reporters` writes the template")
		fs.PrintDefaults()
	}
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	d, err := openForCLI(ctx, fs, args)
	if err != nil {
		return err
	}
	defer d.Close()
	if file == "" && fs.NArg() == 1 {
		file = fs.Arg(0)
	}
	if file == "" {
		fs.Usage()
		return fmt.Errorf("a FILE is required")
	}
	if err := db.ValidSignInURL(*signIn); err != nil {
		return cliError(err)
	}
	sheet := *out
	if sheet == "" {
		sheet = "reporter-credentials-" + time.Now().Format("20060102-150405") + ".csv"
	}
	format := importer.CSV
	switch strings.ToLower(filepath.Ext(sheet)) {
	case ".xlsx":
		format = importer.XLSX
	case ".csv":
	default:
		return fmt.Errorf("--out must end in .csv or .xlsx: %s", sheet)
	}
	// The sheet is opened first, so that accounts are never made whose passwords could not be written down.
	var sheetFile *os.File
	if !*dry {
		if sheetFile, err = os.OpenFile(sheet, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600); err != nil {
			return fmt.Errorf("credentials sheet: %w", err)
		}
		defer sheetFile.Close()
	}
	p := newProgress(stderr, *quiet)
	if p != nil {
		p.every = 50 // each row costs a password hash: a line every few seconds
	}
	p.phase("读取")
	rows, errs, err := importer.ReadReporters(file, 0)
	if err != nil {
		return dropSheet(sheetFile, cliError(err))
	}
	rep := &db.ReporterImport{Errors: errs}
	if errs == nil {
		fmt.Fprintf(stderr, "%s: %d rows\n", file, len(rows))
		if rep, err = (db.Accounts{Store: d}).ImportReporters(p.attach(cliPrincipal(ctx)), d, rows, *dry); err != nil {
			return dropSheet(sheetFile, cliError(err))
		}
	}
	p.Finish()
	if len(rep.Errors) > 0 {
		for _, e := range rep.Errors {
			fmt.Fprintln(stderr, e.String())
		}
		return dropSheet(sheetFile, fmt.Errorf("%d problems; no account was created", len(rep.Errors)))
	}
	if *dry {
		fmt.Fprintf(stdout, "check passed: %d accounts would be created (nothing written)\n", len(rep.Accounts))
		return nil
	}
	if err := importer.WriteCredentials(sheetFile, format, rep.Accounts, *signIn, time.Now()); err != nil {
		return fmt.Errorf("the %d accounts were created, but their credentials sheet could not be written (%w): reset their passwords with wenming user passwd", len(rep.Accounts), err)
	}
	if err := sheetFile.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %d unit reporters; %d units got a contact\ncredentials sheet: %s (mode 0600; the one-time passwords are nowhere else)\n",
		len(rep.Accounts), rep.ContactsSet, sheet)
	return nil
}

// dropSheet removes the credentials sheet opened for an import that made no account, and returns err.
func dropSheet(f *os.File, err error) error {
	if f != nil {
		f.Close()
		os.Remove(f.Name())
	}
	return err
}
