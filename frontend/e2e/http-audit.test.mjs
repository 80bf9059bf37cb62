// The GraphQL-over-HTTP audit of the graphql-http package (pinned to 1.23.x), run against the real server: every
// MUST and every SHOULD of the spec has to pass under both application/json and application/graphql-response+json,
// and so do the MAYs the server chose to follow. The counts are printed. The audit does not try a mutation over GET,
// which the spec says MUST answer 405 with Allow: POST; that is checked here too.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { auditServer } from 'graphql-http'
import { start } from './harness.mjs'

test('GraphQL over HTTP: the audit reports 0 MUST failures and 0 SHOULD warnings', async () => {
  const s = await start()
  try {
    const results = await auditServer({ url: `${s.base}/graphql` })
    const by = (status) => results.filter((r) => r.status === status)
    const [ok, errors, warnings, notices] = ['ok', 'error', 'warn', 'notice'].map(by)
    for (const r of results.filter((r) => r.status !== 'ok')) console.log(`graphql-http audit ${r.status}: ${r.name} — ${r.reason}`)
    console.log(
      `graphql-http audit: ${results.length} checks, ${ok.length} ok, ${errors.length} MUST failures, ` +
        `${warnings.length} SHOULD warnings, ${notices.length} MAY notices`,
    )
    assert.ok(results.length > 40, 'the audit ran its checks')
    assert.equal(errors.length, 0, errors.map((r) => `${r.name}: ${r.reason}`).join('\n'))
    assert.equal(warnings.length, 0, warnings.map((r) => `${r.name}: ${r.reason}`).join('\n'))
    assert.equal(notices.length, 0, notices.map((r) => `${r.name}: ${r.reason}`).join('\n'))

    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const res = await fetch(`${s.base}/graphql?query=${encodeURIComponent('mutation { __typename }')}`, { headers: { accept } })
      assert.equal(res.status, 405, `GET mutation under ${accept}`)
      assert.equal(res.headers.get('allow'), 'POST')
      assert.equal(res.headers.get('cache-control'), 'no-store')
      const body = await res.json()
      assert.equal(body.errors?.[0]?.extensions?.code, 'METHOD_NOT_ALLOWED')
    }
    console.log('GET mutation: 405, Allow: POST, under both media types')
  } finally {
    await s.stop()
  }
})
