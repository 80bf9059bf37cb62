// A category option names its recipient kind once: 河南省文明单位（校园）, not 河南省文明单位（校园）（校园）.
import { describe, expect, it } from 'vitest'
import { categoryOptionLabel } from '../src/lib/enums'
import { lang, setLang } from '../src/lib/i18n'

describe('categoryOptionLabel', () => {
  it('adds the recipient kind to a name that does not say it', () => {
    expect(categoryOptionLabel('全国文明单位', 'UNIT')).toBe('全国文明单位（单位）')
  })
  it('keeps a name that already ends in it as it is', () => {
    expect(categoryOptionLabel('河南省文明单位（校园）', 'CAMPUS')).toBe('河南省文明单位（校园）')
    expect(categoryOptionLabel('河南省文明单位标兵（校园）', 'CAMPUS')).toBe('河南省文明单位标兵（校园）')
  })
  it('does the same in English, whatever the case', async () => {
    await setLang('en')
    try {
      expect(categoryOptionLabel('Henan civilised unit (campus)', 'CAMPUS')).toBe('Henan civilised unit (campus)')
      expect(categoryOptionLabel('National civilised unit', 'UNIT')).toBe('National civilised unit (Unit)')
    } finally {
      lang.value = 'zh'
    }
  })
})
