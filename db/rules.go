package db

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules that need a lookup before a write: which records may receive an honour, and when a unit may change
// kind. Mutations and imports both call them, so that a record refused by one is refused by the other with the
// same words.

// CampusKinds are the unit kinds that count as campuses (校园): their honours are campus honours.
var CampusKinds = []string{"高校", "中小学"}

// IsCampusKind reports whether a unit of the kind is a campus.
func IsCampusKind(kind string) bool {
	for _, k := range CampusKinds {
		if k == kind {
			return true
		}
	}
	return false
}

// RecipientKindZh is how the forms and messages name a recipient kind.
var RecipientKindZh = map[RecipientKind]string{
	RecipientUnit: "单位", RecipientCampus: "校园", RecipientPerson: "个人", RecipientProject: "项目",
	RecipientWork: "作品", RecipientWindow: "窗口", RecipientCommunity: "社区",
}

// CheckUnitRecipient checks that the unit may receive an honour of the recipient kind: a UNIT honour needs a unit
// that is no campus, a CAMPUS honour a 高校 or 中小学, a WINDOW honour a service window. The error is on unitId.
func CheckUnitRecipient(kind RecipientKind, u *Unit) error {
	switch {
	case kind == RecipientCampus && !IsCampusKind(u.Kind):
		return FieldErrorf("unitId", "校园类荣誉须授予高校或中小学，%s 是%s", u.Name, u.Kind)
	case kind == RecipientUnit && IsCampusKind(u.Kind):
		return FieldErrorf("unitId", "%s 是%s，应使用校园类荣誉类别", u.Name, u.Kind)
	case kind == RecipientWindow && !u.ServiceWindow:
		return FieldErrorf("unitId", "窗口类荣誉须授予窗口单位，%s 不是窗口单位", u.Name)
	}
	return nil
}

// HonorsHeld counts a unit's honours by the recipient kinds that constrain what the unit may become.
type HonorsHeld struct {
	Unit, Campus, Window int
}

// CheckUnitChange checks that a unit holding honours keeps a kind that fits them: campus honours need a campus, unit
// honours a non-campus, window honours a service window; so that no honour is left with a recipient of the wrong
// kind.
func CheckUnitChange(in UnitFields, held HonorsHeld) error {
	campus := IsCampusKind(in.Kind)
	switch {
	case held.Campus > 0 && !campus:
		return FieldErrorf("kind", "该单位有 %d 条校园类荣誉，类型须为高校或中小学", held.Campus)
	case held.Unit > 0 && campus:
		return FieldErrorf("kind", "该单位有 %d 条单位类荣誉，类型不能改为高校或中小学", held.Unit)
	case held.Window > 0 && !in.ServiceWindow:
		return FieldErrorf("serviceWindow", "该单位有 %d 条窗口类荣誉，须保持为窗口单位", held.Window)
	}
	return nil
}

// ChooseRecipientKind picks, for a category that accepts several recipient kinds (「四个优秀」: persons,
// organisations, projects, communities), the kind whose record the input names, or COMMUNITY when the input names
// no record but a recipient name; otherwise it is the category's default kind.
func ChooseRecipientKind(c *HonorCategory, in HonorFields) RecipientKind {
	if len(c.RecipientKinds) < 2 {
		return c.RecipientKind
	}
	for _, k := range []struct {
		kind RecipientKind
		set  bool
	}{{RecipientPerson, in.PersonID != nil}, {RecipientProject, in.ProjectID != nil}, {RecipientWork, in.WorkID != nil}} {
		if k.set && c.Accepts(k.kind) {
			return k.kind
		}
	}
	if in.UnitID != nil && in.PersonID == nil && in.ProjectID == nil && in.WorkID == nil {
		for _, k := range []RecipientKind{RecipientUnit, RecipientCampus, RecipientWindow} {
			if c.Accepts(k) {
				return k
			}
		}
	}
	if in.UnitID == nil && in.PersonID == nil && in.ProjectID == nil && in.WorkID == nil && in.RecipientName != "" &&
		c.Accepts(RecipientCommunity) {
		return RecipientCommunity
	}
	return c.RecipientKind
}

// Bounds on the counts a record carries. The article's largest figures are 2.9万余名志愿者 and 80万余小时 for one
// campaign, and 18.45亿元 of donations; a record far beyond them is a typo or an attack, and unbounded counts let one
// record overflow every aggregate it feeds (a volunteers of 2^62 once turned the next write into a CONFLICT). Each
// bound leaves the sums exact: at the bound, an int64 sum of minutes overflows only past 1.5 billion records, and a
// sum of volunteers past 92 billion, far beyond any province (the scale test loads 292,504 records).
const (
	// MaxVolunteers bounds the volunteers of one record (1亿, more than a province's population of volunteers).
	MaxVolunteers = 100_000_000
	// MaxHours bounds the hours of one record (1亿 hours, over a hundred times the article's largest campaign).
	MaxHours = 100_000_000
	// MaxMinutes is MaxHours in the minutes records keep.
	MaxMinutes = MaxHours * 60
	// MaxSessions bounds the sessions of one practice activity record (the article counts 50余场 for a campaign).
	MaxSessions = 1_000_000
	// MaxParticipants bounds the participants (人次) of one practice activity record.
	MaxParticipants = 100_000_000
	// MaxYuan bounds one amount of money (1万亿元, over 500 times the article's 18.45亿元).
	MaxYuan = 1_000_000_000_000
	// MaxIndicatorScore bounds one indicator's score: indicators share the 100-point base score.
	MaxIndicatorScore = 100
	// MaxTargetValue bounds a yearly target (counts, hours or scores).
	MaxTargetValue = 1e12
)

// CheckCount refuses a count outside min–max on the field, in the words of the forms, so that mutations and imports
// say the same thing.
func CheckCount(field, label string, n, min, max int64) error {
	if n < min || n > max {
		return FieldErrorf(field, "%s须在 %d 到 %d 之间，收到 %d", label, min, max, n)
	}
	return nil
}

// CheckVolunteerCounts applies the bounds to a volunteer record's volunteers and minutes.
func CheckVolunteerCounts(volunteers, minutes int64) error {
	if err := CheckCount("volunteers", "志愿者人数", volunteers, 0, MaxVolunteers); err != nil {
		return err
	}
	if minutes < 0 || minutes > MaxMinutes {
		return FieldErrorf("hours", "时长须在 0 到 %d 小时之间，收到 %v 小时", MaxHours, float64(minutes)/60)
	}
	return nil
}

// CheckActivityCounts applies the bounds to a practice activity's sessions and participants.
func CheckActivityCounts(sessions, participants int64) error {
	if err := CheckCount("sessions", "场次", sessions, 1, MaxSessions); err != nil {
		return err
	}
	return CheckCount("participants", "参与人次", participants, 0, MaxParticipants)
}

// CheckText refuses control characters in a text field: NUL, which PostgreSQL cannot store at all, and the other
// C0 and C1 codes, which spreadsheets, XML (XLSX) and terminals mishandle. Free text (multiline) may keep tabs and
// line breaks; names and titles may not. Mutations and imports both call it, so that no backend stores such text
// and exports never carry it.
func CheckText(field, label, s string, multiline bool) error {
	if i := ControlIndex(s, multiline); i >= 0 {
		return FieldErrorf(field, "%s不能含控制字符（第 %d 个字符为 %U）", label, utf8.RuneCountInString(s[:i])+1, []rune(s[i:])[0])
	}
	return nil
}

// ControlIndex is the byte offset of the first control character in s (tabs and line breaks allowed when
// multiline), or -1.
func ControlIndex(s string, multiline bool) int {
	for i, r := range s {
		if unicode.IsControl(r) && !(multiline && (r == '\t' || r == '\n' || r == '\r')) {
			return i
		}
	}
	return -1
}

// StripControl removes the control characters that CheckText refuses, keeping tabs and line breaks; exports
// pass every cell through it, so that text stored before the rule (or loaded by a seed or copy) cannot put a NUL
// into a CSV or make an XLSX unreadable.
func StripControl(s string) string {
	if ControlIndex(s, true) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return -1
		}
		return r
	}, s)
}
