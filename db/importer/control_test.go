package importer_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wenming/wenming/db/importer"
)

// TestExportStripsControlCharacters checks the export half of the NUL decision: text stored before the input rule
// (or loaded by a seed or copy) reaches neither a CSV nor an XLSX with a NUL or another control character, while
// tabs and line breaks inside a cell survive.
func TestExportStripsControlCharacters(t *testing.T) {
	cells := []any{"省某\x00厅", "经济\x01系统\u0085", "第一行\n第二行\t完", 3}
	want := []string{"省某厅", "经济系统", "第一行\n第二行\t完", "3"}
	t.Run("CSV", func(t *testing.T) {
		var buf bytes.Buffer
		w, err := importer.NewSheetWriter(&buf, importer.CSV, "单位", []string{"a", "b", "c", "d"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		w.Note("筛选", "unitKind=\x00")
		if err := w.Row(cells...); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		for i, c := range buf.Bytes() {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				t.Fatalf("byte %d of the CSV is %#x", i, c)
			}
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
		if err != nil || len(recs) != 2 {
			t.Fatalf("CSV %q: %v", buf.String(), err)
		}
		for i, w := range want {
			if got := strings.ReplaceAll(recs[1][i], "\r\n", "\n"); got != w {
				t.Errorf("cell %d = %q, want %q", i, got, w)
			}
		}
	})
	t.Run("XLSX", func(t *testing.T) {
		var buf bytes.Buffer
		w, err := importer.NewSheetWriter(&buf, importer.XLSX, "单位", []string{"a", "b", "c", "d"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		w.Note("筛选", "unitKind=\x00")
		if err := w.Row(cells...); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatalf("the XLSX does not open: %v", err)
		}
		defer x.Close()
		rows, err := x.GetRows("单位")
		if err != nil || len(rows) != 2 {
			t.Fatalf("rows %q: %v", rows, err)
		}
		for i, w := range want {
			if rows[1][i] != w {
				t.Errorf("cell %d = %q, want %q", i, rows[1][i], w)
			}
		}
	})
}
