package importer

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/wenming/wenming/db"
)

// DefaultMaxUnzippedBytes bounds what an XLSX may expand to when ImportRequest.MaxUnzippedBytes is zero: far below
// the 1 GiB that let a 973 KB zip bomb through, and room for about 280,000 volunteer-record rows as the exporter
// writes them (466 bytes a row, compressed 12:1). Larger imports go as CSV, which is read as it streams in, or
// raise `wenming serve --max-xlsx-unzipped-bytes`.
const DefaultMaxUnzippedBytes = 128 << 20

// MaxZipRatio is the highest expansion allowed to a large part of an XLSX: real sheets compress 5–30 times;
// a bomb compresses a thousand times.
const MaxZipRatio = 100

// MaxXMLToken bounds the bytes between two XML tag marks, so that one giant text or attribute cannot fill memory
// while the sheet streams. Excel itself keeps a cell to 32,767 characters (at most 128 KB in UTF-8).
const MaxXMLToken = 1 << 20

// maxZipEntries bounds the parts of a workbook; real ones have a few dozen.
const maxZipEntries = 10000

// ratioFloor is the size below which a part's ratio is not judged: small XML parts of empty styles compress well.
const ratioFloor = 1 << 20

// errTooLarge reports an XLSX refused for its expanded size: bad input of the file field (BAD_USER_INPUT).
func errTooLarge(format string, args ...any) error {
	return &db.Error{Code: db.EINVALID, Field: "file", Message: fmt.Sprintf(format, args...)}
}

// checkXLSX refuses, before excelize unzips anything to disk or memory, a workbook whose parts expand past max
// bytes in all, whose large parts expand more than MaxZipRatio times, or whose XML carries a token longer than
// MaxXMLToken. The sizes in the zip directory are checked while inflating (archive/zip fails a part that runs past
// its declared size), so a part cannot lie about them.
func checkXLSX(path string, max int64) error {
	if max <= 0 {
		max = DefaultMaxUnzippedBytes
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return fileError("文件不是有效的 XLSX（压缩包已损坏）。")
	}
	defer zr.Close()
	if len(zr.File) > maxZipEntries {
		return errTooLarge("XLSX 文件包含 %d 个部件，超过上限 %d，拒绝读取。", len(zr.File), maxZipEntries)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(max) {
			return errTooLarge("XLSX 解压后超过 %d MB 上限，拒绝读取（可能是压缩炸弹）。请拆分文件或改用 CSV 导入。", max>>20)
		}
		if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64 > MaxZipRatio*f.CompressedSize64 {
			return errTooLarge("XLSX 部件“%s”的压缩比超过 %d:1，拒绝读取（可能是压缩炸弹）。", f.Name, MaxZipRatio)
		}
	}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		if err := checkTokens(f); err != nil {
			return err
		}
	}
	return nil
}

// checkTokens streams one XML part and fails on a run of more than MaxXMLToken bytes between two '<' marks: one tag
// and the text after it, which is all the XML decoder ever holds at once.
func checkTokens(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return fileError("文件不是有效的 XLSX（压缩包已损坏）。")
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 64<<10)
	run := 0
	for {
		chunk, err := br.ReadSlice('<')
		if run += len(chunk); run > MaxXMLToken {
			return tokenTooLong(f.Name)
		}
		switch {
		case err == nil:
			run = 0
		case errors.Is(err, bufio.ErrBufferFull):
		case errors.Is(err, io.EOF):
			return nil
		default:
			return fileError("文件不是有效的 XLSX（压缩包已损坏）。")
		}
	}
}

func tokenTooLong(part string) error {
	return errTooLarge("XLSX 部件“%s”中有超过 %d KB 的单个文本或标记，拒绝读取（Excel 单元格最多 32767 个字符）。", part, MaxXMLToken>>10)
}
