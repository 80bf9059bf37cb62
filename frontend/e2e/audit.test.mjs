// Browser tests of the audit log as people read it: an entry names its record and shows only what changed, with the
// dashboard's labels; a deleted record's entries still name it. The readable change is saved as docs/audit-readable.png.
//   WENMING_BIN=$PWD/../bin/wenming node --test e2e/audit.test.mjs
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, docShot, openPage, ready, shot, signIn, start } from './harness.mjs'

let env
let ctx
let cookie
let honour
let unit
let record

before(async () => {
  env = await start()
  cookie = await signIn(env.base)
  const h = await api(env.base, `{ honors(first: 1, filter: {levels: [PROVINCIAL], recipientKinds: [UNIT], statuses: [AWARDED]}) {
    edges { node { id version year date recipientName unit { id } category { code nameZh } } } } }`, {}, cookie)
  honour = h.honors.edges[0].node
  await api(env.base, `mutation($id: ID!, $v: Int!, $in: HonorInput!) { updateHonor(id: $id, expectedVersion: $v, input: $in) { id } }`,
    { id: honour.id, v: honour.version, in: { categoryCode: honour.category.code, unitId: honour.unit.id, year: honour.year, date: honour.date, status: 'RECOMMENDED' } }, cookie)
  unit = (await api(env.base, '{ units(first: 1, filter: { kind: "机关" }) { edges { node { id name } } } }', {}, cookie)).units.edges[0].node
  record = (await api(env.base, `mutation($u: ID!) { createVolunteerRecord(input: {unitId: $u, date: "2024-03-05", volunteers: 12, hours: 30, method: SIGN_IN, verified: true}) { id } }`,
    { u: unit.id }, cookie)).createVolunteerRecord
  await api(env.base, 'mutation($id: ID!) { deleteVolunteerRecord(id: $id) { id } }', { id: record.id }, cookie)
  ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  await ctx.addCookies([{ name: 'wenming_session', value: cookie.split('=')[1], url: env.base }])
})
after(async () => {
  await ctx?.close().catch(() => {})
  await env?.stop()
})

describe('the audit log', () => {
  test("an audit entry's readable change", async () => {
    const { page, problems } = await openPage(ctx)
    await page.goto(env.base + `/admin/audit?entity=HONOR&record=${encodeURIComponent(honour.id)}`)
    await ready(page, 'audit')
    const row = page.locator('[data-audit-row="UPDATE"]')
    await row.waitFor()
    const title = `${honour.category.nameZh} ${honour.year}年 · ${honour.recipientName}`
    assert.equal((await row.locator('[data-record-link]').innerText()).trim(), title)
    assert.match(await row.locator('[data-audit-summary]').innerText(), /状态：获评 → 推荐/)
    // The record's entries open with their changes: the edit shows the one field it changed, by its label.
    const changes = page.locator(`#diff-${await row.evaluate((r) => r.nextElementSibling?.id.replace('diff-', ''))} [data-change-field]`)
    assert.deepEqual(await changes.evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-change-field'), r.innerText.replace(/\s+/g, ' ').trim()])),
      [['status', '→ 状态 获评 推荐']])
    assert.match(await page.locator('[data-only-record]').innerText(), new RegExp(`「${title.replace(/[()（）]/g, '.')}」`))
    await shot(page, 'audit-readable-record', false)
    // The title links to the record, on its unit's page.
    await row.locator('[data-record-link]').click()
    await ready(page, 'unit')
    assert.match(page.url(), new RegExp(`/units/${encodeURIComponent(honour.unit.id)}`))
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('an audit entry of a deleted record still names it', async () => {
    const { page, problems } = await openPage(ctx)
    await page.goto(env.base + `/admin/audit?entity=VOLUNTEER_RECORD&record=${encodeURIComponent(record.id)}`)
    await ready(page, 'audit')
    await page.waitForFunction(() => document.querySelectorAll('[data-audit-row]').length === 2)
    const rows = page.locator('[data-audit-row]')
    assert.deepEqual(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-audit-row'))), ['DELETE', 'CREATE'])
    for (const r of await rows.all()) {
      assert.equal((await r.locator('[data-audit-record]').innerText()).trim(), `${unit.name} · 2024-03-05`)
      assert.equal(await r.locator('[data-record-link]').count(), 0, 'a deleted record is not linked')
    }
    const created = page.locator('[data-diff]').last()
    const text = (await created.innerText()).replace(/\s+/g, ' ')
    for (const want of ['组织单位', unit.name, '志愿者人次 12', '服务时长（小时） 30', '记录方式 签到签退', '已核实 是']) assert.ok(text.includes(want), `${want} in ${text}`)
    assert.ok(!/unit_id|SIGN_IN|minutes/.test(text), text)
    // The same entry in English.
    await page.goto(env.base + `/admin/audit?lang=en&entity=VOLUNTEER_RECORD&record=${encodeURIComponent(record.id)}`)
    await ready(page, 'audit')
    await page.waitForFunction(() => document.querySelectorAll('[data-diff]').length === 2)
    const en = (await page.locator('[data-diff]').last().innerText()).replace(/\s+/g, ' ')
    assert.ok(en.includes('Organising unit') && en.includes('Recording method Sign-in/out'), en)
    // The whole log, newest first, the deletion and the honour's edit opened: the picture of docs/audit-readable.png.
    await page.goto(env.base + '/admin/audit')
    await ready(page, 'audit')
    await page.locator('[data-audit-row="DELETE"] [data-action="toggle-diff"]').click()
    await page.locator('[data-audit-row="UPDATE"] [data-action="toggle-diff"]').click()
    await page.waitForFunction(() => document.querySelectorAll('[data-diff]').length === 2)
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, 'audit-readable', false)
    await page.screenshot({ path: docShot('audit-readable.png') })
    assert.deepEqual(problems, [])
    await page.close()
  })
})
