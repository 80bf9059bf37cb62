// Server messages come as 「中文。English.」 (auth endpoints) or Chinese only
// (field errors); show the part in the reader's language.
import type { Lang } from './format'

/** Split a bilingual server message into its Chinese and English parts. */
export function splitMessage(msg: string): { zh: string; en: string } {
  const m = /^(.*[\u3400-\u9fff\uff00-\uffef\u3000-\u303f].*?[。！？）)])\s*([A-Za-z][\x20-\x7e]*)$/.exec(msg.trim())
  if (m) return { zh: m[1].trim(), en: m[2].trim() }
  return { zh: msg.trim(), en: msg.trim() }
}

/**
 * A server error in the reader's language: message is Chinese and extensions.messageEn English; gqlgen's own
 * errors are English in message with a Chinese extensions.messageZh.
 */
export function localMessage(e: { message: string; extensions?: Record<string, unknown> }, lang: Lang): string {
  const other = e.extensions?.[lang === 'en' ? 'messageEn' : 'messageZh']
  return typeof other === 'string' && other !== '' ? other : e.message
}

export function serverMessage(msg: string, lang: Lang): string {
  const s = splitMessage(msg)
  return lang === 'zh' ? s.zh : s.en
}
