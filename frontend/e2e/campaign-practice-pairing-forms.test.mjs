// Browser smoke tests of the forms of 专项行动、捐赠 (志愿服务 page) and 实践联系、实践活动、结对帮创 (文明实践
// page), against the real server (see harness.mjs): for each form an admin creates one record and edits it
// through the UI, and the API confirms what was stored — the donation's amount to the yuan.
//   WENMING_BIN=$PWD/../bin/wenming node --test e2e/campaign-practice-pairing-forms.test.mjs
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { api, openPage, pickUnit, ready, settle, shot, signIn, start, until } from './harness.mjs'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const CODE = 'E2E_FLOOD_2025'
let env
let ctx
let cookie
let unit

before(async () => {
  env = await start()
  cookie = await signIn(env.base)
  ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const [name, value] = cookie.split('=')
  await ctx.addCookies([{ name, value, url: env.base }])
  const d = await api(env.base, '{ units(first: 1, filter: { kind: "机关" }) { edges { node { id name } } } }')
  unit = d.units.edges[0].node
})
after(async () => {
  await ctx?.close().catch(() => {})
  await env?.stop()
})

// The API's answer, uncached (a comment makes each query text new).
const ask = (q, v = {}) => api(env.base, `${q} # ${Date.now()}-${Math.random()}`, v, cookie)
const campaign = async () => (await ask(`{ campaigns { id code nameZh version donations { id kind amount boxes batch date version } } }`)).campaigns.find((c) => c.code === CODE)
const unitRecords = async () =>
  (await ask(`query($id: ID!) { unit(id: $id) {
      practiceLinks { id sinceYear version center { id } }
      pairings { id township contents version }
    }
    practiceActivities(filter: { unitId: $id }, first: 100) { edges { node { id theme participants action version } } } }`, { id: unit.id }))
const saveAndClose = async (page, name) => {
  await page.click(`[data-action="save-${name}"]`)
  await page.waitForSelector(`[data-dialog="${name}-form"]`, { state: 'detached' })
}
/** Open an edit form and wait until the record has loaded into it. */
const openEdit = async (page, selector, name) => {
  await page.click(selector)
  await page.waitForSelector(`[data-dialog="${name}-form"] form[data-form="${name}"]`)
}

describe('forms b: campaigns and donations (志愿服务)', () => {
  let page
  let problems
  before(async () => {
    ;({ page, problems } = await openPage(ctx))
    await page.goto(env.base + '/volunteering')
    await settle(page)
    await page.waitForSelector('[data-admin="campaigns"] [data-action="add-campaign"]')
  })
  after(async () => {
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('campaign: create, then edit through the form', async () => {
    await page.click('[data-action="add-campaign"]')
    await page.waitForSelector('#cf-code')
    await page.fill('#cf-code', CODE)
    await page.selectOption('#cf-kind', 'FLOOD')
    await page.fill('#cf-name-zh', 'E2E 抗洪')
    await page.fill('#cf-name-en', 'E2E flood relief')
    await page.fill('#cf-start', '2025-07-01')
    await page.fill('#cf-end', '2025-06-01')
    await page.click('[data-action="save-campaign"]')
    assert.equal((await page.locator('[data-error-for="endDate"]').innerText()).trim(), '结束日期 2025-06-01 早于开始日期 2025-07-01')
    await page.fill('#cf-end', '2025-09-30')
    await saveAndClose(page, 'campaign')
    assert.match(await page.locator('[data-admin="campaigns"] [data-notice]').innerText(), /已新增「E2E 抗洪」/)
    const c = await until(campaign, { message: 'the new campaign' })
    assert.equal(c.version, 1)

    await openEdit(page, `[data-admin-campaign="${CODE}"] [data-action="edit-campaign"]`, 'campaign')
    assert.equal(await page.inputValue('#cf-name-zh'), 'E2E 抗洪')
    assert.equal(await page.getAttribute('#cf-code', 'readonly'), '')
    await page.fill('#cf-name-zh', 'E2E 抗洪救灾')
    await saveAndClose(page, 'campaign')
    const e = await until(async () => ((await campaign())?.version === 2 ? campaign() : null), { message: 'the edit' })
    assert.equal(e.nameZh, 'E2E 抗洪救灾')

    // An admin's audit link opens the log at this record's entries, with their diffs.
    await openEdit(page, `[data-admin-campaign="${CODE}"] [data-action="edit-campaign"]`, 'campaign')
    await page.click('[data-dialog="campaign-form"] [data-action="audit-link"]')
    await ready(page, 'audit')
    await page.waitForSelector('[data-only-record]')
    await page.waitForFunction(() => document.querySelectorAll('[data-audit-row]').length === 2)
    assert.deepEqual(await page.locator('[data-audit-row]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-audit-row'))), ['UPDATE', 'CREATE'])
    assert.equal(await page.locator('[data-diff]').count(), 2)
    await page.goto(env.base + '/volunteering')
    await settle(page)
    await page.waitForSelector(`[data-admin-campaign="${CODE}"]`)
  })

  test('donation: create in exact yuan, then edit to materials', async () => {
    await page.click(`[data-admin-campaign="${CODE}"] [data-action="add-donation"]`)
    await page.waitForSelector('#df-amount')
    assert.equal(await page.inputValue('#df-campaign'), (await campaign()).id, 'the campaign is chosen')
    await page.fill('#df-amount', '9999999999')
    assert.match(await page.locator('#df-amount-hint').innerText(), /100亿元|99\.99|100/)
    await page.fill('#df-date', '2025-06-30')
    await page.click('[data-action="save-donation"]')
    assert.match(await page.locator('[data-error-for="date"]').innerText(), /不在专项行动“E2E 抗洪救灾”的起止日期（2025-07-01 至 2025-09-30）内/)
    await page.fill('#df-date', '2025-07-05')
    await shot(page, 'donation-form', false)
    await saveAndClose(page, 'donation')
    const d = await until(async () => (await campaign())?.donations[0], { message: 'the donation' })
    assert.deepEqual({ kind: d.kind, amount: d.amount, boxes: d.boxes, batch: d.batch, date: d.date }, { kind: 'CASH', amount: '9999999999', boxes: 0, batch: null, date: '2025-07-05' })
    await page.waitForSelector(`[data-donation="${d.id}"] [data-yuan="9999999999"]`)

    await openEdit(page, `[data-donation="${d.id}"] [data-action="edit-donation"]`, 'donation')
    assert.equal(await page.inputValue('#df-amount'), '9999999999')
    await page.check('#df-kind-MATERIAL')
    await page.fill('#df-amount', '1040001')
    await page.fill('#df-boxes', '7600')
    await page.fill('#df-batch', '3')
    await saveAndClose(page, 'donation')
    const e = await until(async () => (await campaign())?.donations.find((x) => x.id === d.id && x.version === 2), { message: 'the edit' })
    assert.deepEqual({ kind: e.kind, amount: e.amount, boxes: e.boxes, batch: e.batch }, { kind: 'MATERIAL', amount: '1040001', boxes: 7600, batch: 3 })
  })
})

describe('forms b: practice links, activities and pairings (文明实践)', () => {
  let page
  let problems
  before(async () => {
    ;({ page, problems } = await openPage(ctx))
    await page.goto(env.base + '/practice')
    await settle(page)
    await page.waitForSelector('[data-admin="practice"] #pa-unit')
    await pickUnit(page, 'pa-unit', unit.name)
    await page.waitForSelector('[data-admin="practice"] [data-action="add-link"]')
    await ready(page, 'practice')
  })
  after(async () => {
    assert.deepEqual(problems, [])
    await page.close()
  })
  /** A new form's unit comes from the unit chosen on the page. */
  const unitPreset = (id) => page.waitForFunction((id) => document.querySelector(`#${id}`)?.value.length > 0, id)

  test('practice link: create, then edit through the form', async () => {
    const taken = new Set((await unitRecords()).unit.practiceLinks.map((l) => l.center.id))
    await page.click('[data-action="add-link"]')
    await unitPreset('lf-unit')
    await page.waitForFunction(() => document.querySelectorAll('#lf-center option').length > 100)
    const options = await page.locator('#lf-center option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean))
    const center = options.find((v) => !taken.has(v))
    await page.selectOption('#lf-center', center)
    await page.fill('#lf-since', '2022')
    await saveAndClose(page, 'link')
    const l = await until(async () => (await unitRecords()).unit.practiceLinks.find((x) => x.center.id === center), { message: 'the link' })
    assert.equal(l.sinceYear, 2022)

    await openEdit(page, `[data-link="${l.id}"] [data-action="edit-link"]`, 'link')
    assert.equal(await page.inputValue('#lf-since'), '2022')
    await page.fill('#lf-since', '2023')
    await saveAndClose(page, 'link')
    const e = await until(async () => (await unitRecords()).unit.practiceLinks.find((x) => x.id === l.id && x.version === 2), { message: 'the edit' })
    assert.equal(e.sinceYear, 2023)
  })

  test('practice activity: create with an action, then edit and clear it', async () => {
    await page.click('[data-action="add-activity"]')
    await unitPreset('af-unit')
    await page.fill('#af-theme', 'E2E 推动周宣讲')
    await page.fill('#af-date', '2025-05-10')
    await page.selectOption('#af-kind', 'PROMOTION_WEEK')
    await page.fill('#af-sessions', '2')
    await page.fill('#af-participants', '30')
    await page.selectOption('#af-action', 'THEORY')
    await saveAndClose(page, 'activity')
    const find = async () => (await unitRecords()).practiceActivities.edges.map((x) => x.node).find((x) => x.theme === 'E2E 推动周宣讲')
    const a = await until(find, { message: 'the activity' })
    assert.deepEqual({ participants: a.participants, action: a.action }, { participants: 30, action: 'THEORY' })

    await openEdit(page, `[data-activity="${a.id}"] [data-action="edit-activity"]`, 'activity')
    assert.equal(await page.inputValue('#af-action'), 'THEORY')
    await page.fill('#af-participants', '45')
    await page.selectOption('#af-action', '')
    await saveAndClose(page, 'activity')
    const e = await until(async () => ((await find())?.version === 2 ? find() : null), { message: 'the edit' })
    assert.deepEqual({ participants: e.participants, action: e.action }, { participants: 45, action: null })
  })

  test('pairing: create with contents, then edit them', async () => {
    await page.click('[data-action="add-pairing"]')
    await unitPreset('pf-unit')
    await page.fill('#pf-township', 'E2E测试乡')
    await page.fill('#pf-since', '2021')
    await page.check('#pf-content-POLICY')
    await page.check('#pf-content-HEALTH')
    await shot(page, 'pairing-form', false)
    await saveAndClose(page, 'pairing')
    const find = async () => (await unitRecords()).unit.pairings.find((x) => x.township === 'E2E测试乡')
    const p = await until(find, { message: 'the pairing' })
    assert.deepEqual(p.contents, ['POLICY', 'HEALTH'])

    await openEdit(page, `[data-pairing="${p.id}"] [data-action="edit-pairing"]`, 'pairing')
    assert.equal(await page.isChecked('#pf-content-HEALTH'), true)
    await page.uncheck('#pf-content-POLICY')
    await page.check('#pf-content-WARMTH')
    await saveAndClose(page, 'pairing')
    const e = await until(async () => ((await find())?.version === 2 ? find() : null), { message: 'the edit' })
    assert.deepEqual(e.contents, ['HEALTH', 'WARMTH'])
  })
})

describe('forms b: accessibility', () => {
  test('axe: the donation form (with errors) and the pairing form in English find nothing serious', async () => {
    // axe is injected as a script, which the app's CSP rightly forbids: bypass it here only.
    const actx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true })
    const [name, value] = cookie.split('=')
    await actx.addCookies([{ name, value, url: env.base }])
    const axe = async (page) => {
      await page.addScriptTag({ content: readFileSync(AXE, 'utf8') })
      const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
      const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      return bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('\n')
    }
    try {
      const page = await actx.newPage()
      await page.goto(env.base + '/volunteering')
      await settle(page)
      await page.click(`[data-admin-campaign="${CODE}"] [data-action="add-donation"]`)
      await page.waitForSelector('#df-amount')
      await page.fill('#df-amount', '12.5')
      await page.click('[data-action="save-donation"]')
      await page.waitForSelector('[data-error-for="amount"]')
      assert.equal((await page.locator('[data-error-for="amount"]').innerText()).trim(), '金额必须是整数元（如 12000）：12.5')
      assert.equal(await axe(page), '')
      await page.goto(env.base + '/practice?lang=en')
      await settle(page)
      await pickUnit(page, 'pa-unit', unit.name)
      await page.click('[data-action="add-pairing"]')
      await page.waitForSelector('#pf-township')
      await page.click('[data-action="save-pairing"]')
      assert.equal((await page.locator('[data-error-for="township"]').innerText()).trim(), 'Township is required')
      assert.equal(await axe(page), '')
      await page.close()
    } finally {
      await actx.close()
    }
  })
})
