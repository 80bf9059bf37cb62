package importer_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
)

// workbookParts are the smallest set of parts excelize opens as a workbook with one sheet named 数据.
var workbookParts = map[string]string{
	"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
	"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
	"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>单位名称</t></is></c><c r="B1" t="inlineStr"><is><t>单位类型</t></is></c></row>`
const sheetTail = `</sheetData></worksheet>`

// writeWorkbook writes an XLSX whose sheet is sheetHead, then block repeated times, then sheetTail. The block is
// deflated once and its compressed bytes repeated (a sync-flushed deflate block stands alone), so that a sheet of a
// gigabyte costs the test a megabyte and a checksum, as a real zip bomb costs its maker.
func writeWorkbook(t *testing.T, block []byte, times int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	zw := zip.NewWriter(fh)
	for name, body := range workbookParts {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	var deflated bytes.Buffer
	fw, _ := flate.NewWriter(&deflated, flate.BestCompression)
	fw.Write(block)
	fw.Flush()
	rawBlock := append([]byte(nil), deflated.Bytes()...)
	var head, tail bytes.Buffer
	hw, _ := flate.NewWriter(&head, flate.BestCompression)
	hw.Write([]byte(sheetHead))
	hw.Flush()
	tw, _ := flate.NewWriter(&tail, flate.BestCompression)
	tw.Write([]byte(sheetTail))
	tw.Close()

	crc := crc32.ChecksumIEEE([]byte(sheetHead))
	for i := 0; i < times; i++ {
		crc = crc32.Update(crc, crc32.IEEETable, block)
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(sheetTail))
	size := uint64(len(sheetHead)) + uint64(len(block))*uint64(times) + uint64(len(sheetTail))
	compressed := uint64(head.Len()) + uint64(len(rawBlock))*uint64(times) + uint64(tail.Len())
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc,
		UncompressedSize64: size, CompressedSize64: compressed})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(head.Bytes())
	for i := 0; i < times; i++ {
		w.Write(rawBlock)
	}
	w.Write(tail.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// letters is text that deflate can shrink only about 1.6 times, like real varied cell values.
func letters(n int) []byte {
	r := rand.New(rand.NewSource(1))
	b := make([]byte, n)
	for i := range b {
		b[i] = "abcdefghijklmnopqrstuvwxyz234567"[r.Intn(32)]
	}
	return b
}

// TestZipBomb opens workbooks built to exhaust the importer and expects each refused with EINVALID on the file
// field, in well under a second and without allocating the expansion. The figures of the first case are those of
// the security review: a 973 KB upload whose sheet expands to 1,000,000,000 bytes.
func TestZipBomb(t *testing.T) {
	spec, _ := importer.SpecFor(db.ImportUnits)
	blankRow := bytes.Repeat([]byte(" "), 1<<20)
	longCell := append(append([]byte(`<row><c t="inlineStr"><is><t>`), letters(2<<20)...), `</t></is></c></row>`...)
	for _, c := range []struct {
		name  string
		block []byte
		times int
		max   int64
	}{
		// 1,000 MiB of blanks: past the absolute bound, refused from the zip directory alone.
		{"GigabyteSheet", blankRow, 1000, 0},
		// 64 MiB of blanks: under the absolute bound, refused for a ratio of about 1,000:1.
		{"RatioUnderTheBound", blankRow, 64, 0},
		// 2 MiB of varied text in one cell: a modest ratio, refused for the length of one XML token.
		{"OneGiantCell", longCell, 1, 0},
		// 4 MiB of varied text over a configured bound of 1 MiB.
		{"ConfiguredBound", bytes.Repeat([]byte(`<row><c t="inlineStr"><is><t>`+string(letters(1000))+`</t></is></c></row>`), 4096), 1, 1 << 20},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeWorkbook(t, c.block, c.times)
			st, _ := os.Stat(path)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := importer.OpenLimited(path, spec, c.max)
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d-byte upload expanding to %d MiB: refused in %v, %.1f MiB allocated: %v",
				st.Size(), len(c.block)*c.times>>20, took.Round(time.Millisecond), float64(alloc)/(1<<20), err)
			if db.ErrorCode(err) != db.EINVALID || db.ErrorField(err) != "file" {
				t.Fatalf("err = %v, want EINVALID on file", err)
			}
			if !strings.Contains(db.ErrorMessage(err), "拒绝读取") {
				t.Errorf("message %q does not say the file is refused", db.ErrorMessage(err))
			}
			if took > 3*time.Second {
				t.Errorf("refusal took %v", took)
			}
			if alloc > 16<<20 {
				t.Errorf("refusal allocated %.1f MiB, want under 16", float64(alloc)/(1<<20))
			}
		})
	}
	t.Run("AnOrdinaryLargeSheetStillOpens", func(t *testing.T) {
		// Rows that differ only in a number, as an export's do, compress about 20:1; they must pass.
		var rows bytes.Buffer
		for i := 0; i < 20000; i++ {
			fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>单位%d</t></is></c><c r="B%d" t="inlineStr"><is><t>机关</t></is></c></row>`, i+2, i+2, i*7919%100003, i+2)
		}
		path := writeWorkbook(t, rows.Bytes(), 1)
		st, _ := os.Stat(path)
		t.Logf("%d rows, %d bytes of sheet in a %d-byte file", 20000, rows.Len(), st.Size())
		f, err := importer.Open(path, spec)
		if err != nil || len(f.HeaderErrors) > 0 {
			t.Fatalf("open: %v %+v", err, f.HeaderErrors)
		}
		n := 0
		if err := f.Each(func(importer.Row) error { n++; return nil }); err != nil || n != 20000 {
			t.Fatalf("read %d rows: %v", n, err)
		}
	})
}
