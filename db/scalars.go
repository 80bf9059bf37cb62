package db

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"
)

// Date is a calendar date kept as YYYY-MM-DD, so that no time zone can shift a day.
type Date string

// ParseDate validates s as YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", FieldErrorf("date", "日期格式应为 YYYY-MM-DD：%q", s)
	}
	return Date(s), nil
}

// Year returns the year part of the date.
func (d Date) Year() int {
	if len(d) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(string(d[:4]))
	return y
}

// MarshalGQL writes the date as a JSON string.
func (d Date) MarshalGQL(w io.Writer) { io.WriteString(w, strconv.Quote(string(d))) }

// UnmarshalGQL reads and validates a date from a GraphQL input value.
func (d *Date) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return FieldErrorf("date", "日期必须是字符串 YYYY-MM-DD")
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Yuan is an amount of money in whole yuan; it is an integer so that sums are exact.
type Yuan int64

// MarshalGQL writes the amount as a decimal string, which JSON clients read without float rounding.
func (y Yuan) MarshalGQL(w io.Writer) {
	io.WriteString(w, strconv.Quote(strconv.FormatInt(int64(y), 10)))
}

// UnmarshalGQL accepts a decimal string or an integer from 0 to MaxYuan; on error the amount is left as it was.
func (y *Yuan) UnmarshalGQL(v any) error {
	var n int64
	switch t := v.(type) {
	case string, json.Number:
		s := fmt.Sprint(t)
		var err error
		if n, err = strconv.ParseInt(s, 10, 64); err != nil {
			return FieldErrorf("amount", "金额必须是整数元：%q", s)
		}
	case int64:
		n = t
	case int:
		n = int64(t)
	default:
		return FieldErrorf("amount", "金额必须是整数元，收到 %T", v)
	}
	if n < 0 {
		return FieldErrorf("amount", "金额不能为负数")
	}
	if n > MaxYuan {
		return FieldErrorf("amount", "金额须在 0 到 %d 元之间，收到 %d", MaxYuan, n)
	}
	*y = Yuan(n)
	return nil
}

// enum marshals and validates the string enums shared by the store and the API.
type enum interface{ ~string }

func marshalEnum[T enum](w io.Writer, v T) { io.WriteString(w, strconv.Quote(string(v))) }

func unmarshalEnum[T enum](dst *T, v any, name string, valid []T) error {
	s, ok := v.(string)
	if !ok {
		return FieldErrorf(name, "%s 必须是字符串", name)
	}
	for _, x := range valid {
		if string(x) == s {
			*dst = x
			return nil
		}
	}
	return FieldErrorf(name, "%s 的取值无效：%q", name, s)
}

// YearRange is an inclusive range of years; zero bounds mean open.
type YearRange struct {
	From, To int
}

// FirstYear and LastYear bound the period the office reports on (2019–2024).
const (
	FirstYear = 2019
	LastYear  = 2024
)

// MinYear and MaxYear bound any year the API accepts.
const (
	MinYear = 1949
	MaxYear = 2100
)

// Resolve fills open bounds with the reporting period and validates the range.
func (r YearRange) Resolve() (YearRange, error) {
	if r.From == 0 {
		r.From = FirstYear
	}
	if r.To == 0 {
		r.To = LastYear
	}
	if r.From < MinYear || r.From > MaxYear {
		return r, FieldErrorf("fromYear", "起始年份超出范围（%d–%d）：%d", MinYear, MaxYear, r.From)
	}
	if r.To < MinYear || r.To > MaxYear {
		return r, FieldErrorf("toYear", "截止年份超出范围（%d–%d）：%d", MinYear, MaxYear, r.To)
	}
	if r.From > r.To {
		return r, FieldErrorf("fromYear", "起始年份 %d 晚于截止年份 %d", r.From, r.To)
	}
	return r, nil
}

// String renders the range for logs and notes.
func (r YearRange) String() string { return fmt.Sprintf("%d–%d", r.From, r.To) }
