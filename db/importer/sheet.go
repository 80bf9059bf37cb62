package importer

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/wenming/wenming/db"
)

// instructionsSheet is the name of the sheet that explains a template or an export; imports skip it.
const instructionsSheet = "说明"

// SheetWriter writes one table as XLSX or CSV, row by row, without holding the rows in memory: XLSX through
// excelize's StreamWriter (which spills to a temporary file), CSV straight to the writer with a UTF-8 BOM so
// that Excel opens it in the right encoding.
type SheetWriter struct {
	format Format
	out    io.Writer
	// CSV
	csv *csv.Writer
	// XLSX
	x     *excelize.File
	sw    *excelize.StreamWriter
	row   int
	notes [][2]string
	cols  int
	// progress counts the rows written, for a long export's progress; nil counts nothing.
	progress db.Progress
}

// NewSheetWriter starts a table with its Chinese headers; widths (in characters) may be nil.
func NewSheetWriter(out io.Writer, format Format, sheet string, headers []string, widths []float64) (*SheetWriter, error) {
	w := &SheetWriter{format: format, out: out, cols: len(headers)}
	switch format {
	case CSV:
		if _, err := io.WriteString(out, "\ufeff"); err != nil {
			return nil, err
		}
		w.csv = csv.NewWriter(out)
		w.csv.UseCRLF = true
		return w, w.csv.Write(headers)
	case XLSX:
		w.x = excelize.NewFile()
		if err := w.x.SetSheetName("Sheet1", sheet); err != nil {
			return nil, err
		}
		sw, err := w.x.NewStreamWriter(sheet)
		if err != nil {
			return nil, err
		}
		w.sw = sw
		for i, wd := range widths {
			if wd > 0 {
				if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
					return nil, err
				}
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
		style, err := w.x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
		if err != nil {
			return nil, err
		}
		cells := make([]any, len(headers))
		for i, h := range headers {
			cells[i] = excelize.Cell{StyleID: style, Value: h}
		}
		w.row = 1
		return w, sw.SetRow("A1", cells)
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

// Note adds a line to the 说明 sheet of an XLSX file (the view, its filters, when and by whom); CSV has none.
func (w *SheetWriter) Note(label, value string) {
	w.notes = append(w.notes, [2]string{db.StripControl(label), db.StripControl(value)})
}

// Row writes one row; cells may be strings, numbers, booleans or nil (an empty cell).
func (w *SheetWriter) Row(cells ...any) error {
	if w.progress != nil {
		w.progress.Add(1)
	}
	if w.format == CSV {
		rec := make([]string, len(cells))
		for i, c := range cells {
			rec[i] = csvCell(c)
		}
		return w.csv.Write(rec)
	}
	if w.row >= excelize.TotalRows {
		return db.Errorf(db.EINVALID, "超过 XLSX 每个工作表 %d 行的上限。请改用 CSV 导出，或缩小筛选范围。", excelize.TotalRows)
	}
	w.row++
	for i, c := range cells {
		if s, ok := c.(string); ok {
			cells[i] = db.StripControl(s)
		}
	}
	cell, _ := excelize.CoordinatesToCellName(1, w.row)
	return w.sw.SetRow(cell, cells)
}

// formulaLike reports whether a spreadsheet could run the text as a formula: its first character, after any
// invisible, zero-width or direction marks (U+200B, U+FEFF, U+202E, U+061C …) and spaces, is = + - @ (half- or
// full-width), a tab or a carriage return.
func formulaLike(v string) bool {
	for _, r := range v {
		if unicode.Is(unicode.Cf, r) || r == ' ' || r == '\u3000' {
			continue
		}
		return strings.ContainsRune("=+-@\t\r＝＋－＠", r)
	}
	return false
}

// csvCell renders a cell; text that a spreadsheet would run as a formula is prefixed with ' (CSV injection).
func csvCell(c any) string {
	switch v := c.(type) {
	case nil:
		return ""
	case string:
		// No NUL or other control character reaches a CSV: text stored before the input rule loses them here.
		v = db.StripControl(v)
		if formulaLike(v) {
			return "'" + v
		}
		return v
	case bool:
		if v {
			return "是"
		}
		return "否"
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	}
	return fmt.Sprint(c)
}

// Close finishes the file and writes an XLSX out.
func (w *SheetWriter) Close() error {
	if w.format == CSV {
		w.csv.Flush()
		return w.csv.Error()
	}
	defer w.x.Close()
	if err := w.sw.Flush(); err != nil {
		return err
	}
	if len(w.notes) > 0 {
		if _, err := w.x.NewSheet(instructionsSheet); err != nil {
			return err
		}
		w.x.SetColWidth(instructionsSheet, "A", "A", 16)
		w.x.SetColWidth(instructionsSheet, "B", "B", 80)
		for i, n := range w.notes {
			w.x.SetSheetRow(instructionsSheet, fmt.Sprintf("A%d", i+1), &[]any{n[0], n[1]})
		}
	}
	_, err := w.x.WriteTo(w.out)
	return err
}

// BoolZh renders a flag as 是/否 for sheets.
func BoolZh(b bool) string {
	if b {
		return "是"
	}
	return "否"
}
