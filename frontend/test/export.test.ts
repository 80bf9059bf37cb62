import { describe, expect, it } from 'vitest'
import { exportUrl, toCsv, type Column } from '../src/lib/export'

interface Row { name: string; n: number; ok: boolean }
const cols: Column<Row>[] = [
  { key: 'name', label: '名称' },
  { key: 'n', label: '数量', value: (r) => r.n, numeric: true },
  { key: 'ok', label: '是否', text: (r) => (r.ok ? '是' : '否') },
]

describe('CSV', () => {
  it('starts with a BOM and uses CRLF', () => {
    const csv = toCsv([{ name: '省直', n: 3500, ok: true }], cols)
    expect(csv.startsWith('\uFEFF名称,数量,是否\r\n')).toBe(true)
    expect(csv).toContain('省直,3500,是\r\n')
  })
  it('quotes commas, quotes and newlines', () => {
    const csv = toCsv([{ name: 'a,"b"\nc', n: 1, ok: false }], cols)
    expect(csv).toContain('"a,""b""\nc",1,否')
  })
  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    const csv = toCsv([{ name: '=HYPERLINK("x")', n: -5, ok: false }], cols)
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
    expect(csv).toContain(',-5,')
  })
})

describe('server export URLs', () => {
  it('carry the table filter: lists comma-joined, empty members left out', () => {
    expect(exportUrl('honors', 'xlsx', { fromYear: 2019, toYear: 2024, levels: ['NATIONAL', 'PROVINCIAL'], statuses: [], unitId: undefined, demo: false }))
      .toBe('/export/honors.xlsx?fromYear=2019&toYear=2024&levels=NATIONAL%2CPROVINCIAL&demo=false')
  })
  it('is bare without a filter', () => {
    expect(exportUrl('volunteer-records', 'csv')).toBe('/export/volunteer-records.csv')
    expect(exportUrl('figures', 'csv', { section: null })).toBe('/export/figures.csv')
  })
  it('escapes values', () => {
    expect(exportUrl('units', 'csv', { nameContains: '省直&机关' })).toBe('/export/units.csv?nameContains=%E7%9C%81%E7%9B%B4%26%E6%9C%BA%E5%85%B3')
  })
})
