// @vitest-environment happy-dom
// The reporting components mounted against a scripted server: a reporter's task card (rows added and removed, the
// 说明's live count, the server's refusal beside the field it names, the office's comments beside the field their
// path names, submit after save at the saved version, buttons held while a request is on its way), the office's
// view of a submission (a comment sent on the field whose box was opened) and its review (approve names the round),
// and the draft's import from a spreadsheet (rows refused by number, or the draft saved).
import { describe, expect, it, vi } from 'vitest'
import ReportTaskCard from '../../src/components/reporting/ReportTaskCard.vue'
import ReportContentView from '../../src/components/reporting/ReportContentView.vue'
import ReportReviewPanel from '../../src/components/reporting/ReportReviewPanel.vue'
import ReportDraftImport from '../../src/components/reporting/ReportDraftImport.vue'
import type { MyReportTasksQuery } from '../../src/gql/MyReportTasks'
import { click, expectFieldError, fieldError, fill, mountForm, Server, settle } from './support'

type Task = MyReportTasksQuery['reportTasks'][number]
type Assignment = Task['assignments'][number]
type Content = NonNullable<Assignment['draft']>['content']

const TASK_ID = 'UmVwb3J0VGFzazox'
const UNIT = { id: 'VW5pdDox', name: '青禾事务局（演示001）' }
const content = (p: Partial<Content> = {}): Content => ({ volunteerRecords: [], practiceActivities: [], assessment: null, titleApplications: [], explanations: [], ...p })
const TWO_RECORDS = content({
  volunteerRecords: [
    { date: '2025-03-05', volunteers: 12, hours: 36, method: 'SIGN_IN', campaignCode: null },
    { date: '2025-04-10', volunteers: 8, hours: 1.5, method: 'SHIFT', campaignCode: null },
  ],
  assessment: { baseScore: 85, bonus: 1, scores: [{ code: 'IDEOLOGY', score: 2, note: '签到表齐全' }] },
})

function task(kinds: Task['kinds'], a: Partial<Assignment> = {}): Task {
  return {
    id: TASK_ID, year: 2025, title: '2025年度上报', kinds, instructions: '', opensOn: '2025-01-01', dueOn: '2099-12-31', closesOn: '2099-12-31',
    assignments: [{
      unit: UNIT, state: 'NOT_STARTED', rounds: 0, late: false, overdue: false, version: 1, extendedTo: null, reminders: 0, lastRemindedAt: null,
      history: [], draft: null, submissions: [], comments: [], attachments: [], ...a,
    }],
  }
}
const saved = (version: number) => ({ saveReportDraft: { state: 'IN_PROGRESS', rounds: 0, version } })
const stepped = (state: string, version: number) => ({ stepReport: { state, rounds: 1, version } })

/** The labelled field (FormField's .field) that holds the control of a field path. */
const fieldOf = (w: Awaited<ReturnType<typeof mountForm>>, path: string) =>
  w.findAll('.field').find((f) => f.find(`[data-field="${path}"]`).exists())

describe('ReportTaskCard (mounted)', () => {
  it('tells a unit the office reminded it, until it submits', async () => {
    new Server({})
    const reminded = { reminders: 2, lastRemindedAt: '2026-12-02T01:00:00Z' }
    const w = await mountForm(ReportTaskCard, { task: task(['VOLUNTEER_RECORDS'], { state: 'IN_PROGRESS', ...reminded }) })
    expect(w.find('[data-reminded]').text()).toContain('2')
    const done = await mountForm(ReportTaskCard, { task: task(['VOLUNTEER_RECORDS'], { state: 'SUBMITTED', ...reminded }) })
    expect(done.find('[data-reminded]').exists()).toBe(false)
  })

  it('adds and removes rows as cards, and saves only the kinds the task asks for', async () => {
    const srv = new Server({ SaveReportDraft: () => saved(2) })
    const w = await mountForm(ReportTaskCard, { task: task(['VOLUNTEER_RECORDS']) })
    expect(w.find('[data-report-section="assessment"]').exists()).toBe(false)
    await click(w, '[data-action="add-volunteerRecords"]')
    await click(w, '[data-action="add-volunteerRecords"]')
    await click(w, '[data-action="add-volunteerRecords"]')
    expect(w.findAll('[data-row^="volunteerRecords["]')).toHaveLength(3)
    await fill(w, 'volunteerRecords[0].date', '2025-01-02')
    await fill(w, 'volunteerRecords[1].date', '2025-02-03')
    await fill(w, 'volunteerRecords[1].volunteers', '5')
    await fill(w, 'volunteerRecords[1].hours', '2.25')
    await fill(w, 'volunteerRecords[1].method', 'SELF_REPORT')
    await fill(w, 'volunteerRecords[1].campaignCode', 'FLOOD720')
    await click(w, '[data-action="remove-volunteerRecords-2"]')
    await click(w, '[data-action="remove-volunteerRecords-0"]')
    expect(w.findAll('[data-row^="volunteerRecords["]')).toHaveLength(1)
    await click(w, '[data-action="save-draft"]')
    expect(srv.last('SaveReportDraft')).toEqual({
      taskId: TASK_ID, unitId: UNIT.id, expectedVersion: 1,
      content: { volunteerRecords: [{ date: '2025-02-03', volunteers: 5, hours: 2.25, method: 'SELF_REPORT', campaignCode: 'FLOOD720' }] },
    })
    expect(w.find('[data-report-notice]').text()).toContain('草稿已保存')
    expect(w.emitted('changed')).toHaveLength(1)
  })

  it('shows the server\'s refusal beside the field it names, and one naming no field of the editor at the card\'s foot', async () => {
    const srv = new Server({ SaveReportDraft: () => fieldError('volunteerRecords[1].date', '日期 2025-13-01 不在任务年度 2025 内') })
    const w = await mountForm(ReportTaskCard, { task: task(['VOLUNTEER_RECORDS', 'ASSESSMENT_SCORES'], { state: 'IN_PROGRESS', draft: { savedBy: 'u', savedAt: '2026-12-01T00:00:00Z', warnings: [], content: TWO_RECORDS } }) })
    await fill(w, 'volunteerRecords[1].volunteers', '9')
    await click(w, '[data-action="save-draft"]')
    expect(srv.sent('SaveReportDraft')).toHaveLength(1)
    expectFieldError(w, 'volunteerRecords[1].date', '日期 2025-13-01 不在任务年度 2025 内')
    expect(fieldOf(w, 'volunteerRecords[1].date')?.find('[data-error-for]').exists()).toBe(true)
    expect(fieldOf(w, 'volunteerRecords[0].date')?.find('[data-error-for]').exists()).toBe(false)
    expect(w.find('[data-report-error]').exists()).toBe(false)

    srv.on('SaveReportDraft', () => fieldError('titleApplications', '本任务不要求上报此项内容'))
    await fill(w, 'volunteerRecords[1].volunteers', '10')
    await click(w, '[data-action="save-draft"]')
    expect(w.find('[data-report-error]').text()).toBe('称号申报：本任务不要求上报此项内容')
    expect(w.findAll('[data-error-for]')).toHaveLength(0)
  })

  it('counts the 说明 as it is typed and refuses one over 500 characters before sending', async () => {
    const srv = new Server({ SaveReportDraft: () => saved(2) })
    const w = await mountForm(ReportTaskCard, { task: task(['ASSESSMENT_SCORES']) })
    const hint = () => w.find(`#${w.find('[data-field="assessment.scores[0].note"]').attributes('id')}-hint`).text()
    expect(hint()).toBe('0 / 500 字')
    await fill(w, 'assessment.scores[0].note', '签到表齐全')
    expect(hint()).toBe('5 / 500 字')
    // A character outside the BMP counts once, as the server counts it.
    await fill(w, 'assessment.scores[0].note', '𠀀'.repeat(500))
    expect(hint()).toBe('500 / 500 字')
    await fill(w, 'assessment.baseScore', '85')
    await fill(w, 'assessment.scores[0].code', 'IDEOLOGY')
    await fill(w, 'assessment.scores[0].score', '2')
    await fill(w, 'assessment.scores[0].note', '说'.repeat(501))
    expect(hint()).toBe('501 / 500 字')
    await click(w, '[data-action="save-draft"]')
    expectFieldError(w, 'assessment.scores[0].note', '说明不能超过 500 个字')
    expect(srv.sent('SaveReportDraft')).toEqual([])
    await click(w, '[data-action="add-assessment.scores"]')
    expect(w.findAll('[data-row^="assessment.scores["]')).toHaveLength(2)
  })

  it('puts each comment beside the field its path names, and every comment of the last reviewed round at the top', async () => {
    new Server({})
    const comments = [
      { round: 1, field: 'volunteerRecords[0].hours', author: '旧审核', at: '2026-11-01T00:00:00Z', text: '上一轮的意见' },
      { round: 2, field: 'volunteerRecords[1].hours', author: '审核员', at: '2026-12-01T00:00:00Z', text: '请核实时长' },
      { round: 2, field: 'assessment.scores[0].note', author: '审核员', at: '2026-12-01T00:00:00Z', text: '说明太简略' },
      { round: 2, field: '', author: '审核员', at: '2026-12-01T00:00:00Z', text: '整体请补充' },
    ]
    const w = await mountForm(ReportTaskCard, {
      task: task(['VOLUNTEER_RECORDS', 'ASSESSMENT_SCORES'], { state: 'RETURNED', rounds: 2, comments, draft: { savedBy: 'u', savedAt: '2026-12-01T00:00:00Z', warnings: [], content: TWO_RECORDS } }),
    })
    const beside = fieldOf(w, 'volunteerRecords[1].hours')?.find('[data-comment-for="volunteerRecords[1].hours"]')
    expect(beside?.text()).toContain('请核实时长')
    expect(fieldOf(w, 'assessment.scores[0].note')?.find('[data-comment-for="assessment.scores[0].note"]').text()).toContain('说明太简略')
    // Nothing beside the first record: the earlier round's comment is answered already.
    expect(fieldOf(w, 'volunteerRecords[0].hours')?.find('[data-comment-for]').exists()).toBe(false)
    expect(w.findAll('[data-comment-for]')).toHaveLength(2)
    // The comment is read out with its field.
    const hours = w.find('[data-field="volunteerRecords[1].hours"]')
    expect(hours.attributes('aria-describedby')).toContain(`${hours.attributes('id')}-hint`)
    const top = w.find('[data-review-comments]')
    expect(top.find('[data-review-field="volunteerRecords[1].hours"]').text()).toContain('志愿服务记录 · 第 2 条 · 服务时长（小时）')
    expect(top.find('[data-review-field=""]').text()).toContain('整份上报')
    expect(top.text()).not.toContain('上一轮的意见')
  })

  it('submits after saving the changed draft, at the version the save answered, with both buttons held meanwhile', async () => {
    const srv = new Server({ SaveReportDraft: () => saved(7), StepReport: () => stepped('SUBMITTED', 8) })
    // Hold the save's answer until the test lets it go.
    let release = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const answer = globalThis.fetch
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      if (String(init.body).includes('SaveReportDraft')) await gate
      return answer(url, init)
    })
    const w = await mountForm(ReportTaskCard, { task: task(['VOLUNTEER_RECORDS'], { state: 'IN_PROGRESS', version: 6, draft: { savedBy: 'u', savedAt: '2026-12-01T00:00:00Z', warnings: [], content: TWO_RECORDS } }) })
    await fill(w, 'volunteerRecords[0].hours', '30')
    await w.find('form').trigger('submit')
    expect(w.find('[data-action="submit-report"]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-action="save-draft"]').attributes('disabled')).toBeDefined()
    release()
    await settle()
    expect(srv.last('SaveReportDraft')).toMatchObject({ expectedVersion: 6 })
    expect(srv.last('StepReport')).toEqual({ taskId: TASK_ID, unitId: UNIT.id, action: 'SUBMIT', expectedVersion: 7 })
    expect(srv.calls.map((c) => c.op)).toEqual(['SaveReportDraft', 'StepReport'])
    expect(w.find('[data-action="submit-report"]').attributes('disabled')).toBeUndefined()
    expect(w.emitted('changed')).toHaveLength(1)
  })

  it('shows each warning under the field it names and sends the unit\'s explanation with the draft', async () => {
    const srv = new Server({ SaveReportDraft: () => saved(3) })
    const warnings = [
      { rule: 'HOURS_PER_VOLUNTEER', field: 'volunteerRecords[0].hours', message: '人均服务 3.0 小时，超过每人每天 12 小时', messageEn: 'x', explanation: '' },
      { rule: 'YEAR_ON_YEAR', field: 'volunteerRecords', message: '服务时长是上一年的 6.0 倍', messageEn: 'y', explanation: '' },
    ]
    // The warnings come with a later answer than the one the card was made from, as after a save.
    const w = await mountForm(ReportTaskCard, {
      task: task(['VOLUNTEER_RECORDS'], { state: 'IN_PROGRESS', version: 1, draft: { savedBy: 'u', savedAt: '2026-12-01T00:00:00Z', warnings: [], content: TWO_RECORDS } }),
    })
    expect(w.find('[data-warning-for]').exists()).toBe(false)
    await w.setProps({ task: task(['VOLUNTEER_RECORDS'], { state: 'IN_PROGRESS', version: 2, draft: { savedBy: 'u', savedAt: '2026-12-01T00:00:00Z', warnings, content: TWO_RECORDS } }) })
    expect(fieldOf(w, 'volunteerRecords[0].hours')?.find('[data-warning-for="volunteerRecords[0].hours"]').text()).toContain('超过每人每天 12 小时')
    expect(fieldOf(w, 'volunteerRecords[1].hours')?.find('[data-warning-for]').exists()).toBe(false)
    expect(w.find('[data-report-section="volunteerRecords"] > [data-warning-for="volunteerRecords"]').text()).toContain('6.0 倍')
    expect(w.findAll('[data-report-warnings] [data-warning]')).toHaveLength(2)
    await fill(w, 'explanations.volunteerRecords[0].hours', '含往返路程')
    await click(w, '[data-action="save-draft"]')
    expect(srv.last('SaveReportDraft')).toMatchObject({ content: { explanations: [{ field: 'volunteerRecords[0].hours', text: '含往返路程' }] } })
  })

  it('withdraws a submitted report and offers no editing while it waits', async () => {
    const srv = new Server({ StepReport: () => stepped('IN_PROGRESS', 4) })
    const w = await mountForm(ReportTaskCard, {
      task: task(['VOLUNTEER_RECORDS'], {
        state: 'SUBMITTED', rounds: 1, version: 3,
        submissions: [{ round: 1, submittedBy: 'u', submittedAt: '2026-12-01T00:00:00Z', withdrawn: false, content: TWO_RECORDS }],
      }),
    })
    expect(w.find('[data-action="submit-report"]').exists()).toBe(false)
    expect(w.find('fieldset').attributes('disabled')).toBeDefined()
    expect((w.find('[data-field="volunteerRecords[1].hours"]').element as HTMLInputElement).value).toBe('1.5')
    await click(w, '[data-action="withdraw-report"]')
    expect(srv.last('StepReport')).toEqual({ taskId: TASK_ID, unitId: UNIT.id, action: 'WITHDRAW', expectedVersion: 3 })
  })
})

describe('ReportContentView (mounted)', () => {
  it('sends a comment on the field path whose box was opened, and shows comments beside their fields', async () => {
    const srv = new Server({ CommentReport: (v) => ({ commentReport: { round: 1, field: v.field, author: 'e', at: '2026-12-01T00:00:00Z', text: v.text } }) })
    const w = await mountForm(ReportContentView, {
      content: TWO_RECORDS, kinds: ['VOLUNTEER_RECORDS', 'ASSESSMENT_SCORES'], taskId: TASK_ID, unitId: UNIT.id, version: 4, canComment: true,
      comments: [{ round: 1, field: 'assessment.bonus', author: '审核员', at: '2026-12-01T00:00:00Z', text: '加分依据？' }],
    })
    expect(w.find('[data-view-field="assessment.bonus"] [data-comment-for="assessment.bonus"]').text()).toContain('加分依据？')
    expect(w.find('[data-view-field="volunteerRecords[1].hours"] .view-value').text()).toBe('1.5')
    await click(w, '[data-comment-field="volunteerRecords[1].hours"]')
    expect(w.findAll('[data-comment-box]')).toHaveLength(1)
    await w.find('[data-comment-box="volunteerRecords[1].hours"] input').setValue('请核实时长')
    await w.find('[data-comment-box="volunteerRecords[1].hours"]').trigger('submit')
    await settle()
    expect(srv.last('CommentReport')).toEqual({ taskId: TASK_ID, unitId: UNIT.id, expectedVersion: 4, field: 'volunteerRecords[1].hours', text: '请核实时长' })
    expect(w.emitted('commented')).toHaveLength(1)
    expect(w.find('[data-comment-box]').exists()).toBe(false)
  })

  it('offers no comment box to a reader who may not comment', async () => {
    new Server({})
    const w = await mountForm(ReportContentView, { content: TWO_RECORDS, kinds: ['VOLUNTEER_RECORDS'], taskId: TASK_ID, unitId: UNIT.id })
    expect(w.find('[data-comment-field]').exists()).toBe(false)
  })
})

describe('ReportReviewPanel (mounted)', () => {
  const review = () => ({
    reportTask: { id: TASK_ID, year: 2025, kinds: ['VOLUNTEER_RECORDS'] },
    reportAssignments: {
      edges: [{ node: {
        unit: UNIT, state: 'SUBMITTED', rounds: 2, version: 9, submittedAt: '2026-12-02T00:00:00Z', reviewedBy: null, history: [], comments: [],
        attachments: [{ id: 'QTox', field: '', name: '签到表.pdf', contentType: 'application/pdf', size: 2048, url: '/reports/files/QTox', uploadedBy: 'u', uploadedAt: '2026-12-02T00:00:00Z' }],
        submissions: [
          {
            round: 2, submittedBy: 'u', submittedAt: '2026-12-02T00:00:00Z', withdrawn: false, content: TWO_RECORDS,
            warnings: [{ rule: 'HOURS_PER_VOLUNTEER', field: 'volunteerRecords[0].hours', message: '人均服务 3.0 小时', messageEn: '3.0 hours', explanation: '含往返路程' }],
            changes: [{ kind: 'CHANGED', item: '2025-04-10 按班次', field: '服务时长（小时）', before: '1.5', after: '2' }],
            againstRecords: [{ kind: 'ADDED', item: '志愿服务记录 2025-04-10  SHIFT', field: '', before: '', after: '' }],
          },
          { round: 1, submittedBy: 'u', submittedAt: '2026-12-01T00:00:00Z', withdrawn: false, content: content(), warnings: [], changes: [], againstRecords: [] },
        ],
      } }],
    },
    volunteerRecords: { totalCount: 1, edges: [{ node: { id: 'Vm9sOjE=', date: '2025-01-05', volunteers: 3, hours: 2, method: 'SIGN_IN', campaign: null } }] },
    practiceActivities: { totalCount: 0, edges: [] },
    assessments: { edges: [] },
    honors: { totalCount: 0, edges: [] },
  })

  it('shows the last round beside the unit\'s records with its warnings explained, and approve names that round', async () => {
    const srv = new Server({ ReportReview: review, StepReport: () => stepped('APPROVED', 10) })
    const w = await mountForm(ReportReviewPanel, { taskId: TASK_ID, unitId: UNIT.id, year: 2025, kinds: ['VOLUNTEER_RECORDS'] })
    expect(srv.last('ReportReview')).toEqual({ taskId: TASK_ID, unitId: UNIT.id, year: 2025 })
    expect(w.find('[data-review-against-records] [data-change="ADDED"]').text()).toContain('2025-04-10')
    expect(w.find('[data-review-submitted] h3').text()).toContain('第 2 次上报')
    expect(w.find('[data-current-count="volunteerRecords"]').text()).toBe('1')
    // Each warning beside the unit's explanation of it.
    expect(w.find('[data-review-warning="volunteerRecords[0].hours"]').text()).toContain('人均服务 3.0 小时')
    expect(w.find('[data-review-explanation="volunteerRecords[0].hours"]').text()).toBe('含往返路程')
    // What changed since round 1, and the unit's evidence, without a way to remove it.
    expect(w.find('[data-review-changes] h4').text()).toContain('第 1 次上报')
    expect(w.find('[data-change="CHANGED"]').text()).toContain('1.5 → 2')
    expect(w.find('[data-attachment="签到表.pdf"] a').attributes('href')).toBe('/reports/files/QTox')
    expect(w.find('[data-attachment="签到表.pdf"] button').exists()).toBe(false)
    await click(w, '[data-action="review-approve"]')
    expect(srv.last('StepReport')).toEqual({ taskId: TASK_ID, unitId: UNIT.id, action: 'APPROVE', expectedVersion: 9, round: 2 })
    expect(w.emitted('changed')).toHaveLength(1)
  })

  it('returns with the comment typed for the unit', async () => {
    const srv = new Server({ ReportReview: review, StepReport: () => stepped('RETURNED', 10) })
    const w = await mountForm(ReportReviewPanel, { taskId: TASK_ID, unitId: UNIT.id, year: 2025, kinds: ['VOLUNTEER_RECORDS'] })
    await fill(w, 'return-comment', '请补充第三季度')
    await w.find('[data-form="review"]').trigger('submit')
    await settle()
    expect(srv.last('StepReport')).toEqual({ taskId: TASK_ID, unitId: UNIT.id, action: 'RETURN', expectedVersion: 9, comment: '请补充第三季度' })
  })
})

describe('ReportDraftImport (mounted)', () => {
  const report = (p: Record<string, unknown>) => ({ rows: 2, valid: 1, errorCount: 0, written: false, errors: [], ...p })
  async function upload(w: Awaited<ReturnType<typeof mountForm>>) {
    const input = w.find('[data-field="draft-file"]')
    Object.defineProperty(input.element, 'files', { value: [new File(['单位名称\n'], 'draft.csv', { type: 'text/csv' })], configurable: true })
    await input.trigger('change')
    await click(w, '[data-action="import-draft"]')
  }

  it('lists each refused row and saves nothing', async () => {
    const srv = new Server({
      ImportReportDraft: () => ({
        importReportDraft: {
          report: report({ errorCount: 1, errors: [{ row: 3, column: 'A', field: '单位名称', message: '不是本单位：明远工作委员会', messageEn: 'not your unit' }] }),
          assignment: null,
        },
      }),
    })
    const w = await mountForm(ReportDraftImport, { taskId: TASK_ID, unitId: UNIT.id, version: 5, kind: 'VOLUNTEER_RECORDS' })
    expect(w.find('[data-action="draft-template"]').attributes('href')).toBe('/templates/volunteer-records.xlsx')
    await upload(w)
    expect(srv.last('ImportReportDraft')).toMatchObject({ taskId: TASK_ID, unitId: UNIT.id, expectedVersion: 5, kind: 'VOLUNTEER_RECORDS' })
    expect(w.find('[data-import-row="3"]').text()).toBe('第 3 行 · 单位名称：不是本单位：明远工作委员会')
    expect(w.emitted('imported')).toBeUndefined()
  })

  it('says how many rows the saved draft took', async () => {
    new Server({ ImportReportDraft: () => ({ importReportDraft: { report: report({ rows: 2, valid: 2, written: true }), assignment: { state: 'IN_PROGRESS', version: 6 } } }) })
    const w = await mountForm(ReportDraftImport, { taskId: TASK_ID, unitId: UNIT.id, version: 5, kind: 'ACTIVITIES' })
    await upload(w)
    expect(w.find('[data-import-done]').text()).toContain('2 条')
    expect(w.emitted('imported')).toEqual([[2]])
  })

  it('asks for a file before sending anything', async () => {
    const srv = new Server({})
    const w = await mountForm(ReportDraftImport, { taskId: TASK_ID, unitId: UNIT.id, version: 5, kind: 'ACTIVITIES' })
    await click(w, '[data-action="import-draft"]')
    expect(w.find('[role="alert"]').text()).toContain('请先选择文件')
    expect(srv.calls).toEqual([])
  })
})

describe('ReportAttachments on the task card (mounted)', () => {
  it('uploads an evidence file for the whole report and removes one, while the draft may change', async () => {
    const srv = new Server({ AttachReportFile: () => ({ attachReportFile: { id: 'QToy', name: 'photo.png' } }), DetachReportFile: () => ({ detachReportFile: true }) })
    const files = [{ id: 'QTox', field: '', name: '签到表.pdf', contentType: 'application/pdf', size: 2048, url: '/reports/files/QTox', uploadedBy: 'u', uploadedAt: '2026-12-02T00:00:00Z' }]
    const w = await mountForm(ReportTaskCard, { task: task(['VOLUNTEER_RECORDS'], { state: 'IN_PROGRESS', attachments: files }) })
    const input = w.find('[data-field="attachment"]')
    Object.defineProperty(input.element, 'files', { value: [new File(['png'], 'photo.png', { type: 'image/png' })], configurable: true })
    await input.trigger('change')
    await settle()
    expect(srv.last('AttachReportFile')).toMatchObject({ taskId: TASK_ID, unitId: UNIT.id, field: '' })
    await click(w, '[data-action="detach-签到表.pdf"]')
    expect(srv.last('DetachReportFile')).toEqual({ id: 'QTox' })
    expect(w.emitted('changed')).toHaveLength(2)
  })

  it('files a piece of evidence under the item it supports', async () => {
    const srv = new Server({ AttachReportFile: () => ({ attachReportFile: { id: 'QToz', name: 'scan.pdf' } }) })
    const w = await mountForm(ReportTaskCard, { task: task(['VOLUNTEER_RECORDS'], { state: 'IN_PROGRESS', draft: { savedBy: 'u', savedAt: '2026-12-02T00:00:00Z', warnings: [], content: TWO_RECORDS } }) })
    const options = w.findAll('[data-field="attachment-for"] option').map((o) => o.attributes('value'))
    expect(options).toEqual(['', 'volunteerRecords[0]', 'volunteerRecords[1]'])
    await w.find('[data-field="attachment-for"]').setValue('volunteerRecords[1]')
    const input = w.find('[data-field="attachment"]')
    Object.defineProperty(input.element, 'files', { value: [new File(['%PDF'], 'scan.pdf', { type: 'application/pdf' })], configurable: true })
    await input.trigger('change')
    await settle()
    expect(srv.last('AttachReportFile')).toMatchObject({ field: 'volunteerRecords[1]' })
  })

  it('offers no upload once the report is submitted', async () => {
    new Server({})
    const w = await mountForm(ReportTaskCard, { task: task(['VOLUNTEER_RECORDS'], { state: 'SUBMITTED', rounds: 1 }) })
    expect(w.find('[data-field="attachment"]').exists()).toBe(false)
  })
})
