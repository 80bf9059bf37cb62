package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// importRecords is how many volunteer records the import row brings in: a large office's upload of a year.
const importRecords = 100000

// importUnits are the fresh units the imported records are written against, so that no row meets the natural key
// of a seeded record: every row is created.
const importUnits = 100

// importResult is the import row: a CSV of importRecords new volunteer records imported through the binary's
// `wenming import` into the scale-1 database, with no server running.
type importResult struct {
	scale   float64
	rows    int
	created int
	took    time.Duration
	load    string
}

// importFiles writes the units file and the volunteer-records file of one import row into dir. The tag makes the
// units' names new on every run, so that a reused database imports as many records as a fresh one.
func importFiles(dir, tag string) (units, records string, err error) {
	units, records = filepath.Join(dir, "import-units.csv"), filepath.Join(dir, "import-records.csv")
	var b strings.Builder
	b.WriteString("单位名称,单位类型\n")
	for i := range importUnits {
		fmt.Fprintf(&b, "导入基准单位 %s-%03d,机关\n", tag, i)
	}
	if err := os.WriteFile(units, []byte(b.String()), 0o600); err != nil {
		return "", "", err
	}
	f, err := os.Create(records)
	if err != nil {
		return "", "", err
	}
	w := bufio.NewWriter(f)
	w.WriteString("单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实\n")
	methods := []string{"签到签退", "按班次", "本人申报", "补录"}
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range importRecords {
		// (unit, day, method) is unique: 100 units × 250 days × 4 methods.
		k := i / importUnits
		fmt.Fprintf(w, "导入基准单位 %s-%03d,%s,,%d,%d.5,%s,是\n", tag, i%importUnits, start.AddDate(0, 0, k/4).Format(time.DateOnly),
			1+i%40, 1+i%30, methods[k%4])
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return "", "", err
	}
	return units, records, f.Close()
}

// runImport runs `wenming import --json` and returns its report's counts.
func runImport(bin, dbPath, kind, file string) (rows, created int, err error) {
	out, err := exec.Command(bin, "import", file, "--kind", kind, "--db", dbPath, "--json", "--quiet").Output()
	if err != nil {
		return 0, 0, fmt.Errorf("import %s: %v\n%s", kind, err, out)
	}
	var rep struct{ Rows, Created, ErrorCount int }
	if err := json.Unmarshal(out, &rep); err != nil {
		return 0, 0, fmt.Errorf("import %s: %v\n%s", kind, err, out)
	}
	if rep.ErrorCount > 0 {
		return 0, 0, fmt.Errorf("import %s: %d errors\n%s", kind, rep.ErrorCount, out)
	}
	return rep.Rows, rep.Created, nil
}

// measureImport imports the units, then times the import of the volunteer records, whose every row must be created.
func measureImport(bin, dbPath string, scale float64) (importResult, error) {
	units, records, err := importFiles("bench/tmp", time.Now().Format("150405.000"))
	if err != nil {
		return importResult{}, err
	}
	defer os.Remove(units)
	defer os.Remove(records)
	if _, _, err := runImport(bin, dbPath, "units", units); err != nil {
		return importResult{}, err
	}
	start := time.Now()
	rows, created, err := runImport(bin, dbPath, "volunteer-records", records)
	r := importResult{scale: scale, rows: rows, created: created, took: time.Since(start), load: loadAverage()}
	if err == nil && created != importRecords {
		err = fmt.Errorf("the import created %d of %d records", created, importRecords)
	}
	return r, err
}

// line is the import row as the console prints it.
func (r importResult) line() string {
	return fmt.Sprintf("  import: %d volunteer records in %s (%.0f rows/s), load %s", r.created, r.took.Round(time.Millisecond), r.rate(), r.load)
}

func (r importResult) rate() float64 { return float64(r.rows) / max(r.took.Seconds(), 1e-9) }

// markdownImports is the table of the import rows.
func markdownImports(rows []importResult) string {
	if len(rows) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n### Import (`wenming import`, %d new volunteer records on %d new units)\n\n", importRecords, importUnits)
	b.WriteString("The CSV is imported through the binary's command line, with no server running: both passes (validation against the " +
		"catalogue, then one transaction that stages, matches and writes every row), as an upload does. *load* is the one-minute " +
		"load average when it ended.\n\n| scale | rows | created | took | rows/s | load |\n|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %g | %d | %d | %s | %.0f | %s |\n", r.scale, r.rows, r.created, r.took.Round(time.Millisecond), r.rate(), r.load)
	}
	return b.String()
}
