// PracticeLinkForm: create, edit with the server's field error, a stale version, a duplicate link beside the
// centre, delete and restore — with gql() mocked.
import { describe, expect, it, vi } from 'vitest'
import { restoreFromBin, useRecordEditor } from '../src/lib/forms/recordEditor'
import { practiceLinkSpec, validatePracticeLink } from '../src/lib/forms/campaignAndPracticeSpecs'
import PracticeLinkForm from '../src/components/forms/PracticeLinkForm.vue'
import { badInput, conflict, render, script, stale } from './support/record-form-server'

vi.mock('../src/lib/gql', async (orig) => ({ ...(await orig<typeof import('../src/lib/gql')>()), gql: vi.fn() }))

const ID = 'UHJhY3RpY2VMaW5rOjM='
const unit = { id: 'VW5pdDox', name: '青禾事务局（演示001）', kind: '机关', campus: false, serviceWindow: false }
const center = { id: 'UHJhY3RpY2VDZW50ZXI6MQ==', name: '兰考县新时代文明实践中心', county: '兰考县' }
const spec = practiceLinkSpec(() => ({ unit: null, centerId: '', sinceYear: '2024' }))
const stored = (v: number, p: Record<string, unknown> = {}) => ({ id: ID, version: v, demo: false, sinceYear: 2020, unit, center, ...p })
const answer = (v: number) => ({ id: ID, sinceYear: 2021, version: v, unit: { id: unit.id, name: unit.name }, center: { id: center.id, name: center.name } })

describe('PracticeLinkForm', () => {
  it('checks like PracticeLinkFields.Validate', () => {
    expect(validatePracticeLink({ unit: null, centerId: '', sinceYear: '1900' })).toEqual({
      unitId: '请选择单位', centerId: '请选择实践中心', sinceYear: '年份须在 1949 到 2100 之间，收到 1900',
    })
  })

  it('creates a link', async () => {
    const calls = script({ CreatePracticeLink: () => ({ createPracticeLink: answer(1) }) })
    const f = useRecordEditor(undefined, spec)
    Object.assign(f.draft, { unit, centerId: center.id, sinceYear: '2021' })
    expect(await f.save()).toBe(`已新增「${unit.name} — ${center.name}」。`)
    expect(calls[0].vars).toEqual({ input: { unitId: unit.id, centerId: center.id, sinceYear: 2021 } })
  })

  it('edits: a server field error beside its field; a duplicate CONFLICT beside the centre', async () => {
    let fail: Error = badInput('sinceYear', '年份须在 1949 到 2100 之间，收到 2101')
    script({ PracticeLinkForEdit: () => ({ node: stored(1) }), UpdatePracticeLink: () => { throw fail } })
    const f = useRecordEditor(ID, spec)
    await f.load()
    expect(f.draft).toMatchObject({ unit, centerId: center.id, sinceYear: '2020' })
    expect(await f.save()).toBeNull()
    expect(f.errorOf('sinceYear')).toBe('年份须在 1949 到 2100 之间，收到 2101')
    fail = conflict('该单位与该实践中心的联系已存在')
    expect(await f.save()).toBeNull()
    expect(f.conflict.value).toBe(false)
    expect(f.errorOf('centerId')).toBe('该单位与该实践中心的联系已存在')
  })

  it('a stale version: explained, the newer version offered', async () => {
    let v = 1
    script({
      PracticeLinkForEdit: () => ({ node: stored(v, { sinceYear: 2019 + v }) }),
      UpdatePracticeLink: (x) => {
        if (x.expectedVersion !== v) throw stale('联系', v, x.expectedVersion as number)
        return { updatePracticeLink: answer(v + 1) }
      },
    })
    const f = useRecordEditor(ID, spec)
    await f.load()
    v = 2
    expect(await f.save()).toBeNull()
    expect(f.conflict.value).toBe(true)
    await f.reloadLatest()
    expect(f.draft.sinceYear).toBe('2021')
    expect(await f.save()).toMatch(/版本 3/)
  })

  it('deletes to the recycle bin and restores', async () => {
    const calls = script({
      PracticeLinkForEdit: () => ({ node: stored(3) }),
      DeletePracticeLink: () => ({ deletePracticeLink: { id: 'bin-2', recordId: ID } }),
      RestoreRecord: () => ({ restoreRecord: { id: 'bin-2', entity: 'PRACTICE_LINK', recordId: ID, restoredAt: 'x' } }),
    })
    const f = useRecordEditor(ID, spec)
    await f.load()
    expect(await f.remove()).toEqual({ id: 'bin-2', recordId: ID })
    expect(calls[1].vars).toEqual({ id: ID, expectedVersion: 3 })
    expect(await restoreFromBin('bin-2')).toBe(ID)
  })

  it('renders for a unit page (unit-id) with unit, centre and year', async () => {
    script({ PracticeCenterOptions: () => ({ practiceCenters: [] }) })
    const html = await render(PracticeLinkForm, { unitId: unit.id })
    expect(html).toContain('id="lf-unit"')
    expect(html).toContain('data-field="centerId"')
    expect(html).toContain('data-field="sinceYear"')
  })
})
