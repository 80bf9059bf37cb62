package importer

import (
	"context"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/wenming/wenming/db"
)

// The views behind the dashboard's drill-downs that have no record connection of their own: the practice centres
// of a prefecture (文明实践 page) and a progress metric's yearly values (总览 page). The dashboard's drill panel
// downloads them from /export with the same filters it shows, instead of writing the file in the browser.
func init() {
	ExportViews = append(ExportViews,
		&ExportView{Name: "practice-centers", NameZh: "县级新时代文明实践中心", Params: []string{"prefecture", "code", "fromYear", "toYear"}, write: exportPracticeCenters},
		&ExportView{Name: "progress", NameZh: "五年进度", Params: []string{"metric", "fromYear", "toYear", "cumulative"}, write: exportProgress},
	)
}

// exportPracticeCenters lists the centres (of one prefecture, or the one with a code), each with the units that
// link to it by the end of the range and the activity sessions held there, as the 文明实践 page's drill shows them.
func exportPracticeCenters(ctx context.Context, s db.Store, q url.Values, start func([]string, []float64) (*SheetWriter, error)) error {
	p := &params{q: q}
	years := p.years()
	prefecture, code := p.str("prefecture"), p.str("code")
	if p.err != nil {
		return p.err
	}
	centers, err := s.PracticeCenters(ctx, prefecture)
	if err != nil {
		return err
	}
	if code != "" {
		var only []*db.PracticeCenter
		for _, c := range centers {
			if c.Code == code {
				only = append(only, c)
			}
		}
		centers = only
	}
	sort.SliceStable(centers, func(i, j int) bool { return centers[i].Code < centers[j].Code })
	ids := make([]int64, len(centers))
	for i, c := range centers {
		ids[i] = c.ID
	}
	links, err := s.PracticeLinksByCenters(ctx, ids)
	if err != nil {
		return err
	}
	sessions, err := s.CenterSessions(ctx, ids)
	if err != nil {
		return err
	}
	n, err := loadNames(ctx, s)
	if err != nil {
		return err
	}
	sw, err := start([]string{"省辖市", "县（市、区）", "中心", "区划代码（GB/T 2260）", "已识别", "联系指导单位数", "联系指导单位（起始年份）", "活动场次", "说明", "ID"},
		[]float64{12, 16, 32, 14, 8, 12, 60, 10, 40, 16})
	if err != nil {
		return err
	}
	for _, c := range centers {
		var names []string
		for _, l := range links[c.ID] {
			if years.To != 0 && l.SinceYear > years.To {
				continue
			}
			name := strconv.FormatInt(l.UnitID, 10)
			if u := n.units[l.UnitID]; u != nil {
				name = u.Name
			}
			names = append(names, name+"（"+strconv.Itoa(l.SinceYear)+"）")
		}
		if err := sw.Row(c.Prefecture, c.County, c.Name, c.Code, BoolZh(c.Identified), len(names), strings.Join(names, "；"),
			sessions[c.ID], c.Note, db.GlobalID(db.NodePracticeCenter, c.ID)); err != nil {
			return err
		}
	}
	return nil
}

// exportProgress writes one progress metric's yearly values and targets, as running totals when cumulative=true.
func exportProgress(ctx context.Context, s db.Store, q url.Values, start func([]string, []float64) (*SheetWriter, error)) error {
	p := &params{q: q}
	metric := db.ProgressMetric(strings.ToUpper(p.str("metric")))
	if metric == "" {
		p.fail(db.FieldErrorf("metric", "请指定 metric（进度指标，如 HONORS_TOTAL）。"))
	} else if !metric.Valid() {
		p.fail(db.FieldErrorf("metric", "metric 的取值无效：“%s”。", p.str("metric")))
	}
	cumulative := p.boolean("cumulative")
	r := p.years()
	if p.err != nil {
		return p.err
	}
	r, err := r.Resolve()
	if err != nil {
		return err
	}
	vals, err := db.BuildProgress(ctx, s, metric, r, cumulative != nil && *cumulative)
	if err != nil {
		return err
	}
	sw, err := start([]string{"指标", "年份", "实际", "目标（本办录入）"}, []float64{28, 8, 14, 16})
	if err != nil {
		return err
	}
	for _, v := range vals {
		var target any
		if v.Target != nil {
			target = *v.Target
		}
		if err := sw.Row(string(metric), v.Year, v.Value, target); err != nil {
			return err
		}
	}
	return nil
}
