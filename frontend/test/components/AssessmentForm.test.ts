// @vitest-environment happy-dom
// AssessmentForm mounted: create with indicator scores, a server field error beside its field, a stale version
// reloaded and saved again, delete (asks first) to the recycle bin and restore from it.
import { describe, expect, it } from 'vitest'
import AssessmentForm from '../../src/components/forms/AssessmentForm.vue'
import {
  binEntry, click, deleteAndRestore, expectFieldError, fieldError, fill, mountForm, pickUnit, restored, Server, signIn, staleError, submit, UNIT,
  unitSearch, value,
} from './support'

const ID = 'QXNzZXNzbWVudDo0'
const indicators = (v: Record<string, unknown>) => ({
  assessmentIndicators: [
    { year: v.year, code: 'A1', nameZh: '思想道德建设', nameEn: 'Ethics', maxScore: 20, basis: 'OFFICE' },
    { year: v.year, code: 'A2', nameZh: '志愿服务', nameEn: 'Volunteering', maxScore: 30, basis: 'OFFICE' },
  ],
})
const stored = (v: number, p: Record<string, unknown> = {}) => ({
  id: ID, year: 2024, baseScore: 88, bonus: 2, veto: false, total: 90, stage: 'SITE_VISIT', demo: true, version: v, unit: UNIT,
  scores: [{ code: 'A1', score: 18, maxScore: 20 }], ...p,
})
const answer = (op: string, v: number) => ({ [op]: { id: ID, year: 2024, total: 90, version: v, demo: true, unit: { id: UNIT.id, name: UNIT.name } } })

describe('AssessmentForm (mounted)', () => {
  it('creates an assessment with its indicator scores', async () => {
    const srv = new Server({ AssessmentIndicators: indicators, UnitSearch: unitSearch, CreateAssessment: () => answer('createAssessment', 1) })
    const w = await mountForm(AssessmentForm, { year: 2025 })
    await pickUnit(w, 'af-unit', UNIT.name)
    await fill(w, 'stage', 'NAMED')
    await w.find('[data-score="A1"]').setValue('18')
    await w.find('[data-score="A2"]').setValue('27.5')
    await fill(w, 'baseScore', '92')
    await fill(w, 'bonus', '3')
    await submit(w)
    expect(srv.last('AssessmentIndicators')).toEqual({ year: 2025 })
    expect(srv.last('CreateAssessment')).toEqual({
      input: { unitId: UNIT.id, year: 2025, baseScore: 92, bonus: 3, veto: false, stage: 'NAMED', scores: [{ code: 'A1', score: 18 }, { code: 'A2', score: 27.5 }] },
    })
    expect(w.emitted('saved')?.[0]?.[0]).toContain(`${UNIT.name} 2024`)
  })

  it('edits: shows the server field error beside its field', async () => {
    const srv = new Server({ AssessmentIndicators: indicators, AssessmentForEdit: () => ({ node: stored(2) }), UpdateAssessment: () => fieldError('bonus', '加分须有批准文件') })
    const w = await mountForm(AssessmentForm, { id: ID })
    expect(value(w, 'baseScore')).toBe('88')
    expect((w.find('[data-score="A1"]').element as HTMLInputElement).value).toBe('18')
    await fill(w, 'bonus', '5')
    await submit(w)
    expect(srv.last('UpdateAssessment')).toEqual({
      id: ID, expectedVersion: 2, input: { unitId: UNIT.id, year: 2024, baseScore: 88, bonus: 5, veto: false, stage: 'SITE_VISIT', scores: [{ code: 'A1', score: 18 }] },
    })
    expectFieldError(w, 'bonus', '加分须有批准文件')
    expect(w.emitted('saved')).toBeUndefined()
  })

  it('marks the indicator a server scores error names', async () => {
    new Server({ AssessmentIndicators: indicators, AssessmentForEdit: () => ({ node: stored(2) }), UpdateAssessment: () => fieldError('scores', '指标 A2 的得分不能为负数：-1') })
    const w = await mountForm(AssessmentForm, { id: ID })
    await w.find('[data-score="A2"]').setValue('25')
    await submit(w)
    expect(w.find('[data-error-for="scores"]').text()).toBe('指标 A2 的得分不能为负数：-1')
    expect(w.find('[data-score="A2"]').attributes('aria-invalid')).toBe('true')
    expect(w.find('[data-score="A2"]').attributes('aria-describedby')).toBe('af-scores-err')
    expect(w.find('[data-score="A1"]').attributes('aria-invalid')).toBeUndefined()
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    let current = stored(2)
    const srv = new Server({
      AssessmentIndicators: indicators,
      AssessmentForEdit: () => ({ node: current }),
      UpdateAssessment: (v) => (v.expectedVersion === 2 ? staleError('测评', 3, 2) : answer('updateAssessment', 4)),
    })
    const w = await mountForm(AssessmentForm, { id: ID })
    current = stored(3, { baseScore: 85, veto: true })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(w.find('[data-conflict]').exists()).toBe(false)
    expect(value(w, 'baseScore')).toBe('85')
    expect((w.find('[data-field="veto"]').element as HTMLInputElement).checked).toBe(true)
    await submit(w)
    expect(srv.last('UpdateAssessment')).toMatchObject({ expectedVersion: 3, input: { baseScore: 85, veto: true } })
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('deletes after asking, with the version, and an admin restores it', async () => {
    signIn('ADMIN')
    const srv = new Server({
      AssessmentIndicators: indicators,
      AssessmentForEdit: () => ({ node: stored(2) }),
      DeleteAssessment: () => ({ deleteAssessment: binEntry('ASSESSMENT', ID) }),
      RestoreRecord: () => restored('ASSESSMENT', ID),
    })
    const w = await mountForm(AssessmentForm, { id: ID })
    await deleteAndRestore(w, srv, 'DeleteAssessment', { id: ID, expectedVersion: 2 })
  })
})
