// Browser tests of the big screen (?screen=1): at 1920×1080, 1366×768 and 3840×2160 the overview is one board of
// headline numbers, four to six charts and the ten leading units that spans at least 90 % of the width without
// scrolling; at 1080p every chart's axis labels are at least 16 px; a page indicator counts the seconds down, a
// pause holds the page and 退出 leaves the big screen.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { idle, openPage, settle, shot, start } from './harness.mjs'

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 3840, height: 2160 },
]

let env
before(async () => {
  env = await start()
})
after(async () => env?.stop())

/** Wait until the board's charts are drawn and the stage has taken the window's size. */
async function openBoard(ctx) {
  const { page, problems } = await openPage(ctx)
  await page.goto(env.base + '/?screen=1&rotate=600')
  await settle(page)
  await page.locator('[data-board-top] [data-top-unit]').first().waitFor()
  await idle(page)
  return { page, problems }
}

describe('big screen', () => {
  for (const size of SIZES) {
    test(`${size.width}×${size.height}: one board spanning the width, without scrolling${size.width === 1920 ? ', axis labels at least 16 px' : ''}`, async () => {
      const ctx = await env.browser.newContext({ viewport: size })
      const { page, problems } = await openBoard(ctx)
      await page.waitForFunction((w) => {
        const b = document.querySelector('[data-board]')?.getBoundingClientRect()
        return b && b.width >= 0.9 * w
      }, size.width, { timeout: 5000 }).catch(() => {})
      const r = await page.evaluate(() => {
        const board = document.querySelector('[data-board]').getBoundingClientRect()
        return {
          scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
          board: { left: board.left, right: board.right, bottom: board.bottom, width: board.width },
          numbers: document.querySelectorAll('[data-screen-number]').length,
          charts: [...document.querySelectorAll('[data-board] figure[data-chart] .chart[data-ready="1"] svg')].length,
          units: document.querySelectorAll('[data-board-top] [data-top-unit]').length,
          pager: document.querySelector('[data-screen-pager]')?.textContent.trim(),
          buttons: [...document.querySelectorAll('button')].filter((b) => b.offsetParent !== null).map((b) => b.getAttribute('data-action')),
        }
      })
      assert.ok(r.scroll[0] <= size.width && r.scroll[1] <= size.height, `no scroll: ${r.scroll} in ${size.width}×${size.height}`)
      assert.ok(r.board.width >= 0.9 * size.width, `board spans ${Math.round(r.board.width)} of ${size.width} px`)
      assert.ok(r.board.bottom <= size.height + 1 && r.board.right <= size.width + 1, `board inside the window: ${JSON.stringify(r.board)}`)
      assert.ok(r.numbers >= 3, `${r.numbers} headline numbers`)
      assert.ok(r.charts >= 4 && r.charts <= 6, `${r.charts} charts drawn`)
      assert.equal(r.units, 10, 'the ten leading units')
      assert.match(r.pager, /1\/8|1 of 8/, 'page indicator')
      assert.match(r.pager, /\d+ ?(秒|s)/, 'seconds left')
      assert.deepEqual(r.buttons.sort(), ['screen-exit', 'screen-pause'], 'pause and exit are the only controls')
      if (size.width === 1920) {
        await shot(page, 'bigscreen-board-1920', false)
        await assertScreenFonts(page)
      }
      assert.deepEqual(problems, [])
      await ctx.close()
    })
  }

  /** At 1080p every chart's axis labels are at least 16 px, in the option and on screen. */
  async function assertScreenFonts(page) {
    const r = await page.evaluate(() => {
      const charts = [...document.querySelectorAll('[data-board] .chart')]
      const optionSizes = charts.flatMap((c) => {
        const o = c.__chart.getOption()
        return [...o.xAxis, ...o.yAxis].map((a) => a.axisLabel?.fontSize ?? 12)
      })
      const drawn = charts.flatMap((c) => [...c.querySelectorAll('svg text')].map((t) => ({ text: t.textContent, px: t.getBoundingClientRect().height > 0 ? parseFloat(getComputedStyle(t).fontSize) : 99 })))
      return { optionSizes, small: drawn.filter((d) => d.px < 16).slice(0, 5), count: drawn.length }
    })
    assert.ok(r.optionSizes.length > 0 && r.optionSizes.every((s) => s >= 16), `option font sizes ${r.optionSizes}`)
    assert.ok(r.count > 20, 'axis text drawn')
    assert.deepEqual(r.small, [], 'no chart text below 16 px')
  }

  test('the pause holds the page and 退出 leaves the big screen', async () => {
    const ctx = await env.browser.newContext({ viewport: SIZES[0] })
    const { page, problems } = await openPage(ctx)
    await page.goto(env.base + '/?screen=1&rotate=5')
    await page.waitForSelector('[data-screen-pager]')
    await page.click('[data-action="screen-pause"]')
    const held = await page.getAttribute('[data-screen-pager]', 'data-seconds-left')
    await page.waitForTimeout(2500)
    assert.equal(new URL(page.url()).pathname, '/', 'still on the overview')
    assert.equal(await page.getAttribute('[data-screen-pager]', 'data-paused'), '1')
    assert.equal(await page.getAttribute('[data-screen-pager]', 'data-seconds-left'), held, 'the countdown stands still')
    await page.click('[data-action="screen-exit"]')
    await page.waitForSelector('.app[data-screen="0"]')
    assert.equal(new URL(page.url()).searchParams.get('screen'), null)
    assert.ok(await page.locator('[data-page="overview"] [data-kpis]').isVisible(), 'the ordinary overview is back')
    assert.deepEqual(problems, [])
    await ctx.close()
  })
})
