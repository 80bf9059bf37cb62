// A small GraphQL client: POST /graphql with JSON, typed by the caller.
import { onScopeDispose, ref, shallowRef, watch, type Ref, type WatchSource } from 'vue'
import { refreshTick } from './state'

export class GraphQLRequestError extends Error {
  constructor(message: string, public readonly details?: unknown) {
    super(message)
  }
}

const opName = (q: string) => /(?:query|mutation)\s+(\w+)/.exec(q)?.[1]

/** Send one operation; throws on HTTP errors and on a response with errors. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables, operationName: opName(query) }),
    signal,
  })
  let body: { data?: T; errors?: { message: string }[] } | undefined
  try {
    body = await res.json()
  } catch {
    throw new GraphQLRequestError(`HTTP ${res.status}`)
  }
  if (body?.errors?.length) {
    throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), body.errors)
  }
  if (!res.ok || !body?.data) throw new GraphQLRequestError(`HTTP ${res.status}`)
  return body.data
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
export function useQuery<T>(
  query: string,
  variables: () => Record<string, unknown> | null,
  deps: WatchSource[] = [],
): QueryState<T> {
  const data = shallowRef<T>()
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
      const d = await gql<T>(query, vars, ctrl.signal)
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

/** Fetch every page of a Relay connection (for exports), capped for safety. */
export async function fetchAll<N>(
  query: string,
  variables: Record<string, unknown>,
  field: string,
  cap = 5000,
): Promise<N[]> {
  const out: N[] = []
  let after: string | null = null
  for (;;) {
    type Conn = { edges: { node: N }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
    const d: Record<string, Conn> = await gql<Record<string, Conn>>(query, { ...variables, first: 100, after })
    const conn: Conn = d[field]
    out.push(...conn.edges.map((e) => e.node))
    if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor || out.length >= cap) break
    after = conn.pageInfo.endCursor
  }
  return out
}
