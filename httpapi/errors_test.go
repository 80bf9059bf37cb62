package httpapi_test

import (
	"encoding/json"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/httpapi"
)

func TestWriteError(t *testing.T) {
	for _, tc := range []struct {
		name   string
		err    error
		status int
		code   string
		msg    string
	}{
		{"Invalid", db.FieldErrorf("year", "年份无效"), 400, "BAD_USER_INPUT", "年份无效"},
		{"NotFound", db.Errorf(db.ENOTFOUND, "没有"), 404, "NOT_FOUND", "没有"},
		{"Conflict", db.Errorf(db.ECONFLICT, "冲突"), 409, "CONFLICT", "冲突"},
		{"Unauthorized", db.Errorf(db.EUNAUTHORIZED, "请登录"), 401, "UNAUTHENTICATED", "请登录"},
		{"Forbidden", db.Errorf(db.EFORBIDDEN, "无权"), 403, "FORBIDDEN", "无权"},
		{"InternalIsMasked", errors.New("disk on fire at /var/lib"), 500, "INTERNAL_SERVER_ERROR", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			httpapi.WriteError(w, tc.err)
			if w.Code != tc.status {
				t.Fatalf("status = %d, want %d", w.Code, tc.status)
			}
			var body struct {
				Errors []struct {
					Message    string
					Extensions map[string]any
				}
			}
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || len(body.Errors) != 1 {
				t.Fatalf("body %s: %v", w.Body, err)
			}
			e := body.Errors[0]
			if e.Extensions["code"] != tc.code {
				t.Fatalf("code = %v, want %s", e.Extensions["code"], tc.code)
			}
			if tc.msg != "" && e.Message != tc.msg {
				t.Fatalf("message = %q, want %q", e.Message, tc.msg)
			}
			if tc.msg == "" && e.Message == tc.err.Error() {
				t.Fatalf("internal error leaked: %q", e.Message)
			}
		})
	}
}
