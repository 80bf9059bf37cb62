// DonationForm: exact yuan (the typed digits go out as the Yuan scalar, never through a float), boxes and batch only
// for materials, the date within the campaign; create, edit with the server's field error, a stale version, delete
// and restore — with gql() mocked.
import { describe, expect, it, vi } from 'vitest'
import { restoreFromBin, useRecordEditor, yuanText } from '../src/lib/forms/recordEditor'
import { blankDonation, donationInput, donationSpec, validateDonation, type CampaignDates } from '../src/lib/forms/campaignAndPracticeSpecs'
import DonationForm from '../src/components/forms/DonationForm.vue'
import { badInput, render, script, stale } from './support/record-form-server'

vi.mock('../src/lib/gql', async (orig) => ({ ...(await orig<typeof import('../src/lib/gql')>()), gql: vi.fn() }))

const CAMP: CampaignDates = { id: 'Q2FtcGFpZ246Mg==', nameZh: '“7·20”抗洪救灾', nameEn: '7·20 flood relief', startDate: '2021-07-20', endDate: '2021-09-30' }
const ID = 'RG9uYXRpb246NDI='
const unit = { id: 'VW5pdDox', name: '青禾事务局（演示001）', kind: '机关', campus: false, serviceWindow: false }
const spec = donationSpec((id) => (id === CAMP.id ? CAMP : null))
const stored = (v: number, p: Record<string, unknown> = {}) => ({
  id: ID, version: v, demo: true, kind: 'MATERIAL', amount: '1040000', boxes: 7600, batch: 3, date: '2021-07-25', description: '防疫和生活物资',
  campaign: CAMP, unit, ...p,
})

describe('yuan, exactly', () => {
  it('keeps the digits typed, with separators dropped', () => {
    expect(yuanText('9999999999')).toBe('9999999999')
    expect(yuanText(' 12,000 ')).toBe('12000')
    expect(yuanText('007')).toBe('7')
    expect(yuanText('1.5')).toBeNull()
    expect(yuanText('1e6')).toBeNull()
    expect(donationInput({ ...blankDonation(CAMP.id), amount: '9007199254740993', date: '2021-08-01' }).amount).toBe('9007199254740993')
  })
})

describe('validateDonation mirrors DonationFields.Validate and CheckCampaignDate', () => {
  const d = (p: Record<string, unknown>) => ({ ...blankDonation(CAMP.id), amount: '5000', date: '2021-08-01', ...p })
  it('cash: more than 0, no boxes or batch', () => {
    expect(validateDonation(d({}), CAMP)).toEqual({})
    expect(validateDonation(d({ amount: '0' }), CAMP).amount).toBe('现金捐赠的金额须大于 0 元')
    expect(validateDonation(d({ amount: '' }), CAMP).amount).toBe('请填写金额（元）')
    expect(validateDonation(d({ boxes: '3' }), CAMP).boxes).toBe('现金捐赠没有箱数，箱数只用于物资')
    expect(validateDonation(d({ batch: '1' }), CAMP).batch).toBe('现金捐赠没有批次，批次只用于物资')
    expect(validateDonation(d({ amount: '12.50' }), CAMP).amount).toBe('金额必须是整数元（如 12000）：12.50')
    expect(validateDonation(d({ amount: '10000000001' }), CAMP).amount).toMatch(/100亿元/)
  })
  it('materials: a value or boxes; batch 1–1000', () => {
    expect(validateDonation(d({ kind: 'MATERIAL', amount: '', boxes: '7600', batch: '3' }), CAMP)).toEqual({})
    expect(validateDonation(d({ kind: 'MATERIAL', amount: '', boxes: '' }), CAMP).amount).toBe('物资捐赠须填写价值（元）或箱数')
    expect(validateDonation(d({ kind: 'MATERIAL', batch: '0' }), CAMP).batch).toBe('批次须在 1 到 1000 之间，收到 0')
  })
  it('the date within the campaign', () => {
    expect(validateDonation(d({ date: '2021-10-01' }), CAMP).date).toBe('日期 2021-10-01 不在专项行动““7·20”抗洪救灾”的起止日期（2021-07-20 至 2021-09-30）内')
    expect(validateDonation(d({ date: '2021-10-01' }), { ...CAMP, endDate: null })).toEqual({})
    expect(validateDonation(d({ campaignId: '' }), null).campaignId).toBe('请选择专项行动')
  })
  it('cash sends no boxes or batch even if some were typed before switching', () => {
    expect(donationInput(d({ boxes: '4', batch: '2' }))).toEqual({
      campaignId: CAMP.id, unitId: null, kind: 'CASH', amount: '5000', boxes: 0, batch: null, date: '2021-08-01', description: '',
    })
  })
})

describe('DonationForm', () => {
  it('creates a donation with the amount as typed', async () => {
    const calls = script({ CreateDonation: (v) => ({ createDonation: { id: ID, amount: (v.input as { amount: string }).amount, date: '2021-08-01', version: 1 } }) })
    const f = useRecordEditor(undefined, spec)
    Object.assign(f.draft, { campaignId: CAMP.id, unit, kind: 'MATERIAL', amount: '1,040,000', boxes: '7600', batch: '3', date: '2021-08-01', description: '防疫物资' })
    expect(await f.save()).toBe('已新增「2021-08-01 104万元」。')
    expect(calls[0].vars.input).toEqual({
      campaignId: CAMP.id, unitId: unit.id, kind: 'MATERIAL', amount: '1040000', boxes: 7600, batch: 3, date: '2021-08-01', description: '防疫物资',
    })
  })

  it('edits: the server refuses the date; its words stand beside the date', async () => {
    const msg = '捐赠日期 2021-07-19 不在专项行动““7·20”抗洪救灾”的起止日期（2021-07-20 至 2021-09-30）内'
    script({ DonationForEdit: () => ({ node: stored(2) }), UpdateDonation: () => { throw badInput('date', msg) } })
    const f = useRecordEditor(ID, spec)
    await f.load()
    expect(f.draft).toMatchObject({ kind: 'MATERIAL', amount: '1040000', boxes: '7600', batch: '3', unit })
    expect(f.record.value?.demo).toBe(true)
    expect(await f.save()).toBeNull()
    expect(f.errorOf('date')).toBe(msg)
    expect(f.errCount.value).toBe(1)
  })

  it('a stale version: CONFLICT explained, the newer version loaded on request', async () => {
    let v = 2
    const calls = script({
      DonationForEdit: () => ({ node: stored(v, v === 3 ? { amount: '1050000' } : {}) }),
      UpdateDonation: (x) => {
        if (x.expectedVersion !== v) throw stale('捐赠', v, x.expectedVersion as number)
        return { updateDonation: { id: ID, amount: '1050000', date: '2021-07-25', version: v + 1 } }
      },
    })
    const f = useRecordEditor(ID, spec)
    await f.load()
    v = 3
    expect(await f.save()).toBeNull()
    expect(f.conflict.value).toBe(true)
    expect(f.general.value).toBe('')
    await f.reloadLatest()
    expect(f.draft.amount).toBe('1050000')
    expect(f.version.value).toBe(3)
    expect(await f.save()).toMatch(/版本 4/)
    expect(calls.at(-1)!.vars.expectedVersion).toBe(3)
  })

  it('deletes to the recycle bin, and an admin restores it under the old ID', async () => {
    const calls = script({
      DonationForEdit: () => ({ node: stored(4) }),
      DeleteDonation: () => ({ deleteDonation: { id: 'bin-9', recordId: ID } }),
      RestoreRecord: () => ({ restoreRecord: { id: 'bin-9', entity: 'DONATION', recordId: ID, restoredAt: 'x' } }),
    })
    const f = useRecordEditor(ID, spec)
    await f.load()
    expect((await f.remove())?.id).toBe('bin-9')
    expect(calls[1].vars).toEqual({ id: ID, expectedVersion: 4 })
    expect(await restoreFromBin('bin-9')).toBe(ID)
  })

  it('renders the kind, amount, boxes, batch, date and donor fields', async () => {
    script({ CampaignOptions: () => ({ campaigns: [] }) })
    const html = await render(DonationForm, { campaignId: CAMP.id })
    expect(html).toContain('data-form="donation"')
  })
})
