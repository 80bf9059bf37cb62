// @vitest-environment happy-dom
// ExcellentCaseForm mounted: create, a server field error beside its field, a stale version reloaded and saved again.
// Deleting and restoring a case is not in this form (the record page asks, calls deleteExcellentCase and offers 恢复).
import { describe, expect, it } from 'vitest'
import ExcellentCaseForm from '../../src/components/forms/ExcellentCaseForm.vue'
import type { CaseRow } from '../../src/lib/forms/articleSpecs'
import { click, expectFieldError, fieldError, fill, mountForm, pickUnit, Server, staleError, submit, UNIT, unitSearch, value } from './support'

const ID = 'RXhjZWxsZW50Q2FzZToy'
const COMP = { id: 'Q2FzZUNvbXBpbGF0aW9uOjE=', title: '优秀案例汇编（演示）', demo: true }
const compilations = () => ({ caseCompilations: [COMP] })
const row = (v: number, p: Partial<CaseRow> = {}): CaseRow => ({
  id: ID, title: '社区微治理', year: 2022, summary: '楼栋议事', demo: true, version: v, compilation: { id: COMP.id, title: COMP.title }, unit: UNIT, ...p,
})
const answer = (op: string, v: number) => ({ [op]: { id: ID, title: '社区微治理', version: v, demo: true } })

describe('ExcellentCaseForm (mounted)', () => {
  it('creates a case from the filled-in fields', async () => {
    const srv = new Server({ CaseCompilationOptions: compilations, UnitSearch: unitSearch, CreateExcellentCase: () => answer('createExcellentCase', 1) })
    const w = await mountForm(ExcellentCaseForm, { item: null })
    await fill(w, 'compilationId', COMP.id)
    await fill(w, 'title', '社区微治理')
    await pickUnit(w, 'cf-unitId', UNIT.name)
    await fill(w, 'year', '2022')
    await fill(w, 'summary', '楼栋议事')
    await submit(w)
    expect(srv.last('CreateExcellentCase')).toEqual({ input: { compilationId: COMP.id, title: '社区微治理', unitId: UNIT.id, year: 2022, summary: '楼栋议事' } })
    expect(w.emitted('saved')?.[0]).toEqual([{ id: ID, created: true, label: '社区微治理', version: 1 }])
  })

  it('edits: shows the server field error beside its field', async () => {
    const srv = new Server({ CaseCompilationOptions: compilations, UpdateExcellentCase: () => fieldError('year', '案例年份晚于汇编出版之年') })
    const w = await mountForm(ExcellentCaseForm, { item: row(2) })
    await fill(w, 'year', '2024')
    await submit(w)
    expect(srv.last('UpdateExcellentCase')).toMatchObject({ id: ID, expectedVersion: 2, input: { year: 2024, compilationId: COMP.id } })
    expectFieldError(w, 'year', '案例年份晚于汇编出版之年')
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    const srv = new Server({
      CaseCompilationOptions: compilations,
      UpdateExcellentCase: (v) => (v.expectedVersion === 2 ? staleError('优秀案例', 3, 2) : answer('updateExcellentCase', 4)),
      ExcellentCaseForEdit: () => ({ node: row(3, { summary: '楼栋议事会', year: 2021 }) }),
    })
    const w = await mountForm(ExcellentCaseForm, { item: row(2) })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(value(w, 'summary')).toBe('楼栋议事会')
    expect(value(w, 'year')).toBe('2021')
    await submit(w)
    expect(srv.last('UpdateExcellentCase')).toMatchObject({ expectedVersion: 3, input: { summary: '楼栋议事会', year: 2021 } })
    expect(w.emitted('saved')).toHaveLength(1)
  })
})
