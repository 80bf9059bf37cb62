// @vitest-environment happy-dom
// VolunteerForm mounted: create, a server field error beside its field, a stale version reloaded and saved again.
// Deleting and restoring a volunteer record is not in this form (the unit page asks and calls deleteVolunteerRecord).
import { describe, expect, it } from 'vitest'
import VolunteerForm from '../../src/components/forms/VolunteerRecordForm.vue'
import type { VolunteerRow } from '../../src/lib/records'
import { click, expectFieldError, fieldError, fill, mountForm, pickUnit, Server, staleError, submit, UNIT, unitSearch, value } from './support'

const ID = 'Vm9sdW50ZWVyUmVjb3JkOjU='
const CAMP = { id: 'Q2FtcGFpZ246OQ==', code: 'FLOOD2025', nameZh: '2025 抗洪', nameEn: '2025 flood relief', startDate: '2025-07-01', endDate: null }
const campaigns = () => ({ campaigns: [CAMP] })
const row = (v: number, p: Record<string, unknown> = {}) =>
  ({ id: ID, date: '2025-03-05', volunteers: 12, hours: 1.5, method: 'SIGN_IN', verified: false, version: v, unit: UNIT, campaign: null, ...p }) as unknown as VolunteerRow
const answer = (name: string, v: number) => ({ [name]: { id: ID, version: v, date: '2025-03-05', hours: 1.5, unit: { id: UNIT.id, name: UNIT.name } } })

describe('VolunteerForm (mounted)', () => {
  it('creates a volunteer record from the filled-in fields', async () => {
    const srv = new Server({ CampaignOptions: campaigns, UnitSearch: unitSearch, CreateVolunteerRecord: () => answer('createVolunteerRecord', 1) })
    const w = await mountForm(VolunteerForm, { record: null })
    await pickUnit(w, 'vf-unit', UNIT.name)
    await fill(w, 'campaignId', CAMP.id)
    await fill(w, 'date', '2025-07-10')
    await fill(w, 'volunteers', '30')
    await fill(w, 'hours', '2.25')
    await fill(w, 'method', 'SHIFT')
    await fill(w, 'verified', true)
    await submit(w)
    expect(srv.last('CreateVolunteerRecord')).toEqual({
      input: { unitId: UNIT.id, campaignId: CAMP.id, date: '2025-07-10', volunteers: 30, hours: 2.25, method: 'SHIFT', verified: true },
    })
    expect(w.emitted('saved')?.[0]?.[0]).toContain(UNIT.name)
  })

  it('shows the server field error beside its field', async () => {
    const srv = new Server({ CampaignOptions: campaigns, UpdateVolunteerRecord: () => fieldError('date', '服务日期不在专项行动期间内') })
    const w = await mountForm(VolunteerForm, { record: row(2) })
    await fill(w, 'campaignId', CAMP.id)
    await submit(w)
    expect(srv.last('UpdateVolunteerRecord')).toMatchObject({ id: ID, expectedVersion: 2, input: { campaignId: CAMP.id, date: '2025-03-05' } })
    expectFieldError(w, 'date', '服务日期不在专项行动期间内')
    expect(w.emitted('saved')).toBeUndefined()
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    const srv = new Server({
      CampaignOptions: campaigns,
      UpdateVolunteerRecord: (v) => (v.expectedVersion === 2 ? staleError('志愿服务记录', 3, 2) : answer('updateVolunteerRecord', 4)),
      VolunteerRecordForEdit: () => ({ node: row(3, { volunteers: 40, hours: 3 }) }),
    })
    const w = await mountForm(VolunteerForm, { record: row(2) })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(value(w, 'volunteers')).toBe('40')
    expect(value(w, 'hours')).toBe('3')
    await submit(w)
    expect(srv.last('UpdateVolunteerRecord')).toMatchObject({ expectedVersion: 3, input: { volunteers: 40, hours: 3 } })
    expect(w.emitted('saved')).toHaveLength(1)
  })
})
