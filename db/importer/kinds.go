// Package importer reads, validates and writes the spreadsheets (XLSX and CSV) that staff keep records in:
// the downloadable templates, the row-by-row validation of an import with reasons in Chinese, and the streaming
// sheet writer of exports. It knows files and the domain, not SQL: the store resolves nothing by itself and
// receives domain records.
package importer

import (
	"strings"

	"github.com/wenming/wenming/db"
)

// Column is one column of a template: its header, whether it must be filled, and how the 说明 sheet explains it.
type Column struct {
	// Key names the column in code and in the API's error field.
	Key string
	// Field is the GraphQL field of the spec's entity that the column holds; its Chinese label in the one label table
	// (db/fieldlabels.json) is the column's Header, so that a template, an export, a form and a table column agree.
	Field string
	// Header is the Chinese header of the template; the column is found by it, in any order.
	Header   string
	Required bool
	// Aliases are other headers accepted for the column (older templates, exports).
	Aliases []string
	Help    string
	// HelpEn is the column's meaning and Help in English, for the bilingual 说明 sheet; the header stays Chinese.
	HelpEn  string
	Example string
	Width   float64
	// MaxLen bounds the text of a cell, in characters.
	MaxLen int
}

// Spec describes one import kind: its sheet name, columns and natural key.
type Spec struct {
	Kind db.ImportKind
	// Entity is the GraphQL type of the records (Honor …), the key of its columns' labels.
	Entity  string
	NameZh  string
	Sheet   string
	Columns []Column
	// KeyZh explains, in Chinese, which columns identify a record so that re-importing updates instead of duplicating.
	KeyZh string
	// NameEn and KeyEn say NameZh and KeyZh in English, for the bilingual 说明 sheet.
	NameEn, KeyEn string
}

// Column returns the column with the key.
func (s *Spec) Column(key string) *Column {
	for i := range s.Columns {
		if s.Columns[i].Key == key {
			return &s.Columns[i]
		}
	}
	return nil
}

// Headers lists the template's headers in order.
func (s *Spec) Headers() []string {
	out := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		out[i] = c.Header
	}
	return out
}

const (
	shortText = 200
	longText  = 2000
)

var yesNo = "填“是”或“否”（也可填 1/0、Y/N、TRUE/FALSE），空白视为“否”。"

// yesNoEn is yesNo in English.
var yesNoEn = " Write 是 (yes) or 否 (no) (or 1/0, Y/N, TRUE/FALSE); blank means no."

// DemoHeader is the header of the column that flags a row as demo data, in every template and every record export.
const DemoHeader = "演示数据"

// DemoHelp explains the 演示数据 column: an import never changes a record's demo flag, so a row whose flag differs
// from the record it matches is refused.
const DemoHelp = "是否为演示数据（虚构记录）。填“是”：新记录按演示数据创建并带“演示数据”标记；空白或“否”：真实记录。" +
	"导入从不改变已有记录的演示标记：未标演示的行对应到已有的演示记录、或标为演示的行对应到已有的真实记录时，该行被拒绝并说明原因。"

// demoHelpEn is DemoHelp in English.
const demoHelpEn = "Demo data: whether the row is demo data (an invented record). 是: a new record is created as demo data and " +
	"flagged so; blank or 否: a real record. An import never changes an existing record's demo flag: a row not marked demo " +
	"that matches a demo record, or a demo row that matches a real record, is refused with the reason."

// demoColumn is the last column of every template.
func demoColumn() Column {
	return Column{Key: "demo", Field: "demo", Header: DemoHeader, Help: DemoHelp + yesNo, HelpEn: demoHelpEn + yesNoEn, Example: "否", Width: 10, MaxLen: shortText}
}

// Specs are the import kinds in the order their records depend on each other; each ends with the 演示数据 column.
var Specs = withDemo([]*Spec{
	{
		Kind: db.ImportUnits, Entity: "Unit", NameZh: "省直单位", Sheet: "单位",
		KeyZh:  "单位名称：名称相同即视为同一单位，再次导入会更新其类型、系统和窗口标记。",
		NameEn: "units", KeyEn: "Unit name: the same name is the same unit; importing again updates its kind, sector and window flag.",
		Columns: []Column{
			{Key: "name", Field: "name", Required: true, Help: "单位全称，须唯一。", HelpEn: "Unit name: the unit's full name, unique.", Example: "省某某厅（演示）", Width: 32, MaxLen: shortText},
			{Key: "kind", Field: "kind", Required: true, Help: "可选：" + strings.Join(db.UnitKinds, "、") + "。", HelpEn: "Unit kind: one of 机关 (government office), 事业单位 (public institution), 国有企业 (state-owned enterprise), 高校 (university), 中小学 (school), 医院 (hospital).", Example: "机关", Width: 12, MaxLen: shortText},
			{Key: "sector", Field: "sector", Help: "如 党群系统、教育系统；可空。", HelpEn: "Sector, such as 党群系统 or 教育系统; may be empty.", Example: "经济系统", Width: 16, MaxLen: shortText},
			{Key: "serviceWindow", Field: "serviceWindow", Aliases: []string{"服务窗口单位"}, Help: "是否设有对外服务窗口。" + yesNo, HelpEn: "Service window: whether the unit serves the public at a window." + yesNoEn, Example: "否", Width: 14, MaxLen: shortText},
		},
	},
	{
		Kind: db.ImportPeople, Entity: "Person", NameZh: "先进人物", Sheet: "人物",
		KeyZh:  "姓名 + 所属单位（可空）：两者都相同即视为同一人，再次导入会更新事迹简介。",
		NameEn: "people", KeyEn: "Name + unit (may be empty): when both match it is the same person; importing again updates the citation.",
		Columns: []Column{
			{Key: "name", Field: "name", Required: true, Help: "人物姓名。", HelpEn: "Name of the person.", Example: "张某（演示）", Width: 16, MaxLen: shortText},
			{Key: "unit", Field: "unit", Help: "须为系统中已有的单位名称（先导入单位）；可空。", HelpEn: "Unit: an existing unit's name (import units first); may be empty.", Example: "省某某厅（演示）", Width: 32, MaxLen: shortText},
			{Key: "citation", Field: "citation", Help: "一句话事迹；可空，最多 2000 字。", HelpEn: "Citation: one sentence on their deeds; may be empty, at most 2000 characters.", Example: "扎根基层二十年……", Width: 48, MaxLen: longText},
		},
	},
	{
		Kind: db.ImportHonors, Entity: "Honor", NameZh: "荣誉", Sheet: "荣誉",
		KeyZh:  "荣誉类别 + 获得者（其单位、人物、项目或作品记录，不是名称文字）+ 年份 + 届次（可空）：都相同即视为同一条荣誉；同名的两个人是两位获得者。再次导入会更新获得者名称、日期和状态。",
		NameEn: "honours", KeyEn: "Honour category + recipient (its unit, person, project or work record, not the name as text) + year + session (may be empty): when all match it is the same honour; two people of one name are two recipients. Importing again updates the recipient name, date and status.",
		Columns: []Column{
			{Key: "category", Field: "category", Required: true, Help: "荣誉类别名称或代码，见“荣誉类别”一节，如 全国文明单位。", HelpEn: "Honour category: its name or code, see the category list below, such as 全国文明单位.", Example: "全国文明单位", Width: 28, MaxLen: shortText},
			{Key: "recipient", Field: "recipientName", Aliases: []string{"获得者名称"}, Required: true, Help: "单位、校园、窗口类荣誉填单位名称；个人填姓名（先导入人物）；项目填项目名称；作品填作品标题；“四个优秀”授予社区时填社区名称（社区无记录表，名称不与任何单位、人物、项目相同时按社区登记）。", HelpEn: "Recipient: the unit's name for unit, campus and window honours; the person's name for a person (import people first); the project's name; the work's title; for a community of the 四个优秀, the community's name (communities have no table: a name that matches no unit, person or project is recorded as a community).", Example: "省某某厅（演示）", Width: 32, MaxLen: shortText},
			{Key: "unit", Field: "unit", Help: "荣誉计入的单位。单位、校园、窗口类荣誉填写时以此确定获得单位（导出文件即如此）；个人、作品重名时用于区分。可空。", HelpEn: "Unit the honour counts for. For unit, campus and window honours it decides the receiving unit (exports write it so); for people and works of one name it tells them apart. May be empty.", Example: "", Width: 28, MaxLen: shortText},
			{Key: "year", Field: "year", Required: true, Help: "授予年份，四位数字。", HelpEn: "Year of the award, four digits.", Example: "2023", Width: 8, MaxLen: shortText},
			{Key: "date", Field: "date", Help: "YYYY-MM-DD，须在“年份”当年；可空。", HelpEn: "Award date: YYYY-MM-DD, within the year; may be empty.", Example: "2023-11-20", Width: 12, MaxLen: shortText},
			{Key: "edition", Field: "edition", Help: "如 第七届；可空。", HelpEn: "Session, such as 第七届; may be empty.", Example: "", Width: 10, MaxLen: shortText},
			{Key: "status", Field: "status", Help: "获评、推荐、享受待遇认定、提名；空白取该类别的默认状态。", HelpEn: "Status: 获评 (awarded), 推荐 (recommended), 享受待遇认定 (treated as awarded), 提名 (nominated); blank takes the category's default.", Example: "获评", Width: 14, MaxLen: shortText},
		},
	},
	{
		Kind: db.ImportVolunteerRecords, Entity: "VolunteerRecord", NameZh: "志愿服务记录", Sheet: "志愿服务记录",
		KeyZh:  "单位名称 + 服务日期 + 专项行动（空白为常态化服务）+ 记录方式：都相同即视为同一条记录（同一单位同一天同一行动按同一方式只记一条），再次导入会更新人数、时长和核实标记。",
		NameEn: "volunteer records", KeyEn: "Unit + service date + campaign (blank for everyday service) + recording method: when all match it is the same record (one per unit, day, campaign and method); importing again updates the volunteers, hours and verified flag.",
		Columns: []Column{
			{Key: "unit", Field: "unit", Aliases: []string{"单位名称"}, Required: true, Help: "组织服务的单位（谁组织谁记录），须为系统中已有的单位。", HelpEn: "Unit that organised the service (who organises it records it); an existing unit.", Example: "省某某厅（演示）", Width: 32, MaxLen: shortText},
			{Key: "date", Field: "date", Required: true, Help: "YYYY-MM-DD。", HelpEn: "Service date: YYYY-MM-DD.", Example: "2024-03-05", Width: 12, MaxLen: shortText},
			{Key: "campaign", Field: "campaign", Help: "专项行动名称或代码（见“专项行动”一节）；常态化服务留空或填“常态化”。", HelpEn: "Campaign: its name or code (see the campaign list below); leave it empty or write 常态化 for everyday service.", Example: "", Width: 24, MaxLen: shortText},
			{Key: "volunteers", Field: "volunteers", Aliases: []string{"志愿者人数"}, Required: true, Help: "参加本次服务的人数，非负整数。", HelpEn: "Volunteers: how many took part, a whole number ≥ 0.", Example: "25", Width: 12, MaxLen: shortText},
			{Key: "hours", Field: "hours", Required: true, Aliases: []string{"服务总时长（小时）", "服务总时长(小时)", "服务时长(小时)"},
				Help:   "全体志愿者本次服务时长之和，单位小时，可带小数，按分钟取整。",
				HelpEn: "Total hours: the hours of all volunteers together, decimals allowed, rounded to the minute.", Example: "75.5", Width: 18, MaxLen: shortText},
			{Key: "method", Field: "method", Required: true, Help: "签到签退、按班次、本人申报、补录。", HelpEn: "Recording method: 签到签退 (sign-in/out), 按班次 (by shift), 本人申报 (self-reported), 补录 (entered later).", Example: "签到签退", Width: 12, MaxLen: shortText},
			{Key: "verified", Field: "verified", Aliases: []string{"是否核实"}, Help: "记录是否经组织方核实。" + yesNo, HelpEn: "Verified: whether the organiser checked the record." + yesNoEn, Example: "是", Width: 10, MaxLen: shortText},
		},
	},
	{
		Kind: db.ImportAssessments, Entity: "Assessment", NameZh: "年度测评", Sheet: "测评",
		KeyZh:  "单位名称 + 年份：每个单位每年一条测评，再次导入会更新分数、否决和阶段。",
		NameEn: "yearly assessments", KeyEn: "Unit + year: one assessment per unit and year; importing again updates the scores, veto and stage.",
		Columns: []Column{
			{Key: "unit", Field: "unit", Aliases: []string{"单位名称"}, Required: true, Help: "须为系统中已有的单位。", HelpEn: "Unit: an existing unit.", Example: "省某某厅（演示）", Width: 32, MaxLen: shortText},
			{Key: "year", Field: "year", Required: true, Help: "测评年份，四位数字。", HelpEn: "Year of the assessment, four digits.", Example: "2024", Width: 8, MaxLen: shortText},
			{Key: "baseScore", Field: "baseScore", Required: true, Help: "0–100，可带一位小数。", HelpEn: "Base score: 0–100, one decimal allowed.", Example: "92.5", Width: 10, MaxLen: shortText},
			{Key: "bonus", Field: "bonus", Help: "0–10；空白为 0。", HelpEn: "Bonus: 0–10; blank is 0.", Example: "3", Width: 8, MaxLen: shortText},
			{Key: "veto", Field: "veto", Help: "近两年有严重违纪违法、重大事故等否决情形时填“是”，总分按 0 计。" + yesNo, HelpEn: "Veto: 是 when a veto applies (serious violations or accidents in the last two years); the total then counts as 0." + yesNoEn, Example: "否", Width: 10, MaxLen: shortText},
			{Key: "stage", Field: "stage", Required: true, Help: "申报、网络评审、实地考察、公示、命名、复查、撤销。", HelpEn: "Stage: 申报 (applied), 网络评审 (online review), 实地考察 (site visit), 公示 (public notice), 命名 (named), 复查 (reviewed), 撤销 (revoked).", Example: "命名", Width: 12, MaxLen: shortText},
		},
	},
	{
		Kind: db.ImportActivities, Entity: "PracticeActivity", NameZh: "文明实践活动", Sheet: "文明实践活动",
		KeyZh:  "单位名称 + 活动日期 + 活动类型 + 活动主题：都相同即视为同一次活动，再次导入会更新场次、人数、实践中心和所属“六大行动”。",
		NameEn: "practice activities", KeyEn: "Unit + activity date + kind + theme: when all match it is the same activity; importing again updates the sessions, participants, practice centre and action.",
		Columns: []Column{
			{Key: "unit", Field: "unit", Aliases: []string{"单位名称"}, Required: true, Help: "举办活动的单位，须为系统中已有的单位。", HelpEn: "Unit that held the activity; an existing unit.", Example: "省某某厅（演示）", Width: 32, MaxLen: shortText},
			{Key: "date", Field: "date", Required: true, Help: "YYYY-MM-DD。", HelpEn: "Activity date: YYYY-MM-DD.", Example: "2024-05-18", Width: 12, MaxLen: shortText},
			{Key: "kind", Field: "kind", Required: true, Help: "推动周专题活动、文物保护宣讲、结对帮创、常态化活动。", HelpEn: "Activity kind: 推动周专题活动 (promotion week), 文物保护宣讲 (heritage talk), 结对帮创 (pairing), 常态化活动 (routine).", Example: "常态化活动", Width: 16, MaxLen: shortText},
			{Key: "theme", Field: "theme", Required: true, Help: "活动名称或主题。", HelpEn: "Theme: the activity's name or theme.", Example: "文明交通劝导", Width: 28, MaxLen: shortText},
			{Key: "center", Field: "center", Help: "新时代文明实践中心名称或 6 位区划代码；可空。", HelpEn: "Practice centre: its name or 6-digit area code; may be empty.", Example: "", Width: 28, MaxLen: shortText},
			{Key: "sessions", Field: "sessions", Required: true, Help: "正整数。", HelpEn: "Sessions: a whole number ≥ 1.", Example: "1", Width: 8, MaxLen: shortText},
			{Key: "participants", Field: "participants", Aliases: []string{"参与人数"}, Required: true, Help: "非负整数。", HelpEn: "Participants: a whole number ≥ 0.", Example: "60", Width: 10, MaxLen: shortText},
			{Key: "action", Field: "action", Help: "活动所属的“六大行动”：党的创新理论传播、主流价值践行、优质文化供给、服务惠民暖心（或代码 THEORY、VALUES、CULTURE、SERVICE）。原文未列出另两项的名称，不能归入。空白为未归类；再次导入时空白会清除已有归类。", HelpEn: "Action: which of the 六大行动 the activity belongs to: 党的创新理论传播, 主流价值践行, 优质文化供给, 服务惠民暖心 (or THEORY, VALUES, CULTURE, SERVICE). The article does not name the other two, so nothing can be filed under them. Blank is unfiled; importing a blank again clears an existing one.", Example: "服务惠民暖心", Width: 18, MaxLen: shortText},
		},
	},
})

// withDemo ends every spec with the 演示数据 column, and gives each column the header the label table gives its field.
func withDemo(specs []*Spec) []*Spec {
	for _, s := range specs {
		s.Columns = append(s.Columns, demoColumn())
		for i := range s.Columns {
			s.Columns[i].Header = db.FieldLabelZh(s.Entity, s.Columns[i].Field)
		}
	}
	return specs
}

// SpecFor returns the spec of an import kind.
func SpecFor(kind db.ImportKind) (*Spec, error) {
	for _, s := range Specs {
		if s.Kind == kind {
			return s, nil
		}
	}
	return nil, db.FieldErrorf("kind", "未知的导入类型：%q", kind)
}

// SpecByName finds a spec by its kind in any case or with dashes (volunteer-records), or by its Chinese name.
func SpecByName(name string) (*Spec, error) {
	n := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(name), "-", "_"))
	for _, s := range Specs {
		if string(s.Kind) == n || s.NameZh == name || s.Sheet == name {
			return s, nil
		}
	}
	kinds := make([]string, len(Specs))
	for i, s := range Specs {
		kinds[i] = strings.ToLower(strings.ReplaceAll(string(s.Kind), "_", "-"))
	}
	return nil, db.FieldErrorf("kind", "未知的导入类型：%q（可选：%s）", name, strings.Join(kinds, "、"))
}

// Slug is the kind as it appears in URLs and file names: volunteer-records.
func (s *Spec) Slug() string { return strings.ToLower(strings.ReplaceAll(string(s.Kind), "_", "-")) }

// Chinese labels of the enums a sheet carries; codes are accepted too.
var (
	MethodZh = map[db.RecordingMethod]string{db.MethodSignIn: "签到签退", db.MethodShift: "按班次", db.MethodSelfReport: "本人申报", db.MethodBackfill: "补录"}
	StatusZh = map[db.HonorStatus]string{db.StatusAwarded: "获评", db.StatusRecommended: "推荐", db.StatusTreatmentRecognised: "享受待遇认定", db.StatusNominated: "提名"}
	StageZh  = map[db.AssessmentStage]string{db.StageApplied: "申报", db.StageOnlineReview: "网络评审", db.StageSiteVisit: "实地考察",
		db.StagePublicNotice: "公示", db.StageNamed: "命名", db.StageReviewed: "复查", db.StageRevoked: "撤销"}
	ActivityZh = map[db.ActivityKind]string{db.ActivityPromotionWeek: "推动周专题活动", db.ActivityHeritageTalk: "文物保护宣讲",
		db.ActivityPairing: "结对帮创", db.ActivityRoutine: "常态化活动"}
	// ActionZh names the four 六大行动 the article names (「党的创新理论传播、主流价值践行、优质文化供给、服务惠民暖心」);
	// the two unnamed ones are left out, since no activity can be filed under them.
	ActionZh = map[db.PracticeAction]string{db.ActionTheory: "党的创新理论传播", db.ActionValues: "主流价值践行",
		db.ActionCulture: "优质文化供给", db.ActionService: "服务惠民暖心"}
	LevelZh     = map[db.HonorLevel]string{db.LevelNational: "全国", db.LevelProvincial: "河南省", db.LevelProvincialDirect: "省直"}
	RecipientZh = map[db.RecipientKind]string{db.RecipientUnit: "单位", db.RecipientCampus: "校园", db.RecipientPerson: "个人",
		db.RecipientProject: "项目", db.RecipientWork: "作品", db.RecipientWindow: "窗口", db.RecipientCommunity: "社区"}
	QualifierZh = map[db.FigureQualifier]string{db.QualifierExact: "确数", db.QualifierAtLeast: "余（不少于）", db.QualifierApproximate: "约"}
	ReconZh     = map[db.ReconciliationStatus]string{db.ReconMatch: "相符", db.ReconBelow: "记录少于公布数", db.ReconAbove: "记录多于公布数", db.ReconNotTracked: "未跟踪"}
)

// Extra spellings staff use for enum values.
var enumAliases = map[string]string{
	"签到": string(db.MethodSignIn), "签到签退": string(db.MethodSignIn), "班次": string(db.MethodShift), "排班": string(db.MethodShift),
	"申报": string(db.MethodSelfReport), "自行申报": string(db.MethodSelfReport),
	"获奖": string(db.StatusAwarded), "授予": string(db.StatusAwarded), "候选": string(db.StatusNominated), "提名/候选": string(db.StatusNominated),
	"待遇认定": string(db.StatusTreatmentRecognised),
	"推动周":  string(db.ActivityPromotionWeek), "宣讲": string(db.ActivityHeritageTalk), "常态化": string(db.ActivityRoutine),
}

// HonorRecipientRef is the part of an honour's natural key that names its recipient: the ID of the unit, person,
// project or work record the recipient kind points at, so that two people named alike are two recipients; a
// recipient kind without a record table falls back to the display name. Migration 0008 indexes the same CASE.
func HonorRecipientRef(h *db.Honor) any {
	var id *int64
	switch h.RecipientKind {
	case db.RecipientUnit, db.RecipientCampus, db.RecipientWindow:
		id = h.UnitID
	case db.RecipientPerson:
		id = h.PersonID
	case db.RecipientProject:
		id = h.ProjectID
	case db.RecipientWork:
		id = h.WorkID
	default:
		return h.RecipientName
	}
	if id == nil {
		return nil
	}
	return *id
}

// NaturalKey returns the parts that identify a record of an import kind (*db.Unit, *db.Person, *db.Honor,
// *db.VolunteerRecord, *db.Assessment or *db.PracticeActivity), with empty parts as zero values so that they still
// collide. It is the key of the import's matching and of the database's unique indexes (migration 0008); generators
// are tested against it.
func NaturalKey(rec any) []any {
	switch x := rec.(type) {
	case *db.Unit:
		return []any{x.Name}
	case *db.Person:
		return []any{x.Name, orZero(x.UnitID)}
	case *db.Honor:
		e := ""
		if x.Edition != nil {
			e = *x.Edition
		}
		return []any{x.CategoryID, x.RecipientKind, HonorRecipientRef(x), x.Year, e}
	case *db.VolunteerRecord:
		return []any{x.UnitID, x.Date, orZero(x.CampaignID), x.Method}
	case *db.Assessment:
		return []any{x.UnitID, x.Year}
	case *db.PracticeActivity:
		return []any{x.UnitID, x.Date, x.Kind, x.Theme}
	}
	return nil
}

func orZero(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}
