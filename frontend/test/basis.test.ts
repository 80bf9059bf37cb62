// Every value says where it comes from: the basis labels, in both languages, that the
// dashboard shows beside weights, points, targets, estimated dates and figures.
import { afterEach, describe, expect, it } from 'vitest'
import { lang, t } from '../src/lib/i18n'
import { enumLabel } from '../src/lib/enums'

afterEach(() => {
  lang.value = 'zh'
})

describe('basis labels', () => {
  it('reads 公布 / 本办录入 / 默认配置 / 估计 in Chinese', () => {
    lang.value = 'zh'
    expect(['PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'].map(enumLabel)).toEqual(['公布', '本办录入', '默认配置', '估计'])
  })
  it('has English labels too', () => {
    lang.value = 'en'
    expect(['PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'].map(enumLabel)).toEqual([
      'Published', 'Entered by the office', 'Default configuration', 'Estimate',
    ])
  })
  it('never labels person-times as 名', () => {
    lang.value = 'zh'
    expect(t('personTimes')).toBe('记录为人次')
    expect(enumLabel('VOLUNTEERS')).toBe('志愿者人次')
    lang.value = 'en'
    expect(enumLabel('VOLUNTEERS')).toContain('person-times')
  })
  it('labels the level series as awards and keeps recognitions and recommendations apart', () => {
    lang.value = 'zh'
    expect(enumLabel('HONORS_NATIONAL')).toBe('全国级获评荣誉')
    expect(enumLabel('HONORS_TREATMENT_RECOGNISED')).toContain('待遇')
    expect(enumLabel('HONORS_RECOMMENDED')).toContain('推荐')
    expect(enumLabel('APPROXIMATE_AT_LEAST')).toContain('约…余')
  })
})
