// @vitest-environment happy-dom
// WishForm mounted: create, a server field error beside its field, a stale version reloaded and saved again.
// Deleting and restoring a wish is not in this form (the record page asks, calls deleteWish and offers 恢复).
import { describe, expect, it } from 'vitest'
import WishForm from '../../src/components/forms/WishForm.vue'
import type { WishRow } from '../../src/lib/forms/articleSpecs'
import { click, expectFieldError, fieldError, fill, mountForm, pickUnit, Server, staleError, submit, UNIT, unitSearch, value } from './support'

const ID = 'V2lzaDox'
const row = (v: number, p: Partial<WishRow> = {}): WishRow => ({
  id: ID, title: '一套课桌椅', beneficiary: '演示村', stage: 'CLAIMED', collectedOn: '2023-08-10', note: '', demo: true, version: v,
  pairing: { id: 'UGFpcmluZzo1', township: '演示乡', unit: { name: UNIT.name } }, claimedBy: UNIT, ...p,
})
const answer = (op: string, v: number) => ({ [op]: { id: ID, title: '一套课桌椅', stage: 'CLAIMED', version: v, demo: true } })

describe('WishForm (mounted)', () => {
  it('creates a wish from the filled-in fields', async () => {
    const srv = new Server({ UnitSearch: unitSearch, CreateWish: () => answer('createWish', 1) })
    const w = await mountForm(WishForm, { wish: null })
    await fill(w, 'title', ' 一套课桌椅 ')
    await fill(w, 'beneficiary', '演示村')
    await fill(w, 'collectedOn', '2023-08-10')
    await fill(w, 'stage', 'CLAIMED')
    await pickUnit(w, 'wf-unitId', UNIT.name)
    await fill(w, 'note', '灾后')
    await submit(w)
    expect(srv.last('CreateWish')).toEqual({
      input: { title: '一套课桌椅', beneficiary: '演示村', pairingId: null, stage: 'CLAIMED', unitId: UNIT.id, collectedOn: '2023-08-10', note: '灾后' },
    })
    expect(w.emitted('saved')?.[0]).toEqual([{ id: ID, created: true, label: '一套课桌椅', version: 1 }])
  })

  it('edits: shows the server field error beside its field', async () => {
    const srv = new Server({ UpdateWish: () => fieldError('collectedOn', '征集日期早于结对开始之年') })
    const w = await mountForm(WishForm, { wish: row(2) })
    await fill(w, 'collectedOn', '2019-01-02')
    await submit(w)
    expect(srv.last('UpdateWish')).toMatchObject({ id: ID, expectedVersion: 2, input: { collectedOn: '2019-01-02', pairingId: 'UGFpcmluZzo1', unitId: UNIT.id } })
    expectFieldError(w, 'collectedOn', '征集日期早于结对开始之年')
    expect(w.emitted('saved')).toBeUndefined()
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    const srv = new Server({
      UpdateWish: (v) => (v.expectedVersion === 2 ? staleError('微心愿', 3, 2) : answer('updateWish', 4)),
      WishForEdit: () => ({ node: row(3, { stage: 'FULFILLED', note: '已送达' }) }),
    })
    const w = await mountForm(WishForm, { wish: row(2) })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(w.find('[data-reloaded]').exists()).toBe(true)
    expect(value(w, 'stage')).toBe('FULFILLED')
    expect(value(w, 'note')).toBe('已送达')
    await submit(w)
    expect(srv.last('UpdateWish')).toMatchObject({ expectedVersion: 3, input: { stage: 'FULFILLED', note: '已送达' } })
    expect(w.emitted('saved')?.[0]).toEqual([{ id: ID, created: false, label: '一套课桌椅', version: 4 }])
  })
})
