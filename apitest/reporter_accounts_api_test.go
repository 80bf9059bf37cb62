package apitest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// reporterImportMutation is importReporters as the accounts page sends it.
const reporterImportMutation = `mutation($file: Upload!, $dryRun: Boolean, $url: String) {
  importReporters(file: $file, dryRun: $dryRun, signInUrl: $url) {
    rows dryRun written contactsSet credentialsXlsx
    accounts { row unitName username displayName oneTimePassword user { id role mustChangePassword unit { name } } }
    errors { row field code message messageEn }
  }
}`

// reporterImport is the answer of importReporters.
type reporterImport struct {
	Rows            int
	DryRun          bool
	Written         bool
	ContactsSet     int
	CredentialsXlsx *string
	Accounts        []struct {
		Row                int
		UnitName, Username string
		DisplayName        string
		OneTimePassword    *string
		User               *struct {
			ID, Role           string
			MustChangePassword bool
			Unit               struct{ Name string }
		}
	}
	Errors []struct {
		Row                             int
		Field, Code, Message, MessageEn string
	}
}

func importReporters(t *testing.T, base string, h http.Header, name string, content []byte, dry bool) (reporterImport, Response) {
	t.Helper()
	_, r := UploadOperation(t, base, WithUpload(h), reporterImportMutation, map[string]any{"dryRun": dry, "url": "https://wenming.example/login"}, name, content)
	var out struct{ ImportReporters reporterImport }
	if r.Data != nil {
		json.Unmarshal(r.Data, &out)
	}
	return out.ImportReporters, r
}

// reporterUnits reads the names, IDs, versions and contacts of the first units, as the caller sees them.
type reporterUnit struct {
	ID, Name                  string
	Version                   int
	ContactName, ContactPhone *string
}

func unitsWithContacts(t *testing.T, base string, h http.Header) []reporterUnit {
	t.Helper()
	r := As(t, base, h, `{ units(first: 4) { edges { node { id name version contactName contactPhone } } } }`, nil)
	var out struct {
		Units struct{ Edges []struct{ Node reporterUnit } }
	}
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil || len(out.Units.Edges) < 4 {
		t.Fatalf("units: %s %+v", r.Data, r.Errors)
	}
	us := make([]reporterUnit, len(out.Units.Edges))
	for i, e := range out.Units.Edges {
		us[i] = e.Node
	}
	return us
}

func usernames(t *testing.T, base string, admin http.Header) string {
	t.Helper()
	r := As(t, base, admin, `{ users { username } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("users: %+v", r.Errors)
	}
	return string(r.Data)
}

func TestReporterAccounts(t *testing.T) {
	t.Setenv("WENMING_ADMIN_PASSWORD", AdminPassword)
	m := MustRunMain(t) // anonymous reading on: the contact must still stay hidden from it
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	r := As(t, base, admin, `mutation { e: createUser(username: "clerk", password: "password-123", role: EDITOR) { id }
		v: createUser(username: "leader", password: "password-123", role: VIEWER) { id } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("createUser: %+v", r.Errors)
	}
	editor, _ := Login(t, base, "clerk", "password-123")
	viewer, _ := Login(t, base, "leader", "password-123")
	units := unitsWithContacts(t, base, admin)
	const phone = "0571-8765 4321"

	t.Run("ContactSetThroughTheUnitForm", func(t *testing.T) {
		u := units[0]
		r := As(t, base, editor, `mutation($id: ID!, $v: Int!, $in: UnitInput!) { updateUnit(id: $id, expectedVersion: $v, input: $in) { version contactName contactPhone } }`,
			map[string]any{"id": u.ID, "v": u.Version, "in": map[string]any{"name": u.Name, "kind": "机关", "contactName": " 王联络 ", "contactPhone": phone}})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"contactName":"王联络","contactPhone":"`+phone+`"`) {
			t.Fatalf("updateUnit with a contact: %s %+v", r.Data, r.Errors)
		}
		// Leaving the contact out of the form leaves it as it is.
		var out struct{ UpdateUnit struct{ Version int } }
		json.Unmarshal(r.Data, &out)
		r = As(t, base, editor, `mutation($id: ID!, $v: Int!, $in: UnitInput!) { updateUnit(id: $id, expectedVersion: $v, input: $in) { contactName } }`,
			map[string]any{"id": u.ID, "v": out.UpdateUnit.Version, "in": map[string]any{"name": u.Name, "kind": "机关"}})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"contactName":"王联络"`) {
			t.Fatalf("updateUnit without a contact: %s %+v", r.Data, r.Errors)
		}
	})

	t.Run("ContactValidated", func(t *testing.T) {
		u := unitsWithContacts(t, base, admin)[1]
		for _, c := range []struct {
			name, field string
			in          map[string]any
		}{
			{"PhoneWithLetters", "contactPhone", map[string]any{"contactPhone": "138-abc"}},
			{"PhoneTooLong", "contactPhone", map[string]any{"contactPhone": strings.Repeat("1", 21)}},
			{"NameTooLong", "contactName", map[string]any{"contactName": strings.Repeat("名", 51)}},
		} {
			t.Run(c.name, func(t *testing.T) {
				in := map[string]any{"name": u.Name + "（改）", "kind": "机关"}
				for k, v := range c.in {
					in[k] = v
				}
				r := As(t, base, editor, `mutation($id: ID!, $v: Int!, $in: UnitInput!) { updateUnit(id: $id, expectedVersion: $v, input: $in) { version } }`,
					map[string]any{"id": u.ID, "v": u.Version, "in": in})
				if e := WantCode(t, r.Errors, "BAD_USER_INPUT"); e.Extensions["field"] != c.field || e.Extensions["messageEn"] == "" {
					t.Errorf("refusal: %+v", e)
				}
			})
		}
		if after := unitsWithContacts(t, base, admin)[1]; after.Version != u.Version || after.Name != u.Name {
			t.Errorf("a refused contact changed the unit: %+v → %+v", u, after)
		}
	})

	t.Run("ContactReadByOfficeOnly", func(t *testing.T) {
		for _, who := range []struct {
			name string
			h    http.Header
			sees bool
		}{{"Admin", admin, true}, {"Editor", editor, true}, {"Viewer", viewer, true}, {"Anonymous", nil, false}} {
			got := unitsWithContacts(t, base, who.h)[0]
			if seen := got.ContactPhone != nil && *got.ContactPhone == phone; seen != who.sees {
				t.Errorf("%s reads the contact phone %v, want %v", who.name, got.ContactPhone, who.sees)
			}
		}
		for _, path := range []string{"/export/units.csv", "/export/units.xlsx"} {
			res := Do(t, http.MethodGet, base+path, nil, admin, "")
			raw, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || bytes.Contains(raw, []byte("8765")) || bytes.Contains(raw, []byte("王联络")) {
				t.Errorf("GET %s: %d, holds the contact: %v", path, res.StatusCode, bytes.Contains(raw, []byte("8765")))
			}
		}
	})

	t.Run("TemplateForAdminsOnly", func(t *testing.T) {
		res := Do(t, http.MethodGet, base+"/templates/reporters.xlsx", nil, editor, "")
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("an editor's template: %d", res.StatusCode)
		}
		x := reporterTemplate(t, base, admin, nil)
		head, _ := x.GetRows(x.GetSheetList()[0])
		if len(head) == 0 || strings.Join(head[0], ",") != "单位,用户名,姓名,手机" {
			t.Errorf("template header: %v", head)
		}
	})

	t.Run("OneBadRowCreatesNothing", func(t *testing.T) {
		before := usernames(t, base, admin)
		csv := "单位,用户名,姓名,手机\n" +
			units[1].Name + ",good-reporter,李好,13800000000\n" + // row 2: fine
			"没有这个单位,r-nounit,张三,13800000001\n" + // row 3
			units[2].Name + ",good-reporter,王五,13800000002\n" + // row 4: repeats row 2
			units[2].Name + ",ADMIN,赵六,13800000003\n" + // row 5: taken, in another case
			units[3].Name + ",r-phone,孙七,call me\n" + // row 6
			units[3].Name + ",,周八,\n" // row 7
		rep, r := importReporters(t, base, admin, "reporters.csv", []byte(csv), false)
		if len(r.Errors) > 0 || rep.Written || len(rep.Accounts) != 0 || rep.CredentialsXlsx != nil {
			t.Fatalf("a file with bad rows: %+v %+v", rep, r.Errors)
		}
		var got []string
		for _, e := range rep.Errors {
			if e.Message == "" || e.MessageEn == "" || e.MessageEn == e.Message || HasCJK(e.MessageEn[:2]) {
				t.Errorf("row %d: messages %q / %q", e.Row, e.Message, e.MessageEn)
			}
			got = append(got, strings.Join([]string{string(rune('0' + e.Row)), e.Field, e.Code}, ":"))
		}
		want := "3:单位:UNIT_NOT_FOUND 4:用户名:USERNAME_DUPLICATE 5:用户名:USERNAME_TAKEN 6:手机:PHONE_INVALID 7:用户名:REQUIRED"
		if strings.Join(got, " ") != want {
			t.Errorf("row errors\n got %s\nwant %s", strings.Join(got, " "), want)
		}
		if after := usernames(t, base, admin); after != before {
			t.Errorf("accounts changed: %s → %s", before, after)
		}
	})

	// The admin's own template, filled in with English headers on the second try.
	rows := [][]any{{units[1].Name, "unit-one", "陈一", "139 0000 0001"}, {units[0].Name, "unit-zero", "林零", "139 0000 0000"}}
	file := fillReporterTemplate(t, reporterTemplate(t, base, admin, []string{"Unit", "Username", "Name", "Phone"}), rows)

	t.Run("DryRunCreatesNothing", func(t *testing.T) {
		before := usernames(t, base, admin)
		rep, r := importReporters(t, base, admin, "reporters.xlsx", file, true)
		if len(r.Errors) > 0 || rep.Written || !rep.DryRun || len(rep.Errors) > 0 || len(rep.Accounts) != 2 {
			t.Fatalf("dry run: %+v %+v", rep, r.Errors)
		}
		for _, a := range rep.Accounts {
			if a.OneTimePassword != nil || a.User != nil {
				t.Errorf("a dry run made %s: %+v", a.Username, a)
			}
		}
		if after := usernames(t, base, admin); after != before {
			t.Errorf("a dry run changed the accounts: %s → %s", before, after)
		}
	})

	t.Run("NotForEditorsOrTokens", func(t *testing.T) {
		_, r := importReporters(t, base, editor, "reporters.xlsx", file, false)
		WantCode(t, r.Errors, "FORBIDDEN")
		r = As(t, base, admin, `mutation { createApiToken(name: "bulk", scope: WRITE) { secret } }`, nil)
		var out struct{ CreateAPIToken struct{ Secret string } }
		if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil {
			t.Fatalf("token: %+v", r.Errors)
		}
		_, r = importReporters(t, base, Bearer(out.CreateAPIToken.Secret), "reporters.xlsx", file, false)
		WantCode(t, r.Errors, "FORBIDDEN")
	})

	t.Run("ErrSignInURLTooLong", func(t *testing.T) {
		_, r := UploadOperation(t, base, WithUpload(admin), reporterImportMutation, map[string]any{"url": "https://" + strings.Repeat("x", 300)}, "reporters.xlsx", file)
		if e := WantCode(t, r.Errors, "BAD_USER_INPUT"); e.Extensions["field"] != "signInUrl" {
			t.Errorf("refusal: %+v", e)
		}
	})

	t.Run("CreatesAccountsWithOneTimePasswords", func(t *testing.T) {
		rep, r := importReporters(t, base, admin, "reporters.xlsx", file, false)
		if len(r.Errors) > 0 || !rep.Written || len(rep.Errors) > 0 || len(rep.Accounts) != 2 || rep.CredentialsXlsx == nil {
			t.Fatalf("import: %+v %+v", rep, r.Errors)
		}
		// Unit 0 had a contact already (王联络) and keeps it; unit 1 had none and gets the row's.
		if rep.ContactsSet != 1 {
			t.Errorf("contacts set: %d", rep.ContactsSet)
		}
		after := unitsWithContacts(t, base, admin)
		if *after[0].ContactName != "王联络" || *after[1].ContactName != "陈一" || *after[1].ContactPhone != "139 0000 0001" {
			t.Errorf("contacts after the import: %+v", after[:2])
		}
		sheet := credentialsSheet(t, *rep.CredentialsXlsx)
		for i, a := range rep.Accounts {
			if a.User == nil || a.User.Role != "REPORTER" || !a.User.MustChangePassword || a.User.Unit.Name != rows[i][0] || a.OneTimePassword == nil {
				t.Fatalf("account %d: %+v", i, a)
			}
			if !strings.Contains(sheet, a.Username+","+a.DisplayName+","+*a.OneTimePassword+",https://wenming.example/login") {
				t.Errorf("the credentials sheet lacks %s: %s", a.Username, sheet)
			}
		}
		// The one-time password signs in, and holds the account to changing it first.
		h, res := Login(t, base, "unit-one", *rep.Accounts[0].OneTimePassword)
		if res.StatusCode != 200 {
			t.Fatalf("sign-in: %d", res.StatusCode)
		}
		r = As(t, base, h, `{ dataset { hasDemo } }`, nil)
		WantCode(t, r.Errors, "FORBIDDEN")
		// The same file again: every username is taken now, and nothing more is made.
		again, _ := importReporters(t, base, admin, "reporters.xlsx", file, false)
		if again.Written || len(again.Errors) != 2 || again.Errors[0].Code != "USERNAME_TAKEN" {
			t.Errorf("the same file again: %+v", again)
		}
	})

	t.Run("HeaderOfAnotherFileRefused", func(t *testing.T) {
		rep, r := importReporters(t, base, admin, "units.csv", []byte("单位名称,单位类型\n某厅,机关\n"), false)
		if len(r.Errors) > 0 || rep.Written || len(rep.Errors) == 0 || rep.Errors[0].Code != "HEADER" || rep.Errors[0].Row != 1 {
			t.Errorf("a units file: %+v %+v", rep, r.Errors)
		}
	})
}

// reporterTemplate downloads the reporter template; with headers, it replaces the header row with them.
func reporterTemplate(t *testing.T, base string, h http.Header, headers []string) *excelize.File {
	t.Helper()
	res := Do(t, http.MethodGet, base+"/templates/reporters.xlsx", nil, h, "")
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("template: %d %s", res.StatusCode, raw)
	}
	x, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if headers != nil {
		x.SetSheetRow(x.GetSheetList()[0], "A1", &headers)
	}
	return x
}

func fillReporterTemplate(t *testing.T, x *excelize.File, rows [][]any) []byte {
	t.Helper()
	defer x.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		x.SetSheetRow(x.GetSheetList()[0], cell, &r)
	}
	var out bytes.Buffer
	if _, err := x.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// credentialsSheet decodes the credentials XLSX of an answer into lines of comma-joined cells.
func credentialsSheet(t *testing.T, b64 string) string {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(x.GetSheetList()[0])
	var lines []string
	for _, r := range rows {
		lines = append(lines, strings.Join(r, ","))
	}
	return strings.Join(lines, "\n")
}
