// The 报告 page as a Word document (DOCX), the form offices in the province circulate: A4, Chinese fonts named
// with fallbacks (DOCX names fonts and does not embed them), the filters it was made with, the summary written from
// the records, the KPI table with published figures, qualifiers and sources, the charts as PNG images and the
// reconciliation table. `buildReportDocument` is a pure function of its input; the page loads this module (and
// with it the `docx` library) with import() only when someone asks for the export, so the overview's budget holds.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx'
import type { Lang, Qualifier } from './format'

/** How numbers read (lib/format's formatNumber: 2.9万, 1.64 million); passed in, so that format.ts stays in the
 * page's chunks and is not split out by this lazily loaded module. */
export type NumberFormat = (value: number, lang: Lang, digits?: number) => string

/** Labels of the document, in the report's language (the page passes its t() strings). */
export interface DocxLabels {
  title: string
  filters: string
  summary: string
  kpis: string
  charts: string
  reconciliation: string
  /** Column heads of the KPI table: figure, records, published, qualifier, quote, source. */
  kpiHead: [string, string, string, string, string, string]
  /** Column heads of the reconciliation table: figure, published, records, status, source. */
  reconHead: [string, string, string, string, string]
}

/** One run of the summary's text (the API's SummarySegment, as much as the document needs). */
export interface DocxSegment {
  kind: 'TEXT' | 'RECORDS' | 'PUBLISHED' | 'DEMO_NOTICE'
  text: string
}

/** A published figure as the article states it. */
export interface DocxFigure {
  value: number
  unit: string
  qualifier: Qualifier
  quote: string
  source: string
}

/** One row of the KPI table. */
export interface DocxKpi {
  label: string
  recorded: number | null
  unit: string
  published?: DocxFigure | null
}

/** One chart, drawn by ECharts as PNG (getDataURL), with its size on screen in CSS pixels. */
export interface DocxChart {
  title: string
  png: Uint8Array
  width: number
  height: number
}

/** One row of the reconciliation table. */
export interface DocxReconRow {
  label: string
  published: DocxFigure
  recorded: number | null
  status: string
}

/** Everything the document says, already fetched and labelled. */
export interface ReportDocxInput {
  lang: Lang
  labels: DocxLabels
  /** The filters the report was made with, as label and value. */
  filters: { label: string; value: string }[]
  summary: DocxSegment[][]
  kpis: DocxKpi[]
  charts: DocxChart[]
  reconciliation: DocxReconRow[]
  /** Units in the report's language (English names for 人次, 小时…); Chinese units when absent. */
  unitName?: (unit: string) => string
  formatNumber: NumberFormat
}

/**
 * Fonts by script. Word takes ascii/hAnsi for Latin text and eastAsia for Chinese: SimSun (宋体) for the body and
 * Microsoft YaHei (微软雅黑) for headings, the names Windows and WPS know. The fallbacks are where DOCX keeps them:
 * the font table (FONT_TABLE_XML: the other name, the GB2312 script and the family, for substitution) and the
 * theme, which names 宋体 / 微软雅黑 again for the Simplified-Chinese script (Hans).
 */
export const DOCX_FONTS = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun', hint: 'eastAsia' },
  heading: { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: 'Microsoft YaHei', hint: 'eastAsia' },
  themeBody: { latin: 'Times New Roman', eastAsia: '宋体', scripts: { Hans: '宋体', Hant: '新細明體' } },
  themeHeading: { latin: 'Arial', eastAsia: '微软雅黑', scripts: { Hans: '微软雅黑', Hant: '微軟正黑體' } },
} as const

/**
 * The document's font table (word/fontTable.xml), where DOCX keeps a font's other name and what may stand in for it:
 * SimSun is also 宋体 and Microsoft YaHei is also 微软雅黑 (altName), and both are Simplified-Chinese faces
 * (charset 86, GB2312) of the serif and sans families, so that Word, WPS or LibreOffice without them substitute an
 * installed Chinese face of the same family (Noto Serif CJK SC / Noto Sans CJK SC on Linux). docx writes an empty
 * table unless fonts are embedded, so the export passes this one as an override.
 */
export const FONT_TABLE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:font w:name="SimSun"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
  '<w:font w:name="Microsoft YaHei"><w:altName w:val="微软雅黑"/><w:panose1 w:val="020B0503020204020204"/><w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>' +
  '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
  '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>' +
  '</w:fonts>'

/** Files the packer writes in place of its own: the font table above. */
export const PACK_OVERRIDES = [{ path: 'word/fontTable.xml', data: FONT_TABLE_XML }] as const

/** The article's qualifier word: 余 and 约 in Chinese; "more than" and "about" in English; empty for an exact figure. */
export function qualifierWord(q: Qualifier, lang: Lang): string {
  switch (q) {
    case 'AT_LEAST':
      return lang === 'zh' ? '余' : 'more than'
    case 'APPROXIMATE':
      return lang === 'zh' ? '约' : 'about'
    case 'APPROXIMATE_AT_LEAST':
      return lang === 'zh' ? '约…余' : 'about, and more than,'
    default:
      return ''
  }
}

/** A published figure in the article's words: 「3500余个」「约164万元」, "more than 3,500", "about 1.64 million yuan". */
export function articleFigure(f: DocxFigure, lang: Lang, formatNumber: NumberFormat, unitName: (u: string) => string = (u) => u): string {
  // Two decimals keep the article's own form (18.45亿, 1.64 million); records read in the one-decimal register.
  const n = formatNumber(f.value, lang, 2)
  const u = unitName(f.unit)
  if (lang === 'zh') {
    const approx = f.qualifier === 'APPROXIMATE' || f.qualifier === 'APPROXIMATE_AT_LEAST'
    const atLeast = f.qualifier === 'AT_LEAST' || f.qualifier === 'APPROXIMATE_AT_LEAST'
    return `${approx ? '约' : ''}${n}${atLeast ? '余' : ''}${u}`
  }
  const w = qualifierWord(f.qualifier, lang)
  return [w, n, u].filter(Boolean).join(' ')
}

/** A records value with its unit. */
function recordedText(v: number | null, unit: string, lang: Lang, formatNumber: NumberFormat, unitName: (u: string) => string): string {
  if (v == null) return '—'
  const u = unitName(unit)
  return lang === 'zh' ? formatNumber(v, lang) + u : [formatNumber(v, lang), u].filter(Boolean).join(' ')
}

// A4 in twips, 2 cm margins; the text column is 17 cm wide (about 642 px at 96 dpi).
const A4 = { width: 11906, height: 16838, margin: 1134 }
const TEXT_WIDTH_PX = 640

const thin = { style: BorderStyle.SINGLE, size: 4, color: '999999' }
const borders = { top: thin, bottom: thin, left: thin, right: thin }

function cell(text: string, opts: { head?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    borders,
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    shading: opts.head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF5' } : undefined,
    children: [new Paragraph({ children: [new TextRun({ text, bold: opts.head, size: 18 })] })],
  })
}

function table(head: readonly string[], rows: string[][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, { head: true, width: widths[i] })) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, { width: widths[i] })) })),
    ],
  })
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) =>
  new Paragraph({ heading: level, spacing: { before: 240, after: 120 }, children: [new TextRun({ text })] })

/** The runs of one summary paragraph: numbers bold, published figures in grey, the demo notice highlighted. */
function summaryRuns(segs: DocxSegment[]): ParagraphChild[] {
  return segs.map((s) => {
    const o: IRunOptions = { text: s.text }
    if (s.kind === 'RECORDS') return new TextRun({ ...o, bold: true })
    if (s.kind === 'PUBLISHED') return new TextRun({ ...o, color: '555555' })
    if (s.kind === 'DEMO_NOTICE') return new TextRun({ ...o, bold: true, color: '3D2B00', highlight: 'yellow' })
    return new TextRun(o)
  })
}

/** The report as a docx Document: a pure function of its input. */
export function buildReportDocument(input: ReportDocxInput): Document {
  const { lang, labels: L } = input
  const unitName = input.unitName ?? ((u: string) => u)
  const fmt = input.formatNumber
  const colon = lang === 'zh' ? '：' : ': '
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: L.title })] }),
    heading(L.filters),
    ...input.filters.map((f) => new Paragraph({ children: [new TextRun({ text: f.label + colon, bold: true }), new TextRun({ text: f.value })] })),
    heading(L.summary),
    ...input.summary.map(
      (segs) => new Paragraph({ spacing: { after: 120 }, indent: lang === 'zh' ? { firstLine: 480 } : undefined, children: summaryRuns(segs) }),
    ),
    heading(L.kpis),
    table(
      L.kpiHead,
      input.kpis.map((k) => [
        k.label,
        recordedText(k.recorded, k.unit, lang, fmt, unitName),
        k.published ? articleFigure(k.published, lang, fmt, unitName) : '—',
        k.published ? qualifierWord(k.published.qualifier, lang) || '—' : '—',
        k.published ? (lang === 'zh' ? `「${k.published.quote}」` : `“${k.published.quote}”`) : '—',
        k.published?.source ?? '—',
      ]),
      [20, 14, 14, 10, 26, 16],
    ),
    heading(L.charts),
  ]
  for (const c of input.charts) {
    const scale = Math.min(1, TEXT_WIDTH_PX / c.width)
    children.push(
      new Paragraph({ keepNext: true, spacing: { before: 120 }, children: [new TextRun({ text: c.title, bold: true })] }),
      // A picture stands in a paragraph of its own with single, automatic line spacing: a line height without an
      // explicit rule is a fixed height to LibreOffice (and WPS), which clips the picture to one line.
      new Paragraph({
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 120 },
        keepLines: true,
        children: [
          new ImageRun({
            type: 'png',
            data: c.png,
            transformation: { width: Math.round(c.width * scale), height: Math.round(c.height * scale) },
            altText: { name: c.title, title: c.title, description: c.title },
          }),
        ],
      }),
    )
  }
  children.push(
    heading(L.reconciliation),
    table(
      L.reconHead,
      input.reconciliation.map((r) => [
        r.label,
        articleFigure(r.published, lang, fmt, unitName),
        recordedText(r.recorded, r.published.unit, lang, fmt, unitName),
        r.status,
        r.published.source,
      ]),
      [28, 18, 18, 14, 22],
    ),
  )
  const run = { font: DOCX_FONTS.body, size: 21, language: { value: lang === 'zh' ? 'zh-CN' : 'en-GB', eastAsia: 'zh-CN' } }
  const headingRun = { font: DOCX_FONTS.heading, bold: true, color: '1F3A5F' }
  return new Document({
    title: L.title,
    creator: '文明看板',
    theme: { fonts: { body: DOCX_FONTS.themeBody, headings: DOCX_FONTS.themeHeading } },
    styles: {
      default: {
        document: { run, paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO } } },
        title: { run: { ...headingRun, size: 36 } },
        heading1: { run: { ...headingRun, size: 28 } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
          },
        },
        children,
      },
    ],
  })
}

/** The report as a .docx Blob, for the download. */
export function reportDocxBlob(input: ReportDocxInput): Promise<Blob> {
  return Packer.toBlob(buildReportDocument(input), false, PACK_OVERRIDES)
}
