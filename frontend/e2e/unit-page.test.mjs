// Browser smoke tests of the unit page and the wish form (formsc), against the real server (see harness.mjs):
// a unit name in the rankings table opens /units/:id, whose sections and charts are drawn from the API's figures;
// an admin creates a wish through the form on the record page (after a client error beside its field) and edits it.
//   WENMING_BIN=$PWD/../bin/wenming node --test e2e/unit-page.test.mjs
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { api, chartFacts, openPage, settle, shot, signIn, start } from './harness.mjs'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
/** Serious or critical axe-core violations on the page as it stands. */
async function axe(page) {
  await page.addScriptTag({ content: readFileSync(AXE, 'utf8') })
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
  return res.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
}

let env
let cookie
let adminCtx
let anonCtx
// axe-core is injected as an inline script, which the server's CSP forbids: it runs in contexts that bypass CSP,
// so that the contexts above keep the real policy.
let axeCtx

before(async () => {
  env = await start()
  cookie = await signIn(env.base)
  adminCtx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const [name, value] = cookie.split('=')
  await adminCtx.addCookies([{ name, value, url: env.base }])
  anonCtx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  axeCtx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', bypassCSP: true })
  await axeCtx.addCookies([{ name, value, url: env.base }])
})
after(async () => {
  await adminCtx?.close().catch(() => {})
  await anonCtx?.close().catch(() => {})
  await axeCtx?.close().catch(() => {})
  await env?.stop()
})

describe('unit page', () => {
  test('a unit name in the rankings table opens its page, with every section and its charts drawn', async () => {
    const { page, problems } = await openPage(anonCtx)
    await page.goto(env.base + '/rankings?year=2024')
    await settle(page)
    const link = page.locator('[data-table$="-top"] [data-unit-link]').first()
    const name = (await link.textContent()).trim()
    await link.click()
    await page.waitForURL(/\/units\//)
    await page.waitForSelector('[data-page="unit"] [data-unit-name]')
    await settle(page)
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop())
    assert.match(await page.textContent('[data-unit-name]'), new RegExp(name.replace(/[()（）]/g, '.')))
    for (const s of ['honors', 'volunteer', 'assessments', 'practice', 'ranking']) {
      assert.equal(await page.locator(`[data-section="${s}"]`).count(), 1, `section ${s}`)
    }
    // The API is the source of truth: one ranking point per year, the rank shown as the page shows it.
    const d = await api(env.base, 'query($id: ID!) { node(id: $id) { ... on Unit { honors { id } rankingHistory(metric: CREATION_INDEX) { year rank of } } } }', { id })
    assert.equal(d.node.rankingHistory.length, 6)
    assert.equal(await page.locator('[data-ranking-history] li').count(), 6)
    const last = d.node.rankingHistory[5]
    assert.match(await page.textContent(`[data-ranking-history] li[data-year="${last.year}"]`), new RegExp(`第 ${last.rank} 名 / 共 ${last.of} 个单位`))
    const charts = await chartFacts(page)
    const ranking = charts.find((c) => c.name === `unit-ranking-${id}`)
    assert.ok(ranking?.ready && ranking.points === 6, `ranking chart drawn: ${JSON.stringify(ranking)}`)
    const honors = charts.find((c) => c.name === `unit-honors-${id}`)
    assert.ok(honors?.ready, `honours chart drawn: ${JSON.stringify(honors)}`)
    assert.equal(await page.locator('[data-table="unit-honors-table"]').count(), 1)
    // A viewer gets no edit entry points.
    assert.equal(await page.locator('[data-action="add-honor"], [data-action="add-assessment"], [data-action="edit-assessment"], [data-action="add-link"], [data-action="edit-pairing"]').count(), 0)
    // The English view follows the switch: labels in English, the unit's name as the data has it.
    await page.goto(page.url() + (page.url().includes('?') ? '&' : '?') + 'lang=en')
    await page.waitForFunction(() => /Honours/.test(document.querySelector('[data-section="honors"] h2')?.textContent ?? ''))
    assert.match(await page.textContent('[data-section="ranking"]'), new RegExp(`No\\. ${last.rank} of ${last.of} units`))
    assert.deepEqual(problems, [])
    await shot(page, 'unit-page-en')
    const a = await axeCtx.newPage()
    await a.goto(page.url())
    await settle(a)
    assert.deepEqual(await axe(a), [])
    await a.close()
  })
})

describe('unit page: assessment form', () => {
  test('an editor opens an assessment from the unit page, toggles its veto and saves; the section reloads', async () => {
    const d = await api(env.base, '{ assessments(first: 1) { edges { node { id year veto version demo unit { id } } } } }')
    const before = d.assessments.edges[0].node
    const { page, problems } = await openPage(adminCtx)
    await page.goto(env.base + '/units/' + encodeURIComponent(before.unit.id))
    const row = page.locator(`[data-table="unit-assessments"] tr[data-year="${before.year}"]`)
    await row.locator('[data-action="edit-assessment"]').click()
    await page.waitForSelector(`[data-form="assessment"][data-version="${before.version}"]`)
    if (before.veto) await page.uncheck('#af-veto')
    else await page.check('#af-veto')
    await page.waitForSelector(`[data-total][data-veto="${before.veto ? 0 : 1}"]`)
    await page.click('[data-action="save-assessment"]')
    await page.waitForSelector('[data-dialog="assessment-form"]', { state: 'detached' })
    assert.match(await page.textContent('[data-notice]'), new RegExp(`已保存「.* ${before.year}」（版本 ${before.version + 1}）`))
    // The section reloaded: the row shows the veto as the API now has it.
    await page.waitForFunction(([y, veto]) => /否决/.test(document.querySelector(`[data-table="unit-assessments"] tr[data-year="${y}"]`)?.textContent ?? '') === veto, [before.year, !before.veto])
    const after = (await api(env.base, 'query($id: ID!) { node(id: $id) { ... on Assessment { veto version demo } } }', { id: before.id })).node
    assert.deepEqual(after, { veto: !before.veto, version: before.version + 1, demo: before.demo })
    assert.deepEqual(problems, [])
  })
})

describe('unit page: audit links', () => {
  test('the honour form on the unit page links admins to that honour\'s audit entries', async () => {
    const d = await api(env.base, '{ units(filter: { kind: "机关" }, first: 20) { edges { node { id honors { id } } } } }')
    const unit = d.units.edges.map((e) => e.node).find((u) => u.honors.length)
    const { page, problems } = await openPage(adminCtx)
    await page.goto(env.base + '/units/' + encodeURIComponent(unit.id))
    await page.locator('[data-section="honors"] [data-action="edit-honor"]').first().click()
    const link = page.locator('[data-dialog="honor-form"] [data-action="audit-link"]')
    await link.waitFor()
    const href = new URL(await link.getAttribute('href'), env.base)
    assert.equal(href.searchParams.get('entity'), 'HONOR')
    assert.ok(unit.honors.some((h) => h.id === href.searchParams.get('record')), `record ${href.searchParams.get('record')} is one of the unit's honours`)
    assert.deepEqual(problems, [])
  })
})

describe('wish form', () => {
  test('an admin creates a wish (after a client error beside its field) and edits it', async () => {
    const { page, problems } = await openPage(adminCtx)
    await page.goto(env.base + '/record')
    await page.waitForSelector('[data-section="wishes"]')
    await page.click('[data-action="add-wish"]')
    await page.waitForSelector('[data-form="wish"]')
    // Empty title: the client check shows beside the field, in the server's wording.
    await page.fill('#wf-beneficiary', 'E2E村')
    await page.fill('#wf-collectedOn', '2000-01-02')
    await page.click('[data-action="save-wish"]')
    assert.equal(await page.textContent('[data-error-for="title"]'), '心愿内容不能为空')
    await page.fill('#wf-title', '一台电脑（E2E）')
    await page.click('[data-action="save-wish"]')
    await page.waitForSelector('[data-form="wish"]', { state: 'detached' })
    await page.waitForSelector('[data-notice]')
    assert.match(await page.textContent('[data-notice]'), /已新增「一台电脑（E2E）」/)
    // The earliest collection date lists it first.
    const row = page.locator('[data-wish-row="一台电脑（E2E）"]')
    await row.waitFor()
    assert.match(await row.textContent(), /征集/)

    await row.locator('[data-action="edit-wish"]').click()
    await page.waitForSelector('[data-form="wish"][data-version="1"]')
    // 认领 without a unit: the client says it needs one.
    await page.selectOption('#wf-stage', 'CLAIMED')
    await page.click('[data-action="save-wish"]')
    assert.equal(await page.textContent('[data-error-for="unitId"]'), '已认领或实施的心愿须填写认领单位')
    await page.selectOption('#wf-stage', 'PUBLISHED')
    await page.fill('#wf-title', '一台电脑（E2E，已发布）')
    assert.equal(await page.locator('[data-action="audit-link"]').count(), 1, 'admins see the audit link')
    await page.click('[data-action="save-wish"]')
    await page.waitForSelector('[data-form="wish"]', { state: 'detached' })
    assert.match(await page.textContent('[data-notice]'), /已保存「一台电脑（E2E，已发布）」（版本 2）/)
    const edited = page.locator('[data-wish-row="一台电脑（E2E，已发布）"]')
    await edited.waitFor()
    assert.match(await edited.textContent(), /发布/)
    const d = await api(env.base, '{ wishes(first: 1) { edges { node { title stage version demo } } } }')
    assert.deepEqual(d.wishes.edges[0].node, { title: '一台电脑（E2E，已发布）', stage: 'PUBLISHED', version: 2, demo: false })
    assert.deepEqual(problems, [])
    await shot(page, 'wish-edited')
    // The audit link of the edited wish opens the log at its own entries, filtered by the server (auditLog recordId).
    const wid = (await api(env.base, '{ wishes(first: 1) { edges { node { id } } } }')).wishes.edges[0].node.id
    await edited.locator('[data-action="edit-wish"]').click()
    await page.click('[data-dialog="wish-form"] [data-action="audit-link"]')
    await page.waitForURL(/\/admin\/audit\?/)
    assert.equal(new URL(page.url()).searchParams.get('record'), wid)
    await page.waitForSelector('[data-only-record]')
    await page.waitForFunction(() => document.querySelectorAll('[data-audit-row]').length === 2)
    assert.deepEqual(await page.locator('[data-audit-row]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-audit-row'))), ['UPDATE', 'CREATE'])
    const log = await api(env.base, 'query($r: ID) { auditLog(filter: { recordId: $r }) { totalCount } }', { r: wid }, cookie)
    assert.equal(log.auditLog.totalCount, 2)
    assert.deepEqual(problems, [])
    const a = await axeCtx.newPage()
    await a.goto(env.base + '/record')
    await a.locator('[data-wish-row="一台电脑（E2E，已发布）"] [data-action="edit-wish"]').click()
    await a.waitForSelector('[data-form="wish"]')
    assert.deepEqual(await axe(a), [])
    await a.close()
  })
})
