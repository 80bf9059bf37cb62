// Where a number of the report's summary leads: the records behind it. The summary gives each number its metric
// expression (db/metric.go: honors:CODES@STATUSES, volunteers:CAMPAIGN, hours:CAMPAIGN, …) and its years; honours
// and volunteer records open in the same drill-down the overview's charts use, and the quantities that have no
// record API (donations, federation members, practice links, works) lead to the page that shows them.
import type { RecordDrill } from './drill'
import type { HonorStatus } from '../gql/graphql'

/** What a summary number counts (the API's SummaryFilter). */
export interface SummaryFilter {
  kpi: string
  metric: string
  fromYear: number
  toYear: number
}

/** A page that shows a quantity without a record API, with the summary's years. */
export interface PageLink {
  kind: 'page'
  path: string
  query: { from: string; to: string }
}

/** The drill-down (honours, volunteer records) or page behind a summary number. */
export type SummaryTarget = RecordDrill | PageLink

const pages: Record<string, string> = {
  cash: '/volunteering',
  material: '/volunteering',
  boxes: '/volunteering',
  batches: '/volunteering',
  donors: '/volunteering',
  federation: '/volunteering',
  projects: '/volunteering',
  practice: '/practice',
  sessions: '/practice',
  participants: '/practice',
  works: '/sources',
}

/** The records behind a summary number, as a drill-down the DrillPanel opens or a page link. */
export function summaryTarget(f: SummaryFilter, title: string): SummaryTarget {
  const years = { fromYear: f.fromYear, toYear: f.toYear }
  const [kind, arg = ''] = f.metric.split(':', 2)
  if (kind === 'honors') {
    const [codes, statuses] = arg.split('@', 2)
    const filter: RecordDrill & { kind: 'honors' } = {
      kind: 'honors',
      title,
      filter: { ...years, categories: codes.split(',').filter(Boolean) },
    }
    if (statuses) filter.filter.statuses = statuses.split(',').filter(Boolean) as HonorStatus[]
    return filter
  }
  if (kind === 'volunteers' || kind === 'hours') {
    return { kind: 'volunteer', title, filter: arg && arg !== 'ALL' ? { ...years, campaigns: [arg] } : years }
  }
  return { kind: 'page', path: pages[kind] ?? '/sources', query: { from: String(f.fromYear), to: String(f.toYear) } }
}
