package sqlite_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/db/sqlite"
)

// mustOpenReal opens a database with the real catalogue (categories, campaigns, centres) and no units.
func mustOpenReal(tb testing.TB) *sqlite.DB {
	tb.Helper()
	ds, err := seed.Real()
	if err != nil {
		tb.Fatal(err)
	}
	d := MustOpenDB(tb)
	MustLoad(tb, d, ds)
	return d
}

func mustImport(tb testing.TB, d *sqlite.DB, kind db.ImportKind, path string, dry bool) *db.ImportReport {
	tb.Helper()
	rep, err := d.Import(editor(), db.ImportRequest{Kind: kind, Path: path, DryRun: dry})
	if err != nil {
		tb.Fatalf("import %s: %v", kind, err)
	}
	return rep
}

// BenchmarkImportVolunteerCSV imports b.N volunteer records from a generated CSV into a database with 100 units,
// and reports rows per second (run with -benchtime=1000000x for the million-row case).
func BenchmarkImportVolunteerCSV(b *testing.B) {
	n := b.N
	if n < 1000 {
		n = 1000
	}
	d := mustOpenReal(b)
	dir := b.TempDir()
	var units strings.Builder
	units.WriteString("单位名称,单位类型\n")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&units, "基准单位%03d（演示）,机关\n", i)
	}
	up := filepath.Join(dir, "units.csv")
	os.WriteFile(up, []byte(units.String()), 0o600)
	mustImport(b, d, db.ImportUnits, up, false)

	path := filepath.Join(dir, "records.csv")
	fh, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(fh)
	w.WriteString("单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实\n")
	methods := []string{"签到签退", "按班次", "本人申报", "补录"}
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		// Unique keys: 100 units × 2,190 days × 4 methods = 876,000; a campaign doubles them.
		k := i % 876000
		campaign := ""
		if i >= 876000 {
			campaign = "COVID19"
			start = time.Date(2020, 1, 25, 0, 0, 0, 0, time.UTC)
		}
		day := start.AddDate(0, 0, k/400%2190)
		if campaign != "" {
			day = start.AddDate(0, 0, k/400%1000)
		}
		fmt.Fprintf(w, "基准单位%03d（演示）,%s,%s,%d,%d.5,%s,是\n", k%100, day.Format(time.DateOnly), campaign, 1+i%40, 1+i%30, methods[k/100%4])
	}
	w.Flush()
	fh.Close()
	fi, _ := os.Stat(path)

	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	t0 := time.Now()
	rep := mustImport(b, d, db.ImportVolunteerRecords, path, false)
	took := time.Since(t0)
	b.StopTimer()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if rep.ErrorCount > 0 || rep.Created != n {
		b.Fatalf("report: created %d of %d, %d errors, first %+v", rep.Created, n, rep.ErrorCount, rep.Errors[0])
	}
	rate := float64(n) / took.Seconds()
	b.ReportMetric(rate, "rows/s")
	b.ReportMetric(0, "ns/op")
	b.Logf("imported %d volunteer records (%.1f MB CSV) in %s: %.0f rows/s; heap in use after %.1f MB",
		n, float64(fi.Size())/1e6, took.Round(time.Millisecond), rate, float64(after.HeapInuse)/1e6)
}
