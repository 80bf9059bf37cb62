package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/importer"
	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/httpapi"
)

// UploadHeader must accompany every multipart request to /graphql (or Apollo-Require-Preflight must): a custom
// header forces a CORS preflight, so that a cross-site form cannot post an upload with the user's cookie.
const UploadHeader = "X-Wenming-Upload"

// cliPrincipal is who the command line acts as: a local administrator, recorded in the audit log as "cli".
func cliPrincipal(ctx context.Context) context.Context {
	return db.WithPrincipal(ctx, &db.Principal{Username: "cli", Role: db.RoleAdmin, Via: "cli"})
}

// uploadGuard sends multipart requests to upload, after checking the custom header and giving them the upload
// size limit and longer deadlines (a million-row file takes a while); other requests go to next.
func uploadGuard(maxBytes int64, upload, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if mt != "multipart/form-data" {
			next.ServeHTTP(w, r)
			return
		}
		if r.Header.Get(UploadHeader) == "" && r.Header.Get("Apollo-Require-Preflight") == "" {
			httpapi.WriteJSONError(w, http.StatusBadRequest, "BAD_REQUEST",
				"上传文件须带请求头 "+UploadHeader+": 1（防止跨站提交）。Multipart uploads must carry the "+UploadHeader+" header.", nil)
			return
		}
		// Only editors may upload: refuse everyone else before a byte of the body is parsed or spooled to disk.
		if err := db.Require(r.Context(), db.RoleEditor); err != nil {
			httpapi.WriteError(w, err)
			return
		}
		if r.ContentLength > maxBytes {
			httpapi.WriteJSONError(w, http.StatusRequestEntityTooLarge, httpapi.CodePayloadTooLarge,
				fmt.Sprintf("上传文件过大（上限 %d 字节）。Upload too large.", maxBytes), nil)
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
		if err := db.Require(r.Context(), db.RoleViewer); err != nil {
			httpapi.WriteError(w, err)
			return
		}
		name, ok := strings.CutSuffix(r.PathValue("file"), ".xlsx")
		spec, err := importer.SpecByName(name)
		if !ok || err != nil {
			httpapi.WriteError(w, db.Errorf(db.ENOTFOUND, "没有这个模板：%s。可选：units、people、honors、volunteer-records、assessments、activities（.xlsx）。", r.PathValue("file")))
			return
		}
		cat, err := store.ImportCatalog(r.Context())
		if err != nil {
			httpapi.WriteError(w, err)
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

// importCommand implements `wenming import FILE --kind KIND [--dry-run] --db FILE`.
func importCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wenming import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	kind := fs.String("kind", "", "what the file holds: units, people, honors, volunteer-records, assessments or activities")
	dry := fs.Bool("dry-run", false, "validate and count what would change, write nothing")
	path := fs.String("db", env("WENMING_DB", "wenming.db"), "SQLite database file (env WENMING_DB)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wenming import FILE.xlsx|FILE.csv --kind KIND [--dry-run] [--db FILE]")
		fs.PrintDefaults()
	}
	// The file may come before or after the flags.
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if file == "" && fs.NArg() == 1 {
		file = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if file == "" || *kind == "" {
		fs.Usage()
		return fmt.Errorf("a FILE and --kind are required")
	}
	spec, err := importer.SpecByName(*kind)
	if err != nil {
		return cliError(err)
	}
	if _, err := os.Stat(file); err != nil {
		return err
	}
	d, err := dial.Open(ctx, *path)
	if err != nil {
		return err
	}
	defer d.Close()
	start := time.Now()
	rep, err := d.Import(cliPrincipal(ctx), db.ImportRequest{Kind: spec.Kind, Path: file, Name: file, DryRun: *dry})
	if err != nil {
		return cliError(err)
	}
	took := time.Since(start)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		printReport(stdout, spec, rep, took)
	}
	if rep.ErrorCount > 0 {
		return fmt.Errorf("%d 处错误，未写入任何数据", rep.ErrorCount)
	}
	return nil
}

func printReport(w io.Writer, spec *importer.Spec, rep *db.ImportReport, took time.Duration) {
	for _, e := range rep.Errors {
		where := fmt.Sprintf("第 %d 行", e.Row)
		if e.Column != "" {
			where += fmt.Sprintf(" %s 列", e.Column)
		}
		if e.Field != "" {
			where += "（" + e.Field + "）"
		}
		fmt.Fprintf(w, "%s：%s\n", where, e.Message)
	}
	if rep.ErrorCount > len(rep.Errors) {
		fmt.Fprintf(w, "……另有 %d 处错误未列出。\n", rep.ErrorCount-len(rep.Errors))
	}
	verb := "已导入"
	switch {
	case rep.ErrorCount > 0:
		verb = "校验未通过，未写入"
	case rep.DryRun:
		verb = "试运行（未写入）"
	}
	fmt.Fprintf(w, "%s%s：读取 %d 行，通过 %d 行；新增 %d，更新 %d，不变 %d；错误 %d。用时 %s（%.0f 行/秒）。\n",
		spec.NameZh, verb, rep.Rows, rep.Valid, rep.Created, rep.Updated, rep.Unchanged, rep.ErrorCount,
		took.Round(time.Millisecond), float64(rep.Rows)/max(took.Seconds(), 1e-9))
}

// cliError shows a coded error's Chinese message rather than its code.
func cliError(err error) error {
	if db.ErrorCode(err) != db.EINTERNAL {
		return fmt.Errorf("%s", db.ErrorMessage(err))
	}
	return err
}

// templateCommand implements `wenming template --kind KIND [--out FILE] [--db FILE]`.
func templateCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wenming template", flag.ContinueOnError)
	fs.SetOutput(stderr)
	kind := fs.String("kind", "", "units, people, honors, volunteer-records, assessments or activities")
	out := fs.String("out", "", "file to write (default KIND-template.xlsx; - for standard output)")
	path := fs.String("db", "", "take the catalogue (categories, campaigns, centres) from this database instead of the built-in one")
	if err := fs.Parse(args); err != nil {
		return err
	}
	spec, err := importer.SpecByName(*kind)
	if err != nil {
		return cliError(err)
	}
	var cat *db.Catalog
	if *path != "" {
		d, err := dial.Open(ctx, *path)
		if err != nil {
			return err
		}
		defer d.Close()
		if cat, err = d.ImportCatalog(ctx); err != nil {
			return err
		}
	} else {
		ds, err := seed.Real()
		if err != nil {
			return err
		}
		cat = &db.Catalog{Categories: ds.Categories, Campaigns: ds.Campaigns, Centers: ds.Centers, Projects: ds.Projects}
	}
	if *out == "-" {
		return importer.WriteTemplate(stdout, spec, cat)
	}
	if *out == "" {
		*out = spec.Slug() + "-template.xlsx"
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := importer.WriteTemplate(f, spec, cat); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote the %s template to %s\n", spec.NameZh, *out)
	return nil
}
