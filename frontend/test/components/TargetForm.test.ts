// @vitest-environment happy-dom
// TargetForm mounted: create, a server field error beside its field, a stale version reloaded and saved again,
// delete (asks first) to the recycle bin and restore from it.
import { describe, expect, it } from 'vitest'
import TargetForm from '../../src/components/forms/TargetForm.vue'
import { binEntry, click, deleteAndRestore, expectFieldError, fieldError, fill, mountForm, restored, Server, signIn, staleError, submit, value } from './support'

const ID = 'VGFyZ2V0OjI='
const stored = (v: number, p: Record<string, unknown> = {}) => ({ id: ID, metric: 'VOLUNTEER_HOURS', year: 2025, value: 120000, demo: false, version: v, basis: 'OFFICE', ...p })
const answer = (op: string, v: number) => ({ [op]: { ...stored(v), demo: undefined } })

describe('TargetForm (mounted)', () => {
  it('creates a target from the filled-in fields', async () => {
    const srv = new Server({ CreateTarget: () => answer('createTarget', 1) })
    const w = await mountForm(TargetForm, {})
    await fill(w, 'metric', 'VOLUNTEER_HOURS')
    await fill(w, 'year', '2026')
    await fill(w, 'value', '150000')
    await submit(w)
    expect(srv.last('CreateTarget')).toEqual({ input: { metric: 'VOLUNTEER_HOURS', year: 2026, value: 150000 } })
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('edits: shows the server field error beside its field', async () => {
    const srv = new Server({ TargetForEdit: () => ({ node: stored(2) }), UpdateTarget: () => fieldError('value', '目标值须在 0 到 1000000000000 之间') })
    const w = await mountForm(TargetForm, { id: ID })
    expect(value(w, 'value')).toBe('120000')
    await fill(w, 'value', '130000')
    await submit(w)
    expect(srv.last('UpdateTarget')).toEqual({ id: ID, expectedVersion: 2, input: { metric: 'VOLUNTEER_HOURS', year: 2025, value: 130000 } })
    expectFieldError(w, 'value', '目标值须在 0 到 1000000000000 之间')
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    let current = stored(2)
    const srv = new Server({
      TargetForEdit: () => ({ node: current }),
      UpdateTarget: (v) => (v.expectedVersion === 2 ? staleError('目标', 3, 2) : answer('updateTarget', 4)),
    })
    const w = await mountForm(TargetForm, { id: ID })
    current = stored(3, { value: 125000 })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(value(w, 'value')).toBe('125000')
    await submit(w)
    expect(srv.last('UpdateTarget')).toMatchObject({ expectedVersion: 3, input: { value: 125000 } })
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('deletes after asking, with the version, and an admin restores it', async () => {
    signIn('ADMIN')
    const srv = new Server({
      TargetForEdit: () => ({ node: stored(2) }),
      DeleteTarget: () => ({ deleteTarget: binEntry('TARGET', ID) }),
      RestoreRecord: () => restored('TARGET', ID),
    })
    const w = await mountForm(TargetForm, { id: ID })
    await deleteAndRestore(w, srv, 'DeleteTarget', { id: ID, expectedVersion: 2 })
  })
})
