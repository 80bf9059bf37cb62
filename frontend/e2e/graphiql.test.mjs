// GraphiQL works offline: with every request that leaves the server blocked, /graphiql loads from the embedded
// bundle, its editor's workers start under the page's CSP, and an example query runs with the caller's session.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { start, openPage } from './harness.mjs'

test('GraphiQL loads and runs a query with the network to everything but the server blocked', async () => {
  const s = await start()
  try {
    const ctx = await s.browser.newContext()
    const outside = []
    await ctx.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(s.base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
      outside.push(url)
      return route.abort()
    })
    const { page, problems } = await openPage(ctx)
    const csp = []
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text())
    })
    const workers = []
    page.on('worker', (w) => workers.push(w.url()))

    const t0 = Date.now()
    await page.goto(`${s.base}/graphiql`)
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 })
    // The query editor is Monaco: wait until it shows the first example tab's query.
    await page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent?.includes('publishedFigures'), null, { timeout: 30_000 })
    console.log(`graphiql: editor ready ${Date.now() - t0} ms after navigation`)

    await page.click('.graphiql-execute-button')
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('works_collected'), null, { timeout: 30_000 })
    const response = await page.textContent('.graphiql-response')
    assert.match(response, /"quote"/, 'the answer carries the quotes')
    console.log(`graphiql: ${workers.length} editor workers: ${workers.map((u) => u.replace(/.*\//, '')).join(', ')}`)

    assert.deepEqual(outside, [], 'no request left the server')
    assert.deepEqual(csp, [], 'no CSP violation')
    assert.ok(workers.length >= 1, 'the editor started its web workers')
    assert.deepEqual(problems.filter((p) => !/favicon/.test(p)), [])
    await ctx.close()
  } finally {
    await s.stop()
  }
})
