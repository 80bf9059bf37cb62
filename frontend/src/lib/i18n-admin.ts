// Labels of the sign-in, import, data-entry and admin pages: Chinese from src/i18n/admin-zh.ts (loaded with
// those lazy pages), English from src/i18n/en.ts once lib/i18n.ts has loaded it.
import adminZh, { type AdminKey } from '../i18n/admin-zh'
import { interpolate } from '../i18n/interpolate'
import { englishAdmin, lang } from './i18n'

export type { AdminKey }

/** Translate an admin key, filling every {name} placeholder. */
export function ta(key: AdminKey, vars?: Record<string, string | number>): string {
  const s = (lang.value === 'en' ? englishAdmin()?.[key] : undefined) ?? adminZh[key] ?? key
  return interpolate(s, vars)
}

/** A label for a dynamic key (entity_…, action_…, kind_…, scope_…), or the code itself. */
export function taOr(key: string, fallback: string): string {
  return key in adminZh ? ta(key as AdminKey) : fallback
}
