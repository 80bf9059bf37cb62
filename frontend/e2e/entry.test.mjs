// Browser test of data entry where staff look, against the real server (see harness.mjs): signed in, on every page
// that lists records the add button is in the first screen; a record added there is shown highlighted at the top of
// its list (newest first), edited from that row, and shown changed; a record the user's own sort puts elsewhere is
// pinned above the rows with a note. One server, one browser, one test looping over the lists; one page at phone
// width. Saves docs/entry-highlighted.png.
//   WENMING_BIN=$PWD/../bin/wenming node --test e2e/entry.test.mjs
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, docShot, idle, openPage, pickUnit, ready, signIn, start } from './harness.mjs'

const UNIT = 'E2E录入单位（自动化）'
const PERSON = 'E2E录入人物（自动化）'
const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

let env
let cookie
let desktop
let phone

before(async () => {
  env = await start()
  cookie = await signIn(env.base)
  const [name, value] = cookie.split('=')
  desktop = await env.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' })
  phone = await env.browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
  for (const c of [desktop, phone]) await c.addCookies([{ name, value, url: env.base }])
  const u = await api(env.base, 'mutation($i: UnitInput!) { createUnit(input: $i) { id } }', { i: { name: UNIT, kind: '机关' } }, cookie)
  await api(env.base, 'mutation($i: PersonInput!) { createPerson(input: $i) { id } }', { i: { name: PERSON, unitId: u.createUnit.id, citation: '' } }, cookie)
})
after(async () => {
  await desktop?.close().catch(() => {})
  await phone?.close().catch(() => {})
  await env?.stop()
})

/**
 * The lists: where each is, its add button, the form it opens (its data-form name), how to fill a new record and
 * what its row then says, and one edit and what the row says after it.
 */
const LISTS = [
  {
    list: '志愿服务记录', path: '/volunteering', add: 'add-volunteer', form: 'volunteer', table: '[data-table^="volunteer-records-"]', edit: 'edit-volunteer',
    fill: async (p) => {
      await pickUnit(p, 'vf-unit', UNIT)
      await p.fill('#vf-date', '2024-06-01')
      await p.fill('#vf-volunteers', '17')
      await p.fill('#vf-hours', '2.5')
    },
    shows: /E2E录入单位.*17/s, change: (p) => p.fill('#vf-volunteers', '19'), changed: /19/,
  },
  {
    list: '荣誉', path: '/creation', add: 'add-honor', form: 'honor', table: '[data-table^="honors-"]', edit: 'edit-honor',
    fill: async (p) => {
      await p.selectOption('#hf-category', 'PROVINCIAL_UNIT')
      await pickUnit(p, 'hf-unit', UNIT)
      await p.fill('#hf-year', '2024')
    },
    shows: /E2E录入单位/, change: (p) => p.fill('#hf-edition', '第九届'), changed: /第九届/,
  },
  {
    list: '个人荣誉', path: '/models', add: 'add-person-honor', form: 'honor', table: '[data-table^="people-2"]', edit: 'edit-honor',
    fill: async (p) => {
      await p.selectOption('#hf-category', 'HENAN_GOOD_PERSON')
      await p.fill('#hf-person', PERSON)
      const opt = p.locator(`[role="option"][data-person="${PERSON}"]`)
      await opt.waitFor()
      await opt.click()
      await p.fill('#hf-year', '2024')
    },
    shows: /E2E录入人物/, change: (p) => p.fill('#hf-edition', '第三批'), changed: /第三批/,
  },
  {
    list: '人物', path: '/models', add: 'add-person', form: 'person', table: '[data-table="people"]', edit: 'edit-person',
    fill: (p) => p.fill('#pf-name', 'E2E新人物（自动化）'),
    shows: /E2E新人物/, change: (p) => p.fill('#pf-citation', '自动化测试录入的事迹'), changed: /自动化测试录入的事迹/,
  },
  {
    list: '文明实践活动', path: '/practice', add: 'add-practice-activity', form: 'activity', table: '[data-table^="practice-activities-"]', edit: 'edit-practice-activity',
    fill: async (p) => {
      await pickUnit(p, 'af-unit', UNIT)
      await p.fill('#af-theme', 'E2E理论宣讲')
      await p.fill('#af-date', '2024-04-02')
      await p.fill('#af-participants', '40')
    },
    shows: /E2E理论宣讲/, change: (p) => p.fill('#af-participants', '41'), changed: /41/,
  },
  {
    list: '年度测评', path: '/rankings?year=2024', add: 'add-assessment', form: 'assessment', table: '[data-table="assessments"]', edit: 'edit-assessment',
    fill: async (p) => {
      await pickUnit(p, 'af-unit', UNIT)
      await p.fill('#af-base', '88')
      await p.selectOption('#af-stage', 'APPLIED')
    },
    shows: /E2E录入单位.*88/s, change: (p) => p.fill('#af-bonus', '3'), changed: /91/,
  },
  {
    list: '微心愿', path: '/record', add: 'add-wish', form: 'wish', table: '[data-table="wishes"]', edit: 'edit-wish',
    fill: async (p) => {
      await p.fill('#wf-title', 'E2E一批图书')
      await p.fill('#wf-beneficiary', 'E2E村')
      await p.fill('#wf-collectedOn', '2024-03-03')
    },
    shows: /E2E一批图书/, change: (p) => p.fill('#wf-beneficiary', 'E2E社区'), changed: /E2E社区/,
  },
  {
    list: '优秀案例', path: '/record', add: 'add-case', form: 'case', table: '[data-table="excellent-cases"]', edit: 'edit-case',
    fill: (p) => p.fill('#cf-title', 'E2E案例'),
    shows: /E2E案例/, change: (p) => p.fill('#cf-year', '2023'), changed: /2023/,
  },
  {
    list: '人才库成员', path: '/record', add: 'add-talent', form: 'talent', table: '[data-table="talent-members"]', edit: 'edit-talent',
    fill: async (p) => {
      await p.fill('#tf-name', 'E2E专家')
      await p.check('[data-role-option="SITE_VISIT"]')
    },
    shows: /E2E专家/, change: (p) => p.check('[data-role-option="ONLINE_REVIEW"]'), changed: /网络评审/,
  },
  {
    list: '会议与培训', path: '/record', add: 'add-event', form: 'event', table: '[data-table="civilisation-events"]', edit: 'edit-event',
    fill: async (p) => {
      await p.selectOption('#ef-kind', 'TRAINING')
      await p.fill('#ef-title', 'E2E培训班')
    },
    shows: /E2E培训班/, change: (p) => p.fill('#ef-place', 'E2E会场'), changed: /E2E会场/,
  },
  {
    list: '单位', path: '/admin/units', add: 'add-unit', form: 'unit', table: '[data-table="units"]', edit: 'edit-unit',
    fill: async (p) => {
      await p.fill('#uf-name', 'E2E新单位（自动化）')
      await p.selectOption('#uf-kind', '医院')
    },
    shows: /E2E新单位/, change: (p) => p.fill('#uf-sector', '卫健'), changed: /卫健/,
  },
]

/** The page's add button: the first one, under the title; it must be in the first screen. */
async function addButtonInFirstScreen(page, action, viewport) {
  const btn = page.locator(`[data-action="${action}"]`).first()
  await btn.waitFor()
  const box = await btn.boundingBox()
  assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, `${action} is at y=${box?.y}, below the first screen of ${viewport.height}`)
  return btn
}

/** Save the open form and wait for it to close. */
async function save(page, form) {
  await page.click(`[data-action="save-${form}"]`)
  await page.waitForSelector(`[data-form="${form}"]`, { state: 'detached' })
}

/** The list's first row once it is the highlighted one, and its text. */
async function highlightedFirst(page, table, shows) {
  const first = page.locator(`${table} tbody tr`).first()
  await page.waitForFunction(
    ([t, src]) => {
      const tr = document.querySelector(`${t} tbody tr`)
      return !!tr && tr.hasAttribute('data-saved-row') && new RegExp(src, 's').test(tr.textContent ?? '')
    },
    [table, shows.source],
    { timeout: 10_000 },
  )
  return first
}

/**
 * Add a record through the list's form, see it highlighted at the top, edit it from that row, see the change. Lists
 * on the page already open are used where they are.
 */
async function addAndEdit(page, l, viewport) {
  const url = new URL(page.url() === 'about:blank' ? env.base : page.url())
  if (url.pathname + url.search !== l.path) await page.goto(env.base + l.path)
  else await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForSelector(`${l.table} tbody`)
  const btn = await addButtonInFirstScreen(page, l.add, viewport)
  await btn.click()
  await page.waitForSelector(`[data-form="${l.form}"]`)
  await l.fill(page)
  await save(page, l.form)
  const row = await highlightedFirst(page, l.table, l.shows)
  assert.equal(await page.locator(`${l.table} [data-saved-row]`).count(), 1, `${l.list}: one highlighted row`)
  await row.locator(`[data-action="${l.edit}"]`).click()
  await page.waitForSelector(`[data-form="${l.form}"][data-version="1"]`)
  await l.change(page)
  await save(page, l.form)
  await highlightedFirst(page, l.table, l.changed)
}

describe('entry where staff look', () => {
  test('on every list page: the add button in the first screen; add → highlighted at the top → edit → changed', async () => {
    const { page, problems } = await openPage(desktop)
    for (const l of LISTS) {
      await addAndEdit(page, l, DESKTOP)
      if (l.form === 'volunteer') {
        await idle(page)
        const section = page.locator('section', { has: page.locator('[data-table^="volunteer-records-"]') })
        await section.screenshot({ path: docShot('entry-highlighted.png') })
      }
    }
    // Sorted by name, a new unit is not on the first page: it is pinned above the rows, with the note.
    await page.goto(env.base + '/admin/units')
    await ready(page, 'units')
    await page.click('[data-table="units"] th button:has-text("单位名称")')
    await page.waitForSelector('[data-action="newest-first"]')
    await page.click('[data-action="add-unit"]')
    await page.fill('#uf-name', '齐E2E排序后新增的单位')
    await page.selectOption('#uf-kind', '机关')
    await save(page, 'unit')
    await page.waitForSelector('[data-table="units"] [data-pinned-note]')
    assert.match(await page.locator('[data-table="units"] tr[data-pinned]').innerText(), /齐E2E排序后新增的单位/)
    assert.equal(await page.locator('[data-table="units"] tr[data-pinned]').getAttribute('data-saved-row'), '')
    // 最新录入在前 brings it to the top, highlighted in its row.
    await page.click('[data-action="newest-first"]')
    await highlightedFirst(page, '[data-table="units"]', /齐E2E排序后新增的单位/)
    assert.equal(await page.locator('[data-table="units"] [data-pinned-note]').count(), 0)
    assert.deepEqual(problems, [])
    await page.close()
  })

  test('at phone width (390×844) the add button is in the first screen, and the record added is highlighted', async () => {
    const { page, problems } = await openPage(phone)
    await addAndEdit(page, {
      ...LISTS[0],
      fill: async (p) => {
        await pickUnit(p, 'vf-unit', UNIT)
        await p.fill('#vf-date', '2024-07-01')
        await p.fill('#vf-volunteers', '23')
        await p.fill('#vf-hours', '1')
      },
      shows: /23/,
      change: (p) => p.fill('#vf-volunteers', '29'),
      changed: /29/,
    }, PHONE)
    assert.deepEqual(problems, [])
    await page.close()
  })
})
