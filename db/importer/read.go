package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"github.com/wenming/wenming/db"
)

// Format is a spreadsheet file format.
type Format string

// Formats the importer reads and the exporter writes.
const (
	XLSX Format = "xlsx"
	CSV  Format = "csv"
)

// MaxLineBytes bounds one CSV line, so that a file without line breaks cannot fill memory.
const MaxLineBytes = 1 << 20

// File is an opened spreadsheet whose data rows can be read any number of times, one at a time.
type File struct {
	Path   string
	Format Format
	Spec   *Spec
	// cols maps a spec column index to the file's column index, or -1 when the file lacks it.
	cols []int
	// headerErrors are problems with the header row; a file with any is not read further.
	HeaderErrors []*db.ImportError
	sheet        string
	// maxUnzipped bounds what the workbook may expand to (DefaultMaxUnzippedBytes when 0).
	maxUnzipped int64
}

// Open detects the format of the file at path (XLSX by its zip signature, otherwise CSV in UTF-8 or GB18030),
// reads its header row and maps the template's columns to it. Problems with the header are listed in
// HeaderErrors; an unreadable file fails with EINVALID.
func Open(path string, spec *Spec) (*File, error) { return OpenLimited(path, spec, 0) }

// OpenLimited is Open with a bound on what an XLSX may expand to (DefaultMaxUnzippedBytes when maxUnzipped is 0):
// a workbook past it, or past MaxZipRatio, is refused with EINVALID before anything is unzipped.
func OpenLimited(path string, spec *Spec, maxUnzipped int64) (*File, error) {
	if maxUnzipped <= 0 {
		maxUnzipped = DefaultMaxUnzippedBytes
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open import file: %w", err)
	}
	magic := make([]byte, 8)
	n, _ := io.ReadFull(fh, magic)
	fh.Close()
	magic = magic[:n]
	f := &File{Path: path, Spec: spec, maxUnzipped: maxUnzipped}
	switch {
	case n == 0:
		return nil, fileError("文件为空。")
	case bytes.HasPrefix(magic, []byte("PK\x03\x04")):
		f.Format = XLSX
		if err := checkXLSX(path, maxUnzipped); err != nil {
			return nil, err
		}
	case bytes.HasPrefix(magic, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, fileError("不支持旧版 .xls 文件（或文件已加密）。请在 Excel 中“另存为” .xlsx 后再导入。")
	case bytes.HasPrefix(magic, []byte("PK")):
		return nil, fileError("文件不是有效的 XLSX（压缩包已损坏）。")
	default:
		f.Format = CSV
	}
	var header []string
	err = f.each(func(row int, cells []string) error {
		header = append([]string(nil), cells...)
		return errStop
	})
	if err != nil && !errors.Is(err, errStop) {
		return nil, err
	}
	if header == nil {
		return nil, fileError("文件没有表头行，请使用下载的模板。")
	}
	f.mapHeader(header)
	return f, nil
}

var errStop = errors.New("stop")

func fileError(format string, args ...any) error { return db.FieldErrorf("file", format, args...) }

// normalizeHeader drops the marks templates and people add around a header: spaces, a trailing * and
// full-width/half-width bracket differences.
func normalizeHeader(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	s = strings.TrimRight(s, "*＊ ")
	s = strings.NewReplacer("(", "（", ")", "）", " ", "", "\u3000", "").Replace(s)
	return s
}

func (f *File) mapHeader(header []string) {
	index := map[string]int{}
	for i, h := range header {
		if h := normalizeHeader(h); h != "" {
			if _, dup := index[h]; dup {
				f.HeaderErrors = append(f.HeaderErrors, db.ImportErrorf(1, "表头“%s”出现了两次。", h).At(ColumnName(i), h))
				continue
			}
			index[h] = i
		}
	}
	f.cols = make([]int, len(f.Spec.Columns))
	found := 0
	for ci, c := range f.Spec.Columns {
		f.cols[ci] = -1
		for _, name := range append([]string{c.Header}, c.Aliases...) {
			if i, ok := index[normalizeHeader(name)]; ok {
				f.cols[ci] = i
				found++
				break
			}
		}
	}
	if found == 0 {
		f.HeaderErrors = append(f.HeaderErrors, db.ImportErrorf(1,
			"表头与“%s”模板不符：第 1 行应为 %s。请下载模板，或确认选择的导入类型。", f.Spec.NameZh, strings.Join(f.Spec.Headers(), "、")))
		return
	}
	for ci, c := range f.Spec.Columns {
		if c.Required && f.cols[ci] < 0 {
			f.HeaderErrors = append(f.HeaderErrors, db.ImportErrorf(1, "缺少必填列“%s”。", c.Header).At("", c.Header))
		}
	}
}

// Column returns the file's column letter of a spec column, or "".
func (f *File) Column(ci int) string {
	if f.cols[ci] < 0 {
		return ""
	}
	return ColumnName(f.cols[ci])
}

// ColumnName turns a zero-based column index into its spreadsheet letters: 0 → A, 26 → AA.
func ColumnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// Row is one data row of a file, with its cells in the spec's column order ("" when missing).
type Row struct {
	Num   int
	Cells []string
}

// Each calls fn with every non-blank data row, in order, streaming the file: memory stays flat however many
// rows it holds. It stops at the first error fn returns.
func (f *File) Each(fn func(Row) error) error {
	cells := make([]string, len(f.Spec.Columns))
	return f.each(func(num int, raw []string) error {
		if num == 1 {
			return nil
		}
		blank := true
		for ci := range cells {
			cells[ci] = ""
			if i := f.cols[ci]; i >= 0 && i < len(raw) {
				cells[ci] = strings.TrimSpace(raw[i])
				if cells[ci] != "" {
					blank = false
				}
			}
		}
		if blank {
			return nil
		}
		return fn(Row{Num: num, Cells: cells})
	})
}

// each streams every row of the file, header included, numbered from 1.
func (f *File) each(fn func(num int, cells []string) error) error {
	if f.Format == XLSX {
		return f.eachXLSX(fn)
	}
	return f.eachCSV(fn)
}

func (f *File) eachXLSX(fn func(int, []string) error) error {
	x, err := excelize.OpenFile(f.Path, excelize.Options{UnzipXMLSizeLimit: 16 << 20, UnzipSizeLimit: f.limit()})
	if err != nil {
		return fileError("无法读取 XLSX 文件：文件已损坏或不是 Excel 工作簿。")
	}
	defer x.Close()
	if f.sheet == "" {
		for _, name := range x.GetSheetList() {
			if name != instructionsSheet {
				f.sheet = name
				break
			}
		}
		if f.sheet == "" {
			return fileError("工作簿中没有数据工作表。")
		}
	}
	rows, err := x.Rows(f.sheet)
	if err != nil {
		return fileError("无法读取工作表“%s”。", f.sheet)
	}
	defer rows.Close()
	num := 0
	for rows.Next() {
		num++
		// Raw values: numbers as typed and dates as serial numbers, never as a locale's display format.
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return fileError("第 %d 行无法读取：%v", num, err)
		}
		if err := fn(num, cells); err != nil {
			return err
		}
	}
	if err := rows.Error(); err != nil {
		return fileError("读取工作表出错：文件可能已损坏。")
	}
	return nil
}

// limit is the bound on the workbook's expanded size, also handed to excelize as a second guard.
func (f *File) limit() int64 {
	if f.maxUnzipped <= 0 {
		return DefaultMaxUnzippedBytes
	}
	return f.maxUnzipped
}

func (f *File) eachCSV(fn func(int, []string) error) error {
	fh, err := os.Open(f.Path)
	if err != nil {
		return fmt.Errorf("open import file: %w", err)
	}
	defer fh.Close()
	br := bufio.NewReaderSize(fh, 64<<10)
	// Excel in Chinese locales saves CSV as GB18030 (GBK); anything that is not valid UTF-8 is read as that.
	var r io.Reader = br
	peek, _ := br.Peek(64 << 10)
	if bytes.HasPrefix(peek, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	} else if !validUTF8Prefix(peek) {
		r = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	}
	cr := csv.NewReader(&lineLimit{r: r, max: MaxLineBytes})
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	num := 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		num++
		if errors.Is(err, errLineTooLong) {
			return fileError("第 %d 行超过 %d 字节，文件可能不是 CSV。", num, MaxLineBytes)
		} else if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return fileError("第 %d 行不是有效的 CSV：%v", pe.StartLine, pe.Err)
			}
			return fileError("无法读取 CSV 文件。")
		}
		if num == 1 && len(rec) > 0 {
			rec[0] = strings.TrimPrefix(rec[0], "\ufeff")
		}
		if err := fn(num, rec); err != nil {
			return err
		}
	}
}

// validUTF8Prefix reports whether b is UTF-8, allowing a character cut at the end of the peeked window.
func validUTF8Prefix(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return len(b) < utf8.UTFMax && !utf8.FullRune(b)
		}
		b = b[size:]
	}
	return true
}

var errLineTooLong = errors.New("line too long")

// lineLimit fails a read once a line runs longer than max bytes.
type lineLimit struct {
	r   io.Reader
	max int
	cur int
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, c := range p[:n] {
		if c == '\n' {
			l.cur = 0
		} else if l.cur++; l.cur > l.max {
			return 0, errLineTooLong
		}
	}
	return n, err
}
