package resolvers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
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
)

var codeOf = map[string]string{
	db.EINVALID:      CodeBadUserInput,
	db.ENOTFOUND:     CodeNotFound,
	db.ECONFLICT:     CodeConflict,
	db.EUNAUTHORIZED: CodeUnauthenticated,
	db.EFORBIDDEN:    CodeForbidden,
	db.EINTERNAL:     CodeInternal,
}

// ErrorPresenter maps db errors to extensions.code with their Chinese message, and masks internal errors,
// logging them with the request's path so that an operator can find them.
func ErrorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && gqlErr.Err == nil {
			// Parser, validation and limit errors built by gqlgen itself are already safe to show.
			return gqlErr
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
		pres.Extensions["code"] = codeOf[code]
		if f := db.ErrorField(err); f != "" {
			pres.Extensions["field"] = f
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
