package db_test

import (
	"math"
	"testing"

	"github.com/wenming/wenming/db"
)

// TestBoundsKeepSumsExact checks the arithmetic behind the count bounds: at the bound, an int64 sum over every
// record a province could hold (a billion records, over 3,000 times the 292,504 of the scale test; a million
// amounts of money) cannot overflow, so no aggregate turns a later write into an error.
func TestBoundsKeepSumsExact(t *testing.T) {
	for _, tc := range []struct {
		name      string
		max, rows int64
	}{
		{"Volunteers", db.MaxVolunteers, 1_000_000_000},
		{"Minutes", db.MaxMinutes, 1_000_000_000},
		{"Sessions", db.MaxSessions, 1_000_000_000},
		{"Participants", db.MaxParticipants, 1_000_000_000},
		{"Yuan", db.MaxYuan, 1_000_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.max > math.MaxInt64/tc.rows {
				t.Fatalf("%d records at the bound %d overflow int64", tc.rows, tc.max)
			}
		})
	}
	t.Run("HoursOfAMillionRecordsAreExactFloats", func(t *testing.T) {
		// Hours are minutes/60 as float64: the sum of minutes stays an exact float below 2^53.
		if float64(db.MaxMinutes)*1e6 > 1<<53 {
			t.Fatalf("a million records at %d minutes exceed 2^53", int64(db.MaxMinutes))
		}
	})
}
