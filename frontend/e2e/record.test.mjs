// Browser test of the 「实践与创建纪实」 page against the real server (see harness.mjs): the article's own names
// and dates, the two unnamed actions, undated events, and the 演示数据 marker on demo records.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, openPage, settle, shot, start } from './harness.mjs'

let env
let ctx

before(async () => {
  env = await start()
  ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
})
after(async () => {
  await ctx?.close().catch(() => {})
  await env?.stop()
})

describe('practice and creation record', () => {
  test('shows the article’s names and dates, the unnamed actions in its notes, undated events and demo markers', async () => {
    const { page, problems } = await openPage(ctx)
    await page.goto(env.base + '/record')
    await settle(page)
    await shot(page, 'record')
    const text = await page.locator('[data-page="record"]').innerText()
    for (const s of ['党的创新理论传播', '主流价值践行', '优质文化供给', '服务惠民暖心', '送政策', '助力乡村振兴',
      '省直精神文明建设工作优秀案例汇编', '省直精神文明建设工作人才库', '网络评审', '实地考察',
      '省直精神文明创建观摩交流暨工作推进会', '2023-08-03', '2024-03-05', '省直精神文明建设培训班', '省直机关文明单位服务优化营商环境工作推进会']) {
      assert.ok(text.includes(s), `page shows ${s}`)
    }
    assert.equal(await page.locator('[data-actions] [data-identified="0"]').count(), 0, 'unnamed actions are not listed as figures')
    await page.click('[data-notes] summary')
    assert.equal(await page.locator('[data-notes] [data-action][data-identified="0"]').count(), 2, 'the notes name the two unnamed actions')
    for (const el of await page.locator('[data-action][data-identified="0"]').all()) {
      assert.match(await el.innerText(), /未具名（原文未列出）/)
    }
    const undated = page.locator('tr[data-event-dated="0"]')
    assert.ok((await undated.count()) >= 3, 'undated events are listed')
    assert.match(await undated.first().innerText(), /原文未注明日期/)
    assert.ok((await page.locator('[data-demo-record]').count()) > 0, 'demo records carry the 演示数据 marker')
    assert.match(await page.locator('[data-demo-record]').first().innerText(), /演示数据/)
    assert.equal(await page.locator('[data-demo-badge]').count(), 1, 'the page-wide 演示数据 badge is shown')
    // The funnel shows what the API counts.
    const data = await api(env.base, '{ wishFunnel { stage reached } }')
    const collected = data.wishFunnel.find((s) => s.stage === 'COLLECTED').reached
    assert.match(await page.locator('[data-funnel] [data-stage="COLLECTED"]').innerText(), new RegExp(`\\b${collected}\\b`))
    // Real records carry no demo marker.
    const realEvent = page.locator('tr', { hasText: '省直精神文明创建观摩交流暨工作推进会' })
    assert.equal(await realEvent.locator('[data-demo-record]').count(), 0)
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('reads in English', async () => {
    const { page, problems } = await openPage(ctx)
    await page.goto(env.base + '/record?lang=en')
    await settle(page)
    await page.click('[data-notes] summary')
    const text = await page.locator('[data-page="record"]').innerText()
    for (const s of ['Practice & creation record', 'Unnamed (not listed in the article)', 'Undated in the article', 'Demo data']) {
      assert.ok(text.includes(s), `page shows ${s}`)
    }
    assert.equal((await page.locator('[data-nav="record"]').innerText()).trim(), 'Practice & creation record')
    assert.deepEqual(problems, [])
    await page.close()
  })
})
