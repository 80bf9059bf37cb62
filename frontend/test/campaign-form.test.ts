// CampaignForm: create, edit with the server's field error, a stale version (CONFLICT → the newer version),
// delete to the recycle bin and restore — through lib/forms/recordEditor.ts with gql() mocked.
import { describe, expect, it, vi } from 'vitest'
import { useRecordEditor, restoreFromBin } from '../src/lib/forms/recordEditor'
import { campaignInput, campaignSpec, validateCampaign, blankCampaign } from '../src/lib/forms/campaignAndPracticeSpecs'
import CampaignForm from '../src/components/forms/CampaignForm.vue'
import { badInput, render, script, stale } from './support/record-form-server'

vi.mock('../src/lib/gql', async (orig) => ({ ...(await orig<typeof import('../src/lib/gql')>()), gql: vi.fn() }))

const ID = 'Q2FtcGFpZ246OQ=='
const stored = (v: number, p: Record<string, unknown> = {}) => ({
  id: ID, version: v, code: 'FLOOD2025', nameZh: '2025 抗洪', nameEn: '2025 flood relief', kind: 'FLOOD',
  startDate: '2025-07-01', startBasis: 'OFFICE', endDate: null, endBasis: 'ESTIMATE', description: '', ...p,
})

describe('CampaignForm', () => {
  it('creates a campaign with the input the API takes', async () => {
    const calls = script({ CreateCampaign: (v) => ({ createCampaign: { id: ID, code: 'FLOOD2025', nameZh: (v.input as { nameZh: string }).nameZh, nameEn: 'x', version: 1 } }) })
    const f = useRecordEditor(undefined, campaignSpec)
    Object.assign(f.draft, { code: ' FLOOD2025 ', nameZh: '2025 抗洪', nameEn: '2025 flood relief', kind: 'FLOOD', startDate: '2025-07-01' })
    expect(await f.save()).toBe('已新增「2025 抗洪」。')
    expect(calls).toEqual([{ op: 'CreateCampaign', vars: { input: { code: 'FLOOD2025', nameZh: '2025 抗洪', nameEn: '2025 flood relief', kind: 'FLOOD', startDate: '2025-07-01', endDate: null, description: '' } } }])
  })

  it('checks like CampaignFields.Validate before sending', async () => {
    const calls = script({})
    const f = useRecordEditor(undefined, campaignSpec)
    Object.assign(f.draft, { code: 'routine', nameZh: '', nameEn: 'x', startDate: '2025-07-02', endDate: '2025-07-01' })
    expect(await f.save()).toBeNull()
    expect(calls).toEqual([])
    expect(f.errorOf('code')).toMatch(/^代码须为 2–32 位大写字母/)
    expect(f.errorOf('nameZh')).toBe('请填写中文名称')
    expect(f.errorOf('endDate')).toBe('结束日期 2025-07-01 早于开始日期 2025-07-02')
    expect(validateCampaign({ ...blankCampaign(), code: 'ROUTINE', nameZh: 'a', nameEn: 'b', startDate: '2025-01-01' }).code).toBe('代码 ROUTINE 为保留字')
    expect(campaignInput({ ...blankCampaign(), endDate: ' ' }).endDate).toBeNull()
  })

  it('edits: loads the record, shows the server field error beside its field', async () => {
    const calls = script({
      CampaignForEdit: () => ({ node: stored(2) }),
      UpdateCampaign: () => { throw badInput('endDate', '结束日期 2025-06-01 早于开始日期 2025-07-01') },
    })
    const f = useRecordEditor(ID, campaignSpec)
    await f.load()
    expect(f.draft.code).toBe('FLOOD2025')
    expect(f.version.value).toBe(2)
    f.draft.endDate = '2025-08-01'
    expect(await f.save()).toBeNull()
    expect(calls[1]).toMatchObject({ op: 'UpdateCampaign', vars: { id: ID, expectedVersion: 2 } })
    expect(f.errorOf('endDate')).toBe('结束日期 2025-06-01 早于开始日期 2025-07-01')
    expect(f.conflict.value).toBe(false)
    f.touched('endDate')
    expect(f.errorOf('endDate')).toBeUndefined()
  })

  it('explains a stale version and offers the newer one, then saves at that version', async () => {
    let v = 2
    const calls = script({
      CampaignForEdit: () => ({ node: stored(v, v === 3 ? { nameZh: '2025 抗洪救灾' } : {}) }),
      UpdateCampaign: (x) => {
        if (x.expectedVersion !== 3) throw stale('专项行动', 3, 2)
        return { updateCampaign: { id: ID, code: 'FLOOD2025', nameZh: '2025 抗洪救灾', nameEn: 'x', version: 4 } }
      },
    })
    const f = useRecordEditor(ID, campaignSpec)
    await f.load()
    expect(await f.save()).toBeNull()
    expect(f.conflict.value).toBe(true)
    v = 3
    await f.reloadLatest()
    expect(f.conflict.value).toBe(false)
    expect(f.version.value).toBe(3)
    expect(f.draft.nameZh).toBe('2025 抗洪救灾')
    expect(f.reloadedNote.value).toBe('已载入最新版本（版本 3），请核对后再保存。')
    expect(await f.save()).toBe('已保存「2025 抗洪救灾」（版本 4）。')
    expect(calls.filter((c) => c.op === 'UpdateCampaign').map((c) => c.vars.expectedVersion)).toEqual([2, 3])
  })

  it('deletes to the recycle bin at the loaded version, and an admin restores it', async () => {
    const calls = script({
      CampaignForEdit: () => ({ node: stored(5) }),
      DeleteCampaign: () => ({ deleteCampaign: { id: 'bin-7', recordId: ID } }),
      RestoreRecord: () => ({ restoreRecord: { id: 'bin-7', entity: 'CAMPAIGN', recordId: ID, restoredAt: '2026-11-30T14:00:00Z' } }),
    })
    const f = useRecordEditor(ID, campaignSpec)
    await f.load()
    expect(await f.remove()).toEqual({ id: 'bin-7', recordId: ID })
    expect(calls[1]).toEqual({ op: 'DeleteCampaign', vars: { id: ID, expectedVersion: 5 } })
    expect(await restoreFromBin('bin-7')).toBe(ID)
    expect(calls[2]).toEqual({ op: 'RestoreRecord', vars: { id: 'bin-7' } })
  })

  it('renders its fields with their error slots', async () => {
    script({})
    const html = await render(CampaignForm)
    for (const f of ['code', 'kind', 'nameZh', 'nameEn', 'startDate', 'endDate', 'description']) expect(html).toContain(`data-field="${f}"`)
    expect(html).toContain('data-action="save-campaign"')
    expect(html).not.toContain('data-action="delete-campaign"')
  })
})
