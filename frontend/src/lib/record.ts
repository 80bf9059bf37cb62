// Labels and pure helpers of the 「实践与创建纪实」 page: the 六大行动 (two of them unnamed by the article),
// 「四送一助力」, the wish funnel, the talent pool and the meetings and trainings.
import recordZh from '../i18n/record-zh'
import { interpolate } from '../i18n/interpolate'
import { englishMessages, lang } from './i18n'
import type { Lang } from './format'


/** Translate a key of this page, filling {name} placeholders; unknown codes come back unchanged. */
export function rt(key: string, vars?: Record<string, string | number>, l: Lang = lang.value): string {
  const en = l === 'en' ? (englishMessages()?.record as Record<string, string> | undefined) : undefined
  return interpolate(en?.[key] ?? (recordZh as Record<string, string>)[key] ?? key, vars)
}

export interface PracticeActionRow {
  code: string
  position: number
  nameZh: string
  nameEn: string
  identified: boolean
}

/** The name of a practice action; the two the article does not name say so, and are never given a name. */
export function actionName(a: PracticeActionRow, l: Lang = lang.value): string {
  if (!a.identified) return `${rt('unnamed', undefined, l)} · ${a.position}`
  return l === 'en' ? a.nameEn || a.nameZh : a.nameZh
}

/** A date as the article gives it, or 「原文未注明日期」 when it gives none. */
export function eventDate(date: string | null | undefined, l: Lang = lang.value): string {
  return date ? date : rt('undated', undefined, l)
}

export interface FunnelStage {
  stage: string
  atStage: number
  reached: number
  demoReached: number
}

/** Rows of the wish funnel in the article's order (征集、发布、认领、实施), with each stage's share of the collected. */
export function funnelRows(stages: FunnelStage[], l: Lang = lang.value) {
  const order = ['COLLECTED', 'PUBLISHED', 'CLAIMED', 'FULFILLED']
  const sorted = [...stages].sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage))
  const first = sorted[0]?.reached ?? 0
  return sorted.map((s) => ({
    ...s,
    label: rt(s.stage, undefined, l),
    share: first > 0 ? Math.round((s.reached / first) * 1000) / 10 : 0,
    allDemo: s.reached > 0 && s.demoReached === s.reached,
  }))
}
