// The forms of wishes, excellent cases, talent-pool members and meetings (formsc), driven through their state
// (useRecordEditor) and rendered on the server (renderToString) with gql mocked: create, edit with a field error
// beside its field, a stale-version conflict and the reload of the newer version, delete and restore. The client
// checks mirror db/article.go in the server's wording.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createSSRApp, effectScope, h } from 'vue'
import { renderToString } from '@vue/server-renderer'

vi.mock('../src/lib/gql', async (orig) => {
  const real = await orig<typeof import('../src/lib/gql')>()
  return { ...real, gql: vi.fn(), useQuery: vi.fn() }
})
import { gql, GraphQLRequestError, useQuery } from '../src/lib/gql'
import {
  caseDraft, caseInput, caseSpec, deleteArticleRecord, eventDraft, eventInput, eventSpec,
  talentDraft, talentInput, talentSpec, validateCase, validateEvent, validateTalent, validateWish,
  wishDraft, wishInput, wishSpec, type SaveResult, type WishRow,
} from '../src/lib/forms/articleSpecs'
import { auditHref, restoreFromBin, useRecordEditor, type RecordFormSpec, type Versioned } from '../src/lib/forms/recordEditor'
import WishForm from '../src/components/forms/WishForm.vue'
import TalentMemberForm from '../src/components/forms/TalentMemberForm.vue'
import CivilisationEventForm from '../src/components/forms/CivilisationEventForm.vue'
import ExcellentCaseForm from '../src/components/forms/ExcellentCaseForm.vue'
import { ref, shallowRef } from 'vue'

const mocked = vi.mocked(gql)
// focusFirstError looks the input up after a tick; there is no DOM here.
;(globalThis as { document?: unknown }).document = { getElementById: () => null, documentElement: {} }

const organ = { id: 'VW5pdDox', name: '青禾事务局（演示001）', kind: '机关', campus: false, serviceWindow: false }
const wish: WishRow = {
  id: 'V2lzaDox', title: '一套课桌椅', beneficiary: '某村', stage: 'CLAIMED', collectedOn: '2023-08-10', note: '', demo: true, version: 3,
  pairing: { id: 'UGFpcmluZzox', township: '某镇', unit: { name: '青禾事务局（演示001）' } }, claimedBy: organ,
}
const fieldError = (field: string, message: string) =>
  new GraphQLRequestError(message, [{ message, extensions: { code: 'BAD_USER_INPUT', field } }])
const conflictError = () => {
  const m = '该微心愿已被他人修改（当前版本 4，您提交的版本 3），请刷新后重试。'
  return new GraphQLRequestError(m, [{ message: m, extensions: { code: 'CONFLICT' } }])
}
const opName = (call: unknown[]) => /(?:query|mutation)\s+(\w+)/.exec(String(call[0]))?.[1]
const inScope = <T>(fn: () => T): T => effectScope().run(fn)!

beforeEach(() => {
  mocked.mockReset()
  vi.mocked(useQuery).mockReset()
  vi.mocked(useQuery).mockImplementation(() => ({ data: shallowRef(undefined), loading: ref(false), error: ref(undefined), reload: () => {} }) as never)
})

describe('audit link (wire)', () => {
  it('names the record when editing, so the audit page asks the server for its entries only', () => {
    expect(auditHref('WISH', wish.id, 'zh')).toEqual({ path: '/admin/audit', query: { entity: 'WISH', record: wish.id } })
    expect(auditHref('TALENT_MEMBER', undefined, 'en')).toEqual({ path: '/admin/audit', query: { entity: 'TALENT_MEMBER', lang: 'en' } })
  })
})

describe('client checks mirror db/article.go', () => {
  it('wish: names, stage and the claiming unit', () => {
    expect(validateWish(wishDraft(wish))).toEqual({})
    expect(validateWish({ ...wishDraft(null), title: ' ', beneficiary: '村', collectedOn: '2023-01-01' }).title).toBe('心愿内容不能为空')
    expect(validateWish({ ...wishDraft(wish), unit: null }).unitId).toBe('已认领或实施的心愿须填写认领单位')
    expect(validateWish({ ...wishDraft(wish), stage: 'PUBLISHED' }).unitId).toBe('心愿尚在征集或发布阶段，不应填写认领单位')
    expect(validateWish({ ...wishDraft(wish), collectedOn: '2023-02-30' }).collectedOn).toBe('日期格式应为 YYYY-MM-DD：2023-02-30')
    expect(validateWish({ ...wishDraft(wish), title: '字'.repeat(201) }).title).toBe('心愿内容不能超过 200 个字')
  })
  it('wish input keeps the pairing and drops the unit before 认领', () => {
    expect(wishInput(wishDraft(wish))).toEqual({
      title: '一套课桌椅', beneficiary: '某村', pairingId: 'UGFpcmluZzox', stage: 'CLAIMED', unitId: organ.id, collectedOn: '2023-08-10', note: '',
    })
  })
  it('case, talent member and event', () => {
    expect(validateCase(caseDraft(null)).compilationId).toBe('请选择所属汇编')
    expect(validateCase({ ...caseDraft(null, 'Qzox'), title: '案例', year: '1800' }).year).toBe('年份须在 1949 到 2100 之间，收到 1800')
    expect(caseInput({ ...caseDraft(null, 'Qzox'), title: ' 案例 ', year: '' })).toEqual({ compilationId: 'Qzox', title: '案例', unitId: null, year: null, summary: '' })
    expect(validateTalent({ ...talentDraft(null, 2024), name: '张三（演示）' }).roles).toMatch(/须至少选择一项/)
    expect(talentInput({ ...talentDraft(null, 2024), name: '张三（演示）', roles: ['ADVANCED_SELECTION', 'ONLINE_REVIEW'] }).roles).toEqual(['ONLINE_REVIEW', 'ADVANCED_SELECTION'])
    expect(validateEvent(eventDraft(null)).kind).toBe('请选择活动类型')
    expect(validateEvent({ kind: 'TRAINING', title: '培训班', date: '', place: '' })).toEqual({})
    expect(eventInput({ kind: 'TRAINING', title: '培训班', date: ' ', place: ' 省会 ' })).toEqual({ kind: 'TRAINING', title: '培训班', date: null, place: '省会' })
  })
})

// The same four steps for every kind: create, an edit refused with a field error, a stale edit reloaded and saved.
type AnySpec = RecordFormSpec<object, Versioned, SaveResult>
const cases: [string, AnySpec, () => object, string, string][] = [
  ['WISH', wishSpec as unknown as AnySpec, () => ({ ...wishDraft(null), title: '一台电脑', beneficiary: '某村', collectedOn: '2024-05-01' }), 'createWish', 'title'],
  ['EXCELLENT_CASE', caseSpec as unknown as AnySpec, () => ({ ...caseDraft(null, 'Q29tcDox'), title: '志愿服务进社区' }), 'createExcellentCase', 'title'],
  ['TALENT_MEMBER', talentSpec as unknown as AnySpec, () => ({ ...talentDraft(null, 2024), name: '李四（演示）', roles: ['SITE_VISIT'] }), 'createTalentMember', 'name'],
  ['CIVILISATION_EVENT', eventSpec as unknown as AnySpec, () => ({ kind: 'TRAINING', title: '业务培训班', date: '2024-06-01', place: '' }), 'createCivilisationEvent', 'title'],
]

describe.each(cases)('%s form', (entity, spec, draft, createField, nameField) => {
  it('creates a record', async () => {
    mocked.mockResolvedValueOnce({ [createField]: { id: 'X1', title: 'T', name: 'T', version: 1, demo: false } })
    const f = inScope(() => useRecordEditor(undefined, spec, { draft: draft() }))
    const r = await f.save()
    expect(r).toEqual({ id: 'X1', created: true, label: 'T', version: 1 })
    expect(opName(mocked.mock.calls[0])).toMatch(/^Create/)
    expect(mocked.mock.calls[0][1]).toHaveProperty('input')
  })
  it('does not send a draft that fails the client checks', async () => {
    const f = inScope(() => useRecordEditor(undefined, spec, { draft: { ...(draft() as object), [nameField]: '' } }))
    expect(await f.save()).toBeNull()
    expect(mocked).not.toHaveBeenCalled()
    expect(f.errorOf(nameField)).toMatch(/不能为空/)
  })
  it('shows the server field error beside its field on edit', async () => {
    mocked.mockRejectedValueOnce(fieldError(nameField, '服务端：名称不合规'))
    const f = inScope(() => useRecordEditor('X1', spec, { version: 2, draft: draft() }))
    expect(await f.save()).toBeNull()
    expect(opName(mocked.mock.calls[0])).toMatch(/^Update/)
    expect(mocked.mock.calls[0][1]).toMatchObject({ id: 'X1', expectedVersion: 2 })
    expect(f.errorOf(nameField)).toBe('服务端：名称不合规')
    expect(f.general.value).toBe('')
    f.touched(nameField)
    expect(f.errorOf(nameField)).toBeUndefined()
  })
  it('explains a stale version and saves on top of the newer one', async () => {
    mocked.mockRejectedValueOnce(conflictError())
    const f = inScope(() => useRecordEditor('X1', spec, { version: 2, draft: draft() }))
    expect(await f.save()).toBeNull()
    expect(f.conflict.value).toBe(true)
    mocked.mockReset()
    // The reload: the newer version comes back from the node query.
    const node = { WISH: { ...wish, title: '新标题', version: 4 }, EXCELLENT_CASE: { id: 'X1', title: '新标题', year: 2023, summary: '', demo: false, version: 4, compilation: { id: 'Q29tcDox', title: '汇编' }, unit: null },
      TALENT_MEMBER: { id: 'X1', name: '新标题', sinceYear: 2022, roles: ['SITE_VISIT'], demo: true, version: 4, unit: organ },
      CIVILISATION_EVENT: { id: 'X1', kind: 'TRAINING', title: '新标题', date: null, dated: false, place: '', quote: '', demo: false, version: 4, source: null } }[entity]
    mocked.mockResolvedValueOnce({ node })
    await f.reloadLatest()
    expect(opName(mocked.mock.calls[0])).toMatch(/ForEdit$/)
    expect(f.conflict.value).toBe(false)
    expect(f.version.value).toBe(4)
    expect((f.draft as Record<string, unknown>)[nameField]).toBe('新标题')
    expect(f.reloadedNote.value).toMatch(/版本 4/)
    mocked.mockResolvedValueOnce({ [createField.replace('create', 'update')]: { id: 'X1', title: '新标题', name: '新标题', version: 5, demo: false } })
    expect(await f.save()).toEqual({ id: 'X1', created: false, label: '新标题', version: 5 })
    expect(mocked.mock.calls[1][1]).toMatchObject({ expectedVersion: 4 })
  })
  it('deletes to the recycle bin and restores', async () => {
    mocked.mockResolvedValueOnce({ [createField.replace('create', 'delete')]: { id: 'BIN9', entity, recordId: 'X1', deletedAt: 'now' } })
    const bin = await deleteArticleRecord(entity as never, 'X1', 4)
    expect(bin).toBe('BIN9')
    expect(opName(mocked.mock.calls[0])).toMatch(/^Delete/)
    expect(mocked.mock.calls[0][1]).toEqual({ id: 'X1', expectedVersion: 4 })
    mocked.mockResolvedValueOnce({ restoreRecord: { id: 'BIN9', entity, recordId: 'X1', restoredAt: 'now' } })
    expect(await restoreFromBin(bin)).toBe('X1')
    expect(opName(mocked.mock.calls[1])).toBe('RestoreRecord')
    expect(mocked.mock.calls[1][1]).toEqual({ id: 'BIN9' })
  })
})

describe('rendered forms', () => {
  const render = (c: object, props: Record<string, unknown>) => renderToString(createSSRApp({ render: () => h(c as never, props) }))
  it('the wish form shows its fields, the kept pairing and the demo note', async () => {
    const html = await render(WishForm, { wish })
    for (const f of ['title', 'beneficiary', 'collectedOn', 'stage', 'pairingId', 'note']) expect(html).toContain(`data-field="${f}"`)
    expect(html).toContain('data-form="wish"')
    expect(html).toContain('data-version="3"')
    expect(html).toContain('某镇')
    expect(html).toContain('data-demo-note')
  })
  it('a new talent member offers the three roles; events say the date may stay empty', async () => {
    const t = await render(TalentMemberForm, { member: null })
    for (const r of ['ONLINE_REVIEW', 'SITE_VISIT', 'ADVANCED_SELECTION']) expect(t).toContain(`data-role-option="${r}"`)
    expect(t).not.toContain('data-demo-note')
    const e = await render(CivilisationEventForm, { event: { id: 'E1', kind: 'TRAINING', title: '培训', date: null, place: '', quote: '原文', demo: false, version: 1 } })
    expect(e).toContain('data-quote-note')
    expect(e).toContain('不知道就不填')
    const c = await render(ExcellentCaseForm, { item: null, compilationId: 'Q29tcDox' })
    expect(c).toContain('data-field="compilationId"')
  })
})
