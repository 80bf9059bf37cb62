import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { toCsv, type Column } from '../src/lib/export'
import { buildXlsx, colName } from '../src/lib/xlsx'

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

describe('XLSX', () => {
  it('names columns like a spreadsheet', () => {
    expect(colName(0)).toBe('A')
    expect(colName(25)).toBe('Z')
    expect(colName(26)).toBe('AA')
    expect(colName(701)).toBe('ZZ')
  })
  it('writes a valid package with typed cells', () => {
    const bytes = buildXlsx([['名称', '数量'], ['<省直&>', 3500], ['b', true], [null, 1.5]], '荣誉/名录')
    expect(bytes[0]).toBe(0x50) // P
    expect(bytes[1]).toBe(0x4b) // K
    const files = unzipSync(bytes)
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml',
    ])
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'])
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">&lt;省直&amp;&gt;</t></is></c>')
    expect(sheet).toContain('<c r="B2"><v>3500</v></c>')
    expect(sheet).toContain('<c r="B3" t="b"><v>1</v></c>')
    expect(sheet).toContain('<c r="B4"><v>1.5</v></c>')
    expect(strFromU8(files['xl/workbook.xml'])).toContain('name="荣誉 名录"')
  })
})
