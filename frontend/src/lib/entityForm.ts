// The life of one record form of 专项行动、捐赠、实践联系、实践活动、结对帮创: load the record by its global ID (or
// start blank), check the draft, create or update with the version it was loaded at, explain a stale-version
// CONFLICT and load the newer version on request, and delete it to the recycle bin. The form components
// (components/*Form.vue of these kinds) are templates over this; the unit tests drive it with a mocked gql().
import { reactive, ref, type Ref, type UnwrapRef } from 'vue'
import { RestoreRecordDocument } from '../gql/RestoreRecord'
import { UnitForEditDocument } from '../gql/UnitForEdit'
import { gql, GraphQLRequestError } from './gql'
import { lang } from './i18n'
import { ta } from './i18n-admin'
import { serverMessage } from './messages'
import { useRecordForm } from './recordForm'
import { isStaleConflict, type FieldErrors } from './validate'

/** What a form needs to know about the record it edits. */
export interface Versioned {
  id: string
  version: number
  demo?: boolean
}

/** The recycle-bin entry a delete answers with. */
export interface BinEntry {
  id: string
  recordId?: string | null
}

/** How one kind of record is loaded, checked, written and deleted. */
export interface EntityFormSpec<D extends object, R extends Versioned> {
  /** API input fields, in the order the form shows them (the first with an error gets focus). */
  fields: string[]
  /** The input element's id of each field. */
  inputIds: Record<string, string>
  blank: () => D
  fromRecord: (r: R) => D
  validate: (d: D) => FieldErrors
  /** The record by its global ID, or null once it is gone. */
  load: (id: string) => Promise<R | null>
  /** Create; resolves with the note the page shows. */
  create: (d: D) => Promise<string>
  /** Update at the version the form holds; resolves with the note. */
  update: (id: string, expectedVersion: number, d: D) => Promise<string>
  remove: (id: string, expectedVersion: number) => Promise<BinEntry>
  /** A CONFLICT that is not a stale version (a duplicate, a record still referred to) and the field it belongs to. */
  conflictField?: (err: GraphQLRequestError) => string | undefined
}

/** useEntityForm holds the draft, the loaded record and the messages of one create/edit/delete form. */
export function useEntityForm<D extends object, R extends Versioned>(id: string | undefined, spec: EntityFormSpec<D, R>) {
  const draft = reactive(spec.blank()) as UnwrapRef<D>
  const record = ref<R | null>(null) as Ref<R | null>
  const version = ref(0)
  const loading = ref(!!id)
  const loadError = ref('')
  const form = useRecordForm(spec.fields, spec.inputIds, () => spec.validate(draft as D))
  const { serverErrors, general, conflict, reloadedNote, busy } = form

  function take(r: R) {
    record.value = r
    version.value = r.version
    Object.assign(draft as object, spec.fromRecord(r))
  }

  /** load fetches the record being edited; a form for a new record has nothing to load. */
  async function load() {
    if (!id) return
    loading.value = true
    loadError.value = ''
    try {
      const r = await spec.load(id)
      if (r) take(r)
      else loadError.value = ta('deleted')
    } catch (e) {
      loadError.value = serverMessage((e as Error).message, lang.value)
    } finally {
      loading.value = false
    }
  }

  /** save creates or updates; it resolves with the page's note, or null when the form keeps its messages. */
  async function save(): Promise<string | null> {
    if (!form.begin()) return null
    busy.value = true
    try {
      return id ? await spec.update(id, version.value, draft as D) : await spec.create(draft as D)
    } catch (e) {
      form.fail(e, { isStale: (err) => !!id && isStaleConflict(err.message), conflictField: spec.conflictField })
      return null
    } finally {
      busy.value = false
    }
  }

  const reloading = ref(false)
  /** reloadLatest offers the newer version after a stale-version CONFLICT: the form shows it, to check and save. */
  async function reloadLatest() {
    if (!id) return
    reloading.value = true
    general.value = ''
    try {
      const r = await spec.load(id)
      if (!r) {
        general.value = ta('deleted')
        return
      }
      take(r)
      conflict.value = false
      serverErrors.value = {}
      reloadedNote.value = ta('conflictReloaded', { v: r.version })
    } catch (e) {
      general.value = serverMessage((e as Error).message, lang.value)
    } finally {
      reloading.value = false
    }
  }

  const removing = ref(false)
  /** The server's words when it refused a delete for a reason other than a stale version (still referenced…). */
  const refused = ref('')
  /** remove moves the record to the recycle bin; a refusal (stale, still referenced) stays in the form. */
  async function remove(): Promise<BinEntry | null> {
    if (!id) return null
    removing.value = true
    general.value = ''
    refused.value = ''
    try {
      return await spec.remove(id, version.value)
    } catch (e) {
      const err = e as GraphQLRequestError
      if (err instanceof GraphQLRequestError && err.code === 'CONFLICT' && isStaleConflict(err.message)) conflict.value = true
      else {
        if (err instanceof GraphQLRequestError && err.code === 'CONFLICT') refused.value = err.message
        general.value = serverMessage(err.message, lang.value)
      }
      return null
    } finally {
      removing.value = false
    }
  }

  return { ...form, draft, record, version, loading, loadError, load, save, reloading, reloadLatest, removing, refused, remove }
}

/** Whole yuan as the Yuan scalar wants it: digits only, no float ever touches it ("12,000" → "12000"). */
export function yuanText(s: string | number): string | null {
  const t = String(s).trim().replace(/[,，\s]/g, '')
  return /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, '') : null
}

/** The text of an optional whole-number input, as a number, or null when blank; NaN when not a whole number. */
export function intOrNull(s: string | number | null | undefined): number | null {
  const t = String(s ?? '').trim()
  if (!t) return null
  return /^-?\d+$/.test(t) ? Number(t) : NaN
}

/** presetUnit fills a new record's unit from the page it was opened on (a unit's page passes only the unit's ID). */
export async function presetUnit(unitId: string | undefined, set: (u: { id: string; name: string; kind: string; campus: boolean; serviceWindow: boolean }) => void) {
  if (!unitId) return
  try {
    const u = (await gql(UnitForEditDocument, { id: unitId })).node as { id: string; name: string; kind: string; campus: boolean; serviceWindow: boolean } | null
    if (u) set({ id: u.id, name: u.name, kind: u.kind, campus: u.campus, serviceWindow: u.serviceWindow })
  } catch {
    // The picker stays empty; the user chooses the unit.
  }
}

/** restoreFromBin brings a just-deleted record back under its old ID (admins; the same as 恢复 on the TrashPage). */
export async function restoreFromBin(binId: string): Promise<string | null | undefined> {
  return (await gql(RestoreRecordDocument, { id: binId })).restoreRecord.recordId
}
