package apitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// auditChange is one change of an audit entry as the API gives it.
type auditChange struct {
	Field, Label, LabelEn                  string
	Before, After, BeforeLabel, AfterLabel *string
	BeforeLabelEn, AfterLabelEn            *string
}

// auditNode is an audit entry as the API gives it, readable fields and raw snapshots alike.
type auditNode struct {
	Action, Entity, Username, Title, TitleEn string
	RecordID, Before, After                  *string
	Changes                                  []auditChange
	Record                                   *struct{ ID string }
}

const auditFields = `action entity username title titleEn recordId before after record { id }
	changes { field label labelEn before after beforeLabel afterLabel beforeLabelEn afterLabelEn }`

// auditOf lists the entries the filter keeps, newest first.
func auditOf(t *testing.T, base string, admin http.Header, filter string) []auditNode {
	t.Helper()
	r := data[struct {
		AuditLog struct {
			Edges []struct{ Node auditNode }
		}
	}](t, base, admin, `{ auditLog(filter: `+filter+`, first: 50) { edges { node { `+auditFields+` } } } }`, nil)
	out := make([]auditNode, len(r.AuditLog.Edges))
	for i, e := range r.AuditLog.Edges {
		out[i] = e.Node
	}
	return out
}

// TestAuditReadable checks that the audit log reads as people read records: each entry named as people know the
// record, even once it is deleted or purged, with only what changed, labelled as the dashboard labels it, and that
// account events are logged without a secret.
func TestAuditReadable(t *testing.T) {
	base, admin, _, _ := writers(t)

	type honour struct {
		ID, RecipientName, Status string
		Date                      *string
		Version, Year             int
		Demo                      bool
		Unit                      struct{ ID string }
		Category                  struct{ Code, NameZh, NameEn string }
	}
	h := data[struct {
		Honors struct{ Edges []struct{ Node honour } }
	}](t, base, admin, `{ honors(first: 1, filter: {levels: [PROVINCIAL], recipientKinds: [UNIT], statuses: [AWARDED], demo: true}) {
		edges { node { id recipientName status date version year demo unit { id } category { code nameZh nameEn } } } } }`, nil).Honors.Edges[0].Node

	t.Run("AnHonourEditShowsTheOneChangedField", func(t *testing.T) {
		in := map[string]any{"categoryCode": h.Category.Code, "unitId": h.Unit.ID, "year": h.Year, "date": h.Date, "status": "RECOMMENDED"}
		data[json.RawMessage](t, base, admin, `mutation($id: ID!, $v: Int!, $in: HonorInput!) { updateHonor(id: $id, expectedVersion: $v, input: $in) { id } }`,
			map[string]any{"id": h.ID, "v": h.Version, "in": in})
		e := auditOf(t, base, admin, fmt.Sprintf(`{recordId: %q, action: UPDATE}`, h.ID))[0]
		if want := fmt.Sprintf("%s %d年 · %s", h.Category.NameZh, h.Year, h.RecipientName); e.Title != want {
			t.Errorf("title = %q, want %q", e.Title, want)
		}
		if want := fmt.Sprintf("%s %d · %s", h.Category.NameEn, h.Year, h.RecipientName); e.TitleEn != want {
			t.Errorf("titleEn = %q, want %q", e.TitleEn, want)
		}
		if len(e.Changes) != 1 {
			t.Fatalf("changes = %+v, want the status alone", e.Changes)
		}
		c := e.Changes[0]
		got := []string{c.Field, c.Label, c.LabelEn, str(c.Before), str(c.After), str(c.BeforeLabel), str(c.AfterLabel), str(c.BeforeLabelEn), str(c.AfterLabelEn)}
		want := []string{"status", "状态", "Status", "AWARDED", "RECOMMENDED", "获评", "推荐", "Awarded", "Recommended"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("change = %v, want %v", got, want)
		}
		if e.Record == nil || e.Record.ID != h.ID {
			t.Errorf("record = %+v, want the live honour", e.Record)
		}
	})

	t.Run("ADeletedRecordsEntriesStillNameIt", func(t *testing.T) {
		unit := data[struct {
			Units struct {
				Edges []struct{ Node struct{ ID, Name string } }
			}
		}](t, base, admin, `{ units(first: 1, filter: {kind: "机关"}) { edges { node { id name } } } }`, nil).Units.Edges[0].Node
		rec := data[struct{ CreateVolunteerRecord struct{ ID string } }](t, base, admin,
			`mutation($u: ID!) { createVolunteerRecord(input: {unitId: $u, date: "2024-03-05", volunteers: 12, hours: 30, method: SIGN_IN, verified: true}) { id } }`,
			map[string]any{"u": unit.ID}).CreateVolunteerRecord
		data[json.RawMessage](t, base, admin, `mutation($id: ID!) { deleteVolunteerRecord(id: $id) { id } }`, map[string]any{"id": rec.ID})
		entries := auditOf(t, base, admin, fmt.Sprintf(`{recordId: %q}`, rec.ID))
		if len(entries) != 2 || entries[0].Action != "DELETE" || entries[1].Action != "CREATE" {
			t.Fatalf("entries = %+v", entries)
		}
		for _, e := range entries {
			if want := unit.Name + " · 2024-03-05"; e.Title != want || e.TitleEn != want {
				t.Errorf("%s title = %q / %q, want %q", e.Action, e.Title, e.TitleEn, want)
			}
			if e.Record != nil {
				t.Errorf("%s links to a deleted record: %+v", e.Action, e.Record)
			}
		}
		labels := map[string]string{}
		for _, c := range entries[1].Changes {
			labels[c.Label] = str(c.AfterLabel)
		}
		for label, value := range map[string]string{"组织单位": unit.Name, "志愿者人次": "12", "服务时长（小时）": "30", "记录方式": "签到签退", "已核实": "是"} {
			if labels[label] != value {
				t.Errorf("create entry: %s = %q, want %q (all: %v)", label, labels[label], value, labels)
			}
		}
		if _, ok := labels["演示数据"]; ok {
			t.Errorf("a real record's create lists its false demo flag: %v", labels)
		}
	})

	t.Run("APurgedRecordsEntriesStillNameIt", func(t *testing.T) {
		if !h.Demo {
			t.Fatal("the edited honour is not demo data")
		}
		rep := data[struct {
			PurgeDemoData struct {
				Purged       bool
				BlockerCount int
			}
		}](t, base, admin, `mutation { purgeDemoData { purged blockerCount } }`, nil).PurgeDemoData
		if !rep.Purged {
			t.Fatalf("purge = %+v", rep)
		}
		if n := len(data[struct {
			Honors struct{ Edges []json.RawMessage }
		}](t, base, admin, `{ honors(filter: {demo: true}, first: 1) { edges { node { id } } } }`, nil).Honors.Edges); n != 0 {
			t.Fatalf("demo honours left: %d", n)
		}
		e := auditOf(t, base, admin, fmt.Sprintf(`{recordId: %q, action: UPDATE}`, h.ID))[0]
		if want := fmt.Sprintf("%s %d年 · %s", h.Category.NameZh, h.Year, h.RecipientName); e.Title != want {
			t.Errorf("title after the purge = %q, want %q", e.Title, want)
		}
		if e.Record != nil {
			t.Errorf("a purged record still links: %+v", e.Record)
		}
		purge := auditOf(t, base, admin, `{action: PURGE_DEMO}`)[0]
		if purge.Title != "全部演示数据" || len(purge.Changes) == 0 {
			t.Errorf("purge entry = %+v", purge)
		}
	})

	t.Run("AccountEventsAreLoggedWithoutSecrets", func(t *testing.T) {
		const first, second, third = "first-pass-123", "second-pass-456", "third-pass-789"
		u := data[struct{ CreateUser struct{ ID string } }](t, base, admin,
			`mutation($p: String!) { createUser(username: "auditee", password: $p, role: VIEWER, displayName: "被审计者") { id } }`,
			map[string]any{"p": first}).CreateUser
		set := func(vars map[string]any) {
			data[json.RawMessage](t, base, admin, `mutation($id: ID!, $r: Role!, $d: Boolean) { setUserRole(id: $id, role: $r, disabled: $d) { id } }`, vars)
		}
		set(map[string]any{"id": u.ID, "r": "EDITOR"})
		set(map[string]any{"id": u.ID, "r": "EDITOR", "d": true})
		if _, res := Login(t, base, "auditee", first); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("a disabled account signed in: %d", res.StatusCode)
		}
		set(map[string]any{"id": u.ID, "r": "EDITOR", "d": false})
		data[json.RawMessage](t, base, admin, `mutation($id: ID!, $p: String!) { setPassword(id: $id, password: $p) }`, map[string]any{"id": u.ID, "p": second})
		if _, res := Login(t, base, "auditee", "not-the-password"); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("a wrong password signed in: %d", res.StatusCode)
		}
		if _, res := Login(t, base, "nobody-of-this-name", "whatever-typed"); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("an unknown account signed in: %d", res.StatusCode)
		}
		self, res := Login(t, base, "auditee", second)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("sign-in with the reset password: %d", res.StatusCode)
		}
		data[json.RawMessage](t, base, self, `mutation($id: ID!, $p: String!, $c: String) { setPassword(id: $id, password: $p, currentPassword: $c) }`,
			map[string]any{"id": u.ID, "p": third, "c": second})
		self, _ = Login(t, base, "auditee", third)
		tok := data[struct {
			CreateAPIToken struct {
				Secret string
				Token  struct{ ID string }
			}
		}](t, base, self, `mutation { createApiToken(name: "报表脚本", scope: READ) { secret token { id } } }`, nil).CreateAPIToken
		data[json.RawMessage](t, base, self, `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, map[string]any{"id": tok.Token.ID})

		user := auditOf(t, base, admin, fmt.Sprintf(`{recordId: %q}`, u.ID))
		var actions []string
		for _, e := range user {
			actions = append(actions, e.Action)
			if e.Title != "auditee（被审计者）" && e.Title != "auditee" {
				t.Errorf("%s title = %q", e.Action, e.Title)
			}
			if e.Entity != "USER" {
				t.Errorf("%s entity = %s", e.Action, e.Entity)
			}
		}
		want := "PASSWORD_CHANGE SIGN_IN_REFUSED PASSWORD_RESET ENABLE SIGN_IN_REFUSED DISABLE ROLE_CHANGE CREATE"
		if strings.Join(actions, " ") != want {
			t.Fatalf("account entries = %v, want %s", actions, want)
		}
		one := func(e auditNode, field, before, after string) {
			t.Helper()
			if len(e.Changes) != 1 || e.Changes[0].Field != field || str(e.Changes[0].BeforeLabel) != before || str(e.Changes[0].AfterLabel) != after {
				t.Errorf("%s changes = %+v, want %s %s → %s", e.Action, e.Changes, field, before, after)
			}
		}
		one(user[6], "role", "查看者", "编辑")
		one(user[5], "disabled", "否", "是")
		one(user[3], "disabled", "是", "否")
		if e := user[4]; e.Username != "auditee" || !strings.Contains(*e.After, "DISABLED") {
			t.Errorf("refused sign-in of a disabled account = %+v", e)
		}
		if e := user[1]; !strings.Contains(*e.After, "WRONG_PASSWORD") || e.TitleEn != "auditee" {
			t.Errorf("refused sign-in = %+v", e)
		}
		if c := user[2].Changes; len(c) != 1 || c[0].Label != "密码" || !strings.HasPrefix(str(c[0].AfterLabel), "已重设") {
			t.Errorf("reset changes = %+v", c)
		}
		if c := user[0].Changes; len(c) != 1 || !strings.HasPrefix(str(c[0].AfterLabel), "已由本人修改") || user[0].Username != "auditee" {
			t.Errorf("own change = %+v by %s", c, user[0].Username)
		}
		if n := len(auditOf(t, base, admin, `{username: "nobody-of-this-name"}`)); n != 0 {
			t.Errorf("a sign-in to no account was logged %d times", n)
		}

		token := auditOf(t, base, admin, fmt.Sprintf(`{recordId: %q}`, tok.Token.ID))
		if len(token) != 2 || token[0].Action != "REVOKE" || token[1].Action != "CREATE" || token[0].Title != "报表脚本 · auditee" {
			t.Fatalf("token entries = %+v", token)
		}
		if c := token[0].Changes; len(c) != 1 || c[0].Field != "revokedAt" || c[0].Label != "撤销时间" || c[0].After == nil {
			t.Errorf("revoke changes = %+v", c)
		}

		for _, e := range append(user, token...) {
			for _, s := range []*string{e.Before, e.After} {
				if s == nil {
					continue
				}
				for _, secret := range []string{first, second, third, "not-the-password", tok.Secret, "$2a$", "hash"} {
					if strings.Contains(*s, secret) {
						t.Errorf("%s %s keeps a secret (%q): %s", e.Entity, e.Action, secret, *s)
					}
				}
			}
		}
	})
}
