// The error state every record form shares: client checks shown once the user tried to save, server field
// errors beside their field, a stale-version conflict banner, and anything else above the form.
import { computed, nextTick, ref } from 'vue'
import { GraphQLRequestError } from './gql'
import { lang } from './i18n'
import { serverMessage } from './messages'
import type { FieldErrors } from './validate'

export interface SaveFailure {
  /** Whether a CONFLICT means the record changed since it was loaded (offer a reload). */
  isStale: (err: GraphQLRequestError) => boolean
  /** The field a non-stale CONFLICT belongs to (e.g. a duplicate name), if any. */
  conflictField?: (err: GraphQLRequestError) => string | undefined
}

/** useRecordForm holds a form's messages; `fields` orders its fields, `inputIds` names each field's input. */
export function useRecordForm(fields: string[], inputIds: Record<string, string>, validate: () => FieldErrors) {
  const clientErrors = ref<FieldErrors>({})
  const serverErrors = ref<FieldErrors>({})
  const general = ref('')
  const conflict = ref(false)
  const reloadedNote = ref('')
  const busy = ref(false)
  const tried = ref(false)
  const errorOf = (f: string) => serverErrors.value[f] ?? (tried.value ? clientErrors.value[f] : undefined)
  const errCount = computed(() => Object.keys({ ...clientErrors.value, ...serverErrors.value }).length)

  function check() {
    clientErrors.value = validate()
  }
  /** touched drops the server's error of a field the user is editing and re-runs the client checks. */
  function touched(field: string) {
    if (serverErrors.value[field]) {
      const { [field]: _, ...rest } = serverErrors.value
      serverErrors.value = rest
    }
    check()
  }
  async function focusFirstError() {
    await nextTick()
    const f = fields.find((x) => errorOf(x))
    if (f) document.getElementById(inputIds[f])?.focus()
  }
  /** begin clears the last attempt's messages and checks the form; false means do not send it. */
  function begin(): boolean {
    tried.value = true
    general.value = ''
    reloadedNote.value = ''
    serverErrors.value = {}
    check()
    if (Object.keys(clientErrors.value).length) {
      focusFirstError()
      return false
    }
    return true
  }
  /** fail shows a failed save where the user will look for it. */
  function fail(e: unknown, how: SaveFailure) {
    const err = e as GraphQLRequestError
    const isErr = err instanceof GraphQLRequestError
    const conflictField = isErr && err.code === 'CONFLICT' ? how.conflictField?.(err) : undefined
    if (isErr && err.code === 'CONFLICT' && how.isStale(err)) {
      conflict.value = true
    } else if (conflictField) {
      serverErrors.value = { [conflictField]: serverMessage(err.message, lang.value) }
      focusFirstError()
    } else if (isErr && err.code === 'BAD_USER_INPUT' && err.field && fields.includes(err.field)) {
      serverErrors.value = { [err.field]: serverMessage(err.details![0].message, lang.value) }
      focusFirstError()
    } else {
      general.value = serverMessage(err.message, lang.value)
    }
  }
  return { clientErrors, serverErrors, general, conflict, reloadedNote, busy, tried, errorOf, errCount, check, touched, focusFirstError, begin, fail }
}
