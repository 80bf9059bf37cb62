// The GraphQL-over-HTTP audit of the graphql-http package, run against the real server: every MUST of the spec
// has to pass. SHOULD and MAY results are printed, since the spec draft has moved on about status codes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { auditServer } from 'graphql-http'
import { start } from './harness.mjs'

test('GraphQL over HTTP: every MUST of the spec passes', async () => {
  const s = await start()
  try {
    const results = await auditServer({ url: `${s.base}/graphql` })
    const failed = results.filter((r) => r.status === 'error')
    for (const r of results.filter((r) => r.status !== 'ok')) console.log(`graphql-http audit ${r.status}: ${r.name} — ${r.reason}`)
    console.log(`graphql-http audit: ${results.length} checks, ${results.filter((r) => r.status === 'ok').length} ok, ${failed.length} MUST failures`)
    assert.equal(failed.length, 0, failed.map((r) => `${r.name}: ${r.reason}`).join('\n'))
    assert.ok(results.length > 40, 'the audit ran its checks')
  } finally {
    await s.stop()
  }
})
