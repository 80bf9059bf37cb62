// Number, money and year formatting for the dashboard. Pure functions so that the
// unit tests (and the e2e test's expectations) can pin the exact text users see.

export type Lang = 'zh' | 'en'
export type Qualifier = 'EXACT' | 'AT_LEAST' | 'APPROXIMATE' | 'APPROXIMATE_AT_LEAST'

/** Trim a fixed-point string: "1.50" → "1.5", "2.00" → "2". */
function trimFixed(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s
}

/** Round to at most `digits` decimals without floating noise. */
function fixed(n: number, digits: number): string {
  return trimFixed(n.toFixed(digits))
}

function groupEn(n: number, digits = 2): string {
  const abs = Math.abs(n)
  const s = Number.isInteger(abs) ? String(abs) : fixed(abs, digits)
  const [int, frac] = s.split('.')
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return (n < 0 ? '-' : '') + grouped + (frac ? '.' + frac : '')
}

/**
 * A plain number in the way a Chinese report writes it: below 1万 as digits
 * (3500), from 1万 in 万 (2.9万, 80万, 5000万), from 1亿 in 亿 (18.45亿).
 * English uses digit grouping below a million and "million"/"billion" above.
 * Without `digits` it is proseNumber, the office's register (at most one decimal);
 * published figures pass 2, so that the article's 18.45亿 stays whole.
 */
export function formatNumber(value: number, lang: Lang, digits?: number): string {
  if (digits === undefined) return proseNumber(value, lang)
  if (!Number.isFinite(value)) return '—'
  const abs = Math.abs(value)
  const sign = value < 0 ? '-' : ''
  if (lang === 'zh') {
    if (abs >= 1e8) return sign + fixed(abs / 1e8, Math.max(digits, 2)) + '亿'
    if (abs >= 1e4) return sign + fixed(abs / 1e4, digits) + '万'
    return sign + (Number.isInteger(abs) ? String(abs) : fixed(abs, digits))
  }
  if (abs >= 1e9) return sign + fixed(abs / 1e9, Math.max(digits, 3)) + ' billion'
  if (abs >= 1e6) return sign + fixed(abs / 1e6, digits) + ' million'
  return groupEn(value, digits)
}

/** Round half away from zero to `digits` decimals, as Go's math.Round does. */
function roundAway(n: number, digits: number): number {
  const p = 10 ** digits
  return (Math.sign(n) * Math.round(Math.abs(n) * p)) / p
}

/** `n` rounded to `digits` decimals, without trailing zeros. */
function trimmed(n: number, digits: number): string {
  return String(roundAway(n, digits))
}

/**
 * A number as the office writes it in running text, the same rule as the summary's (db.ProseNumber; both are tested
 * against db/testdata/prose_numbers.json): below 1万 as digits with at most one decimal, then 万 or 亿 with at most
 * one decimal (2.9万, 106.6万, 18.5亿), so that no five-digit number reaches prose. English keeps its own style:
 * grouped digits below a million, then "1.07 million", "1.85 billion". Tables keep exact digits instead.
 */
export function proseNumber(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return '—'
  const sign = value < 0 ? '-' : ''
  const v = Math.abs(value)
  if (lang === 'en') {
    if (roundAway(v / 1e9, 2) >= 1) return sign + trimmed(v / 1e9, 2) + ' billion'
    if (roundAway(v / 1e6, 2) >= 1) return sign + trimmed(v / 1e6, 2) + ' million'
    return sign + groupEn(roundAway(v, 1), 1)
  }
  if (roundAway(v / 1e8, 1) >= 1 || roundAway(v / 1e4, 1) >= 10000) return sign + trimmed(v / 1e8, 1) + '亿'
  if (v >= 1e4) return sign + trimmed(v / 1e4, 1) + '万'
  return sign + trimmed(v, 1)
}

/** A change as a signed percentage with one decimal: +12.5%, -3%. */
export function formatPercent(ratio: number): string {
  const p = roundAway(ratio * 100, 1)
  return `${p > 0 ? '+' : ''}${p}%`
}

/**
 * Labels for a whole value axis in one unit, chosen by the axis's largest value: every tick in 万 (0.5万, 1.2万)
 * once the axis reaches 1万, or every tick in plain digits below that; English uses k, M and B the same way. So
 * one axis never mixes 1.2万 and 9000.
 */
export function axisFormatter(max: number, lang: Lang): (value: number) => string {
  const steps: [number, string][] = lang === 'zh' ? [[1e8, '亿'], [1e4, '万']] : [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']]
  const [div, unit] = steps.find(([d]) => Math.abs(max) >= d) ?? [1, '']
  return (value: number) => (value === 0 ? '0' : trimmed(value / div, div === 1 ? 1 : 2) + unit)
}

/** Short axis labels: 12万 / 120k. */
export function formatAxis(value: number, lang: Lang): string {
  const abs = Math.abs(value)
  if (lang === 'zh') return formatNumber(value, 'zh', 1)
  if (abs >= 1e9) return fixed(value / 1e9, 1) + 'B'
  if (abs >= 1e6) return fixed(value / 1e6, 1) + 'M'
  if (abs >= 1e3) return fixed(value / 1e3, 1) + 'k'
  return fixed(value, 1)
}

/**
 * A published figure with its qualifier: 「3500余」/「3500+」 for AT_LEAST,
 * 「约164万」/「about 1.64 million」 for APPROXIMATE, and 「约164万余」/「about 1.64 million+」
 * for APPROXIMATE_AT_LEAST, as the article writes 「约164万余元」. Never a bare number for a
 * qualified figure.
 */
export function formatFigure(value: number, qualifier: Qualifier, lang: Lang): string {
  const n = formatNumber(value, lang, 2)
  switch (qualifier) {
    case 'AT_LEAST':
      return lang === 'zh' ? `${n}余` : `${n}+`
    case 'APPROXIMATE':
      return lang === 'zh' ? `约${n}` : `about ${n}`
    case 'APPROXIMATE_AT_LEAST':
      return lang === 'zh' ? `约${n}余` : `about ${n}+`
    default:
      return n
  }
}

/** Read back a number formatted by formatNumber/formatFigure (used by tests). */
export function parseFormatted(text: string): number {
  const t = text.replace(/[,\s]/g, '').replace(/^约|^about|余$|\+$/g, '')
  const m = /^(-?\d+(?:\.\d+)?)(亿|万|billion|million)?/.exec(t)
  if (!m) return NaN
  const base = Number(m[1])
  const mult = { 亿: 1e8, 万: 1e4, billion: 1e9, million: 1e6 }[m[2] as '亿'] ?? 1
  return Math.round(base * mult * 1e6) / 1e6
}

/**
 * Parse the Yuan scalar (whole yuan as a decimal string) to BigInt. Accepts a
 * number too, in case a server sends one; rejects fractions and junk.
 */
export function parseYuan(v: string | number | null | undefined): bigint {
  if (v === null || v === undefined || v === '') return 0n
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new Error(`unsafe yuan amount ${v}`)
    return BigInt(v)
  }
  const s = v.trim()
  if (!/^-?\d+$/.test(s)) throw new Error(`invalid yuan amount ${JSON.stringify(v)}`)
  return BigInt(s)
}

/** Divide a BigInt by 10^k and round half up to `digits` decimals, as a string. */
function scaled(n: bigint, k: number, digits: number): string {
  const neg = n < 0n
  const a = neg ? -n : n
  const denom = 10n ** BigInt(k)
  const factor = 10n ** BigInt(digits)
  const q = (a * factor * 2n + denom) / (denom * 2n) // round half up
  const int = q / factor
  const frac = (q % factor).toString().padStart(digits, '0')
  return (neg ? '-' : '') + trimFixed(digits > 0 ? `${int}.${frac}` : `${int}`)
}

/** Money in 万元/亿元 (zh) or ¥ million/billion (en). */
export function formatYuan(v: string | number | null | undefined, lang: Lang): string {
  const n = parseYuan(v)
  const abs = n < 0n ? -n : n
  if (lang === 'zh') {
    if (abs >= 100000000n) return scaled(n, 8, 2) + '亿元'
    if (abs >= 10000n) return scaled(n, 4, 2) + '万元'
    return n.toString() + '元'
  }
  if (abs >= 1000000000n) return '¥' + scaled(n, 9, 3) + ' billion'
  if (abs >= 1000000n) return '¥' + scaled(n, 6, 2) + ' million'
  return '¥' + groupEn(Number(n))
}

/** Yuan as a Number of 万元 for charts (safe: chart precision is not money precision). */
export function yuanToWan(v: string | number | null | undefined): number {
  const n = parseYuan(v)
  return Number(scaled(n, 4, 2))
}

export const DEFAULT_FROM = 2019
export const DEFAULT_TO = 2024
export const MIN_YEAR = 2000
export const MAX_YEAR = 2100

/**
 * Normalise a year range from URL parameters: missing or junk values fall back
 * to the default 2019–2024, values are clamped to [min, max], and a reversed
 * range is swapped.
 */
export function parseYearRange(
  from: unknown,
  to: unknown,
  bounds: { min?: number; max?: number; defFrom?: number; defTo?: number } = {},
): { from: number; to: number } {
  const min = bounds.min ?? MIN_YEAR
  const max = bounds.max ?? MAX_YEAR
  const read = (v: unknown, def: number) => {
    const s = Array.isArray(v) ? v[0] : v
    const n = typeof s === 'number' ? s : typeof s === 'string' && /^\d{4}$/.test(s.trim()) ? Number(s) : NaN
    if (!Number.isInteger(n)) return def
    return Math.min(max, Math.max(min, n))
  }
  let f = read(from, bounds.defFrom ?? DEFAULT_FROM)
  let t = read(to, bounds.defTo ?? DEFAULT_TO)
  if (f > t) [f, t] = [t, f]
  return { from: f, to: t }
}

/** 2019–2024年 / 2019–2024; a single year as 2021年 / 2021. */
export function formatYearRange(from: number, to: number, lang: Lang): string {
  const core = from === to ? String(from) : `${from}–${to}`
  return lang === 'zh' ? `${core}年` : core
}

/** The list of years in a range, inclusive. */
export function yearsOf(from: number, to: number): number[] {
  const out: number[] = []
  for (let y = from; y <= to; y++) out.push(y)
  return out
}

/** Rank movement as text plus symbol, so colour is never the only carrier. */
export function rankChange(
  rank: number,
  previous: number | null | undefined,
  lang: Lang,
): { symbol: string; text: string; delta: number | null } {
  if (previous === null || previous === undefined) {
    return { symbol: '★', text: lang === 'zh' ? '新上榜' : 'new', delta: null }
  }
  const d = previous - rank
  if (d > 0) return { symbol: '▲', text: lang === 'zh' ? `上升${d}位` : `up ${d}`, delta: d }
  if (d < 0) return { symbol: '▼', text: lang === 'zh' ? `下降${-d}位` : `down ${-d}`, delta: d }
  return { symbol: '＝', text: lang === 'zh' ? '持平' : 'no change', delta: 0 }
}

/** RFC 3339 → local "YYYY-MM-DD HH:MM". */
export function formatTime(s: string | null | undefined): string {
  if (!s) return '—'
  const d = new Date(s)
  if (Number.isNaN(d.getTime())) return s
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** A byte count as B, KB or MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
