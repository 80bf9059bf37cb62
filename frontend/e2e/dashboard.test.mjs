// Browser tests of the dashboard against the real server (see harness.mjs).
//   npm run test:e2e            (starts ../bin/wenming)
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { api, chartFacts, downloadBytes, idle, openPage, outDir, parseFigure, settle, shot, start } from './harness.mjs'

const require = createRequire(import.meta.url)
const AXE = require.resolve('axe-core/axe.min.js')

const PAGES = [
  { path: '/', name: 'overview' },
  { path: '/creation', name: 'creation' },
  { path: '/models', name: 'models' },
  { path: '/volunteering', name: 'volunteering' },
  { path: '/practice', name: 'practice' },
  { path: '/rankings', name: 'rankings' },
  { path: '/sources', name: 'sources' },
  { path: '/report', name: 'report' },
]

const OVERVIEW_Q = `query($from:Int,$to:Int){ overview(fromYear:$from,toYear:$to){ kpis{ key value unit published{ value qualifier quote source{ title } } } } }`
const CREATION = ['NATIONAL_CIVILISED_UNIT', 'NATIONAL_CIVILISED_CAMPUS', 'PROVINCIAL_MODEL_UNIT', 'PROVINCIAL_MODEL_CAMPUS', 'PROVINCIAL_UNIT', 'PROVINCIAL_CAMPUS', 'TREAT_NATIONAL_UNIT', 'TREAT_PROVINCIAL_MODEL_UNIT', 'TREAT_PROVINCIAL_UNIT']

let env
let ctx
const report = { firstChartMs: null, pages: {} }

before(async () => {
  env = await start()
  // The pages as most readers see them: with the charts' entry animation (the harness's contexts ask for less motion).
  ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN', reducedMotion: 'no-preference' })
})
after(async () => {
  writeFileSync(join(outDir, 'e2e-report.json'), JSON.stringify(report, null, 2))
  await ctx?.close().catch(() => {})
  await env?.stop()
})

/** Wait for the big screen's fit-to-stage pass: the page ends inside <main> (the assertions then say by how much). */
async function stageFit(page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('main')?.getBoundingClientRect()
    const box = document.querySelector('[data-page]')?.getBoundingClientRect()
    return !!main && !!box && box.bottom <= main.bottom + 1
  }, null, { timeout: 5000 }).catch(() => {})
}

async function visit(path) {
  const { page, problems } = await openPage(ctx)
  await page.goto(env.base + path)
  await settle(page)
  return { page, problems }
}

describe('pages', () => {
  test('first chart draw time (printed, not asserted)', async () => {
    const { page, problems } = await openPage(ctx)
    const t0 = Date.now()
    await page.goto(env.base + '/')
    await page.waitForSelector('.chart[data-ready="1"]', { timeout: 30_000 })
    const wall = Date.now() - t0
    const perf = await page.evaluate(() => window.__firstChartMs)
    report.firstChartMs = perf
    console.log(`first chart drawn: ${perf} ms after navigation start (wall ${wall} ms, ${env.base})`)
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('charts animate their entry, and draw at once for a reader who asked for reduced motion', async () => {
    const animation = (page) => page.$$eval('.chart[data-ready="1"]', (els) => els.map((el) => el.__chart.getOption().animation))
    const allBecome = (page, want) => page.waitForFunction((w) => [...document.querySelectorAll('.chart[data-ready="1"]')].every((el) => el.__chart.getOption().animation === w), want)
    const { page, problems } = await visit('/')
    const animated = await animation(page)
    assert.ok(animated.length > 0 && animated.every((a) => a === true), `animated: ${animated}`)
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await allBecome(page, false)
    await page.emulateMedia({ reducedMotion: 'no-preference' })
    await allBecome(page, true)
    const rctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' })
    const still = await openPage(rctx)
    await still.page.goto(env.base + '/')
    await settle(still.page)
    const drawnStill = await animation(still.page)
    assert.ok(drawnStill.length === animated.length && drawnStill.every((a) => a === false), `still: ${drawnStill}`)
    assert.deepEqual([...problems, ...still.problems], [])
    await rctx.close()
    await page.close()
  })

  for (const p of PAGES) {
    test(`${p.name} renders its charts with data, without console errors`, async () => {
      const { page, problems } = await visit(p.path)
      const facts = await chartFacts(page)
      report.pages[p.name] = facts
      await shot(page, p.name)
      assert.ok(facts.length > 0, 'page has charts')
      const errors = facts.filter((f) => f.state === 'error')
      assert.deepEqual(errors, [], 'no chart in error state')
      const empty = facts.filter((f) => !f.ready)
      if (empty.length) console.log(`  ${p.name}: charts without data: ${empty.map((f) => f.name).join(', ')}`)
      assert.ok(facts.filter((f) => f.ready).length >= Math.ceil(facts.length / 2), `most charts drawn: ${JSON.stringify(facts)}`)
      for (const f of facts.filter((x) => x.ready)) {
        assert.ok(f.series > 0 && f.points > 0, `${f.name} has series and points`)
        assert.equal(f.renderer, 'canvas', `${f.name} drawn`)
      }
      // The demo badge is on every page while demo records are shown.
      const ds = await api(env.base, '{ dataset { hasDemo demoRecords } }')
      const badge = await page.$('[data-demo-badge]')
      assert.equal(!!badge, ds.dataset.hasDemo, 'demo badge matches dataset.hasDemo')
      assert.deepEqual(problems, [])
      await page.close()
    })
  }
})

describe('figures', () => {
  for (const lang of ['zh', 'en']) {
    test(`KPI cards show the API's figures (${lang})`, async () => {
      const { page, problems } = await visit(lang === 'en' ? '/?lang=en' : '/')
      const data = await api(env.base, OVERVIEW_Q, { from: 2019, to: 2024 })
      assert.ok(data.overview.kpis.length > 0, 'API has KPIs')
      let qualified = 0
      for (const k of data.overview.kpis) {
        const card = page.locator(`[data-kpi="${k.key}"]`)
        assert.equal(await card.count(), 1, `card ${k.key}`)
        assert.equal(Number(await card.getAttribute('data-recorded')), k.value, `${k.key} recorded value`)
        if (!k.published) continue
        const text = (await card.locator('[data-role="published"]').innerText()).trim()
        assert.equal(parseFigure(text), k.published.value, `${k.key}: "${text}" shows ${k.published.value}`)
        // The published figure names its own period; over 2019–2024 it is compared with the records.
        assert.match(await card.locator('.kpi-published').innerText(), lang === 'zh' ? /公布（2019–2024年）：/ : /Published \(2019–2024\):/)
        assert.equal(await card.locator('[data-role="comparison"]').count(), 1, `${k.key} compared over the figure's own period`)
        if (k.published.qualifier === 'AT_LEAST') {
          qualified++
          assert.match(text, lang === 'zh' ? /余/ : /\+/, `${k.key}: AT_LEAST figure "${text}" carries 余/+`)
        } else if (k.published.qualifier === 'APPROXIMATE_AT_LEAST') {
          qualified++
          assert.match(text, lang === 'zh' ? /^约.*余/ : /^about.*\+/, `${k.key}: APPROXIMATE_AT_LEAST figure "${text}" carries 约…余`)
        } else if (k.published.qualifier === 'APPROXIMATE') {
          qualified++
          assert.match(text, lang === 'zh' ? /^约/ : /^about/, `${k.key}: APPROXIMATE figure "${text}" carries 约`)
        } else {
          assert.doesNotMatch(text, /余|\+|^约|^about/)
        }
        const title = await card.getAttribute('title')
        assert.ok(title.includes(k.published.quote) && title.includes(k.published.source.title), `${k.key} hover shows quote and source`)
      }
      if (lang === 'en') {
        assert.equal((await page.locator('[data-nav="overview"]').innerText()).trim(), 'Overview')
      }
      // Published figures carry their basis; person-times are never labelled 名; unit-only cards name their campuses.
      assert.equal((await page.locator('[data-kpi="national_units"] [data-basis]').innerText()).trim(), lang === 'zh' ? '公布' : 'Published')
      for (const key of ['volunteers', 'covid_volunteers']) {
        const note = (await page.locator(`[data-kpi="${key}"] [data-role="note"]`).innerText()).trim()
        assert.match(note, lang === 'zh' ? /记录为人次/ : /person-times/, `${key} says its records count person-times`)
        assert.doesNotMatch(await page.locator(`[data-kpi="${key}"] [data-role="recorded"]`).innerText(), /名/)
      }
      if (lang === 'zh') {
        for (const [key, label, campuses] of [['provincial_model_units', '河南省文明单位标兵（单位）', '6'], ['provincial_units', '河南省文明单位（单位）', '7']]) {
          assert.equal((await page.locator(`[data-kpi="${key}"] .kpi-label`).innerText()).trim(), label)
          assert.match(await page.locator(`[data-kpi="${key}"] [data-role="companion"]`).innerText(), new RegExp(`校园.*${campuses}`))
        }
      }
      console.log(`  ${lang}: ${data.overview.kpis.length} KPI cards checked, ${qualified} qualified figures`)
      assert.deepEqual(problems, [])
      await page.close()
    })
  }

  test("2024 alone: every card's big number is the API's KPI for 2024, compared only where the periods agree", async () => {
    const { page, problems } = await visit('/?from=2024&to=2024')
    const data = await api(env.base, `query { overview(fromYear: 2024, toYear: 2024) { kpis { key value unit kind comparison { status } published { value } } }
      headline(fromYear: 2024, toYear: 2024) { numbers { key value change completion } leaders { unit { id } } } }`)
    assert.match(await page.locator('h1.page-title').innerText(), /2024年/)
    const step = (v) => (v >= 1e8 ? 1e7 : v >= 1e4 ? 1e3 : 0.1)
    for (const k of data.overview.kpis) {
      const card = page.locator(`[data-kpi="${k.key}"]`)
      await page.waitForFunction(([key, v]) => Number(document.querySelector(`[data-kpi="${key}"]`)?.getAttribute('data-recorded')) === v, [k.key, k.value], { timeout: 10_000 })
      const big = (await card.locator('.kpi-value').innerText()).trim()
      const shown = parseFigure(big)
      assert.ok(Math.abs(shown - k.value) <= step(k.value) / 2 + 1e-9, `${k.key}: big number "${big}" is not the 2024 records' ${k.value}`)
      assert.doesNotMatch(big, /余|约/, `${k.key}: the big number is the records', not a published figure`)
      const period = (await card.locator('[data-role="period"]').innerText()).trim()
      assert.match(period, k.kind === 'STOCK' ? /截至2024年末/ : /2024年合计/, `${k.key} says whether it sums or stands`)
      assert.equal(await card.locator('[data-role="comparison"]').count(), k.comparison ? 1 : 0, `${k.key}: a mark only where the periods agree`)
      if (k.published && k.kind === 'FLOW') assert.equal(k.comparison, null)
    }
    // The headline row: the API's numbers, 同比 as a percentage or 无可比数据, and five leading units.
    for (const n of data.headline.numbers) {
      const li = page.locator(`[data-headline-number="${n.key}"]`)
      assert.equal(Number(await li.getAttribute('data-value')), n.value)
      const yoy = await li.locator('[data-role="yoy"]').innerText()
      assert.match(yoy, n.change == null ? /无可比数据/ : /[+-]?\d+(\.\d)?%/, `${n.key} 同比: ${yoy}`)
      assert.equal(await li.locator('[data-role="completion"]').count(), n.completion == null ? 0 : 1)
    }
    assert.equal(await page.locator('[data-leader]').count(), data.headline.leaders.length)
    await shot(page, 'overview-2024')
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('sources page: section headings in English under ?lang=en, flagged as our translation', async () => {
    const { page, problems } = await visit('/sources?lang=en')
    await page.waitForSelector('[data-table="reconciliation"] tbody tr td')
    const header = (await page.locator('[data-table="reconciliation"] thead th').first().innerText()).trim()
    assert.match(header, /our translation/i)
    const cells = await page.$$eval('[data-table="reconciliation"] tbody tr td:first-child', (tds) => tds.map((td) => td.textContent.trim()))
    assert.ok(cells.length > 0, 'rows shown')
    for (const c of cells) {
      assert.match(c, /^[1-4]\. /, `section "${c}" is numbered as in the article`)
      assert.doesNotMatch(c, /[\u4e00-\u9fff]/, `section "${c}" is English`)
    }
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('the year filter changes the numbers and the URL', async () => {
    const { page, problems } = await visit('/')
    const before = await chartFacts(page)
    await page.selectOption('select[data-filter="from"]', '2021')
    await page.waitForURL(/from=2021/)
    await settle(page)
    await page.waitForFunction(
      () => [...document.querySelectorAll('.chart[data-ready="1"]')].every((el) => el.__chart?.getOption().xAxis[0].data.length === 4),
      null,
      { timeout: 15_000 },
    )
    const data = await api(env.base, OVERVIEW_Q, { from: 2021, to: 2024 })
    for (const k of data.overview.kpis) {
      await page.waitForFunction(
        ([key, v]) => Number(document.querySelector(`[data-kpi="${key}"]`)?.getAttribute('data-recorded')) === v,
        [k.key, k.value],
        { timeout: 10_000 },
      )
    }
    const after = await chartFacts(page)
    assert.notDeepEqual(after.map((f) => f.points), before.map((f) => f.points), 'charts redrawn with fewer years')
    // A link reproduces the view.
    const url = page.url()
    const again = await visit(new URL(url).pathname + new URL(url).search)
    assert.equal(await again.page.inputValue('select[data-filter="from"]'), '2021')
    assert.deepEqual(problems, [])
    assert.deepEqual(again.problems, [])
    await again.page.close()
    await page.close()
  })
})

/** Click the bar of series `seriesIndex` at category `dataIndex` in chart `name`. */
async function clickBar(page, name, seriesIndex, dataIndex) {
  const pt = await page.$eval(`figure[data-chart="${name}"] .chart`, (el, [s, i]) => {
    const chart = el.__chart
    const opt = chart.getOption()
    const series = opt.series[s]
    const stackBelow = opt.series.slice(0, s).filter((x) => x.stack && x.stack === series.stack)
      .reduce((a, x) => a + (Number(x.data[i]) || 0), 0)
    const v = Number(series.data[i])
    const [x, y] = chart.convertToPixel({ seriesIndex: s }, [i, stackBelow + v / 2])
    const r = el.getBoundingClientRect()
    return { x: r.left + x, y: r.top + y, id: series.id, name: series.name, category: opt.xAxis[0].data[i], value: v }
  }, [seriesIndex, dataIndex])
  await page.mouse.click(pt.x, pt.y)
  return pt
}

describe('states', () => {
  test('empty years show designed empty states, never a blank chart', async () => {
    const { page, problems } = await visit('/creation?from=2099&to=2099')
    const facts = await chartFacts(page)
    assert.ok(facts.length > 0)
    for (const f of facts) assert.equal(f.state, 'empty', `${f.name} shows the empty state`)
    assert.ok(await page.locator('[data-table] .empty-cell, [data-table] .state-box').count() > 0, 'table shows empty state')
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('API errors show designed error states with a retry', async () => {
    const page = await ctx.newPage()
    await page.route('**/graphql', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'test failure' }], data: null }) }),
    )
    await page.goto(env.base + '/volunteering')
    await settle(page)
    const facts = await chartFacts(page)
    for (const f of facts) assert.equal(f.state, 'error', `${f.name} shows the error state`)
    assert.ok(await page.locator('.state-error button').count() > 0, 'retry offered')
    await page.unroute('**/graphql')
    await page.locator('figure[data-chart="volunteer-hours"] .state-error button').click()
    await page.waitForSelector('figure[data-chart="volunteer-hours"] .chart[data-ready="1"]')
    await page.close()
  })
})

describe('drill-down', () => {
  test('clicking a bar opens the records behind it', async () => {
    const { page, problems } = await visit('/creation')
    const stats = await api(env.base, `query($f:HonorFilter){ honorStats(groupBy:[YEAR,LEVEL], filter:$f){ year level count } }`, { f: { fromYear: 2019, toYear: 2024, categories: CREATION } })
    // Pick the first non-empty bar of the first series.
    const facts = await page.$eval('figure[data-chart="creation-year-level"] .chart', (el) => {
      const o = el.__chart.getOption()
      const i = o.series[0].data.findIndex((v) => Number(v) > 0)
      return { i, level: o.series[0].id, year: o.xAxis[0].data[i] }
    })
    assert.ok(facts.i >= 0, 'a non-empty bar exists')
    const pt = await clickBar(page, 'creation-year-level', 0, facts.i)
    await page.waitForSelector('[data-drill]')
    const expected = stats.honorStats.find((b) => String(b.year) === String(facts.year) && b.level === facts.level)
    assert.ok(expected, 'API has the bucket')
    assert.equal(pt.value, expected.count, 'bar value equals API count')
    await page.waitForFunction((n) => document.querySelector('[data-drill] .table-tools span')?.textContent?.includes(String(n)), expected.count, { timeout: 10_000 })
    const years = await page.$$eval('[data-drill] tbody tr td:first-child', (tds) => tds.map((td) => td.textContent.trim()))
    assert.ok(years.length > 0 && years.every((y) => y === String(facts.year)), `all rows from ${facts.year}: ${years}`)
    assert.match(page.url(), /drill=/, 'drill state in URL')
    // Sorting by recipient reorders rows (server-side order).
    await page.click('[data-drill] th button:has-text("获得者")')
    await page.waitForFunction(() => document.querySelector('[data-drill] th[aria-sort="ascending"]'))
    // Paging when there is more than one page.
    if (expected.count > 15) {
      await page.click('[data-drill] [data-action="next"]')
      await page.waitForFunction(() => document.querySelector('[data-drill] .pager')?.textContent?.includes('第 2 页'))
    }
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-drill]', { state: 'detached' })
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('volunteer drill-down lists volunteer records of the clicked year and campaign', async () => {
    const { page, problems } = await visit('/volunteering')
    const facts = await page.$eval('figure[data-chart="volunteer-hours"] .chart', (el) => {
      const o = el.__chart.getOption()
      for (let s = 0; s < o.series.length; s++) {
        const i = o.series[s].data.findIndex((v) => Number(v) > 0)
        if (i >= 0) return { s, i, campaign: o.series[s].id, year: o.xAxis[0].data[i] }
      }
      return null
    })
    assert.ok(facts, 'a non-empty bar')
    await clickBar(page, 'volunteer-hours', facts.s, facts.i)
    await page.waitForSelector('[data-drill] table')
    const data = await api(env.base, `query($f:VolunteerFilter){ volunteerRecords(filter:$f, first:1){ totalCount } }`, {
      f: { fromYear: Number(facts.year), toYear: Number(facts.year), campaigns: [facts.campaign] },
    })
    await page.waitForFunction((n) => document.querySelector('[data-drill] .table-tools span')?.textContent?.includes(String(n)), data.volunteerRecords.totalCount, { timeout: 10_000 })
    const dates = await page.$$eval('[data-drill] tbody tr td:first-child', (tds) => tds.map((td) => td.textContent.trim()))
    assert.ok(dates.every((d) => d.startsWith(String(facts.year))), `dates in ${facts.year}`)
    assert.deepEqual(problems, [])
    await page.close()
  })
})

describe('exports', () => {
  test('chart PNG, table CSV and XLSX download', async () => {
    const { page, problems } = await visit('/creation')
    await page.waitForSelector('[data-table] tbody tr td:not(.empty-cell)')
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.click('figure[data-chart="creation-year-level"] [data-action="export-png"]'),
    ])
    assert.match(png.suggestedFilename(), /\.png$/)
    const pngBytes = await downloadBytes(png)
    assert.equal(pngBytes.subarray(1, 4).toString(), 'PNG')
    assert.ok(pngBytes.length > 5000, 'PNG has content')
    writeFileSync(join(outDir, png.suggestedFilename()), pngBytes)

    const table = page.locator('section [data-table]').first()
    const [csv] = await Promise.all([page.waitForEvent('download'), table.locator('[data-action="export-csv"]').click()])
    assert.match(csv.suggestedFilename(), /\.csv$/)
    const csvText = (await downloadBytes(csv)).toString('utf8')
    assert.ok(csvText.startsWith('\uFEFF'), 'CSV starts with a UTF-8 BOM')
    const lines = csvText.trim().split(/\r\n/)
    assert.match(lines[0], /年份/)
    const total = Number((await table.locator('.table-tools span').first().innerText()).replace(/\D/g, ''))
    assert.equal(lines.length - 1, total, 'CSV has every row, not just the page')
    writeFileSync(join(outDir, csv.suggestedFilename()), csvText)

    const [xlsx] = await Promise.all([page.waitForEvent('download'), table.locator('[data-action="export-xlsx"]').click()])
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/)
    const xb = await downloadBytes(xlsx)
    assert.equal(xb.subarray(0, 2).toString(), 'PK', 'XLSX is a zip')
    assert.ok(xb.includes(Buffer.from('xl/worksheets/sheet1.xml')), 'XLSX has a worksheet')
    writeFileSync(join(outDir, xlsx.suggestedFilename()), xb)
    assert.deepEqual(problems, [])
    await page.close()
  })
})

describe('big screen and report', () => {
  test('big-screen mode renders a dark 1920×1080 stage with SVG charts and no controls but pause and exit', async () => {
    const sctx = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'no-preference' })
    const { page, problems } = await openPage(sctx)
    await page.goto(env.base + '/?screen=1&rotate=600')
    await settle(page)
    const facts = await chartFacts(page)
    assert.ok(facts.some((f) => f.ready && f.renderer === 'svg'), 'SVG charts drawn')
    const visibleButtons = await page.$$eval('button, select, a.btn', (els) => els.filter((e) => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden').map((e) => e.getAttribute('data-action')))
    assert.deepEqual(visibleButtons.sort(), ['screen-exit', 'screen-pause'], 'only the pause and exit controls visible')
    await idle(page)
    await stageFit(page)
    const fit = await page.evaluate(() => {
      const main = document.querySelector('main').getBoundingClientRect()
      const pageBox = document.querySelector('[data-page]').getBoundingClientRect()
      return { mainBottom: main.bottom, pageBottom: pageBox.bottom }
    })
    assert.ok(fit.pageBottom <= fit.mainBottom + 1, `page fits the stage: ${JSON.stringify(fit)}`)
    await shot(page, 'bigscreen', false)
    // Every page fits the stage in screen mode, with no controls.
    for (const p of PAGES.filter((x) => x.name !== 'overview' && x.name !== 'report')) {
      await page.goto(env.base + p.path + '?screen=1&rotate=600')
      await settle(page)
      await idle(page)
      await stageFit(page)
      const r = await page.evaluate(() => ({
        controls: [...document.querySelectorAll('button, select, a.btn')].filter((e) => e.offsetParent !== null && !e.closest('.screen-head')).map((e) => e.textContent.trim()),
        mainBottom: document.querySelector('main').getBoundingClientRect().bottom,
        pageBottom: document.querySelector('[data-page]').getBoundingClientRect().bottom,
        svg: document.querySelectorAll('.chart svg').length,
      }))
      assert.deepEqual(r.controls, [], `${p.name}: no controls in screen mode but the page indicator's pause and exit`)
      assert.ok(r.pageBottom <= r.mainBottom + 1, `${p.name} fits the stage`)
      assert.ok(r.svg > 0, `${p.name}: SVG charts`)
      await shot(page, `bigscreen-${p.name}`, false)
    }
    await page.goto(env.base + '/?screen=1&rotate=600')
    await settle(page)
    // Scaled to a smaller display, the stage keeps its aspect ratio.
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.waitForFunction(() => /scale\(0\.66/.test(document.querySelector('.stage')?.style.transform ?? ''), null, { timeout: 5000 })
    await shot(page, 'bigscreen-1280', false)
    assert.deepEqual(problems, [])
    await sctx.close()
  })

  test('big screen rotates pages on a timer', async () => {
    const sctx = await env.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const { page, problems } = await openPage(sctx)
    await page.goto(env.base + '/?screen=1&rotate=5')
    await page.waitForURL(/\/creation\?/, { timeout: 15_000 })
    assert.match(page.url(), /screen=1/)
    assert.deepEqual(problems, [])
    await sctx.close()
  })

  test('report view prints the active filters', async () => {
    const { page, problems } = await visit('/report?from=2020&to=2023')
    const text = await page.locator('[data-report-filters]').innerText()
    assert.match(text, /2020–2023/)
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    writeFileSync(join(outDir, 'report.pdf'), pdf)
    assert.ok(pdf.length > 10_000)
    assert.deepEqual(problems, [])
    await page.close()
  })
})

describe('accessibility', () => {
  let actx
  before(async () => {
    // axe is injected as a script, which the app's CSP rightly forbids: bypass it here only.
    actx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true })
  })
  after(async () => actx?.close())
  for (const p of PAGES) {
    test(`axe: ${p.name} has no serious or critical violations`, async () => {
      const page = await actx.newPage()
      await page.goto(env.base + p.path)
      await settle(page)
      await page.addScriptTag({ content: readFileSync(AXE, 'utf8') })
      const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
      const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      const msg = bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('\n')
      assert.equal(bad.length, 0, msg)
      await page.close()
    })
  }

  test('keyboard path: filters and tables are reachable with Tab', async () => {
    const page = await actx.newPage()
    await page.goto(env.base + '/creation')
    await settle(page)
    const seen = new Set()
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab')
      const what = await page.evaluate(() => {
        const e = document.activeElement
        return e?.getAttribute('data-filter') ?? (e?.classList.contains('table-wrap') ? 'table' : e?.getAttribute('data-action') ?? e?.tagName)
      })
      seen.add(what)
    }
    for (const w of ['from', 'to', 'export-png', 'category', 'table', 'export-csv']) assert.ok(seen.has(w), `${w} reachable: ${[...seen]}`)
    await page.close()
  })

  test('keyboard drill-down: a chart\'s data table opens the same records', async () => {
    const page = await actx.newPage()
    await page.goto(env.base + '/models')
    await settle(page)
    const summary = page.locator('figure[data-chart="models-edition"] details summary')
    await summary.focus()
    await page.keyboard.press('Enter')
    const btn = page.locator('figure[data-chart="models-edition"] details button').first()
    await btn.focus()
    const label = await btn.getAttribute('aria-label')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-drill] table tbody tr')
    const total = Number((await page.locator('[data-drill] .table-tools span').first().innerText()).replace(/\D/g, ''))
    assert.equal(String(total), label.split(': ').pop().replace(/\D/g, ''), `drill total matches the cell (${label})`)
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-action')), 'close-drill', 'focus moves into the dialog')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-drill]', { state: 'detached' })
    await page.close()
  })

  test('language: English loads only when chosen, and the choice made with the button survives a reload', async () => {
    const lctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await lctx.newPage()
    const scripts = []
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()) })
    await page.goto(env.base + '/')
    await settle(page)
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN')
    assert.ok(!scripts.some((u) => /\/en-[\w-]+\.js$/.test(u)), `a Chinese visit fetches no English messages: ${scripts.join(' ')}`)
    await page.click('[data-action="lang"]')
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    assert.ok(scripts.some((u) => /\/en-[\w-]+\.js$/.test(u)), 'English messages load on the switch')
    await page.goto(env.base + '/creation')
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    assert.match(page.url(), /[?&]lang=en/, 'a bare link comes back in the remembered language, and the URL says so')
    await page.click('[data-action="lang"]')
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
    await page.reload()
    await settle(page)
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN')
    await lctx.close()
  })

  test('English view: every nav label and page title follows the switch', async () => {
    const page = await actx.newPage()
    await page.goto(env.base + '/volunteering?lang=en')
    await settle(page)
    assert.equal(await page.getAttribute('html', 'lang'), 'en')
    const nav = await page.$$eval('.main-nav a', (as) => as.map((a) => a.textContent.trim()))
    for (const n of nav) assert.doesNotMatch(n, /[\u4e00-\u9fff]/, `nav label ${n} is English`)
    assert.equal((await page.locator('h1').innerText()).split(' ')[0], 'Volunteering')
    await shot(page, 'volunteering-en')
    await page.close()
  })
})
