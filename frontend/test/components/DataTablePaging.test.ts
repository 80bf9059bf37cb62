// @vitest-environment happy-dom
// A server-paged table offers 上一页/下一页 only while no page is loading: a click meanwhile would page with the
// cursors of the rows on screen, which belong to the order before the one being loaded (a sort just chosen).
import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DataTable from '../../src/components/DataTable.vue'

const columns = [{ key: 'name', label: '单位名称' }]
const rows = [{ name: '青禾事务局（演示001）' }]

function mountTable(loading: boolean) {
  return mount(DataTable, {
    props: { columns, rows, name: 'units', caption: '单位', loading, server: { total: 40, page: 1, hasNext: true } },
    global: { stubs: { RouterLink: RouterLinkStub } },
  })
}

describe('DataTable server paging', () => {
  it('disables both buttons while a page loads, and emits nothing on a click', async () => {
    const w = mountTable(true)
    for (const a of ['prev', 'next']) {
      const b = w.find(`[data-action="${a}"]`)
      expect(b.attributes('disabled'), a).toBeDefined()
      await b.trigger('click')
    }
    expect(w.emitted('page')).toBeUndefined()
  })

  it('pages once the page is in', async () => {
    const w = mountTable(false)
    await w.find('[data-action="next"]').trigger('click')
    await w.find('[data-action="prev"]').trigger('click')
    expect(w.emitted('page')).toEqual([[1], [-1]])
  })
})
