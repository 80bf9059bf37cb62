package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/wenming/wenming/db"
)

// GraphQL error codes (extensions.code) that clients can rely on; this is the one place db codes map to them.
const (
	CodeBadUserInput    = "BAD_USER_INPUT"
	CodeNotFound        = "NOT_FOUND"
	CodeConflict        = "CONFLICT"
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeForbidden       = "FORBIDDEN"
	CodeInternal        = "INTERNAL_SERVER_ERROR"
	// CodeBadRequest is a request the server cannot read at all (not JSON, malformed).
	CodeBadRequest = "BAD_REQUEST"
	// CodeRateLimited answers too many failed sign-ins.
	CodeRateLimited = "RATE_LIMITED"
	// CodeServiceUnavailable answers while the database cannot be reached; the request may be retried.
	CodeServiceUnavailable = "SERVICE_UNAVAILABLE"
	// CodePayloadTooLarge answers a body over the configured limit.
	CodePayloadTooLarge = "PAYLOAD_TOO_LARGE"
	// CodeInsufficientStorage answers a write refused because the database's disk is full; nothing was written.
	CodeInsufficientStorage = "INSUFFICIENT_STORAGE"
	// CodeMisdirected answers a request whose Host names no host this server serves (421).
	CodeMisdirected = "MISDIRECTED_REQUEST"
)

// codes is the one table from db error codes to what clients see: the HTTP status of a plain endpoint (exports,
// templates, uploads, sign-in) and the GraphQL extensions.code, the same on both.
var codes = map[string]struct {
	status int
	gql    string
}{
	db.EINVALID:      {http.StatusBadRequest, CodeBadUserInput},
	db.ENOTFOUND:     {http.StatusNotFound, CodeNotFound},
	db.ECONFLICT:     {http.StatusConflict, CodeConflict},
	db.EUNAUTHORIZED: {http.StatusUnauthorized, CodeUnauthenticated},
	db.EFORBIDDEN:    {http.StatusForbidden, CodeForbidden},
	db.EINTERNAL:     {http.StatusInternalServerError, CodeInternal},
	db.EFULL:         {http.StatusInsufficientStorage, CodeInsufficientStorage},
}

// WriteError answers a plain HTTP request with a coded error, in the GraphQL error shape, with the status the table
// gives its code. Internal errors are masked.
func WriteError(w http.ResponseWriter, err error) {
	code := db.ErrorCode(err)
	ext := map[string]any{"messageEn": db.ErrorMessageEn(err)}
	if f := db.ErrorField(err); f != "" {
		ext["field"] = f
	}
	c := codes[code]
	WriteJSONError(w, c.status, c.gql, db.ErrorMessage(err), ext)
}

// WriteJSONError answers {"errors":[{"message","extensions":{"code","messageEn",…}}]} with the status: every JSON
// error the server writes outside GraphQL goes through here. msg is Chinese; its English comes from ext or, when
// ext has none, from the translation table (db/messages_en.go).
func WriteJSONError(w http.ResponseWriter, status int, code, msg string, ext map[string]any) {
	if ext == nil {
		ext = map[string]any{}
	}
	ext["code"] = code
	if _, ok := ext["messageEn"]; !ok {
		en, ok := db.English(msg)
		if !ok {
			en = codeMessageEn(code)
		}
		ext["messageEn"] = en
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Del("Content-Disposition")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{"message": msg, "extensions": ext}}})
}

// writeJSONErrorf is WriteJSONError for a message with arguments: the Chinese format and its English from the
// translation table.
func writeJSONErrorf(w http.ResponseWriter, status int, code, format string, args ...any) {
	e := db.Errorf(db.EINVALID, format, args...)
	en, ok := db.English(format, args...)
	if !ok {
		en = codeMessageEn(code)
	}
	WriteJSONError(w, status, code, e.Message, map[string]any{"messageEn": en})
}

// gqlErrorf builds an error of the GraphQL layer (limits, refusals) with its Chinese message and its English in
// extensions.messageEn, from the translation table; callers set its code.
func gqlErrorf(format string, args ...any) *gqlerror.Error {
	e := db.Errorf(db.EINVALID, format, args...)
	return &gqlerror.Error{Message: e.Message, Extensions: map[string]any{"messageEn": e.MessageEn()}}
}

// withCode sets extensions.code on err and returns it.
func withCode(err *gqlerror.Error, code string) *gqlerror.Error {
	errcode.Set(err, code)
	return err
}

// codeMessageEn says in English what a client-facing code means, for a message the table lacks.
func codeMessageEn(code string) string {
	for dbCode, c := range codes {
		if c.gql == code {
			return db.CodeMessageEn(dbCode)
		}
	}
	return "Request refused."
}

// ErrorPresenter maps db errors to extensions.code with their Chinese message and English messageEn, and masks
// internal errors, logging them with the request's path so that an operator can find them. Errors written by
// gqlgen and gqlparser themselves are English: they keep their message, repeat it in messageEn, and gain a
// Chinese messageZh when their pattern is known (messages_zh.go).
func ErrorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && gqlErr.Err == nil {
			// Parser, validation and limit errors built by gqlgen itself are already safe to show.
			return bilingual(gqlErr)
		}
		pres := graphql.DefaultErrorPresenter(ctx, err)
		code := db.ErrorCode(err)
		if code == db.EINTERNAL {
			var path any
			if fc := graphql.GetFieldContext(ctx); fc != nil {
				path = fc.Path().String()
			}
			log.ErrorContext(ctx, "internal error", "err", err, "path", path)
		}
		pres.Message = db.ErrorMessage(err)
		if pres.Extensions == nil {
			pres.Extensions = map[string]any{}
		}
		pres.Extensions["code"] = codes[code].gql
		pres.Extensions["messageEn"] = db.ErrorMessageEn(err)
		if f := db.ErrorField(err); f != "" {
			pres.Extensions["field"] = f
		}
		if r := db.ErrorReason(err); r != "" {
			pres.Extensions["reason"] = r
		}
		return pres
	}
}

// RecoverFunc turns a panic in a resolver into a masked internal error and logs its stack.
func RecoverFunc(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return fmt.Errorf("panic: %v", p)
	}
}
