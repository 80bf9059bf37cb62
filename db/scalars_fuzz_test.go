package db_test

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
)

// FuzzDate feeds arbitrary text to the Date scalar: it never panics, refuses with EINVALID, and an accepted date is
// a real calendar day that marshals back to the same text.
func FuzzDate(f *testing.F) {
	for _, s := range []string{"2024-03-05", "2024-02-29", "2023-02-29", "0000-01-01", "9999-12-31", "2024-3-5", "2024-03-05T00:00:00Z",
		"", "20240305", "２０２４-03-05", "2024-03-05\x00", " 2024-03-05", "-001-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var d db.Date
		if err := d.UnmarshalGQL(s); err != nil {
			assertRejected(t, err, "date")
			if d != "" {
				t.Fatalf("refused %q but set the date to %q", s, d)
			}
			return
		}
		day, err := time.Parse(time.DateOnly, string(d))
		if err != nil || day.Format(time.DateOnly) != s {
			t.Fatalf("accepted %q as %q (%v)", s, d, err)
		}
		if d.Year() != day.Year() {
			t.Fatalf("year of %q = %d, want %d", d, d.Year(), day.Year())
		}
		var buf bytes.Buffer
		d.MarshalGQL(&buf)
		var back string
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back != s {
			t.Fatalf("marshalled %q as %s", s, buf.String())
		}
	})
}

// FuzzYuan feeds arbitrary text and integers to the Yuan scalar: it never panics, refuses with EINVALID on
// "amount", accepts only 0–MaxYuan, and an accepted amount marshals to a string that unmarshals to itself.
func FuzzYuan(f *testing.F) {
	for _, s := range []string{"0", "12345", "1000000000000", "1000000000001", "-1", "1.5", "1e3", "+5", "0x10", " 5", "9223372036854775808", "一百"} {
		f.Add(s, int64(0), false)
	}
	f.Add("", int64(4611686018427387904), true)
	f.Add("", int64(-1), true)
	f.Fuzz(func(t *testing.T, s string, n int64, integer bool) {
		var in any = s
		if integer {
			in = n
		}
		var y db.Yuan
		if err := y.UnmarshalGQL(in); err != nil {
			assertRejected(t, err, "amount")
			if y != 0 {
				t.Fatalf("refused %v but set the amount to %d", in, y)
			}
			return
		}
		if y < 0 || y > db.MaxYuan {
			t.Fatalf("accepted %v as %d, outside 0–%d", in, y, int64(db.MaxYuan))
		}
		var buf bytes.Buffer
		y.MarshalGQL(&buf)
		var text string
		if err := json.Unmarshal(buf.Bytes(), &text); err != nil {
			t.Fatalf("marshalled %d as %s", y, buf.String())
		}
		var back db.Yuan
		if err := back.UnmarshalGQL(text); err != nil || back != y {
			t.Fatalf("round trip %d → %q → %d (%v)", y, text, back, err)
		}
		if err := back.UnmarshalGQL(json.Number(text)); err != nil || back != y {
			t.Fatalf("as a JSON number %q → %d (%v)", text, back, err)
		}
	})
}

// FuzzHours feeds arbitrary numbers to the hours field of volunteer records: it never panics, refuses with EINVALID
// on "hours", and accepted hours are whole minutes within the bound that a record then validates with and that an
// export and re-import keep.
func FuzzHours(f *testing.F) {
	for _, h := range []float64{0, 1.5, 1.01, 0.25, 1.0 / 60, db.MaxHours, db.MaxHours + 1, 1e300, -0.0, -1, math.NaN(), math.Inf(1), 4611686018427387904} {
		f.Add(h, int64(1))
	}
	f.Add(2.5, int64(db.MaxVolunteers+1))
	f.Add(2.5, int64(-1))
	f.Fuzz(func(t *testing.T, hours float64, volunteers int64) {
		m, err := db.MinutesFromHours("hours", hours)
		if err != nil {
			assertRejected(t, err, "hours")
			return
		}
		if m < 0 || m > db.MaxMinutes {
			t.Fatalf("%v hours → %d minutes, outside 0–%d", hours, m, int64(db.MaxMinutes))
		}
		if math.Abs(float64(m)/60-hours) > 1e-6*math.Max(1, hours) {
			t.Fatalf("%v hours → %d minutes", hours, m)
		}
		again, err := db.MinutesFromHours("hours", float64(m)/60)
		if err != nil || again != m {
			t.Fatalf("%d minutes as hours → %d (%v)", m, again, err)
		}
		// An export writes hours to two decimals and an import reads them back: the minutes must survive.
		if back := importer.MinutesOfHours(importer.HoursOfMinutes(m)); back != m {
			t.Fatalf("%d minutes exported as %v hours re-import as %d", m, importer.HoursOfMinutes(m), back)
		}
		in := db.VolunteerRecordFields{UnitID: 1, Date: "2024-03-05", Volunteers: int(volunteers), Minutes: m, Method: db.MethodSignIn}
		err = in.Validate()
		if inBounds := volunteers >= 0 && volunteers <= db.MaxVolunteers && int64(int(volunteers)) == volunteers; inBounds != (err == nil) {
			t.Fatalf("volunteers %d, %d minutes: %v", volunteers, m, err)
		}
		if err != nil {
			assertRejected(t, err, "volunteers")
		}
	})
}
