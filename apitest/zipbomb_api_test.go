package apitest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"runtime"
	"testing"
	"time"

	"github.com/wenming/wenming/httpapi"
)

// zipBomb is an XLSX of about 1 MB whose sheet expands to 1,000,000,000 bytes of blanks, as in the security review:
// one sync-flushed deflate block of 1,000,000 blanks, repeated a thousand times.
func zipBomb(t *testing.T) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for name, body := range map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	blanks := bytes.Repeat([]byte(" "), 1_000_000)
	var block, end bytes.Buffer
	fw, _ := flate.NewWriter(&block, flate.BestCompression)
	fw.Write(blanks)
	fw.Flush()
	ew, _ := flate.NewWriter(&end, flate.BestCompression)
	ew.Close()
	crc := uint32(0)
	for i := 0; i < 1000; i++ {
		crc = crc32.Update(crc, crc32.IEEETable, blanks)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc,
		UncompressedSize64: 1_000_000_000, CompressedSize64: uint64(block.Len()*1000 + end.Len())})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 1000; i++ {
		w.Write(block.Bytes())
	}
	w.Write(end.Bytes())
	zw.Close()
	return out.Bytes()
}

// TestZipBombUpload sends the review's zip bomb to importRecords as an editor's dry run and expects a quick Chinese
// BAD_USER_INPUT on the file, with the server's heap barely moved. Before the bound it took 103 s and 1.6–2.9 GB.
func TestZipBombUpload(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	bomb := zipBomb(t)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	res, r := Upload(t, base, WithUpload(admin), "UNITS", "bomb.xlsx", bomb, true)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20)
	t.Logf("%d-byte upload expanding to 1,000,000,000 bytes: status %d in %v, %.1f MiB allocated in the test process",
		len(bomb), res.StatusCode, took.Round(time.Millisecond), alloc)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != httpapi.CodeBadUserInput || r.Errors[0].Extensions["field"] != "file" || !HasCJK(r.Errors[0].Message) {
		t.Fatalf("status %d, errors %+v", res.StatusCode, r.Errors)
	}
	if took > 5*time.Second {
		t.Errorf("refusal took %v", took)
	}
	// The upload itself (about 1 MB, parsed by the multipart transport) is most of what is allocated.
	if alloc > 64 {
		t.Errorf("%.1f MiB allocated while refusing", alloc)
	}
}
