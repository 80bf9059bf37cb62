package db

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
