// @vitest-environment happy-dom
// CivilisationEventForm mounted: create, a server field error beside its field, a stale version reloaded and saved
// again. Deleting and restoring an event is not in this form (the record page asks, deletes and offers 恢复).
import { describe, expect, it } from 'vitest'
import CivilisationEventForm from '../../src/components/forms/CivilisationEventForm.vue'
import type { EventRow } from '../../src/lib/forms/articleSpecs'
import { click, expectFieldError, fieldError, fill, mountForm, Server, staleError, submit, value } from './support'

const ID = 'Q2l2aWxpc2F0aW9uRXZlbnQ6NA=='
const row = (v: number, p: Partial<EventRow> = {}): EventRow => ({
  id: ID, kind: 'TRAINING', title: '文明单位创建培训班', date: '2023-04-12', place: '郑州', quote: '', demo: true, version: v, source: null, ...p,
})
const answer = (op: string, v: number) => ({ [op]: { id: ID, title: '文明单位创建培训班', version: v, demo: true } })

describe('CivilisationEventForm (mounted)', () => {
  it('creates an event from the filled-in fields', async () => {
    const srv = new Server({ CreateCivilisationEvent: () => answer('createCivilisationEvent', 1) })
    const w = await mountForm(CivilisationEventForm, { event: null })
    await fill(w, 'kind', 'TRAINING')
    await fill(w, 'title', ' 文明单位创建培训班 ')
    await fill(w, 'place', '郑州')
    await submit(w)
    expect(srv.last('CreateCivilisationEvent')).toEqual({ input: { kind: 'TRAINING', title: '文明单位创建培训班', date: null, place: '郑州' } })
    expect(w.emitted('saved')?.[0]).toEqual([{ id: ID, created: true, label: '文明单位创建培训班', version: 1 }])
  })

  it('edits: shows the server field error beside its field', async () => {
    const srv = new Server({ UpdateCivilisationEvent: () => fieldError('date', '日期的年份须在 1949 到 2100 之间：1900-01-01') })
    const w = await mountForm(CivilisationEventForm, { event: row(2) })
    await fill(w, 'place', '开封')
    await submit(w)
    expect(srv.last('UpdateCivilisationEvent')).toEqual({ id: ID, expectedVersion: 2, input: { kind: 'TRAINING', title: '文明单位创建培训班', date: '2023-04-12', place: '开封' } })
    expectFieldError(w, 'date', '日期的年份须在 1949 到 2100 之间：1900-01-01')
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    const srv = new Server({
      UpdateCivilisationEvent: (v) => (v.expectedVersion === 2 ? staleError('活动', 3, 2) : answer('updateCivilisationEvent', 4)),
      CivilisationEventForEdit: () => ({ node: { ...row(3, { kind: 'PROGRESS_MEETING', place: '洛阳' }), dated: true } }),
    })
    const w = await mountForm(CivilisationEventForm, { event: row(2) })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(value(w, 'kind')).toBe('PROGRESS_MEETING')
    expect(value(w, 'place')).toBe('洛阳')
    await submit(w)
    expect(srv.last('UpdateCivilisationEvent')).toMatchObject({ expectedVersion: 3, input: { kind: 'PROGRESS_MEETING', place: '洛阳' } })
    expect(w.emitted('saved')).toHaveLength(1)
  })
})
