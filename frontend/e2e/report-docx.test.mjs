// The 报告 page's summary and its Word export, against the real binary: the summary opens the page with every
// number equal to the API's KPI and linked to its records; 导出 Word (DOCX) downloads a document whose
// word/document.xml holds the summary, the filters, the KPI table with the article's qualifiers and one image
// per chart (image references counted against the files in word/media). LibreOffice then renders the document to
// PDF, as an office that opens Word files in WPS or LibreOffice would see it: every chart's picture must show at full
// height (its bars' colour covers the rows a whole picture spans, not one line of it) and every summary paragraph's
// text must be on the pages.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { api, downloadBytes, idle, openPage, outDir, settle, shot, start } from './harness.mjs'

let env
before(async () => {
  env = await start()
})
after(async () => {
  await env?.stop()
})

const SUMMARY = `query ($from: Int, $to: Int, $language: SummaryLanguage) {
  summary(fromYear: $from, toYear: $to, language: $language) {
    text includesDemo quotesPublished
    paragraphs { text segments { kind text value filter { kpi } } }
  }
  overview(fromYear: $from, toYear: $to) { kpis { key value } }
  dataset { version hasDemo }
}`

/** The visible text of a piece of WordprocessingML: its <w:t> contents, in order. */
const visible = (xml) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
const unescapeXml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** The bars' colour (palette[0], the "actual" series) as RGB. */
const SERIES = [0x00, 0x72, 0xb2]

/** Parses a binary PPM (P6), as pdftoppm writes it, into width, height and RGB bytes. */
function readPpm(buf) {
  let pos = 0
  const token = () => {
    while (/\s/.test(String.fromCharCode(buf[pos]))) pos++
    let s = ''
    while (!/\s/.test(String.fromCharCode(buf[pos]))) s += String.fromCharCode(buf[pos++])
    return s
  }
  assert.equal(token(), 'P6')
  const width = Number(token())
  const height = Number(token())
  assert.equal(token(), '255')
  pos++
  return { width, height, rgb: buf.subarray(pos, pos + width * height * 3) }
}

/** The heights, in pixel rows, of the vertical runs of rows where the series colour covers at least 4 pixels. */
function seriesRuns({ width, height, rgb }) {
  const runs = []
  let start = -1
  let gap = 0
  for (let y = 0; y <= height; y++) {
    let hits = 0
    for (let x = 0; y < height && x < width && hits < 4; x++) {
      const i = (y * width + x) * 3
      if (Math.abs(rgb[i] - SERIES[0]) < 28 && Math.abs(rgb[i + 1] - SERIES[1]) < 28 && Math.abs(rgb[i + 2] - SERIES[2]) < 28) hits++
    }
    if (hits >= 4) {
      if (start < 0) start = y
      gap = 0
    } else if (start >= 0 && ++gap > 3) {
      runs.push(y - gap - start + 1)
      start = -1
      gap = 0
    }
  }
  return runs
}

/**
 * Renders a DOCX with LibreOffice (its own profile directory, so parallel and root runs do not fight over one) and
 * returns the PDF's text and, per page at 72 dpi (one pixel row per point), the runs of the series colour.
 */
function renderWithLibreOffice(docx, keepPagesAs) {
  const dir = mkdtempSync(join(tmpdir(), 'wenming-lo-'))
  try {
    copyFileSync(docx, join(dir, 'report.docx'))
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')],
      { timeout: 180_000, stdio: 'pipe' })
    const pdf = join(dir, 'report.pdf')
    const text = execFileSync('pdftotext', [pdf, '-']).toString()
    execFileSync('pdftoppm', ['-r', '72', pdf, join(dir, 'page')])
    const pages = readdirSync(dir).filter((f) => /^page-\d+\.ppm$/.test(f)).sort()
    const runs = pages.map((f) => seriesRuns(readPpm(readFileSync(join(dir, f)))))
    // The pages as PNG beside the other test output, for a reader to look at.
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, keepPagesAs])
    return { text, pages: pages.length, runs }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const CASES = [
  { lang: 'zh', from: 2019, to: 2024, qualifiers: ['余', '约'] },
  { lang: 'en', from: 2021, to: 2022, qualifiers: ['more than', 'about'] },
]

describe('report: summary and DOCX export', () => {
  for (const c of CASES) {
    test(`${c.lang} ${c.from}–${c.to}`, async () => {
      const ctx = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })
      const { page, problems } = await openPage(ctx)
      try {
        await page.goto(`${env.base}/report${c.lang === 'en' ? '?lang=en' : ''}`)
        await settle(page)
        // Pick the range with the page's own year filter.
        await page.selectOption('select[data-filter="from"]', String(c.from))
        await page.selectOption('select[data-filter="to"]', String(c.to))
        await page.waitForURL((u) => u.searchParams.get('from') === String(c.from) && u.searchParams.get('to') === String(c.to))
        const want = await api(env.base, SUMMARY, { from: c.from, to: c.to, language: c.lang === 'en' ? 'EN' : 'ZH' })
        const first = want.summary.paragraphs[0].text
        // The summary on the page is the API's, paragraph by paragraph (the demo notice wears the badge's ⚠).
        await page.waitForFunction(
          (t) => document.querySelector('[data-summary-paragraph]')?.textContent?.replace('⚠ ', '').trim() === t,
          first,
          { timeout: 20_000 },
        )
        await settle(page)
        const shown = await page.$$eval('[data-summary-paragraph]', (ps) => ps.map((p) => p.textContent.replace('⚠ ', '').trim()))
        assert.deepEqual(shown, want.summary.paragraphs.map((p) => p.text))
        if (c.lang === 'zh' && c.from === 2019 && c.to === 2024) console.log(`summary 2019–2024, first paragraph: ${first}`)

        // Every number equals the overview KPI for the same years, and links to its records.
        const kpi = new Map(want.overview.kpis.map((k) => [k.key, k.value]))
        const links = await page.$$eval('a[data-summary-kpi]', (as) => as.map((a) => ({ kpi: a.dataset.summaryKpi, value: Number(a.dataset.value), href: a.getAttribute('href') })))
        assert.equal(links.length, want.summary.paragraphs.flatMap((p) => p.segments).filter((s) => s.kind === 'RECORDS').length)
        for (const l of links) assert.equal(l.value, kpi.get(l.kpi), `summary number ${l.kpi}`)
        // The numbers read as plain text on screen and on paper: the paragraph's colour, no underline.
        for (const media of ['screen', 'print']) {
          await page.emulateMedia({ media })
          const looks = await page.$$eval('a[data-summary-kpi]', (as) => as.map((a) => {
            const s = getComputedStyle(a)
            return { same: s.color === getComputedStyle(a.parentElement).color, line: s.textDecorationLine }
          }))
          for (const l of looks) assert.deepEqual(l, { same: true, line: 'none' }, `summary numbers on ${media} look like text`)
        }
        await page.emulateMedia({ media: 'screen' })
        assert.equal(await page.locator('[data-summary-demo]').count(), want.summary.includesDemo ? 1 : 0, 'demo notice only when demo records contributed')
        assert.equal(await page.locator('[data-summary-published]').count() > 0, want.summary.quotesPublished && want.summary.paragraphs.some((p) => p.segments.some((s) => s.kind === 'PUBLISHED')))
        // A number's link opens the honours behind it in the drill-down, with the summary's years, and the
        // drill-down counts as many records as the number says.
        const models = kpi.get('moral_models')
        assert.ok(models > 0, 'moral models in the range')
        await page.click('a[data-summary-kpi="moral_models"]')
        await page.waitForSelector('[data-drill]')
        const drill = JSON.parse(new URL(page.url()).searchParams.get('drill'))
        assert.equal(drill.kind, 'honors')
        assert.deepEqual([drill.filter.fromYear, drill.filter.toYear, drill.filter.categories, drill.filter.statuses],
          [c.from, c.to, ['DIRECT_MORAL_MODEL', 'DIRECT_MORAL_MODEL_NOMINEE'], ['AWARDED']])
        await page.waitForFunction((n) => new RegExp(`(^|\\D)${n}(\\D|$)`).test(document.querySelector('[data-drill] .table-tools span')?.textContent ?? ''), models, { timeout: 10_000 })
        await page.keyboard.press('Escape')
        await page.waitForSelector('[data-drill]', { state: 'detached' })

        // The export.
        await idle(page)
        const charts = await page.locator('figure[data-chart] .chart[data-ready="1"]').count()
        assert.ok(charts >= 1, 'charts drawn')
        const filters = await page.$$eval('[data-report-filters] dd', (dds) => dds.map((d) => d.textContent.trim()))
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-docx"]')])
        assert.match(download.suggestedFilename(), new RegExp(`^report-${c.from}-${c.to}-${c.lang}\\.docx$`))
        const bytes = await downloadBytes(download)
        writeFileSync(join(outDir, `report-${c.lang}-${c.from}-${c.to}.docx`), bytes)
        const files = unzipSync(new Uint8Array(bytes))
        const xml = strFromU8(files['word/document.xml'])
        const text = unescapeXml(visible(xml))
        assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/, 'A4')
        assert.match(strFromU8(files['word/styles.xml']), /w:eastAsia="SimSun"/, 'Chinese font named')
        assert.match(strFromU8(files['word/fontTable.xml']), /<w:font w:name="SimSun"><w:altName w:val="宋体"\/>/, 'its fallback name')
        // The summary, paragraph by paragraph.
        for (const p of want.summary.paragraphs) assert.ok(text.includes(p.text), `summary paragraph in the DOCX: ${p.text.slice(0, 40)}…`)
        // The filters: year range, language and data version as the page states them, the demo flag, the time.
        for (const f of filters.slice(0, 3)) assert.ok(text.includes(f), `filter in the DOCX: ${f}`)
        assert.ok(text.includes(String(want.dataset.version)))
        assert.ok(text.includes(c.lang === 'zh' ? '演示数据：' : 'Demo data: '), 'demo flag')
        assert.ok(text.includes(c.lang === 'zh' ? '生成时间：' : 'Generated: '), 'generated time')
        // The KPI table: its head names the qualifier column, and the article's qualifiers appear in their cells.
        const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? []
        assert.equal(tables.length, 2, 'KPI and reconciliation tables')
        const cells = (t) => (t.match(/<w:tr>.*?<\/w:tr>/gs) ?? []).map((r) => (r.match(/<w:tc>.*?<\/w:tc>/gs) ?? []).map((x) => unescapeXml(visible(x))))
        const kpiRows = cells(tables[0])
        assert.equal(kpiRows[0][3], c.lang === 'zh' ? '限定语' : 'Qualifier')
        assert.equal(kpiRows.length, want.overview.kpis.length + 1)
        // The KPIs' figures carry 「余」 (more than); 「约」 (about) appears in the reconciliation's 约164万余元.
        assert.ok(kpiRows.some((r) => r[3] === c.qualifiers[0] && r[2].includes(c.qualifiers[0])), `qualifier ${c.qualifiers[0]} in the KPI table`)
        const reconRows = cells(tables[1])
        assert.ok(reconRows.some((r) => r[1].startsWith(c.qualifiers[1])), `qualifier ${c.qualifiers[1]} in the reconciliation table`)
        // One image per chart: references in document.xml, each to its own file in word/media.
        const embeds = [...xml.matchAll(/<a:blip r:embed="([^"]+)"/g)].map((m) => m[1])
        const media = Object.keys(files).filter((p) => p.startsWith('word/media/'))
        const rels = strFromU8(files['word/_rels/document.xml.rels'])
        const targets = embeds.map((id) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1])
        assert.equal(embeds.length, charts, 'an image reference per chart')
        assert.equal(media.length, charts, 'a media file per chart')
        assert.deepEqual(new Set(targets.map((t) => 'word/' + t.replace(/^\//, '').replace(/^word\//, ''))), new Set(media))

        // LibreOffice's rendering: each picture's bars span a good part of its height (the picture's extent in
        // points is its height in rows at 72 dpi); a picture clipped to a fixed line height shows a row or none.
        const extents = [...xml.matchAll(/<wp:extent cx="\d+" cy="(\d+)"/g)].map((m) => Number(m[1]) / 12700)
        assert.equal(extents.length, charts)
        const started = Date.now()
        const rendered = renderWithLibreOffice(join(outDir, `report-${c.lang}-${c.from}-${c.to}.docx`), join(outDir, `report-${c.lang}-${c.from}-${c.to}-page`))
        const tall = rendered.runs.flat().filter((h) => h >= 0.3 * Math.min(...extents))
        console.log(`  LibreOffice: ${rendered.pages} pages in ${Date.now() - started} ms; series runs (rows) ${JSON.stringify(rendered.runs)}; pictures ${extents.map(Math.round).join('/')} pt tall`)
        assert.equal(tall.length, charts, `every chart's bars visible at full height in LibreOffice's rendering (runs ${JSON.stringify(rendered.runs)})`)
        // Line breaks: whitespace, and the hyphen of a compound broken at a line's end (provincial-⏎direct).
        const flat = (s) => s.replace(/[\s\u00ad-]+/g, '')
        for (const p of want.summary.paragraphs) assert.ok(flat(rendered.text).includes(flat(p.text)), `summary paragraph on LibreOffice's pages: ${p.text.slice(0, 40)}…`)
        await shot(page, `report-docx-${c.lang}`)
        assert.deepEqual(problems, [])
      } finally {
        await ctx.close()
      }
    })
  }
})
