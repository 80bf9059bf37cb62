// Browser test of 清除演示数据 on the recycle-bin page, against the real server on a database of its own: the purge
// is refused (and the blocking record listed) while a real record points at a demo unit, then confirmed and done,
// after which the 演示数据 badge disappears.
//   node --test e2e/purge.test.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, openPage, signIn, start } from './harness.mjs'

let env
let ctx
let cookie

before(async () => {
  env = await start()
  cookie = await signIn(env.base)
  ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const [name, value] = cookie.split('=')
  await ctx.addCookies([{ name, value, url: env.base }])
})
after(async () => {
  await ctx?.close().catch(() => {})
  await env?.stop()
})

test('an admin removes the demo data: refused while a real person belongs to a demo unit, then confirmed', async () => {
  const units = await api(env.base, '{ units(first: 100) { edges { node { id name demo } } } }', {}, cookie)
  const demoUnit = units.units.edges.map((e) => e.node).find((u) => u.demo)
  assert.ok(demoUnit, 'the demo dataset has a demo unit')
  const created = await api(env.base, 'mutation($u: ID) { createPerson(input: { name: "真实人物（测试）", unitId: $u }) { id version } }',
    { u: demoUnit.id }, cookie)

  const { page, problems } = await openPage(ctx)
  await page.goto(`${env.base}/admin/trash`)
  await page.waitForSelector('[data-page="trash"]')
  assert.equal(await page.locator('[data-demo-badge]').count() > 0, true, 'the badge shows while demo data is loaded')

  await page.click('[data-action="purge-demo"]')
  const blocked = page.locator('[data-purge-blocked]')
  await blocked.waitFor({ timeout: 15_000 })
  assert.match(await blocked.innerText(), /不能清除：有 1 条真实记录仍引用演示记录/)
  assert.match(await page.locator('[data-table="purge-blockers"] tbody').innerText(), /人物/)

  await api(env.base, 'mutation($id: ID!, $v: Int) { deletePerson(id: $id, expectedVersion: $v) { id } }',
    { id: created.createPerson.id, v: created.createPerson.version }, cookie)
  await page.click('[data-action="purge-demo"]')
  const message = page.locator('[data-confirm-message]')
  await message.waitFor({ timeout: 15_000 })
  assert.match(await message.innerText(), /将彻底删除演示数据共 \d+ 条/)
  await page.click('[data-action="confirm"]')
  await page.locator('[data-purge-done]').waitFor({ timeout: 30_000 })
  await page.waitForFunction(() => !document.querySelector('[data-demo-badge]'), null, { timeout: 15_000 })

  const d = await api(env.base, '{ dataset { hasDemo demoRecords } auditLog(first: 5, filter: { action: PURGE_DEMO }) { edges { node { entity } } } }', {}, cookie)
  assert.deepEqual(d.dataset, { hasDemo: false, demoRecords: 0 })
  assert.deepEqual(d.auditLog.edges.map((e) => e.node.entity), ['DEMO_DATA'])
  assert.deepEqual(problems, [])
})
