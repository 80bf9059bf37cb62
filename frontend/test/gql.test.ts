// The GraphQL client takes typed documents: the generated document strings and, as long as it keeps its source,
// a TypedDocumentNode; the request carries the operation's text, name and variables.
import { parse } from 'graphql'
import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { effectScope, nextTick } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DeleteUnitDocument } from '../src/gql/DeleteUnit'
import { gql, prefetch, sourceOf, useQuery } from '../src/lib/gql'

function fakeFetch(data: unknown) {
  const calls: { url: string; body: { query: string; variables: unknown; operationName?: string } }[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) })
    return new Response(JSON.stringify({ data }), { status: 200, headers: { 'Content-Type': 'application/json' } })
  })
  return calls
}

afterEach(() => vi.unstubAllGlobals())

describe('gql', () => {
  it('sends a generated document with its name and variables, and returns the typed data', async () => {
    const calls = fakeFetch({ deleteUnit: { id: 'VW5pdDox' } })
    const d = await gql(DeleteUnitDocument, { id: 'VW5pdDox', expectedVersion: 3 })
    expect(calls[0].url).toBe('/graphql')
    expect(calls[0].body.operationName).toBe('DeleteUnit')
    expect(calls[0].body.query).toContain('mutation DeleteUnit')
    expect(calls[0].body.variables).toEqual({ id: 'VW5pdDox', expectedVersion: 3 })
    expect(d).toEqual({ deleteUnit: { id: 'VW5pdDox' } })
  })

  it('accepts a TypedDocumentNode that keeps its source', async () => {
    const doc = parse('query Ping { __typename }') as unknown as TypedDocumentNode<{ __typename: string }, Record<string, never>>
    const calls = fakeFetch({ __typename: 'Query' })
    const d = await gql(doc, {})
    expect(d.__typename).toBe('Query')
    expect(calls[0].body).toMatchObject({ query: 'query Ping { __typename }', operationName: 'Ping' })
  })

  it('refuses a DocumentNode without its source rather than send "[object Object]"', () => {
    const doc = parse('query Ping { __typename }', { noLocation: true }) as unknown as TypedDocumentNode<unknown, unknown>
    expect(() => sourceOf(doc)).toThrow(/source/)
  })
})

describe('prefetch', () => {
  const doc = parse('query Ping($n: Int) { __typename }') as unknown as TypedDocumentNode<{ __typename: string }, { n: number }>
  const settled = () => new Promise((r) => setTimeout(r, 0))

  it('answers the first useQuery with the same operation and variables without asking again', async () => {
    const calls = fakeFetch({ __typename: 'Query' })
    prefetch(doc, { n: 1 })
    const scope = effectScope()
    const q = scope.run(() => useQuery(doc, () => ({ n: 1 })))!
    await settled()
    await nextTick()
    expect(q.data.value).toEqual({ __typename: 'Query' })
    expect(calls).toHaveLength(1)
    scope.stop()
  })

  it('leaves a useQuery with other variables to ask for itself', async () => {
    const calls = fakeFetch({ __typename: 'Query' })
    prefetch(doc, { n: 2 })
    const scope = effectScope()
    scope.run(() => useQuery(doc, () => ({ n: 3 })))
    await settled()
    expect(calls.map((c) => c.body.variables)).toEqual([{ n: 2 }, { n: 3 }])
    scope.stop()
  })
})

describe('idempotency keys', () => {
  function scripted(answers: (number | 'network')[]) {
    const calls: { headers: Record<string, string>; body: string }[] = []
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      calls.push({ headers: init.headers as Record<string, string>, body: String(init.body) })
      const a = answers[Math.min(calls.length - 1, answers.length - 1)]
      if (a === 'network') throw new TypeError('Failed to fetch')
      const body = a === 200 ? { data: { deleteUnit: { id: 'VW5pdDox' } } } : { errors: [{ message: 'unavailable' }] }
      return new Response(JSON.stringify(body), { status: a, headers: { 'Content-Type': 'application/json' } })
    })
    return calls
  }

  it('a mutation carries a key, and is sent again with the same key after a network failure and a 503', async () => {
    vi.useFakeTimers()
    try {
      const calls = scripted(['network', 503, 200])
      const p = gql(DeleteUnitDocument, { id: 'VW5pdDox', expectedVersion: 3 })
      await vi.runAllTimersAsync()
      expect(await p).toEqual({ deleteUnit: { id: 'VW5pdDox' } })
      expect(calls).toHaveLength(3)
      const keys = calls.map((c) => c.headers['Idempotency-Key'])
      expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/)
      expect(new Set(keys).size).toBe(1)
      expect(new Set(calls.map((c) => c.body)).size).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('two writes get two keys, and a query gets none and is not sent again', async () => {
    const calls = scripted([200])
    await gql(DeleteUnitDocument, { id: 'VW5pdDox', expectedVersion: 3 })
    await gql(DeleteUnitDocument, { id: 'VW5pdDox', expectedVersion: 3 })
    expect(calls[0].headers['Idempotency-Key']).not.toBe(calls[1].headers['Idempotency-Key'])
    const q = parse('query Ping { __typename }') as unknown as TypedDocumentNode<{ __typename: string }, Record<string, never>>
    const failing = scripted([503])
    await expect(gql(q, {})).rejects.toThrow()
    expect(failing).toHaveLength(1)
    expect(failing[0].headers['Idempotency-Key']).toBeUndefined()
  })

  it('gives up after the last retry with the server\'s error', async () => {
    vi.useFakeTimers()
    try {
      const calls = scripted([503])
      const p = gql(DeleteUnitDocument, { id: 'VW5pdDox', expectedVersion: 3 })
      const done = expect(p).rejects.toThrow(/unavailable/)
      await vi.runAllTimersAsync()
      await done
      expect(calls).toHaveLength(4)
    } finally {
      vi.useRealTimers()
    }
  })
})
