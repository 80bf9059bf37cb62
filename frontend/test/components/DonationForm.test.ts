// @vitest-environment happy-dom
// DonationForm mounted: create (amount in exact yuan), a server field error beside its field, a stale version
// reloaded and saved again, delete (asks first) to the recycle bin and an admin's restore from the notice.
import { describe, expect, it } from 'vitest'
import DonationForm from '../../src/components/forms/DonationForm.vue'
import { binOf, click, deleteThenRestore, expectFieldError, fieldError, fill, mountForm, pickUnit, Server, staleError, submit, UNIT, unitSearch, value } from './support'

const CAMP = { id: 'Q2FtcGFpZ246Mg==', code: 'FLOOD2021', nameZh: '“7·20”抗洪救灾', nameEn: '7·20 flood relief', startDate: '2021-07-20', endDate: '2021-09-30' }
const campaigns = () => ({ campaigns: [CAMP] })
const ID = 'RG9uYXRpb246NDI='
const stored = (v: number, p: Record<string, unknown> = {}) => ({
  id: ID, version: v, demo: true, kind: 'MATERIAL', amount: '1040000', boxes: 7600, batch: 3, date: '2021-07-25', description: '防疫和生活物资',
  campaign: CAMP, unit: UNIT, ...p,
})
const answer = (op: string, v: number) => ({ [op]: { id: ID, amount: '1040000', date: '2021-07-25', version: v } })

describe('DonationForm (mounted)', () => {
  it('creates a donation with the amount as typed, in exact yuan', async () => {
    const srv = new Server({ CampaignOptions: campaigns, UnitSearch: unitSearch, CreateDonation: () => answer('createDonation', 1) })
    const w = await mountForm(DonationForm, {})
    await fill(w, 'campaignId', CAMP.id)
    await w.find('[data-field="kind-MATERIAL"]').setValue(true)
    await fill(w, 'amount', '1,040,000')
    await fill(w, 'boxes', '7600')
    await fill(w, 'batch', '3')
    await fill(w, 'date', '2021-08-01')
    await pickUnit(w, 'df-unit', UNIT.name)
    await fill(w, 'description', '防疫物资')
    await submit(w)
    expect(srv.last('CreateDonation')).toEqual({
      input: { campaignId: CAMP.id, unitId: UNIT.id, kind: 'MATERIAL', amount: '1040000', boxes: 7600, batch: 3, date: '2021-08-01', description: '防疫物资' },
    })
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('edits: shows the server field error beside its field', async () => {
    const msg = '捐赠日期 2021-07-19 不在专项行动的起止日期（2021-07-20 至 2021-09-30）内'
    const srv = new Server({ CampaignOptions: campaigns, DonationForEdit: () => ({ node: stored(2) }), UpdateDonation: () => fieldError('date', msg) })
    const w = await mountForm(DonationForm, { id: ID })
    expect(value(w, 'amount')).toBe('1040000')
    await fill(w, 'description', '生活物资')
    await submit(w)
    expect(srv.last('UpdateDonation')).toMatchObject({ id: ID, expectedVersion: 2, input: { description: '生活物资', amount: '1040000' } })
    expectFieldError(w, 'date', msg)
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    let current = stored(2)
    const srv = new Server({
      CampaignOptions: campaigns,
      DonationForEdit: () => ({ node: current }),
      UpdateDonation: (v) => (v.expectedVersion === 2 ? staleError('捐赠', 3, 2) : answer('updateDonation', 4)),
    })
    const w = await mountForm(DonationForm, { id: ID })
    current = stored(3, { amount: '1050000', boxes: 7700 })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(value(w, 'amount')).toBe('1050000')
    expect(value(w, 'boxes')).toBe('7700')
    await submit(w)
    expect(srv.last('UpdateDonation')).toMatchObject({ expectedVersion: 3, input: { amount: '1050000', boxes: 7700 } })
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('deletes after asking, with the version, and an admin restores it', async () => {
    const srv = new Server({ CampaignOptions: campaigns, DonationForEdit: () => ({ node: stored(2) }), DeleteDonation: () => ({ deleteDonation: binOf(ID) }) })
    const w = await mountForm(DonationForm, { id: ID })
    await deleteThenRestore(w, srv, 'donation', 'DeleteDonation', { id: ID, expectedVersion: 2 })
  })
})
