// Browser tests of sign-in, live updates, data entry, import and the admin pages, against the real server
// (see harness.mjs: a temp database, WENMING_ADMIN_PASSWORD = ADMIN_PASSWORD, --anonymous-read).
//   npm run test:e2e
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { ADMIN_PASSWORD, api, openPage, ready, settle, shot, signIn, start, until, waitLive } from './harness.mjs'

const require = createRequire(import.meta.url)
const AXE = require.resolve('axe-core/axe.min.js')

const EDITOR = { username: 'editor1', password: 'editor-pass-2024', displayName: '录入员（测试）' }
// Honours entered here use 2025, a year the demo data does not cover, so that the table shows only them.
const YEAR = 2025

let env
let adminCtx
let anonCtx
let unit
let adminCookie

before(async () => {
  env = await start()
  adminCtx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  await adminCtx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base })
  anonCtx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const d = await api(env.base, '{ units(first: 1, filter: { kind: "机关" }) { edges { node { id name } } } }')
  unit = d.units.edges[0].node
  adminCookie = await signIn(env.base)
})
after(async () => {
  await adminCtx?.close().catch(() => {})
  await anonCtx?.close().catch(() => {})
  await env?.stop()
})

const honorTotal = async (page) => {
  const text = await page.locator('[data-table^="honors-"] .table-tools [aria-live]').innerText()
  return Number(/(\d+)/.exec(text.replace(/,/g, ''))?.[1])
}

// users is marked @private in the schema, so the server's response cache never answers it: the same text is fresh.
const USERS = () => `{ users { username role disabled } }`

const countHonors = async (year = YEAR) =>
  (await api(env.base, `query($y:Int){ honors(filter:{fromYear:$y,toYear:$y}){ totalCount edges{ node{ id version edition recipientName } } } }`, { y: year })).honors

/** Wait for /login with ?next=next (however the router encodes it). */
const toLogin = (page, next) =>
  page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === next, { timeout: 10_000 })

describe('signed out, with anonymous reading', () => {
  test('reading works, write controls are hidden, the header offers 登录, live updates connect', async () => {
    const { page, problems } = await openPage(anonCtx)
    await page.goto(env.base + '/creation')
    await settle(page)
    await waitLive(page)
    assert.equal(await page.locator('[data-action="add-honor"]').count(), 0, 'no 新增 for a viewer')
    assert.equal(await page.locator('[data-action="edit-honor"]').count(), 0, 'no 编辑 for a viewer')
    assert.equal(await page.locator('[data-admin-nav]').count(), 0, 'no 数据管理 links')
    assert.equal((await page.locator('[data-action="login"]').innerText()).trim(), '登录')
    assert.equal((await page.locator('.live-ind').innerText()).trim().startsWith('实时'), true)
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('pages that need a role send a signed-out visitor to /login?next=…', async () => {
    const { page, problems } = await openPage(anonCtx)
    await page.goto(env.base + '/admin/users')
    await toLogin(page, '/admin/users')
    await ready(page, 'login')
    assert.deepEqual(problems, [])
    await page.close()
  })
})

describe('sign-in', () => {
  test('a wrong password shows the server message in Chinese (English under ?lang=en); repeated failures get the 429 message', async () => {
    const ctx = await env.browser.newContext({ locale: 'zh-CN' })
    const { page, problems } = await openPage(ctx)
    await page.goto(env.base + '/login')
    await ready(page, 'login')
    // Empty form: checked before any request.
    await page.click('[data-action="login-submit"]')
    assert.equal((await page.locator('[data-login-error]').innerText()).trim(), '请填写用户名和密码。')
    await page.fill('#login-user', 'nobody')
    await page.fill('#login-pass', 'wrong-password')
    await page.click('[data-action="login-submit"]')
    await page.waitForFunction(() => document.querySelector('[data-login-error]')?.textContent?.includes('用户名或密码错误'))
    assert.equal((await page.locator('[data-login-error]').innerText()).trim(), '用户名或密码错误。')
    await shot(page, 'login-error')
    await page.goto(env.base + '/login?lang=en')
    await ready(page, 'login')
    await page.fill('#login-user', 'nobody')
    await page.fill('#login-pass', 'wrong-password')
    await page.click('[data-action="login-submit"]')
    await page.waitForFunction(() => /Wrong username or password|Too many/.test(document.querySelector('[data-login-error]')?.textContent ?? ''))
    // Keep failing until the server rate-limits this username (5 attempts, then 429).
    let limited = false
    for (let i = 0; i < 6 && !limited; i++) {
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.status() >= 400), page.click('[data-action="login-submit"]')])
      await page.waitForFunction(() => !document.querySelector('[data-action="login-submit"]')?.textContent?.includes('…'))
      limited = /Too many attempts/.test(await page.locator('[data-login-error]').innerText())
    }
    assert.ok(limited, 'rate-limited after repeated failures')
    assert.ok(await page.locator('[data-action="login-submit"]').isDisabled(), 'the button waits out Retry-After')
    // The browser logs failed responses (401, 429) as console errors; those are this test's expected answers.
    assert.deepEqual(problems.filter((p) => !/status of (401|429)/.test(p)), [])
    await ctx.close()
  })

  test('admin signs in at /login and returns to ?next; the header shows the user and role', async () => {
    const { page, problems } = await openPage(adminCtx)
    await page.goto(env.base + '/import')
    await toLogin(page, '/import')
    await ready(page, 'login')
    await shot(page, 'login')
    await page.fill('#login-user', 'admin')
    await page.fill('#login-pass', ADMIN_PASSWORD)
    await page.press('#login-pass', 'Enter')
    await page.waitForURL(/\/import$/)
    await ready(page, 'import')
    const who = page.locator('[data-user]')
    assert.match(await who.innerText(), /管理员/)
    assert.match(await who.innerText(), /admin/)
    assert.equal(await who.getAttribute('data-role'), 'ADMIN')
    const nav = await page.locator('[data-admin-nav] a').allInnerTexts()
    assert.deepEqual(nav.map((s) => s.trim()), ['导入', '单位', '上报进度', '用户', '令牌', '审计日志', '回收站', '年度目标'])
    const me = await page.evaluate(() => fetch('/auth/me').then((r) => r.json()))
    assert.equal(me.role, 'ADMIN')
    assert.deepEqual(problems, [])
    await page.close()
  })
})

describe('admin: users', () => {
  test('create an editor, change a role, and the account can sign in', async () => {
    const { page, problems } = await openPage(adminCtx)
    await page.goto(env.base + '/admin/users')
    await ready(page, 'users')
    // Client-side checks mirror the server's.
    await page.fill('#nu-username', EDITOR.username)
    await page.fill('#nu-password', 'short')
    await page.click('[data-action="create-user"]')
    assert.equal((await page.locator('[data-error-for="password"]').innerText()).trim(), '密码至少 8 个字符')
    await page.fill('#nu-password', EDITOR.password)
    await page.fill('#nu-displayName', EDITOR.displayName)
    await page.selectOption('#nu-role', 'EDITOR')
    await page.click('[data-action="create-user"]')
    await page.waitForSelector(`[data-user-row="${EDITOR.username}"]`)
    assert.match(await page.locator('[data-notice]').innerText(), /已新建用户 editor1/)
    // Creating the same username again: the server's CONFLICT message is shown.
    await page.fill('#nu-username', EDITOR.username)
    await page.fill('#nu-password', EDITOR.password)
    await page.click('[data-action="create-user"]')
    await page.waitForSelector('[data-form="user"] .alert-error')
    assert.match(await page.locator('[data-form="user"] .alert-error').innerText(), /已被使用/)
    await page.fill('#nu-username', '')
    await page.fill('#nu-password', '')
    // Change the role to VIEWER and back.
    const row = page.locator(`[data-user-row="${EDITOR.username}"]`)
    await row.locator('select').selectOption('VIEWER')
    await page.waitForFunction(() => document.querySelector('[data-notice]')?.textContent?.includes('已更新用户'))
    let users = (await api(env.base, USERS(), {}, adminCookie)).users
    assert.equal(users.find((u) => u.username === EDITOR.username).role, 'VIEWER')
    await row.locator('select').selectOption('EDITOR')
    await until(async () => (await api(env.base, USERS(), {}, adminCookie)).users.find((u) => u.username === EDITOR.username).role === 'EDITOR',
      { timeout: 5000, message: 'the role change to reach the API' })
    await shot(page, 'users')
    users = (await api(env.base, USERS(), {}, adminCookie)).users
    assert.deepEqual(users.find((u) => u.username === EDITOR.username), { username: EDITOR.username, role: 'EDITOR', disabled: false })
    const cookie = await signIn(env.base, EDITOR.username, EDITOR.password)
    const v = await api(env.base, '{ viewer { role user { username } } }', {}, cookie)
    assert.equal(v.viewer.role, 'EDITOR')
    assert.deepEqual(problems, [])
    await page.close()
  })
})

describe('honours: data entry and live updates', () => {
  let created

  test('the honour form checks fields, creates an honour, and another open page sees the count change without reload', async () => {
    // The observer: anonymous, in its own browser context, on the creation page.
    const obs = await openPage(anonCtx)
    await obs.page.goto(env.base + `/creation?from=2019&to=${YEAR}`)
    await settle(obs.page)
    await waitLive(obs.page)
    await obs.page.evaluate(() => { window.__noReload = 'still here' })
    const before = await honorTotal(obs.page)

    const { page, problems } = await openPage(adminCtx)
    await page.goto(env.base + `/creation?from=${YEAR}&to=${YEAR}`)
    await settle(page)
    assert.equal(await honorTotal(page), 0)
    // Keyboard: the 新增 button opens the form, Escape closes it and focus returns.
    await page.focus('[data-action="add-honor"]')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-dialog="honor-form"] #hf-category')
    await page.waitForFunction(() => document.activeElement?.id === 'hf-category')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-dialog="honor-form"]', { state: 'detached' })
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-action')), 'add-honor')

    await page.click('[data-action="add-honor"]')
    await page.waitForSelector('#hf-category')
    // Nothing filled: client-side errors beside the fields, no request.
    await page.fill('#hf-year', '1800')
    await page.click('[data-action="save-honor"]')
    assert.equal((await page.locator('[data-error-for="categoryCode"]').innerText()).trim(), '请选择荣誉类别')
    assert.equal((await page.locator('[data-error-for="year"]').innerText()).trim(), '年份须在 1949 到 2100 之间，收到 1800')
    assert.equal(await page.locator('#hf-year').getAttribute('aria-invalid'), 'true')
    await page.selectOption('#hf-category', 'PROVINCIAL_CAMPUS')
    await page.fill('#hf-year', String(YEAR))
    // Unit search: type, pick with the keyboard.
    await page.fill('#hf-unit', unit.name.slice(0, 2))
    await page.waitForSelector(`[role="option"][data-unit="${unit.name}"]`)
    while ((await page.locator('#hf-unit').getAttribute('aria-activedescendant')) !== (await page.locator(`[role="option"][data-unit="${unit.name}"]`).getAttribute('id'))) {
      await page.press('#hf-unit', 'ArrowDown')
    }
    await page.press('#hf-unit', 'Enter')
    assert.equal(await page.inputValue('#hf-unit'), unit.name)
    // A campus category for a 机关: caught on the client with the server's wording.
    await page.fill('#hf-date', `${YEAR - 1}-05-01`)
    await page.click('[data-action="save-honor"]')
    assert.match(await page.locator('[data-error-for="unitId"]').innerText(), /校园类荣誉须授予高校或中小学/)
    assert.equal(await page.locator('[data-error-for="date"]').innerText(), `日期 ${YEAR - 1}-05-01 不在荣誉年份 ${YEAR} 内`)
    await page.selectOption('#hf-category', 'PROVINCIAL_UNIT')
    await page.fill('#hf-date', `${YEAR}-05-01`)
    await page.fill('#hf-edition', '第一批')
    await shot(page, 'honor-form', false)
    await page.click('[data-action="save-honor"]')
    await page.waitForSelector('[data-dialog="honor-form"]', { state: 'detached' })
    assert.match(await page.locator('[data-notice]').innerText(), new RegExp(`已新增「${unit.name.replace(/[()（）]/g, '.')}」`))
    await page.waitForFunction(() => /共 1 条/.test(document.querySelector('[data-table^="honors-"] .table-tools')?.textContent ?? ''))

    const h = await countHonors()
    assert.equal(h.totalCount, 1)
    created = h.edges[0].node

    // The observer's count follows within a few seconds, through dataChanged, without a reload.
    const t0 = Date.now()
    await obs.page.waitForFunction(
      (n) => {
        const t = document.querySelector('[data-table^="honors-"] .table-tools [aria-live]')?.textContent ?? ''
        return Number(/(\d+)/.exec(t.replace(/,/g, ''))?.[1]) === n
      },
      before + 1,
      { timeout: 5000 },
    )
    console.log(`  observer saw ${before} → ${before + 1} honours ${Date.now() - t0} ms after the save`)
    assert.equal(await obs.page.evaluate(() => window.__noReload), 'still here', 'no reload happened')
    assert.deepEqual(obs.problems, [])
    assert.deepEqual(problems, [])
    await obs.page.close()
    await page.close()
  })

  test('editing with a stale version shows the conflict message; 重新加载 loads the latest and saving works', async () => {
    assert.ok(created, 'needs the honour created above')
    const { page, problems } = await openPage(adminCtx)
    await page.goto(env.base + `/creation?from=${YEAR}&to=${YEAR}`)
    await settle(page)
    await page.click('[data-action="edit-honor"]')
    await page.waitForSelector('#hf-category')
    assert.equal(await page.getAttribute('[data-form="honor"]', 'data-version'), String(created.version))
    // Someone else saves the record meanwhile.
    await api(
      env.base,
      'mutation($id:ID!,$v:Int!,$i:HonorInput!){ updateHonor(id:$id, expectedVersion:$v, input:$i){ version } }',
      { id: created.id, v: created.version, i: { categoryCode: 'PROVINCIAL_UNIT', unitId: unit.id, year: YEAR, date: `${YEAR}-05-01`, edition: '第二批' } },
      adminCookie,
    )
    await page.fill('#hf-edition', '第三批')
    await page.click('[data-action="save-honor"]')
    await page.waitForSelector('[data-conflict]')
    assert.match(await page.locator('[data-conflict]').innerText(), /该记录已被他人修改，请刷新后重试/)
    await shot(page, 'honor-conflict', false)
    await page.click('[data-action="reload-record"]')
    await page.waitForSelector('[data-conflict]', { state: 'detached' })
    assert.equal(await page.inputValue('#hf-edition'), '第二批', 'the latest record is loaded')
    assert.equal(await page.getAttribute('[data-form="honor"]', 'data-version'), String(created.version + 1))
    await page.fill('#hf-edition', '第三批')
    await page.click('[data-action="save-honor"]')
    await page.waitForSelector('[data-dialog="honor-form"]', { state: 'detached' })
    const h = await countHonors()
    assert.equal(h.edges[0].node.edition, '第三批')
    assert.equal(h.edges[0].node.version, created.version + 2)
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('delete asks for confirmation and says an admin can restore; 回收站 restores it', async () => {
    const { page, problems } = await openPage(adminCtx)
    await page.goto(env.base + `/creation?from=${YEAR}&to=${YEAR}`)
    await settle(page)
    await page.click('[data-action="delete-honor"]')
    await page.waitForSelector('[data-dialog="confirm"]')
    const text = await page.locator('[data-dialog="confirm"]').innerText()
    assert.match(text, /确定删除/)
    assert.match(text, /管理员可以从回收站恢复/)
    await page.click('[data-dialog="confirm"] [data-action="confirm"]')
    await page.waitForSelector('[data-dialog="confirm"]', { state: 'detached' })
    await page.waitForFunction(() => /共 0 条/.test(document.querySelector('[data-table^="honors-"] .table-tools')?.textContent ?? ''))
    assert.match(await page.locator('[data-notice]').innerText(), /回收站/)
    assert.equal((await countHonors()).totalCount, 0)

    await page.goto(env.base + '/admin/trash')
    await ready(page, 'trash')
    const row = page.locator(`[data-trash-row="${unit.name}"]`).first()
    await row.waitFor()
    assert.match(await row.innerText(), /荣誉/)
    await shot(page, 'trash')
    await row.locator('[data-action="restore"]').click()
    await page.waitForSelector('[data-notice]')
    assert.match(await page.locator('[data-notice]').innerText(), /已恢复/)
    const h = await countHonors()
    assert.equal(h.totalCount, 1)
    assert.equal(h.edges[0].node.id, created.id, 'restored under its old ID')
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('the audit log filters by action and entity and shows the before/after diff', async () => {
    const { page, problems } = await openPage(adminCtx)
    await page.goto(env.base + '/admin/audit')
    await ready(page, 'audit')
    await page.selectOption('[data-filter="entity"]', 'HONOR')
    await page.selectOption('[data-filter="action"]', 'UPDATE')
    await page.fill('[data-filter="username"]', 'admin')
    await page.click('[data-action="apply-filters"]')
    await page.waitForFunction(() => /共 2 条/.test(document.querySelector('[data-total]')?.textContent ?? ''))
    const actions = await page.locator('[data-audit-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-audit-row')))
    assert.deepEqual(actions, ['UPDATE', 'UPDATE'])
    await page.locator('[data-action="toggle-diff"]').first().click()
    const edition = page.locator('[data-diff] tr[data-change-field="edition"]')
    assert.equal(await edition.getAttribute('data-change'), 'changed')
    assert.match(await edition.innerText(), /第二批[\s\S]*第三批/)
    await shot(page, 'audit')
    // A date range with nothing in it: the designed empty state.
    await page.fill('[data-filter="from"]', '2001-01-01')
    await page.fill('[data-filter="to"]', '2001-01-02')
    await page.click('[data-action="apply-filters"]')
    await page.waitForSelector('.state-box[data-state="empty"]')
    const all = await api(env.base, '{ auditLog(filter:{entity: HONOR}) { totalCount } }', {}, adminCookie)
    assert.ok(all.auditLog.totalCount >= 5, 'create, 2 updates, delete, restore')
    assert.deepEqual(problems, [])
    await page.close()
  })
})

describe('import', () => {
  const HEAD = '单位名称,单位类型,所属系统,服务窗口单位'
  const bom = '\ufeff'
  const file = (name, rows) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(bom + [HEAD, ...rows].join('\r\n') + '\r\n') })

  test('template link, dry run with a bad row (report), then a valid file dry-run and for real', async () => {
    const { page, problems } = await openPage(adminCtx)
    await page.goto(env.base + '/import')
    await ready(page, 'import')
    await page.check('[data-kind="UNITS"]')
    assert.equal(await page.getAttribute('[data-action="download-template"]', 'href'), '/templates/units.xlsx')
    const tpl = await page.evaluate(() => fetch('/templates/units.xlsx').then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength })))
    assert.equal(tpl.status, 200, `GET /templates/units.xlsx: ${JSON.stringify(tpl)}`)
    assert.match(tpl.type, /spreadsheetml/)

    await page.setInputFiles('#import-file', file('units-bad.csv', ['测试单位甲（演示）,机关,党群系统,否', '测试单位乙（演示）,火星机构,卫生系统,是']))
    await page.click('[data-action="dry-run"]')
    await page.waitForSelector('[data-report="dry-run"]')
    assert.equal(await page.getAttribute('[data-report="dry-run"]', 'data-errors'), '1')
    const errRow = await page.locator('[data-import-error-row]').first().innerText()
    assert.match(errRow, /^3\s+B\s+单位类型\s+.*单位类型/)
    assert.ok(await page.locator('[data-action="commit-import"]').isDisabled(), 'cannot commit a file with errors')
    await shot(page, 'import-errors')

    await page.setInputFiles('#import-file', file('units.csv', ['测试单位甲（演示）,机关,党群系统,否', '测试单位乙（演示）,医院,卫生系统,是']))
    await page.click('[data-action="dry-run"]')
    await page.waitForSelector('[data-report="dry-run"][data-errors="0"]')
    const count = (k) => page.locator(`[data-report="dry-run"] [data-count="${k}"]`).innerText()
    assert.equal(await count('rows'), '2')
    assert.equal(await count('created'), '2')
    assert.equal((await api(env.base, '{ units(filter:{nameContains:"测试单位"}) { totalCount } }')).units.totalCount, 0, 'a dry run writes nothing')
    await page.click('[data-action="commit-import"]')
    await page.waitForSelector('[data-report="import"][data-written="1"]')
    assert.equal(await page.locator('[data-report="import"] [data-count="created"]').innerText(), '2')
    await shot(page, 'import')
    assert.equal((await api(env.base, '{ units(filter:{nameContains:"测试单位"}) { totalCount } }')).units.totalCount, 2)
    // The same file again: nothing new.
    await page.click('[data-action="import-again"]')
    await page.setInputFiles('#import-file', file('units.csv', ['测试单位甲（演示）,机关,党群系统,否', '测试单位乙（演示）,医院,卫生系统,是']))
    await page.click('[data-action="dry-run"]')
    await page.waitForSelector('[data-report="dry-run"][data-errors="0"]')
    assert.equal(await count('unchanged'), '2')
    assert.equal(await count('created'), '0')
    assert.deepEqual(problems, [])
    await page.close()
  })
})

describe('import as a job', () => {
  test('a large file: the upload\'s progress, then the job\'s; leaving and coming back follows it; a second tab sees it; 取消 ends it', async () => {
    const { page, problems } = await openPage(adminCtx)
    const units = (await api(env.base, '{ units(first: 10) { edges { node { name } } } }')).units.edges.map((e) => e.node.name)
    const methods = ['签到签退', '按班次', '本人申报', '补录']
    const rows = ['单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实,演示数据']
    const day0 = Date.UTC(2030, 0, 1)
    // 400,000 demo rows with distinct natural keys (unit, date, method); cancelled below, so none is kept.
    for (let i = 0; i < 400_000; i++) {
      const day = new Date(day0 + Math.floor(i / 40) * 86_400_000).toISOString().slice(0, 10)
      rows.push(`${units[i % 10]},${day},,3,6,${methods[Math.floor(i / 10) % 4]},否,是`)
    }
    const before = (await api(env.base, '{ volunteerRecords { totalCount } }')).volunteerRecords.totalCount
    await page.goto(env.base + '/import')
    await ready(page, 'import')
    await page.check('[data-kind="VOLUNTEER_RECORDS"]')
    await page.setInputFiles('#import-file', { name: 'volunteer-large.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') })
    // The dry run of a large file is a job like the import (the API test cancels a real import: nothing written).
    await page.click('[data-action="dry-run"]')
    await page.waitForSelector('[data-import-progress="job"]', { timeout: 60_000 })
    const checked = async () => Number((await page.locator('[data-import-progress="job"] [data-count="checked"]').innerText()).replace(/\D/g, ''))
    await until(async () => (await checked()) >= 20_000, { timeout: 60_000, message: '20,000 rows checked' })
    await shot(page, 'import-mid', false)
    // Leave the page and come back: the job ran on, and the page finds it again.
    await page.goto(env.base + '/sources')
    await page.goto(env.base + '/import')
    await ready(page, 'import')
    // The page finds the job again: still running, or ended with its report (recent imports list it either way).
    // Generous bounds: the server is busy checking 400,000 rows on two cores; they only catch a page that never shows.
    await page.waitForSelector('[data-import-progress="job"], [data-report="dry-run"]', { timeout: 30_000 })
    // A second tab sees the same job: running, or (if it ended meanwhile) first among the recent imports.
    const other = await adminCtx.newPage()
    await other.goto(env.base + '/import')
    await ready(other, 'import')
    await other.waitForSelector('[data-import-progress="job"], [data-table="import-jobs"] tbody tr', { timeout: 30_000 })
    assert.match(await other.locator('[data-page="import"]').innerText(), /volunteer-large\.csv/)
    await other.close()
    // Cancel it. The dry run may end first, at any step (the button and the dialog leave the page with the running
    // job): then its report shows instead. Whichever comes first settles it; the other is left to time out unheard.
    const ended = page.waitForSelector('[data-report="dry-run"]', { timeout: 120_000 })
    const cancelled = (async () => {
      await page.click('[data-action="cancel-import"]', { timeout: 60_000 })
      await page.click('[data-dialog="confirm"] [data-action="confirm"]', { timeout: 60_000 })
      await page.waitForSelector('[data-import-cancelled]', { timeout: 60_000 })
    })()
    ended.catch(() => {})
    cancelled.catch(() => {})
    await Promise.any([ended, cancelled])
    const state = await page.getAttribute('[data-table="import-jobs"] tbody tr:first-child', 'data-job-state')
    const shown = await page.locator('[data-import-cancelled]').count() ? 'CANCELLED' : 'SUCCEEDED'
    assert.equal(state, shown, 'the job ended as the page says')
    assert.equal((await api(env.base, '{ volunteerRecords { totalCount } }')).volunteerRecords.totalCount, before, 'a dry run or a cancelled import writes nothing')
    assert.deepEqual(problems, [])
    await page.close()
  })
  test('a dry run that ended while the page was away shows its report on coming back, in that tab only', async () => {
    const { page, problems } = await openPage(adminCtx)
    await page.goto(env.base + '/import')
    await ready(page, 'import')
    await page.check('[data-kind="UNITS"]')
    const csv = ['单位名称,单位类型,所属系统,服务窗口单位', '离开测试单位甲（演示）,机关,党群系统,否', '离开测试单位乙（演示）,医院,卫生系统,是', '离开测试单位丙（演示）,机关,教育系统,否']
    await page.setInputFiles('#import-file', { name: 'units-away.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.join('\r\n') + '\r\n') })
    await page.click('[data-action="dry-run"]')
    // Leave as soon as the page knows its job (the server has answered the upload): before that, leaving would abort
    // the upload, and there would be no job to come back to.
    await page.waitForFunction(() => sessionStorage.getItem('wenming.importJob'), null, { timeout: 30_000 })
    await page.goto(env.base + '/sources')
    // Wait on the API, not the page, until the job has ended: the page was away the whole time it may have run.
    await until(async () => (await api(env.base, '{ importJobs(first: 1) { fileName state } }', {}, adminCookie)).importJobs[0]?.state === 'SUCCEEDED', { timeout: 30_000, message: 'the dry run ended' })
    await page.goto(env.base + '/import')
    await ready(page, 'import')
    await page.waitForSelector('[data-report="dry-run"][data-errors="0"]')
    assert.equal(await page.locator('[data-report="dry-run"] [data-count="rows"]').innerText(), '3')
    assert.equal(await page.locator('[data-kind="UNITS"]').isChecked(), true, 'the kind is the job\'s')
    // Another tab never followed that job: it shows the recent imports, not the report.
    const other = await adminCtx.newPage()
    await other.goto(env.base + '/import')
    await ready(other, 'import')
    await other.waitForSelector('[data-table="import-jobs"] tbody tr')
    assert.equal(await other.locator('[data-report="dry-run"]').count(), 0)
    await other.close()
    // Choosing another file forgets it: a reload then starts clean.
    await page.setInputFiles('#import-file', { name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from(csv[0] + '\r\n') })
    await page.reload()
    await ready(page, 'import')
    await page.waitForSelector('[data-table="import-jobs"] tbody tr')
    assert.equal(await page.locator('[data-report="dry-run"]').count(), 0)
    assert.deepEqual(problems, [])
    await page.close()
  })
})

describe('admin: API tokens', () => {
  test('create a token, see the secret once with a warning and a copy button, use it, revoke it', async () => {
    const { page, problems } = await openPage(adminCtx)
    await page.goto(env.base + '/admin/tokens')
    await ready(page, 'tokens')
    await page.click('[data-action="create-token"]')
    assert.equal((await page.locator('[data-error-for="name"]').innerText()).trim(), '令牌名称不能为空')
    await page.fill('#tk-name', 'excel')
    await page.selectOption('#tk-scope', 'READ')
    await page.selectOption('#tk-days', '90')
    await page.click('[data-action="create-token"]')
    await page.waitForSelector('[data-dialog="token-secret"] [data-secret]')
    const secret = (await page.locator('[data-secret]').innerText()).trim()
    assert.match(secret, /^wm_/)
    assert.match(await page.locator('[data-dialog="token-secret"]').innerText(), /只显示这一次/)
    await page.click('[data-action="copy-secret"]')
    await page.waitForSelector('[data-copied]')
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret)
    await shot(page, 'token-secret', false)
    // The token works as a reporting tool would use it.
    const ok = await fetch(env.base + '/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ viewer { role via } }' }),
    }).then((r) => r.json())
    assert.deepEqual(ok.data.viewer, { role: 'VIEWER', via: 'token' })
    await page.click('[data-action="close-secret"]')
    await page.waitForSelector('[data-dialog="token-secret"]', { state: 'detached' })
    assert.equal(await page.evaluate((s) => document.body.innerHTML.includes(s), secret), false, 'the secret is gone once closed')
    await page.reload()
    await ready(page, 'tokens')
    assert.equal(await page.evaluate((s) => document.body.innerHTML.includes(s), secret), false, 'and never shown again')
    const row = page.locator('[data-token-row="excel"]')
    assert.match(await row.innerText(), /只读/)
    assert.match(await row.innerText(), /有效/)
    await shot(page, 'tokens')
    await row.locator('[data-action="revoke-token"]').click()
    await page.click('[data-dialog="confirm"] [data-action="confirm"]')
    await page.waitForFunction(() => /已撤销/.test(document.querySelector('[data-token-row="excel"]')?.textContent ?? ''))
    const denied = await fetch(env.base + '/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    })
    assert.equal(denied.status, 401)
    assert.deepEqual(problems, [])
    await page.close()
  })
})

describe('roles in the dashboard', () => {
  test('an editor sees write controls and the import page, and 无权限 on admin pages', async () => {
    const ctx = await env.browser.newContext({ locale: 'zh-CN' })
    const { page, problems } = await openPage(ctx)
    await page.goto(env.base + '/login?next=%2Fcreation')
    await ready(page, 'login')
    await page.fill('#login-user', EDITOR.username)
    await page.fill('#login-pass', EDITOR.password)
    await page.click('[data-action="login-submit"]')
    await page.waitForURL(/\/creation$/)
    await settle(page)
    assert.equal(await page.getAttribute('[data-user]', 'data-role'), 'EDITOR')
    assert.ok(await page.locator('[data-action="add-honor"]').first().isVisible())
    assert.ok((await page.locator('[data-action="edit-honor"]').count()) > 0)
    const nav = await page.locator('[data-admin-nav] a').allInnerTexts()
    assert.deepEqual(nav.map((s) => s.trim()), ['导入', '单位', '上报进度'], 'editors get 导入, 单位 and 上报进度')
    await page.goto(env.base + '/admin/users')
    await page.waitForSelector('[data-state="forbidden"]')
    assert.match(await page.locator('[data-state="forbidden"]').innerText(), /管理员/)
    await page.goto(env.base + '/import')
    await ready(page, 'import')
    // 退出: back to anonymous reading, write controls gone.
    await page.goto(env.base + '/creation')
    await settle(page)
    await page.click('[data-action="logout"]')
    await page.waitForSelector('[data-action="login"]')
    assert.equal(await page.locator('[data-action="add-honor"]').count(), 0)
    const me = await page.evaluate(() => fetch('/auth/me').then((r) => r.json()))
    assert.equal(me.user, null)
    assert.deepEqual(problems, [])
    await ctx.close()
  })

  test('big screen keeps its live indicator and refreshes through the subscription', async () => {
    const { page, problems } = await openPage(anonCtx)
    await page.goto(env.base + `/creation?screen=1&rotate=600&from=2019&to=${YEAR}`)
    await settle(page)
    await waitLive(page)
    const kpi = async () => page.evaluate(() => document.querySelector('figure[data-chart="creation-year-level"] .chart')?.getAttribute('data-points'))
    const before = await kpi()
    assert.ok(await page.locator('.live-ind').isVisible())
    // Any write bumps the data version; the stage re-queries (the chart stays drawn).
    const requery = page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('HonorStats'), { timeout: 4000 }).then(() => true, () => false)
    await api(env.base, 'mutation($i:HonorInput!){ createHonor(input:$i){ id } }', { i: { categoryCode: 'PROVINCIAL_UNIT', unitId: unit.id, year: YEAR, edition: '大屏' } }, adminCookie)
    assert.ok(await requery, 'the big screen re-queried its charts after dataChanged')
    assert.ok(before)
    assert.deepEqual(problems, [])
    await page.close()
  })
})

describe('accessibility of the new pages', () => {
  let actx
  before(async () => {
    // axe is injected as a script, which the app's CSP rightly forbids: bypass it here only.
    actx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true })
    const [name, value] = adminCookie.split('=')
    await actx.addCookies([{ name, value, url: env.base }])
  })
  after(async () => actx?.close())

  const axe = async (page) => {
    await page.addScriptTag({ content: readFileSync(AXE, 'utf8') })
    const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
    const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    return bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('\n')
  }
  for (const p of [
    { path: '/login', name: 'login' },
    { path: '/import', name: 'import' },
    { path: '/admin/users', name: 'users' },
    { path: '/admin/tokens', name: 'tokens' },
    { path: '/admin/audit', name: 'audit' },
    { path: '/admin/trash', name: 'trash' },
  ]) {
    test(`axe: ${p.name} has no serious or critical violations`, async () => {
      const page = await actx.newPage()
      await page.goto(env.base + p.path)
      await ready(page, p.name)
      assert.equal(await axe(page), '')
      await page.close()
    })
  }
  test('axe: the honour form and the English view of the admin pages', async () => {
    const page = await actx.newPage()
    await page.goto(env.base + `/creation?from=${YEAR}&to=${YEAR}`)
    await settle(page)
    await page.click('[data-action="edit-honor"]')
    await page.waitForSelector('#hf-category')
    assert.equal(await axe(page), '')
    await page.goto(env.base + '/admin/audit?lang=en')
    await ready(page, 'audit')
    assert.equal((await page.locator('h1').innerText()).trim(), 'Audit log')
    assert.equal((await page.locator('[data-nav="trash"]').innerText()).trim(), 'Recycle bin')
    await shot(page, 'audit-en')
    await page.close()
  })
})

describe('a server without anonymous reading', () => {
  let env2
  before(async () => {
    env2 = await start({ anonymousRead: false })
  })
  after(async () => env2?.stop())

  test('every page sends a signed-out visitor to /login?next=…, and sign-in returns there', async () => {
    const ctx = await env2.browser.newContext({ locale: 'zh-CN' })
    const { page, problems } = await openPage(ctx)
    await page.goto(env2.base + '/creation?from=2020')
    await toLogin(page, '/creation?from=2020')
    await ready(page, 'login')
    assert.equal(await page.locator('[data-demo-badge]').count(), 0, 'nothing read before sign-in')
    await page.fill('#login-user', 'admin')
    await page.fill('#login-pass', ADMIN_PASSWORD)
    await page.click('[data-action="login-submit"]')
    await page.waitForURL(/\/creation\?from=2020$/)
    await settle(page)
    await waitLive(page)
    // The session ends on the server: the next API call answers 401 and the page goes to /login.
    await page.evaluate(() => fetch('/auth/logout', { method: 'POST' }))
    await page.click('[data-nav="models"]')
    await page.waitForURL((u) => u.pathname === '/login' && (u.searchParams.get('next') ?? '').startsWith('/models'), { timeout: 10_000 })
    assert.deepEqual(problems.filter((p) => !/status of 401/.test(p)), [])
    await ctx.close()
  })

  test('a unit reporter signs in with a one-time password, changes it, and sees only its own page', async () => {
    const cookie = await signIn(env2.base)
    const unitId = (await api(env2.base, '{ units(first: 1) { edges { node { id name } } } }', {}, cookie)).units.edges[0].node
    const made = await api(env2.base, 'mutation($u: ID!) { createReporter(username: "tianbao", unitId: $u, displayName: "填报员（测试）") { oneTimePassword } }', { u: unitId.id }, cookie)
    const oneTime = made.createReporter.oneTimePassword
    const ctx = await env2.browser.newContext({ locale: 'zh-CN' })
    const { page, problems } = await openPage(ctx)
    await page.goto(env2.base + '/login?next=/creation')
    await ready(page, 'login')
    await page.fill('#login-user', 'tianbao')
    await page.fill('#login-pass', oneTime)
    await page.click('[data-action="login-submit"]')
    // The office's pages are not a reporter's: it lands on its own.
    await page.waitForURL(/\/me$/)
    await ready(page, 'reporter-home')
    assert.match(await page.locator('[data-reporter-unit]').innerText(), new RegExp(unitId.name.replace(/[()（）]/g, '.')))
    await page.waitForSelector('[data-must-change-password]')
    await page.fill('#pw-current', oneTime)
    await page.fill('#pw-new', 'tianbao-pass-2026')
    await page.fill('#pw-again', 'tianbao-pass-2026')
    await page.click('[data-action="change-password"]')
    await page.waitForURL((u) => u.pathname === '/login')
    await page.fill('#login-user', 'tianbao')
    await page.fill('#login-pass', 'tianbao-pass-2026')
    await page.click('[data-action="login-submit"]')
    await page.waitForURL(/\/me$/)
    await page.waitForSelector('[data-reporter-tasks]')
    assert.equal(await page.locator('[data-nav="overview"]').count(), 0, 'no office pages in a reporter\'s menu')
    // The office opens a task for the unit; the reporter submits, the office returns it with a comment, the
    // reporter sees the comment and submits again.
    const day = (d) => new Date(Date.now() + 8 * 3600_000 + d * 86_400_000).toISOString().slice(0, 10)
    const task = (await api(env2.base, 'mutation($i: ReportTaskInput!) { createReportTask(input: $i) { id } }', {
      i: { year: 2025, title: '2025年度志愿服务上报（测试）', kinds: ['VOLUNTEER_RECORDS'], opensOn: day(-1), dueOn: day(9), closesOn: day(20), unitIds: [unitId.id] },
    }, cookie)).createReportTask.id
    await page.reload()
    const card = page.locator('[data-report-task="2025年度志愿服务上报（测试）"]')
    await card.waitFor()
    assert.equal(await card.getAttribute('data-state'), 'NOT_STARTED')
    assert.match(await card.innerText(), /还剩 9 天/)
    // An empty report is refused (EMPTY): one volunteer record first.
    await card.locator('[data-action="add-volunteerRecords"]').click()
    await card.locator('[data-field="volunteerRecords[0].date"]').fill('2025-06-01')
    await card.locator('[data-field="volunteerRecords[0].volunteers"]').fill('3')
    await card.locator('[data-field="volunteerRecords[0].hours"]').fill('2')
    await card.locator('[data-action="submit-report"]').click()
    await page.waitForSelector('[data-report-task="2025年度志愿服务上报（测试）"][data-state="SUBMITTED"]')
    const version = (await api(env2.base, 'query($id: ID!) { reportTask(id: $id) { assignments { version } } }', { id: task }, cookie)).reportTask.assignments[0].version
    await api(env2.base, 'mutation($t: ID!, $u: ID!, $v: Int!) { stepReport(taskId: $t, unitId: $u, action: RETURN, expectedVersion: $v, comment: "请补充第三季度的记录") { state } }',
      { t: task, u: unitId.id, v: version }, cookie)
    await page.reload()
    await page.waitForSelector('[data-report-task="2025年度志愿服务上报（测试）"][data-state="RETURNED"]')
    // The unit may also be in the demo dataset's task: every look is at this task's card.
    assert.match(await card.locator('[data-review-comments]').innerText(), /请补充第三季度的记录/)
    await card.locator('[data-action="submit-report"]').click()
    await page.waitForSelector('[data-report-task="2025年度志愿服务上报（测试）"][data-state="SUBMITTED"]')
    await shot(page, 'reporter-home', false)
    // The office's board: the unit waits for review; an editor approves it, and the counts follow.
    const office = await env2.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    const board = await office.newPage()
    await board.goto(env2.base + '/login?next=/admin/reporting')
    await board.fill('#login-user', 'admin')
    await board.fill('#login-pass', ADMIN_PASSWORD)
    await board.click('[data-action="login-submit"]')
    await ready(board, 'reporting')
    const row = board.locator(`[data-report-unit="${unitId.name}"]`)
    await row.waitFor()
    assert.equal(await row.getAttribute('data-state'), 'SUBMITTED')
    assert.equal(await board.locator('[data-report-progress] [data-count="SUBMITTED"]').innerText(), '1')
    await row.locator('[data-action="approve-report"]').click()
    await board.waitForSelector(`[data-report-unit="${unitId.name}"][data-state="APPROVED"]`)
    assert.equal(await board.locator('[data-report-progress] [data-count="APPROVED"]').innerText(), '1')
    await shot(board, 'reporting-board', false)
    await office.close()
    await page.reload()
    await page.waitForSelector('[data-report-task="2025年度志愿服务上报（测试）"][data-state="APPROVED"]')
    assert.equal(await card.locator('[data-action="submit-report"]').count(), 0, 'an approved report offers no submit')
    await page.goto(env2.base + '/rankings')
    await page.waitForURL(/\/me$/)
    assert.deepEqual(problems.filter((p) => !/status of 40[13]/.test(p)), [])
    await ctx.close()
  })
})
