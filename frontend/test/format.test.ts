import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  formatFigure, formatNumber, formatPercent, formatYearRange, proseNumber, formatYuan, parseFormatted, parseYearRange, parseYuan,
  rankChange, yearsOf, yuanToWan,
} from '../src/lib/format'

describe('formatNumber (万/亿)', () => {
  it('keeps small numbers as digits in Chinese', () => {
    expect(formatNumber(3500, 'zh')).toBe('3500')
    expect(formatNumber(86, 'zh')).toBe('86')
    expect(formatNumber(9999, 'zh')).toBe('9999')
  })
  it('uses 万 from ten thousand', () => {
    expect(formatNumber(10000, 'zh')).toBe('1万')
    expect(formatNumber(29000, 'zh')).toBe('2.9万')
    expect(formatNumber(800000, 'zh')).toBe('80万')
    expect(formatNumber(1640000, 'zh')).toBe('164万')
    expect(formatNumber(50000000, 'zh')).toBe('5000万')
    expect(formatNumber(12345, 'zh')).toBe('1.2万')
    expect(formatNumber(12345, 'zh', 2)).toBe('1.23万')
  })
  it('uses 亿 from a hundred million', () => {
    expect(formatNumber(1845000000, 'zh')).toBe('18.5亿')
    expect(formatNumber(1845000000, 'zh', 2)).toBe('18.45亿')
    expect(formatNumber(100000000, 'zh')).toBe('1亿')
  })
  it('groups digits in English and names millions', () => {
    expect(formatNumber(3500, 'en')).toBe('3,500')
    expect(formatNumber(800000, 'en')).toBe('800,000')
    expect(formatNumber(1640000, 'en')).toBe('1.64 million')
    expect(formatNumber(1845000000, 'en')).toBe('1.85 billion')
    expect(formatNumber(1845000000, 'en', 2)).toBe('1.845 billion')
  })
  it('handles non-finite values', () => {
    expect(formatNumber(NaN, 'zh')).toBe('—')
  })
})

describe('formatFigure (「余」 and 「约」)', () => {
  it('never prints a bare number for AT_LEAST', () => {
    expect(formatFigure(3500, 'AT_LEAST', 'zh')).toBe('3500余')
    expect(formatFigure(3500, 'AT_LEAST', 'en')).toBe('3,500+')
    expect(formatFigure(29000, 'AT_LEAST', 'zh')).toBe('2.9万余')
    expect(formatFigure(800000, 'AT_LEAST', 'zh')).toBe('80万余')
  })
  it('prefixes 约 for APPROXIMATE', () => {
    expect(formatFigure(1640000, 'APPROXIMATE', 'zh')).toBe('约164万')
    expect(formatFigure(1640000, 'APPROXIMATE', 'en')).toBe('about 1.64 million')
  })
  it('writes 约…余 as the article does for APPROXIMATE_AT_LEAST (「约164万余元」)', () => {
    expect(formatFigure(1640000, 'APPROXIMATE_AT_LEAST', 'zh')).toBe('约164万余')
    expect(formatFigure(1640000, 'APPROXIMATE_AT_LEAST', 'en')).toBe('about 1.64 million+')
  })
  it('prints EXACT figures plainly', () => {
    expect(formatFigure(43, 'EXACT', 'zh')).toBe('43')
    expect(formatFigure(1845000000, 'EXACT', 'zh')).toBe('18.45亿')
  })
  it('round-trips through parseFormatted', () => {
    for (const v of [3500, 29000, 800000, 1640000, 50000000, 1845000000, 43, 7600]) {
      for (const q of ['EXACT', 'AT_LEAST', 'APPROXIMATE', 'APPROXIMATE_AT_LEAST'] as const) {
        for (const l of ['zh', 'en'] as const) expect(parseFormatted(formatFigure(v, q, l))).toBe(v)
      }
    }
  })
})

describe('Yuan scalar', () => {
  it('parses decimal strings exactly with BigInt', () => {
    expect(parseYuan('1845000000')).toBe(1845000000n)
    expect(parseYuan('90071992547409930')).toBe(90071992547409930n)
    expect(parseYuan('')).toBe(0n)
    expect(parseYuan(null)).toBe(0n)
    expect(parseYuan(1040000)).toBe(1040000n)
  })
  it('rejects fractions and junk', () => {
    expect(() => parseYuan('12.5')).toThrow()
    expect(() => parseYuan('1e6')).toThrow()
    expect(() => parseYuan(1.5)).toThrow()
  })
  it('formats 万元 and 亿元', () => {
    expect(formatYuan('1640000', 'zh')).toBe('164万元')
    expect(formatYuan('1040000', 'zh')).toBe('104万元')
    expect(formatYuan('50000000', 'zh')).toBe('5000万元')
    expect(formatYuan('1845000000', 'zh')).toBe('18.45亿元')
    expect(formatYuan('12345', 'zh')).toBe('1.23万元')
    expect(formatYuan('12355', 'zh')).toBe('1.24万元')
    expect(formatYuan('800', 'zh')).toBe('800元')
    expect(formatYuan('1845000000', 'en')).toBe('¥1.845 billion')
    expect(formatYuan('1040000', 'en')).toBe('¥1.04 million')
    expect(formatYuan('6000', 'en')).toBe('¥6,000')
  })
  it('converts to 万 for charts', () => {
    expect(yuanToWan('6000000')).toBe(600)
    expect(yuanToWan('1845000000')).toBe(184500)
  })
})

describe('year ranges', () => {
  it('defaults to 2019–2024', () => {
    expect(parseYearRange(undefined, undefined)).toEqual({ from: 2019, to: 2024 })
    expect(parseYearRange('abc', '')).toEqual({ from: 2019, to: 2024 })
  })
  it('reads URL strings and arrays', () => {
    expect(parseYearRange('2020', '2022')).toEqual({ from: 2020, to: 2022 })
    expect(parseYearRange(['2021'], ['2021'])).toEqual({ from: 2021, to: 2021 })
  })
  it('swaps reversed ranges and clamps to bounds', () => {
    expect(parseYearRange('2024', '2019')).toEqual({ from: 2019, to: 2024 })
    expect(parseYearRange('1990', '2030', { min: 2019, max: 2024 })).toEqual({ from: 2019, to: 2024 })
  })
  it('formats ranges per language', () => {
    expect(formatYearRange(2019, 2024, 'zh')).toBe('2019–2024年')
    expect(formatYearRange(2019, 2024, 'en')).toBe('2019–2024')
    expect(formatYearRange(2021, 2021, 'zh')).toBe('2021年')
  })
  it('lists years inclusively', () => {
    expect(yearsOf(2019, 2024)).toEqual([2019, 2020, 2021, 2022, 2023, 2024])
    expect(yearsOf(2021, 2021)).toEqual([2021])
  })
})

describe('rank change', () => {
  it('carries meaning in text and symbol', () => {
    expect(rankChange(3, 5, 'zh')).toEqual({ symbol: '▲', text: '上升2位', delta: 2 })
    expect(rankChange(5, 3, 'en')).toEqual({ symbol: '▼', text: 'down 2', delta: -2 })
    expect(rankChange(4, 4, 'zh').text).toBe('持平')
    expect(rankChange(1, null, 'zh').text).toBe('新上榜')
  })
})

describe('proseNumber (the office register, shared with the summary)', () => {
  // db/testdata/prose_numbers.json is the list db.ProseNumber is tested against too: one rule, two languages' code.
  const shared = JSON.parse(readFileSync(new URL('../../db/testdata/prose_numbers.json', import.meta.url), 'utf8')) as {
    cases: { name: string; value: number; zh: string; en: string }[]
  }
  it('has the shared cases', () => expect(shared.cases.length).toBeGreaterThanOrEqual(10))
  for (const c of shared.cases) {
    it(c.name, () => {
      expect(proseNumber(c.value, 'zh')).toBe(c.zh)
      expect(proseNumber(c.value, 'en')).toBe(c.en)
    })
  }
  it('never writes five digits in a row in Chinese', () => {
    for (let v = 1; v < 1e12; v *= 3.7) expect(proseNumber(v, 'zh')).not.toMatch(/\d{5}/)
  })
})

describe('formatPercent', () => {
  it('signs and rounds to one decimal', () => {
    expect(formatPercent(0.125)).toBe('+12.5%')
    expect(formatPercent(-0.03)).toBe('-3%')
    expect(formatPercent(0)).toBe('0%')
  })
})
