// The chart builders' rules: a milestone only where it explains the figures, one number format per axis, many-part
// pies as sorted bars, textures only where a series asks for one.
import { describe, expect, it } from 'vitest'
import { categoryChart, chartKey, milestonesFor, pieChart, type Milestone } from '../src/lib/charts'
import { axisFormatter } from '../src/lib/format'

const covid: Milestone = { id: '2', date: '2020-01-25', precision: 'DAY', titleZh: '疫情防控（2020–2022）', titleEn: 'COVID', kind: 'PERIOD', endDate: '2022-12-31' }
const flood: Milestone = { id: '3', date: '2021-07-20', precision: 'DAY', titleZh: '郑州“7·20”特大暴雨灾害', titleEn: '7·20', kind: 'EVENT', endDate: null }
const years = [2019, 2020, 2021, 2022, 2023, 2024]
const cats = years.map(String)
const series = [{ id: 'actual', name: '实际', data: [1, 2, 3, 4, 5, 6] }]
type Loose = Record<string, unknown> & { series: Record<string, unknown>[] }

describe('milestonesFor', () => {
  it('puts the COVID period on volunteer and COVID charts only', () => {
    expect(milestonesFor('volunteer', [covid, flood])).toEqual([covid])
    expect(milestonesFor('covid', [covid, flood])).toEqual([covid])
  })
  it('puts the 7·20 event on donation charts only', () => {
    expect(milestonesFor('donation', [covid, flood])).toEqual([flood])
  })
  it('gives a chart without a topic no milestone', () => {
    expect(milestonesFor(undefined, [covid, flood])).toEqual([])
  })
})

describe('categoryChart annotations', () => {
  it('draws no band on a chart whose metric the period does not explain', () => {
    const o = categoryChart({ categories: cats, series, milestones: [covid, flood], years }) as unknown as Loose
    expect(o.series[0].markArea).toBeUndefined()
    expect(chartKey(o as never)).toEqual([])
  })
  it('shades the period without a label in the plot and names it in the key', () => {
    const o = categoryChart({ categories: cats, series, milestones: [covid], years, topic: 'volunteer' }) as unknown as Loose
    const area = o.series[0].markArea as { label: { show: boolean } }
    expect(area.label.show).toBe(false)
    expect(o.series[0].markLine).toBeUndefined()
    expect(chartKey(o as never)).toEqual([{ kind: 'period', name: '疫情防控（2020–2022）' }])
  })
  it('marks an event under its year on the axis, not as a line over the bars', () => {
    const o = categoryChart({ categories: cats, series, milestones: [flood], years, topic: 'donation' }) as unknown as Loose
    expect(o.series[0].markLine).toBeUndefined()
    const fmt = (o.xAxis as { axisLabel: { formatter: (v: string) => string } }).axisLabel.formatter
    expect(fmt('2021')).toContain('▲')
    expect(fmt('2020')).toBe('2020')
    expect(chartKey(o as never)[0].kind).toBe('event')
  })
  it('hatches only a series that asks for a texture', () => {
    const o = categoryChart({ categories: cats, series: [...series, { id: 'unverified', name: '未核实', data: [1, 1, 1, 1, 1, 1], texture: true }] }) as unknown as Loose
    expect((o.series[0].itemStyle as { decal?: unknown }).decal).toBeUndefined()
    expect((o.series[1].itemStyle as { decal?: unknown }).decal).toBeDefined()
  })
})

describe('axisFormatter', () => {
  it('writes a whole axis in 万 once it reaches 1万', () => {
    const f = axisFormatter(12000, 'zh')
    expect([0, 3000, 9000, 12000].map(f)).toEqual(['0', '0.3万', '0.9万', '1.2万'])
  })
  it('writes a whole axis in digits below 1万', () => {
    expect([0, 500, 9000].map(axisFormatter(9000, 'zh'))).toEqual(['0', '500', '9000'])
  })
  it('uses k for an English axis that reaches a thousand', () => {
    expect([500, 1500].map(axisFormatter(1500, 'en'))).toEqual(['0.5k', '1.5k'])
  })
})

describe('pieChart', () => {
  const slices = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `类${i}`, value: i + 1 }))
  it('keeps a pie of six slices', () => {
    expect((pieChart({ name: 'p', data: slices(6) }) as unknown as Loose).series[0].type).toBe('pie')
  })
  it('turns more than six slices into bars sorted from the largest, keeping each id for the drill-down', () => {
    const o = pieChart({ name: 'p', data: slices(9) }) as unknown as Loose
    expect(o.series[0].type).toBe('bar')
    const data = o.series[0].data as { value: number; id: string }[]
    expect(data.map((d) => d.value)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1])
    expect(data[0].id).toBe('c8')
  })
})
