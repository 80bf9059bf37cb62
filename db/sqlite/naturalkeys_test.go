package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/db/sqlite"
)

// rawDB opens the file directly, beside the store, for writes the store would refuse.
func rawDB(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_pragma=foreign_keys(ON)")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { raw.Close() })
	return raw
}

func mustExec(tb testing.TB, raw *sql.DB, q string, args ...any) {
	tb.Helper()
	if _, err := raw.Exec(q, args...); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
}

// TestNaturalKeyIndexes checks that the database itself refuses two records an import would call the same, even
// when a key part is empty, and that two people named alike stay two recipients.
func TestNaturalKeyIndexes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys.db")
	d := MustOpenDBAt(t, path)
	ds, err := seed.Real()
	if err != nil {
		t.Fatal(err)
	}
	MustLoad(t, d, ds)
	raw := rawDB(t, path)
	mustExec(t, raw, `INSERT INTO units (id, name, kind, sector) VALUES (1, '甲厅', '机关', ''), (2, '乙厅', '机关', '')`)
	mustExec(t, raw, `INSERT INTO people (id, name, unit_id) VALUES (1, '张三', 1), (2, '张三', 2), (3, '李四', NULL)`)
	henan := `(SELECT id FROM honor_categories WHERE code = 'HENAN_GOOD_PERSON')`
	for _, tc := range []struct {
		name, first, second string
	}{
		{"EmptyCampaign", `INSERT INTO volunteer_records (unit_id, service_date, volunteers, minutes, method) VALUES (1, '2024-03-05', 5, 60, 'SIGN_IN')`, ""},
		{"EmptyEdition", `INSERT INTO honors (category_id, recipient_kind, recipient_name, person_id, unit_id, year, status) VALUES (` + henan + `, 'PERSON', '张三', 1, 1, 2024, 'AWARDED')`,
			// Another display name does not make another honour: the key is the person record.
			`INSERT INTO honors (category_id, recipient_kind, recipient_name, person_id, unit_id, year, status) VALUES (` + henan + `, 'PERSON', '张三（甲厅）', 1, 1, 2024, 'AWARDED')`},
		{"PersonWithoutUnit", `INSERT INTO people (name) VALUES ('王五')`, ""},
		{"Activity", `INSERT INTO practice_activities (unit_id, activity_date, kind, theme, sessions, participants) VALUES (1, '2024-05-01', 'ROUTINE', '宣讲', 1, 10)`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mustExec(t, raw, tc.first)
			second := tc.second
			if second == "" {
				second = tc.first
			}
			if _, err := raw.Exec(second); err == nil || !strings.Contains(err.Error(), "UNIQUE") {
				t.Fatalf("second record with the same natural key: %v", err)
			}
		})
	}
	t.Run("NamesakesAreTwoRecipients", func(t *testing.T) {
		mustExec(t, raw, `INSERT INTO honors (category_id, recipient_kind, recipient_name, person_id, unit_id, year, status) VALUES (`+henan+`, 'PERSON', '张三', 2, 2, 2024, 'AWARDED')`)
	})
	t.Run("CampaignRecordOutsideItsDates", func(t *testing.T) {
		// Mutations refuse what imports refuse, so that every record can be exported and imported back.
		flood := int64(2) // FLOOD720, 2021-07-20 to 2021-09-30
		_, err := d.CreateVolunteerRecord(editor(), db.VolunteerRecordFields{UnitID: 1, CampaignID: &flood, Date: "2024-03-05", Volunteers: 9, Minutes: 90, Method: db.MethodSignIn})
		assertCode(t, err, db.EINVALID)
		if db.ErrorField(err) != "date" {
			t.Fatalf("field %q: %v", db.ErrorField(err), err)
		}
		if _, err := d.CreateVolunteerRecord(editor(), db.VolunteerRecordFields{UnitID: 1, CampaignID: &flood, Date: "2021-07-21", Volunteers: 9, Minutes: 90, Method: db.MethodSignIn}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("MutationConflict", func(t *testing.T) {
		_, err := d.CreateVolunteerRecord(editor(), db.VolunteerRecordFields{UnitID: 1, Date: "2024-03-05", Volunteers: 9, Minutes: 90, Method: db.MethodSignIn})
		assertCode(t, err, db.ECONFLICT)
		if msg := db.ErrorMessage(err); !strings.Contains(msg, "志愿服务记录") {
			t.Fatalf("message %q", msg)
		}
	})
}

// TestMigrationRefusesDuplicates checks that migration 0008 stops on records sharing a natural key, lists them in
// Chinese and keeps them all, then applies once an office has resolved them.
func TestMigrationRefusesDuplicates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dups.db")
	d, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	ds, _ := seed.Real()
	MustLoad(t, d, ds)
	d.Close()
	raw := rawDB(t, path)
	// Back to the schema before 0008, as a database written by an older version has it.
	for _, q := range []string{
		`DROP INDEX people_natural_key`, `DROP INDEX honors_natural_key`, `DROP INDEX volunteer_records_natural_key`,
		`DROP INDEX practice_activities_natural_key`, `ALTER TABLE source_documents DROP COLUMN demo`,
		`DELETE FROM schema_migrations WHERE name = 'migrations/0008_natural_keys.sql'`,
		`INSERT INTO units (id, name, kind, sector) VALUES (1, '甲厅', '机关', '')`,
		`INSERT INTO people (id, name) VALUES (1, '重名者'), (2, '重名者')`,
		`INSERT INTO volunteer_records (id, unit_id, service_date, volunteers, minutes, method) VALUES
			(1, 1, '2024-03-05', 5, 60, 'SIGN_IN'), (2, 1, '2024-03-05', 7, 90, 'SIGN_IN'), (3, 1, '2024-03-05', 7, 90, 'SHIFT')`,
	} {
		mustExec(t, raw, q)
	}

	_, err = sqlite.Open(context.Background(), path)
	assertCode(t, err, db.ECONFLICT)
	msg := db.ErrorMessage(err)
	for _, want := range []string{"自然键", "先进人物：1 组", "重名者", "记录编号 1、2", "志愿服务记录：1 组", "甲厅 · 2024-03-05 · 常态化 · 签到签退", "不会自动删除或合并"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	var people, records int
	raw.QueryRow(`SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM volunteer_records)`).Scan(&people, &records)
	if people != 2 || records != 3 {
		t.Fatalf("the refused migration changed records: %d people, %d volunteer records", people, records)
	}

	mustExec(t, raw, `DELETE FROM people WHERE id = 2`)
	mustExec(t, raw, `DELETE FROM volunteer_records WHERE id = 2`)
	d = MustOpenDBAt(t, path)
	names, err := d.AppliedMigrations(context.Background())
	if err != nil || !slices.Contains(names, "migrations/0008_natural_keys.sql") {
		t.Fatalf("migrations %v, %v", names, err)
	}
}

// editor is the context of a signed-in editor, as the API and the CLI give it.
func editor() context.Context {
	return db.WithPrincipal(context.Background(), &db.Principal{UserID: 0, Username: "test-editor", Role: db.RoleEditor, Via: "session"})
}
