// Delivery: what the overview costs on the wire and how soon its first chart appears, over three cold loads in
// headless Chromium (new context each time: empty cache). Figures are printed, not asserted against a time; the
// only assertions are that assets arrive compressed and that the page's JavaScript stays within its 350 KB budget.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { start, openPage } from './harness.mjs'

const BUDGET_BYTES = 350 * 1024

test('overview: JavaScript on the wire and time to first chart (median of 3 cold loads)', async () => {
  const s = await start()
  try {
    const loads = []
    for (let i = 0; i < 3; i++) {
      const ctx = await s.browser.newContext()
      const { page, problems } = await openPage(ctx)
      // Record when the first chart reports itself drawn, relative to navigation start.
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.querySelector('figure[data-chart] .chart[data-ready="1"]')) {
            window.__firstChart = performance.now()
            obs.disconnect()
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] })
      })
      const cdp = await ctx.newCDPSession(page)
      await cdp.send('Network.enable')
      const scripts = new Map()
      const encodings = new Set()
      const plain = []
      cdp.on('Network.responseReceived', (e) => {
        if (e.type === 'Script') {
          scripts.set(e.requestId, 0)
          const enc = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'identity'
          encodings.add(enc)
          // The build compresses every asset above 1 KB; only smaller ones may arrive as they are.
          if (enc === 'identity' && Number(e.response.headers['content-length'] ?? 0) > 1024) plain.push(e.response.url)
        }
      })
      cdp.on('Network.loadingFinished', (e) => {
        if (scripts.has(e.requestId)) scripts.set(e.requestId, e.encodedDataLength)
      })
      await page.goto(s.base + '/')
      await page.waitForFunction(() => window.__firstChart !== undefined, null, { timeout: 30_000 })
      const firstChart = await page.evaluate(() => window.__firstChart)
      // The overview's remaining charts and requests settle before the bytes are counted.
      await page.waitForLoadState('networkidle')
      const bytes = [...scripts.values()].reduce((a, b) => a + b, 0)
      loads.push({ firstChart, bytes, scripts: scripts.size, encodings: [...encodings], plain })
      assert.deepEqual(problems, [])
      await ctx.close()
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[1]
    for (const [i, l] of loads.entries()) {
      console.log(`delivery: load ${i + 1}: first chart ${l.firstChart.toFixed(0)} ms, ${l.scripts} scripts, ${(l.bytes / 1024).toFixed(1)} KB JS on the wire (${l.encodings.join(', ')})`)
    }
    const bytes = median(loads.map((l) => l.bytes))
    console.log(`delivery: median first chart ${median(loads.map((l) => l.firstChart)).toFixed(0)} ms after navigation; JS on the wire ${(bytes / 1024).toFixed(1)} KB (budget ${BUDGET_BYTES / 1024} KB)`)
    assert.deepEqual(loads.flatMap((l) => l.plain), [], 'every script above 1 KB arrives compressed')
    assert.ok(bytes <= BUDGET_BYTES, `overview JavaScript ${bytes} bytes on the wire, budget ${BUDGET_BYTES}`)
  } finally {
    await s.stop()
  }
})
