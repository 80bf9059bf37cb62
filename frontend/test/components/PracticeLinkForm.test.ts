// @vitest-environment happy-dom
// PracticeLinkForm mounted: create, a server field error beside its field, a stale version reloaded and saved again,
// delete (asks first) to the recycle bin and an admin's restore from the notice.
import { describe, expect, it } from 'vitest'
import PracticeLinkForm from '../../src/components/forms/PracticeLinkForm.vue'
import {
  binOf, CENTER, centers, click, deleteThenRestore, expectFieldError, fieldError, fill, mountForm, pickUnit, Server, staleError, submit, UNIT, unitSearch, value,
} from './support'

const ID = 'UHJhY3RpY2VMaW5rOjM='
const center = { id: CENTER.id, name: CENTER.name, county: CENTER.county }
const stored = (v: number, p: Record<string, unknown> = {}) => ({ id: ID, version: v, demo: false, sinceYear: 2020, unit: UNIT, center, ...p })
const answer = (op: string, v: number) => ({ [op]: { id: ID, sinceYear: 2021, version: v, unit: { id: UNIT.id, name: UNIT.name }, center: { id: center.id, name: center.name } } })

describe('PracticeLinkForm (mounted)', () => {
  it('creates a link from the filled-in fields', async () => {
    const srv = new Server({ PracticeCenterOptions: centers, UnitSearch: unitSearch, CreatePracticeLink: () => answer('createPracticeLink', 1) })
    const w = await mountForm(PracticeLinkForm, {})
    await pickUnit(w, 'lf-unit', UNIT.name)
    await fill(w, 'centerId', CENTER.id)
    await fill(w, 'sinceYear', '2021')
    await submit(w)
    expect(srv.last('CreatePracticeLink')).toEqual({ input: { unitId: UNIT.id, centerId: CENTER.id, sinceYear: 2021 } })
    expect(w.emitted('saved')?.[0]).toEqual([`已新增「${UNIT.name} — ${CENTER.name}」。`])
  })

  it('edits: shows the server field error beside its field', async () => {
    const srv = new Server({ PracticeCenterOptions: centers, PracticeLinkForEdit: () => ({ node: stored(2) }), UpdatePracticeLink: () => fieldError('sinceYear', '年份早于实践中心设立之年') })
    const w = await mountForm(PracticeLinkForm, { id: ID })
    expect(value(w, 'centerId')).toBe(CENTER.id)
    await fill(w, 'sinceYear', '2019')
    await submit(w)
    expect(srv.last('UpdatePracticeLink')).toEqual({ id: ID, expectedVersion: 2, input: { unitId: UNIT.id, centerId: CENTER.id, sinceYear: 2019 } })
    expectFieldError(w, 'sinceYear', '年份早于实践中心设立之年')
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    let current = stored(2)
    const srv = new Server({
      PracticeCenterOptions: centers,
      PracticeLinkForEdit: () => ({ node: current }),
      UpdatePracticeLink: (v) => (v.expectedVersion === 2 ? staleError('实践联系', 3, 2) : answer('updatePracticeLink', 4)),
    })
    const w = await mountForm(PracticeLinkForm, { id: ID })
    current = stored(3, { sinceYear: 2018 })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(value(w, 'sinceYear')).toBe('2018')
    await submit(w)
    expect(srv.last('UpdatePracticeLink')).toMatchObject({ expectedVersion: 3, input: { sinceYear: 2018 } })
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('deletes after asking, with the version, and an admin restores it', async () => {
    const srv = new Server({ PracticeCenterOptions: centers, PracticeLinkForEdit: () => ({ node: stored(2) }), DeletePracticeLink: () => ({ deletePracticeLink: binOf(ID) }) })
    const w = await mountForm(PracticeLinkForm, { id: ID })
    await deleteThenRestore(w, srv, 'link', 'DeletePracticeLink', { id: ID, expectedVersion: 2 })
  })
})
