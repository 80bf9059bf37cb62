// The audit log as the page shows it: each entry's title and changes in the reader's language (the server names the
// record and labels the fields, from the entry's own snapshots), and the link to the record while it exists.
import type { RouteLocationRaw } from 'vue-router'
import type { AuditLogQuery } from '../gql/AuditLog'
import type { Lang } from './format'
import { unitTo } from './unitLink'

/** One entry of the audit log as the page's query returns it. */
export type AuditEntry = AuditLogQuery['auditLog']['edges'][number]['node']

/** One changed field as the page shows it. */
export interface ChangeRow {
  field: string
  label: string
  before: string
  after: string
  /** added: it had no value before (a create); removed: none after (a delete); changed: both. */
  change: 'added' | 'removed' | 'changed'
}

/** The record's name in a language. */
export function auditTitle(e: Pick<AuditEntry, 'title' | 'titleEn'>, l: Lang): string {
  return l === 'en' ? e.titleEn : e.title
}

/** The entry's changes in a language, in the order the server gives them (the form's order). */
export function changeRows(e: Pick<AuditEntry, 'changes'>, l: Lang): ChangeRow[] {
  return e.changes.map((c) => {
    const before = (l === 'en' ? c.beforeLabelEn : c.beforeLabel) ?? ''
    const after = (l === 'en' ? c.afterLabelEn : c.afterLabel) ?? ''
    return {
      field: c.field,
      label: l === 'en' ? c.labelEn : c.label,
      before,
      after,
      change: c.before == null ? 'added' : c.after == null ? 'removed' : 'changed',
    }
  })
}

/** Where the entry's record is shown, while it exists: its unit's page for a unit's records, else its list page. */
export function recordLink(e: Pick<AuditEntry, 'entity' | 'record'>): RouteLocationRaw | undefined {
  const r = e.record
  if (!r) return undefined
  if (e.entity === 'UNIT') return unitTo(r.id)
  const unit = ('unit' in r && r.unit) || ('ownUnit' in r && r.ownUnit) || null
  if (unit) return unitTo(unit.id)
  const pages: Record<string, string> = {
    CAMPAIGN: '/volunteering', DONATION: '/volunteering', WISH: '/record', EXCELLENT_CASE: '/record', TALENT_MEMBER: '/record',
    CIVILISATION_EVENT: '/record', TARGET: '/admin/targets', HONOR_CATEGORY: '/rankings', PERSON: '/models', HONOR: '/creation',
  }
  return pages[e.entity] ? { path: pages[e.entity] } : undefined
}
