package dbtest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
)

// testCountBounds checks finding 5 of the security review: a volunteers of 2^62 was stored, and the next write then
// failed with CONFLICT when an aggregate overflowed. Every count is bounded (db/rules.go) on mutations and imports
// alike, and records at the bounds keep every aggregate exact.
func testCountBounds(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, writeDataset())
	rec := func(volunteers int, minutes int64) db.VolunteerRecordFields {
		return db.VolunteerRecordFields{UnitID: unitTransport, Date: "2023-05-01", Volunteers: volunteers, Minutes: minutes, Method: db.MethodSignIn}
	}

	for _, tc := range []struct {
		name, field string
		in          db.VolunteerRecordFields
	}{
		{"VolunteersOf2To62", "volunteers", rec(4611686018427387904, 60)},
		{"VolunteersPastTheBound", "volunteers", rec(db.MaxVolunteers+1, 60)},
		{"MinutesPastTheBound", "hours", rec(1, db.MaxMinutes+1)},
	} {
		t.Run("VolunteerRecord"+tc.name, func(t *testing.T) {
			_, err := d.CreateVolunteerRecord(ctx, tc.in)
			assertCode(t, err, db.EINVALID)
			if f := db.ErrorField(err); f != tc.field {
				t.Errorf("field = %q, want %q", f, tc.field)
			}
			if msg := db.ErrorMessage(err); !strings.Contains(msg, "须在 0 到") {
				t.Errorf("message %q does not state the bound in Chinese", msg)
			}
		})
	}
	act := func(sessions, participants int) db.PracticeActivityFields {
		return db.PracticeActivityFields{UnitID: unitTransport, Date: "2023-05-01", Kind: db.ActivityRoutine, Theme: "文明交通劝导",
			Sessions: sessions, Participants: participants}
	}
	for _, tc := range []struct {
		name, field string
		in          db.PracticeActivityFields
	}{
		{"SessionsPastTheBound", "sessions", act(db.MaxSessions+1, 1)},
		{"ParticipantsOf2To62", "participants", act(1, 4611686018427387904)},
	} {
		t.Run("PracticeActivity"+tc.name, func(t *testing.T) {
			_, err := d.CreatePracticeActivity(ctx, tc.in)
			assertCode(t, err, db.EINVALID)
			if f := db.ErrorField(err); f != tc.field {
				t.Errorf("field = %q, want %q", f, tc.field)
			}
		})
	}
	t.Run("AssessmentScorePastTheBound", func(t *testing.T) {
		_, err := d.CreateAssessment(ctx, db.AssessmentFields{UnitID: unitTransport, Year: 2023, BaseScore: 90, Stage: db.StageNamed,
			Scores: []db.IndicatorScoreFields{{Code: "ORG", Score: 1e300}}})
		assertCode(t, err, db.EINVALID)
	})

	t.Run("RecordsAtTheBoundKeepAggregatesExact", func(t *testing.T) {
		const n = 3
		for i := 0; i < n; i++ {
			in := rec(db.MaxVolunteers, db.MaxMinutes)
			in.Date = db.Date(fmt.Sprintf("2023-07-%02d", i+1))
			if _, err := d.CreateVolunteerRecord(ctx, in); err != nil {
				t.Fatalf("record %d at the bound: %v", i+1, err)
			}
		}
		// The next write, which the finding saw fail with CONFLICT, succeeds.
		if _, err := d.CreateVolunteerRecord(ctx, rec(1, 60)); err != nil {
			t.Fatalf("write after records at the bound: %v", err)
		}
		if _, err := d.CreatePracticeActivity(ctx, act(db.MaxSessions, db.MaxParticipants)); err != nil {
			t.Fatalf("activity at the bound: %v", err)
		}
		bs, err := d.VolunteerStats(context.Background(), nil, db.VolunteerCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		var vols, mins int64
		for _, b := range bs {
			vols += int64(b.Volunteers)
			mins += b.Minutes
		}
		if want := int64(n*db.MaxVolunteers + 1); vols != want {
			t.Errorf("volunteers = %d, want %d", vols, want)
		}
		if want := int64(n*db.MaxMinutes + 60); mins != want {
			t.Errorf("minutes = %d, want %d", mins, want)
		}
		mustRollups(t, d)
	})

	t.Run("Import", func(t *testing.T) {
		csv := "单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实\n" +
			"省交通运输厅,2023-06-01,,4611686018427387904,1,签到签退,否\n" +
			fmt.Sprintf("省交通运输厅,2023-06-02,,%d,1,签到签退,否\n", db.MaxVolunteers+1) +
			fmt.Sprintf("省交通运输厅,2023-06-03,,1,%d,签到签退,否\n", db.MaxHours+1) +
			fmt.Sprintf("省交通运输厅,2023-06-04,,%d,%d,签到签退,否\n", db.MaxVolunteers, db.MaxHours)
		rep := mustImport(t, d, db.ImportVolunteerRecords, writeFile(t, "big.csv", csv), true)
		if rep.ErrorCount != 3 || rep.Valid != 1 {
			t.Fatalf("report %+v, want 3 rows refused and the row at the bounds valid", rep)
		}
		for _, e := range rep.Errors {
			if !strings.Contains(e.Message, "之间") || e.Column == "" {
				t.Errorf("row %d: %+v, want a Chinese bound on a column", e.Row, e)
			}
		}
		acts := "单位名称,活动日期,活动类型,活动主题,实践中心,场次,参与人数\n" +
			fmt.Sprintf("省交通运输厅,2024-05-18,常态化活动,文明交通劝导,,%d,1\n", db.MaxSessions+1) +
			"省交通运输厅,2024-05-19,常态化活动,文明交通劝导,,1,4611686018427387904\n"
		if rep := mustImport(t, d, db.ImportActivities, writeFile(t, "acts.csv", acts), true); rep.ErrorCount != 2 {
			t.Fatalf("activities %+v %+v, want both rows refused", rep, rep.Errors)
		}
	})
}
