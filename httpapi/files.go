package httpapi

import (
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
)

// UploadHeader must accompany every multipart request to /graphql (or Apollo-Require-Preflight must): a custom
// header forces a CORS preflight, so that a cross-site form cannot post an upload with the user's cookie.
const UploadHeader = "X-Wenming-Upload"

// UploadGuard sends multipart requests to upload, after checking the custom header and giving them the upload
// size limit and longer deadlines (a million-row file takes a while); other requests go to next.
func UploadGuard(maxBytes int64, upload, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if mt != "multipart/form-data" {
			next.ServeHTTP(w, r)
			return
		}
		if r.Header.Get(UploadHeader) == "" && r.Header.Get("Apollo-Require-Preflight") == "" {
			writeJSONErrorf(w, http.StatusBadRequest, CodeBadRequest, "上传文件须带请求头 %s: 1（防止跨站提交）。", UploadHeader)
			return
		}
		// Only editors, and units' reporters filling their drafts, may upload: refuse everyone else before a byte
		// of the body is parsed or spooled to disk. A reporter reaches only the fields marked @reporter
		// (rootFieldGate), so its upload can only fill its own unit's draft.
		if p := db.PrincipalFrom(r.Context()); p == nil || p.Effective() != db.RoleReporter || p.UnitID == 0 {
			if err := db.Require(r.Context(), db.RoleEditor); err != nil {
				WriteError(w, err)
				return
			}
		}
		if r.ContentLength > maxBytes {
			writeJSONErrorf(w, http.StatusRequestEntityTooLarge, CodePayloadTooLarge, "上传文件过大（上限 %d 字节）。", maxBytes)
			return
		}
		rc := http.NewResponseController(w)
		rc.SetReadDeadline(time.Now().Add(10 * time.Minute))
		rc.SetWriteDeadline(time.Now().Add(30 * time.Minute))
		r.Body = http.MaxBytesReader(w, r.Body, maxBytes)
		upload.ServeHTTP(w, r)
	})
}

// TemplateHandler serves GET /templates/{kind}.xlsx: the import template of a kind (units, people, honors,
// volunteer-records, assessments, activities), with the catalogue of categories, campaigns and centres.
func TemplateHandler(store db.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := db.AsPublicReader(r.Context())
		if err := db.Require(ctx, db.RoleViewer); err != nil {
			WriteError(w, err)
			return
		}
		name, ok := strings.CutSuffix(r.PathValue("file"), ".xlsx")
		if ok && name == "reporters" {
			reporterTemplate(w, r)
			return
		}
		spec, err := importer.SpecByName(name)
		if !ok || err != nil {
			WriteError(w, db.Errorf(db.ENOTFOUND, "没有这个模板：%s。可选：units、people、honors、volunteer-records、assessments、activities（.xlsx）。", r.PathValue("file")))
			return
		}
		cat, err := store.ImportCatalog(ctx)
		if err != nil {
			WriteError(w, err)
			return
		}
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", attachment(spec.NameZh+"导入模板.xlsx", spec.Slug()+"-template.xlsx"))
		w.Header().Set("Cache-Control", "no-store")
		if err := importer.WriteTemplate(w, spec, cat); err != nil {
			panic(http.ErrAbortHandler)
		}
	})
}

// reporterTemplate serves the template of a reporter import (admins only: only they create accounts).
func reporterTemplate(w http.ResponseWriter, r *http.Request) {
	if err := db.Require(r.Context(), db.RoleAdmin); err != nil {
		WriteError(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", attachment("单位填报员账号导入模板.xlsx", "reporters-template.xlsx"))
	w.Header().Set("Cache-Control", "no-store")
	if err := importer.WriteReporterTemplate(w); err != nil {
		panic(http.ErrAbortHandler)
	}
}

// attachment is a Content-Disposition that names the file in Chinese, with an ASCII fallback.
func attachment(name, ascii string) string {
	return mime.FormatMediaType("attachment", map[string]string{"filename": ascii}) + "; filename*=UTF-8''" + urlPathEscape(name)
}

func urlPathEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// ExportHandler serves GET /export/{view}.{xlsx|csv}?filters: any table view of the dashboard, with the same
// filters as its GraphQL query (lists comma-separated or repeated) and the caller's access checked.
func ExportHandler(store db.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		file := r.PathValue("file")
		dot := strings.LastIndexByte(file, '.')
		if dot < 0 {
			WriteError(w, db.Errorf(db.ENOTFOUND, "导出地址应为 /export/视图.xlsx 或 /export/视图.csv。"))
			return
		}
		view, format := file[:dot], importer.Format(strings.ToLower(file[dot+1:]))
		// Where anyone may read, a reporter exports what anyone may (its own unit's rows are among them).
		ctx := db.AsPublicReader(r.Context())
		v, err := importer.ReadableView(ctx, view)
		if err != nil {
			WriteError(w, err)
			return
		}
		ctype := "text/csv; charset=utf-8"
		if format == importer.XLSX {
			ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		}
		stamp := time.Now().Format("20060102")
		// Nothing is sent until the first byte is written, so validation errors still get their status.
		lw := &lazyWriter{w: w, header: func() {
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("Content-Disposition", attachment(v.NameZh+"-"+stamp+"."+string(format), v.Name+"-"+stamp+"."+string(format)))
			w.Header().Set("Cache-Control", "no-store")
		}}
		rc := http.NewResponseController(w)
		rc.SetWriteDeadline(time.Now().Add(30 * time.Minute))
		if err := importer.Export(ctx, store, view, format, r.URL.Query(), lw); err != nil {
			if lw.started {
				// The status is gone; cut the connection so that the client sees a broken download, not a short file.
				panic(http.ErrAbortHandler)
			}
			WriteError(w, err)
		}
	})
}

// lazyWriter sets the download headers on the first write only.
type lazyWriter struct {
	w       http.ResponseWriter
	header  func()
	started bool
}

func (l *lazyWriter) Write(p []byte) (int, error) {
	if !l.started {
		l.started = true
		l.header()
	}
	return l.w.Write(p)
}
