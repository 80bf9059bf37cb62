// Two-language labels. Chinese is the default and loads with the first page; English (src/i18n/en.ts) is a
// dynamic import, fetched only when chosen. The choice lives in ?lang=en; the language button also remembers it
// in localStorage, so that a reload or a bare link comes back in the language the reader picked.
import { ref } from 'vue'
import type { Lang } from './format'
import { interpolate } from '../i18n/interpolate'
import zh, { type MsgKey } from '../i18n/zh'
import type { AdminKey } from '../i18n/admin-zh'

export type { MsgKey }

/** The language the UI shows; it changes only once that language's labels have loaded. */
export const lang = ref<Lang>('zh')

type English = typeof import('../i18n/en')
let english: English | undefined
let loading: Promise<English> | undefined

/** Load a language's labels (a no-op for Chinese or once English is here). */
export async function loadLang(l: Lang): Promise<void> {
  if (l === 'zh' || english) return
  loading ??= import('../i18n/en')
  english = await loading
}

/** Show a language: load its labels, then switch, so that no label flashes in the other one. */
export async function setLang(l: Lang): Promise<void> {
  await loadLang(l)
  lang.value = l
  if (typeof document !== 'undefined') document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en'
}

/** Every English label, once loaded (the admin and record pages' helpers read their parts). */
export function englishMessages(): English | undefined {
  return english
}

/** The English admin labels, once loaded (lib/i18n-admin.ts reads them). */
export function englishAdmin(): Record<AdminKey, string> | undefined {
  return english?.admin
}

/** The storage key of the chosen language. */
export const LANG_KEY = 'wenming.lang'

/** A storage the language is remembered in (localStorage in the browser). */
export type LangStore = Pick<Storage, 'getItem' | 'setItem'>

function browserStore(): LangStore | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined // storage disabled: the URL still carries the language
  }
}

/** Remember the chosen language. */
export function rememberLang(l: Lang, store: LangStore | undefined = browserStore()) {
  try {
    store?.setItem(LANG_KEY, l)
  } catch {
    /* quota or privacy mode: nothing to remember in */
  }
}

/**
 * The language of a first load: ?lang= when the URL names one, else the remembered choice, else Chinese.
 * search is location.search.
 */
export function initialLang(search: string, store: LangStore | undefined = browserStore()): Lang {
  const q = new URLSearchParams(search).get('lang')
  if (q === 'en' || q === 'zh') return q
  let stored: string | null
  try {
    stored = store?.getItem(LANG_KEY) ?? null
  } catch {
    stored = null
  }
  return stored === 'en' ? 'en' : 'zh'
}

/** Translate a key, filling every {name} placeholder. */
export function t(key: MsgKey, vars?: Record<string, string | number>): string {
  const s = (lang.value === 'en' ? english?.messages[key] : undefined) ?? zh[key] ?? key
  return interpolate(s, vars)
}

/** Pick the Chinese or English member of an API label pair. */
export function pick(zhText: string | null | undefined, enText: string | null | undefined): string {
  return (lang.value === 'zh' ? zhText : enText || zhText) ?? ''
}
