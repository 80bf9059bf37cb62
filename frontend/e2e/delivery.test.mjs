// Delivery: what the overview costs on the wire, over one cold load in headless Chromium (a new context: empty
// cache). The bytes are the same on every load, so one is enough; the time to the first chart is printed beside
// them but not asserted, and on a shared test machine it is no benchmark (frontend/scripts/bench-phone.mjs is: five
// throttled runs, their median). The assertions are that assets arrive compressed and that the page's JavaScript
// stays within its 350 KB budget.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { start, openPage } from './harness.mjs'

const BUDGET_BYTES = 350 * 1024

test('overview: JavaScript on the wire and time to first chart (one cold load)', async () => {
  const s = await start()
  try {
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
    assert.deepEqual(problems, [])
    await ctx.close()
    console.log(`delivery: first chart ${firstChart.toFixed(0)} ms after navigation, ${scripts.size} scripts, ${(bytes / 1024).toFixed(1)} KB JS on the wire (${[...encodings].join(', ')}; budget ${BUDGET_BYTES / 1024} KB)`)
    assert.deepEqual(plain, [], 'every script above 1 KB arrives compressed')
    assert.ok(bytes <= BUDGET_BYTES, `overview JavaScript ${bytes} bytes on the wire, budget ${BUDGET_BYTES}`)
  } finally {
    await s.stop()
  }
})
