package db

import (
	"context"
	"sort"
)

// DemoPurger removes every demo record at once, so that an office that starts entering real data can drop the
// flagged demonstration dataset without leaving traces in totals, exports or the recycle bin.
type DemoPurger interface {
	// PurgeDemo hard-deletes every demo record (and demo entries of the recycle bin) in one audited transaction,
	// after checking that no real record points at a demo one. With dryRun it only counts and checks. The caller
	// must be an admin.
	PurgeDemo(ctx context.Context, dryRun bool) (*DemoPurgeReport, error)
}

// DemoPurgeReport says what a demo purge removed (or would remove) and what stopped it.
type DemoPurgeReport struct {
	// Tables counts the demo rows of each kind of record, in the order they are deleted.
	Tables []*DemoTableCount
	// Blockers lists real records that still point at demo ones; while any exists nothing is deleted.
	Blockers []*DemoBlocker
	// BlockerCount counts every blocker; Blockers keeps at most MaxDemoBlockers of them.
	BlockerCount int
	DryRun       bool
	// Purged is true when the demo records were deleted and the transaction committed.
	Purged bool
}

// Total is the number of demo rows the report counts.
func (r *DemoPurgeReport) Total() int {
	n := 0
	for _, t := range r.Tables {
		n += t.Count
	}
	return n
}

// MaxDemoBlockers bounds the blockers a report lists, so that a refusal at province scale stays readable.
const MaxDemoBlockers = 200

// DemoTableCount is how many demo rows one kind of record holds.
type DemoTableCount struct {
	// Table is the stored name of the kind (honors, units …); NameZh is how the dashboard says it.
	Table  string
	NameZh string
	Count  int
}

// DemoBlocker is one real record that refers to a demo record, which a purge would leave dangling.
type DemoBlocker struct {
	Table    string
	NameZh   string
	ID       int64
	Column   string
	RefTable string
	RefName  string
	RefID    int64
}

// demoTableZh names the tables that hold demo rows as the dashboard says them; a table added later without a name
// here is still purged, under its stored name.
var demoTableZh = map[string]string{
	"units": "单位", "people": "人物", "volunteer_projects": "志愿服务项目", "works": "作品", "honors": "荣誉",
	"volunteer_records": "志愿服务记录", "donations": "捐赠", "federation_members": "联合会会员", "practice_links": "实践中心联系",
	"pairings": "结对帮创", "practice_activities": "文明实践活动", "assessments": "测评", "targets": "年度目标",
	"source_documents": "来源文件", "wishes": "微心愿", "excellent_cases": "优秀案例", "talent_members": "人才库成员",
	"civilisation_events": "会议培训活动", "case_compilations": "案例汇编", "pairing_contents": "结对帮创内容",
	"report_tasks": "上报任务", "report_assignments": "单位上报",
}

// DemoTableZh is how purge reports name a stored table, in Chinese; unknown tables keep their stored name.
func DemoTableZh(table string) string {
	if n, ok := demoTableZh[table]; ok {
		return n
	}
	return table
}

// DeleteOrder sorts tables so that each comes before every table it points at (children first), given the
// foreign keys among them as [child, parent] pairs: the order in which a purge deletes without breaking a key. A
// cycle keeps the rest in name order, and the database's foreign-key check still guards it.
func DeleteOrder(tables []string, keys [][2]string) []string {
	tables = append([]string(nil), tables...)
	sort.Strings(tables)
	points := map[string]map[string]bool{} // points[a][b]: a has a foreign key to b
	for _, k := range keys {
		if k[0] != k[1] {
			if points[k[0]] == nil {
				points[k[0]] = map[string]bool{}
			}
			points[k[0]][k[1]] = true
		}
	}
	var out []string
	done := map[string]bool{}
	for len(out) < len(tables) {
		progressed := false
		for _, t := range tables {
			if done[t] {
				continue
			}
			free := true // t may go once no remaining table points at it
			for _, o := range tables {
				if !done[o] && o != t && points[o][t] {
					free = false
					break
				}
			}
			if free {
				out, done[t], progressed = append(out, t), true, true
			}
		}
		if !progressed {
			for _, t := range tables {
				if !done[t] {
					out, done[t] = append(out, t), true
				}
			}
		}
	}
	return out
}
