// Browser test of chart text: the overview and the report drawn with ECharts' SVG renderer (?svg=1), in both
// languages, at a desktop and a phone width. No text is cut to 「…」 and no two text boxes of a chart overlap, so
// period bands, event marks, data labels, legends and axis labels never collide.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { idle, openPage, settle, shot, start } from './harness.mjs'

let env
before(async () => {
  env = await start()
})
after(async () => env?.stop())

/** Every chart's SVG text: the cut ones and the pairs whose boxes overlap by more than a pixel. */
function textFaults(page) {
  return page.evaluate(() => {
    const cut = []
    const overlaps = []
    for (const fig of document.querySelectorAll('figure[data-chart]')) {
      const svg = fig.querySelector('.chart svg')
      if (!svg) continue
      const boxes = [...svg.querySelectorAll('text')]
        .filter((t) => t.textContent.trim() && getComputedStyle(t).opacity !== '0' && t.getAttribute('opacity') !== '0')
        .map((t) => ({ text: t.textContent.trim(), r: t.getBoundingClientRect() }))
        .filter((b) => b.r.width > 0 && b.r.height > 0)
      for (const b of boxes) if (/…$/.test(b.text)) cut.push(`${fig.dataset.chart}: ${b.text}`)
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r, b = boxes[j].r
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left)
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
          if (w > 1 && h > 1) overlaps.push(`${fig.dataset.chart}: 「${boxes[i].text}」 × 「${boxes[j].text}」`)
        }
      }
    }
    return { cut, overlaps, charts: document.querySelectorAll('figure[data-chart] .chart svg').length }
  })
}

describe('chart text drawn as SVG', () => {
  for (const view of [
    { width: 1440, height: 900, lang: 'zh' },
    { width: 390, height: 844, lang: 'en' },
  ]) {
    for (const path of ['/', '/report']) {
      test(`${path} at ${view.width} px in ${view.lang}: no text cut to 「…」, no two text boxes overlapping`, async () => {
        const ctx = await env.browser.newContext({ viewport: { width: view.width, height: view.height } })
        const { page, problems } = await openPage(ctx)
        await page.goto(`${env.base}${path}?svg=1${view.lang === 'en' ? '&lang=en' : ''}`)
        await settle(page)
        await idle(page)
        const f = await textFaults(page)
        assert.ok(f.charts > 0, 'charts drawn as SVG')
        if (f.cut.length || f.overlaps.length) await shot(page, `chart-text-${view.width}-${view.lang}-${path.slice(1) || 'overview'}`)
        assert.deepEqual(f.cut, [], 'no text cut to 「…」')
        assert.deepEqual(f.overlaps, [], 'no overlapping text')
        assert.deepEqual(problems, [])
        await ctx.close()
      })
    }
  }
})
