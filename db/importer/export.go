package importer

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
)

// ExportView is one table of the dashboard that can be exported, with the filter parameters it accepts.
type ExportView struct {
	Name   string
	NameZh string
	Params []string
	// UnitRows is set for the views whose rows each belong to a unit, which the store scopes to a reporter's unit;
	// a reporter may export only these.
	UnitRows bool
	write    func(ctx context.Context, s db.Store, q url.Values, sw func(headers []string, widths []float64) (*SheetWriter, error)) error
}

// ExportViews lists the views of GET /export/{view}.{xlsx|csv} and `wenming export --view`.
var ExportViews = []*ExportView{
	{Name: "honors", NameZh: "荣誉", Params: []string{"fromYear", "toYear", "levels", "categories", "recipientKinds", "statuses", "unitId", "unitKind", "edition", "demo"}, UnitRows: true, write: exportHonors},
	{Name: "volunteer-records", NameZh: "志愿服务记录", Params: []string{"fromYear", "toYear", "campaigns", "unitId", "unitKind", "methods", "verified", "demo"}, UnitRows: true, write: exportVolunteer},
	{Name: "units", NameZh: "省直单位", Params: []string{"kind", "nameContains", "serviceWindow", "linkedToPractice"}, UnitRows: true, write: exportUnits},
	{Name: "people", NameZh: "先进人物", Params: []string{"categories", "nameContains"}, write: exportPeople},
	{Name: "assessments", NameZh: "年度测评", Params: []string{"year", "unitId", "unitKind", "stages", "demo"}, UnitRows: true, write: exportAssessments},
	{Name: "activities", NameZh: "文明实践活动", Params: []string{"fromYear", "toYear", "kinds", "unitId", "demo"}, UnitRows: true, write: exportActivities},
	{Name: "figures", NameZh: "公布数字与核对", Params: []string{"section"}, write: exportFigures},
	{Name: "rankings", NameZh: "创建排名", Params: []string{"year", "metric", "unitKind", "first", "order"}, write: exportRankings},
}

// FindView returns the view of the name, for the command line and the office.
func FindView(name string) (*ExportView, error) { return findView(name, false) }

// ReadableView returns the view of the name that the caller may export: a unit's reporter only the views of a unit's
// rows (UnitRows), any other view answering it exactly as an unknown one; everyone else must be at least a viewer.
func ReadableView(ctx context.Context, name string) (*ExportView, error) {
	if p := db.PrincipalFrom(ctx); p != nil && p.Effective() == db.RoleReporter && p.Via != "anonymous" {
		return findView(name, true)
	}
	if err := db.Require(ctx, db.RoleViewer); err != nil {
		return nil, err
	}
	return findView(name, false)
}

func findView(name string, unitRows bool) (*ExportView, error) {
	var names []string
	for _, v := range ExportViews {
		if unitRows && !v.UnitRows {
			continue
		}
		if v.Name == name {
			return v, nil
		}
		names = append(names, v.Name)
	}
	return nil, db.Errorf(db.ENOTFOUND, "没有可导出的视图“%s”。可选：%s。", name, strings.Join(names, "、"))
}

// Export writes a view as XLSX or CSV to out, with the filters in q applied, as the principal in ctx (at least a
// viewer, or a reporter exporting its unit's rows: ReadableView). Rows stream from the database to out, so a million-row export holds none in memory.
func Export(ctx context.Context, s db.Store, view string, format Format, q url.Values, out io.Writer) error {
	v, err := ReadableView(ctx, view)
	if err != nil {
		return err
	}
	if format != XLSX && format != CSV {
		return db.FieldErrorf("format", "导出格式应为 xlsx 或 csv，收到“%s”。", format)
	}
	for k := range q {
		if !slices.Contains(v.Params, k) {
			return db.FieldErrorf(k, "“%s”不支持筛选条件 %s。可用：%s。", v.NameZh, k, strings.Join(v.Params, "、"))
		}
	}
	var sw *SheetWriter
	start := func(headers []string, widths []float64) (*SheetWriter, error) {
		var err error
		sw, err = NewSheetWriter(out, format, v.NameZh, headers, widths)
		if err != nil {
			return nil, err
		}
		sw.progress = db.ProgressFrom(ctx)
		sw.progress.Phase("export", -1)
		sw.Note("视图", v.NameZh+"（"+v.Name+"）")
		sw.Note("导出时间", time.Now().Format("2006-01-02 15:04:05"))
		if p := db.PrincipalFrom(ctx); p != nil && p.Username != "" {
			sw.Note("导出人", p.Username)
		}
		filters := "无"
		if len(q) > 0 {
			filters = q.Encode()
			if u, err := url.QueryUnescape(filters); err == nil {
				filters = u
			}
		}
		sw.Note("筛选条件", filters)
		return sw, nil
	}
	if err := v.write(ctx, s, q, start); err != nil {
		return err
	}
	if sw == nil {
		return fmt.Errorf("export %s wrote no header", v.Name)
	}
	return sw.Close()
}

// --- filter parameters ---

// params reads the query parameters of one view, remembering the first error.
type params struct {
	q   url.Values
	err error
}

func (p *params) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

// list reads a comma-separated or repeated parameter.
func (p *params) list(name string) []string {
	var out []string
	for _, v := range p.q[name] {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func (p *params) str(name string) string { return strings.TrimSpace(p.q.Get(name)) }

func (p *params) integer(name string) int {
	s := p.str(name)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		p.fail(db.FieldErrorf(name, "%s 应为整数，收到“%s”。", name, s))
	}
	return n
}

func (p *params) boolean(name string) *bool {
	s := p.str(name)
	if s == "" {
		return nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		p.fail(db.FieldErrorf(name, "%s 应为 true 或 false，收到“%s”。", name, s))
		return nil
	}
	return &b
}

func enums[T interface {
	~string
	Valid() bool
}](p *params, name string) []T {
	var out []T
	for _, s := range p.list(name) {
		v := T(strings.ToUpper(s))
		if !v.Valid() {
			p.fail(db.FieldErrorf(name, "%s 的取值无效：“%s”。", name, s))
		}
		out = append(out, v)
	}
	return out
}

func (p *params) years() db.YearRange {
	r := db.YearRange{From: p.integer("fromYear"), To: p.integer("toYear")}
	check := r
	if check.From == 0 {
		check.From = db.MinYear
	}
	if check.To == 0 {
		check.To = db.MaxYear
	}
	if _, err := check.Resolve(); err != nil {
		p.fail(err)
	}
	return r
}

// unitID reads a unit's global ID (as the API gives it) or its number.
func (p *params) unitID(name string) int64 {
	s := p.str(name)
	if s == "" {
		return 0
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
		return n
	}
	typ, id, err := db.ParseGlobalID(name, s)
	if err != nil || typ != db.NodeUnit {
		p.fail(db.FieldErrorf(name, "单位 ID 无效：“%s”。", s))
	}
	return id
}

func (p *params) unitKind(name string) string {
	s := p.str(name)
	if s != "" && !slices.Contains(db.UnitKinds, s) {
		p.fail(db.FieldErrorf(name, "未知的单位类型：“%s”（可选：%s）。", s, strings.Join(db.UnitKinds, "、")))
	}
	return s
}

// codes checks catalogue codes (categories, campaigns) against the known ones.
func (p *params) codes(name string, known map[string]bool, what string) []string {
	out := p.list(name)
	for _, c := range out {
		if !known[c] {
			p.fail(db.FieldErrorf(name, "未知的%s代码：“%s”。", what, c))
		}
	}
	return out
}

// names maps the catalogue's IDs to names for the sheets.
type names struct {
	units      map[int64]*db.Unit
	categories map[int64]*db.HonorCategory
	campaigns  map[int64]*db.Campaign
	centers    map[int64]*db.PracticeCenter
	catCodes   map[string]bool
	campCodes  map[string]bool
}

func loadNames(ctx context.Context, s db.Store) (*names, error) {
	cat, err := s.ImportCatalog(ctx)
	if err != nil {
		return nil, err
	}
	n := &names{units: map[int64]*db.Unit{}, categories: map[int64]*db.HonorCategory{}, campaigns: map[int64]*db.Campaign{},
		centers: map[int64]*db.PracticeCenter{}, catCodes: map[string]bool{}, campCodes: map[string]bool{db.RoutineCampaign: true}}
	for _, c := range cat.Centers {
		n.centers[c.ID] = c
	}
	for _, u := range cat.Units {
		n.units[u.ID] = u
	}
	for _, c := range cat.Categories {
		n.categories[c.ID], n.catCodes[c.Code] = c, true
	}
	for _, c := range cat.Campaigns {
		n.campaigns[c.ID], n.campCodes[c.Code] = c, true
	}
	return n, nil
}

func (n *names) unit(id *int64) any {
	if id == nil || n.units[*id] == nil {
		return nil
	}
	return n.units[*id].Name
}

func str[T ~string](p *T) any {
	if p == nil {
		return nil
	}
	return string(*p)
}

func widths(spec *Spec, extra ...float64) []float64 {
	out := make([]float64, 0, len(spec.Columns)+len(extra))
	for _, c := range spec.Columns {
		out = append(out, c.Width)
	}
	return append(out, extra...)
}

// label is the header of a column that exports add after the template's: the label of the spec entity's field.
func label(spec *Spec, field string) string { return db.FieldLabelZh(spec.Entity, field) }

func mustSpec(kind db.ImportKind) *Spec {
	s, err := SpecFor(kind)
	if err != nil {
		panic(err)
	}
	return s
}

// --- views; the columns of records follow the import templates (演示数据 included), then columns that imports
// ignore (ID …), so that an export can be edited and re-imported and an unchanged one changes nothing ---

func exportHonors(ctx context.Context, s db.Store, q url.Values, start func([]string, []float64) (*SheetWriter, error)) error {
	n, err := loadNames(ctx, s)
	if err != nil {
		return err
	}
	p := &params{q: q}
	f := db.HonorCriteria{Years: p.years(), Levels: enums[db.HonorLevel](p, "levels"), Categories: p.codes("categories", n.catCodes, "荣誉类别"),
		RecipientKinds: enums[db.RecipientKind](p, "recipientKinds"), Statuses: enums[db.HonorStatus](p, "statuses"),
		UnitID: p.unitID("unitId"), UnitKind: p.unitKind("unitKind"), Edition: p.str("edition"), Demo: p.boolean("demo")}
	if p.err != nil {
		return p.err
	}
	spec := mustSpec(db.ImportHonors)
	sw, err := start(append(spec.Headers(), label(spec, "level"), label(spec, "recipientKind"), label(spec, "id")), widths(spec, 10, 10, 16))
	if err != nil {
		return err
	}
	return s.EachHonor(ctx, f, func(h *db.Honor) error {
		c := n.categories[h.CategoryID]
		return sw.Row(c.NameZh, h.RecipientName, n.unit(h.UnitID), h.Year, str(h.Date), str(h.Edition), StatusZh[h.Status],
			BoolZh(h.Demo), LevelZh[c.Level], RecipientZh[h.RecipientKind], db.GlobalID(db.NodeHonor, h.ID))
	})
}

func exportVolunteer(ctx context.Context, s db.Store, q url.Values, start func([]string, []float64) (*SheetWriter, error)) error {
	n, err := loadNames(ctx, s)
	if err != nil {
		return err
	}
	p := &params{q: q}
	f := db.VolunteerCriteria{Years: p.years(), Campaigns: p.codes("campaigns", n.campCodes, "专项行动"), UnitID: p.unitID("unitId"),
		UnitKind: p.unitKind("unitKind"), Methods: enums[db.RecordingMethod](p, "methods"), Verified: p.boolean("verified"), Demo: p.boolean("demo")}
	if p.err != nil {
		return p.err
	}
	spec := mustSpec(db.ImportVolunteerRecords)
	sw, err := start(append(spec.Headers(), label(spec, "id")), widths(spec, 16))
	if err != nil {
		return err
	}
	return s.EachVolunteerRecord(ctx, f, func(v *db.VolunteerRecord) error {
		var campaign any
		if v.CampaignID != nil {
			if k := n.campaigns[*v.CampaignID]; k != nil {
				campaign = k.NameZh
			}
		}
		hours := HoursOfMinutes(v.Minutes)
		return sw.Row(n.unit(&v.UnitID), string(v.Date), campaign, v.Volunteers, hours, MethodZh[v.Method],
			BoolZh(v.Verified), BoolZh(v.Demo), db.GlobalID(db.NodeVolunteerRecord, v.ID))
	})
}

func exportUnits(ctx context.Context, s db.Store, q url.Values, start func([]string, []float64) (*SheetWriter, error)) error {
	p := &params{q: q}
	f := db.UnitCriteria{Kind: p.unitKind("kind"), NameContains: p.str("nameContains"), ServiceWindow: p.boolean("serviceWindow"),
		LinkedToPractice: p.boolean("linkedToPractice")}
	if p.err != nil {
		return p.err
	}
	spec := mustSpec(db.ImportUnits)
	sw, err := start(append(spec.Headers(), label(spec, "id")), widths(spec, 16))
	if err != nil {
		return err
	}
	return s.EachUnit(ctx, f, func(u *db.Unit) error {
		return sw.Row(u.Name, u.Kind, u.Sector, BoolZh(u.ServiceWindow), BoolZh(u.Demo), db.GlobalID(db.NodeUnit, u.ID))
	})
}

func exportPeople(ctx context.Context, s db.Store, q url.Values, start func([]string, []float64) (*SheetWriter, error)) error {
	n, err := loadNames(ctx, s)
	if err != nil {
		return err
	}
	p := &params{q: q}
	f := db.PersonCriteria{Categories: p.codes("categories", n.catCodes, "荣誉类别"), NameContains: p.str("nameContains")}
	if p.err != nil {
		return p.err
	}
	spec := mustSpec(db.ImportPeople)
	sw, err := start(append(spec.Headers(), label(spec, "id")), widths(spec, 16))
	if err != nil {
		return err
	}
	return s.EachPerson(ctx, f, func(x *db.Person) error {
		return sw.Row(x.Name, n.unit(x.UnitID), x.Citation, BoolZh(x.Demo), db.GlobalID(db.NodePerson, x.ID))
	})
}

func exportAssessments(ctx context.Context, s db.Store, q url.Values, start func([]string, []float64) (*SheetWriter, error)) error {
	n, err := loadNames(ctx, s)
	if err != nil {
		return err
	}
	p := &params{q: q}
	f := db.AssessmentCriteria{Year: p.integer("year"), UnitID: p.unitID("unitId"), UnitKind: p.unitKind("unitKind"),
		Stages: enums[db.AssessmentStage](p, "stages"), Demo: p.boolean("demo")}
	if f.Year != 0 {
		if err := db.CheckYear("year", f.Year); err != nil {
			p.fail(err)
		}
	}
	if p.err != nil {
		return p.err
	}
	spec := mustSpec(db.ImportAssessments)
	sw, err := start(append(spec.Headers(), label(spec, "id")), widths(spec, 16))
	if err != nil {
		return err
	}
	return s.EachAssessment(ctx, f, func(a *db.Assessment) error {
		return sw.Row(n.unit(&a.UnitID), a.Year, a.BaseScore, a.Bonus, BoolZh(a.Veto), StageZh[a.Stage],
			BoolZh(a.Demo), db.GlobalID(db.NodeAssessment, a.ID))
	})
}

func exportActivities(ctx context.Context, s db.Store, q url.Values, start func([]string, []float64) (*SheetWriter, error)) error {
	n, err := loadNames(ctx, s)
	if err != nil {
		return err
	}
	p := &params{q: q}
	f := db.PracticeActivityCriteria{Years: p.years(), Kinds: enums[db.ActivityKind](p, "kinds"), UnitID: p.unitID("unitId"), Demo: p.boolean("demo")}
	if p.err != nil {
		return p.err
	}
	spec := mustSpec(db.ImportActivities)
	sw, err := start(append(spec.Headers(), label(spec, "id")), widths(spec, 16))
	if err != nil {
		return err
	}
	return s.EachPracticeActivity(ctx, f, func(a *db.PracticeActivity) error {
		var center any
		if a.CenterID != nil {
			if c := n.centers[*a.CenterID]; c != nil {
				center = c.Name
			}
		}
		var action any
		if a.Action != nil {
			action = ActionZh[*a.Action]
		}
		return sw.Row(n.unit(&a.UnitID), string(a.Date), ActivityZh[a.Kind], a.Theme, center, a.Sessions, a.Participants, action,
			BoolZh(a.Demo), db.GlobalID(db.NodePracticeActivity, a.ID))
	})
}

func exportFigures(ctx context.Context, s db.Store, q url.Values, start func([]string, []float64) (*SheetWriter, error)) error {
	section := strings.TrimSpace(q.Get("section"))
	rows, err := db.BuildReconciliation(ctx, s)
	if err != nil {
		return err
	}
	sw, err := start([]string{"章节", "指标", "公布值", "计量单位", "限定", "记录合计", "核对结果", "说明", "原文", "来源", "发布日期"},
		[]float64{14, 30, 12, 8, 12, 12, 14, 40, 60, 30, 12})
	if err != nil {
		return err
	}
	for _, r := range rows {
		f := r.Figure
		if section != "" && f.Section != section {
			continue
		}
		var recorded, source, published any
		if r.RecordedValue != nil {
			recorded = *r.RecordedValue
		}
		if f.Source != nil {
			source, published = f.Source.Title, string(f.Source.PublishedOn)
		}
		if err := sw.Row(f.Section, f.LabelZh, f.Value, f.Unit, QualifierZh[f.Qualifier], recorded, ReconZh[r.Status],
			r.Note, f.Quote, source, published); err != nil {
			return err
		}
	}
	return nil
}

func exportRankings(ctx context.Context, s db.Store, q url.Values, start func([]string, []float64) (*SheetWriter, error)) error {
	p := &params{q: q}
	year := p.integer("year")
	if year == 0 {
		year = db.LastYear
	}
	metric := db.RankCreationIndex
	if m := p.str("metric"); m != "" {
		metric = db.RankingMetric(strings.ToUpper(m))
		if !metric.Valid() {
			p.fail(db.FieldErrorf("metric", "metric 的取值无效：“%s”。", m))
		}
	}
	order := db.RankingTop
	if o := p.str("order"); o != "" {
		order = db.RankingOrder(strings.ToUpper(o))
		if !order.Valid() {
			p.fail(db.FieldErrorf("order", "order 应为 TOP 或 BOTTOM，收到“%s”。", o))
		}
	}
	first := p.integer("first")
	if first == 0 {
		first = db.MaxRankingSize
	}
	kind := p.unitKind("unitKind")
	if p.err != nil {
		return p.err
	}
	entries, err := db.BuildRankings(ctx, s, year, metric, kind, first, order)
	if err != nil {
		return err
	}
	units, err := loadNames(ctx, s)
	if err != nil {
		return err
	}
	headers := []string{"名次", "上年名次", "单位名称", "单位类型", "得分"}
	w := []float64{8, 10, 32, 12, 10}
	if len(entries) > 0 {
		for _, c := range entries[0].Breakdown {
			headers = append(headers, c.LabelZh+"（原始值）", c.LabelZh+"（得分）")
			w = append(w, 18, 16)
		}
	}
	sw, err := start(headers, w)
	if err != nil {
		return err
	}
	for _, e := range entries {
		var prev, kindName any
		if e.PreviousRank != nil {
			prev = *e.PreviousRank
		}
		if u := units.units[e.UnitID]; u != nil {
			kindName = u.Kind
		}
		row := []any{e.Rank, prev, units.unit(&e.UnitID), kindName, e.Score}
		for _, c := range e.Breakdown {
			row = append(row, c.Raw, c.Contribution)
		}
		if err := sw.Row(row...); err != nil {
			return err
		}
	}
	return nil
}
