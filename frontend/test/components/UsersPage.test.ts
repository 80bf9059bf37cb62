// @vitest-environment happy-dom
// The accounts page mounted over a scripted server: a bulk reporter file with bad rows lists each row's problem and
// makes no sheet; a good file shows one slip per account with its one-time password, downloads the same as CSV,
// and forgets the passwords once the sheet is closed. A reporter's unit shows its contact.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import UsersPage from '../../src/pages/UsersPage.vue'
import { setLang } from '../../src/lib/i18n'
import { click, settle, signIn, Server } from './support'

const users = () => ({
  users: [
    { id: 'VXNlcjox', username: 'admin', displayName: '管理员', role: 'ADMIN', disabled: false, createdAt: '2026-01-01T00:00:00Z', unit: null },
    {
      id: 'VXNlcjoy', username: 'whly', displayName: '陈一', role: 'REPORTER', disabled: false, createdAt: '2026-01-02T00:00:00Z',
      unit: { id: 'VW5pdDox', name: '省文化和旅游厅', contactName: '陈一', contactPhone: '139 0000 0001' },
    },
  ],
})
const report = (p: Record<string, unknown>) => ({
  importReporters: { rows: 2, dryRun: false, written: false, contactsSet: 0, credentialsXlsx: null, accounts: [], errors: [], ...p },
})
const accounts = [
  { row: 2, unitName: '省文化和旅游厅', username: 'whly', displayName: '陈一', oneTimePassword: 'Kp7wQz3mXa9R' },
  { row: 3, unitName: '省财政厅', username: 'czt', displayName: '', oneTimePassword: 'Hn4tYb8cVe2S' },
]

const pages: VueWrapper[] = []
afterEach(() => {
  for (const w of pages.splice(0)) w.unmount()
})

async function mountPage(): Promise<VueWrapper> {
  signIn('ADMIN')
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  await router.push('/admin/users')
  const w = mount(UsersPage, { attachTo: document.body, global: { plugins: [router] } })
  pages.push(w)
  await settle()
  return w
}

async function chooseFile(w: VueWrapper) {
  const input = w.find('[data-field="reporters-file"]')
  const file = new File(['单位,用户名\n'], 'reporters.csv', { type: 'text/csv' })
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
}

describe('UsersPage (mounted)', () => {
  it("lists each bad row's problem and creates no sheet", async () => {
    const srv = new Server({
      Users: users,
      ImportReporters: () => report({
        errors: [
          { row: 3, field: '单位', code: 'UNIT_NOT_FOUND', message: '单位不存在：某厅', messageEn: 'No such unit: 某厅' },
          { row: 4, field: '用户名', code: 'USERNAME_DUPLICATE', message: '用户名 whly 与第 2 行重复。', messageEn: 'The username whly repeats row 2.' },
        ],
      }),
    })
    const w = await mountPage()
    expect(w.find('[data-unit-contact]').text()).toContain('陈一 139 0000 0001')
    await click(w, '[data-action="import-reporters"]')
    expect(srv.sent('ImportReporters')).toHaveLength(0) // no file chosen yet
    await chooseFile(w)
    await click(w, '[data-action="import-reporters"]')
    expect(srv.last('ImportReporters')).toMatchObject({ dryRun: false, signInUrl: `${window.location.origin}/login` })
    expect(w.findAll('[data-error-row]').map((r) => [r.attributes('data-error-row'), r.attributes('data-error-code')])).toEqual([
      ['3', 'UNIT_NOT_FOUND'],
      ['4', 'USERNAME_DUPLICATE'],
    ])
    expect(w.find('[data-bulk-refused]').text()).toContain('2')
    expect(w.find('[data-credentials-sheet]').exists()).toBe(false)
    await setLang('en')
    try {
      await settle()
      expect(w.find('[data-error-row="3"]').text()).toBe('3UnitNo such unit: 某厅')
    } finally {
      await setLang('zh')
    }
  })

  it('checks without creating, then shows one slip per account and downloads the same sheet as CSV', async () => {
    const srv = new Server({
      Users: users,
      ImportReporters: (v) =>
        v.dryRun
          ? report({ dryRun: true, accounts: accounts.map((a) => ({ ...a, oneTimePassword: null })) })
          : report({ written: true, contactsSet: 1, credentialsXlsx: btoa('PK-xlsx'), accounts }),
    })
    const w = await mountPage()
    const signInUrl = `${window.location.origin}/login`
    await chooseFile(w)
    await click(w, '[data-action="check-reporters"]')
    expect(w.find('[data-bulk-checked]').text()).toContain('2')
    expect(w.find('[data-credentials-sheet]').exists()).toBe(false)
    await click(w, '[data-action="import-reporters"]')
    expect(srv.sent('ImportReporters').map((v) => v.dryRun)).toEqual([true, false])
    const slips = w.findAll('[data-slip]')
    expect(slips.map((s) => [s.find('[data-slip-username]').text(), s.find('[data-slip-password]').text()])).toEqual([
      ['whly', 'Kp7wQz3mXa9R'],
      ['czt', 'Hn4tYb8cVe2S'],
    ])
    expect(slips[0].text()).toContain('省文化和旅游厅')
    expect(slips[0].find('[data-slip-signin]').text()).toBe(signInUrl)
    expect(slips[0].text()).toContain('首次登录须修改密码')

    const blobs: Blob[] = []
    const spy = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:sheet'))
    onTestFinished(() => spy.mockRestore())
    await click(w, '[data-action="sheet-csv"]')
    const csv = await blobs[0].text()
    expect(csv.startsWith('\uFEFF单位,用户名,姓名,初始密码,登录地址,说明')).toBe(true)
    expect(csv).toContain(`省文化和旅游厅,whly,陈一,Kp7wQz3mXa9R,${signInUrl},`)
    await click(w, '[data-action="sheet-xlsx"]')
    expect(await blobs[1].text()).toBe('PK-xlsx')

    await click(w, '[data-action="close-sheet"]')
    await flushPromises()
    expect(w.find('[data-credentials-sheet]').exists()).toBe(false)
    expect(w.html()).not.toContain('Kp7wQz3mXa9R')
    expect(w.find('[data-panel="bulk-reporters"]').exists()).toBe(true)
  })
})
