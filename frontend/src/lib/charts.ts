// Option builders shared by the pages: stacked bars over years, annotations
// from milestones, pies. Pages pass plain data; the builders add axes, legends,
// number formatting and the COVID / 7·20 annotations.
import type { ChartOption } from './echarts'
import { palette } from './palette'
import { axisFormatter, formatNumber } from './format'
import { lang, pick } from './i18n'

export interface Milestone {
  id: string
  date: string
  precision: string
  titleZh: string
  titleEn: string
  kind: string
  endDate: string | null
  dateBasis?: string | null
  source?: { id: string; title: string } | null
}

export interface SeriesIn {
  id: string
  name: string
  data: (number | null)[]
  type?: 'bar' | 'line'
  stack?: string
  dashed?: boolean
  /** Hatched bars, for figures not yet confirmed; the legend swatch carries the same texture. */
  texture?: boolean
}

const yearOf = (d: string) => Number(d.slice(0, 4))

// Stable colours for known series ids, so a level or campaign keeps its colour
// when the year filter removes another series.
const fixed: Record<string, string> = {
  NATIONAL: palette[0], PROVINCIAL: palette[1], PROVINCIAL_DIRECT: palette[2],
  UNIT: palette[0], CAMPUS: palette[1],
  ROUTINE: palette[0], COVID19: palette[1], FLOOD720: palette[2], AID_JILIN_SHANGHAI: palette[3],
  verified: palette[0], unverified: palette[1], CASH: palette[0], MATERIAL: palette[1],
  actual: palette[0], target: palette[5],
  PROMOTION_WEEK: palette[0], HERITAGE_TALK: palette[1], PAIRING: palette[2],
  MATCH: palette[2], BELOW: palette[5], ABOVE: palette[3], NOT_TRACKED: palette[7],
}

/** The colour of a series or slice id: fixed for known ids, else by position. */
export function colorFor(id: string | undefined, index: number): string {
  return (id && fixed[id]) || palette[index % palette.length]
}

/** What a chart's figures measure, so that only the milestones which explain them are drawn on it. */
export type ChartTopic = 'volunteer' | 'covid' | 'donation'

/**
 * The milestones that explain a topic: the COVID period (a PERIOD) explains volunteer and COVID figures, one-day
 * events such as 7·20 (an EVENT) explain donations. Other topics get none, so no chart carries a band it does not
 * need.
 */
export function milestonesFor(topic: ChartTopic | undefined, milestones: Milestone[] | undefined): Milestone[] {
  if (!topic || !milestones) return []
  return milestones.filter((m) =>
    m.kind === 'PERIOD' ? topic === 'volunteer' || topic === 'covid' : m.kind === 'EVENT' ? topic === 'donation' : false,
  )
}

/** The mark drawn under an event's year on the category axis; the chart's key explains it. */
export const EVENT_MARK = '▲'

/**
 * Mark a period (a PERIOD milestone) as a shaded area behind the bars and one-day events as a mark under their
 * year on the axis, on a category axis of years. Neither carries text inside the plot: the chart's key (ChartPanel
 * reads chartKey) names them, so no label ever sits on a bar or a data label.
 */
export function annotations(milestones: Milestone[] | undefined, years: number[]) {
  const areas: unknown[] = []
  const events: { year: number; name: string }[] = []
  for (const m of milestones ?? []) {
    const y0 = yearOf(m.date)
    if (m.kind === 'PERIOD' && m.endDate) {
      const y1 = yearOf(m.endDate)
      const a = Math.max(y0, years[0]), b = Math.min(y1, years[years.length - 1])
      if (a <= b) areas.push([{ name: pick(m.titleZh, m.titleEn), xAxis: String(a) }, { xAxis: String(b) }])
    } else if (m.kind === 'EVENT' && years.includes(y0)) {
      events.push({ year: y0, name: pick(m.titleZh, m.titleEn) })
    }
  }
  return {
    markArea: areas.length
      ? { silent: true, itemStyle: { color: 'rgba(120,120,120,0.14)' }, label: { show: false }, data: areas }
      : undefined,
    events,
  }
}

/** One entry of a chart's key: a period band or an event mark, with its name. */
export interface ChartKeyEntry {
  kind: 'period' | 'event'
  name: string
}

/** The key of a chart built by categoryChart: its period bands and event marks (empty for other charts). */
export function chartKey(option: ChartOption | null): ChartKeyEntry[] {
  const meta = (option as { __key?: ChartKeyEntry[] } | null)?.__key
  return meta ?? []
}

const tooltipValue = (v: unknown) => (typeof v === 'number' ? formatNumber(v, lang.value) : String(v ?? '—'))

/** The largest value a value axis must show: stacked series add up, others stand alone. */
export function axisMax(series: SeriesIn[]): number {
  const stacks = new Map<string, number[]>()
  let max = 0
  for (const s of series) {
    s.data.forEach((v, i) => {
      const x = Math.abs(v ?? 0)
      if (s.stack) {
        const arr = stacks.get(s.stack) ?? []
        arr[i] = (arr[i] ?? 0) + x
        stacks.set(s.stack, arr)
        max = Math.max(max, arr[i])
      } else max = Math.max(max, x)
    })
  }
  return max
}

/** A hatched texture for series whose bars are not yet confirmed (未核实); its legend swatch shows the same. */
const HATCH = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: -Math.PI / 4, color: 'rgba(0,0,0,0.35)' }

/** Bars (optionally stacked) and lines over a category axis. */
export function categoryChart(opts: {
  categories: string[]
  series: SeriesIn[]
  horizontal?: boolean
  milestones?: Milestone[]
  /** What the figures measure: only the milestones that explain it are drawn (milestonesFor). */
  topic?: ChartTopic
  years?: number[]
  legend?: boolean
  yName?: string
  labels?: boolean
}): ChartOption {
  const { categories, series, horizontal = false } = opts
  const marks = milestonesFor(opts.topic, opts.milestones)
  const ann = marks.length && opts.years ? annotations(marks, opts.years) : { markArea: undefined, events: [] }
  const eventYears = new Set(ann.events.map((e) => String(e.year)))
  const cat = {
    type: 'category' as const,
    data: categories,
    axisLabel: horizontal
      ? { interval: 0, width: 150, overflow: 'break' as const, lineHeight: 15 }
      : {
          interval: 0,
          hideOverlap: true,
          ...(eventYears.size
            ? {
                formatter: (v: string) => (eventYears.has(v) ? `${v}\n{ev|${EVENT_MARK}}` : v),
                rich: { ev: { color: '#b04a00', fontSize: 11 } },
              }
            : {}),
        },
  }
  const max = axisMax(series)
  const val = {
    type: 'value' as const,
    name: opts.yName,
    nameGap: horizontal ? 4 : 8,
    splitNumber: horizontal ? 4 : 5,
    axisLabel: { formatter: axisFormatter(max, lang.value), hideOverlap: true },
  }
  const legend = opts.legend ?? series.length > 1
  const key: ChartKeyEntry[] = [
    ...((ann.markArea?.data ?? []) as { name: string }[][]).map((d) => ({ kind: 'period' as const, name: d[0].name })),
    ...ann.events.map((e) => ({ kind: 'event' as const, name: `${e.year} ${e.name}` })),
  ]
  return {
    __key: key,
    grid: { left: 8, right: 24, top: legend ? 36 : 16, bottom: 8, containLabel: true },
    legend: legend ? { top: 0, type: 'plain', tooltip: { show: true } } : undefined,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipValue },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: series.map((s, i) => ({
      id: s.id,
      name: s.name,
      type: s.type ?? 'bar',
      stack: s.stack,
      data: s.data,
      barMaxWidth: 36,
      itemStyle: { color: colorFor(s.id, i), ...(s.texture ? { decal: HATCH } : {}) },
      ...(s.type === 'line' ? { lineStyle: { color: colorFor(s.id, i), ...(s.dashed ? { type: 'dashed', width: 2 } : {}) } } : {}),
      emphasis: { focus: 'series' },
      symbol: s.dashed ? 'diamond' : 'circle',
      symbolSize: 8,
      label: opts.labels && (s.type ?? 'bar') === 'bar' ? { show: true, position: horizontal ? 'right' : 'top', formatter: (p: { value: unknown }) => tooltipValue(p.value), fontSize: 11 } : undefined,
      ...(i === 0 && ann.markArea ? { markArea: ann.markArea } : {}),
    })) as ChartOption['series'],
  } as ChartOption
}

/** Slices a pie may have; a larger share-of-whole reads better as sorted bars. */
export const PIE_MAX_SLICES = 6

/** A pie, or a Nightingale rose with `rose`. */
export function pieChart(opts: { name: string; data: { name: string; value: number; id?: string }[]; rose?: boolean }): ChartOption {
  if (opts.data.length > PIE_MAX_SLICES) return sortedBars(opts)
  return {
    legend: { type: 'plain', bottom: 0 },
    tooltip: { trigger: 'item', valueFormatter: tooltipValue },
    series: [
      {
        type: 'pie',
        name: opts.name,
        id: opts.name,
        radius: opts.rose ? ['18%', '68%'] : ['35%', '68%'],
        center: ['50%', '45%'],
        roseType: opts.rose ? 'radius' : undefined,
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        label: { formatter: '{c}', fontSize: 11 },
        labelLayout: { hideOverlap: true },
        data: opts.data.map((d, i) => ({ ...d, itemStyle: { color: colorFor(d.id, i) } })),
      },
    ],
  }
}

/**
 * A share of a whole with many parts, as horizontal bars from the largest down. Each bar's data item keeps the
 * slice's id and name, so a click drills down exactly as a click on the slice did.
 */
export function sortedBars(opts: { name: string; data: { name: string; value: number; id?: string }[] }): ChartOption {
  const rows = [...opts.data].sort((a, b) => b.value - a.value)
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', valueFormatter: tooltipValue },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { interval: 0, width: 150, overflow: 'break', lineHeight: 15 } },
    series: [
      {
        type: 'bar',
        id: opts.name,
        name: opts.name,
        barMaxWidth: 18,
        label: { show: true, position: 'right', fontSize: 11, formatter: (p: { value: unknown }) => tooltipValue(p.value) },
        data: rows.map((r, i) => ({ value: r.value, id: r.id, name: r.name, itemStyle: { color: colorFor(r.id, i) } })),
      },
    ],
  } as ChartOption
}

/** Rows → matrix: one series per `seriesKey` value over `catKey` values. */
export function pivot<R>(
  rows: R[],
  catOf: (r: R) => string,
  seriesOf: (r: R) => string,
  valueOf: (r: R) => number,
  cats: string[],
): Map<string, (number | null)[]> {
  const out = new Map<string, (number | null)[]>()
  for (const r of rows) {
    const s = seriesOf(r)
    const i = cats.indexOf(catOf(r))
    if (i < 0) continue
    if (!out.has(s)) out.set(s, cats.map(() => 0))
    const arr = out.get(s)!
    arr[i] = (arr[i] ?? 0) + valueOf(r)
  }
  return out
}
