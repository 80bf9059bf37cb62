// Pure logic of the 「实践与创建纪实」 page: unnamed actions stay unnamed, undated events say so, and the wish
// funnel keeps the article's order of 征集、发布、认领、实施.
import { beforeAll, describe, expect, it } from 'vitest'
import { loadLang } from '../src/lib/i18n'
import { actionName, eventDate, funnelRows, rt } from '../src/lib/record'

// English labels are a separate chunk in the app; load them as the app does before showing English.
beforeAll(() => loadLang('en'))

describe('record page helpers', () => {
  it('names the four actions the article names and never the other two', () => {
    expect(actionName({ code: 'THEORY', position: 1, nameZh: '党的创新理论传播', nameEn: "Spreading the Party's new theories", identified: true }, 'zh')).toBe('党的创新理论传播')
    expect(actionName({ code: 'THEORY', position: 1, nameZh: '党的创新理论传播', nameEn: "Spreading the Party's new theories", identified: true }, 'en')).toBe("Spreading the Party's new theories")
    const unnamed = { code: 'UNNAMED_5', position: 5, nameZh: '', nameEn: '', identified: false }
    expect(actionName(unnamed, 'zh')).toBe('未具名（原文未列出） · 5')
    expect(actionName(unnamed, 'en')).toContain('Unnamed')
    // Even a name sent for an unidentified action is not shown.
    expect(actionName({ ...unnamed, nameZh: '猜测的名称' }, 'zh')).not.toContain('猜测')
  })

  it('says 原文未注明日期 for an undated event', () => {
    expect(eventDate(null, 'zh')).toBe('原文未注明日期')
    expect(eventDate(undefined, 'en')).toBe('Undated in the article')
    expect(eventDate('2023-08-03', 'zh')).toBe('2023-08-03')
  })

  it('orders the funnel by the article and computes shares of the collected', () => {
    const rows = funnelRows(
      [
        { stage: 'FULFILLED', atStage: 24, reached: 24, demoReached: 24 },
        { stage: 'COLLECTED', atStage: 5, reached: 44, demoReached: 44 },
        { stage: 'CLAIMED', atStage: 9, reached: 33, demoReached: 33 },
        { stage: 'PUBLISHED', atStage: 6, reached: 39, demoReached: 0 },
      ],
      'zh',
    )
    expect(rows.map((r) => r.label)).toEqual(['征集', '发布', '认领', '实施'])
    expect(rows.map((r) => r.share)).toEqual([100, 88.6, 75, 54.5])
    expect(rows.map((r) => r.allDemo)).toEqual([true, false, true, true])
    expect(funnelRows([], 'zh')).toEqual([])
  })

  it('has every label in both languages', () => {
    for (const k of ['title', 'undated', 'unnamed', 'COLLECTED', 'SITE_VISIT', 'ONLINE_REVIEW', 'BUSINESS_ENVIRONMENT_MEETING', 'RURAL_REVITALISATION']) {
      expect(rt(k, undefined, 'zh')).not.toBe(k)
      expect(rt(k, undefined, 'en')).not.toBe(k)
      expect(rt(k, undefined, 'zh')).not.toBe(rt(k, undefined, 'en'))
    }
  })
})
