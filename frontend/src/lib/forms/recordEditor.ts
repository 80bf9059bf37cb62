// The one controller of every record form: load the record by its global ID (or start blank, or from a record the
// page already holds), check the draft, create or update with the version it was loaded at, explain a stale-version
// CONFLICT and load the newer version on request, and delete it to the recycle bin. Each kind of record is a
// RecordFormSpec (fields, checks, the calls); the form components are templates over this and RecordFormShell.vue.
import { computed, reactive, ref, type Ref, type UnwrapRef } from 'vue'
import { RestoreRecordDocument } from '../../gql/RestoreRecord'
import { UnitForEditDocument } from '../../gql/UnitForEdit'
import { gql, GraphQLRequestError } from '../gql'
import { lang } from '../i18n'
import { ta } from '../i18n-admin'
import { serverMessage } from '../messages'
import { useRecordForm } from '../recordForm'
import { isStaleConflict, type FieldErrors } from '../validate'

/** What a form needs to know about the record it edits, so that it can save at the version it shows. */
export interface Versioned {
  id: string
  version: number
  demo?: boolean
}

/** The recycle-bin entry a delete answers with, so that an admin can restore the record. */
export interface BinEntry {
  id: string
  recordId?: string | null
}

/** How one kind of record is loaded, checked, written and deleted: the whole of what differs between forms. */
export interface RecordFormSpec<D extends object, R extends Versioned, S = string> {
  /** API input fields, in the order the form shows them (the first with an error gets focus). */
  fields: string[]
  /** The input element's id of each field. */
  inputIds: Record<string, string>
  blank: () => D
  fromRecord: (r: R) => D
  validate: (d: D) => FieldErrors
  /** The record by its global ID, or null once it is gone. */
  load: (id: string) => Promise<R | null>
  /** Create; resolves with what the form tells its page (a note, or the saved record's summary). */
  create: (d: D) => Promise<S>
  /** Update at the version the form holds; resolves like create. */
  update: (id: string, expectedVersion: number, d: D) => Promise<S>
  /** Delete to the recycle bin; kinds deleted elsewhere (from their list) leave it out and the form offers no delete. */
  remove?: (id: string, expectedVersion: number) => Promise<BinEntry>
  /** A CONFLICT that is not a stale version (a duplicate, a record still referred to) and the field it belongs to. */
  conflictField?: (err: GraphQLRequestError) => string | undefined
  /** The version a save answered with, for forms that stay open after saving. */
  savedVersion?: (s: S) => number
  /** The global ID of the record a create made, so that the list it was made from can show it (justSaved). */
  createdId?: (s: S) => string | undefined
}

/**
 * The global ID of the record a form saved last. The page whose list the form was opened from takes it on the form's
 * `saved` event (takeJustSaved) and shows that record where it stands, highlighted; a form's own events stay what
 * they were.
 */
export const justSaved = ref<string | null>(null)

/** takeJustSaved hands the last saved record's ID to one list, once. */
export function takeJustSaved(): string | null {
  const id = justSaved.value
  justSaved.value = null
  return id
}

/** Where a form starts when the page already holds the record, or wants other defaults than spec.blank(). */
export interface RecordFormStart<D, R> {
  /** The record as the page's list gave it: the form shows it without loading it again. */
  record?: R | null
  /** The version to save at when the page holds only the draft. */
  version?: number
  /** Fields that replace the blank (or the record's) values. */
  draft?: Partial<D>
}

/** inputIdsOf names each field's input `${prefix}-${field}`, the convention of the forms that follow it. */
export const inputIdsOf = (prefix: string, fields: string[]): Record<string, string> => Object.fromEntries(fields.map((f) => [f, `${prefix}-${f}`]))

/** useRecordEditor holds the draft, the loaded record and the messages of one create/edit/delete form. */
export function useRecordEditor<D extends object, R extends Versioned, S = string>(
  id: string | undefined,
  spec: RecordFormSpec<D, R, S>,
  start: RecordFormStart<D, R> = {},
) {
  const draft = reactive(spec.blank()) as UnwrapRef<D>
  const record = ref<R | null>(null) as Ref<R | null>
  const version = ref(start.version ?? 0)
  const loading = ref(!!id && !start.record && start.version === undefined)
  const loadError = ref('')
  /** The record was deleted before the form could load it. */
  const missing = ref(false)
  /** Whether the record is demo data (kept as such whatever the edit). */
  const demo = computed(() => !!record.value?.demo)
  const form = useRecordForm(spec.fields, spec.inputIds, () => spec.validate(draft as D))
  const { serverErrors, general, conflict, reloadedNote, busy } = form
  const canRemove = !!spec.remove

  function take(r: R) {
    record.value = r
    version.value = r.version
    Object.assign(draft as object, spec.fromRecord(r))
  }
  if (start.record) take(start.record)
  if (start.draft) Object.assign(draft as object, start.draft)

  /** load fetches the record being edited; a form for a new record has nothing to load. */
  async function load() {
    if (!id) return
    loading.value = true
    loadError.value = ''
    try {
      const r = await spec.load(id)
      missing.value = !r
      if (r) take(r)
      else loadError.value = ta('deleted')
    } catch (e) {
      loadError.value = serverMessage((e as Error).message, lang.value)
    } finally {
      loading.value = false
    }
  }

  /** save creates or updates; it resolves with the spec's answer, or null when the form keeps its messages. */
  async function save(): Promise<S | null> {
    if (!form.begin()) return null
    busy.value = true
    try {
      const s = id ? await spec.update(id, version.value, draft as D) : await spec.create(draft as D)
      if (spec.savedVersion) version.value = spec.savedVersion(s)
      justSaved.value = id ?? spec.createdId?.(s) ?? null
      return s
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
  /** The recycle-bin entry of the record this form just deleted, for an admin's restore in place. */
  const binEntry = ref<BinEntry | null>(null)
  /** remove moves the record to the recycle bin; a refusal (stale, still referenced) stays in the form. */
  async function remove(): Promise<BinEntry | null> {
    if (!id || !spec.remove) return null
    removing.value = true
    general.value = ''
    refused.value = ''
    try {
      binEntry.value = await spec.remove(id, version.value)
      return binEntry.value
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

  const restoring = ref(false)
  /** restore brings the record this form just deleted back from the recycle bin under its old ID, and shows it. */
  async function restore(): Promise<boolean> {
    if (!binEntry.value) return false
    restoring.value = true
    general.value = ''
    try {
      await restoreFromBin(binEntry.value.id)
      binEntry.value = null
      await load()
      return true
    } catch (e) {
      general.value = serverMessage((e as Error).message, lang.value)
      return false
    } finally {
      restoring.value = false
    }
  }

  return {
    ...form, draft, record, version, demo, loading, loadError, missing, load, save, reloading, reloadLatest,
    canRemove, removing, refused, remove, binEntry, restoring, restore,
  }
}

/** The controller a form shell drives, whatever the kind of record: the shell needs no more than this. */
export type RecordEditor<S = unknown> = ReturnType<typeof useRecordEditor<object, Versioned, S>>

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

/** auditHref is where an admin reads the audit entries of one record, or of its kind (the audit log stays admin-only). */
export const auditHref = (entity: string, recordId?: string, l: string = lang.value) => ({
  path: '/admin/audit',
  query: { entity, ...(recordId ? { record: recordId } : {}), ...(l === 'en' ? { lang: 'en' } : {}) },
})

/** restoreFromBin brings a just-deleted record back under its old ID (admins; the same as 恢复 on the TrashPage). */
export async function restoreFromBin(binId: string): Promise<string | null | undefined> {
  return (await gql(RestoreRecordDocument, { id: binId })).restoreRecord.recordId
}
