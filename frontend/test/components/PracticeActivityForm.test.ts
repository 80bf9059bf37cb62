// @vitest-environment happy-dom
// PracticeActivityForm mounted: create, a server field error beside its field, a stale version reloaded and saved
// again, delete (asks first) to the recycle bin and an admin's restore from the notice.
import { describe, expect, it } from 'vitest'
import PracticeActivityForm from '../../src/components/forms/PracticeActivityForm.vue'
import {
  binOf, CENTER, centers, click, deleteThenRestore, expectFieldError, fieldError, fill, mountForm, pickUnit, Server, staleError, submit, UNIT, unitSearch, value,
} from './support'

const ID = 'UHJhY3RpY2VBY3Rpdml0eTo4'
const stored = (v: number, p: Record<string, unknown> = {}) => ({
  id: ID, version: v, demo: true, date: '2024-05-10', kind: 'PROMOTION_WEEK', theme: '推动周宣讲', sessions: 2, participants: 120, action: 'THEORY', unit: UNIT, center: null, ...p,
})
const answer = (op: string, v: number) => ({ [op]: { id: ID, date: '2024-05-10', theme: '推动周宣讲', version: v } })

describe('PracticeActivityForm (mounted)', () => {
  it('creates an activity from the filled-in fields', async () => {
    const srv = new Server({ PracticeCenterOptions: centers, UnitSearch: unitSearch, CreatePracticeActivity: () => answer('createPracticeActivity', 1) })
    const w = await mountForm(PracticeActivityForm, {})
    await pickUnit(w, 'af-unit', UNIT.name)
    await fill(w, 'theme', ' 推动周宣讲 ')
    await fill(w, 'date', '2024-05-10')
    await fill(w, 'kind', 'PROMOTION_WEEK')
    await fill(w, 'sessions', '2')
    await fill(w, 'participants', '120')
    await fill(w, 'centerId', CENTER.id)
    await fill(w, 'action', 'THEORY')
    await submit(w)
    expect(srv.last('CreatePracticeActivity')).toEqual({
      input: { unitId: UNIT.id, centerId: CENTER.id, date: '2024-05-10', kind: 'PROMOTION_WEEK', theme: '推动周宣讲', sessions: 2, participants: 120, action: 'THEORY' },
    })
    expect(w.emitted('saved')?.[0]).toEqual(['已新增「2024-05-10 推动周宣讲」。'])
  })

  it('edits: shows the server field error beside its field', async () => {
    const srv = new Server({ PracticeCenterOptions: centers, PracticeActivityForEdit: () => ({ node: stored(2) }), UpdatePracticeActivity: () => fieldError('participants', '参与人次过大：3000000000') })
    const w = await mountForm(PracticeActivityForm, { id: ID })
    expect(value(w, 'theme')).toBe('推动周宣讲')
    await fill(w, 'participants', '150')
    await submit(w)
    expect(srv.last('UpdatePracticeActivity')).toMatchObject({ id: ID, expectedVersion: 2, input: { participants: 150 } })
    expectFieldError(w, 'participants', '参与人次过大：3000000000')
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    let current = stored(2)
    const srv = new Server({
      PracticeCenterOptions: centers,
      PracticeActivityForEdit: () => ({ node: current }),
      UpdatePracticeActivity: (v) => (v.expectedVersion === 2 ? staleError('实践活动', 3, 2) : answer('updatePracticeActivity', 4)),
    })
    const w = await mountForm(PracticeActivityForm, { id: ID })
    current = stored(3, { theme: '推动周理论宣讲', sessions: 3 })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(value(w, 'theme')).toBe('推动周理论宣讲')
    expect(value(w, 'sessions')).toBe('3')
    await submit(w)
    expect(srv.last('UpdatePracticeActivity')).toMatchObject({ expectedVersion: 3, input: { theme: '推动周理论宣讲', sessions: 3 } })
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('deletes after asking, with the version, and an admin restores it', async () => {
    const srv = new Server({ PracticeCenterOptions: centers, PracticeActivityForEdit: () => ({ node: stored(2) }), DeletePracticeActivity: () => ({ deletePracticeActivity: binOf(ID) }) })
    const w = await mountForm(PracticeActivityForm, { id: ID })
    await deleteThenRestore(w, srv, 'activity', 'DeletePracticeActivity', { id: ID, expectedVersion: 2 })
  })
})
