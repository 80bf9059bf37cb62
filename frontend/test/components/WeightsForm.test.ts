// @vitest-environment happy-dom
// WeightsForm mounted: set a new version, a server field error beside the weights, delete (asks first) to the
// recycle bin and restore from it. A weights version has no version number, so there is no stale-version conflict.
import { describe, expect, it } from 'vitest'
import WeightsForm from '../../src/components/forms/WeightsForm.vue'
import { binEntry, deleteAndRestore, fieldError, fill, mountForm, restored, Server, signIn, submit, value } from './support'

const version = (fromYear: number, w = [0.4, 0.2, 0.2, 0.2]) => ({
  rankingWeights: ['honors', 'volunteer_hours', 'practice', 'assessment'].map((component, i) => ({ fromYear, component, labelZh: component, weight: w[i], basis: 'DEFAULT' })),
})
const setWeights = (w: [number, number, number, number]) => async (wr: Awaited<ReturnType<typeof mountForm>>) => {
  for (const [i, c] of ['honors', 'volunteer_hours', 'practice', 'assessment'].entries()) await wr.find(`[data-weight="${c}"]`).setValue(String(w[i]))
}

describe('WeightsForm (mounted)', () => {
  it('sets a new version from the filled-in weights', async () => {
    const srv = new Server({ SetRankingWeights: (v) => ({ setRankingWeights: version(Number(v.fromYear)).rankingWeights }) })
    const w = await mountForm(WeightsForm, { year: 2025 })
    await fill(w, 'fromYear', '2026')
    await setWeights([0.3, 0.3, 0.2, 0.2])(w)
    await submit(w)
    expect(srv.last('SetRankingWeights')).toEqual({
      fromYear: 2026,
      weights: [{ component: 'honors', weight: 0.3 }, { component: 'volunteer_hours', weight: 0.3 }, { component: 'practice', weight: 0.2 }, { component: 'assessment', weight: 0.2 }],
    })
    expect(w.emitted('saved')?.[0]?.[0]).toContain('2026')
  })

  it('edits: shows the server field error beside the weights', async () => {
    const srv = new Server({ RankingWeightsForEdit: () => version(2021), SetRankingWeights: () => fieldError('weights', '组成项 practice 重复') })
    const w = await mountForm(WeightsForm, { fromYear: 2021 })
    expect(value(w, 'fromYear')).toBe('2021')
    expect((w.find('[data-weight="honors"]').element as HTMLInputElement).value).toBe('0.4')
    await setWeights([0.25, 0.25, 0.25, 0.25])(w)
    await submit(w)
    expect(srv.last('SetRankingWeights')).toMatchObject({ fromYear: 2021 })
    expect(w.find('[data-error-for="weights"]').text()).toBe('组成项 practice 重复')
    expect(w.find('[data-weight="practice"]').attributes('aria-invalid')).toBe('true')
    expect(w.emitted('saved')).toBeUndefined()
  })

  it('deletes after asking and an admin restores it', async () => {
    signIn('ADMIN')
    const srv = new Server({
      RankingWeightsForEdit: () => version(2021),
      DeleteRankingWeights: () => ({ deleteRankingWeights: binEntry('RANKING_WEIGHTS', '2021') }),
      RestoreRecord: () => restored('RANKING_WEIGHTS', '2021'),
    })
    const w = await mountForm(WeightsForm, { fromYear: 2024 })
    await deleteAndRestore(w, srv, 'DeleteRankingWeights', { fromYear: 2021 })
  })
})
