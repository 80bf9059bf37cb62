package httpapi

import (
	"mime"
	"net/http"
	"strconv"

	"github.com/wenming/wenming/db"
)

// ReportFileHandler serves GET /report-files/{id}: one piece of evidence of a unit's report, to the office's editors
// and the owning unit only (the store's contents scope); anyone else, and another unit, get 404 as for a missing
// file. Pictures may show inline; everything else downloads. The answer is never cached, never sniffed by the
// browser, and runs in a sandbox should a browser open it.
func ReportFileHandler(store db.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := db.ParseTypedID("id", db.NodeReportAttachment, r.PathValue("id"))
		if err != nil {
			WriteError(w, db.Errorf(db.ENOTFOUND, "附件不存在"))
			return
		}
		f, data, err := store.ReportAttachmentData(r.Context(), id)
		if err != nil {
			WriteError(w, err)
			return
		}
		h := w.Header()
		h.Set("Content-Type", f.ContentType)
		h.Set("Content-Length", strconv.Itoa(len(data)))
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
		h.Set("Cache-Control", "private, no-store")
		disposition := "attachment"
		if f.Inline() {
			disposition = "inline"
		}
		h.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": "evidence-" + strconv.FormatInt(f.ID, 10)})+
			"; filename*=UTF-8''"+urlPathEscape(f.Name))
		w.Write(data)
	})
}
