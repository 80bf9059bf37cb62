// Shared by the campaign, donation, pairing and practice form tests (test/*-form.test.ts): a scripted gql() (each
// test file mocks ../src/lib/gql and keeps the rest of the module real), the server's error shapes, and a server-side render of a form component.
import { vi } from 'vitest'
import { createSSRApp, type Component } from 'vue'
import { renderToString } from '@vue/server-renderer'
import { gql, GraphQLRequestError, sourceOf } from '../../src/lib/gql'

// lib/recordForm.ts focuses the first field in error after a tick; there is no DOM here.
const g = globalThis as { document?: unknown }
g.document ??= { getElementById: () => null }

export interface Call {
  op: string
  vars: Record<string, unknown>
}
type Handler = (vars: Record<string, unknown>) => unknown

/** script answers each operation by name (a handler may throw a GraphQLRequestError) and records every call. */
export function script(handlers: Record<string, Handler>): Call[] {
  const calls: Call[] = []
  vi.mocked(gql).mockImplementation((async (doc: unknown, vars: Record<string, unknown>) => {
    const op = /(?:query|mutation)\s+(\w+)/.exec(sourceOf(doc as never))![1]
    calls.push({ op, vars })
    const h = handlers[op]
    if (!h) throw new Error(`unexpected operation ${op}`)
    return h(vars ?? {})
  }) as never)
  return calls
}

/** The server's field error (BAD_USER_INPUT with extensions.field). */
export const badInput = (field: string, message: string) =>
  new GraphQLRequestError(message, [{ message, extensions: { code: 'BAD_USER_INPUT', field } }])
/** The server's CONFLICT. */
export const conflict = (message: string) => new GraphQLRequestError(message, [{ message, extensions: { code: 'CONFLICT' } }])
/** The stale-version CONFLICT as db writes it. */
export const stale = (what: string, current: number, sent: number) => conflict(`该${what}已被他人修改（当前版本 ${current}，您提交的版本 ${sent}），请刷新后重试。`)

/** render draws a form component on the server side (no DOM): its fields, labels and data attributes. */
export async function render(c: Component, props: Record<string, unknown> = {}): Promise<string> {
  const app = createSSRApp(c, props)
  app.config.warnHandler = () => {}
  const ctx: { teleports?: Record<string, string> } = {}
  const html = await renderToString(app, ctx)
  return html + Object.values(ctx.teleports ?? {}).join('')
}
