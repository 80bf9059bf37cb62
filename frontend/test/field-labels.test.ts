// The one label table as the dashboard reads it (src/lib/fieldLabels.ts over db/fieldlabels.json).
import { describe, expect, it } from 'vitest'
import { anyFieldLabel, fieldLabel, fieldLabels } from '../src/lib/fieldLabels'

describe('fieldLabels', () => {
  it('names a field in either language', () => {
    expect(fieldLabel('VolunteerRecord', 'volunteers', 'zh')).toBe('志愿者人次')
    expect(fieldLabel('VolunteerRecord', 'volunteers', 'en')).toBe('Volunteers (person-times)')
  })
  it('names a field the table lacks by itself', () => {
    expect(anyFieldLabel('Honor', 'noSuchField', 'zh')).toBe('noSuchField')
    expect(anyFieldLabel('NoSuchType', 'year', 'en')).toBe('year')
  })
  it('has both languages for every field', () => {
    for (const [entity, fields] of Object.entries(fieldLabels)) {
      for (const [field, l] of Object.entries(fields)) {
        expect(l.zh, `${entity}.${field}`).not.toBe('')
        expect(l.en, `${entity}.${field}`).not.toBe('')
      }
    }
  })
})
