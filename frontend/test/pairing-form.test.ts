// PairingForm: create with its 「四送一助力」 contents, edit with the server's field error, a stale version, a delete
// refused while 微心愿 name the pairing (explained), delete and restore — with gql() mocked.
import { describe, expect, it, vi } from 'vitest'
import { restoreFromBin, useRecordEditor } from '../src/lib/forms/recordEditor'
import { isPairingInUse, pairingInput, pairingSpec, validatePairing, type PairingDraft } from '../src/lib/forms/campaignAndPracticeSpecs'
import PairingForm from '../src/components/forms/PairingForm.vue'
import { badInput, conflict, render, script, stale } from './support/record-form-server'

vi.mock('../src/lib/gql', async (orig) => ({ ...(await orig<typeof import('../src/lib/gql')>()), gql: vi.fn() }))

const ID = 'UGFpcmluZzo1'
const unit = { id: 'VW5pdDox', name: '青禾事务局（演示001）', kind: '机关', campus: false, serviceWindow: false }
const blank = (): PairingDraft => ({ unit: null, township: '', centerId: '', sinceYear: '2024', contents: [] })
const spec = pairingSpec(blank)
const stored = (v: number, p: Record<string, unknown> = {}) => ({
  id: ID, version: v, demo: true, township: '演示乡', sinceYear: 2021, contents: ['POLICY', 'HEALTH'], unit, center: null, ...p,
})

describe('PairingForm', () => {
  it('checks like PairingFields.Validate and sends the contents in the article order', () => {
    expect(validatePairing({ ...blank(), township: ' ', sinceYear: '' })).toEqual({ unitId: '请选择单位', township: '请填写乡镇', sinceYear: '请填写开始年份' })
    expect(pairingInput({ ...blank(), unit, township: ' 某乡 ', contents: ['RURAL_REVITALISATION', 'POLICY'] })).toEqual({
      unitId: unit.id, township: '某乡', centerId: null, sinceYear: 2024, contents: ['POLICY', 'RURAL_REVITALISATION'],
    })
  })

  it('creates a pairing with its contents', async () => {
    const calls = script({ CreatePairing: () => ({ createPairing: { id: ID, township: '某乡', version: 1 } }) })
    const f = useRecordEditor(undefined, spec)
    Object.assign(f.draft, { unit, township: '某乡', sinceYear: '2022', contents: ['WARMTH', 'CULTURE'] })
    expect(await f.save()).toBe(`已新增「${unit.name} — 某乡」。`)
    expect(calls[0].vars.input).toMatchObject({ contents: ['CULTURE', 'WARMTH'], sinceYear: 2022 })
  })

  it('edits: the server refuses a real centre for a demo pairing, beside the centre', async () => {
    const msg = '演示结对记录的乡镇为虚构，不能归入真实的县级实践中心'
    script({ PairingForEdit: () => ({ node: stored(1) }), UpdatePairing: () => { throw badInput('centerId', msg) } })
    const f = useRecordEditor(ID, spec)
    await f.load()
    expect(f.draft.contents).toEqual(['POLICY', 'HEALTH'])
    f.draft.centerId = 'UHJhY3RpY2VDZW50ZXI6MQ=='
    expect(await f.save()).toBeNull()
    expect(f.errorOf('centerId')).toBe(msg)
  })

  it('a stale version: explained, the newer version offered', async () => {
    let v = 1
    script({
      PairingForEdit: () => ({ node: stored(v, { contents: v > 1 ? ['WARMTH'] : ['POLICY'] }) }),
      UpdatePairing: (x) => {
        if (x.expectedVersion !== v) throw stale('结对帮创', v, x.expectedVersion as number)
        return { updatePairing: { id: ID, township: '演示乡', version: v + 1 } }
      },
    })
    const f = useRecordEditor(ID, spec)
    await f.load()
    v = 2
    expect(await f.save()).toBeNull()
    expect(f.conflict.value).toBe(true)
    await f.reloadLatest()
    expect(f.draft.contents).toEqual(['WARMTH'])
    expect(await f.save()).toMatch(/版本 3/)
  })

  it('a delete refused while wishes name the pairing keeps the server words and is recognised', async () => {
    const msg = '该结对帮创仍被以下记录引用：微心愿 2 条。请先删除或改挂这些记录。'
    script({ PairingForEdit: () => ({ node: stored(2) }), DeletePairing: () => { throw conflict(msg) } })
    const f = useRecordEditor(ID, spec)
    await f.load()
    expect(await f.remove()).toBeNull()
    expect(f.conflict.value).toBe(false)
    expect(f.refused.value).toBe(msg)
    expect(f.general.value).toBe(msg)
    expect(isPairingInUse(f.refused.value)).toBe(true)
    expect(isPairingInUse('该结对帮创已被他人修改（当前版本 3，您提交的版本 2），请刷新后重试。')).toBe(false)
  })

  it('deletes to the recycle bin and restores', async () => {
    const calls = script({
      PairingForEdit: () => ({ node: stored(2) }),
      DeletePairing: () => ({ deletePairing: { id: 'bin-5', recordId: ID } }),
      RestoreRecord: () => ({ restoreRecord: { id: 'bin-5', entity: 'PAIRING', recordId: ID, restoredAt: 'x' } }),
    })
    const f = useRecordEditor(ID, spec)
    await f.load()
    expect((await f.remove())?.id).toBe('bin-5')
    expect(calls[1].vars).toEqual({ id: ID, expectedVersion: 2 })
    expect(await restoreFromBin('bin-5')).toBe(ID)
  })

  it('renders the five contents as checkboxes', async () => {
    script({ PracticeCenterOptions: () => ({ practiceCenters: [] }) })
    const html = await render(PairingForm)
    for (const c of ['POLICY', 'CULTURE', 'HEALTH', 'WARMTH', 'RURAL_REVITALISATION']) expect(html).toContain(`data-field="contents-${c}"`)
    expect(html).toContain('送政策')
  })
})
