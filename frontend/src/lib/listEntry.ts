// The data entry a page runs over one of its lists: the form opened to add or edit a row, the delete confirmation, the
// note that says what happened, and the list shown again afterwards (the saved record highlighted where it stands,
// useRecordList). The pages keep their own form and confirmation components; this holds what they share.
import { ref, type Ref } from 'vue'

/** What the page's list offers after a write (RecordTable, or a useRecordList controller). */
export interface EntryList {
  showSaved: (created: boolean) => void
  forget: () => void
  reload: () => unknown
}

/** How the page deletes a row, and what it then says. */
export interface EntryDelete<R> {
  remove: (row: R) => Promise<unknown>
  deletedNote: (row: R) => string
}

/** useListEntry runs adding, editing and deleting the rows of one list; `row: null` in `editing` is a new record. */
export function useListEntry<R>(list: () => EntryList | undefined, del: EntryDelete<R>) {
  const editing = ref<{ row: R | null } | null>(null) as Ref<{ row: R | null } | null>
  const deleting = ref<R | null>(null) as Ref<R | null>
  const notice = ref('')

  /** add opens the form for a new record. */
  function add() {
    editing.value = { row: null }
    notice.value = ''
  }
  /** edit opens the form on a row. */
  function edit(row: R) {
    editing.value = { row }
    notice.value = ''
  }
  /** ask opens the delete confirmation of a row. */
  function ask(row: R) {
    deleting.value = row
    notice.value = ''
  }
  /** onSaved closes the form, says what it saved and shows it in the list. */
  function onSaved(message: string) {
    const created = !editing.value?.row
    editing.value = null
    notice.value = message
    list()?.showSaved(created)
  }
  /** runDelete is the confirmation's action. */
  async function runDelete() {
    await del.remove(deleting.value!)
  }
  /** onDeleted says what was deleted and shows the list without it. */
  function onDeleted() {
    const row = deleting.value
    notice.value = row ? del.deletedNote(row) : ''
    deleting.value = null
    list()?.forget()
    void list()?.reload()
  }
  return { editing, deleting, notice, add, edit, ask, onSaved, runDelete, onDeleted }
}
