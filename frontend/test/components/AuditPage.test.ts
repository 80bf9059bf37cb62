// @vitest-environment happy-dom
// The audit page mounted over a scripted server: an entry names its record and links to it while it exists, lists
// only its changes with the fields' labels and the values' names, in Chinese and in English, and an empty log says so.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import AuditPage from '../../src/pages/AuditPage.vue'
import { lang, setLang } from '../../src/lib/i18n'
import { Server, settle, signIn } from './support'

const change = (field: string, label: string, labelEn: string, b: [string, string, string] | null, a: [string, string, string] | null) => ({
  field, label, labelEn,
  before: b?.[0] ?? null, beforeLabel: b?.[1] ?? null, beforeLabelEn: b?.[2] ?? null,
  after: a?.[0] ?? null, afterLabel: a?.[1] ?? null, afterLabelEn: a?.[2] ?? null,
})
const honourEdit = {
  id: 'QXVkaXRFbnRyeToy', at: '2025-03-01T08:00:00Z', userId: null, username: 'editor1', action: 'UPDATE', entity: 'HONOR',
  recordId: 'SG9ub3I6NTc', before: '{}', after: '{}',
  title: '河南省文明单位 2021年 · 郑州市第一中学', titleEn: 'Henan civilised unit 2021 · 郑州市第一中学',
  changes: [change('status', '状态', 'Status', ['AWARDED', '获评', 'Awarded'], ['RECOMMENDED', '推荐', 'Recommended'])],
  record: { __typename: 'Honor', id: 'SG9ub3I6NTc', ownUnit: { id: 'VW5pdDo0MQ' } },
}
const deletedRecord = {
  id: 'QXVkaXRFbnRyeTox', at: '2025-03-01T07:00:00Z', userId: null, username: 'admin', action: 'DELETE', entity: 'VOLUNTEER_RECORD',
  recordId: 'Vm9sdW50ZWVyUmVjb3JkOjk', before: '{}', after: null,
  title: '省某某厅 · 2024-03-05', titleEn: '省某某厅 · 2024-03-05',
  changes: [
    change('unit', '组织单位', 'Organising unit', ['1', '省某某厅', '省某某厅'], null),
    change('volunteers', '志愿者人次', 'Volunteers (person-times)', ['12', '12', '12'], null),
    change('method', '记录方式', 'Recording method', ['SIGN_IN', '签到签退', 'Sign-in/out'], null),
  ],
  record: null,
}
const log = (nodes: unknown[]) => () => ({
  auditLog: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map((node) => ({ node })) },
})

const pages: VueWrapper[] = []
afterEach(() => {
  for (const w of pages.splice(0)) w.unmount()
})

async function mountPage() {
  signIn('ADMIN')
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  await router.push('/admin/audit')
  const w = mount(AuditPage, { attachTo: document.body, global: { plugins: [router] } })
  pages.push(w)
  await settle()
  await flushPromises()
  return w
}

describe('AuditPage (mounted)', () => {
  it('names each record, links it while it exists, and lists only what changed', async () => {
    new Server({ AuditLog: log([honourEdit, deletedRecord]) })
    const w = await mountPage()
    const rows = w.findAll('[data-audit-row]')
    expect(rows.map((r) => r.attributes('data-audit-row'))).toEqual(['UPDATE', 'DELETE'])
    const link = rows[0].find('[data-record-link]')
    expect(link.text()).toBe('河南省文明单位 2021年 · 郑州市第一中学')
    expect(link.attributes('href')).toContain('/units/VW5pdDo0MQ')
    expect(rows[0].find('[data-audit-summary]').text()).toContain('状态：获评 → 推荐')
    expect(rows[1].find('[data-record-link]').exists()).toBe(false)
    expect(rows[1].find('[data-audit-record]').text()).toBe('省某某厅 · 2024-03-05')
    expect(rows[1].find('[data-audit-summary]').text()).toContain('另 1 项')
    await rows[1].find('[data-action="toggle-diff"]').trigger('click')
    const diff = w.findAll('[data-diff] tbody tr')
    expect(diff.map((r) => [r.attributes('data-change-field'), r.attributes('data-change'), r.find('th').text().replace(/^\S+\s/, ''), r.findAll('td')[0].text()])).toEqual([
      ['unit', 'removed', '组织单位', '省某某厅'],
      ['volunteers', 'removed', '志愿者人次', '12'],
      ['method', 'removed', '记录方式', '签到签退'],
    ])
    expect(w.text()).not.toContain('SIGN_IN')
    expect(w.text()).not.toContain('unit_id')
  })

  it('reads in English under ?lang=en', async () => {
    await setLang('en')
    try {
      new Server({ AuditLog: log([honourEdit]) })
      const w = await mountPage()
      expect(w.find('[data-record-link]').text()).toBe('Henan civilised unit 2021 · 郑州市第一中学')
      expect(w.find('[data-audit-summary]').text()).toContain('Status: Awarded → Recommended')
    } finally {
      lang.value = 'zh'
    }
  })

  it('says that no entry matches when the log is empty', async () => {
    new Server({ AuditLog: log([]) })
    const w = await mountPage()
    expect(w.find('[data-state="empty"]').text()).toContain('没有符合条件的审计记录')
  })
})
