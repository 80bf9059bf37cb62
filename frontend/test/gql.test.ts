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
