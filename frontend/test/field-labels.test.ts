// The one label table as the dashboard reads it (src/lib/fieldLabels.ts over db/fieldlabels.json).
import { describe, expect, it } from 'vitest'
import { anyFieldLabel, fieldLabel, fieldLabels } from '../src/lib/fieldLabels'
import { lang } from '../src/lib/i18n'
import { useHonorColumns, useVolunteerColumns } from '../src/lib/records'

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

// The record tables' columns (honours and volunteer records, lib/records.ts) are labelled from the same table; the
// export headers are checked against it in Go (db/importer/labels_test.go), the forms in test/components/FieldLabels.test.ts.
describe('table columns take their labels from the label table', () => {
  const honorFields: Record<string, string> = { recipient: 'recipientName' }
  for (const l of ['zh', 'en'] as const) {
    it(`honour and volunteer-record columns (${l})`, () => {
      lang.value = l
      try {
        const honors = useHonorColumns({ citation: true }).value
        expect(honors.map((c) => c.key)).toContain('citation')
        for (const c of honors) expect(c.label, c.key).toBe(fieldLabel('Honor', (honorFields[c.key] ?? c.key) as 'year', l))
        for (const c of useVolunteerColumns().value) expect(c.label, c.key).toBe(fieldLabel('VolunteerRecord', c.key as 'date', l))
      } finally {
        lang.value = 'zh'
      }
    })
  }
  it('says 志愿者人次, the table’s word, for volunteers', () => {
    expect(useVolunteerColumns().value.find((c) => c.key === 'volunteers')?.label).toBe('志愿者人次')
  })
})
