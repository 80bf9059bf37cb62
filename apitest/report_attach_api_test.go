package apitest

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// pngBytes is a 1×1 PNG.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

// xlsxBytes is the smallest zip that says it is a workbook.
func xlsxBytes(t *testing.T) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		w, _ := z.Create(name)
		w.Write([]byte("<x/>"))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestReportAttachments attaches evidence through the handler: the type is sniffed from the bytes, the caps hold,
// the office and the owning unit fetch a file with safe headers, and everyone else gets what a missing file gets.
func TestReportAttachments(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	ids := unitIDs(t, base, admin, 10)
	unitA, unitB := ids[8], ids[9]
	repA, repB := newReporter(t, base, admin, "files-a", unitA), newReporter(t, base, admin, "files-b", unitB)
	if r := As(t, base, admin, `mutation { createUser(username: "files-leader", password: "password-123", role: VIEWER) { id } }`, nil); len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	leader, _ := Login(t, base, "files-leader", "password-123")
	task := openTask(t, base, admin, "2025年度测评自评", []string{"ASSESSMENT_SCORES"}, []string{unitA, unitB})
	const attach = `mutation($t: ID!, $u: ID!, $f: String, $file: Upload!) { attachReportFile(taskId: $t, unitId: $u, field: $f, file: $file) { id name contentType size inline url } }`
	type file struct {
		ID, Name, ContentType, URL string
		Size                       int
		Inline                     bool
	}
	send := func(h http.Header, unit, name string, data []byte) (file, Response) {
		_, r := UploadOperation(t, base, WithUpload(h), attach, map[string]any{"t": task, "u": unit, "f": "assessment.scores[0]"}, name, data)
		var out struct{ AttachReportFile file }
		json.Unmarshal(r.Data, &out)
		return out.AttachReportFile, r
	}
	get := func(h http.Header, url string) (*http.Response, []byte) {
		res := Do(t, http.MethodGet, base+url, nil, h, "")
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		return res, b
	}

	photo, r := send(repA, unitA, "../现场照片.jpg", pngBytes)
	if len(r.Errors) > 0 || photo.ContentType != "image/png" || !photo.Inline || photo.Name != "现场照片.jpg" || photo.Size != len(pngBytes) {
		t.Fatalf("a photo: %+v %+v", photo, r.Errors)
	}
	t.Run("TheTypeIsSniffedNotTrusted", func(t *testing.T) {
		for _, c := range []struct {
			name string
			data []byte
			want string
		}{
			{"notes.pdf", []byte("just text, named as a PDF"), ""},
			{"page.png", []byte("<html><script>alert(1)</script></html>"), ""},
			{"scan.dat", []byte("%PDF-1.4\n1 0 obj <<>> endobj\n"), "application/pdf"},
			{"table.zip", xlsxBytes(t), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		} {
			f, r := send(repA, unitA, c.name, c.data)
			if c.want == "" {
				WantCode(t, r.Errors, "BAD_USER_INPUT")
			} else if len(r.Errors) > 0 || f.ContentType != c.want || f.Inline {
				t.Errorf("%s: %+v %+v", c.name, f, r.Errors)
			}
		}
	})
	t.Run("TheCapsHold", func(t *testing.T) {
		big := append(append([]byte{}, pngBytes...), make([]byte, 10<<20)...)
		WantCode(t, func() Response { _, r := send(repB, unitB, "big.png", big); return r }().Errors, "BAD_USER_INPUT")
		nine := append(append([]byte{}, pngBytes...), make([]byte, 9<<20)...)
		for i := range 5 {
			if _, r := send(repB, unitB, "part.png", nine); len(r.Errors) > 0 {
				t.Fatalf("file %d of 45 MB: %+v", i+1, r.Errors)
			}
		}
		_, r := send(repB, unitB, "one-too-many.png", nine)
		if e := WantCode(t, r.Errors, "BAD_USER_INPUT"); !strings.Contains(e.Message, "50 MB") {
			t.Errorf("past 50 MB: %+v", e)
		}
	})
	t.Run("OnlyTheOfficeAndTheUnitFetch", func(t *testing.T) {
		res, body := get(repA, photo.URL)
		if res.StatusCode != 200 || !bytes.Equal(body, pngBytes) || res.Header.Get("X-Content-Type-Options") != "nosniff" ||
			!strings.Contains(res.Header.Get("Content-Security-Policy"), "sandbox") || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "inline") ||
			!strings.Contains(res.Header.Get("Cache-Control"), "no-store") {
			t.Errorf("the unit's own photo: %d %v", res.StatusCode, res.Header)
		}
		if res, _ := get(admin, photo.URL); res.StatusCode != 200 {
			t.Errorf("the office: %d", res.StatusCode)
		}
		missing, _ := get(repB, "/report-files/UmVwb3J0QXR0YWNobWVudDo5OTk5OTk")
		for who, h := range map[string]http.Header{"another unit": repB, "a leader": leader} {
			res, body := get(h, photo.URL)
			if res.StatusCode != 404 || res.StatusCode != missing.StatusCode || bytes.Contains(body, pngBytes[8:]) {
				t.Errorf("%s fetched the photo: %d (a missing file: %d)", who, res.StatusCode, missing.StatusCode)
			}
		}
		var list struct {
			ReportTask struct {
				Assignments []struct{ Attachments []struct{ ID string } }
			}
		}
		q := `query($id: ID!) { reportTask(id: $id) { assignments { attachments { id } } } }`
		json.Unmarshal(As(t, base, leader, q, map[string]any{"id": task}).Data, &list)
		for _, a := range list.ReportTask.Assignments {
			if len(a.Attachments) > 0 {
				t.Errorf("a leader lists attachments: %+v", a.Attachments)
			}
		}
		r := As(t, base, repB, `mutation($id: ID!) { detachReportFile(id: $id) }`, map[string]any{"id": photo.ID})
		WantCode(t, r.Errors, "NOT_FOUND")
	})
	t.Run("NoFilesChangeAfterSubmit", func(t *testing.T) {
		save := As(t, base, repA, saveDraftMutation, map[string]any{"t": task, "u": unitA, "v": 1, "c": map[string]any{"assessment": map[string]any{"baseScore": 70, "bonus": 0}}})
		if len(save.Errors) > 0 {
			t.Fatal(save.Errors)
		}
		if r := As(t, base, repA, stepMutation, map[string]any{"t": task, "u": unitA, "a": "SUBMIT", "v": 2}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		_, r := send(repA, unitA, "late.png", pngBytes)
		if e := WantCode(t, r.Errors, "CONFLICT"); e.Extensions["reason"] != "SUBMITTED" {
			t.Errorf("a file after submitting: %+v", e)
		}
		WantCode(t, As(t, base, repA, `mutation($id: ID!) { detachReportFile(id: $id) }`, map[string]any{"id": photo.ID}).Errors, "CONFLICT")
	})
}
