package db

import (
	"context"
	"fmt"
	"time"
)

// DemoReportUnits is how many of the demo dataset's fictional units its reporting task covers: enough for two
// units in each state of the flow.
const DemoReportUnits = 12

// SeedDemoReporting opens the demo dataset's reporting task (flagged demo) over its first fictional units and walks
// them through the flow with the store's own steps, so that the board shows a unit in every state: two not started,
// in progress, submitted, returned with comments, approved (their reports written into demo records) and excused.
// The task is of the year after the article's; it opens two weeks before now and is due two weeks after, in China's
// calendar. Nothing is named after a
// real unit or person: the units are the fictional ones of the demo dataset.
func SeedDemoReporting(ctx context.Context, s Store, ds *Dataset, now time.Time) error {
	var units []int64
	for _, u := range ds.Units {
		if u.Demo && len(units) < DemoReportUnits {
			units = append(units, u.ID)
		}
	}
	if len(units) < DemoReportUnits {
		return nil
	}
	office := WithPrincipal(ctx, &Principal{Username: "演示数据", Role: RoleAdmin, Via: "cli"})
	day := func(d int) Date { return Date(now.In(ChinaTime).AddDate(0, 0, d).Format(time.DateOnly)) }
	// The demo reports the year after the article's, whatever the date: the demo stays the same from year to year.
	year := LastYear + 1
	t := &ReportTask{Year: year, Title: fmt.Sprintf("%d年度省直单位文明创建工作上报（演示）", year), Kinds: AllReportKinds, Demo: true,
		Instructions: "演示任务：单位与数据均为虚构，仅用于体验上报流程。请填报本年度的志愿服务记录、文明实践活动和测评自评。",
		ReportWindow: ReportWindow{OpensOn: day(-14), DueOn: day(14), ClosesOn: day(30)}}
	if err := s.CreateReportTask(office, t, units); err != nil {
		return fmt.Errorf("demo task: %w", err)
	}
	content := func(i int) *ReportContent {
		d := func(m, dd int) Date { return Date(fmt.Sprintf("%d-%02d-%02d", year, m, dd)) }
		return &ReportContent{
			VolunteerRecords: []*ReportedVolunteerRecord{
				{Date: d(3, 5), Volunteers: 10 + i, Hours: float64(20 + 2*i), Method: MethodSignIn},
				{Date: d(3, 12), Volunteers: 6 + i, Hours: 12.5, Method: MethodShift},
			},
			PracticeActivities: []*ReportedActivity{{Date: d(3, 8), Kind: ActivityRoutine, Theme: "文明实践进社区（演示）", Sessions: 2, Participants: 40 + i}},
		}
	}
	version := 1
	step := func(ctx context.Context, unit int64, action ReportAction, comment string, round int) error {
		a, err := s.StepReport(ctx, ReportStep{TaskID: t.ID, UnitID: unit, Action: action, ExpectedVersion: version, Comment: comment, Round: round, Now: now})
		if a != nil {
			version = a.Version
		}
		return err
	}
	for i, u := range units {
		reporter := WithPrincipal(ctx, &Principal{Username: "演示填报员", Role: RoleReporter, UnitID: u, Via: "cli"})
		version = 1
		var err error
		switch i / 2 {
		case 0: // 未填报
		case 5: // 免报
			err = step(office, u, ActionExempt, "演示：该单位本年度已整体并入其他单位", 0)
		default:
			var a *ReportAssignment
			if a, err = s.SaveReportDraft(reporter, ReportStep{TaskID: t.ID, UnitID: u, ExpectedVersion: 1, Now: now}, content(i)); err == nil {
				version = a.Version
			}
			if err == nil && i/2 >= 2 {
				err = step(reporter, u, ActionSubmit, "", 0)
			}
			if err == nil && i/2 == 3 {
				if _, err = s.CommentReport(office, t.ID, u, version, "volunteerRecords[1].hours", "演示：请核实该次服务时长"); err == nil {
					err = step(office, u, ActionReturn, "演示：请补充服务对象说明后重新上报", 0)
				}
			}
			if err == nil && i/2 == 4 {
				err = step(office, u, ActionApprove, "", 1)
			}
		}
		if err != nil {
			return fmt.Errorf("demo report of unit %d: %w", u, err)
		}
	}
	return nil
}
