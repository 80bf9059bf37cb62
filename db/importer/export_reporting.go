package importer

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
)

func init() {
	ExportViews = append(ExportViews, &ExportView{Name: "report-missing", NameZh: "未上报单位", Params: []string{"taskId", "overdue"}, write: exportReportMissing})
}

// exportReportMissing lists, for phone calls, a task's units that have not submitted (未填报, 填报中, 已退回), or with
// overdue=true only those past their due day: each with its state, its last day, its reminders, its contact and its
// reporters. Only the office reads it; anyone else answers as if the task did not exist.
func exportReportMissing(ctx context.Context, s db.Store, q url.Values, start func([]string, []float64) (*SheetWriter, error)) error {
	p := &params{q: q}
	overdue := p.boolean("overdue")
	if p.err != nil {
		return p.err
	}
	if !db.ScopeOf(ctx, db.ReportingRows).All {
		return db.Errorf(db.ENOTFOUND, "上报任务不存在")
	}
	taskID, err := db.ParseTypedID("taskId", db.NodeReportTask, p.str("taskId"))
	if err != nil {
		return err
	}
	task, err := s.ReportTask(ctx, taskID)
	if err != nil {
		return err
	}
	as, err := s.ReportAssignments(ctx, task.ID)
	if err != nil {
		return err
	}
	users, err := s.Users(ctx)
	if err != nil {
		return err
	}
	reporters := map[int64][]string{}
	for _, u := range users {
		if u.Role == db.RoleReporter && u.UnitID > 0 && !u.Disabled {
			name := u.Username
			if u.DisplayName != "" {
				name = u.DisplayName + "（" + u.Username + "）"
			}
			reporters[u.UnitID] = append(reporters[u.UnitID], name)
		}
	}
	ids := make([]int64, len(as))
	for i, a := range as {
		ids[i] = a.UnitID
	}
	units, err := s.UnitsByIDs(ctx, ids)
	if err != nil {
		return err
	}
	now := time.Now()
	sw, err := start([]string{"单位名称", "状态", "截止日期", "是否逾期", "催报次数", "最近催报", "联系人", "联系电话", "填报员"},
		[]float64{36, 10, 12, 10, 10, 20, 12, 16, 30})
	if err != nil {
		return err
	}
	for _, a := range as {
		if db.Remindable(a.State, nil, now) == db.ReminderNotDue {
			continue
		}
		late := a.Window.Overdue(a.State, now)
		if overdue != nil && *overdue != late {
			continue
		}
		u := units[a.UnitID]
		if u == nil {
			continue
		}
		due := a.Window.DueOn
		if a.ExtendedTo > due {
			due = a.ExtendedTo
		}
		last := ""
		if a.LastRemindedAt != nil {
			last = a.LastRemindedAt.In(db.ChinaTime).Format("2006-01-02 15:04")
		}
		if err := sw.Row(u.Name, db.ReportStateZh[a.State], string(due), BoolZh(late), a.Reminders, last, u.Contact.Name, u.Contact.Phone,
			strings.Join(reporters[a.UnitID], "、")); err != nil {
			return err
		}
	}
	return nil
}
