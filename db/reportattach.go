package db

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of the evidence a unit attaches.
const (
	// MaxAttachmentBytes bounds one file (a phone photo is shrunk in the browser first).
	MaxAttachmentBytes = 10 << 20
	// MaxSubmissionAttachmentBytes bounds all the files of one unit's report.
	MaxSubmissionAttachmentBytes = 50 << 20
)

// Types of evidence a unit may attach, as sniffed from the bytes.
const (
	TypeJPEG = "image/jpeg"
	TypePNG  = "image/png"
	TypePDF  = "application/pdf"
	TypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// ReportAttachment is one piece of evidence attached to a unit's report, on the item or indicator it supports.
type ReportAttachment struct {
	ID             int64
	TaskID, UnitID int64
	// Field is the path of the item or indicator it supports (assessment.scores[0] …), or empty for the report.
	Field       string
	Name        string
	ContentType string
	Size        int
	UploadedBy  string
	UploadedAt  time.Time
}

// Inline reports whether the attachment may be shown in the page (pictures); anything else is only downloaded.
func (a *ReportAttachment) Inline() bool {
	return a.ContentType == TypeJPEG || a.ContentType == TypePNG
}

// SniffAttachment decides a file's type from its bytes, never from its name: JPEG, PNG, PDF or an XLSX workbook (a
// zip holding xl/workbook.xml); anything else is refused.
func SniffAttachment(data []byte) (string, error) {
	if len(data) == 0 {
		return "", FieldErrorf("file", "文件为空")
	}
	if len(data) > MaxAttachmentBytes {
		return "", FieldErrorf("file", "文件过大（上限 %d MB）", MaxAttachmentBytes>>20)
	}
	switch t := http.DetectContentType(data); {
	case t == TypeJPEG, t == TypePNG, t == TypePDF:
		return t, nil
	case t == "application/zip":
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err == nil {
			for _, f := range z.File {
				if f.Name == "xl/workbook.xml" {
					return TypeXLSX, nil
				}
			}
		}
	}
	return "", FieldErrorf("file", "只能上传 JPEG、PNG 图片，PDF 或 XLSX 文件")
}

// CleanAttachmentName keeps a file's name for display: its last path element, plain text, at most 100 characters.
func CleanAttachmentName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, strings.TrimSpace(name))
	if utf8.RuneCountInString(name) > 100 {
		name = string([]rune(name)[:100])
	}
	if name == "" {
		name = "附件"
	}
	return name
}

// ReportAttachmentStore keeps the evidence of units' reports, read and written through the report scope: only the
// office and the owning unit read an attachment, and another unit's answers as a missing one.
type ReportAttachmentStore interface {
	// AttachReportFile adds a file to a unit's report while the unit may still save its draft.
	AttachReportFile(ctx context.Context, step ReportStep, field, name string, data []byte) (*ReportAttachment, error)
	// DetachReportFile removes a file from a unit's report while the unit may still save its draft.
	DetachReportFile(ctx context.Context, id int64, now time.Time) error
	// ReportAttachments lists a unit's attachments in the caller's scope.
	ReportAttachments(ctx context.Context, taskID, unitID int64) ([]*ReportAttachment, error)
	// ReportAttachmentData reads one attachment with its bytes in the caller's scope, or ENOTFOUND.
	ReportAttachmentData(ctx context.Context, id int64) (*ReportAttachment, []byte, error)
}
