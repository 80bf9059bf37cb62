package apitest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/wenming/wenming/httpapi"
)

// wantBilingual checks that an error written by the server itself says it in both languages: a Chinese message
// and an English extensions.messageEn.
func wantBilingual(t *testing.T, e GQLError) {
	t.Helper()
	if !HasCJK(e.Message) {
		t.Errorf("%s: message %q has no Chinese", e.Code(), e.Message)
	}
	en, _ := e.Extensions["messageEn"].(string)
	if strings.TrimSpace(en) == "" || HasCJK(en) {
		t.Errorf("%s: messageEn %q is not English (message %q)", e.Code(), en, e.Message)
	}
}

// wantJSONError checks a plain HTTP error answer: its status, code and both languages.
func wantJSONError(t *testing.T, res *http.Response, status int, code string) {
	t.Helper()
	if res.StatusCode != status {
		t.Errorf("status %d, want %d", res.StatusCode, status)
	}
	r := decodeResponse(t, res)
	wantBilingual(t, WantCode(t, r.Errors, code))
}

// TestErrorsInBothLanguages triggers one error of every code the server writes itself, through the real handler,
// and checks that each carries Chinese in message and English in extensions.messageEn; errors written by gqlgen
// and gqlparser keep their English message, repeat it in messageEn, and gain a Chinese messageZh.
func TestErrorsInBothLanguages(t *testing.T) {
	base, admin, editor, viewer := writers(t)
	const create = `mutation($n: String!) { createUnit(input: {name: $n, kind: "机关"}) { id version } }`
	newUnit := func(t *testing.T, name string) (id string, version int) {
		d := data[struct {
			CreateUnit struct {
				ID      string
				Version int
			}
		}](t, base, editor, create, map[string]any{"n": name})
		return d.CreateUnit.ID, d.CreateUnit.Version
	}

	t.Run("BadUserInputFieldError", func(t *testing.T) {
		r := As(t, base, editor, create, map[string]any{"n": "   "})
		e := WantCode(t, r.Errors, "BAD_USER_INPUT")
		wantBilingual(t, e)
		if e.Extensions["field"] != "name" || e.Extensions["messageEn"] != "Unit name must not be empty" {
			t.Errorf("extensions %v", e.Extensions)
		}
	})
	t.Run("BadUserInputArgument", func(t *testing.T) {
		_, errs := GQL(t, base, `{ honors(first: 0) { totalCount } }`, nil)
		wantBilingual(t, WantCode(t, errs, "BAD_USER_INPUT"))
	})
	t.Run("NotFound", func(t *testing.T) {
		id, v := newUnit(t, "双语测试删除单位（演示）")
		data[map[string]any](t, base, editor, `mutation($id: ID!, $v: Int) { deleteUnit(id: $id, expectedVersion: $v) { id } }`, map[string]any{"id": id, "v": v})
		r := As(t, base, editor, `mutation($id: ID!) { updateUnit(id: $id, expectedVersion: 1, input: {name: "x", kind: "机关"}) { id } }`, map[string]any{"id": id})
		wantBilingual(t, WantCode(t, r.Errors, "NOT_FOUND"))
	})
	t.Run("Conflict", func(t *testing.T) {
		id, v := newUnit(t, "双语测试版本单位（演示）")
		r := As(t, base, editor, `mutation($id: ID!, $v: Int!) { updateUnit(id: $id, expectedVersion: $v, input: {name: "双语测试版本单位二（演示）", kind: "机关"}) { id } }`,
			map[string]any{"id": id, "v": v + 5})
		e := WantCode(t, r.Errors, "CONFLICT")
		wantBilingual(t, e)
		if en, _ := e.Extensions["messageEn"].(string); !strings.Contains(en, "This unit was changed by someone else") {
			t.Errorf("messageEn %q does not name the record kind in English", en)
		}
	})
	t.Run("ConflictUniqueKey", func(t *testing.T) {
		newUnit(t, "双语测试重名单位（演示）")
		r := As(t, base, editor, create, map[string]any{"n": "双语测试重名单位（演示）"})
		wantBilingual(t, WantCode(t, r.Errors, "CONFLICT"))
	})
	t.Run("Forbidden", func(t *testing.T) {
		r := As(t, base, viewer, create, map[string]any{"n": "双语测试无权单位（演示）"})
		wantBilingual(t, WantCode(t, r.Errors, "FORBIDDEN"))
	})
	t.Run("UnauthenticatedInGraphQL", func(t *testing.T) {
		r := As(t, base, nil, create, map[string]any{"n": "双语测试匿名单位（演示）"})
		wantBilingual(t, WantCode(t, r.Errors, "UNAUTHENTICATED"))
	})
	t.Run("UnauthenticatedBadToken", func(t *testing.T) {
		res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"{ dataset { hasDemo } }"}`), Bearer("not-a-token"), "application/json")
		wantJSONError(t, res, http.StatusUnauthorized, "UNAUTHENTICATED")
	})
	t.Run("FieldLimitExceeded", func(t *testing.T) {
		r := postGQL(t, base, map[string]any{"query": aliases("f", 1001)}, nil)
		wantBilingual(t, WantCode(t, r.Errors, "FIELD_LIMIT_EXCEEDED"))
	})
	t.Run("MethodNotAllowed", func(t *testing.T) {
		q := url.Values{"query": {`mutation { logout }`}}
		res := Do(t, http.MethodGet, base+"/graphql?"+q.Encode(), nil, nil, "")
		wantJSONError(t, res, http.StatusMethodNotAllowed, httpapi.CodeMethodNotAllowed)
	})
	t.Run("BadRequestBody", func(t *testing.T) {
		res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query": 5}`), nil, "application/json")
		wantJSONError(t, res, http.StatusBadRequest, "BAD_REQUEST")
	})
	t.Run("UploadWithoutHeader", func(t *testing.T) {
		res, r := Upload(t, base, admin, "UNITS", "units.csv", []byte("单位名称,单位类型\n"), false)
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("status %d", res.StatusCode)
		}
		wantBilingual(t, WantCode(t, r.Errors, "BAD_REQUEST"))
	})
	t.Run("ImportRowErrors", func(t *testing.T) {
		rep := MustUpload(t, base, editor, "UNITS", "units.csv", []byte("单位名称,单位类型\n,机关\n双语导入单位（演示）,火星\n"), true)
		if len(rep.Errors) != 2 {
			t.Fatalf("want 2 row errors, got %+v", rep.Errors)
		}
		for _, e := range rep.Errors {
			if !HasCJK(e.Message) || e.MessageEn == "" || e.MessageEn == e.Message || !strings.Contains(e.MessageEn, " ") {
				t.Errorf("row %d: message %q, messageEn %q", e.Row, e.Message, e.MessageEn)
			}
		}
	})
	t.Run("ParserAndValidatorMessagesGainChinese", func(t *testing.T) {
		for _, q := range []string{`{ datase { hasDemo } }`, `{ honors(filtr: {}) { totalCount } }`, `{ dataset {`, `{ dataset }`} {
			_, errs := GQL(t, base, q, nil)
			if len(errs) == 0 {
				t.Fatalf("%s: no error", q)
			}
			e := errs[0]
			zh, _ := e.Extensions["messageZh"].(string)
			if e.Extensions["messageEn"] != e.Message || HasCJK(e.Message) || !HasCJK(zh) {
				t.Errorf("%s: message %q, extensions %v", q, e.Message, e.Extensions)
			}
		}
	})
	t.Run("TooManySubscriptions", func(t *testing.T) {
		s := OpenSocket(t, base, admin, nil)
		for range httpapi.MaxSocketSubscriptions {
			id := s.Start(t, WsDataChanged, nil)
			if r, closed := s.Next(t, id); closed || len(r.Errors) > 0 {
				t.Fatalf("subscription %s: closed=%v %+v", id, closed, r.Errors)
			}
		}
		r, closed := s.Op(t, WsDataChanged, nil)
		if closed {
			t.Fatal("socket closed")
		}
		wantBilingual(t, WantCode(t, r.Errors, httpapi.CodeTooManySubscriptions))
	})
	t.Run("Login401Then429", func(t *testing.T) {
		body, _ := json.Marshal(map[string]string{"username": "admin", "password": "wrong-guess-123"})
		wantJSONError(t, Do(t, http.MethodPost, base+"/auth/login", bytes.NewReader(body), nil, "application/json"), http.StatusUnauthorized, "UNAUTHENTICATED")
		for i := 0; i < 30; i++ {
			res := Do(t, http.MethodPost, base+"/auth/login", bytes.NewReader(body), nil, "application/json")
			if res.StatusCode == http.StatusTooManyRequests {
				wantJSONError(t, res, http.StatusTooManyRequests, "RATE_LIMITED")
				return
			}
			res.Body.Close()
		}
		t.Error("no 429 after 30 wrong passwords")
	})

	t.Run("IntrospectionDisabled", func(t *testing.T) {
		m := MustRunMain(t, func(c *MainConfig) { c.Introspection = false })
		_, errs := GQL(t, m.URL(), `{ __schema { queryType { name } } }`, nil)
		wantBilingual(t, WantCode(t, errs, "INTROSPECTION_DISABLED"))
	})
	t.Run("PayloadTooLarge", func(t *testing.T) {
		m := MustRunMain(t, func(c *MainConfig) { c.MaxBodyBytes = 1024 })
		big := `{"query":"{ dataset { hasDemo } }","variables":{"pad":"` + strings.Repeat("x", 2048) + `"}}`
		wantJSONError(t, Do(t, http.MethodPost, m.URL()+"/graphql", strings.NewReader(big), nil, "application/json"), http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE")
	})
}
