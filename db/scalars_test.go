package db_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/wenming/wenming/db"
)

func assertCode(tb testing.TB, err error, want string) {
	tb.Helper()
	if got := db.ErrorCode(err); got != want {
		tb.Fatalf("error code = %q, want %q (err: %v)", got, want, err)
	}
}

func TestYearRange_Resolve(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    db.YearRange
		want  db.YearRange
		field string // empty when valid
	}{
		{"OpenBoundsFilled", db.YearRange{}, db.YearRange{From: db.FirstYear, To: db.LastYear}, ""},
		{"FromOnly", db.YearRange{From: 2021}, db.YearRange{From: 2021, To: db.LastYear}, ""},
		{"ToOnly", db.YearRange{To: 2020}, db.YearRange{From: db.FirstYear, To: 2020}, ""},
		{"SingleYear", db.YearRange{From: 2022, To: 2022}, db.YearRange{From: 2022, To: 2022}, ""},
		{"WidestRange", db.YearRange{From: db.MinYear, To: db.MaxYear}, db.YearRange{From: db.MinYear, To: db.MaxYear}, ""},
		{"FromTooEarly", db.YearRange{From: db.MinYear - 1, To: 2020}, db.YearRange{}, "fromYear"},
		{"FromTooLate", db.YearRange{From: db.MaxYear + 1, To: db.MaxYear}, db.YearRange{}, "fromYear"},
		{"ToTooLate", db.YearRange{From: 2020, To: db.MaxYear + 1}, db.YearRange{}, "toYear"},
		{"ToTooEarly", db.YearRange{From: 2020, To: -5}, db.YearRange{}, "toYear"},
		{"Reversed", db.YearRange{From: 2023, To: 2020}, db.YearRange{}, "fromYear"},
		{"OpenFromAfterTo", db.YearRange{To: 2018}, db.YearRange{}, "fromYear"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.in.Resolve()
			if tc.field != "" {
				assertCode(t, err, db.EINVALID)
				if f := db.ErrorField(err); f != tc.field {
					t.Fatalf("error field = %q, want %q", f, tc.field)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Fatalf("Resolve(%v) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestPage_Validate(t *testing.T) {
	for _, tc := range []struct {
		first, want int
		code        string
	}{
		{0, db.DefaultPageSize, ""},
		{1, 1, ""},
		{db.MaxPageSize, db.MaxPageSize, ""},
		{db.MaxPageSize + 1, 0, db.EINVALID},
		{-1, 0, db.EINVALID},
	} {
		p, err := db.Page{First: tc.first, After: "c"}.Validate()
		if tc.code != "" {
			assertCode(t, err, tc.code)
			if db.ErrorField(err) != "first" {
				t.Fatalf("first=%d: error field = %q, want first", tc.first, db.ErrorField(err))
			}
			continue
		}
		if err != nil {
			t.Fatalf("first=%d: %v", tc.first, err)
		}
		if p.First != tc.want || p.After != "c" {
			t.Fatalf("first=%d: validated page = %+v, want first %d", tc.first, p, tc.want)
		}
	}
}

func TestDate(t *testing.T) {
	t.Run("Valid", func(t *testing.T) {
		var d db.Date
		if err := d.UnmarshalGQL("2021-07-20"); err != nil {
			t.Fatal(err)
		}
		if d != "2021-07-20" || d.Year() != 2021 {
			t.Fatalf("date = %q (year %d)", d, d.Year())
		}
		var buf bytes.Buffer
		d.MarshalGQL(&buf)
		if buf.String() != `"2021-07-20"` {
			t.Fatalf("marshalled = %s", buf.String())
		}
	})

	for _, tc := range []struct {
		name string
		in   any
	}{
		{"Slashes", "2021/07/20"},
		{"NoSuchDay", "2021-02-30"},
		{"Month13", "2021-13-01"},
		{"WithTime", "2021-07-20T00:00:00Z"},
		{"Empty", ""},
		{"Number", 20210720},
		{"Nil", nil},
	} {
		t.Run("Err"+tc.name, func(t *testing.T) {
			d := db.Date("2000-01-01")
			assertCode(t, d.UnmarshalGQL(tc.in), db.EINVALID)
			if d != "2000-01-01" {
				t.Fatalf("invalid input changed the date to %q", d)
			}
		})
	}

	t.Run("YearOfShortDate", func(t *testing.T) {
		if y := db.Date("20").Year(); y != 0 {
			t.Fatalf("year = %d, want 0", y)
		}
	})
}

func TestYuan(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   any
		want db.Yuan
	}{
		{"String", "12345", 12345},
		{"Zero", "0", 0},
		{"Int64", int64(5000), 5000},
		{"Int", 7, 7},
		// gqlgen decodes JSON variables with UseNumber, so a numeric variable arrives as json.Number.
		{"JSONNumber", json.Number("2500"), 2500},
		{"MaxYuan", "1000000000000", db.MaxYuan},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var y db.Yuan
			if err := y.UnmarshalGQL(tc.in); err != nil {
				t.Fatal(err)
			}
			if y != tc.want {
				t.Fatalf("yuan = %d, want %d", y, tc.want)
			}
		})
	}

	for _, tc := range []struct {
		name string
		in   any
	}{
		{"Negative", "-3"},
		{"NegativeInt", -3},
		{"Fraction", "1.5"},
		{"Words", "一百"},
		{"Float", 1.0},
		{"Bool", true},
		{"OverMaxYuan", "1000000000001"},
		{"Huge", "4611686018427387904"},
	} {
		t.Run("Err"+tc.name, func(t *testing.T) {
			var y db.Yuan
			assertCode(t, y.UnmarshalGQL(tc.in), db.EINVALID)
		})
	}

	t.Run("Marshal", func(t *testing.T) {
		var buf bytes.Buffer
		db.Yuan(1234567890123).MarshalGQL(&buf)
		if buf.String() != `"1234567890123"` {
			t.Fatalf("marshalled = %s", buf.String())
		}
	})
}

func TestEnums(t *testing.T) {
	var l db.HonorLevel
	if err := l.UnmarshalGQL("NATIONAL"); err != nil || l != db.LevelNational {
		t.Fatalf("level = %q, %v", l, err)
	}
	assertCode(t, l.UnmarshalGQL("national"), db.EINVALID)
	assertCode(t, l.UnmarshalGQL(3), db.EINVALID)
	if db.RecipientKind("ALIEN").Valid() || !db.StatusNominated.Valid() {
		t.Fatal("Valid() does not follow the enum's values")
	}
}

func TestErrorCode(t *testing.T) {
	if db.ErrorCode(nil) != "" {
		t.Fatal("nil error has a code")
	}
	assertCode(t, errors.New("disk on fire"), db.EINTERNAL)
	assertCode(t, db.Errorf(db.ENOTFOUND, "no unit %d", 3), db.ENOTFOUND)
	wrapped := errors.Join(errors.New("context"), db.FieldErrorf("first", "bad"))
	assertCode(t, wrapped, db.EINVALID)
	if db.ErrorField(wrapped) != "first" {
		t.Fatalf("field = %q", db.ErrorField(wrapped))
	}
	if msg := db.ErrorMessage(errors.New("secret path /var/lib")); msg == "secret path /var/lib" {
		t.Fatal("internal error text leaks through ErrorMessage")
	}
}
