// View state that lives in the URL (?from&to&lang&screen…) so a link reproduces
// the view, plus the global refresh tick used by the big screen.
import { computed, ref } from 'vue'
import type { LocationQuery, LocationQueryRaw, Router } from 'vue-router'
import { DEFAULT_FROM, DEFAULT_TO, parseYearRange, type Lang } from './format'
import { lang, setLang } from './i18n'

export const refreshTick = ref(0)

/** Years the dataset covers (from the dataset query); bounds the year pickers. */
export const coverage = ref({ first: DEFAULT_FROM, last: DEFAULT_TO })

/** Query keys carried from page to page (the rest are page-local). */
export const GLOBAL_KEYS = ['from', 'to', 'lang', 'screen', 'rotate', 'refresh'] as const

let routerRef: Router | undefined
export function bindRouter(r: Router) {
  routerRef = r
}

export function currentQuery(): LocationQuery {
  return routerRef?.currentRoute.value.query ?? {}
}

export function globalQuery(q: LocationQuery = currentQuery()): LocationQueryRaw {
  const out: LocationQueryRaw = {}
  for (const k of GLOBAL_KEYS) if (q[k] !== undefined) out[k] = q[k]
  return out
}

/** Merge keys into the URL (undefined deletes); replace, so Back leaves the page. */
export function setQuery(patch: Record<string, string | number | undefined | null>) {
  if (!routerRef) return
  const q: LocationQueryRaw = { ...routerRef.currentRoute.value.query }
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === null || v === '') delete q[k]
    else q[k] = String(v)
  }
  routerRef.replace({ query: q })
}

export const years = computed(() => {
  const q = routerRef?.currentRoute.value.query ?? {}
  return parseYearRange(q.from, q.to, { min: 2000, max: 2100 })
})

export const screen = computed(() => routerRef?.currentRoute.value.query.screen === '1')

/** ?svg=1 draws every chart with ECharts' SVG renderer, so its text can be read back from the page (tests, print). */
export const svgCharts = computed(() => routerRef?.currentRoute.value.query.svg === '1')

/**
 * Whether the reader asked their system for less motion (prefers-reduced-motion): the charts then draw at once,
 * without their entry animation, as WCAG 2.3.3 asks of motion that is not essential. Followed live.
 */
export const reducedMotion = ref(false)
if (typeof window !== 'undefined' && typeof window.matchMedia === 'function') {
  const mq = window.matchMedia('(prefers-reduced-motion: reduce)')
  reducedMotion.value = mq.matches
  mq.addEventListener?.('change', (e) => (reducedMotion.value = e.matches))
}

/** Keep the i18n language in step with ?lang (a choice made with the language button is also remembered). */
export function syncLang(q: LocationQuery) {
  const l: Lang = (Array.isArray(q.lang) ? q.lang[0] : q.lang) === 'en' ? 'en' : 'zh'
  if (lang.value !== l) void setLang(l)
}

export function queryString(q: LocationQuery, key: string): string | undefined {
  const v = q[key]
  const s = Array.isArray(v) ? v[0] : v
  return s ?? undefined
}
