package db

// The audit log as people read it: each entry names its record as people know it (a unit's name, an honour's
// category, year and recipient) and lists only what changed, with the dashboard's labels and the enums' names in
// both languages. Everything is read from the entry's own snapshots, which carry the names of the records they
// point at (store.snapshot's "names"), so that an entry reads the same after its record is deleted or purged.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// AuditChange is one field an audited write changed: its label, its stored values (nil when absent) and how the
// dashboard shows them.
type AuditChange struct {
	// Field is the GraphQL field name, or field.key for one item of a list (scores.A1).
	Field string
	Label Label
	// Before and After are the stored values as text: codes, numbers, dates, true/false.
	Before, After *string
	// BeforeLabel and AfterLabel are the values as the dashboard shows them: names instead of IDs and codes.
	BeforeLabel, AfterLabel *Label
}

// AuditReading is an audit entry as people read it.
type AuditReading struct {
	Title   Label
	Changes []AuditChange
}

// valueKind is how a snapshot column's value reads.
type valueKind int

const (
	kindText valueKind = iota
	kindNumber
	kindBool
	kindEnum
	kindEnumList
	kindRef
	kindHours
	kindPassword
	// kindUnitKind is a unit kind, kept in Chinese (机关), named in English by the message terms.
	kindUnitKind
)

// auditColumn maps a snapshot column to the GraphQL field it shows as, and says how its value reads: an enum's
// values by the enum's names, a reference (unit_id) by the name its snapshot carries under names[field].
type auditColumn struct {
	col, field string
	kind       valueKind
	enum       string
}

func colText(col, field string) auditColumn { return auditColumn{col: col, field: field} }
func colNumber(col, field string) auditColumn {
	return auditColumn{col: col, field: field, kind: kindNumber}
}
func colBool(col, field string) auditColumn {
	return auditColumn{col: col, field: field, kind: kindBool}
}
func colRef(col, field string) auditColumn { return auditColumn{col: col, field: field, kind: kindRef} }
func colEnum(col, field, e string) auditColumn {
	return auditColumn{col: col, field: field, kind: kindEnum, enum: e}
}
func colEnumList(col, field, e string) auditColumn {
	return auditColumn{col: col, field: field, kind: kindEnumList, enum: e}
}
func colDemo() auditColumn                        { return colBool("demo", "demo") }
func colUnit() auditColumn                        { return colRef("unit_id", "unit") }
func colsText(cols ...string) (out []auditColumn) { return mapCols(cols, colText) }
func mapCols(cols []string, f func(col, field string) auditColumn) (out []auditColumn) {
	for _, c := range cols {
		out = append(out, f(c, c))
	}
	return out
}

// auditEntities is, for each entity, its GraphQL type (the label table's key) and the snapshot columns it shows,
// in the order the form shows them; id and version are left out, and columns not listed are not shown.
var auditEntities = map[Entity]struct {
	typ  string
	cols []auditColumn
}{
	EntityUnit: {"Unit", []auditColumn{colText("name", "name"), {col: "kind", field: "kind", kind: kindUnitKind}, colText("sector", "sector"),
		colBool("service_window", "serviceWindow"), colDemo()}},
	EntityPerson: {"Person", []auditColumn{colText("name", "name"), colUnit(), colText("citation", "citation"), colDemo()}},
	EntityHonor: {"Honor", []auditColumn{colRef("category_id", "category"), colEnum("recipient_kind", "recipientKind", "RecipientKind"),
		colText("recipient_name", "recipientName"), colUnit(), colRef("person_id", "person"), colRef("project_id", "project"),
		colRef("work_id", "work"), colNumber("year", "year"), colText("date", "date"), colText("edition", "edition"),
		colEnum("status", "status", "HonorStatus"), colRef("source_id", "source"), colDemo()}},
	EntityVolunteerRecord: {"VolunteerRecord", []auditColumn{colUnit(), colRef("campaign_id", "campaign"), colText("service_date", "date"),
		colNumber("volunteers", "volunteers"), {col: "minutes", field: "hours", kind: kindHours}, colEnum("method", "method", "RecordingMethod"),
		colBool("verified", "verified"), colDemo()}},
	EntityCampaign: {"Campaign", []auditColumn{colText("code", "code"), colText("name_zh", "nameZh"), colText("name_en", "nameEn"),
		colEnum("kind", "kind", "CampaignKind"), colText("start_date", "startDate"), colEnum("start_basis", "startBasis", "Basis"),
		colText("end_date", "endDate"), colEnum("end_basis", "endBasis", "Basis"), colText("description", "description")}},
	EntityPracticeLink: {"PracticeLink", []auditColumn{colUnit(), colRef("center_id", "center"), colNumber("since_year", "sinceYear"), colDemo()}},
	EntityPracticeActivity: {"PracticeActivity", []auditColumn{colUnit(), colText("theme", "theme"), colText("activity_date", "date"),
		colEnum("kind", "kind", "ActivityKind"), colNumber("sessions", "sessions"), colNumber("participants", "participants"),
		colRef("center_id", "center"), colEnum("action", "action", "PracticeAction"), colDemo()}},
	EntityAssessment: {"Assessment", []auditColumn{colUnit(), colNumber("year", "year"), colEnum("stage", "stage", "AssessmentStage"),
		colNumber("base_score", "baseScore"), colNumber("bonus", "bonus"), colBool("veto", "veto"), colDemo()}},
	EntityTarget: {"Target", []auditColumn{colEnum("metric", "metric", "ProgressMetric"), colNumber("year", "year"), colNumber("value", "value"),
		colEnum("basis", "basis", "Basis"), colDemo()}},
	EntityRankingWeights: {"RankingWeight", []auditColumn{colNumber("from_year", "fromYear")}},
	EntityHonorCategory: {"HonorCategory", []auditColumn{colText("code", "code"), colNumber("weight", "weight"),
		colEnum("weight_basis", "weightBasis", "Basis")}},
	EntityDonation: {"Donation", []auditColumn{colRef("campaign_id", "campaign"), colEnum("kind", "kind", "DonationKind"), colNumber("amount", "amount"),
		colNumber("boxes", "boxes"), colNumber("batch", "batch"), colText("donation_date", "date"), colUnit(), colText("description", "description"),
		colDemo()}},
	EntityPairing: {"Pairing", []auditColumn{colUnit(), colText("township", "township"), colNumber("since_year", "sinceYear"),
		colRef("center_id", "center"), colEnumList("contents", "contents", "PairingContent"), colDemo()}},
	EntityWish: {"Wish", []auditColumn{colText("title", "title"), colText("beneficiary", "beneficiary"), colText("collected_on", "collectedOn"),
		colEnum("stage", "stage", "WishStage"), colRef("unit_id", "claimedBy"), colRef("pairing_id", "pairing"), colText("note", "note"), colDemo()}},
	EntityExcellentCase: {"ExcellentCase", []auditColumn{colRef("compilation_id", "compilation"), colText("title", "title"), colUnit(),
		colNumber("year", "year"), colText("summary", "summary"), colDemo()}},
	EntityTalentMember: {"TalentMember", []auditColumn{colText("name", "name"), colNumber("since_year", "sinceYear"), colUnit(),
		colEnumList("roles", "roles", "TalentRole"), colDemo()}},
	EntityCivilisationEvent: {"CivilisationEvent", []auditColumn{colEnum("kind", "kind", "EventKind"), colText("event_date", "date"),
		colText("title", "title"), colText("place", "place"), colRef("milestone_id", "milestone"), colText("quote", "quote"), colRef("source_id", "source"),
		colDemo()}},
	EntityUser: {"User", append(colsText("username", "displayName"), colEnum("role", "role", "Role"), colBool("disabled", "disabled"),
		auditColumn{col: "password", field: "password", kind: kindPassword}, colEnum("signInRefused", "signInRefused", "SignInRefusal"),
		colText("address", "address"))},
	EntityAPIToken: {"ApiToken", append(colsText("name"), colEnum("scope", "scope", "TokenScope"),
		colText("owner", "owner"), colText("expiresAt", "expiresAt"), colText("revokedAt", "revokedAt"))},
}

// snapshot is one side of an audit entry, decoded.
type snapshot map[string]any

func decodeSnapshot(s *string) snapshot {
	if s == nil || *s == "" {
		return nil
	}
	d := json.NewDecoder(strings.NewReader(*s))
	d.UseNumber()
	var m map[string]any
	if d.Decode(&m) != nil {
		return nil
	}
	return m
}

// name is the name the snapshot carries for a record it points at (names.unit), or "" when it carries none.
func (s snapshot) name(key string) string {
	names, _ := s["names"].(map[string]any)
	v, _ := names[key].(string)
	return v
}

// nameEn is a name's English, where the record has one (a category's nameEn), or the name itself.
func (s snapshot) nameEn(key string) string {
	if v := s.name(key + "En"); v != "" {
		return v
	}
	return s.name(key)
}

// str is a column's value as text; nil and missing are "".
func (s snapshot) str(col string) string {
	v, ok := s[col]
	if !ok || v == nil {
		return ""
	}
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// Readable returns the entry as people read it.
func (e *AuditEntry) Readable() AuditReading {
	before, after := decodeSnapshot(e.Before), decodeSnapshot(e.After)
	r := AuditReading{Title: e.title(before, after)}
	switch {
	case e.Action == ActionImport:
		r.Changes = importChanges(after)
	case e.Action == ActionPurgeDemo:
		r.Changes = purgeChanges(before)
	default:
		r.Changes = e.changes(before, after)
	}
	return r
}

// title names the entry's record from its snapshots, the newer first.
func (e *AuditEntry) title(before, after snapshot) Label {
	s := after
	if s == nil {
		s = before
	}
	switch e.Action {
	case ActionImport:
		if f := s.str("file"); f != "" {
			return Label{Zh: "导入" + entityZh[e.Entity] + "：" + f, En: "Import of " + termsEn[entityZh[e.Entity]] + ": " + f}
		}
		return Label{Zh: "导入" + entityZh[e.Entity], En: "Import of " + termsEn[entityZh[e.Entity]]}
	case ActionPurgeDemo:
		return Label{Zh: "全部演示数据", En: "All demo data"}
	}
	if s == nil {
		return e.fallbackTitle()
	}
	join := func(parts ...string) string {
		parts = slices.DeleteFunc(parts, func(p string) bool { return p == "" })
		return strings.Join(parts, " · ")
	}
	same := func(zh string) Label { return Label{Zh: zh, En: zh} }
	var t Label
	switch e.Entity {
	case EntityUnit, EntityTalentMember:
		t = same(s.str("name"))
	case EntityPerson:
		t = same(join(s.str("name"), s.name("unit")))
	case EntityHonor:
		year := s.str("year")
		t = Label{Zh: join(strings.TrimSpace(s.name("category")+" "+year+"年"), s.str("recipient_name")),
			En: join(strings.TrimSpace(s.nameEn("category")+" "+year), s.str("recipient_name"))}
	case EntityVolunteerRecord:
		t = Label{Zh: join(s.name("unit"), s.str("service_date"), s.name("campaign")), En: join(s.name("unit"), s.str("service_date"), s.nameEn("campaign"))}
	case EntityCampaign:
		t = Label{Zh: s.str("name_zh"), En: s.str("name_en")}
	case EntityPracticeLink:
		t = same(join(s.name("unit"), s.name("center")))
	case EntityPracticeActivity:
		t = same(join(s.str("theme"), s.name("unit"), s.str("activity_date")))
	case EntityAssessment:
		t = Label{Zh: join(s.name("unit"), s.str("year")+"年测评"), En: join(s.name("unit"), s.str("year")+" assessment")}
	case EntityTarget:
		m := EnumName("ProgressMetric", s.str("metric"))
		t = Label{Zh: join(m.Zh, s.str("year")+"年目标"), En: join(m.En, s.str("year")+" target")}
	case EntityRankingWeights:
		t = Label{Zh: s.str("from_year") + "年起的排名权重", En: "Ranking weights from " + s.str("from_year")}
	case EntityHonorCategory:
		t = Label{Zh: join(s.name("category"), "排名积分"), En: join(s.nameEn("category"), "ranking points")}
	case EntityDonation:
		amount := s.str("amount")
		t = Label{Zh: join(s.name("campaign"), s.name("unit"), s.str("donation_date"), amount+"元"),
			En: join(s.nameEn("campaign"), s.name("unit"), s.str("donation_date"), amount+" yuan")}
	case EntityPairing:
		t = same(join(s.name("unit"), s.str("township")))
	case EntityWish, EntityExcellentCase, EntityCivilisationEvent:
		t = same(s.str("title"))
	case EntityUser:
		name := s.str("username")
		if d := s.str("displayName"); d != "" && d != name {
			t = Label{Zh: name + "（" + d + "）", En: name + " (" + d + ")"}
		} else {
			t = same(name)
		}
	case EntityAPIToken:
		t = same(join(s.str("name"), s.str("owner")))
	}
	if t.Zh == "" || t.En == "" {
		return e.fallbackTitle()
	}
	return t
}

// fallbackTitle names a record whose snapshots carry no name: by its kind and number.
func (e *AuditEntry) fallbackTitle() Label {
	zh := entityZh[e.Entity]
	en := termsEn[zh]
	if en == "" {
		en = string(e.Entity)
	}
	en = strings.ToUpper(en[:1]) + en[1:]
	if e.RecordID == nil {
		return Label{Zh: zh, En: en}
	}
	return Label{Zh: fmt.Sprintf("%s #%d", zh, *e.RecordID), En: fmt.Sprintf("%s #%d", en, *e.RecordID)}
}

// changes lists the fields whose values differ between the snapshots, in the entity's order; on a create, delete
// or restore (one side only) that is every field that holds something.
func (e *AuditEntry) changes(before, after snapshot) []AuditChange {
	ent, ok := auditEntities[e.Entity]
	if !ok {
		return nil
	}
	var out []AuditChange
	for _, c := range ent.cols {
		_, inBefore := before[c.col]
		_, inAfter := after[c.col]
		if !inBefore && !inAfter {
			continue
		}
		b, a := readValue(before, c), readValue(after, c)
		if oneSided := before == nil || after == nil; oneSided && c.kind == kindBool {
			// A new or removed record's false flags say nothing: only the ones it holds are listed.
			b, a = b.unlessFalse(), a.unlessFalse()
		}
		if b.raw == a.raw {
			continue
		}
		zh, en := FieldLabel(ent.typ, c.field)
		out = append(out, AuditChange{Field: c.field, Label: Label{zh, en}, Before: b.rawp(), After: a.rawp(),
			BeforeLabel: b.labelp(), AfterLabel: a.labelp()})
	}
	switch e.Entity {
	case EntityAssessment:
		out = append(out, listChanges(ent.typ, "scores", before, after, "code", "score", func(key string, _ map[string]any) Label {
			zh, en := FieldLabel(ent.typ, "scores")
			return Label{Zh: zh + " · " + key, En: en + " · " + key}
		})...)
	case EntityRankingWeights:
		out = append(out, listChanges(ent.typ, "weights", before, after, "component", "weight", func(key string, item map[string]any) Label {
			zh, en := FieldLabel(ent.typ, "weight")
			name, _ := item["label_zh"].(string)
			if name == "" {
				name = key
			}
			return Label{Zh: zh + " · " + name, En: en + " · " + key}
		})...)
	}
	return out
}

// value is one side of a change: the stored text and how it reads; empty is "" (absent, null, empty text or list,
// or false on a side that is a whole record).
type value struct {
	raw   string
	label Label
}

// unlessFalse is the value, or nothing when it is false.
func (v value) unlessFalse() value {
	if v.raw == "false" {
		return value{}
	}
	return v
}

func (v value) rawp() *string {
	if v.raw == "" {
		return nil
	}
	return &v.raw
}

func (v value) labelp() *Label {
	if v.raw == "" {
		return nil
	}
	return &v.label
}

// readValue reads a column of a snapshot.
func readValue(s snapshot, c auditColumn) value {
	if s == nil {
		return value{}
	}
	raw := s.str(c.col)
	if raw == "" || raw == "[]" {
		return value{}
	}
	same := func(x string) value { return value{raw: raw, label: Label{Zh: x, En: x}} }
	switch c.kind {
	case kindBool:
		on := raw == "true" || raw == "1"
		if on {
			return value{raw: "true", label: Label{Zh: "是", En: "Yes"}}
		}
		return value{raw: "false", label: Label{Zh: "否", En: "No"}}
	case kindNumber:
		return same(trimNumber(raw))
	case kindHours:
		m, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return same(raw)
		}
		h := trimNumber(strconv.FormatFloat(m/60, 'f', 2, 64))
		return value{raw: h, label: Label{Zh: h, En: h}}
	case kindEnum:
		return value{raw: raw, label: enumLabel(c.enum, raw)}
	case kindEnumList:
		var codes []string
		if json.Unmarshal([]byte(raw), &codes) != nil {
			return same(raw)
		}
		if len(codes) == 0 {
			return value{}
		}
		zh, en := make([]string, len(codes)), make([]string, len(codes))
		for i, code := range codes {
			l := EnumName(c.enum, code)
			zh[i], en[i] = l.Zh, l.En
		}
		return value{raw: strings.Join(codes, ","), label: Label{Zh: strings.Join(zh, "、"), En: strings.Join(en, ", ")}}
	case kindRef:
		zh, en := s.name(c.field), s.nameEn(c.field)
		if zh == "" {
			return same("#" + raw)
		}
		return value{raw: raw, label: Label{Zh: zh, En: en}}
	case kindPassword:
		return value{raw: raw, label: passwordEvents[raw]}
	case kindUnitKind:
		if en, ok := EnglishTerm(raw); ok {
			return value{raw: raw, label: Label{Zh: raw, En: en}}
		}
	}
	return same(raw)
}

// enumLabel names an enum value; the account events' own values (why a sign-in was refused) are named here, since
// no GraphQL enum holds them.
func enumLabel(enum, code string) Label {
	if enum == "SignInRefusal" {
		if l, ok := signInRefusals[code]; ok {
			return l
		}
	}
	return EnumName(enum, code)
}

// trimNumber drops a decimal tail of zeros: 75.50 → 75.5, 3.0 → 3.
func trimNumber(s string) string {
	if !strings.Contains(s, ".") || strings.ContainsAny(s, "eE") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// listChanges compares a list of objects of two snapshots item by item, by the key field, on the value field.
func listChanges(typ, col string, before, after snapshot, keyField, valueField string, label func(key string, item map[string]any) Label) []AuditChange {
	items := func(s snapshot) (map[string]map[string]any, []string) {
		out := map[string]map[string]any{}
		var order []string
		list, _ := s[col].([]any)
		for _, x := range list {
			item, _ := x.(map[string]any)
			k := snapshot(item).str(keyField)
			if k == "" {
				continue
			}
			if _, seen := out[k]; !seen {
				order = append(order, k)
			}
			out[k] = item
		}
		return out, order
	}
	b, bOrder := items(before)
	a, aOrder := items(after)
	keys := aOrder
	for _, k := range bOrder {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	var out []AuditChange
	for _, k := range keys {
		vb, va := snapshot(b[k]).str(valueField), snapshot(a[k]).str(valueField)
		vb, va = trimNumber(vb), trimNumber(va)
		if vb == va {
			continue
		}
		item := a[k]
		if item == nil {
			item = b[k]
		}
		c := AuditChange{Field: col + "." + k, Label: label(k, item)}
		if vb != "" {
			c.Before, c.BeforeLabel = &vb, &Label{vb, vb}
		}
		if va != "" {
			c.After, c.AfterLabel = &va, &Label{va, va}
		}
		out = append(out, c)
	}
	return out
}

// importChanges reads an import's summary: the file, and how many rows it created, updated and left alone.
func importChanges(s snapshot) []AuditChange {
	var out []AuditChange
	for _, f := range []struct {
		col string
		l   Label
	}{
		{"file", Label{"文件", "File"}}, {"rows", Label{"行数", "Rows"}}, {"created", Label{"新建", "Created"}},
		{"updated", Label{"更新", "Updated"}}, {"unchanged", Label{"未变", "Unchanged"}},
	} {
		if v := s.str(f.col); v != "" {
			out = append(out, AuditChange{Field: f.col, Label: f.l, After: &v, AfterLabel: &Label{v, v}})
		}
	}
	return out
}

// purgeChanges reads a demo purge's summary: how many records of each table went.
func purgeChanges(s snapshot) []AuditChange {
	deleted, _ := s["deleted"].(map[string]any)
	tables := make([]string, 0, len(deleted))
	for t := range deleted {
		tables = append(tables, t)
	}
	slices.Sort(tables)
	var out []AuditChange
	for _, t := range tables {
		n := snapshot(deleted).str(t)
		gone := "0"
		out = append(out, AuditChange{Field: "deleted." + t, Label: Label{Zh: DemoTableZh(t), En: t},
			Before: &n, BeforeLabel: &Label{n, n}, After: &gone, AfterLabel: &Label{gone, gone}})
	}
	return out
}

// passwordEvents names what happened to a password; the log never holds the password or its hash.
var passwordEvents = map[string]Label{
	"CHANGED": {"已由本人修改", "changed by its owner"},
	"RESET":   {"已重设（会话已结束，令牌已撤销）", "reset (sessions ended, tokens revoked)"},
}

// SignInRefusal says why a sign-in to an existing account was refused.
type SignInRefusal string

// Reasons for a refused sign-in.
const (
	RefusedWrongPassword SignInRefusal = "WRONG_PASSWORD"
	RefusedDisabled      SignInRefusal = "DISABLED"
)

var signInRefusals = map[string]Label{
	string(RefusedWrongPassword): {"密码错误", "wrong password"},
	string(RefusedDisabled):      {"账号已停用", "account disabled"},
}

// AccountSnapshot is the JSON an account event keeps of a user: never a password or its hash.
func AccountSnapshot(u *User, extra map[string]any) *string {
	m := map[string]any{"username": u.Username, "displayName": u.DisplayName, "role": u.Role, "disabled": u.Disabled}
	for k, v := range extra {
		m[k] = v
	}
	return marshalSnapshot(m)
}

// SignInRefusalSnapshot is the JSON a refused sign-in keeps: the account, why and from where; never the password tried.
func SignInRefusalSnapshot(u *User, reason SignInRefusal, address string) *string {
	return marshalSnapshot(map[string]any{"username": u.Username, "signInRefused": reason, "address": address})
}

// TokenSnapshot is the JSON an account event keeps of an API token: never its secret or hash.
func TokenSnapshot(t *APIToken, owner string) *string {
	m := map[string]any{"name": t.Name, "scope": t.Scope, "owner": owner, "expiresAt": nil, "revokedAt": nil}
	if t.ExpiresAt != nil {
		m["expiresAt"] = t.ExpiresAt.UTC().Format("2006-01-02 15:04")
	}
	if t.RevokedAt != nil {
		m["revokedAt"] = t.RevokedAt.UTC().Format("2006-01-02 15:04")
	}
	return marshalSnapshot(m)
}

func marshalSnapshot(m map[string]any) *string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		panic(err) // maps of strings, booleans and roles always encode
	}
	s := strings.TrimSpace(b.String())
	return &s
}
