// Bench (not a test): how long a leader on a slow phone waits for the overview's first chart, and how much of the
// screen the header takes. Starts the binary (WENMING_BIN, as the e2e harness does), throttles the page through
// CDP to DevTools' "Slow 4G" (562.5 ms RTT, 1.44 Mbit/s down) with the CPU slowed 4×, loads / at 390×844
// RUNS times (5) with a cold cache, and prints the median time to the first drawn chart. Also prints the header
// height in Chinese, English and signed-in English, and the width the big screen's charts span at 1920×1080.
//   WENMING_BIN=../bin/wenming node scripts/bench-phone.mjs
import { signIn, start } from '../e2e/harness.mjs'

const RUNS = Number(process.env.RUNS ?? 5)
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 / 8) * 0.9, uploadThroughput: (750 * 1024 / 8) * 0.9 }
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'zh-CN' }

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const env = await start()
try {
  const times = []
  for (let i = 0; i < RUNS; i++) {
    const ctx = await env.browser.newContext(PHONE)
    const page = await ctx.newPage()
    const cdp = await ctx.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.goto(env.base + '/', { waitUntil: 'commit' })
    await page.waitForSelector('.chart[data-ready="1"]', { timeout: 60_000 })
    times.push(await page.evaluate(() => window.__firstChartMs))
    await ctx.close()
  }
  console.log(`first chart, slow 4G + 4× CPU, 390×844: median ${median(times)} ms (runs: ${times.join(', ')})`)

  const cookie = await signIn(env.base)
  for (const [label, path, signedIn] of [['zh', '/', false], ['en', '/?lang=en', false], ['en, signed-in admin', '/?lang=en', true]]) {
    const ctx = await env.browser.newContext(PHONE)
    if (signedIn) {
      const [name, value] = cookie.split('=')
      await ctx.addCookies([{ name, value, url: env.base }])
    }
    const page = await ctx.newPage()
    await page.goto(env.base + path)
    await page.waitForSelector('.chart[data-ready="1"]', { timeout: 30_000 })
    const h = await page.evaluate(() => Math.round(document.querySelector('header')?.getBoundingClientRect().height ?? 0))
    console.log(`header at 390×844 (${label}): ${h} px`)
    await ctx.close()
  }

  const ctx = await env.browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await ctx.newPage()
  await page.goto(env.base + '/?screen=1&rotate=600')
  await page.waitForSelector('.chart[data-ready="1"]', { timeout: 30_000 })
  await page.waitForTimeout(1500)
  const span = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.chart')].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0)
    return Math.round(Math.max(...boxes.map((r) => r.right)) - Math.min(...boxes.map((r) => r.left)))
  })
  console.log(`big screen at 1920×1080: charts span ${span} of 1920 px`)
  await ctx.close()
} finally {
  await env.stop()
}
