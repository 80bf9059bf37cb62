// The overview's first three questions, asked as soon as the app starts on / (see prefetch in lib/gql.ts): on a
// slow phone they travel beside the page's code and the sign-in check instead of after them.
import { HeadlineDocument } from '../gql/Headline'
import { OverviewDocument } from '../gql/Overview'
import { ProgressDocument } from '../gql/Progress'
import { parseYearRange } from './format'
import { prefetch } from './gql'

/** Ask early for the data the overview at this address will ask for, with the same variables it will use. */
export function prefetchOverview(url: URL) {
  if (url.pathname !== '/') return
  const q = url.searchParams
  const { from, to } = parseYearRange(q.get('from') ?? undefined, q.get('to') ?? undefined, { min: 2000, max: 2100 })
  prefetch(OverviewDocument, { from, to })
  prefetch(HeadlineDocument, { from, to })
  prefetch(ProgressDocument, { from, to, cumulative: q.get('mode') === 'cumulative' })
}
