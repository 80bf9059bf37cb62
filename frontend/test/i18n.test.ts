// The message modules: one interpolation for every placeholder, the same keys and placeholders in both
// languages, English punctuation in English, and the remembered language.
import { describe, expect, it } from 'vitest'
import adminZh from '../src/i18n/admin-zh'
import { admin as adminEn, messages as en, record as recordEn } from '../src/i18n/en'
import recordZh from '../src/i18n/record-zh'
import { interpolate } from '../src/i18n/interpolate'
import zh from '../src/i18n/zh'
import { initialLang, LANG_KEY, lang, loadLang, rememberLang, setLang, t, type LangStore } from '../src/lib/i18n'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

function memoryStore(init: Record<string, string> = {}): LangStore & { data: Record<string, string> } {
  const data = { ...init }
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) }
}

describe('interpolate', () => {
  it('replaces every occurrence of every placeholder', () => {
    expect(interpolate('{n} 条，共 {n} 条，第 {p} 页', { n: 3, p: 2 })).toBe('3 条，共 3 条，第 2 页')
  })
  it('leaves placeholders without a value, and text without vars, as they are', () => {
    expect(interpolate('{a} and {b}', { a: 'x' })).toBe('x and {b}')
    expect(interpolate('{a}')).toBe('{a}')
  })
  it('does not read inherited members', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}')
  })
})

describe('the two languages', () => {
  for (const [name, a, b] of [['dashboard', zh, en], ['admin', adminZh, adminEn], ['record', recordZh, recordEn]] as const) {
    it(`${name}: same keys`, () => {
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort())
    })
    it(`${name}: same placeholders`, () => {
      const za = a as Record<string, string>
      const eb = b as Record<string, string>
      for (const k of Object.keys(za)) expect([k, placeholders(eb[k] ?? '')]).toEqual([k, placeholders(za[k])])
    })
    it(`${name}: English uses English punctuation`, () => {
      const bad = Object.entries(b as Record<string, string>).filter(([, v]) => /[、，。（）：；！？《》【】]/.test(v))
      expect(bad).toEqual([])
    })
  }
})

describe('language choice', () => {
  it('takes ?lang= first, then the remembered choice, then Chinese', () => {
    expect(initialLang('?lang=en', memoryStore())).toBe('en')
    expect(initialLang('?lang=zh', memoryStore({ [LANG_KEY]: 'en' }))).toBe('zh')
    expect(initialLang('?from=2020', memoryStore({ [LANG_KEY]: 'en' }))).toBe('en')
    expect(initialLang('', memoryStore())).toBe('zh')
    expect(initialLang('?lang=fr', memoryStore({ [LANG_KEY]: 'xx' }))).toBe('zh')
  })
  it('remembers the choice across a reload', () => {
    const store = memoryStore()
    rememberLang('en', store)
    expect(store.data[LANG_KEY]).toBe('en')
    expect(initialLang('', store)).toBe('en')
    rememberLang('zh', store)
    expect(initialLang('', store)).toBe('zh')
  })
  it('survives a storage that throws', () => {
    const broken: LangStore = { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('denied') } }
    expect(() => rememberLang('en', broken)).not.toThrow()
    expect(initialLang('', broken)).toBe('zh')
  })
  it('switches only once English has loaded, and t fills placeholders', async () => {
    await loadLang('zh')
    expect(t('total', { n: 5 })).toBe('共 5 条')
    await setLang('en')
    expect(lang.value).toBe('en')
    expect(t('total', { n: 5 })).toBe(en.total.replace('{n}', '5'))
    await setLang('zh')
    expect(t('appTitle')).toBe('文明看板')
  })
})
