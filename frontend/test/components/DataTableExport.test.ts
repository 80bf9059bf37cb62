// @vitest-environment happy-dom
// A server export from a table says that it is being prepared until the server answers, then how much it has
// received, and saves the file; a refused export says why.
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import DataTable from '../../src/components/DataTable.vue'

const columns = [{ key: 'name', label: '单位名称' }]
const rows = [{ name: '青禾事务局（演示001）' }]

function mountTable() {
  return mount(DataTable, {
    props: { columns, rows, name: 'units', caption: '单位', exportHref: (f: string) => `/export/units.${f}` },
    global: { stubs: { RouterLink: RouterLinkStub } },
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('DataTable server export', () => {
  it('shows 正在准备导出… until the server answers, then the bytes received, then saves the file', async () => {
    let answer!: (r: Response) => void
    const fetch = vi.fn(() => new Promise<Response>((r) => (answer = r)))
    vi.stubGlobal('fetch', fetch)
    const saved: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:units')
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    const w = mountTable()
    await w.find('[data-action="export-xlsx"]').trigger('click')
    await flushPromises()
    expect(fetch).toHaveBeenCalledWith('/export/units.xlsx', expect.anything())
    expect(w.find('[data-export-progress]').text()).toBe('正在准备导出…')
    expect(w.find('[data-action="export-csv"]').attributes('disabled')).toBeDefined()

    let push!: ReadableStreamDefaultController<Uint8Array>
    const body = new ReadableStream<Uint8Array>({ start: (c) => (push = c) })
    answer(new Response(body, { status: 200, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }))
    push.enqueue(new Uint8Array(2048))
    await flushPromises()
    expect(w.find('[data-export-progress]').text()).toMatch(/^正在下载 2(\.0)? KB…$/)
    push.close()
    await flushPromises()
    await vi.waitFor(() => expect(saved).toEqual(['units.xlsx']))
    expect(w.find('[data-export-progress]').exists()).toBe(false)
  })

  it('a refused export says why and saves nothing', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ message: '需要编辑权限。' }), { status: 403 })))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click')
    const w = mountTable()
    await w.find('[data-action="export-csv"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(w.find('[role="alert"]').text()).toBe('需要编辑权限。'))
    expect(click).not.toHaveBeenCalled()
    expect(w.find('[data-export-progress]').exists()).toBe(false)
  })
})
