// A small GraphQL client: POST /graphql with JSON, typed by the generated documents in src/gql/
// (`npm run codegen`), so that a call site never writes its own result type.
import { onScopeDispose, ref, shallowRef, watch, type Ref, type WatchSource } from 'vue'
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core'
import { refreshTick } from './state'
import { goLogin } from './auth'
import { lang } from './i18n'
import { localMessage } from './messages'

export interface GqlError {
  message: string
  path?: (string | number)[]
  extensions?: { code?: string; field?: string; [k: string]: unknown }
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    public readonly details?: GqlError[],
    public readonly status = 200,
  ) {
    super(message)
  }
  /** extensions.code of the first error (CONFLICT, BAD_USER_INPUT, FORBIDDEN…). */
  get code(): string | undefined {
    return this.details?.[0]?.extensions?.code
  }
  /** extensions.field of the first error that names one. */
  get field(): string | undefined {
    return this.details?.find((e) => e.extensions?.field)?.extensions?.field
  }
}

/**
 * A typed operation: the generated TypedDocumentString (a String carrying its result and variable types, see
 * codegen.ts), or a TypedDocumentNode that keeps its source (loc), as graphql-tag and codegen's documentNode mode
 * with locations produce. Either way the call site gets the result and variable types from the document.
 */
export type Doc<R, V> = DocumentTypeDecoration<R, V> & ({ toString(): string } | { kind: 'Document'; loc?: { source: { body: string } } })

/** The operation's text: a document string's own, a DocumentNode's source. */
export function sourceOf(doc: Doc<unknown, unknown>): string {
  if (typeof doc === 'object' && doc !== null && 'kind' in doc && doc.kind === 'Document') {
    const body = doc.loc?.source.body
    if (!body) throw new Error('GraphQL document without its source (loc); generate it with documentMode: string')
    return body
  }
  return String(doc)
}

const opName = (q: string) => /(?:query|mutation|subscription)\s+(\w+)/.exec(q)?.[1]

async function parse<T>(res: Response, quiet = false): Promise<T> {
  let body: { data?: T | null; errors?: GqlError[] } | undefined
  try {
    body = await res.json()
  } catch {
    throw new GraphQLRequestError(`HTTP ${res.status}`, undefined, res.status)
  }
  if (!quiet && res.status === 401 && body?.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') goLogin()
  if (body?.errors?.length) {
    const errors = body.errors.map((e) => ({ ...e, message: localMessage(e, lang.value) }))
    throw new GraphQLRequestError(errors.map((e) => e.message).join('; '), errors, res.status)
  }
  if (!res.ok || !body?.data) throw new GraphQLRequestError(`HTTP ${res.status}`, undefined, res.status)
  return body.data
}

/** The header that carries a write's idempotency key: the server answers a repeat with the first answer. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'

/** Whether the operation text is a mutation (a write), which gets an idempotency key and may be sent again. */
export const isMutation = (q: string) => /^\s*(#[^\n]*\n\s*)*mutation\b/.test(q)

/** A fresh key for one write: random, so that no two writes share one. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16)) // randomUUID needs a secure context; plain HTTP on a LAN has none
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
}

/** Waits before sending a write again after the network failed or the server was unavailable (a failover). */
export const WRITE_RETRY_DELAYS = [500, 1500, 3000]

/** Whether an answer's status means the request may not have reached a working server: send the write again. */
const unavailable = (status: number) => status === 502 || status === 503 || status === 504

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(t)
      reject(new DOMException('aborted', 'AbortError'))
    })
  })

/**
 * Send one operation; throws on HTTP errors and on a response with errors (quiet: without sending a 401 to sign-in).
 * A mutation carries an idempotency key, and is sent again with the same key when the network failed or the server
 * was unavailable: the server answers a repeat with the first answer, so a write that did land is never doubled.
 */
export async function gql<R, V>(doc: Doc<R, V>, variables: V, signal?: AbortSignal, quiet = false): Promise<R> {
  const query = sourceOf(doc as Doc<unknown, unknown>)
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' }
  const write = isMutation(query)
  if (write) headers[IDEMPOTENCY_HEADER] = newIdempotencyKey()
  const body = JSON.stringify({ query, variables: variables ?? {}, operationName: opName(query) })
  for (let attempt = 0; ; attempt++) {
    const last = !write || attempt >= WRITE_RETRY_DELAYS.length
    let res: Response
    try {
      res = await fetch('/graphql', { method: 'POST', headers, body, signal })
    } catch (e) {
      if (last || (e as Error).name === 'AbortError') throw e
      await sleep(WRITE_RETRY_DELAYS[attempt], signal)
      continue
    }
    if (!last && unavailable(res.status)) {
      await sleep(WRITE_RETRY_DELAYS[attempt], signal)
      continue
    }
    return parse<R>(res, quiet)
  }
}

/** Answers asked for before their page existed, by operation text and variables; each is taken once. */
const early = new Map<string, { at: number; answer: Promise<unknown> }>()
const earlyKey = (doc: Doc<unknown, unknown>, variables: unknown) => sourceOf(doc) + JSON.stringify(variables ?? {})

/**
 * Ask for a page's first data while the app is still starting (its code and the sign-in check still on the way),
 * so that on a slow network the answer is already here when the page's useQuery asks. A failed or unused early
 * answer is dropped, and useQuery asks again as usual.
 */
export function prefetch<R, V>(doc: Doc<R, V>, variables: V) {
  const answer = gql(doc, variables, undefined, true)
  answer.catch(() => undefined)
  early.set(earlyKey(doc as Doc<unknown, unknown>, variables), { at: Date.now(), answer })
}

/** The early answer for this operation and variables, if one was asked for in the last 20 s (taken once). */
function takeEarly<R, V>(doc: Doc<R, V>, variables: V): Promise<R> | undefined {
  const key = earlyKey(doc as Doc<unknown, unknown>, variables)
  const e = early.get(key)
  early.delete(key)
  return e && Date.now() - e.at < 20_000 ? (e.answer as Promise<R>) : undefined
}

/**
 * The GraphQL multipart request (operations + map + the file), with the custom
 * header the server requires so that a cross-site form cannot post an upload.
 */
export function uploadForm(query: string, variables: Record<string, unknown>, fileVar: string, file: Blob, fileName?: string): FormData {
  const fd = new FormData()
  fd.append('operations', JSON.stringify({ query, variables: { ...variables, [fileVar]: null }, operationName: opName(query) }))
  fd.append('map', JSON.stringify({ '0': [`variables.${fileVar}`] }))
  if (fileName !== undefined) fd.append('0', file, fileName)
  else fd.append('0', file)
  return fd
}

export const UPLOAD_HEADER = 'X-Wenming-Upload'

/** Send one operation with a file as the multipart request; throws like gql. */
export async function gqlUpload<R, V>(doc: Doc<R, V>, variables: Omit<V, 'file'>, fileVar: string, file: File): Promise<R> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { Accept: 'application/graphql-response+json, application/json', [UPLOAD_HEADER]: '1', [IDEMPOTENCY_HEADER]: newIdempotencyKey() },
    body: uploadForm(sourceOf(doc as Doc<unknown, unknown>), variables as Record<string, unknown>, fileVar, file, file.name),
  })
  return parse<R>(res)
}

/**
 * Send one operation with a file, reporting the upload's progress (bytes sent of the total): fetch cannot say how
 * far an upload has gone, so this one goes through XMLHttpRequest. Throws like gql.
 */
export function gqlUploadWithProgress<R, V>(
  doc: Doc<R, V>,
  variables: Omit<V, 'file'>,
  fileVar: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
): Promise<R> {
  // One key for the upload, kept if it is sent again: a repeat of an import that started answers with its job.
  const key = newIdempotencyKey()
  return new Promise<R>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/graphql')
    xhr.setRequestHeader('Accept', 'application/graphql-response+json, application/json')
    xhr.setRequestHeader(UPLOAD_HEADER, '1')
    xhr.setRequestHeader(IDEMPOTENCY_HEADER, key)
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size)
    xhr.onerror = () => reject(new GraphQLRequestError('network error'))
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status, headers: { 'Content-Type': 'application/json' } })
      parse<R>(res).then(resolve, reject)
    }
    xhr.send(uploadForm(sourceOf(doc as Doc<unknown, unknown>), variables as Record<string, unknown>, fileVar, file, file.name))
  })
}

export interface QueryState<T> {
  data: Ref<T | undefined>
  error: Ref<string | undefined>
  loading: Ref<boolean>
  reload: () => void
}

/**
 * Run a query now and again whenever the variables change or the global
 * refresh tick fires (big-screen auto-refresh). Stale responses are dropped.
 */
export function useQuery<R, V>(
  doc: Doc<R, V>,
  variables: () => V | null,
  deps: WatchSource[] = [],
): QueryState<R> {
  const data = shallowRef<R>()
  const error = ref<string>()
  const loading = ref(false)
  let seq = 0
  let ctrl: AbortController | undefined

  const run = async () => {
    const vars = variables()
    if (vars === null) return
    const mine = ++seq
    ctrl?.abort()
    ctrl = new AbortController()
    loading.value = true
    error.value = undefined
    try {
      const pre = takeEarly(doc, vars)
      const d = pre ? await pre.catch(() => gql(doc, vars, ctrl!.signal)) : await gql(doc, vars, ctrl.signal)
      if (mine === seq) data.value = d
    } catch (e) {
      if (mine === seq && (e as Error).name !== 'AbortError') error.value = (e as Error).message
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  watch([() => JSON.stringify(variables()), refreshTick, ...deps], run, { immediate: true })
  onScopeDispose(() => ctrl?.abort())
  return { data, error, loading, reload: run }
}
