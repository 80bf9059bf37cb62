// @vitest-environment happy-dom
// The office's board (上报进度) mounted against a scripted server: several units approved at once, each approval
// naming its unit's last round, with a result per unit (one refused); reminders (催报) to the units that owe a report,
// with what each reminder did; the overdue and late filters; a leader's board without actions.
import { describe, expect, it } from 'vitest'
import ReportingPage from '../../src/pages/ReportingPage.vue'
import { me } from '../../src/lib/auth'
import { click, mountForm, Server, signIn } from './support'

const TASK_ID = 'UmVwb3J0VGFzazox'
const unit = (n: number) => ({ id: `VW5pdDo${n}`, name: `单位${n}` })
const row = (n: number, p: Record<string, unknown> = {}) => ({
  unit: unit(n), state: 'SUBMITTED', rounds: n, late: false, overdue: false, version: 10 + n, submittedAt: '2026-12-01T00:00:00Z',
  reviewedBy: null, extendedTo: null, exemptReason: null, reminders: 0, lastRemindedAt: null, ...p,
})
const board = () => ({
  reportTasks: [{
    id: TASK_ID, year: 2025, title: '2025年度上报', kinds: ['VOLUNTEER_RECORDS'], opensOn: '2025-01-01', dueOn: '2025-12-31', closesOn: '2026-01-31',
    progress: { units: 4, notStarted: 1, inProgress: 0, submitted: 2, returned: 0, approved: 0, exempt: 0, overdue: 1, late: 1, reminded: 1 },
    assignments: [row(1), row(2, { late: true }), row(3, { state: 'NOT_STARTED', rounds: 0, submittedAt: null, overdue: true }), row(4, { state: 'APPROVED' })],
  }],
})

describe('ReportingPage (mounted)', () => {
  it('approves the selected units, each at its last round, and lists each unit\'s result', async () => {
    signIn('EDITOR')
    const srv = new Server({
      ReportBoard: board,
      StepReport: (v) => (v.unitId === unit(2).id
        ? { errors: [{ message: '版本已变化，请刷新后重试', extensions: { code: 'CONFLICT', reason: 'OUTDATED', messageEn: 'outdated' } }] }
        : { stepReport: { state: 'APPROVED', rounds: 1, version: 99 } }),
    })
    const w = await mountForm(ReportingPage)
    expect(w.findAll('[data-select-unit]')).toHaveLength(2)
    await click(w, '[data-action="select-submitted"]')
    await click(w, '[data-action="approve-selected"]')
    expect(srv.sent('StepReport')).toEqual([
      { taskId: TASK_ID, unitId: unit(1).id, action: 'APPROVE', expectedVersion: 11, round: 1 },
      { taskId: TASK_ID, unitId: unit(2).id, action: 'APPROVE', expectedVersion: 12, round: 2 },
    ])
    expect(w.find(`[data-result-unit="${unit(1).name}"]`).attributes('data-ok')).toBe('1')
    expect(w.find(`[data-result-unit="${unit(2).name}"]`).attributes('data-ok')).toBe('0')
    expect(w.find(`[data-result-unit="${unit(2).name}"]`).text()).toContain('版本已变化')
    expect(srv.sent('ReportBoard')).toHaveLength(2)
  })

  it('reminds every unit that owes a report, or one, and says per unit whether it was reminded', async () => {
    signIn('EDITOR')
    const srv = new Server({
      ReportBoard: board,
      RemindReports: (v) => ({
        remindReports: v.unitIds
          ? [{ unit: unit(3), reminded: false, skipped: 'REMINDED_RECENTLY' }]
          : [{ unit: unit(3), reminded: true, skipped: null }],
      }),
    })
    const w = await mountForm(ReportingPage)
    expect(w.find('[data-action="remind-all"]').text()).toContain('（1）')
    expect(w.findAll('[data-action="remind-report"]')).toHaveLength(1)
    expect(w.find('[data-action="export-missing"]').attributes('href')).toBe(`/export/report-missing.xlsx?taskId=${encodeURIComponent(TASK_ID)}`)
    expect(w.find('[data-count="reminded"]').text()).toBe('1')
    await click(w, '[data-action="remind-all"]')
    expect(srv.last('RemindReports')).toEqual({ taskId: TASK_ID })
    expect(w.find(`[data-result-unit="${unit(3).name}"]`).attributes('data-ok')).toBe('1')
    await click(w, `[data-report-unit="${unit(3).name}"] [data-action="remind-report"]`)
    expect(srv.last('RemindReports')).toEqual({ taskId: TASK_ID, unitIds: [unit(3).id] })
    expect(w.find(`[data-result-unit="${unit(3).name}"]`).text()).toContain('24 小时内已催报')
  })

  it('filters the units by the overdue and late flags', async () => {
    signIn('EDITOR')
    new Server({ ReportBoard: board })
    const w = await mountForm(ReportingPage)
    const shown = () => w.findAll('[data-report-unit]').map((r) => r.attributes('data-report-unit'))
    expect(shown()).toHaveLength(4)
    await click(w, '[data-filter-flag="overdue"]')
    expect(shown()).toEqual([unit(3).name])
    await click(w, '[data-filter-flag="late"]')
    expect(shown()).toEqual([unit(2).name])
    await click(w, '[data-filter-flag="late"]')
    expect(shown()).toHaveLength(4)
  })

  it('shows a leader the board without actions', async () => {
    me.value = { user: { username: 'leader', displayName: '领导', role: 'VIEWER' }, role: 'VIEWER', via: 'session', anonymousRead: false }
    new Server({ ReportBoard: board })
    const w = await mountForm(ReportingPage)
    expect(w.findAll('[data-report-unit]')).toHaveLength(4)
    expect(w.find('[data-action="review-report"], [data-action="approve-report"], [data-select-unit], [data-bulk-approve]').exists()).toBe(false)
  })
})
