// The unit page (/units/:id): links to it from every table, and the pure shaping of its charts, so that the page
// and its tests share one reading of the UnitPage query.
import type { UnitPageQuery } from '../gql/UnitPage'
import { categoryChart } from './charts'
import type { ChartOption } from './echarts'
import { enumLabel } from './enums'
import { ta } from './i18n-admin'
export { unitTo } from './unitLink'

/** The Unit of the query's node (null when the ID names nothing or something other than a unit). */
export type UnitData = Extract<NonNullable<UnitPageQuery['node']>, { __typename?: 'Unit'; name: string }>
export function unitOf(d: UnitPageQuery | null | undefined): UnitData | null {
  const n = d?.node
  return n && 'name' in n && 'rankingHistory' in n ? (n as UnitData) : null
}

const LEVELS = ['NATIONAL', 'PROVINCIAL', 'PROVINCIAL_DIRECT'] as const

/** Honours per year, stacked by level, over the years the unit has honours in (and the chosen range). */
export function honorsByYear(u: UnitData, years: number[]): { years: number[]; byLevel: Record<string, number[]> } {
  const ys = [...new Set([...years, ...u.honors.map((h) => h.year)])].sort((a, b) => a - b)
  const byLevel: Record<string, number[]> = {}
  for (const l of LEVELS) byLevel[l] = ys.map((y) => u.honors.filter((h) => h.year === y && h.category.level === l).length)
  return { years: ys, byLevel }
}

export function honorsOption(u: UnitData, years: number[]): ChartOption {
  const h = honorsByYear(u, years)
  return categoryChart({
    categories: h.years.map(String),
    series: LEVELS.map((l) => ({ id: l, name: enumLabel(l), data: h.byLevel[l], stack: 'level' })),
    legend: true,
  })
}

type VolRow = UnitPageQuery['volunteerStats'][number]
export function volunteerOption(rows: VolRow[]): ChartOption {
  const sorted = [...rows].filter((r) => r.year != null).sort((a, b) => (a.year ?? 0) - (b.year ?? 0))
  return categoryChart({
    categories: sorted.map((r) => String(r.year)),
    series: [
      { id: 'hours', name: ta('fcUnitVolunteerHours'), data: sorted.map((r) => r.hours) },
      { id: 'verifiedHours', name: ta('fcUnitVerifiedHours'), data: sorted.map((r) => r.verifiedHours), type: 'line' },
    ],
    legend: true,
  })
}

export function assessmentOption(u: UnitData): ChartOption {
  const rows = [...u.assessments].sort((a, b) => a.year - b.year)
  return categoryChart({
    categories: rows.map((a) => String(a.year)),
    series: [
      { id: 'base', name: ta('fcUnitBase'), data: rows.map((a) => (a.veto ? 0 : a.baseScore)), stack: 'score' },
      { id: 'bonus', name: ta('fcUnitBonus'), data: rows.map((a) => (a.veto ? 0 : a.bonus)), stack: 'score' },
    ],
    legend: true,
  })
}

/** Rank by year as a line, rank 1 at the top. */
export function rankingOption(u: UnitData): ChartOption {
  const rows = u.rankingHistory
  const o = categoryChart({
    categories: rows.map((r) => String(r.year)),
    series: [{ id: 'rank', name: ta('fcUnitRank'), data: rows.map((r) => r.rank), type: 'line' }],
    legend: false,
  })
  const y = o.yAxis as Record<string, unknown>
  o.yAxis = { ...y, inverse: true, minInterval: 1, min: 1 }
  return o
}

/** A plain-language line for a ranking point: 「第 3 名 / 共 120 个单位」. */
export const rankText = (r: { rank: number; of: number }) => ta('fcUnitRankOf', { r: r.rank, n: r.of })
