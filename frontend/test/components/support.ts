// Shared by the mounted form tests (test/components/*.test.ts, happy-dom): a scripted server behind `fetch`, so that
// the components and lib/gql.ts run as they do in the browser, and DOM helpers that fill fields like a user would.
import { flushPromises, mount, RouterLinkStub, type VueWrapper } from '@vue/test-utils'
import { expect, vi } from 'vitest'
import type { Component } from 'vue'
import { me } from '../../src/lib/auth'

/** One GraphQL request the form sent: its operation name and variables. */
export interface Call {
  op: string
  vars: Record<string, unknown>
}

/** What a handler answers: the operation's data, or an `errors` body made by fieldError/staleError/conflictError. */
export type Handler = (vars: Record<string, unknown>) => unknown

interface ErrorBody {
  errors: { message: string; extensions: Record<string, unknown> }[]
}
const isErrorBody = (v: unknown): v is ErrorBody => typeof v === 'object' && v !== null && Array.isArray((v as ErrorBody).errors)

/** The server's field error: BAD_USER_INPUT with extensions.field, Chinese message and English messageEn. */
export const fieldError = (field: string, message: string): ErrorBody => ({
  errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field, messageEn: `${field} is invalid` } }],
})
/** The stale-version CONFLICT as db writes it. */
export const staleError = (what: string, current: number, sent: number): ErrorBody => ({
  errors: [{ message: `该${what}已被他人修改（当前版本 ${current}，您提交的版本 ${sent}），请刷新后重试。`, extensions: { code: 'CONFLICT' } }],
})

/** The operation of a request: its JSON body, or the operations part of a multipart upload (the file as null). */
function requestBody(init: RequestInit): { operationName: string; variables: Record<string, unknown> } {
  if (init.body instanceof FormData) return JSON.parse(String(init.body.get('operations')))
  return JSON.parse(String(init.body))
}

/** A scripted GraphQL server: answers each operation by name and records every request. */
export class Server {
  readonly calls: Call[] = []
  constructor(private handlers: Record<string, Handler> = {}) {
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => this.answer(requestBody(init))))
  }
  /** on replaces (or adds) the handler of one operation. */
  on(op: string, h: Handler): this {
    this.handlers[op] = h
    return this
  }
  /** The variables of every call of one operation, in order. */
  sent(op: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.op === op).map((c) => c.vars)
  }
  /** The variables of the last call of one operation (fails the test when there was none). */
  last(op: string): Record<string, unknown> {
    const s = this.sent(op)
    expect(s.length, `${op} was not sent; sent: ${this.calls.map((c) => c.op).join(', ')}`).toBeGreaterThan(0)
    return s[s.length - 1]
  }
  private answer(body: { operationName: string; variables: Record<string, unknown> }): Response {
    const op = body.operationName
    this.calls.push({ op, vars: body.variables })
    const h = this.handlers[op]
    const out = h ? h(body.variables) : { errors: [{ message: `unexpected operation ${op}`, extensions: { code: 'TEST' } }] }
    return new Response(JSON.stringify(isErrorBody(out) ? out : { data: out }), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }
}

const mounted: VueWrapper[] = []
/**
 * cleanup runs after every test (test/components/setup.ts): unmount first, so that a UnitPicker's pending search timer
 * is cleared before fetch is unstubbed; then nobody is signed in and the document is empty again.
 */
export function cleanup() {
  for (const w of mounted.splice(0)) w.unmount()
  vi.unstubAllGlobals()
  me.value = undefined
  document.body.innerHTML = ''
}

/** signIn sets who is signed in (restore from the recycle bin is for admins). */
export function signIn(role: 'EDITOR' | 'ADMIN' = 'ADMIN') {
  me.value = { user: { username: 'tester', displayName: 'Tester', role }, role, via: 'session', anonymousRead: false }
}

/** mountForm mounts a form in the document (focus and getElementById work) and waits for its first queries. */
export async function mountForm<C extends Component>(c: C, props: Record<string, unknown> = {}): Promise<VueWrapper> {
  const w = mount(c as Component, { props, attachTo: document.body, global: { stubs: { RouterLink: RouterLinkStub } } })
  mounted.push(w)
  await settle()
  return w
}

/** settle lets the pending requests answer and the DOM update. */
export async function settle() {
  for (let i = 0; i < 3; i++) await flushPromises()
}

/** fill sets the value of the control with data-field="<field>" (input, select or textarea) like a user. */
export async function fill(w: VueWrapper, field: string, value: string | boolean) {
  const el = w.find(`[data-field="${field}"]`)
  expect(el.exists(), `no control for ${field}`).toBe(true)
  await el.setValue(value)
}

/** pickUnit types into a UnitPicker, asks for the results (ArrowDown) and chooses the unit with that name. */
export async function pickUnit(w: VueWrapper, inputId: string, name: string) {
  const input = w.find(`#${inputId}`)
  await input.setValue(name.slice(0, 2))
  await input.trigger('keydown', { key: 'ArrowDown' })
  await settle()
  await w.find(`[data-unit="${name}"]`).trigger('mousedown')
}

/** submit submits the form and waits for the server's answer. */
export async function submit(w: VueWrapper) {
  await w.find('form').trigger('submit')
  await settle()
}

/** click clicks the element matching the selector and waits. */
export async function click(w: VueWrapper, selector: string) {
  const el = w.find(selector)
  expect(el.exists(), `no ${selector}`).toBe(true)
  await el.trigger('click')
  await settle()
}

/** value is the current value of the control with data-field="<field>". */
export const value = (w: VueWrapper, field: string) => (w.find(`[data-field="${field}"]`).element as HTMLInputElement).value

/** expectFieldError: the message beside the field (data-error-for) and aria-invalid on its control. */
export function expectFieldError(w: VueWrapper, field: string, message: string, control = `[data-field="${field}"]`) {
  expect(w.find(`[data-error-for="${field}"]`).text()).toBe(message)
  expect(w.find(control).attributes('aria-invalid')).toBe('true')
}

/** A unit as UnitSearch and the ForEdit queries return it. */
export const UNIT = { id: 'VW5pdDox', name: '青禾事务局（演示001）', kind: '机关', campus: false, serviceWindow: false }

/** The UnitSearch answer offering UNIT. */
export const unitSearch = () => ({ units: { totalCount: 1, edges: [{ node: UNIT }] } })

/** The recycle-bin entry a delete mutation answers with. */
export const binEntry = (entity: string, recordId: string) => ({ id: 'RGVsZXRlZFJlY29yZDo5', entity, recordId, deletedAt: '2026-11-30T14:00:00Z' })
/** The restoreRecord answer. */
export const restored = (entity: string, recordId: string) => ({ restoreRecord: { id: 'RGVsZXRlZFJlY29yZDo5', entity, recordId, restoredAt: '2026-11-30T14:01:00Z' } })

/**
 * deleteAndRestore runs the delete bar of a record form (people, assessments, targets, weights): 删除… asks first,
 * confirming sends the delete mutation, then an admin's 恢复 sends restoreRecord with the bin entry's ID.
 */
export async function deleteAndRestore(w: VueWrapper, srv: Server, deleteOp: string, vars: Record<string, unknown>) {
  await click(w, '[data-action="delete-record"]')
  expect(srv.sent(deleteOp), 'a delete must ask first').toEqual([])
  await click(w, '[data-action="confirm-delete"]')
  expect(srv.last(deleteOp)).toEqual(vars)
  expect(w.emitted('deleted')).toHaveLength(1)
  expect(w.find('[data-deleted-note]').exists()).toBe(true)
  await click(w, '[data-action="restore-record"]')
  expect(srv.last('RestoreRecord')).toEqual({ id: binEntry('', '').id })
  expect(w.find('[data-deleted-note]').exists()).toBe(false)
  expect(w.emitted('saved')).toHaveLength(1)
}

/**
 * deleteThenRestore runs the delete of the 专项行动/捐赠/实践/结对 forms (RecordFormShell): 删除… asks first, confirming
 * sends the delete mutation with the version and emits `deleted` with the bin entry; then the DeletedNotice the
 * page shows offers an admin 恢复, which sends restoreRecord with that bin entry.
 */
export async function deleteThenRestore(w: VueWrapper, srv: Server, name: string, deleteOp: string, vars: Record<string, unknown>) {
  await click(w, `[data-action="delete-${name}"]`)
  expect(srv.sent(deleteOp), 'a delete must ask first').toEqual([])
  await click(w, '[data-action="confirm-delete"]')
  expect(srv.last(deleteOp)).toEqual(vars)
  const [message, binId] = (w.emitted('deleted')?.[0] ?? []) as [string, string]
  expect(binId).toBe(BIN_ID)
  signIn('ADMIN')
  const { default: DeletedNotice } = await import('../../src/components/forms/DeletedNotice.vue')
  srv.on('RestoreRecord', () => restored('', String(vars.id)))
  const n = await mountForm(DeletedNotice, { message, binId })
  expect(n.text()).toContain(message)
  await click(n, '[data-action="restore-deleted"]')
  expect(srv.last('RestoreRecord')).toEqual({ id: BIN_ID })
  expect(n.emitted('restored')).toHaveLength(1)
}
/** The ID of the recycle-bin entry the delete mutations answer with. */
export const BIN_ID = 'RGVsZXRlZFJlY29yZDo5'
/** A delete answer of the 专项行动/捐赠/实践/结对 kinds. */
export const binOf = (recordId: string) => ({ id: BIN_ID, recordId })
/** The practice centres the centre select offers. */
export const CENTER = { id: 'UHJhY3RpY2VDZW50ZXI6MQ==', name: '兰考县新时代文明实践中心', county: '兰考县', prefecture: '开封市', identified: true }
export const centers = () => ({ practiceCenters: [CENTER] })
