// @vitest-environment happy-dom
// RecordList mounted over useRecordList and a scripted server: newest first unless a column is sorted, and the
// record a form just saved — highlighted in its row when the page holds it, pinned above the rows with a note when
// the user's order puts it elsewhere, from the first page when it is new under newest first.
import { describe, expect, it } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import RecordList from '../../src/components/RecordList.vue'
import { PeopleDocument, type PersonListRowFragment } from '../../src/gql/People'
import { justSaved } from '../../src/lib/forms/recordEditor'
import { pinnedRow, useRecordList, type RecordList as List } from '../../src/lib/recordList'
import { click, mountForm, Server, settle } from './support'

type Row = PersonListRowFragment
const person = (n: number): Row => ({ id: `UGVyc29uOj${n}`, name: `人物${n}`, citation: '', demo: false, version: 1, unit: null })
const page = (rows: Row[], next: string | null) => ({
  totalCount: 30, pageInfo: { hasNextPage: !!next, endCursor: next }, edges: rows.map((node) => ({ node })),
})

/** A server of 30 people: newest first gives 30…21 then 20…11; by name ascending gives 1…10. */
function people(srv: Server) {
  srv.on('People', (v) => {
    const order = v.orderBy as { field: string; direction: string }
    const rows = order.field === 'NAME' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : v.after ? [20, 19, 18, 17, 16, 15, 14, 13, 12, 11] : [30, 29, 28, 27, 26, 25, 24, 23, 22, 21]
    return { people: page(rows.map(person), 'c1'), ...(v.withPin ? { pinned: person(Number(String(v.pin).slice(-2)) || 31) } : {}) }
  })
  return srv
}

async function mountList() {
  let list!: List<Row>
  const Host = defineComponent({
    setup() {
      list = useRecordList({
        document: PeopleDocument, variables: () => ({ filter: null }), page: (d) => d.people, pinned: (d) => pinnedRow<Row>(d.pinned), pageSize: 10,
        sortFields: { name: 'NAME' },
      }) as unknown as List<Row>
      return () => h(RecordList as unknown as Component, { list, columns: [{ key: 'name', label: '姓名', text: (r: Row) => r.name }, { key: 'citation', label: '事迹', text: (r: Row) => r.citation }], name: 'people', caption: '人物' })
    },
  })
  const w = await mountForm(Host)
  return { w, list: () => list }
}
const names = (w: Awaited<ReturnType<typeof mountList>>['w']) => w.findAll('tbody tr:not([data-pinned-note])').map((tr) => tr.find('td').text())

describe('RecordList (mounted)', () => {
  it('asks for newest first, and sorts by a column the API sorts on (the others are not offered)', async () => {
    const srv = people(new Server())
    const { w } = await mountList()
    expect(srv.last('People')).toMatchObject({ orderBy: { field: 'ID', direction: 'DESC' }, first: 10, after: null, withPin: false })
    expect(names(w)[0]).toBe('人物30')
    expect(w.find('[data-order="newest"]').exists()).toBe(true)
    expect(w.findAll('th button').map((b) => b.text())).toEqual([expect.stringContaining('姓名')])
    await click(w, 'th button')
    expect(srv.last('People')).toMatchObject({ orderBy: { field: 'NAME', direction: 'ASC' }, after: null })
    expect(names(w)[0]).toBe('人物1')
    await click(w, '[data-action="newest-first"]')
    expect(srv.last('People')).toMatchObject({ orderBy: { field: 'ID', direction: 'DESC' } })
  })

  it('shows a new record from the first page, highlighted in its row', async () => {
    const srv = people(new Server())
    const { w, list } = await mountList()
    await click(w, '[data-action="next"]')
    expect(srv.last('People').after).toBe('c1')
    justSaved.value = person(30).id
    list().showSaved(true)
    await settle()
    expect(srv.last('People')).toMatchObject({ after: null, pin: person(30).id, withPin: true })
    expect(w.find('tbody tr').attributes('data-saved-row')).toBe('')
    expect(names(w)[0]).toBe('人物30')
    expect(w.find('[data-pinned-note]').exists()).toBe(false)
    expect(justSaved.value).toBeNull()
  })

  it('pins a record the user order puts on another page above the rows, with a note, keeping order and page', async () => {
    const srv = people(new Server())
    const { w, list } = await mountList()
    await click(w, 'th button')
    justSaved.value = person(31).id
    list().showSaved(true)
    await settle()
    expect(srv.last('People')).toMatchObject({ orderBy: { field: 'NAME', direction: 'ASC' }, after: null, withPin: true })
    expect(w.find('[data-pinned-note]').text()).toContain('不在这一页')
    expect(w.find('tr[data-pinned]').attributes('data-saved-row')).toBe('')
    expect(w.find('tr[data-pinned] td').text()).toBe('人物31')
    expect(names(w).slice(1, 3)).toEqual(['人物1', '人物2'])
  })

  it('keeps the page of an edited record and highlights it there', async () => {
    const srv = people(new Server())
    const { w, list } = await mountList()
    await click(w, '[data-action="next"]')
    justSaved.value = person(15).id
    list().showSaved(false)
    await settle()
    expect(srv.last('People')).toMatchObject({ after: 'c1', pin: person(15).id })
    expect(w.find('[data-saved-row]').find('td').text()).toBe('人物15')
    expect(w.find('[data-pinned-note]').exists()).toBe(false)
  })
})
