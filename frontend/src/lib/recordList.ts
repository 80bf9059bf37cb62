// One controller for every server-paged list of records: newest first unless the user sorts by a column, keyset
// pages walked by their cursors, and the record a form just saved shown where it stands, highlighted.
//
// Newest first is ID DESC: IDs are given in the order records are entered (SQLite takes the largest plus one under
// its single writer, PostgreSQL draws from an identity), every list has them indexed and unique, and no record needs a
// creation date that imports and the seed do not have. After a save the list shows the record where the user's own
// order puts it: a record added under newest first is on the first page, an edited one stays on the page it was
// edited from. When the user's order or filter puts it elsewhere (or nowhere), the list keeps their order, filter and
// page and shows the record pinned above the table with a note, rather than jump to another page or undo their
// sort: a keyset page has no number to jump to, and a record outside the filter is on no page at all.
import { computed, nextTick, ref, watch } from 'vue'
import type { OrderDirection } from '../gql/graphql'
import { useQuery, type Doc } from './gql'
import { takeJustSaved } from './forms/recordEditor'

/** How a list asks the API to sort: one of its order enum's fields and a direction; ties break on ID. */
export interface ListOrder {
  field: string
  direction: OrderDirection
}

/** The dashboard's order: the records entered last come first. */
export const NEWEST_FIRST: ListOrder = { field: 'ID', direction: 'DESC' }

/** A page of a connection as every list query selects it. */
export interface ListPage<R> {
  totalCount: number
  pageInfo: { hasNextPage: boolean; endCursor?: string | null }
  edges: { node: R }[]
}

/**
 * What differs between lists: the query, its filter, where the page and the pinned record are in the answer. Every
 * list query declares, besides its filter, $orderBy, $first, $after, and $pin with $withPin for
 * `pinned: node(id: $pin) @include(if: $withPin)` (src/graphql/Units.graphql and the others).
 */
export interface RecordListSpec<Q, V, R extends { id: string }> {
  document: Doc<Q, V>
  /** The list's own variables (its filter); null holds the query back. */
  variables: () => object | null
  page: (data: Q) => ListPage<R> | undefined
  /** The record asked for by `pin` (the query's `pinned: node(id: $pin) @include(if: $withPin)`). */
  pinned: (data: Q) => R | null | undefined
  /** Rows a page. */
  pageSize: number
  /** The column keys the user may sort by, each with the API's order field. */
  sortFields: Record<string, string>
}

/** useRecordList runs one list: its query, pages, order and the record just saved. */
export function useRecordList<Q, V, R extends { id: string }>(spec: RecordListSpec<Q, V, R>) {
  const cursors = ref<(string | null)[]>([null])
  const order = ref<ListOrder>(NEWEST_FIRST)
  /** The column the user sorted by, or undefined under newest first. */
  const sortKey = ref<string>()
  const sortDir = ref<'asc' | 'desc'>('desc')
  /** The record a form saved from this list: highlighted in the rows, or pinned above them. */
  const savedId = ref<string | null>(null)
  /** Whether the saved record still waits to be scrolled to. */
  let scrollPending = false

  const vars = () => {
    const own = spec.variables()
    if (own === null) return null
    return {
      ...own,
      orderBy: order.value,
      first: spec.pageSize,
      after: cursors.value[cursors.value.length - 1],
      pin: savedId.value ?? '',
      withPin: !!savedId.value,
    } as unknown as V
  }
  const q = useQuery(spec.document, vars)
  watch(() => JSON.stringify(spec.variables()), () => {
    cursors.value = [null]
  })

  const conn = computed(() => (q.data.value ? spec.page(q.data.value) : undefined))
  const rows = computed(() => conn.value?.edges.map((e) => e.node) ?? [])
  const isNewestFirst = computed(() => order.value.field === NEWEST_FIRST.field && order.value.direction === NEWEST_FIRST.direction)
  /** The saved record when the page does not hold it (another page, or outside the filter). */
  const pinned = computed(() => {
    if (!savedId.value || !q.data.value || rows.value.some((r) => r.id === savedId.value)) return null
    return spec.pinned(q.data.value) ?? null
  })
  /** Where DataTable wants the server's paging. */
  const server = computed(() => ({
    total: conn.value?.totalCount ?? 0,
    page: cursors.value.length - 1,
    hasNext: !!conn.value?.pageInfo.hasNextPage,
  }))

  watch([rows, pinned], async () => {
    if (!scrollPending || !savedId.value) return
    if (!rows.value.some((r) => r.id === savedId.value) && !pinned.value) return
    scrollPending = false
    await nextTick()
    document.querySelector('[data-saved-row]')?.scrollIntoView({ block: 'center' })
  })

  function onPage(dir: 1 | -1) {
    if (dir === 1 && conn.value?.pageInfo.endCursor) cursors.value = [...cursors.value, conn.value.pageInfo.endCursor]
    if (dir === -1 && cursors.value.length > 1) cursors.value = cursors.value.slice(0, -1)
  }
  /** onSort sorts by a column the API can sort by, from the first page. */
  function onSort(key: string, dir: 'asc' | 'desc') {
    const field = spec.sortFields[key]
    if (!field) return
    order.value = { field, direction: dir === 'asc' ? 'ASC' : 'DESC' }
    sortKey.value = key
    sortDir.value = dir
    cursors.value = [null]
  }
  /** newestFirst goes back to the dashboard's order, first page. */
  function newestFirst() {
    order.value = NEWEST_FIRST
    sortKey.value = undefined
    sortDir.value = 'desc'
    cursors.value = [null]
  }
  /**
   * showSaved shows the record a form just saved (takeJustSaved): a new record under newest first from the first
   * page, anything else on the page the user is on, and pinned above the rows when that page does not hold it.
   */
  function showSaved(created: boolean) {
    const id = takeJustSaved()
    const before = JSON.stringify(vars())
    savedId.value = id
    scrollPending = !!id
    if (created && isNewestFirst.value) cursors.value = [null]
    if (JSON.stringify(vars()) === before) void q.reload()
  }
  /** forget stops highlighting the saved record (the user moved on: a delete, another form). */
  function forget() {
    savedId.value = null
  }

  /** Whether the API can sort the list by a column. */
  const sortable = (key: string) => key in spec.sortFields

  return {
    data: q.data, loading: q.loading, error: q.error, reload: q.reload, rows, conn, server, sortKey, sortDir, order, isNewestFirst,
    savedId, pinned, onPage, onSort, newestFirst, showSaved, forget, sortable,
  }
}

/** The pinned record of an answer: the `pinned` node when it is a record of the list's type. */
export const pinnedRow = <R>(p: unknown): R | null => (p && typeof p === 'object' && 'id' in p ? (p as R) : null)

/** The controller a list component needs, whatever its rows. */
export type RecordList<R extends { id: string }> = ReturnType<typeof useRecordList<unknown, unknown, R>>
