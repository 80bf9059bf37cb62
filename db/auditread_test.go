package db_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
)

func ptr(s string) *string { return &s }

// honourSnapshot is an honour as store.snapshot writes it on SQLite (booleans as 0/1), with the names it points at.
const honourSnapshot = `{"id":57,"category_id":12,"recipient_kind":"UNIT","recipient_name":"郑州市第一中学","unit_id":41,"person_id":null,` +
	`"project_id":null,"work_id":null,"year":2021,"date":"2021-05-18","edition":null,"status":"AWARDED","source_id":null,"demo":0,` +
	`"version":1,"names":{"unit":"郑州市第一中学","category":"河南省文明单位","categoryEn":"Henan Civilised Unit","person":null}}`

func TestAuditReading(t *testing.T) {
	id := int64(57)
	t.Run("UpdateShowsOnlyTheChangedField", func(t *testing.T) {
		after := strings.Replace(strings.Replace(honourSnapshot, `"status":"AWARDED"`, `"status":"NOMINATED"`, 1), `"version":1`, `"version":2`, 1)
		e := &db.AuditEntry{Action: db.ActionUpdate, Entity: db.EntityHonor, RecordID: &id, Before: ptr(honourSnapshot), After: &after}
		r := e.Readable()
		if r.Title.Zh != "河南省文明单位 2021年 · 郑州市第一中学" || r.Title.En != "Henan Civilised Unit 2021 · 郑州市第一中学" {
			t.Errorf("title = %+v", r.Title)
		}
		if len(r.Changes) != 1 {
			t.Fatalf("changes = %+v, want the status only", r.Changes)
		}
		c := r.Changes[0]
		if c.Field != "status" || c.Label != (db.Label{Zh: "状态", En: "Status"}) || *c.Before != "AWARDED" || *c.After != "NOMINATED" ||
			*c.BeforeLabel != (db.Label{Zh: "获评", En: "Awarded"}) || *c.AfterLabel != (db.Label{Zh: "提名", En: "Nominated"}) {
			t.Errorf("change = %+v %s→%s %+v→%+v", c, *c.Before, *c.After, *c.BeforeLabel, *c.AfterLabel)
		}
	})
	t.Run("BooleansReadAlikeOnBothEngines", func(t *testing.T) {
		pg := strings.Replace(honourSnapshot, `"demo":0`, `"demo":false`, 1)
		e := &db.AuditEntry{Action: db.ActionUpdate, Entity: db.EntityHonor, RecordID: &id, Before: ptr(honourSnapshot), After: &pg}
		if c := e.Readable().Changes; len(c) != 0 {
			t.Errorf("0 and false differ: %+v", c)
		}
	})
	t.Run("CreateListsWhatTheRecordHolds", func(t *testing.T) {
		e := &db.AuditEntry{Action: db.ActionCreate, Entity: db.EntityHonor, RecordID: &id, After: ptr(honourSnapshot)}
		var fields []string
		for _, c := range e.Readable().Changes {
			if c.Before != nil {
				t.Errorf("%s has a before on a create", c.Field)
			}
			fields = append(fields, c.Field)
		}
		want := []string{"category", "recipientKind", "recipientName", "unit", "year", "date", "status"}
		if !slices.Equal(fields, want) {
			t.Errorf("fields = %v, want %v (no id, version, empty or false fields)", fields, want)
		}
	})
	t.Run("ReferencesReadByTheNamesTheSnapshotCarries", func(t *testing.T) {
		e := &db.AuditEntry{Action: db.ActionDelete, Entity: db.EntityHonor, RecordID: &id, Before: ptr(honourSnapshot)}
		r := e.Readable()
		if r.Title.Zh != "河南省文明单位 2021年 · 郑州市第一中学" {
			t.Errorf("a deleted record's title = %q", r.Title.Zh)
		}
		for _, c := range r.Changes {
			if c.Field == "unit" && (*c.Before != "41" || c.BeforeLabel.Zh != "郑州市第一中学") {
				t.Errorf("unit = %s %+v", *c.Before, *c.BeforeLabel)
			}
		}
	})
	t.Run("HoursFromMinutesAndNumbersWithoutTrailingZeros", func(t *testing.T) {
		before := `{"unit_id":1,"service_date":"2024-03-05","volunteers":12,"minutes":1800,"method":"SIGN_IN","verified":1,"demo":0,"names":{"unit":"省某某厅"}}`
		after := strings.Replace(before, `"minutes":1800`, `"minutes":1830`, 1)
		e := &db.AuditEntry{Action: db.ActionUpdate, Entity: db.EntityVolunteerRecord, Before: &before, After: &after}
		r := e.Readable()
		if r.Title.Zh != "省某某厅 · 2024-03-05" {
			t.Errorf("title = %q", r.Title.Zh)
		}
		if len(r.Changes) != 1 || *r.Changes[0].Before != "30" || *r.Changes[0].After != "30.5" || r.Changes[0].Label.Zh != "服务时长（小时）" {
			t.Errorf("changes = %+v", r.Changes)
		}
	})
	t.Run("NoNamesFallsBackToKindAndNumber", func(t *testing.T) {
		old := `{"id":57,"category_id":12,"year":2021,"recipient_name":"","status":"AWARDED"}`
		e := &db.AuditEntry{Action: db.ActionUpdate, Entity: db.EntityVolunteerRecord, RecordID: &id, Before: &old, After: &old}
		if r := e.Readable(); r.Title.Zh != "志愿服务记录 #57" || r.Title.En != "Volunteer record #57" {
			t.Errorf("title = %+v", r.Title)
		}
	})
	t.Run("AccountSnapshotsKeepNoSecret", func(t *testing.T) {
		u := &db.User{ID: 3, Username: "editor1", DisplayName: "录入员", Role: db.RoleEditor, PasswordHash: "$2a$12$secrethash"}
		for _, s := range []*string{db.AccountSnapshot(u, map[string]any{"password": "RESET"}), db.SignInRefusalSnapshot(u, db.RefusedWrongPassword, "10.0.0.1"),
			db.TokenSnapshot(&db.APIToken{Name: "报表", Scope: db.ScopeRead, Hash: "tokenhash"}, "editor1")} {
			if strings.Contains(*s, "secrethash") || strings.Contains(*s, "tokenhash") || strings.Contains(*s, "$2a$") {
				t.Errorf("snapshot keeps a secret: %s", *s)
			}
		}
		e := &db.AuditEntry{Action: db.ActionPasswordReset, Entity: db.EntityUser, Before: db.AccountSnapshot(u, nil),
			After: db.AccountSnapshot(u, map[string]any{"password": "RESET"})}
		r := e.Readable()
		if r.Title.Zh != "editor1（录入员）" || len(r.Changes) != 1 || r.Changes[0].Field != "password" || r.Changes[0].Before != nil ||
			!strings.HasPrefix(r.Changes[0].AfterLabel.Zh, "已重设") {
			t.Errorf("reading = %+v", r)
		}
	})
	t.Run("RoleChangeNamesTheRoles", func(t *testing.T) {
		u := &db.User{Username: "editor1", Role: db.RoleEditor}
		admin := *u
		admin.Role = db.RoleAdmin
		e := &db.AuditEntry{Action: db.ActionRoleChange, Entity: db.EntityUser, Before: db.AccountSnapshot(u, nil), After: db.AccountSnapshot(&admin, nil)}
		c := e.Readable().Changes
		if len(c) != 1 || c[0].BeforeLabel.Zh != "编辑" || c[0].AfterLabel.En != "Admin" {
			t.Errorf("changes = %+v", c)
		}
	})
}

// TestEnumNamesCoverTheSchema checks that every value of an enum the audit log names has a name in both languages.
func TestEnumNamesCoverTheSchema(t *testing.T) {
	var schema strings.Builder
	files, _ := os.ReadDir("../graph")
	for _, f := range files {
		if strings.HasSuffix(f.Name(), ".graphqls") {
			b, err := os.ReadFile("../graph/" + f.Name())
			if err != nil {
				t.Fatal(err)
			}
			schema.Write(b)
		}
	}
	value := regexp.MustCompile(`^\s+([A-Z][A-Z0-9_]*)\s*$`)
	for enum, named := range db.NamedEnums() {
		body := regexp.MustCompile(`(?s)\nenum ` + enum + ` \{(.*?)\n\}`).FindStringSubmatch(schema.String())
		if body == nil {
			t.Errorf("enum %s is not in the schema", enum)
			continue
		}
		for _, line := range strings.Split(body[1], "\n") {
			if m := value.FindStringSubmatch(line); m != nil && !slices.Contains(named, m[1]) {
				t.Errorf("%s.%s has no name", enum, m[1])
			}
		}
	}
}
