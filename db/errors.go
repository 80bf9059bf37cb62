package db

import (
	"errors"
	"fmt"
)

// Error codes shared by every backend; the API maps them to extensions.code in one place.
const (
	ECONFLICT     = "conflict"
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	// EFULL says the database's disk is full: the write was rolled back whole, and may be retried once there is room.
	EFULL = "full"
)

// Error is a domain error with a stable code and a message fit to show a user (Chinese first).
type Error struct {
	// Code is one of the E* constants.
	Code string
	// Message is the user-facing explanation, in Chinese.
	Message string
	// Field names the input field at fault, if any.
	Field string
	// Reason says why a refusal happened in a word clients can branch on (LOCKED, SUBMITTED, TASK_CLOSED …),
	// beside the code (extensions.reason).
	Reason string
	// format and args keep what Message was built from, so that MessageEn can say the same in English.
	format string
	args   []any
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.Message, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf builds a coded error so that callers never hand-assemble an Error.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), format: format, args: args}
}

// FieldErrorf builds an EINVALID error that names the offending input field.
func FieldErrorf(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...), format: format, args: args}
}

// MessageEn is the message in English (extensions.messageEn), from the translation table in messages_en.go; an
// error built without a translated format says what its code means in general.
func (e *Error) MessageEn() string {
	format, args := e.format, e.args
	if format == "" {
		format, args = e.Message, nil
	}
	if en, ok := English(format, args...); ok {
		return en
	}
	return CodeMessageEn(e.Code)
}

// DiskFull is the error every backend returns when its disk is full: the write was rolled back whole.
func DiskFull() *Error {
	return Errorf(EFULL, "磁盘已满，数据库无法写入；本次操作未写入任何内容。请腾出磁盘空间后重试。")
}

// ErrorCode returns the code of err, or EINTERNAL for any uncoded error, so that unknown failures are masked.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err, hiding the text of uncoded (internal) errors.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "服务器内部错误。"
}

// ErrorMessageEn is ErrorMessage in English, hiding the text of uncoded (internal) errors alike.
func ErrorMessageEn(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.MessageEn()
	}
	return CodeMessageEn(EINTERNAL)
}

// Text is a message argument that carries its own English, such as another error's message quoted in this one.
type Text struct{ Zh, En string }

// String gives the Chinese, so that the Chinese message reads as before.
func (t Text) String() string { return t.Zh }

// TextOf is err's message in both languages, to quote inside another message.
func TextOf(err error) Text { return Text{Zh: ErrorMessage(err), En: ErrorMessageEn(err)} }

// Because sets the reason of a refusal (extensions.reason) and returns the error.
func (e *Error) Because(reason string) *Error {
	c := *e
	c.Reason = reason
	return &c
}

// ErrorReason returns the reason of a refusal, if err carries one.
func ErrorReason(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}

// ErrorField returns the input field named by err, if any.
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}
