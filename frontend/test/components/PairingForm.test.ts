// @vitest-environment happy-dom
// PairingForm mounted: create with its contents, a server field error beside its field, a stale version reloaded and
// saved again, delete (asks first) to the recycle bin and an admin's restore from the notice.
import { describe, expect, it } from 'vitest'
import PairingForm from '../../src/components/forms/PairingForm.vue'
import { binOf, centers, click, deleteThenRestore, expectFieldError, fieldError, fill, mountForm, pickUnit, Server, staleError, submit, UNIT, unitSearch, value } from './support'

const ID = 'UGFpcmluZzo1'
const stored = (v: number, p: Record<string, unknown> = {}) => ({
  id: ID, version: v, demo: true, township: '演示乡', sinceYear: 2021, contents: ['POLICY', 'HEALTH'], unit: UNIT, center: null, ...p,
})
const answer = (op: string, v: number) => ({ [op]: { id: ID, township: '演示乡', version: v } })
const checked = (w: Awaited<ReturnType<typeof mountForm>>, c: string) => (w.find(`[data-field="contents-${c}"]`).element as HTMLInputElement).checked

describe('PairingForm (mounted)', () => {
  it('creates a pairing with its contents', async () => {
    const srv = new Server({ PracticeCenterOptions: centers, UnitSearch: unitSearch, CreatePairing: () => answer('createPairing', 1) })
    const w = await mountForm(PairingForm, {})
    await pickUnit(w, 'pf-unit', UNIT.name)
    await fill(w, 'township', '某乡')
    await fill(w, 'sinceYear', '2022')
    await fill(w, 'contents-WARMTH', true)
    await fill(w, 'contents-CULTURE', true)
    await submit(w)
    expect(srv.last('CreatePairing')).toEqual({ input: { unitId: UNIT.id, township: '某乡', centerId: null, sinceYear: 2022, contents: ['CULTURE', 'WARMTH'] } })
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('edits: shows the server field error beside its field', async () => {
    const srv = new Server({ PracticeCenterOptions: centers, PairingForEdit: () => ({ node: stored(2) }), UpdatePairing: () => fieldError('township', '乡镇名称不能超过 200 个字') })
    const w = await mountForm(PairingForm, { id: ID })
    expect(checked(w, 'HEALTH')).toBe(true)
    await fill(w, 'township', '演示乡二')
    await submit(w)
    expect(srv.last('UpdatePairing')).toMatchObject({ id: ID, expectedVersion: 2, input: { township: '演示乡二', contents: ['POLICY', 'HEALTH'] } })
    expectFieldError(w, 'township', '乡镇名称不能超过 200 个字')
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    let current = stored(2)
    const srv = new Server({
      PracticeCenterOptions: centers,
      PairingForEdit: () => ({ node: current }),
      UpdatePairing: (v) => (v.expectedVersion === 2 ? staleError('结对', 3, 2) : answer('updatePairing', 4)),
    })
    const w = await mountForm(PairingForm, { id: ID })
    current = stored(3, { township: '演示镇', contents: ['WARMTH'] })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(value(w, 'township')).toBe('演示镇')
    expect(checked(w, 'WARMTH')).toBe(true)
    expect(checked(w, 'HEALTH')).toBe(false)
    await submit(w)
    expect(srv.last('UpdatePairing')).toMatchObject({ expectedVersion: 3, input: { township: '演示镇', contents: ['WARMTH'] } })
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('deletes after asking, with the version, and an admin restores it', async () => {
    const srv = new Server({ PracticeCenterOptions: centers, PairingForEdit: () => ({ node: stored(2) }), DeletePairing: () => ({ deletePairing: binOf(ID) }) })
    const w = await mountForm(PairingForm, { id: ID })
    await deleteThenRestore(w, srv, 'pairing', 'DeletePairing', { id: ID, expectedVersion: 2 })
  })
})
