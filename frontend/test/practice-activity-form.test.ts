// PracticeActivityForm: create (with the optional 六大行动), edit with the server's field error, a stale version,
// delete and restore — with gql() mocked.
import { describe, expect, it, vi } from 'vitest'
import { restoreFromBin, useRecordEditor } from '../src/lib/forms/recordEditor'
import { practiceActivityInput, practiceActivitySpec, validatePracticeActivity, type PracticeActivityDraft } from '../src/lib/forms/campaignAndPracticeSpecs'
import PracticeActivityForm from '../src/components/forms/PracticeActivityForm.vue'
import { badInput, render, script, stale } from './support/record-form-server'

vi.mock('../src/lib/gql', async (orig) => ({ ...(await orig<typeof import('../src/lib/gql')>()), gql: vi.fn() }))

const ID = 'UHJhY3RpY2VBY3Rpdml0eTo4'
const unit = { id: 'VW5pdDox', name: '青禾事务局（演示001）', kind: '机关', campus: false, serviceWindow: false }
const blank = (): PracticeActivityDraft => ({ unit: null, centerId: '', date: '', kind: 'ROUTINE', theme: '', sessions: '1', participants: '', action: '' })
const spec = practiceActivitySpec(blank)
const stored = (v: number, p: Record<string, unknown> = {}) => ({
  id: ID, version: v, demo: true, date: '2024-05-10', kind: 'PROMOTION_WEEK', theme: '推动周宣讲', sessions: 2, participants: 120, action: 'THEORY', unit, center: null, ...p,
})
const answer = (v: number) => ({ id: ID, date: '2024-05-10', theme: '推动周宣讲', version: v })

describe('PracticeActivityForm', () => {
  it('checks like PracticeActivityFields.Validate (the unnamed actions cannot be chosen)', () => {
    const e = validatePracticeActivity({ ...blank(), unit, date: '2024-02-30', theme: ' ', sessions: '0', participants: '-1', action: 'UNNAMED_5' })
    expect(e).toEqual({
      date: '日期格式应为 YYYY-MM-DD：2024-02-30',
      theme: '请填写活动主题',
      sessions: '场次至少为 1，收到 0',
      participants: '参与人次不能为负数：-1',
      action: '原文只列出四项行动的名称，另两项未具名，不可选',
    })
    expect(validatePracticeActivity({ ...blank(), unit, date: '2024-01-01', theme: 'x', sessions: '1.5', participants: '3' }).sessions).toBe('场次须为整数')
  })

  it('creates an activity; no action is sent as null (未归类)', async () => {
    const calls = script({ CreatePracticeActivity: () => ({ createPracticeActivity: answer(1) }) })
    const f = useRecordEditor(undefined, spec)
    Object.assign(f.draft, { unit, date: '2024-05-10', kind: 'PROMOTION_WEEK', theme: ' 推动周宣讲 ', sessions: '2', participants: '120', action: 'THEORY' })
    expect((await f.save())?.message).toBe('已新增「2024-05-10 推动周宣讲」。')
    expect(calls[0].vars.input).toEqual({
      unitId: unit.id, centerId: null, date: '2024-05-10', kind: 'PROMOTION_WEEK', theme: '推动周宣讲', sessions: 2, participants: 120, action: 'THEORY',
    })
    expect(practiceActivityInput({ ...f.draft, action: '' } as PracticeActivityDraft).action).toBeNull()
  })

  it('edits: the server field error stands beside its field', async () => {
    script({ PracticeActivityForEdit: () => ({ node: stored(1) }), UpdatePracticeActivity: () => { throw badInput('participants', '参与人次过大：3000000000') } })
    const f = useRecordEditor(ID, spec)
    await f.load()
    expect(f.draft).toMatchObject({ action: 'THEORY', sessions: '2', participants: '120', centerId: '' })
    expect(await f.save()).toBeNull()
    expect(f.errorOf('participants')).toBe('参与人次过大：3000000000')
  })

  it('a stale version: explained, the newer version offered and saved at it', async () => {
    let v = 1
    const calls = script({
      PracticeActivityForEdit: () => ({ node: stored(v, { action: v > 1 ? null : 'THEORY' }) }),
      UpdatePracticeActivity: (x) => {
        if (x.expectedVersion !== v) throw stale('活动', v, x.expectedVersion as number)
        return { updatePracticeActivity: answer(v + 1) }
      },
    })
    const f = useRecordEditor(ID, spec)
    await f.load()
    v = 2
    expect(await f.save()).toBeNull()
    expect(f.conflict.value).toBe(true)
    await f.reloadLatest()
    expect(f.draft.action).toBe('')
    expect((await f.save())?.message).toMatch(/版本 3/)
    expect(calls.at(-1)!.vars).toMatchObject({ expectedVersion: 2, input: { action: null } })
  })

  it('deletes to the recycle bin and restores', async () => {
    const calls = script({
      PracticeActivityForEdit: () => ({ node: stored(6) }),
      DeletePracticeActivity: () => ({ deletePracticeActivity: { id: 'bin-4', recordId: ID } }),
      RestoreRecord: () => ({ restoreRecord: { id: 'bin-4', entity: 'PRACTICE_ACTIVITY', recordId: ID, restoredAt: 'x' } }),
    })
    const f = useRecordEditor(ID, spec)
    await f.load()
    expect((await f.remove())?.id).toBe('bin-4')
    expect(calls[1].vars).toEqual({ id: ID, expectedVersion: 6 })
    expect(await restoreFromBin('bin-4')).toBe(ID)
  })

  it('renders every field, the action among them', async () => {
    script({ PracticeCenterOptions: () => ({ practiceCenters: [] }) })
    const html = await render(PracticeActivityForm)
    for (const f of ['theme', 'date', 'kind', 'sessions', 'participants', 'centerId', 'action']) expect(html).toContain(`data-field="${f}"`)
    expect(html).not.toContain('value="UNNAMED_5"')
  })
})
