// @vitest-environment happy-dom
// CategoryPointsForm mounted: set a category's points, and the server's field error beside the field. Points carry
// no version (no stale conflict) and are set, never deleted (no delete or restore).
import { describe, expect, it } from 'vitest'
import CategoryPointsForm from '../../src/components/forms/CategoryPointsForm.vue'
import { expectFieldError, fieldError, fill, mountForm, Server, submit, value } from './support'

const category = { code: 'PROV_CIV_UNIT', nameZh: '省级文明单位', nameEn: 'Provincial civilised unit', weight: 6, weightBasis: 'DEFAULT' }

describe('CategoryPointsForm (mounted)', () => {
  it('sets the points from the field', async () => {
    const srv = new Server({ SetHonorCategoryPoints: (v) => ({ setHonorCategoryPoints: { id: 'SG9ub3JDYXRlZ29yeTox', ...category, weight: v.points, weightBasis: 'OFFICE' } }) })
    const w = await mountForm(CategoryPointsForm, { category })
    expect(value(w, 'points')).toBe('6')
    await fill(w, 'points', '8.5')
    await submit(w)
    expect(srv.last('SetHonorCategoryPoints')).toEqual({ code: 'PROV_CIV_UNIT', points: 8.5 })
    expect(w.emitted('saved')?.[0]?.[0]).toContain('8.5')
  })

  it('shows the server field error beside the field', async () => {
    new Server({ SetHonorCategoryPoints: () => fieldError('points', '积分须在 0 到 100 之间，收到 100.5') })
    const w = await mountForm(CategoryPointsForm, { category })
    await fill(w, 'points', '99')
    await submit(w)
    expectFieldError(w, 'points', '积分须在 0 到 100 之间，收到 100.5')
    expect(w.emitted('saved')).toBeUndefined()
  })
})
