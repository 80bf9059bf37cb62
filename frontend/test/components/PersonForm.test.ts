// @vitest-environment happy-dom
// PersonForm mounted: create, a server field error beside its field, a stale version reloaded and saved again,
// delete (asks first) to the recycle bin and restore from it.
import { describe, expect, it } from 'vitest'
import PersonForm from '../../src/components/forms/PersonForm.vue'
import {
  binEntry, click, expectFieldError, fieldError, fill, mountForm, pickUnit, restored, Server, signIn, staleError, submit, UNIT, unitSearch, value,
} from './support'

const ID = 'UGVyc29uOjM='
const stored = (v: number, p: Record<string, unknown> = {}) => ({ id: ID, name: '林青禾（演示）', citation: '见义勇为', demo: true, version: v, unit: UNIT, ...p })
const answer = (op: string, v: number) => ({ [op]: { id: ID, name: '林青禾（演示）', version: v, demo: true } })

describe('PersonForm (mounted)', () => {
  it('creates a person from the filled-in fields', async () => {
    const srv = new Server({ UnitSearch: unitSearch, CreatePerson: () => answer('createPerson', 1) })
    const w = await mountForm(PersonForm, {})
    await fill(w, 'name', ' 林青禾（演示） ')
    await pickUnit(w, 'pf-unit', UNIT.name)
    await fill(w, 'citation', '见义勇为')
    await submit(w)
    expect(srv.last('CreatePerson')).toEqual({ input: { name: '林青禾（演示）', unitId: UNIT.id, citation: '见义勇为' } })
    expect(w.emitted('saved')?.[0]).toEqual(['已新增「林青禾（演示）」。'])
  })

  it('edits: shows the server field error beside its field', async () => {
    const srv = new Server({ PersonForEdit: () => ({ node: stored(2) }), UpdatePerson: () => fieldError('citation', '事迹简介含有不允许的字符') })
    const w = await mountForm(PersonForm, { id: ID })
    expect(value(w, 'name')).toBe('林青禾（演示）')
    await fill(w, 'citation', '见义勇为，救起落水儿童')
    await submit(w)
    expect(srv.last('UpdatePerson')).toEqual({ id: ID, expectedVersion: 2, input: { name: '林青禾（演示）', unitId: UNIT.id, citation: '见义勇为，救起落水儿童' } })
    expectFieldError(w, 'citation', '事迹简介含有不允许的字符')
    expect(w.emitted('saved')).toBeUndefined()
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    let current = stored(2)
    const srv = new Server({
      PersonForEdit: () => ({ node: current }),
      UpdatePerson: (v) => (v.expectedVersion === 2 ? staleError('人物', 3, 2) : answer('updatePerson', 4)),
    })
    const w = await mountForm(PersonForm, { id: ID })
    current = stored(3, { name: '林青禾（演示，改）' })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(w.find('[data-conflict]').exists()).toBe(false)
    expect(value(w, 'name')).toBe('林青禾（演示，改）')
    await submit(w)
    expect(srv.last('UpdatePerson')).toMatchObject({ expectedVersion: 3, input: { name: '林青禾（演示，改）' } })
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('deletes after asking, with the version, and an admin restores it', async () => {
    signIn('ADMIN')
    const srv = new Server({
      PersonForEdit: () => ({ node: stored(2) }),
      DeletePerson: (v) => ({ deletePerson: binEntry('PERSON', String(v.id)) }),
      RestoreRecord: () => restored('PERSON', ID),
    })
    const w = await mountForm(PersonForm, { id: ID })
    await click(w, '[data-action="delete-record"]')
    expect(srv.sent('DeletePerson')).toEqual([])
    await click(w, '[data-action="confirm-delete"]')
    expect(srv.last('DeletePerson')).toEqual({ id: ID, expectedVersion: 2 })
    expect(w.emitted('deleted')?.[0]?.[0]).toMatch(/^已删除「林青禾（演示）」/)
    await click(w, '[data-action="restore-record"]')
    expect(srv.last('RestoreRecord')).toEqual({ id: 'RGVsZXRlZFJlY29yZDo5' })
    expect(w.find('[data-deleted-note]').exists()).toBe(false)
    expect(w.emitted('saved')).toHaveLength(1)
  })
})
