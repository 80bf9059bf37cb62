// @vitest-environment happy-dom
// UnitForm mounted: create, a server field error beside its field, a duplicate name beside the name, a stale version
// reloaded and saved again. Deleting and restoring a unit is not in this form.
import { describe, expect, it } from 'vitest'
import UnitForm from '../../src/components/forms/UnitForm.vue'
import type { UnitRow } from '../../src/lib/records'
import { click, expectFieldError, fieldError, fill, mountForm, Server, staleError, submit, value } from './support'

const ID = 'VW5pdDoxMg=='
const row = (v: number, p: Record<string, unknown> = {}) =>
  ({ id: ID, name: '青禾事务局（演示001）', kind: '机关', sector: '', serviceWindow: false, campus: false, demo: true, version: v, ...p }) as unknown as UnitRow

describe('UnitForm (mounted)', () => {
  it('creates a unit from the filled-in fields', async () => {
    const srv = new Server({ CreateUnit: () => ({ createUnit: { id: ID, name: '新单位', version: 1 } }) })
    const w = await mountForm(UnitForm, { unit: null })
    await fill(w, 'name', ' 新单位 ')
    await fill(w, 'kind', '医院')
    await fill(w, 'sector', '卫健')
    await fill(w, 'serviceWindow', true)
    await submit(w)
    expect(srv.last('CreateUnit')).toEqual({ input: { name: '新单位', kind: '医院', sector: '卫健', serviceWindow: true } })
    expect(w.emitted('saved')?.[0]?.[0]).toContain('新单位')
  })

  it('shows the server field error beside its field, and a duplicate name beside the name', async () => {
    const srv = new Server({ UpdateUnit: () => fieldError('kind', '该单位有校园类荣誉，类型须为高校或中小学') })
    const w = await mountForm(UnitForm, { unit: row(2) })
    await fill(w, 'kind', '医院')
    await submit(w)
    expect(srv.last('UpdateUnit')).toMatchObject({ id: ID, expectedVersion: 2, input: { kind: '医院' } })
    expectFieldError(w, 'kind', '该单位有校园类荣誉，类型须为高校或中小学')
    srv.on('UpdateUnit', () => ({ errors: [{ message: '同名单位已存在。', extensions: { code: 'CONFLICT' } }] }))
    await submit(w)
    expectFieldError(w, 'name', '同名单位已存在。')
    expect(w.find('[data-conflict]').exists()).toBe(false)
    expect(w.emitted('saved')).toBeUndefined()
  })

  it("edits the unit's contact, and refuses a phone with letters before sending anything", async () => {
    const srv = new Server({ UpdateUnit: () => ({ updateUnit: { id: ID, name: '青禾事务局（演示001）', version: 3 } }) })
    const w = await mountForm(UnitForm, { unit: row(2, { contactName: '王联络', contactPhone: '0571-1234' }) })
    expect(value(w, 'contactName')).toBe('王联络')
    await fill(w, 'contactPhone', '138 abc')
    await submit(w)
    expectFieldError(w, 'contactPhone', '联系电话只能包含数字、空格、- 和 +')
    expect(srv.sent('UpdateUnit')).toHaveLength(0)
    await fill(w, 'contactPhone', ' +86 138-0000-0000 ')
    await submit(w)
    expect(srv.last('UpdateUnit')).toMatchObject({ input: { contactName: '王联络', contactPhone: '+86 138-0000-0000' } })
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    const srv = new Server({
      UpdateUnit: (v) => (v.expectedVersion === 2 ? staleError('单位', 3, 2) : { updateUnit: { id: ID, name: '青禾事务局（演示001）', version: 4 } }),
      UnitForEdit: () => ({ node: row(3, { sector: '政务' }) }),
    })
    const w = await mountForm(UnitForm, { unit: row(2) })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(value(w, 'sector')).toBe('政务')
    await submit(w)
    expect(srv.last('UpdateUnit')).toMatchObject({ expectedVersion: 3, input: { sector: '政务' } })
    expect(w.emitted('saved')).toHaveLength(1)
  })
})
