// Browser smoke tests of the people, assessment, target and ranking-weight forms (issue 14), against the real
// server (see harness.mjs): an admin creates one record of each kind through its form, edits it (a client error
// with the server's wording first, beside its field), and the API shows what was saved.
//   WENMING_BIN=$PWD/../bin/wenming node --test e2e/people-assessment-target-forms.test.mjs
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { api, openPage, pickUnit, ready, settle, shot, signIn, start } from './harness.mjs'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const PERSON = 'E2E测试人物（自动化）'
const UNIT = 'E2E测评单位（自动化）'

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
  const d = await api(env.base, 'mutation($i: UnitInput!) { createUnit(input: $i) { id name } }', { i: { name: UNIT, kind: '机关' } }, cookie)
  unit = d.createUnit
})
after(async () => {
  await ctx?.close().catch(() => {})
  await env?.stop()
})

const q = (query, vars) => api(env.base, `${query} # ${Date.now()}`, vars, cookie)
const errorFor = (page, field) => page.locator(`[data-error-for="${field}"]`).first().textContent()

describe('forms: people, assessments, targets, ranking weights', () => {
  test('person: created from 人物名录 (道德模范与好人), then edited', async () => {
    const { page, problems } = await openPage(ctx)
    await page.goto(env.base + '/models')
    await settle(page)
    await page.waitForSelector('[data-section="people"] [data-table="people"]')
    await page.click('[data-action="add-person"]')
    await page.waitForSelector('[data-form="person"] #pf-name')
    await page.click('[data-action="save-person"]')
    assert.equal(await errorFor(page, 'name'), '姓名不能为空')
    await page.fill('#pf-name', PERSON)
    await pickUnit(page, 'pf-unit', UNIT)
    await page.fill('#pf-citation', '自动化测试录入的人物，不是真实人物。')
    await page.click('[data-action="save-person"]')
    await page.waitForSelector('[data-dialog="person-form"]', { state: 'detached' })
    const made = (await q('query($n: String) { people(filter: { nameContains: $n }) { edges { node { id name version citation unit { id } } } } }', { n: PERSON })).people.edges
    assert.equal(made.length, 1)
    assert.equal(made[0].node.unit.id, unit.id)

    await page.fill('[data-filter="person-name"]', PERSON)
    await page.press('[data-filter="person-name"]', 'Enter')
    await page.waitForSelector(`[data-person="${PERSON}"] [data-action="edit-person"]`)
    await page.click(`[data-person="${PERSON}"] [data-action="edit-person"]`)
    await page.waitForSelector('[data-form="person"][data-version="1"]')
    assert.equal(await page.inputValue('#pf-name'), PERSON)
    assert.equal(await page.locator('[data-form="person"] [data-audit-link]').count(), 1, 'admins get the audit link')
    await page.fill('#pf-citation', '更正后的事迹简介（自动化）。')
    await shot(page, 'person-form', false)
    await page.click('[data-action="save-person"]')
    await page.waitForSelector('[data-dialog="person-form"]', { state: 'detached' })
    const edited = (await q('query($n: String) { people(filter: { nameContains: $n }) { edges { node { version citation } } } }', { n: PERSON })).people.edges[0].node
    assert.deepEqual(edited, { version: 2, citation: '更正后的事迹简介（自动化）。' })
    assert.deepEqual(problems, [])
  })

  test('assessment: created from 年度测评 (创建排名) with indicator scores, then vetoed', async () => {
    const { page, problems } = await openPage(ctx)
    await page.goto(env.base + '/rankings?year=2024')
    await settle(page)
    await page.waitForSelector('[data-section="assessments"] [data-action="add-assessment"]')
    await pickUnit(page, 'as-unit', UNIT)
    await page.click('[data-action="add-assessment"]')
    await page.waitForSelector('[data-form="assessment"] [data-score]')
    // The form opened from a filtered table starts with that unit.
    await page.waitForFunction((n) => document.querySelector('#af-unit')?.value === n, UNIT)
    const maxima = await page.$$eval('[data-score]', (els) => els.map((e) => [e.getAttribute('data-score'), Number(e.getAttribute('max'))]))
    assert.ok(maxima.length > 0, 'the year has indicators')
    for (const [code, max] of maxima) await page.fill(`[data-score="${code}"]`, String(max + 1))
    await page.click('[data-action="save-assessment"]')
    assert.match(await errorFor(page, 'scores'), /超过满分/)
    for (const [code, max] of maxima) await page.fill(`[data-score="${code}"]`, String(max - 1))
    await page.click('[data-action="use-sum"]')
    const sum = maxima.reduce((a, [, m]) => a + m - 1, 0)
    assert.equal(Number(await page.inputValue('#af-base')), sum)
    await page.fill('#af-bonus', '11')
    await page.click('[data-action="save-assessment"]')
    assert.equal(await errorFor(page, 'bonus'), '加分须在 0 到 10 之间，收到 11')
    await shot(page, 'assessment-form', false)
    await page.fill('#af-bonus', '6')
    await page.selectOption('#af-stage', 'NAMED')
    await page.click('[data-action="save-assessment"]')
    await page.waitForSelector('[data-dialog="assessment-form"]', { state: 'detached' })
    const list = async () => (await q('query($u: ID) { assessments(filter: { unitId: $u }) { edges { node { id year baseScore bonus veto total stage version scores { code score } } } } }', { u: unit.id })).assessments.edges
    let a = (await list())[0].node
    assert.equal(a.year, 2024)
    assert.equal(a.baseScore, sum)
    assert.equal(a.total, sum + 6)
    assert.equal(a.scores.length, maxima.length)

    await page.waitForSelector(`[data-assessment="${UNIT}"] [data-action="edit-assessment"]`)
    await page.click(`[data-assessment="${UNIT}"] [data-action="edit-assessment"]`)
    await page.waitForSelector('[data-form="assessment"][data-version="1"]')
    await page.check('#af-veto')
    await page.waitForSelector('[data-total][data-veto="1"]')
    await page.click('[data-action="save-assessment"]')
    await page.waitForSelector('[data-dialog="assessment-form"]', { state: 'detached' })
    a = (await list())[0].node
    assert.equal(a.veto, true)
    assert.equal(a.total, 0)
    assert.equal(a.version, 2)
    assert.deepEqual(problems, [])
  })

  test('target: created on 年度目标 (admins), then edited', async () => {
    const { page, problems } = await openPage(ctx)
    await page.goto(env.base + '/admin/targets')
    await ready(page, 'targets')
    await page.click('[data-action="add-target"]')
    await page.waitForSelector('[data-form="target"] #tf-metric')
    await page.selectOption('#tf-metric', 'VOLUNTEERS')
    await page.fill('#tf-year', '2030')
    await page.fill('#tf-value', '-5')
    await page.click('[data-action="save-target"]')
    assert.equal(await errorFor(page, 'value'), '目标值不能为负数：-5')
    await page.fill('#tf-value', '250000')
    await page.click('[data-action="save-target"]')
    await page.waitForSelector('[data-dialog="target-form"]', { state: 'detached' })
    const find = async () => (await q('{ targets(metric: VOLUNTEERS) { year value version basis } }')).targets.find((t) => t.year === 2030)
    assert.deepEqual(await find(), { year: 2030, value: 250000, version: 1, basis: 'OFFICE' })

    await page.click('[data-target="VOLUNTEERS-2030"] [data-action="edit-target"]')
    await page.waitForSelector('[data-form="target"][data-version="1"]')
    await page.fill('#tf-value', '300000')
    await page.click('[data-action="save-target"]')
    await page.waitForSelector('[data-dialog="target-form"]', { state: 'detached' })
    assert.deepEqual(await find(), { year: 2030, value: 300000, version: 2, basis: 'OFFICE' })
    await page.waitForSelector('[data-target="VOLUNTEERS-2030"] [data-basis="OFFICE"]')
    await shot(page, 'targets')
    assert.deepEqual(problems, [])
  })

  test('ranking weights and category points: a new version from 2024 (admins), then edited; a category’s points set', async () => {
    const { page, problems } = await openPage(ctx)
    await page.goto(env.base + '/rankings?year=2024')
    await settle(page)
    await page.click('[data-action="add-weights"]')
    await page.waitForSelector('[data-form="weights"] #wf-from')
    await page.fill('#wf-from', '2024')
    const ws = { honors: '0.5', volunteer_hours: '0.25', practice: '0.25', assessment: '0.25' }
    for (const [c, w] of Object.entries(ws)) await page.fill(`[data-weight="${c}"]`, w)
    await page.click('[data-action="save-weights"]')
    assert.equal(await errorFor(page, 'weights'), '各项权重之和须为 1，收到 1.25')
    await shot(page, 'weights-form', false)
    await page.fill('[data-weight="honors"]', '0.25')
    await page.click('[data-action="save-weights"]')
    await page.waitForSelector('[data-dialog="weights-form"]', { state: 'detached' })
    const version = async () => (await q('{ rankingWeights(year: 2024) { fromYear component weight basis } }')).rankingWeights
    let v = await version()
    assert.ok(v.every((w) => w.fromYear === 2024 && w.weight === 0.25 && w.basis === 'OFFICE'), JSON.stringify(v))

    await page.waitForSelector('[data-section="weights"] [data-basis="OFFICE"]')
    await page.click('[data-action="edit-weights"]')
    await page.waitForFunction(() => document.querySelector('[data-weight="honors"]')?.value === '0.25')
    await page.fill('[data-weight="honors"]', '0.4')
    await page.fill('[data-weight="assessment"]', '0.1')
    await page.click('[data-action="save-weights"]')
    await page.waitForSelector('[data-dialog="weights-form"]', { state: 'detached' })
    v = await version()
    assert.equal(v.find((w) => w.component === 'honors').weight, 0.4)
    assert.equal(v.find((w) => w.component === 'assessment').weight, 0.1)

    const row = page.locator('[data-section="category-points"] [data-action="edit-points"]').first()
    await row.click()
    await page.waitForSelector('[data-form="points"] #cp-points')
    await page.fill('#cp-points', '7.5')
    await page.click('[data-action="save-points"]')
    await page.waitForSelector('[data-dialog="points-form"]', { state: 'detached' })
    const cats = (await q('{ honorCategories { code weight weightBasis } }')).honorCategories
    assert.ok(cats.some((c) => c.weight === 7.5 && c.weightBasis === 'OFFICE'))
    assert.deepEqual(problems, [])
  })
})

describe('accessibility of the forms', () => {
  let actx
  before(async () => {
    // axe is injected as a script, which the app's CSP rightly forbids: bypass it here only.
    actx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true })
    const [name, value] = cookie.split('=')
    await actx.addCookies([{ name, value, url: env.base }])
  })
  after(async () => actx?.close())

  const axe = async (page) => {
    await page.addScriptTag({ content: readFileSync(AXE, 'utf8') })
    const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
    const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    return bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('\n')
  }

  test('axe: the person and assessment forms with errors, and the targets page in English', async () => {
    const page = await actx.newPage()
    await page.goto(env.base + '/models')
    await settle(page)
    await page.click('[data-action="add-person"]')
    await page.click('[data-action="save-person"]')
    await page.waitForSelector('[data-error-for="name"]')
    assert.equal(await axe(page), '')
    await page.goto(env.base + '/rankings?year=2024')
    await settle(page)
    await page.click('[data-action="add-assessment"]')
    await page.waitForSelector('[data-form="assessment"] [data-score]')
    await page.fill('#af-bonus', '12')
    await page.click('[data-action="save-assessment"]')
    await page.waitForSelector('[data-error-for="bonus"]')
    assert.equal(await axe(page), '')
    for (const path of ['/models?lang=en', '/rankings?year=2024&lang=en']) {
      await page.goto(env.base + path)
      await settle(page)
      await page.waitForSelector('[data-table="people"], [data-table="assessments"]')
      assert.equal(await axe(page), '', path)
    }
    await page.goto(env.base + '/admin/targets?lang=en')
    await ready(page, 'targets')
    assert.equal((await page.locator('h1').innerText()).trim(), 'Yearly targets')
    await page.click('[data-action="add-target"]')
    await page.waitForSelector('[data-form="target"]')
    assert.equal(await axe(page), '')
    await page.close()
  })
})
