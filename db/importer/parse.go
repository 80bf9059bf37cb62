package importer

import (
	"fmt"
	"hash/fnv"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/wenming/wenming/db"
)

// Parser turns the rows of one file into domain records (*db.Unit, *db.Person, *db.Honor, *db.VolunteerRecord,
// *db.Assessment or *db.PracticeActivity), resolving names against a catalog and explaining every bad cell.
type Parser struct {
	file *File
	spec *Spec
	ix   *index
	// seen maps a hash of each row's natural key to its row number, to catch duplicates within the file.
	seen map[uint64]int32
	// warnings are rows that import but look wrong (a name that nearly matches a record); warningCount counts them.
	warnings     []*db.ImportError
	warningCount int
}

// NewParser prepares to parse the file's rows against the catalog. With checkDuplicates, rows repeating an
// earlier row's natural key are errors; the second, writing pass skips that check (and its memory).
func NewParser(f *File, cat *db.Catalog, checkDuplicates bool) *Parser {
	p := &Parser{file: f, spec: f.Spec, ix: newIndex(cat)}
	if checkDuplicates {
		p.seen = map[uint64]int32{}
	}
	return p
}

// index is the catalog keyed by the names a sheet uses.
type index struct {
	units      map[string]*db.Unit
	unitByID   map[int64]*db.Unit
	categories map[string]*db.HonorCategory
	campaigns  map[string]*db.Campaign
	people     map[string][]*db.Person
	projects   map[string]*db.VolunteerProject
	works      map[string][]*db.Work
	centers    map[string]*db.PracticeCenter
}

func newIndex(c *db.Catalog) *index {
	ix := &index{units: map[string]*db.Unit{}, unitByID: map[int64]*db.Unit{}, categories: map[string]*db.HonorCategory{},
		campaigns: map[string]*db.Campaign{}, people: map[string][]*db.Person{}, projects: map[string]*db.VolunteerProject{},
		works: map[string][]*db.Work{}, centers: map[string]*db.PracticeCenter{}}
	if c == nil {
		return ix
	}
	for _, u := range c.Units {
		ix.units[u.Name] = u
		ix.unitByID[u.ID] = u
	}
	for _, k := range c.Categories {
		ix.categories[k.Code] = k
		ix.categories[k.NameZh] = k
	}
	for _, k := range c.Campaigns {
		ix.campaigns[k.Code] = k
		ix.campaigns[k.NameZh] = k
	}
	for _, p := range c.People {
		ix.people[p.Name] = append(ix.people[p.Name], p)
	}
	for _, p := range c.Projects {
		ix.projects[p.Name] = p
	}
	for _, w := range c.Works {
		ix.works[w.Title] = append(ix.works[w.Title], w)
	}
	for _, k := range c.Centers {
		ix.centers[k.Name] = k
		if k.Code != "" {
			ix.centers[k.Code] = k
		}
	}
	return ix
}

// rowParse collects one row's cells and errors.
type rowParse struct {
	p    *Parser
	row  Row
	errs []*db.ImportError
	// checked marks the columns whose text was already checked, so that reading a cell twice reports it once.
	checked uint64
}

func (r *rowParse) fail(key, format string, args ...any) {
	ci := r.p.columnIndex(key)
	e := db.ImportErrorf(r.row.Num, format, args...)
	if ci >= 0 {
		e.At(r.p.file.Column(ci), r.p.spec.Columns[ci].Header)
	}
	r.errs = append(r.errs, e)
}

// warn notes that a row imports but looks wrong: it does not stop the import, and the report lists it.
func (r *rowParse) warn(key, format string, args ...any) {
	r.p.warningCount++
	if len(r.p.warnings) >= db.MaxImportErrors {
		return
	}
	ci := r.p.columnIndex(key)
	e := db.ImportErrorf(r.row.Num, format, args...)
	if ci >= 0 {
		e.At(r.p.file.Column(ci), r.p.spec.Columns[ci].Header)
	}
	r.p.warnings = append(r.p.warnings, e)
}

func (p *Parser) columnIndex(key string) int {
	for i, c := range p.spec.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// text returns a cell after checking that required cells are filled, that it fits, and that it is no formula.
func (r *rowParse) text(key string) string {
	ci := r.p.columnIndex(key)
	c := r.p.spec.Columns[ci]
	v, literal := unescapeCSV(r.row.Cells[ci])
	formula := !literal && strings.HasPrefix(v, "=")
	// Free text may keep tabs and line breaks; other cells no control character at all (the mutations' rule).
	control := db.ControlIndex(v, c.MaxLen > shortText)
	if r.checked&(1<<ci) != 0 {
		if utf8.RuneCountInString(v) > c.MaxLen || formula || control >= 0 {
			return ""
		}
		return v
	}
	r.checked |= 1 << ci
	switch {
	case v == "" && c.Required:
		r.fail(key, "“%s”为必填项，不能为空。", c.Header)
	case utf8.RuneCountInString(v) > c.MaxLen:
		r.fail(key, "“%s”过长：%d 字，上限 %d 字。", c.Header, utf8.RuneCountInString(v), c.MaxLen)
		return ""
	case formula:
		r.fail(key, "“%s”疑似公式（以 = 开头）。请粘贴为数值或文本后再导入。", c.Header)
		return ""
	case control >= 0:
		r.fail(key, "“%s”含控制字符 %U（第 %d 个字符），请删除后再导入。", c.Header, []rune(v[control:])[0], utf8.RuneCountInString(v[:control])+1)
		return ""
	}
	return v
}

// unescapeCSV undoes the ' that CSV exports put before text a spreadsheet would run as a formula (formulaLike), so
// that such text re-imports as it was stored; the escaped text is literal, never a formula.
func unescapeCSV(v string) (string, bool) {
	if len(v) > 1 && v[0] == '\'' && formulaLike(v[1:]) {
		return v[1:], true
	}
	return v, false
}

func (r *rowParse) header(key string) string { return r.p.spec.Column(key).Header }

// integer reads a whole number from min to max; the bounds are the mutations' (db/rules.go), so that an import
// stores no count a mutation would refuse.
func (r *rowParse) integer(key string, min, max int64) (int64, bool) {
	v := r.text(key)
	if v == "" {
		return 0, false
	}
	f, err := parseDecimal(v)
	if err != nil || f != math.Trunc(f) || math.IsInf(f, 0) {
		r.fail(key, "“%s”应为整数，收到“%s”。", r.header(key), v)
		return 0, false
	}
	if f < float64(min) {
		r.fail(key, "“%s”应不小于 %d，收到 %s。", r.header(key), min, v)
		return 0, false
	}
	if f > float64(max) {
		r.fail(key, "“%s”应在 %d 到 %d 之间，收到 %s。", r.header(key), min, max, v)
		return 0, false
	}
	return int64(f), true
}

// decimalNumber is a number as staff type it or Excel stores it: digits with an optional sign, point and exponent.
var decimalNumber = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)

// parseDecimal reads a decimal number, allowing thousands separators (1,000); strconv.ParseFloat alone would also
// take hexadecimal (0x10 as 16), underscores in it, Inf and NaN, which no sheet means as a count.
func parseDecimal(v string) (float64, error) {
	v = strings.ReplaceAll(v, ",", "")
	if !decimalNumber.MatchString(v) {
		return 0, strconv.ErrSyntax
	}
	return strconv.ParseFloat(v, 64)
}

func (r *rowParse) number(key string, min, max float64) (float64, bool) {
	v := r.text(key)
	if v == "" {
		return 0, false
	}
	f, err := parseDecimal(v)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		r.fail(key, "“%s”应为数字，收到“%s”。", r.header(key), v)
		return 0, false
	}
	if f < min || f > max {
		r.fail(key, "“%s”应在 %g 到 %g 之间，收到 %s。", r.header(key), min, max, v)
		return 0, false
	}
	return f, true
}

func (r *rowParse) year(key string) (int, bool) {
	v := r.text(key)
	if v == "" {
		return 0, false
	}
	y, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(v, ".0"), "年"))
	if err != nil || y < db.MinYear || y > db.MaxYear {
		r.fail(key, "“%s”应为 %d–%d 之间的四位年份，收到“%s”。", r.header(key), db.MinYear, db.MaxYear, v)
		return 0, false
	}
	return y, true
}

var dateLayouts = []string{"2006-01-02", "2006-1-2", "2006/1/2", "2006.1.2", "2006年1月2日", "20060102", "2006-01-02 15:04:05", "2006/1/2 15:04:05", "2006-01-02T15:04:05Z07:00"}

var serialDate = regexp.MustCompile(`^\d{5}(\.\d+)?$`)

// ParseDate reads a date as staff type it (2024-03-05, 2024/3/5, 2024年3月5日) or as Excel stores it (a serial
// number of days).
func ParseDate(v string) (db.Date, bool) {
	if serialDate.MatchString(v) {
		f, _ := strconv.ParseFloat(v, 64)
		t, err := excelize.ExcelDateToTime(f, false)
		if err != nil {
			return "", false
		}
		return db.Date(t.Format(time.DateOnly)), true
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, v); err == nil {
			return db.Date(t.Format(time.DateOnly)), true
		}
	}
	return "", false
}

func (r *rowParse) date(key string) (db.Date, bool) {
	v := r.text(key)
	if v == "" {
		return "", false
	}
	d, ok := ParseDate(v)
	if !ok {
		r.fail(key, "“%s”不是有效日期：“%s”。请填写 YYYY-MM-DD，如 2024-03-05。", r.header(key), v)
		return "", false
	}
	if y := d.Year(); y < db.MinYear || y > db.MaxYear {
		r.fail(key, "“%s”的年份超出范围（%d–%d）：“%s”。", r.header(key), db.MinYear, db.MaxYear, v)
		return "", false
	}
	return d, true
}

func (r *rowParse) boolean(key string) bool {
	v := strings.ToUpper(r.text(key))
	switch v {
	case "", "否", "N", "NO", "FALSE", "0", "未核实", "无":
		return false
	case "是", "Y", "YES", "TRUE", "1", "已核实", "有":
		return true
	}
	r.fail(key, "“%s”应填“是”或“否”，收到“%s”。", r.header(key), r.text(key))
	return false
}

// enum maps a Chinese label, an alias or a code to the enum's code.
func enum[T ~string](r *rowParse, key string, labels map[T]string, def T) (T, bool) {
	v := r.text(key)
	if v == "" {
		return def, def != ""
	}
	if a, ok := enumAliases[v]; ok {
		if _, known := labels[T(a)]; known {
			return T(a), true
		}
	}
	options := make([]string, 0, len(labels))
	for code, label := range labels {
		if label == v || strings.EqualFold(string(code), v) {
			return code, true
		}
	}
	for _, code := range sortedKeys(labels) {
		options = append(options, labels[code])
	}
	r.fail(key, "“%s”的取值无效：“%s”。可选：%s。", r.header(key), v, strings.Join(options, "、"))
	return "", false
}

func sortedKeys[T ~string](m map[T]string) []T {
	out := make([]T, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func (r *rowParse) unit(key string) *db.Unit {
	v := r.text(key)
	if v == "" {
		return nil
	}
	u := r.p.ix.units[v]
	if u == nil {
		r.fail(key, "未找到单位“%s”。请核对名称，或先导入单位。", v)
	}
	return u
}

// demo reads the row's 演示数据 cell into the record's demo flag; the store refuses a row whose flag differs from
// the record it matches, so that an import never turns demo records into real ones or the reverse.
func (r *rowParse) demo(rec any) {
	d := r.boolean("demo")
	switch x := rec.(type) {
	case *db.Unit:
		x.Demo = d
	case *db.Person:
		x.Demo = d
	case *db.Honor:
		x.Demo = d
	case *db.VolunteerRecord:
		x.Demo = d
	case *db.Assessment:
		x.Demo = d
	case *db.PracticeActivity:
		x.Demo = d
	}
}

// duplicate records the row's natural key and fails the row when an earlier row had the same one.
func (r *rowParse) duplicate(parts ...any) {
	if r.p.seen == nil || len(r.errs) > 0 {
		return
	}
	h := fnv.New64a()
	for _, x := range parts {
		fmt.Fprint(h, x)
		h.Write([]byte{0})
	}
	k := h.Sum64()
	if first, ok := r.p.seen[k]; ok {
		r.errs = append(r.errs, db.ImportErrorf(r.row.Num, "与第 %d 行重复：%s", first, r.p.spec.KeyZh))
		return
	}
	r.p.seen[k] = int32(r.row.Num)
}

// Parse validates one row and returns its record, or the row's errors.
func (p *Parser) Parse(row Row) (any, []*db.ImportError) {
	r := &rowParse{p: p, row: row}
	var rec any
	switch p.spec.Kind {
	case db.ImportUnits:
		rec = r.unitRow()
	case db.ImportPeople:
		rec = r.personRow()
	case db.ImportHonors:
		rec = r.honorRow()
	case db.ImportVolunteerRecords:
		rec = r.volunteerRow()
	case db.ImportAssessments:
		rec = r.assessmentRow()
	case db.ImportActivities:
		rec = r.activityRow()
	}
	r.demo(rec)
	r.duplicate(NaturalKey(rec)...)
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	return rec, nil
}

func (r *rowParse) unitRow() *db.Unit {
	u := &db.Unit{Name: r.text("name"), Sector: r.text("sector"), ServiceWindow: r.boolean("serviceWindow")}
	if k := r.text("kind"); k != "" {
		found := false
		for _, x := range db.UnitKinds {
			found = found || x == k
		}
		if !found {
			r.fail("kind", "“单位类型”的取值无效：“%s”。可选：%s。", k, strings.Join(db.UnitKinds, "、"))
		}
		u.Kind = k
	}
	return u
}

func (r *rowParse) personRow() *db.Person {
	p := &db.Person{Name: r.text("name"), Citation: r.text("citation")}
	if u := r.unit("unit"); u != nil {
		p.UnitID = &u.ID
	}
	return p
}

func (r *rowParse) honorRow() *db.Honor {
	h := &db.Honor{RecipientName: r.text("recipient")}
	cat := r.p.ix.categories[r.text("category")]
	if v := r.text("category"); v != "" && cat == nil {
		r.fail("category", "未知的荣誉类别：“%s”。请填写类别名称（如 全国文明单位）或代码，见模板“说明”页。", v)
	}
	year, okYear := r.year("year")
	h.Year = year
	if d, ok := r.date("date"); ok {
		h.Date = &d
		if okYear && d.Year() != year {
			r.fail("date", "“授予日期”%s 不在“年份”%d 年内。", d, year)
		}
	}
	if e := r.text("edition"); e != "" {
		h.Edition = &e
	}
	def := db.HonorStatus("")
	if cat != nil {
		h.CategoryID, h.RecipientKind, def = cat.ID, cat.RecipientKind, cat.DefaultStatus
	}
	h.Status, _ = enum(r, "status", StatusZh, def)
	var owner *db.Unit
	if v := r.text("unit"); v != "" {
		owner = r.unit("unit")
	}
	if cat != nil && h.RecipientName != "" {
		r.recipient(h, cat, owner)
	}
	return h
}

// recipient links an honour to the record its recipient names, by the category's recipient kind. 所属单位, when
// given, is the honour's unit as exports write it: it picks the unit of unit-kind honours (whose display name may
// differ from the unit's current name) and tells apart people and works named alike.
func (r *rowParse) recipient(h *db.Honor, cat *db.HonorCategory, owner *db.Unit) {
	name := h.RecipientName
	unitOf := func(own *int64) *int64 {
		if owner != nil {
			return &owner.ID
		}
		return own
	}
	kind := r.recipientKind(cat, name)
	h.RecipientKind = kind
	switch kind {
	case db.RecipientUnit, db.RecipientCampus, db.RecipientWindow:
		u := owner
		if u == nil {
			u = r.p.ix.units[name]
		}
		if u == nil {
			r.fail("recipient", "未找到单位“%s”（“%s”授予单位）。请核对名称，或先导入单位。", name, cat.NameZh)
			return
		}
		// The mutations' rule, with their words (db/rules.go).
		if err := db.CheckUnitRecipient(kind, u); err != nil {
			r.fail("recipient", "%s。", db.TextOf(err))
			return
		}
		h.UnitID = &u.ID
	case db.RecipientPerson:
		match := r.p.ix.people[name]
		if owner != nil {
			var mine []*db.Person
			for _, p := range match {
				if p.UnitID != nil && *p.UnitID == owner.ID {
					mine = append(mine, p)
				}
			}
			if len(mine) > 0 || len(match) > 1 {
				match = mine
			}
		}
		switch {
		case len(match) == 0:
			r.fail("recipient", "未找到人物“%s”。“%s”授予个人，请先导入人物，或核对“所属单位”。", name, cat.NameZh)
		case len(match) > 1:
			r.fail("unit", "有 %d 位名为“%s”的人物，请填写“所属单位”以区分。", len(match), name)
		default:
			h.PersonID, h.UnitID = &match[0].ID, unitOf(match[0].UnitID)
		}
	case db.RecipientProject:
		p := r.p.ix.projects[name]
		if p == nil {
			r.fail("recipient", "未找到志愿服务项目“%s”（“%s”授予项目）。", name, cat.NameZh)
			return
		}
		h.ProjectID, h.UnitID = &p.ID, unitOf(p.UnitID)
	case db.RecipientWork:
		match := r.p.ix.works[name]
		if owner != nil {
			var mine []*db.Work
			for _, w := range match {
				if w.UnitID != nil && *w.UnitID == owner.ID {
					mine = append(mine, w)
				}
			}
			if len(mine) > 0 || len(match) > 1 {
				match = mine
			}
		}
		switch {
		case len(match) == 0:
			r.fail("recipient", "未找到作品“%s”（“%s”授予作品）。", name, cat.NameZh)
		case len(match) > 1:
			r.fail("unit", "有 %d 件题为“%s”的作品，请填写“所属单位”以区分。", len(match), name)
		default:
			h.WorkID, h.UnitID = &match[0].ID, unitOf(match[0].UnitID)
		}
	case db.RecipientCommunity:
		// A community has no record table: the name is taken as it is, and no unit is counted.
		if owner != nil {
			r.fail("unit", "“%s”未匹配任何单位、人物或项目，按社区登记；社区类荣誉不填写“所属单位”。", name)
		}
		// A name one slip away from a record's is more likely a typo than a community.
		if near := r.p.ix.nearName(name); near != "" {
			r.warn("recipient", "“%s”未匹配任何记录，将按社区登记；是否为“%s”的笔误？", name, near)
		}
	}
}

// recipientKind is the category's recipient kind or, for a category that accepts several (「四个优秀」: persons,
// organisations, projects, communities), the first of them with a record of that name; COMMUNITY, which has no
// record table, only when the category accepts it and the name matches no unit, person, project or work.
func (r *rowParse) recipientKind(cat *db.HonorCategory, name string) db.RecipientKind {
	if len(cat.RecipientKinds) < 2 {
		return cat.RecipientKind
	}
	for _, k := range cat.RecipientKinds {
		switch k {
		case db.RecipientUnit, db.RecipientCampus, db.RecipientWindow:
			if r.p.ix.units[name] != nil {
				return k
			}
		case db.RecipientPerson:
			if len(r.p.ix.people[name]) > 0 {
				return k
			}
		case db.RecipientProject:
			if r.p.ix.projects[name] != nil {
				return k
			}
		case db.RecipientWork:
			if len(r.p.ix.works[name]) > 0 {
				return k
			}
		}
	}
	if cat.Accepts(db.RecipientCommunity) {
		return db.RecipientCommunity
	}
	return cat.RecipientKind
}

func (r *rowParse) volunteerRow() *db.VolunteerRecord {
	v := &db.VolunteerRecord{}
	if u := r.unit("unit"); u != nil {
		v.UnitID = u.ID
	}
	v.Date, _ = r.date("date")
	if c := r.text("campaign"); c != "" && c != "常态化" && c != "常态化服务" && c != db.RoutineCampaign {
		k := r.p.ix.campaigns[c]
		if k == nil {
			r.fail("campaign", "未知的专项行动：“%s”。常态化服务请留空，专项行动见模板“说明”页。", c)
		} else {
			v.CampaignID = &k.ID
			if v.Date != "" && (v.Date < k.StartDate || (k.EndDate != nil && v.Date > *k.EndDate)) {
				end := "至今"
				if k.EndDate != nil {
					end = string(*k.EndDate)
				}
				r.fail("date", "“服务日期”%s 不在专项行动“%s”的起止日期（%s 至 %s）内。", v.Date, k.NameZh, k.StartDate, end)
			}
		}
	}
	if n, ok := r.integer("volunteers", 0, db.MaxVolunteers); ok {
		v.Volunteers = int(n)
	}
	if h, ok := r.number("hours", 0, db.MaxHours); ok {
		v.Minutes = MinutesOfHours(h)
	}
	v.Method, _ = enum(r, "method", MethodZh, "")
	v.Verified = r.boolean("verified")
	return v
}

func (r *rowParse) assessmentRow() *db.Assessment {
	a := &db.Assessment{}
	if u := r.unit("unit"); u != nil {
		a.UnitID = u.ID
	}
	a.Year, _ = r.year("year")
	a.BaseScore, _ = r.number("baseScore", 0, 100)
	a.Bonus, _ = r.number("bonus", 0, db.MaxBonus)
	a.Veto = r.boolean("veto")
	a.Stage, _ = enum(r, "stage", StageZh, "")
	return a
}

func (r *rowParse) activityRow() *db.PracticeActivity {
	a := &db.PracticeActivity{Theme: r.text("theme")}
	if u := r.unit("unit"); u != nil {
		a.UnitID = u.ID
	}
	a.Date, _ = r.date("date")
	a.Kind, _ = enum(r, "kind", ActivityZh, "")
	if c := r.text("center"); c != "" {
		k := r.p.ix.centers[c]
		if k == nil {
			r.fail("center", "未找到新时代文明实践中心“%s”。请填写中心全称或 6 位区划代码。", c)
		} else {
			a.CenterID = &k.ID
		}
	}
	if n, ok := r.integer("sessions", 1, db.MaxSessions); ok {
		a.Sessions = int(n)
	}
	if n, ok := r.integer("participants", 0, db.MaxParticipants); ok {
		a.Participants = int(n)
	}
	if v := r.text("action"); v != "" {
		if c := db.PracticeAction(strings.ToUpper(v)); c.Valid() && !c.Named() || strings.Contains(v, "未具名") {
			r.fail("action", "原文只列出“六大行动”中的四项（党的创新理论传播、主流价值践行、优质文化供给、服务惠民暖心），另两项未具名，活动不能归入：“%s”。", v)
		} else if act, ok := enum(r, "action", ActionZh, ""); ok {
			a.Action = &act
		}
	}
	return a
}

// MinutesOfHours is how an import stores a sheet's hours: rounded to whole minutes.
func MinutesOfHours(h float64) int64 { return int64(math.Round(h * 60)) }

// HoursOfMinutes is how an export writes minutes: hours to two decimals. Two decimals are 0.6 minutes apart, so
// MinutesOfHours gives the same minutes back and an unchanged export re-imports unchanged.
func HoursOfMinutes(m int64) float64 { return math.Round(float64(m)/60*100) / 100 }

// Result is what a pass over a file found.
type Result struct {
	Rows       int
	Valid      int
	Errors     []*db.ImportError
	ErrorCount int
	// Warnings are rows that import but look wrong, at most db.MaxImportErrors; WarningCount counts them all.
	Warnings     []*db.ImportError
	WarningCount int
}

// Scan parses every row of the file, streaming; fn (when not nil) receives each valid record in order, and
// its error stops the scan. Errors beyond db.MaxImportErrors are counted but not kept.
func Scan(f *File, p *Parser, fn func(row int, rec any) error) (*Result, error) {
	res := &Result{}
	for _, e := range f.HeaderErrors {
		res.add(e)
	}
	if len(f.HeaderErrors) > 0 {
		return res, nil
	}
	err := f.Each(func(row Row) error {
		res.Rows++
		rec, errs := p.Parse(row)
		if len(errs) > 0 {
			for _, e := range errs {
				res.add(e)
			}
			return nil
		}
		res.Valid++
		if fn != nil {
			return fn(row.Num, rec)
		}
		return nil
	})
	if err == nil && res.Rows == 0 {
		res.add(db.ImportErrorf(2, "文件中没有数据行。"))
	}
	res.Warnings, res.WarningCount = p.warnings, p.warningCount
	return res, err
}

func (r *Result) add(e *db.ImportError) {
	r.ErrorCount++
	if len(r.Errors) < db.MaxImportErrors {
		r.Errors = append(r.Errors, e)
	}
}

// nearName is the name of a unit, person, project or work that name misses by one character (two in names of six
// or more), or "" when none does: the check behind a community honour's typo warning.
func (ix *index) nearName(name string) string {
	rs := []rune(name)
	limit := 1
	if len(rs) >= 6 {
		limit = 2
	}
	best, bestD := "", limit+1
	try := func(other string) {
		os := []rune(other)
		if d := len(os) - len(rs); d > limit || -d > limit {
			return
		}
		if d := editDistance(rs, os); d > 0 && d < bestD || d == bestD && other < best {
			best, bestD = other, d
		}
	}
	for n := range ix.people {
		try(n)
	}
	for n := range ix.units {
		try(n)
	}
	for n := range ix.projects {
		try(n)
	}
	for n := range ix.works {
		try(n)
	}
	return best
}

// editDistance is the Levenshtein distance between two names, in characters.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
