// The DOCX report builder: a pure function from the report's data to a docx Document. The tests pack it and read
// word/document.xml, styles.xml and the media, as Word would.
import { describe, expect, it } from 'vitest'
import { Packer } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { formatNumber } from '../src/lib/format'
import { articleFigure, buildReportDocument, PACK_OVERRIDES, qualifierWord, type ReportDocxInput } from '../src/lib/reportDocx'

// A 1×1 PNG.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
)

const zhLabels = {
  title: '省直精神文明建设数据报告',
  filters: '当前筛选',
  summary: '摘要',
  kpis: '核心指标',
  charts: '图表',
  reconciliation: '公布数字核对',
  kpiHead: ['指标', '记录合计', '公布数', '限定语', '原文', '来源'],
  reconHead: ['指标', '公布数', '记录合计', '状态', '来源'],
} as ReportDocxInput['labels']

function input(lang: 'zh' | 'en', charts = 2): ReportDocxInput {
  return {
    lang,
    formatNumber,
    labels: zhLabels,
    filters: [
      { label: '年份范围', value: '2019–2024年' },
      { label: '数据版本', value: '42' },
      { label: '演示数据', value: '含演示记录 120 条' },
    ],
    summary: [
      [
        { kind: 'DEMO_NOTICE', text: '【演示数据】以下数字含演示数据（虚构记录，非真实情况）。' },
        { kind: 'TEXT', text: '2019年以来，省直' },
        { kind: 'RECORDS', text: '43个' },
        { kind: 'TEXT', text: '单位获评“全国文明单位”。' },
      ],
      [
        { kind: 'TEXT', text: '志愿服务时长' },
        { kind: 'RECORDS', text: '158万小时' },
        { kind: 'PUBLISHED', text: '（公布：约164万小时）' },
        { kind: 'TEXT', text: '。' },
      ],
    ],
    kpis: [
      { label: '全国文明单位', recorded: 43, unit: '个', published: { value: 43, unit: '个', qualifier: 'EXACT', quote: '43个单位获评', source: '五年综述' } },
      { label: '志愿者', recorded: 30000, unit: '名', published: { value: 29000, unit: '名', qualifier: 'AT_LEAST', quote: '2.9万余名', source: '五年综述' } },
      { label: '志愿服务时长', recorded: 1580000, unit: '小时', published: { value: 1640000, unit: '小时', qualifier: 'APPROXIMATE', quote: '约164万小时', source: '五年综述' } },
      { label: '好人', recorded: 12, unit: '人', published: null },
    ],
    // Distinct bytes per chart (a trailing byte after IEND), as real charts differ: docx stores identical images once.
    charts: Array.from({ length: charts }, (_, i) => ({ title: `图${i + 1}`, png: Uint8Array.from([...PNG, i]), width: 800, height: 220 })),
    reconciliation: [
      { label: '志愿者', published: { value: 29000, unit: '名', qualifier: 'AT_LEAST', quote: '', source: '五年综述' }, recorded: 30000, status: '✓ 一致' },
    ],
  }
}

async function unpack(inp: ReportDocxInput) {
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(buildReportDocument(inp), false, PACK_OVERRIDES)))
  const text = (p: string) => strFromU8(files[p])
  return { files, doc: text('word/document.xml'), styles: text('word/styles.xml'), theme: text('word/theme/theme1.xml'), fonts: text('word/fontTable.xml') }
}

/** The visible text of an XML fragment: the contents of its <w:t> elements. */
const visible = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')

describe('qualifiers in the article’s words', () => {
  it.each([
    ['AT_LEAST', 'zh', '余'],
    ['APPROXIMATE', 'zh', '约'],
    ['AT_LEAST', 'en', 'more than'],
    ['APPROXIMATE', 'en', 'about'],
    ['EXACT', 'en', ''],
  ] as const)('%s in %s reads %j', (q, lang, word) => expect(qualifierWord(q, lang)).toBe(word))

  it('writes published figures as the article does', () => {
    const f = { value: 29000, unit: '名', qualifier: 'AT_LEAST' as const, quote: '', source: '' }
    expect(articleFigure(f, 'zh', formatNumber)).toBe('2.9万余名')
    expect(articleFigure({ ...f, value: 1640000, unit: '小时', qualifier: 'APPROXIMATE' }, 'zh', formatNumber)).toBe('约164万小时')
    expect(articleFigure({ ...f, value: 3500, unit: '个' }, 'en', formatNumber, () => '')).toBe('more than 3,500')
    expect(articleFigure({ ...f, value: 1640000, unit: '小时', qualifier: 'APPROXIMATE' }, 'en', formatNumber, () => 'hours')).toBe('about 1.64 million hours')
  })
})

describe('buildReportDocument', () => {
  it('lays the report out on A4 with Chinese fonts named', async () => {
    const { doc, styles, theme, fonts } = await unpack(input('zh'))
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(styles).toContain('w:eastAsia="SimSun"')
    expect(styles).toContain('w:eastAsia="Microsoft YaHei"')
    expect(styles).toContain('w:eastAsia="zh-CN"')
    expect(theme).toContain('typeface="宋体"')
    expect(theme).toContain('typeface="微软雅黑"')
    // The font table gives each Chinese face its other name and its script, for substitution where it is missing.
    expect(fonts).toMatch(/<w:font w:name="SimSun"><w:altName w:val="宋体"\/>.*?<w:charset w:val="86"\/>/)
    expect(fonts).toMatch(/<w:font w:name="Microsoft YaHei"><w:altName w:val="微软雅黑"\/>.*?<w:charset w:val="86"\/>/)
  })

  it('states the filters and the summary with its numbers and the demo notice', async () => {
    const { doc } = await unpack(input('zh'))
    const text = visible(doc)
    expect(text).toContain('当前筛选')
    expect(text).toContain('年份范围：2019–2024年')
    expect(text).toContain('数据版本：42')
    expect(text).toContain('【演示数据】以下数字含演示数据（虚构记录，非真实情况）。2019年以来，省直43个单位获评“全国文明单位”。')
    expect(text).toContain('志愿服务时长158万小时（公布：约164万小时）。')
    // The demo notice is highlighted, the records' numbers bold.
    expect(doc).toMatch(/<w:highlight w:val="yellow"\/>.*?【演示数据】/s)
  })

  it('tabulates KPIs with published figures, qualifiers, quotes and sources, then the reconciliation', async () => {
    const { doc } = await unpack(input('zh'))
    const tables = doc.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? []
    expect(tables).toHaveLength(2)
    const rows = (t: string) => (t.match(/<w:tr>.*?<\/w:tr>/gs) ?? []).map((r) => (r.match(/<w:tc>.*?<\/w:tc>/gs) ?? []).map(visible))
    const kpi = rows(tables[0] ?? '')
    expect(kpi[0]).toEqual(['指标', '记录合计', '公布数', '限定语', '原文', '来源'])
    expect(kpi).toHaveLength(5)
    expect(kpi[2]).toEqual(['志愿者', '3万名', '2.9万余名', '余', '「2.9万余名」', '五年综述'])
    expect(kpi[3]).toEqual(['志愿服务时长', '158万小时', '约164万小时', '约', '「约164万小时」', '五年综述'])
    expect(kpi[4]).toEqual(['好人', '12人', '—', '—', '—', '—'])
    const recon = rows(tables[1] ?? '')
    expect(recon[1]).toEqual(['志愿者', '2.9万余名', '3万名', '✓ 一致', '五年综述'])
  })

  it('gives every picture a paragraph of its own with automatic line spacing, and each chart one title', async () => {
    const { doc, files } = await unpack(input('zh', 3))
    const styles = strFromU8(files['word/styles.xml']!)
    // The document default names its rule: without it, LibreOffice and WPS read line="360" as a fixed height.
    expect(styles).toMatch(/<w:pPrDefault>.*?<w:spacing [^>]*w:line="360"[^>]*w:lineRule="auto"/s)
    const paragraphs = doc.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? []
    const withPicture = paragraphs.filter((p) => p.includes('<w:drawing>'))
    expect(withPicture).toHaveLength(3)
    for (const p of withPicture) {
      expect(p).toMatch(/<w:spacing [^>]*w:lineRule="auto"/)
      expect(p.match(/<w:drawing>/g)).toHaveLength(1)
      expect(p).not.toMatch(/<w:t[ >]/)
    }
    for (const title of ['图1', '图2', '图3']) expect(visible(doc).split(title).length - 1).toBe(1)
  })

  it('embeds one image per chart', async () => {
    for (const n of [0, 1, 4]) {
      const { doc, files } = await unpack(input('zh', n))
      expect(doc.match(/<a:blip r:embed=/g)?.length ?? 0).toBe(n)
      expect(Object.keys(files).filter((p) => p.startsWith('word/media/'))).toHaveLength(n)
    }
  })

  it('reads qualifiers in English as "more than" and "about"', async () => {
    const { doc } = await unpack({ ...input('en'), unitName: (u) => ({ 名: 'people', 小时: 'hours', 个: '' })[u] ?? u })
    const text = visible(doc)
    expect(text).toContain('more than 29,000 people')
    expect(text).toContain('about 1.64 million hours')
    expect(text).toContain('年份范围: 2019–2024年') // English punctuation after the label
  })
})
