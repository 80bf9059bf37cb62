// The unit page (/units/:id) rendered on the server from a mocked UnitPage response: every section is there with
// its figures (honours, volunteering by year, assessments with the veto, practice links, pairings, ranking
// history), demo records are flagged, and the chart helpers shape the series from the same data.
import { describe, expect, it, vi } from 'vitest'
import { createSSRApp, h, ref, shallowRef } from 'vue'
import { renderToString } from '@vue/server-renderer'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'

vi.mock('../src/lib/gql', async (orig) => {
  const real = await orig<typeof import('../src/lib/gql')>()
  return { ...real, gql: vi.fn(), useQuery: vi.fn() }
})
import { useQuery, sourceOf } from '../src/lib/gql'
import type { UnitPageQuery } from '../src/gql/UnitPage'
import UnitPage from '../src/pages/UnitPage.vue'
import { assessmentOption, honorsByYear, rankingOption, rankText, unitOf, volunteerOption } from '../src/lib/unitPage'
import { unitTo } from '../src/lib/unitLink'

const data: UnitPageQuery = {
  node: {
    __typename: 'Unit', id: 'VW5pdDo3', name: '青禾事务局（演示007）', kind: '机关', sector: '政务', serviceWindow: true, campus: false, demo: true, version: 2,
    honors: [
      { id: 'H1', year: 2021, status: 'AWARDED', demo: true, category: { code: 'P', level: 'PROVINCIAL', nameZh: '省级文明单位', nameEn: 'Provincial' } },
      { id: 'H2', year: 2023, status: 'AWARDED', demo: true, category: { code: 'N', level: 'NATIONAL', nameZh: '全国文明单位', nameEn: 'National' } },
    ],
    assessments: [
      { id: 'A1', year: 2022, baseScore: 88.5, bonus: 4, veto: false, total: 92.5, stage: 'NAMED', demo: true, version: 1, scores: [] },
      { id: 'A2', year: 2023, baseScore: 90, bonus: 2, veto: true, total: 0, stage: 'REVOKED', demo: true, version: 1, scores: [] },
    ],
    practiceLinks: [{ id: 'L1', sinceYear: 2020, demo: true, version: 1, center: { id: 'C1', name: '某县新时代文明实践中心', county: '某县', prefecture: '某市', identified: true } }],
    pairings: [{ id: 'P1', township: '某镇', sinceYear: 2021, demo: true, version: 1, contents: ['POLICY', 'HEALTH'], center: null }],
    rankingHistory: [
      { year: 2023, rank: 5, of: 120, score: 71.2 },
      { year: 2024, rank: 3, of: 121, score: 75.9 },
    ],
  } as UnitPageQuery['node'],
  volunteerStats: [
    { year: 2024, volunteers: 40, hours: 120.5, verifiedHours: 100, records: 6 },
    { year: 2023, volunteers: 30, hours: 80, verifiedHours: 80, records: 4 },
  ],
}

vi.mocked(useQuery).mockImplementation(((doc: unknown) => ({
  data: shallowRef(/query UnitPage/.test(sourceOf(doc as never)) ? data : undefined),
  loading: ref(false),
  error: ref(undefined),
  reload: () => {},
})) as never)

async function render(path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/units/:id', component: UnitPage }, { path: '/:rest(.*)*', component: { render: () => null } }] })
  const app = createSSRApp({ render: () => h(RouterView) })
  app.use(router)
  await router.push(path)
  await router.isReady()
  return renderToString(app)
}

describe('unit page', () => {
  it('renders every section from the response', async () => {
    const html = await render('/units/VW5pdDo3')
    for (const s of ['honors', 'volunteer', 'assessments', 'practice', 'ranking']) expect(html).toContain(`data-section="${s}"`)
    expect(html).toContain('青禾事务局（演示007）')
    expect(html).toContain('data-demo-record')
    // Volunteering by year, oldest first.
    expect(html.indexOf('data-year="2023"')).toBeLessThan(html.indexOf('data-year="2024"'))
    expect(html).toContain('120.5')
    // The veto shows in words, the total as 0.
    expect(html).toContain('一票否决')
    expect(html).toContain('✕ 否决（总分计 0）')
    expect(html).toContain('撤销')
    expect(html).toContain('某县新时代文明实践中心')
    expect(html).toContain('某镇')
    expect(html).toContain('送政策')
    expect(html).toContain('第 3 名 / 共 121 个单位')
    // Four charts: honours, volunteering, assessments, ranking.
    for (const c of ['honors', 'volunteer', 'assessments', 'ranking']) expect(html).toContain(`data-chart="unit-${c}-VW5pdDo3"`)
  })
  it('says so when the ID is not a unit', async () => {
    vi.mocked(useQuery).mockImplementationOnce((() => ({ data: shallowRef({ node: null, volunteerStats: [] }), loading: ref(false), error: ref(undefined), reload: () => {} })) as never)
    const html = await render('/units/nope')
    expect(html).toContain('data-unit-missing')
    expect(html).not.toContain('data-section="honors"')
  })
})

describe('unit page charts', () => {
  const u = unitOf(data)!
  it('reads the unit out of the node', () => {
    expect(u.name).toBe('青禾事务局（演示007）')
    expect(unitOf({ node: null, volunteerStats: [] })).toBeNull()
  })
  it('stacks honours by level over the chosen years', () => {
    const r = honorsByYear(u, [2022, 2023])
    expect(r.years).toEqual([2021, 2022, 2023])
    expect(r.byLevel.PROVINCIAL).toEqual([1, 0, 0])
    expect(r.byLevel.NATIONAL).toEqual([0, 0, 1])
  })
  it('volunteer hours by year, assessment scores with the veto as 0, rank 1 on top', () => {
    const v = volunteerOption(data.volunteerStats) as { xAxis: { data: string[] }; series: { data: number[] }[] }
    expect(v.xAxis.data).toEqual(['2023', '2024'])
    expect(v.series[0].data).toEqual([80, 120.5])
    const a = assessmentOption(u) as { series: { data: number[] }[] }
    expect(a.series[0].data).toEqual([88.5, 0])
    expect(a.series[1].data).toEqual([4, 0])
    const r = rankingOption(u) as { yAxis: { inverse: boolean }; series: { data: number[] }[] }
    expect(r.yAxis.inverse).toBe(true)
    expect(r.series[0].data).toEqual([5, 3])
    expect(rankText({ rank: 5, of: 120 })).toBe('第 5 名 / 共 120 个单位')
  })
  it('unit links go to /units/:id', () => {
    expect(unitTo('VW5pdDo3')).toEqual({ path: '/units/VW5pdDo3', query: {} })
  })
})
