package db_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
)

// assertRejected fails unless err is a coded, field-bound, Chinese-first EINVALID: every refusal of client input
// must carry a code the API can map (BAD_USER_INPUT), never fall through to an internal error.
func assertRejected(t *testing.T, err error, field string) {
	t.Helper()
	if code := db.ErrorCode(err); code != db.EINVALID {
		t.Fatalf("code = %q, want %q (err: %v)", code, db.EINVALID, err)
	}
	if field != "" && db.ErrorField(err) != field {
		t.Fatalf("field = %q, want %q", db.ErrorField(err), field)
	}
	if db.ErrorMessage(err) == "" {
		t.Fatal("rejection without a message")
	}
}

// FuzzDecodeCursor feeds arbitrary text to the page cursor decoder: it never panics, refuses with EINVALID on
// "after", and a cursor it accepts encodes back to one that decodes to the same cursor.
func FuzzDecodeCursor(f *testing.F) {
	for _, s := range []string{"", "e30", "eyJpZCI6MX0", db.EncodeCursor("", 2021, 5), db.EncodeCursor("DATE", "2024-03-05", 9),
		db.EncodeCursor("HOURS", 1.5, 1<<62), "eyJpZCI6LTF9", "bnVsbA", "W10", "eyJpZCI6MWUzMDB9", "!!!", "eyJ2Ijp7fSwiaWQiOjF9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := db.DecodeCursor(s)
		if err != nil {
			assertRejected(t, err, "after")
			return
		}
		if c.ID <= 0 {
			t.Fatalf("accepted cursor %q with ID %d", s, c.ID)
		}
		again, err := db.DecodeCursor(db.EncodeCursor(c.O, c.V, c.ID))
		if err != nil {
			t.Fatalf("re-encoded cursor of %q refused: %v", s, err)
		}
		if again.ID != c.ID || again.O != c.O || !reflect.DeepEqual(again.V, c.V) {
			t.Fatalf("round trip %+v → %+v", c, again)
		}
	})
}

// FuzzCursorRoundTrip encodes cursors from arbitrary orderings, sort values and IDs: every encoded cursor decodes
// to what was encoded, whatever the value's text.
func FuzzCursorRoundTrip(f *testing.F) {
	f.Add("", "2024-03-05", int64(1), 0.0, false)
	f.Add("HOURS", "", int64(1<<62), 1.5, true)
	f.Add("UNIT", "省交通运输厅\x00\"", int64(9), -0.0, true)
	f.Fuzz(func(t *testing.T, order, v string, id int64, n float64, numeric bool) {
		if id <= 0 {
			id = -id
			if id <= 0 {
				id = 1
			}
		}
		var value any = v
		if numeric {
			value = n
		}
		c, err := db.DecodeCursor(db.EncodeCursor(order, value, id))
		if _, jerr := json.Marshal(value); jerr != nil {
			// NaN and ±Inf have no JSON form: such a cursor must be refused, never panic.
			if err == nil {
				t.Fatalf("cursor of %v accepted", value)
			}
			return
		}
		if err != nil {
			t.Fatalf("cursor (%q, %v, %d) refused: %v", order, value, id, err)
		}
		// JSON carries text as UTF-8, so invalid bytes come back as U+FFFD; everything else comes back as it was.
		if want := viaJSON(t, order); c.O != want {
			t.Fatalf("order %q → %q, want %q", order, c.O, want)
		}
		if want := viaJSON(t, value); !reflect.DeepEqual(c.V, want) && !(c.V == nil && (want == "" || want == 0.0)) {
			t.Fatalf("value %#v → %#v, want %#v", value, c.V, want)
		}
		if c.ID != id {
			t.Fatalf("id %d → %d", id, c.ID)
		}
	})
}

// viaJSON is v after a trip through JSON, as a cursor carries it.
func viaJSON[T any](t *testing.T, v T) T {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// FuzzParseGlobalID feeds arbitrary text to the global ID decoder: it never panics, refuses with EINVALID on the
// field, and accepts only the one ID the server gives each node.
func FuzzParseGlobalID(f *testing.F) {
	for _, s := range []string{"", db.GlobalID(db.NodeUnit, 12), db.GlobalID(db.NodeHonor, 1<<62), "VW5pdDow", "VW5pdDotMQ", "Ong",
		"VW5pdA", "VW5pdDoxMg==", "VW5pdDorMTI", "VW5pdDowMTI", "VW5pdDo5MjIzMzcyMDM2ODU0Nzc1ODA4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		typ, id, err := db.ParseGlobalID("unitId", s)
		if err != nil {
			assertRejected(t, err, "unitId")
			return
		}
		if id <= 0 || typ == "" {
			t.Fatalf("accepted %q as %q %d", s, typ, id)
		}
		// One node has one ID: an accepted ID is the very text the server hands out for it, so that "Unit:+12",
		// "Unit:012" or stray base64 bits cannot name a node twice (and split caches keyed on the ID).
		if again := db.GlobalID(typ, id); again != s {
			t.Fatalf("accepted %q for %q %d, whose ID is %q", s, typ, id, again)
		}
		if _, err := db.ParseTypedID("unitId", db.NodeUnit, s); err != nil && typ == db.NodeUnit {
			t.Fatalf("a Unit ID refused as a Unit ID: %v", err)
		} else if err == nil && typ != db.NodeUnit {
			t.Fatalf("a %s ID accepted as a Unit ID", typ)
		} else if err != nil {
			assertRejected(t, err, "unitId")
		}
	})
}

// FuzzGlobalIDRoundTrip encodes arbitrary node types and IDs: every ID a server could hand out parses back.
func FuzzGlobalIDRoundTrip(f *testing.F) {
	f.Add(string(db.NodeVolunteerRecord), int64(1))
	f.Add("类型", int64(1<<62))
	f.Fuzz(func(t *testing.T, typ string, id int64) {
		if id <= 0 || typ == "" || strings.Contains(typ, ":") {
			return // no node type is empty or holds a colon, and row IDs are positive
		}
		got, gotID, err := db.ParseGlobalID("id", db.GlobalID(db.NodeType(typ), id))
		if err != nil || string(got) != typ || gotID != id {
			t.Fatalf("(%q, %d) → (%q, %d, %v)", typ, id, got, gotID, err)
		}
	})
}
