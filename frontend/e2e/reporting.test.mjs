// Browser test of the yearly reporting flow on SQLite, against the real server (harness.mjs): an admin opens a task
// for three units and makes a reporter and an editor (through the API); the reporter, on a phone (375×812), reads
// volunteer records from the import template into the draft (a row of another unit refused by its row), fills
// volunteer records and a self-assessment, explains the warning the draft raises, and submits; the editor, at a desk, opens the unit's review, comments on
// one field and returns the report; the reporter sees the comment beside that field, fixes it and submits again; the
// editor approves the named round and the board's counts follow, and reminds the units yet to report; a leader (VIEWER) sees the board without actions.
// axe finds no serious or critical violation on either page at either width. Takes (into docs/ with WENMING_DOCS_SHOTS=1) docs/reporting-phone.png,
// docs/reporting-review.png, docs/reporter-home.png (the reporter's page at a desk) and docs/reporting-board.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { api, docShot, openPage, ready, signIn, start } from './harness.mjs'

const require = createRequire(import.meta.url)
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

const TITLE = '2025年度志愿服务与测评自评上报（测试）'
const REPORTER = { username: 'tianbao-e2e', password: 'tianbao-pass-2026' }
const EDITOR = { username: 'shenhe-e2e', password: 'shenhe-pass-2026' }
const LEADER = { username: 'lingdao-e2e', password: 'lingdao-pass-2026' }
const PHONE = { width: 375, height: 812 }
const DESK = { width: 1440, height: 900 }
const FIELD_COMMENT = '第二条的时长请按签到表核实'
const RETURN_COMMENT = '请核实后重新上报'
const EXPLANATION = '两名队员连续三天驻点服务，时长为三天合计'

let env
let admin
let unit
let others
let indicator
let task
const cookies = {}

/** A day in China's calendar, d days from today. */
const day = (d) => new Date(Date.now() + 8 * 3600_000 + d * 86_400_000).toISOString().slice(0, 10)

/** The unit's 2025 volunteer records as the API counts them. */
const volunteerCount = async () =>
  (await api(env.base, 'query($u: ID!) { volunteerRecords(filter: { unitId: $u, fromYear: 2025, toYear: 2025 }) { totalCount } }', { u: unit.id }, admin)).volunteerRecords.totalCount

before(async () => {
  env = await start()
  admin = await signIn(env.base)
  // A unit without a 2025 assessment, so that the approval adds one rather than meeting the demo's.
  const units = (await api(env.base, '{ units(first: 40) { edges { node { id name } } } }', {}, admin)).units.edges.map((e) => e.node)
  const free = []
  for (const u of units) {
    if (free.length === 3) break
    const n = (await api(env.base, 'query($u: ID!) { assessments(filter: { year: 2025, unitId: $u }) { totalCount } }', { u: u.id }, admin)).assessments.totalCount
    if (n === 0) free.push(u)
  }
  assert.ok(free.length >= 3, 'three units without a 2025 assessment')
  ;[unit, ...others] = free.slice(0, 3)
  indicator = (await api(env.base, '{ assessmentIndicators(year: 2025) { code maxScore } }', {}, admin)).assessmentIndicators[0]
  assert.ok(indicator, 'the 2025 indicators')
  await api(env.base, 'mutation($u: ID!, $p: String!) { createReporter(username: "tianbao-e2e", unitId: $u, displayName: "填报员（测试）", password: $p) { user { id } } }',
    { u: unit.id, p: REPORTER.password }, admin)
  for (const [who, role] of [[EDITOR, 'EDITOR'], [LEADER, 'VIEWER']]) {
    await api(env.base, 'mutation($n: String!, $p: String!, $r: Role!) { createUser(username: $n, password: $p, role: $r) { id } }', { n: who.username, p: who.password, r: role }, admin)
  }
  task = (await api(env.base, 'mutation($i: ReportTaskInput!) { createReportTask(input: $i) { id } }', {
    i: {
      year: 2025, title: TITLE, kinds: ['VOLUNTEER_RECORDS', 'ASSESSMENT_SCORES'], instructions: '请如实填报本单位 2025 年的志愿服务记录和测评自评分。',
      opensOn: day(-1), dueOn: day(9), closesOn: day(20), unitIds: [unit.id, ...others.map((u) => u.id)],
    },
  }, admin)).createReportTask.id
  for (const who of [REPORTER, EDITOR, LEADER]) cookies[who.username] = await signIn(env.base, who.username, who.password)
})
after(async () => env?.stop())

/** A browser context signed in as one user (CSP bypassed only so that axe can be injected). */
async function signedIn(who, viewport, phone = false) {
  const ctx = await env.browser.newContext({ viewport, locale: 'zh-CN', bypassCSP: true, ...(phone ? { isMobile: true, hasTouch: true } : {}) })
  const [name, value] = cookies[who.username].split('=')
  await ctx.addCookies([{ name, value, url: env.base }])
  return ctx
}

async function axeClean(page, what) {
  await page.addScriptTag({ content: AXE })
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  assert.equal(bad.length, 0, `${what}: ` + bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('\n'))
}

/** Nothing reaches past the right edge of the screen, outside a box that scrolls on its own. */
async function assertFits(page, what) {
  const o = await page.evaluate(() => {
    const w = document.documentElement.clientWidth
    const past = [...document.querySelectorAll('body *')].filter((e) => {
      if (!e.offsetParent) return false
      const r = e.getBoundingClientRect()
      if (r.width === 0 || r.right <= w + 0.5) return false
      for (let p = e.parentElement; p; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX
        if ((x === 'auto' || x === 'scroll' || x === 'hidden') && p.getBoundingClientRect().right <= w + 0.5) return false
      }
      return true
    }).slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`)
    return { scrollWidth: document.documentElement.scrollWidth, width: w, past }
  })
  assert.ok(o.scrollWidth <= o.width && o.past.length === 0, `${what}: nothing past the right edge ${JSON.stringify(o)}`)
}

/** The flow's steps build on each other: after one fails, the rest are skipped rather than timing out. */
let broken = ''
function flowTest(name, fn) {
  test(name, async (t) => {
    if (broken) return t.skip(`after the failure of: ${broken}`)
    try {
      await fn()
    } catch (e) {
      broken = name
      throw e
    }
  })
}

/** The board's count of one state (or flag). */
const boardCount = async (page, key) => Number(await page.locator(`[data-report-progress] [data-count="${key}"]`).innerText())

describe('yearly reporting: a unit on a phone, the office at a desk', () => {
  let phoneCtx
  let deskCtx
  let phone
  let desk
  const problems = []
  before(async () => {
    phoneCtx = await signedIn(REPORTER, PHONE, true)
    deskCtx = await signedIn(EDITOR, DESK)
    const p = await openPage(phoneCtx)
    const d = await openPage(deskCtx)
    phone = p.page
    desk = d.page
    problems.push(p.problems, d.problems)
  })
  after(async () => {
    await phoneCtx?.close()
    await deskCtx?.close()
  })

  flowTest('the reporter reads records from the import template, fills volunteer records and a self-assessment at 375 px and submits', async () => {
    await phone.goto(env.base + '/me')
    await ready(phone, 'reporter-home')
    const card = phone.locator(`[data-report-task="${TITLE}"]`)
    await card.waitFor()
    assert.equal(await card.getAttribute('data-state'), 'NOT_STARTED')
    assert.match(await card.locator('[data-days-left]').innerText(), /还剩 9 天/)
    await axeClean(phone, '/me at 375 px')

    // From the office's import template: a row naming another unit is refused by its row and nothing is saved;
    // a clean file becomes the draft's volunteer records.
    const csv = (...rows) => ({ name: 'draft.csv', mimeType: 'text/csv', buffer: Buffer.from(`单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实,演示数据\n${rows.join('\n')}\n`) })
    const importer = card.locator('[data-draft-import="VOLUNTEER_RECORDS"]')
    await importer.locator('summary').click()
    await importer.locator('[data-field="draft-file"]').setInputFiles(csv(`${unit.name},2025-02-01,,4,6,签到,否,否`, `${others[0].name},2025-02-02,,4,6,签到,否,否`))
    await importer.locator('[data-action="import-draft"]').click()
    await importer.locator('[data-import-row="3"]').waitFor()
    assert.equal(await card.getAttribute('data-state'), 'NOT_STARTED', 'a refused file saves nothing')
    await importer.locator('[data-field="draft-file"]').setInputFiles(csv(`${unit.name},2025-02-01,,4,6,签到,否,否`))
    await importer.locator('[data-action="import-draft"]').click()
    await phone.waitForSelector(`[data-report-task="${TITLE}"][data-state="IN_PROGRESS"]`)
    await card.locator('[data-row="volunteerRecords[0]"]').waitFor()
    assert.equal(await card.locator('[data-field="volunteerRecords[0].hours"]').inputValue(), '6')

    // Rows come and go as cards: two more, one removed again.
    for (let i = 0; i < 2; i++) await card.locator('[data-action="add-volunteerRecords"]').click()
    assert.equal(await card.locator('[data-row^="volunteerRecords["]').count(), 3)
    await card.locator('[data-action="remove-volunteerRecords-0"]').click()
    assert.equal(await card.locator('[data-row^="volunteerRecords["]').count(), 2)
    const fill = (path, v) => card.locator(`[data-field="${path}"]`).fill(v)
    await fill('volunteerRecords[0].date', '2025-03-05')
    await fill('volunteerRecords[0].volunteers', '2')
    await fill('volunteerRecords[0].hours', '36')
    await fill('volunteerRecords[1].date', '2025-04-10')
    await fill('volunteerRecords[1].volunteers', '8')
    await fill('volunteerRecords[1].hours', '1.01')
    await card.locator('[data-field="volunteerRecords[1].method"]').selectOption('SHIFT')
    await fill('assessment.baseScore', '85')
    await fill('assessment.bonus', '1')
    await fill('assessment.scores[0].code', indicator.code)
    await fill('assessment.scores[0].score', String(Math.min(2, indicator.maxScore)))
    const note = '本年度组织志愿服务两次，签到表齐全。'
    await fill('assessment.scores[0].note', note)
    assert.equal((await card.locator('#' + (await card.locator('[data-field="assessment.scores[0].note"]').getAttribute('id')) + '-hint').innerText()).trim(), `${note.length} / 500 字`)
    await assertFits(phone, '/me with the draft filled')

    // Hours that are not whole minutes are refused beside that field, and nothing is sent.
    await card.locator('[data-action="save-draft"]').click()
    assert.match(await card.locator('[data-error-for="volunteerRecords[1].hours"]').innerText(), /整分钟/)
    assert.equal(await card.locator('[data-report-notice]').count(), 0, 'nothing saved')
    await fill('volunteerRecords[1].hours', '1.5')
    await card.locator('[data-action="save-draft"]').click()
    await card.locator('[data-report-notice]').waitFor()
    // 36 hours by 2 volunteers is 18 hours each: the saved draft warns under that field, and a submit waits for a
    // sentence about it.
    const warned = card.locator('.field', { has: phone.locator('[data-field="volunteerRecords[0].hours"]') })
    await warned.locator('[data-warning-for="volunteerRecords[0].hours"]').waitFor()
    await card.locator('[data-action="submit-report"]').click()
    assert.match(await card.locator('[data-report-error]').innerText(), /上报前请说明/)
    assert.equal(await card.getAttribute('data-state'), 'IN_PROGRESS')
    await card.locator('[data-field="explanations.volunteerRecords[0].hours"]').fill(EXPLANATION)
    await assertFits(phone, '/me with a warning explained')
    await card.locator('[data-action="submit-report"]').click()
    await phone.waitForSelector(`[data-report-task="${TITLE}"][data-state="SUBMITTED"]`)
    assert.equal(await card.locator('[data-action="withdraw-report"]').count(), 1, 'a submitted report can be withdrawn before review')
    assert.equal(await volunteerCount(), 0, 'a submission moves no record')
  })

  flowTest('the editor reviews the submission beside the unit\'s records, comments on a field and returns it', async () => {
    await desk.goto(env.base + '/admin/reporting')
    await ready(desk, 'reporting')
    const row = desk.locator(`[data-report-unit="${unit.name}"]`)
    await row.waitFor()
    assert.equal(await row.getAttribute('data-state'), 'SUBMITTED')
    assert.equal(await boardCount(desk, 'SUBMITTED'), 1)
    assert.equal(await boardCount(desk, 'NOT_STARTED'), 2)
    await row.locator('[data-action="review-report"]').click()
    const panel = desk.locator('[data-review-panel]')
    await panel.locator('[data-review-submitted]').waitFor()
    assert.equal((await panel.locator('[data-view-field="volunteerRecords[1].hours"] .view-value').innerText()).trim(), '1.5')
    assert.equal((await panel.locator('[data-current-count="volunteerRecords"]').innerText()).trim(), '0')
    assert.equal((await panel.locator('[data-review-explanation="volunteerRecords[0].hours"]').innerText()).trim(), EXPLANATION, 'the warning beside its explanation')
    await panel.locator('[data-comment-field="volunteerRecords[1].hours"]').click()
    await panel.locator('[data-comment-box="volunteerRecords[1].hours"] input').fill(FIELD_COMMENT)
    await panel.locator('[data-comment-box="volunteerRecords[1].hours"] [data-action="send-comment"]').click()
    await panel.locator('[data-view-field="volunteerRecords[1].hours"] [data-comment-for="volunteerRecords[1].hours"]').waitFor()
    await axeClean(desk, '/admin/reporting with the review open at 1440 px')
    await panel.locator('[data-field="return-comment"]').fill(RETURN_COMMENT)
    await panel.locator('[data-action="review-return"]').click()
    await desk.waitForSelector(`[data-report-unit="${unit.name}"][data-state="RETURNED"]`)
    assert.equal(await boardCount(desk, 'RETURNED'), 1)
    assert.equal(await boardCount(desk, 'SUBMITTED'), 0)
  })

  flowTest('the reporter sees the comment beside the field it names, fixes it and submits again', async () => {
    await phone.reload()
    await ready(phone, 'reporter-home')
    const card = phone.locator(`[data-report-task="${TITLE}"][data-state="RETURNED"]`)
    await card.waitFor()
    const top = await card.locator('[data-review-comments]').innerText()
    assert.match(top, new RegExp(RETURN_COMMENT))
    assert.match(top, new RegExp(FIELD_COMMENT))
    // Beside the field: in the same labelled field as the hours input of the second record, and nowhere else.
    const field = card.locator('.field', { has: phone.locator('[data-field="volunteerRecords[1].hours"]') })
    assert.equal((await field.locator('[data-comment-for="volunteerRecords[1].hours"]').innerText()).includes(FIELD_COMMENT), true)
    assert.equal(await card.locator('[data-comment-for]').count(), 1)
    const hours = card.locator('[data-field="volunteerRecords[1].hours"]')
    const described = (await hours.getAttribute('aria-describedby')) ?? ''
    assert.ok(described.includes(`${await hours.getAttribute('id')}-hint`), 'the comment is read out with the field')
    await assertFits(phone, '/me returned')
    await axeClean(phone, '/me returned at 375 px')
    await card.scrollIntoViewIfNeeded()
    await phone.screenshot({ path: docShot('reporting-phone.png'), fullPage: true })
    await hours.fill('2')
    // A photo of the sign-in sheet as evidence, drawn by the phone's own browser (the server sniffs the bytes).
    const png = Buffer.from(await phone.evaluate(() => {
      const c = document.createElement('canvas')
      c.width = 480
      c.height = 320
      const g = c.getContext('2d')
      g.fillStyle = '#fdf6e3'
      g.fillRect(0, 0, 480, 320)
      g.fillStyle = '#b22222'
      g.font = '32px sans-serif'
      g.fillText('志愿服务签到表（演示）', 40, 70)
      g.strokeStyle = '#555'
      for (let y = 110; y < 300; y += 36) g.strokeRect(40, y, 400, 30)
      return c.toDataURL('image/png').split(',')[1]
    }), 'base64')
    await card.locator('[data-field="attachment"]').setInputFiles({ name: '签到表.png', mimeType: 'image/png', buffer: png })
    await card.locator('[data-attachment="签到表.png"]').waitFor()
    await card.locator('[data-action="submit-report"]').click()
    await phone.waitForSelector(`[data-report-task="${TITLE}"][data-state="SUBMITTED"]`)
    await phone.locator('[data-report-history] summary').click()
    assert.equal(await phone.locator('[data-report-history] [data-round]').count(), 2)
    // The same page at a desk's width.
    await phone.setViewportSize(DESK)
    await axeClean(phone, '/me at 1440 px')
    await phone.evaluate(() => window.scrollTo(0, 0))
    await phone.screenshot({ path: docShot('reporter-home.png') })
  })

  flowTest('the editor approves the second round; the board\'s counts and the records follow', async () => {
    await desk.reload()
    await ready(desk, 'reporting')
    const row = desk.locator(`[data-report-unit="${unit.name}"][data-state="SUBMITTED"]`)
    await row.waitFor()
    await row.locator('[data-action="review-report"]').click()
    const panel = desk.locator('[data-review-panel]')
    await panel.locator('[data-review-submitted]').waitFor()
    assert.match(await panel.locator('[data-review-submitted] h3').innerText(), /第 2 次上报/)
    assert.equal((await panel.locator('[data-view-field="volunteerRecords[1].hours"] .view-value').innerText()).trim(), '2')
    assert.match(await panel.locator('[data-review-changes]').innerText(), /1\.5 → 2/, 'what changed since round 1')
    assert.equal(await panel.locator('[data-attachment="签到表.png"] a').count(), 1, 'the unit\'s evidence')
    const picture = panel.locator('[data-attachment="签到表.png"] img')
    await picture.scrollIntoViewIfNeeded()
    await desk.waitForFunction((img) => img.complete && img.naturalWidth === 480, await picture.elementHandle())
    assert.ok(await panel.locator('[data-review-explanation="volunteerRecords[0].hours"]').count(), 'the warning\'s explanation beside the photo')
    await desk.evaluate(() => window.scrollTo(0, 0))
    await desk.screenshot({ path: docShot('reporting-review.png'), fullPage: true })
    await panel.locator('[data-action="review-approve"]').click()
    await desk.waitForSelector(`[data-report-unit="${unit.name}"][data-state="APPROVED"]`)
    assert.equal(await boardCount(desk, 'APPROVED'), 1)
    assert.equal(await boardCount(desk, 'SUBMITTED'), 0)
    assert.equal(await boardCount(desk, 'NOT_STARTED'), 2)
    assert.equal(await volunteerCount(), 2, 'the approved round became the unit\'s records')
    const progress = (await api(env.base, 'query($t: ID!) { taskProgress(taskId: $t) { approved submitted notStarted } }', { t: task }, admin)).taskProgress
    assert.deepEqual(progress, { approved: 1, submitted: 0, notStarted: 2 }, 'the board shows what the API counts')
    await desk.locator('[data-action="close-review"]').click()
    // The list of units yet to report, for phone calls, is the office's export.
    const missing = await desk.request.get(env.base + (await desk.locator('[data-action="export-missing"]').getAttribute('href')))
    assert.equal(missing.status(), 200)
    assert.match(missing.headers()['content-type'], /spreadsheetml/)
    // 催报: the two units that have not started are reminded, once a day at most.
    await desk.locator('[data-action="remind-all"]').click()
    await desk.locator(`[data-result-unit="${others[1].name}"][data-ok="1"]`).waitFor()
    await desk.waitForFunction(() => document.querySelector('[data-report-progress] [data-count="reminded"]')?.textContent?.trim() === '2')
    assert.equal(await desk.locator(`[data-report-unit="${others[0].name}"] [data-reminded]`).count(), 1)
    await desk.evaluate(() => window.scrollTo(0, 0))
    await desk.screenshot({ path: docShot('reporting-board.png') })
    await desk.setViewportSize(PHONE)
    await assertFits(desk, '/admin/reporting at 375 px')
    await axeClean(desk, '/admin/reporting at 375 px')
    // The review at a phone's width too: the approved round, its comments, no comment boxes any more.
    await desk.locator(`[data-report-unit="${unit.name}"] [data-action="review-report"]`).click()
    await panel.locator('[data-review-submitted]').waitFor()
    assert.equal(await panel.locator('[data-comment-field]').count(), 0, 'an approved round takes no more comments')
    assert.equal((await panel.locator('[data-current-count="volunteerRecords"]').innerText()).trim(), '2', 'the unit\'s records now hold the approved round')
    await assertFits(desk, '/admin/reporting with the review open at 375 px')
    await axeClean(desk, '/admin/reporting with the review open at 375 px')
    assert.deepEqual(problems.flat(), [])
  })

  flowTest('a leader sees the board without actions or contents', async () => {
    const ctx = await signedIn(LEADER, DESK)
    const { page, problems: p } = await openPage(ctx)
    await page.goto(env.base + '/admin/reporting')
    await ready(page, 'reporting')
    await page.locator(`[data-report-unit="${unit.name}"][data-state="APPROVED"]`).waitFor()
    assert.equal(await page.locator('[data-action="review-report"], [data-action="approve-report"], [data-select-unit], [data-bulk-approve]').count(), 0)
    assert.equal(await boardCount(page, 'APPROVED'), 1)
    await axeClean(page, '/admin/reporting as a leader')
    assert.deepEqual(p, [])
    await ctx.close()
  })
})
