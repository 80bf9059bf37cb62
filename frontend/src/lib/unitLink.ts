// The link to a unit's page, kept apart from the page's chart helpers so that every table can import it cheaply.
import type { RouteLocationRaw } from 'vue-router'
import { currentQuery } from './state'

/** The unit page's route (/units/:id), keeping the reader's language and year range. */
export function unitTo(id: string): RouteLocationRaw {
  const q = currentQuery()
  const keep: Record<string, string> = {}
  for (const k of ['lang', 'from', 'to']) if (typeof q[k] === 'string') keep[k] = q[k] as string
  return { path: `/units/${encodeURIComponent(id)}`, query: keep }
}
