// The people, assessment, target and ranking-weight forms against a mocked GraphQL layer: each form's controller
// (useRecordEditor with each kind's RecordFormSpec, lib/forms/peopleAssessmentsTargets.ts) creates, edits with a server field error beside
// its field, meets a stale version (CONFLICT → 重新加载 → the newer version → save), deletes to the recycle bin and
// restores; plus the client checks that mirror db/write.go with the server's wording.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'

vi.mock('../src/lib/gql', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/lib/gql')>()
  return { ...actual, gql: vi.fn() }
})

import { gql, GraphQLRequestError } from '../src/lib/gql'
import {
  assessmentInput, assessmentSpec, personSpec, scoreSum, targetSpec, totalOf, validateAssessment, validatePerson, validatePoints, validateTarget,
  validateWeights, weightsInput, weightsSpec, type AssessmentDraft, type IndicatorInfo, type PersonDraft, type TargetDraft, type WeightsDraft,
} from '../src/lib/forms/peopleAssessmentsTargets'
import { useRecordEditor } from '../src/lib/forms/recordEditor'

// useRecordForm focuses the first field in error; there is no DOM here.
vi.stubGlobal('document', { getElementById: () => null })
afterAll(() => vi.unstubAllGlobals())

type Handler = (vars: Record<string, unknown>) => unknown
const calls: { op: string; vars: Record<string, unknown> }[] = []
let handlers: Record<string, Handler> = {}
const opName = (doc: unknown) => /(?:query|mutation)\s+(\w+)/.exec(String(doc))?.[1] ?? '?'
beforeEach(() => {
  calls.length = 0
  handlers = {}
  vi.mocked(gql).mockImplementation(async (doc: unknown, vars: unknown) => {
    const op = opName(doc)
    calls.push({ op, vars: vars as Record<string, unknown> })
    const h = handlers[op]
    if (!h) throw new Error(`unexpected operation ${op}`)
    return h(vars as Record<string, unknown>) as never
  })
})
const sent = (op: string) => calls.filter((c) => c.op === op).map((c) => c.vars)
const tick = () => new Promise((r) => setTimeout(r, 0))

const fieldError = (field: string, message: string) =>
  new GraphQLRequestError(message, [{ message, extensions: { code: 'BAD_USER_INPUT', field } }])
const conflictError = (message: string) => new GraphQLRequestError(message, [{ message, extensions: { code: 'CONFLICT' } }])
const staleError = (kind: string, cur: number, sentV: number) => conflictError(`该${kind}已被他人修改（当前版本 ${cur}，您提交的版本 ${sentV}），请刷新后重试。`)
const bin = (id: string, recordId: string | null) => ({ id, entity: 'X', recordId, deletedAt: '2026-11-30T12:00:00Z' })

/** Run a form controller in its own effect scope, as the component's setup would. */
function mount<T>(make: () => T): T {
  const scope = effectScope()
  return scope.run(make)!
}

const unit = { id: 'VW5pdDox', name: '青禾事务局（演示001）', kind: '机关', campus: false, serviceWindow: false }

describe('people: client checks mirror PersonFields.Validate', () => {
  const d = (p: Partial<PersonDraft> = {}): PersonDraft => ({ name: '张三', unit: null, citation: '', ...p })
  it('requires a name of at most 200 characters and a citation of at most 2000', () => {
    expect(validatePerson(d())).toEqual({})
    expect(validatePerson(d({ name: '  ' })).name).toBe('姓名不能为空')
    expect(validatePerson(d({ name: '字'.repeat(201) })).name).toBe('姓名不能超过 200 个字')
    expect(validatePerson(d({ citation: 'x'.repeat(2001) })).citation).toBe('事迹简介不能超过 2000 个字')
  })
})

describe('PersonForm', () => {
  const person = (version: number, name = '李四') => ({ node: { id: 'UGVyc29uOjk=', name, citation: '见义勇为', demo: true, version, unit } })
  function form(id?: string) {
    const ctl = mount(() => useRecordEditor(id, personSpec()))
    void ctl.load()
    return { draft: ctl.draft, ctl }
  }

  it('creates a person, trimmed, and sends nothing while the name is empty', async () => {
    handlers.CreatePerson = () => ({ createPerson: { id: 'UGVyc29uOjEw', name: '王五', version: 1, demo: false } })
    const { draft, ctl } = form()
    expect(await ctl.save()).toBeNull()
    expect(ctl.errorOf('name')).toBe('姓名不能为空')
    expect(calls).toHaveLength(0)
    Object.assign(draft, { name: ' 王五 ', unit, citation: ' 事迹 ' })
    ctl.touched('name')
    const saved = await ctl.save()
    expect(saved).toMatchObject({ name: '王五' })
    expect(sent('CreatePerson')).toEqual([{ input: { name: '王五', unitId: unit.id, citation: '事迹' } }])
  })

  it('edits: loads the record and its version, shows the server field error beside the field, and clears it on input', async () => {
    handlers.PersonForEdit = () => person(3)
    handlers.UpdatePerson = () => {
      throw fieldError('name', '姓名不能包含控制字符')
    }
    const { draft, ctl } = form('UGVyc29uOjk=')
    await tick()
    expect(draft).toMatchObject({ name: '李四', citation: '见义勇为', unit })
    expect(ctl.version.value).toBe(3)
    expect(ctl.demo.value).toBe(true)
    draft.name = '李四\u0007'
    expect(await ctl.save()).toBeNull()
    expect(sent('UpdatePerson')[0]).toMatchObject({ id: 'UGVyc29uOjk=', expectedVersion: 3 })
    expect(ctl.errorOf('name')).toBe('姓名不能包含控制字符')
    expect(ctl.conflict.value).toBe(false)
    ctl.touched('name')
    expect(ctl.errorOf('name')).toBeUndefined()
  })

  it('a stale version: the conflict banner, 重新加载 gives the newer version, then the save goes through with it', async () => {
    let v = 3
    handlers.PersonForEdit = () => person(v, v === 3 ? '李四' : '李四（已更正）')
    handlers.UpdatePerson = (vars) => {
      if (vars.expectedVersion !== v) throw staleError('人物', v, vars.expectedVersion as number)
      return { updatePerson: { id: 'UGVyc29uOjk=', name: '李四（已更正）', version: v + 1, demo: true } }
    }
    const { draft, ctl } = form('UGVyc29uOjk=')
    await tick()
    v = 4 // someone else saved meanwhile
    expect(await ctl.save()).toBeNull()
    expect(ctl.conflict.value).toBe(true)
    expect(ctl.general.value).toBe('')
    await ctl.reloadLatest()
    expect(ctl.conflict.value).toBe(false)
    expect(ctl.version.value).toBe(4)
    expect(draft.name).toBe('李四（已更正）')
    expect(ctl.reloadedNote.value).toContain('4')
    expect(await ctl.save()).toMatchObject({ version: 5 })
    expect(sent('UpdatePerson').map((x) => x.expectedVersion)).toEqual([3, 4])
  })

  it('deletes to the recycle bin with the version it shows, and restores under the old ID', async () => {
    let v = 3
    handlers.PersonForEdit = () => person(v)
    handlers.DeletePerson = () => ({ deletePerson: bin('bin-7', 'UGVyc29uOjk=') })
    handlers.RestoreRecord = () => {
      v = 4
      return { restoreRecord: { id: 'bin-7', entity: 'PERSON', recordId: 'UGVyc29uOjk=', restoredAt: 'now' } }
    }
    const { ctl } = form('UGVyc29uOjk=')
    await tick()
    expect(await ctl.remove()).toMatchObject({ id: 'bin-7' })
    expect(sent('DeletePerson')).toEqual([{ id: 'UGVyc29uOjk=', expectedVersion: 3 }])
    expect(ctl.binEntry.value?.id).toBe('bin-7')
    expect(await ctl.restore()).toBe(true)
    expect(sent('RestoreRecord')).toEqual([{ id: 'bin-7' }])
    expect(ctl.binEntry.value).toBeNull()
    expect(ctl.version.value).toBe(4)
  })

  it('a stale delete is a conflict too; another failure is shown above the form', async () => {
    handlers.PersonForEdit = () => person(3)
    handlers.DeletePerson = () => {
      throw staleError('人物', 4, 3)
    }
    const { ctl } = form('UGVyc29uOjk=')
    await tick()
    expect(await ctl.remove()).toBeNull()
    expect(ctl.conflict.value).toBe(true)
    handlers.DeletePerson = () => {
      throw conflictError('该人物仍被以下记录引用：荣誉 2 条。')
    }
    ctl.conflict.value = false
    await ctl.remove()
    expect(ctl.conflict.value).toBe(false)
    expect(ctl.general.value).toBe('该人物仍被以下记录引用：荣誉 2 条。')
  })

  it('a record deleted by someone else says so', async () => {
    handlers.PersonForEdit = () => ({ node: null })
    const { ctl } = form('UGVyc29uOjk=')
    await tick()
    expect(ctl.missing.value).toBe(true)
  })
})

const INDICATORS: IndicatorInfo[] = [
  { code: 'ORG', nameZh: '组织领导', nameEn: 'Leadership', maxScore: 20, basis: 'DEFAULT' },
  { code: 'ETHIC', nameZh: '思想道德', nameEn: 'Ethics', maxScore: 30, basis: 'DEFAULT' },
  { code: 'SERVICE', nameZh: '志愿服务', nameEn: 'Service', maxScore: 50, basis: 'DEFAULT' },
]
const adraft = (p: Partial<AssessmentDraft> = {}): AssessmentDraft => ({
  unit, year: '2024', baseScore: '90', bonus: '5', veto: false, stage: 'NAMED', scores: { ORG: '18', ETHIC: '27', SERVICE: '45' }, ...p,
})

describe('assessments: the 100 + 10 limits, indicator maxima and the veto', () => {
  it('accepts a complete assessment and builds the input with the filled scores only', () => {
    expect(validateAssessment(adraft(), INDICATORS)).toEqual({})
    expect(assessmentInput(adraft({ bonus: '', scores: { ORG: '18', ETHIC: '', SERVICE: '45' } }))).toEqual({
      unitId: unit.id, year: 2024, baseScore: 90, bonus: 0, veto: false, stage: 'NAMED', scores: [{ code: 'ORG', score: 18 }, { code: 'SERVICE', score: 45 }],
    })
  })
  it('the base is 0–100 and the bonus 0–10, in the server wording', () => {
    expect(validateAssessment(adraft({ baseScore: '100' }), INDICATORS)).toEqual({})
    expect(validateAssessment(adraft({ baseScore: '100.5' }), INDICATORS).baseScore).toBe('基础分须在 0 到 100 之间，收到 100.5')
    expect(validateAssessment(adraft({ baseScore: '-1' }), INDICATORS).baseScore).toBe('基础分须在 0 到 100 之间，收到 -1')
    expect(validateAssessment(adraft({ baseScore: '' }), INDICATORS).baseScore).toBe('请填写基础分')
    expect(validateAssessment(adraft({ bonus: '10' }), INDICATORS)).toEqual({})
    expect(validateAssessment(adraft({ bonus: '10.5' }), INDICATORS).bonus).toBe('加分须在 0 到 10 之间，收到 10.5')
  })
  it('each indicator score is 0 to its maximum in the year’s version', () => {
    expect(validateAssessment(adraft({ scores: { ORG: '20.5' } }), INDICATORS).scores).toBe('指标 ORG 的得分 20.5 超过满分 20')
    expect(validateAssessment(adraft({ scores: { ETHIC: '-2' } }), INDICATORS).scores).toBe('指标 ETHIC 的得分不能为负数：-2')
    expect(validateAssessment(adraft({ scores: { OLD: '3' } }), INDICATORS).scores).toBe('指标代码 OLD 不属于该年施行的指标版本')
    expect(validateAssessment(adraft({ scores: { ORG: '' } }), INDICATORS)).toEqual({})
  })
  it('requires a unit, a year in range and a known stage', () => {
    const e = validateAssessment(adraft({ unit: null, year: '1900', stage: 'GUESS' }), INDICATORS)
    expect(e.unitId).toBe('unitId 不能为空')
    expect(e.year).toBe('年份须在 1949 到 2100 之间，收到 1900')
    expect(e.stage).toBe('测评阶段无效："GUESS"')
  })
  it('the total is base + bonus (at most 110), and 0 under the veto; the sum of the scores is offered as the base', () => {
    expect(totalOf(adraft({ baseScore: '100', bonus: '10' }))).toBe(110)
    expect(totalOf(adraft({ veto: true }))).toBe(0)
    expect(scoreSum(adraft())).toBe(90)
    expect(scoreSum(adraft({ scores: { ORG: '', ETHIC: '' } }))).toBeNull()
  })
})

describe('AssessmentForm', () => {
  const node = (version: number) => ({
    node: {
      id: 'QXNzZXNzbWVudDo1', year: 2024, baseScore: 90, bonus: 5, veto: false, total: 95, stage: 'NAMED', demo: true, version, unit,
      scores: [{ code: 'ORG', score: 18, maxScore: 20 }, { code: 'ETHIC', score: 27, maxScore: 30 }, { code: 'SERVICE', score: 45, maxScore: 50 }],
    },
  })
  const saved = (op: string, version: number) => ({ [op]: { id: 'QXNzZXNzbWVudDo1', year: 2024, total: 95, version, demo: true, unit: { id: unit.id, name: unit.name } } })
  function form(id?: string) {
    const indicators = ref(INDICATORS)
    const blank = () => adraft({ unit: null, baseScore: '', bonus: '0', stage: 'APPLIED', scores: { ORG: '', ETHIC: '', SERVICE: '' } })
    const ctl = mount(() => useRecordEditor(id, assessmentSpec(indicators, blank)))
    void ctl.load()
    return { draft: ctl.draft, ctl }
  }

  it('creates an assessment with its indicator scores; a second one for the same unit and year shows the duplicate beside the year', async () => {
    let n = 0
    handlers.CreateAssessment = () => {
      if (n++) throw conflictError('该单位该年度的测评已存在')
      return saved('createAssessment', 1)
    }
    const { draft, ctl } = form()
    Object.assign(draft, { unit, baseScore: '90', bonus: '5', stage: 'NAMED', scores: { ORG: '18', ETHIC: '27', SERVICE: '45' } })
    expect(await ctl.save()).toMatchObject({ version: 1 })
    expect(sent('CreateAssessment')[0]).toEqual({
      input: { unitId: unit.id, year: 2024, baseScore: 90, bonus: 5, veto: false, stage: 'NAMED', scores: [{ code: 'ORG', score: 18 }, { code: 'ETHIC', score: 27 }, { code: 'SERVICE', score: 45 }] },
    })
    expect(await ctl.save()).toBeNull()
    expect(ctl.conflict.value).toBe(false)
    expect(ctl.errorOf('year')).toBe('该单位该年度的测评已存在')
  })

  it('a score over its maximum is caught before sending; the server’s scores error shows beside the scores', async () => {
    handlers.AssessmentForEdit = () => node(2)
    handlers.UpdateAssessment = () => {
      throw fieldError('scores', '指标代码 ORG 不属于 2024 年起施行的指标版本')
    }
    const { draft, ctl } = form('QXNzZXNzbWVudDo1')
    await tick()
    expect(draft.scores).toEqual({ ORG: '18', ETHIC: '27', SERVICE: '45' })
    expect(ctl.version.value).toBe(2)
    draft.scores.SERVICE = '51'
    expect(await ctl.save()).toBeNull()
    expect(ctl.errorOf('scores')).toBe('指标 SERVICE 的得分 51 超过满分 50')
    expect(calls.filter((c) => c.op === 'UpdateAssessment')).toHaveLength(0)
    draft.scores.SERVICE = '50'
    ctl.touched('scores')
    expect(await ctl.save()).toBeNull()
    expect(sent('UpdateAssessment')[0]).toMatchObject({ id: 'QXNzZXNzbWVudDo1', expectedVersion: 2 })
    expect(ctl.errorOf('scores')).toBe('指标代码 ORG 不属于 2024 年起施行的指标版本')
  })

  it('a stale version offers the newer one; the veto is sent as set', async () => {
    let v = 2
    handlers.AssessmentForEdit = () => node(v)
    handlers.UpdateAssessment = (vars) => {
      if (vars.expectedVersion !== v) throw staleError('测评', v, vars.expectedVersion as number)
      return saved('updateAssessment', v + 1)
    }
    const { draft, ctl } = form('QXNzZXNzbWVudDo1')
    await tick()
    v = 3
    draft.veto = true
    await ctl.save()
    expect(ctl.conflict.value).toBe(true)
    await ctl.reloadLatest()
    expect(ctl.version.value).toBe(3)
    expect(draft.veto).toBe(false) // the newer version replaces the draft: check it, then save again
    draft.veto = true
    expect(await ctl.save()).toMatchObject({ version: 4 })
    expect((sent('UpdateAssessment')[1].input as { veto: boolean }).veto).toBe(true)
  })

  it('deletes and restores', async () => {
    handlers.AssessmentForEdit = () => node(2)
    handlers.DeleteAssessment = () => ({ deleteAssessment: bin('bin-9', 'QXNzZXNzbWVudDo1') })
    handlers.RestoreRecord = () => ({ restoreRecord: { id: 'bin-9', entity: 'ASSESSMENT', recordId: 'QXNzZXNzbWVudDo1', restoredAt: 'now' } })
    const { ctl } = form('QXNzZXNzbWVudDo1')
    await tick()
    await ctl.remove()
    expect(sent('DeleteAssessment')).toEqual([{ id: 'QXNzZXNzbWVudDo1', expectedVersion: 2 }])
    expect(await ctl.restore()).toBe(true)
    expect(sent('RestoreRecord')).toEqual([{ id: 'bin-9' }])
  })
})

describe('targets', () => {
  const td = (p: Partial<TargetDraft> = {}): TargetDraft => ({ metric: 'VOLUNTEER_HOURS', year: '2025', value: '1200000', ...p })
  it('client checks mirror TargetFields.Validate', () => {
    expect(validateTarget(td())).toEqual({})
    expect(validateTarget(td({ metric: '' })).metric).toBe('请选择指标')
    expect(validateTarget(td({ value: '-1' })).value).toBe('目标值不能为负数：-1')
    expect(validateTarget(td({ value: '2e12' })).value).toBe('目标值无效')
    expect(validateTarget(td({ value: '2000000000000' })).value).toBe('目标值须在 0 到 1000000000000 之间，收到 2000000000000')
  })

  const node = (version: number, value = 1000) => ({ node: { id: 'VGFyZ2V0OjM=', metric: 'VOLUNTEERS', year: 2024, value, demo: false, version, basis: 'OFFICE' } })
  function form(id?: string) {
    const ctl = mount(() => useRecordEditor(id, targetSpec((): TargetDraft => ({ metric: '', year: '2024', value: '' }))))
    void ctl.load()
    const draft = ctl.draft
    return { draft, ctl }
  }

  it('creates, edits with a server field error, meets a stale version, deletes and restores', async () => {
    handlers.CreateTarget = () => ({ createTarget: { id: 'VGFyZ2V0OjM=', metric: 'VOLUNTEERS', year: 2024, value: 1000, version: 1, basis: 'OFFICE' } })
    const created = form()
    Object.assign(created.draft, { metric: 'VOLUNTEERS', value: '1000' })
    expect(await created.ctl.save()).toMatchObject({ basis: 'OFFICE' })
    expect(sent('CreateTarget')).toEqual([{ input: { metric: 'VOLUNTEERS', year: 2024, value: 1000 } }])

    let v = 1
    handlers.TargetForEdit = () => node(v, v === 1 ? 1000 : 1500)
    handlers.UpdateTarget = (vars) => {
      if (vars.expectedVersion !== v) throw staleError('年度目标', v, vars.expectedVersion as number)
      return { updateTarget: { ...node(v + 1).node } }
    }
    const { draft, ctl } = form('VGFyZ2V0OjM=')
    await tick()
    expect(draft).toEqual({ metric: 'VOLUNTEERS', year: '2024', value: '1000' })
    draft.value = '1200'
    v = 2
    await ctl.save()
    expect(ctl.conflict.value).toBe(true)
    await ctl.reloadLatest()
    expect(draft.value).toBe('1500')
    expect(await ctl.save()).toMatchObject({ version: 3 })

    handlers.DeleteTarget = () => ({ deleteTarget: bin('bin-3', 'VGFyZ2V0OjM=') })
    handlers.RestoreRecord = () => ({ restoreRecord: { id: 'bin-3', entity: 'TARGET', recordId: 'VGFyZ2V0OjM=', restoredAt: 'now' } })
    await ctl.remove()
    expect(sent('DeleteTarget')).toEqual([{ id: 'VGFyZ2V0OjM=', expectedVersion: 2 }])
    expect(await ctl.restore()).toBe(true)
  })

  it('a duplicate metric and year shows beside the year; a server field error beside its field', async () => {
    handlers.CreateTarget = () => {
      throw conflictError('该指标该年度的目标已存在')
    }
    const { draft, ctl } = form()
    Object.assign(draft, { metric: 'VOLUNTEERS', value: '5' })
    await ctl.save()
    expect(ctl.errorOf('year')).toBe('该指标该年度的目标已存在')
    handlers.CreateTarget = () => {
      throw fieldError('value', '目标值须在 0 到 1e+12 之间，收到 1e+13')
    }
    await ctl.save()
    expect(ctl.errorOf('value')).toBe('目标值须在 0 到 1e+12 之间，收到 1e+13')
    expect(ctl.errorOf('year')).toBeUndefined()
  })
})

describe('ranking weights and category points', () => {
  const wd = (w: Record<string, string>, fromYear = '2024'): WeightsDraft => ({ fromYear, weights: w })
  const ok = { honors: '0.4', volunteer_hours: '0.3', practice: '0.2', assessment: '0.1' }
  it('every component once, each 0–1, adding up to 1 (server wording)', () => {
    expect(validateWeights(wd(ok))).toEqual({})
    expect(validateWeights(wd({ ...ok, assessment: '' })).weights).toBe('须为全部 4 个组成项各给一个权重（honors、volunteer_hours、practice、assessment）')
    expect(validateWeights(wd({ ...ok, honors: '1.2' })).weights).toBe('组成项 honors 的权重须在 0 到 1 之间，收到 1.2')
    expect(validateWeights(wd({ ...ok, honors: '0.5' })).weights).toBe('各项权重之和须为 1，收到 1.1')
    expect(validateWeights(wd(ok, '1800')).fromYear).toBe('年份须在 1949 到 2100 之间，收到 1800')
    expect(weightsInput(wd(ok))).toEqual([
      { component: 'honors', weight: 0.4 }, { component: 'volunteer_hours', weight: 0.3 }, { component: 'practice', weight: 0.2 }, { component: 'assessment', weight: 0.1 },
    ])
  })
  it('category points are 0–100', () => {
    expect(validatePoints('12.5')).toEqual({})
    expect(validatePoints('101').points).toBe('积分须在 0 到 100 之间，收到 101')
    expect(validatePoints('').points).toBe('请填写积分')
  })

  it('WeightsForm: loads the version in force with its basis, saves a new version, shows the server error, deletes and restores', async () => {
    const rows = (basis: string) => ({
      rankingWeights: [
        { fromYear: 2019, component: 'honors', labelZh: '荣誉积分', weight: 0.4, basis },
        { fromYear: 2019, component: 'volunteer_hours', labelZh: '志愿服务时长', weight: 0.3, basis },
        { fromYear: 2019, component: 'practice', labelZh: '文明实践', weight: 0.2, basis },
        { fromYear: 2019, component: 'assessment', labelZh: '测评', weight: 0.1, basis },
      ],
    })
    handlers.RankingWeightsForEdit = () => rows('DEFAULT')
    handlers.SetRankingWeights = (vars) => {
      const sum = (vars.weights as { weight: number }[]).reduce((a, w) => a + w.weight, 0)
      if (Math.abs(sum - 1) > 1e-9) throw fieldError('weights', `各项权重之和须为 1，收到 ${sum}`)
      return { setRankingWeights: rows('OFFICE').rankingWeights.map((w) => ({ ...w, fromYear: vars.fromYear })) }
    }
    handlers.DeleteRankingWeights = () => ({ deleteRankingWeights: bin('bin-w', null) })
    handlers.RestoreRecord = () => ({ restoreRecord: { id: 'bin-w', entity: 'RANKING_WEIGHTS', recordId: null, restoredAt: 'now' } })
    const basis = ref<Record<string, string>>({})
    const loadedFrom = ref<number | null>(null)
    // An edge the client check lets through (it allows 1e-9) to show the server's error beside the weights.
    const spec = weightsSpec(basis, loadedFrom, () => wd({ honors: '', volunteer_hours: '', practice: '', assessment: '' }))
    const ctl = mount(() => useRecordEditor('2021', { ...spec, validate: () => ({}) }))
    void ctl.load()
    const draft = ctl.draft
    await tick()
    expect(sent('RankingWeightsForEdit')).toEqual([{ year: 2021 }])
    expect(loadedFrom.value).toBe(2019)
    expect(basis.value.honors).toBe('DEFAULT')
    expect(draft).toEqual(wd(ok, '2019'))
    draft.weights.honors = '0.5'
    await ctl.save()
    expect(ctl.errorOf('weights')).toBe('各项权重之和须为 1，收到 1.1')
    Object.assign(draft, { fromYear: '2023', weights: { ...ok } })
    const saved = (await ctl.save()) as { fromYear: number; basis: string }[]
    expect(saved[0]).toMatchObject({ fromYear: 2023, basis: 'OFFICE' })
    expect(sent('SetRankingWeights')[1]).toMatchObject({ fromYear: 2023 })
    await ctl.remove()
    expect(sent('DeleteRankingWeights')).toEqual([{ fromYear: 2019 }])
    expect(await ctl.restore()).toBe(true)
  })
})
