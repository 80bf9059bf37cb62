// Option builders shared by the pages: stacked bars over years, annotations
// from milestones, pies. Pages pass plain data; the builders add axes, legends,
// number formatting and the COVID / 7·20 annotations.
import { palette, type ChartOption } from './echarts'
import { formatAxis, formatNumber } from './format'
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

/**
 * Mark the COVID period (a PERIOD milestone) as a shaded area and one-day
 * events such as 7·20 as vertical lines, on a category axis of years.
 */
export function annotations(milestones: Milestone[] | undefined, years: number[]) {
  const inRange = (y: number) => years.includes(y)
  const areas: unknown[] = []
  const lines: unknown[] = []
  for (const m of milestones ?? []) {
    const y0 = yearOf(m.date)
    if (m.kind === 'PERIOD' && m.endDate) {
      const y1 = yearOf(m.endDate)
      const a = Math.max(y0, years[0]), b = Math.min(y1, years[years.length - 1])
      if (a <= b) {
        areas.push([
          { name: pick(m.titleZh, m.titleEn), xAxis: String(a) },
          { xAxis: String(b) },
        ])
      }
    } else if (m.kind === 'EVENT' && inRange(y0)) {
      lines.push({ name: pick(m.titleZh, m.titleEn), xAxis: String(y0) })
    }
  }
  return {
    markArea: areas.length
      ? {
          silent: true,
          itemStyle: { color: 'rgba(120,120,120,0.12)' },
          label: { position: 'insideTop', fontSize: 10, color: '#666', distance: 2 },
          data: areas,
        }
      : undefined,
    markLine: lines.length
      ? {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#D55E00' },
          label: { formatter: '{b}', fontSize: 10, position: 'end', color: '#8a3a00', width: 90, overflow: 'truncate' },
          data: lines,
        }
      : undefined,
  }
}

const tooltipValue = (v: unknown) => (typeof v === 'number' ? formatNumber(v, lang.value) : String(v ?? '—'))

/** Bars (optionally stacked) and lines over a category axis. */
export function categoryChart(opts: {
  categories: string[]
  series: SeriesIn[]
  horizontal?: boolean
  milestones?: Milestone[]
  years?: number[]
  legend?: boolean
  yName?: string
  labels?: boolean
}): ChartOption {
  const { categories, series, horizontal = false } = opts
  const ann = opts.milestones && opts.years ? annotations(opts.milestones, opts.years) : { markArea: undefined, markLine: undefined }
  const cat = {
    type: 'category' as const,
    data: categories,
    axisLabel: horizontal
      ? { interval: 0, width: 150, overflow: 'truncate' as const }
      : { interval: 0, hideOverlap: true },
  }
  const val = {
    type: 'value' as const,
    name: opts.yName,
    nameGap: horizontal ? 4 : 8,
    splitNumber: horizontal ? 4 : 5,
    axisLabel: { formatter: (v: number) => formatAxis(v, lang.value), hideOverlap: true },
  }
  const legend = opts.legend ?? series.length > 1
  return {
    grid: { left: 8, right: 24, top: (legend ? 36 : 16) + (ann.markLine ? 18 : 0), bottom: 8, containLabel: true },
    legend: legend ? { top: 0, type: 'scroll', textStyle: { width: 104, overflow: 'truncate' }, tooltip: { show: true } } : undefined,
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
      itemStyle: { color: colorFor(s.id, i) },
      ...(s.type === 'line' ? { lineStyle: { color: colorFor(s.id, i), ...(s.dashed ? { type: 'dashed', width: 2 } : {}) } } : {}),
      emphasis: { focus: 'series' },
      symbol: s.dashed ? 'diamond' : 'circle',
      symbolSize: 8,
      label: opts.labels && (s.type ?? 'bar') === 'bar' ? { show: true, position: horizontal ? 'right' : 'top', formatter: (p: { value: unknown }) => tooltipValue(p.value), fontSize: 11 } : undefined,
      ...(i === 0 ? ann : {}),
    })) as ChartOption['series'],
  }
}

/** A pie, or a Nightingale rose with `rose`. */
export function pieChart(opts: { name: string; data: { name: string; value: number; id?: string }[]; rose?: boolean }): ChartOption {
  return {
    legend: { type: 'scroll', bottom: 0 },
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
        label: { formatter: '{b}: {c}', fontSize: 11 },
        data: opts.data.map((d, i) => ({ ...d, itemStyle: { color: colorFor(d.id, i) } })),
      },
    ],
  }
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
