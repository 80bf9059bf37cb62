// Browser test of creating unit reporters in bulk on the accounts page (/admin/users), against the real server: an
// admin uploads a small XLSX, checks it, creates the accounts, sees one slip per account on the credentials sheet
// (print view and CSV alike), and one new reporter signs in with its one-time password and meets the forced change.
//   WENMING_BIN=$PWD/../bin/wenming node --test e2e/reporter-accounts.test.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { strToU8, zipSync } from 'fflate'
import { api, downloadBytes, openPage, ready, shot, signIn, start } from './harness.mjs'

const require = createRequire(import.meta.url)
const AXE = require.resolve('axe-core/axe.min.js')

/** A minimal workbook of one sheet of text cells (inline strings), as another writer than the server's makes one. */
function xlsx(rows) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const cells = (row, r) => row.map((v, c) => `<c r="${'ABCD'[c]}${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  const files = {
    '[Content_Types].xml': head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': head + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="填报员账号" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': head + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      rows.map((row, i) => `<row r="${i + 1}">${cells(row, i + 1)}</row>`).join('') + '</sheetData></worksheet>',
  }
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))))
}

let env
let ctx
before(async () => {
  env = await start()
  // axe is injected as a script, which the app's CSP rightly forbids: bypass it here only.
  ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true, bypassCSP: true })
  const [name, value] = (await signIn(env.base)).split('=')
  await ctx.addCookies([{ name, value, url: env.base }])
})
after(async () => {
  await ctx?.close().catch(() => {})
  await env?.stop()
})

test('an admin uploads an XLSX of reporters, prints their credentials sheet, and one of them meets the forced password change', async () => {
  const units = (await api(env.base, '{ units(first: 2) { edges { node { name } } } }')).units.edges.map((e) => e.node.name)
  const file = xlsx([['单位', '用户名', '姓名', '手机'], [units[0], 'bulk-one', '陈一', '139 0000 0001'], [units[1], 'bulk-two', '林二', '139 0000 0002']])
  const { page, problems } = await openPage(ctx)
  await page.goto(env.base + '/admin/users')
  await ready(page, 'users')
  await page.setInputFiles('#bulk-file', { name: 'reporters.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file })
  await page.click('[data-action="check-reporters"]')
  await page.waitForSelector('[data-bulk-checked]')
  assert.match(await page.locator('[data-bulk-checked]').innerText(), /2 个账号可以创建/)
  assert.equal(await page.locator('[data-user-row="bulk-one"]').count(), 0, 'a check creates nothing')

  await page.click('[data-action="import-reporters"]')
  await page.waitForSelector('[data-credentials-sheet]')
  const slips = page.locator('[data-slip]')
  assert.equal(await slips.count(), 2)
  assert.match(await slips.nth(0).innerText(), new RegExp(units[0].replace(/[()（）]/g, '.')))
  const password = (await slips.nth(0).locator('[data-slip-password]').innerText()).trim()
  assert.match(password, /^[A-Za-z2-9]{12}$/)
  assert.equal((await slips.nth(0).locator('[data-slip-signin]').innerText()).trim(), env.base + '/login')
  await page.waitForSelector('[data-user-row="bulk-one"] [data-unit-contact]')
  await shot(page, 'credentials-sheet')

  // The CSV download holds the same slips.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="sheet-csv"]')])
  const csv = (await downloadBytes(download)).toString('utf8')
  assert.ok(csv.includes(`bulk-one,陈一,${password},${env.base}/login`), csv)

  // Printed, only the slips show: no buttons, no accounts table.
  await page.emulateMedia({ media: 'print' })
  assert.ok(await slips.nth(1).isVisible())
  assert.equal(await page.locator('[data-action="print-sheet"]').isVisible(), false)
  assert.equal(await page.locator('[data-table="users"]').isVisible(), false)
  await page.emulateMedia({ media: 'screen' })

  await page.addScriptTag({ content: readFileSync(AXE, 'utf8') })
  const res = await page.evaluate(() => window.axe.run(document.querySelector('[data-credentials-sheet]'), { resultTypes: ['violations'] }))
  assert.deepEqual(res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), [])

  // The sheet is closed: the passwords are gone from the page for good.
  await page.click('[data-action="close-sheet"]')
  await page.waitForSelector('[data-panel="bulk-reporters"]')
  assert.equal(await page.getByText(password).count(), 0)
  assert.deepEqual(problems, [])
  await page.close()

  // The new reporter signs in with the one-time password and must change it first.
  const rctx = await env.browser.newContext({ locale: 'zh-CN' })
  const r = await openPage(rctx)
  await r.page.goto(env.base + '/login?next=/me')
  await ready(r.page, 'login')
  await r.page.fill('#login-user', 'bulk-one')
  await r.page.fill('#login-pass', password)
  await r.page.click('[data-action="login-submit"]')
  await r.page.waitForURL(/\/me$/)
  await r.page.waitForSelector('[data-must-change-password]')
  await r.page.fill('#pw-current', password)
  await r.page.fill('#pw-new', 'bulk-one-pass-2026')
  await r.page.fill('#pw-again', 'bulk-one-pass-2026')
  await r.page.click('[data-action="change-password"]')
  await r.page.waitForURL((u) => u.pathname === '/login')
  assert.deepEqual(r.problems, [])
  await rctx.close()
})
