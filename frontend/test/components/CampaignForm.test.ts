// @vitest-environment happy-dom
// CampaignForm mounted: create, a server field error beside its field, a stale version reloaded and saved again,
// delete (asks first) to the recycle bin and an admin's restore from the notice.
import { describe, expect, it } from 'vitest'
import CampaignForm from '../../src/components/forms/CampaignForm.vue'
import { binOf, click, deleteThenRestore, expectFieldError, fieldError, fill, mountForm, Server, staleError, submit, value } from './support'

const ID = 'Q2FtcGFpZ246OQ=='
const stored = (v: number, p: Record<string, unknown> = {}) => ({
  id: ID, version: v, code: 'FLOOD2025', nameZh: '2025 抗洪', nameEn: '2025 flood relief', kind: 'FLOOD',
  startDate: '2025-07-01', startBasis: 'OFFICE', endDate: null, endBasis: 'ESTIMATE', description: '', ...p,
})
const answer = (op: string, v: number) => ({ [op]: { id: ID, code: 'FLOOD2025', nameZh: '2025 抗洪', nameEn: '2025 flood relief', version: v } })

describe('CampaignForm (mounted)', () => {
  it('creates a campaign from the filled-in fields', async () => {
    const srv = new Server({ CreateCampaign: () => answer('createCampaign', 1) })
    const w = await mountForm(CampaignForm, {})
    await fill(w, 'code', ' FLOOD2025 ')
    await fill(w, 'kind', 'FLOOD')
    await fill(w, 'nameZh', '2025 抗洪')
    await fill(w, 'nameEn', '2025 flood relief')
    await fill(w, 'startDate', '2025-07-01')
    await fill(w, 'description', '汛期')
    await submit(w)
    expect(srv.last('CreateCampaign')).toEqual({
      input: { code: 'FLOOD2025', nameZh: '2025 抗洪', nameEn: '2025 flood relief', kind: 'FLOOD', startDate: '2025-07-01', endDate: null, description: '汛期' },
    })
    expect(w.emitted('saved')?.[0]).toEqual(['已新增「2025 抗洪」。'])
  })

  it('edits: shows the server field error beside its field', async () => {
    const srv = new Server({ CampaignForEdit: () => ({ node: stored(2) }), UpdateCampaign: () => fieldError('endDate', '结束日期 2025-06-01 早于开始日期 2025-07-01') })
    const w = await mountForm(CampaignForm, { id: ID })
    expect(value(w, 'code')).toBe('FLOOD2025')
    await fill(w, 'endDate', '2025-08-01')
    await submit(w)
    expect(srv.last('UpdateCampaign')).toMatchObject({ id: ID, expectedVersion: 2, input: { endDate: '2025-08-01' } })
    expectFieldError(w, 'endDate', '结束日期 2025-06-01 早于开始日期 2025-07-01')
    expect(w.emitted('saved')).toBeUndefined()
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    let current = stored(2)
    const srv = new Server({
      CampaignForEdit: () => ({ node: current }),
      UpdateCampaign: (v) => (v.expectedVersion === 2 ? staleError('专项行动', 3, 2) : answer('updateCampaign', 4)),
    })
    const w = await mountForm(CampaignForm, { id: ID })
    current = stored(3, { nameZh: '2025 抗洪救灾' })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(value(w, 'nameZh')).toBe('2025 抗洪救灾')
    await submit(w)
    expect(srv.last('UpdateCampaign')).toMatchObject({ expectedVersion: 3, input: { nameZh: '2025 抗洪救灾' } })
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('deletes after asking, with the version, and an admin restores it', async () => {
    const srv = new Server({ CampaignForEdit: () => ({ node: stored(2) }), DeleteCampaign: () => ({ deleteCampaign: binOf(ID) }) })
    const w = await mountForm(CampaignForm, { id: ID })
    await deleteThenRestore(w, srv, 'campaign', 'DeleteCampaign', { id: ID, expectedVersion: 2 })
  })
})
