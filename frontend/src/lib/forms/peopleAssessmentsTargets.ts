// Client checks and the RecordFormSpecs (useRecordEditor, recordEditor.ts) of the people, assessment, target and
// ranking-weight forms.
// The checks mirror db/write.go (PersonFields, AssessmentFields, TargetFields, ValidateRankingWeights,
// ValidateCategoryPoints) and db/sqlite's writeScores with the server's wording, so that most mistakes are caught
// before a round trip; the server stays the judge and its field errors are shown beside their fields too.
import type { Ref } from 'vue'
import type { AssessmentInput, AssessmentStage, PersonInput, ProgressMetric, RankingWeightInput, TargetInput } from '../../gql/graphql'
import { AssessmentForEditDocument } from '../../gql/AssessmentForEdit'
import { CreateAssessmentDocument } from '../../gql/CreateAssessment'
import { CreatePersonDocument } from '../../gql/CreatePerson'
import { CreateTargetDocument } from '../../gql/CreateTarget'
import { DeleteAssessmentDocument } from '../../gql/DeleteAssessment'
import { DeletePersonDocument } from '../../gql/DeletePerson'
import { DeleteRankingWeightsDocument } from '../../gql/DeleteRankingWeights'
import { DeleteTargetDocument } from '../../gql/DeleteTarget'
import { PersonForEditDocument } from '../../gql/PersonForEdit'
import { RankingWeightsForEditDocument } from '../../gql/RankingWeightsForEdit'
import { SetRankingWeightsDocument } from '../../gql/SetRankingWeights'
import { TargetForEditDocument } from '../../gql/TargetForEdit'
import { UnitForEditDocument } from '../../gql/UnitForEdit'
import { UpdateAssessmentDocument } from '../../gql/UpdateAssessment'
import { UpdatePersonDocument } from '../../gql/UpdatePerson'
import { UpdateTargetDocument } from '../../gql/UpdateTarget'
import { gql, type GraphQLRequestError } from '../gql'
import { MAX_NAME, MAX_TEXT, MAX_YEAR, MIN_YEAR, type FieldErrors, type UnitInfo } from '../validate'
import type { RecordFormSpec, Versioned } from './recordEditor'

const runes = (s: string) => [...s].length
const text = (v: unknown) => String(v ?? '').trim()

/** checkYear mirrors db.CheckYear (a four-digit year from 1949 to 2100). */
export function checkYear(v: unknown): string | undefined {
  const s = text(v)
  if (!s) return '请填写年份'
  if (!/^\d{4}$/.test(s)) return '年份须为四位数字'
  const y = Number(s)
  if (y < MIN_YEAR || y > MAX_YEAR) return `年份须在 ${MIN_YEAR} 到 ${MAX_YEAR} 之间，收到 ${y}`
  return undefined
}

/** A decimal from a number input's text (or number), or NaN when it is not one. */
export function decimal(v: unknown): number {
  const s = text(v)
  if (!s || !/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return NaN
  return Number(s)
}

// ---- people ----

export interface PersonDraft {
  name: string
  unit: UnitInfo | null
  citation: string
}

/** validatePerson mirrors PersonFields.Validate (姓名 1–200 characters, 事迹简介 up to 2000). */
export function validatePerson(d: PersonDraft): FieldErrors {
  const e: FieldErrors = {}
  const name = d.name.trim()
  if (!name) e.name = '姓名不能为空'
  else if (runes(name) > MAX_NAME) e.name = `姓名不能超过 ${MAX_NAME} 个字`
  if (runes(d.citation.trim()) > MAX_TEXT) e.citation = `事迹简介不能超过 ${MAX_TEXT} 个字`
  return e
}

export function personInput(d: PersonDraft): PersonInput {
  return { name: d.name.trim(), unitId: d.unit?.id ?? null, citation: d.citation.trim() }
}

// ---- assessments ----

/** The 100-point base, the bonus of at most 10 (db.MaxBonus) and the stages of the assessment. */
export const MAX_BASE = 100
export const MAX_BONUS = 10
export const STAGES: AssessmentStage[] = ['APPLIED', 'ONLINE_REVIEW', 'SITE_VISIT', 'PUBLIC_NOTICE', 'NAMED', 'REVIEWED', 'REVOKED']

export interface IndicatorInfo {
  code: string
  nameZh: string
  nameEn: string
  maxScore: number
  basis: string
}

export interface AssessmentDraft {
  unit: UnitInfo | null
  year: string | number
  baseScore: string | number
  bonus: string | number
  veto: boolean
  stage: string
  /** Indicator code → the score's text; an empty text leaves the indicator unscored. */
  scores: Record<string, string | number>
}

/** The filled-in indicator scores, as numbers (NaN where the text is not a number). */
export function filledScores(d: AssessmentDraft): { code: string; score: number }[] {
  return Object.entries(d.scores)
    .filter(([, v]) => text(v) !== '')
    .map(([code, v]) => ({ code, score: decimal(v) }))
}

/** The sum of the filled-in indicator scores, or null when none is filled in or one is not a number. */
export function scoreSum(d: AssessmentDraft): number | null {
  const s = filledScores(d)
  if (!s.length || s.some((x) => Number.isNaN(x.score))) return null
  return Math.round(s.reduce((a, x) => a + x.score, 0) * 1e6) / 1e6
}

/** The total the server will store: base + bonus, or 0 under the veto (一票否决); null while a part is invalid. */
export function totalOf(d: AssessmentDraft): number | null {
  if (d.veto) return 0
  const b = decimal(d.baseScore)
  const bonus = text(d.bonus) === '' ? 0 : decimal(d.bonus)
  if (Number.isNaN(b) || Number.isNaN(bonus)) return null
  return Math.round((b + bonus) * 1e6) / 1e6
}

/** The message for one indicator's score, as the server words it, or undefined when it is fine. */
export function indicatorError(code: string, v: unknown, max: number | undefined): string | undefined {
  if (text(v) === '') return undefined
  const s = decimal(v)
  if (Number.isNaN(s)) return `指标 ${code} 的得分无效`
  if (s < 0) return `指标 ${code} 的得分不能为负数：${s}`
  if (max === undefined) return `指标代码 ${code} 不属于该年施行的指标版本`
  if (s > max) return `指标 ${code} 的得分 ${s} 超过满分 ${max}`
  return undefined
}

/**
 * validateAssessment mirrors AssessmentFields.Validate and writeScores: a unit, a year, a base of 0–100, a bonus of
 * 0–10, a stage, and each indicator score from 0 to that indicator's maximum in the year's version.
 */
export function validateAssessment(d: AssessmentDraft, indicators: IndicatorInfo[]): FieldErrors {
  const e: FieldErrors = {}
  if (!d.unit) e.unitId = 'unitId 不能为空'
  const y = checkYear(d.year)
  if (y) e.year = y
  const base = decimal(d.baseScore)
  if (text(d.baseScore) === '') e.baseScore = '请填写基础分'
  else if (Number.isNaN(base) || base < 0 || base > MAX_BASE) e.baseScore = `基础分须在 0 到 ${MAX_BASE} 之间，收到 ${text(d.baseScore)}`
  if (text(d.bonus) !== '') {
    const b = decimal(d.bonus)
    if (Number.isNaN(b) || b < 0 || b > MAX_BONUS) e.bonus = `加分须在 0 到 ${MAX_BONUS} 之间，收到 ${text(d.bonus)}`
  }
  if (!d.stage) e.stage = '请选择测评阶段'
  else if (!STAGES.includes(d.stage as AssessmentStage)) e.stage = `测评阶段无效："${d.stage}"`
  const max = new Map(indicators.map((i) => [i.code, i.maxScore]))
  for (const [code, v] of Object.entries(d.scores)) {
    const m = indicatorError(code, v, max.get(code))
    if (m) {
      e.scores = m
      break
    }
  }
  return e
}

export function assessmentInput(d: AssessmentDraft): AssessmentInput {
  return {
    unitId: d.unit?.id ?? '',
    year: Number(text(d.year)),
    baseScore: decimal(d.baseScore),
    bonus: text(d.bonus) === '' ? 0 : decimal(d.bonus),
    veto: d.veto,
    stage: d.stage as AssessmentStage,
    scores: filledScores(d),
  }
}

// ---- targets ----

/** db.MaxTargetValue: a target larger than this is a typo. */
export const MAX_TARGET = 1e12
export const METRICS: ProgressMetric[] = [
  'HONORS_NATIONAL', 'HONORS_PROVINCIAL', 'HONORS_PROVINCIAL_DIRECT', 'HONORS_TOTAL', 'HONORS_TREATMENT_RECOGNISED', 'HONORS_RECOMMENDED',
  'VOLUNTEER_HOURS', 'VOLUNTEERS', 'PRACTICE_ACTIVITIES', 'AVERAGE_ASSESSMENT_SCORE', 'GOOD_PEOPLE', 'MORAL_MODELS',
]

export interface TargetDraft {
  metric: string
  year: string | number
  value: string | number
}

/** validateTarget mirrors TargetFields.Validate. */
export function validateTarget(d: TargetDraft): FieldErrors {
  const e: FieldErrors = {}
  if (!d.metric) e.metric = '请选择指标'
  else if (!METRICS.includes(d.metric as ProgressMetric)) e.metric = `指标无效："${d.metric}"`
  const y = checkYear(d.year)
  if (y) e.year = y
  const v = decimal(d.value)
  if (text(d.value) === '') e.value = '请填写目标值'
  else if (Number.isNaN(v)) e.value = '目标值无效'
  else if (v < 0) e.value = `目标值不能为负数：${v}`
  else if (v > MAX_TARGET) e.value = `目标值须在 0 到 ${MAX_TARGET} 之间，收到 ${v}`
  return e
}

export function targetInput(d: TargetDraft): TargetInput {
  return { metric: d.metric as ProgressMetric, year: Number(text(d.year)), value: decimal(d.value) }
}

// ---- ranking weights and category points ----

/** The creation-index components a weights version must cover, each once (db.RankingComponents). */
export const COMPONENTS = ['honors', 'volunteer_hours', 'practice', 'assessment'] as const

export interface WeightsDraft {
  fromYear: string | number
  weights: Record<string, string | number>
}

/** The sum of the weights, rounded like the server's message (6 decimals); NaN when one is not a number. */
export function weightSum(d: WeightsDraft): number {
  let sum = 0
  for (const c of COMPONENTS) sum += decimal(d.weights[c])
  return Math.round(sum * 1e6) / 1e6
}

/** validateWeights mirrors ValidateRankingWeights: every component once, each 0–1, adding up to 1. */
export function validateWeights(d: WeightsDraft): FieldErrors {
  const e: FieldErrors = {}
  const y = checkYear(d.fromYear)
  if (y) e.fromYear = y
  for (const c of COMPONENTS) {
    const w = decimal(d.weights[c])
    if (text(d.weights[c]) === '') {
      e.weights = `须为全部 ${COMPONENTS.length} 个组成项各给一个权重（${COMPONENTS.join('、')}）`
      return e
    }
    if (Number.isNaN(w) || w < 0 || w > 1) {
      e.weights = `组成项 ${c} 的权重须在 0 到 1 之间，收到 ${text(d.weights[c])}`
      return e
    }
  }
  const sum = weightSum(d)
  if (Math.abs(sum - 1) > 1e-9) e.weights = `各项权重之和须为 1，收到 ${sum}`
  return e
}

export function weightsInput(d: WeightsDraft): RankingWeightInput[] {
  return COMPONENTS.map((c) => ({ component: c, weight: decimal(d.weights[c]) }))
}

/** db.MaxCategoryPoints. */
export const MAX_POINTS = 100

/** validatePoints mirrors ValidateCategoryPoints. */
export function validatePoints(v: unknown): FieldErrors {
  const p = decimal(v)
  if (text(v) === '') return { points: '请填写积分' }
  if (Number.isNaN(p) || p < 0 || p > MAX_POINTS) return { points: `积分须在 0 到 ${MAX_POINTS} 之间，收到 ${text(v)}` }
  return {}
}

// ---- how each kind is loaded and written ----

/** A record as these forms load it: its draft, with the version and demo flag every form needs. */
export interface LoadedRecord<D> extends Versioned {
  draft: D
  demo: boolean
}

/** A duplicate-key CONFLICT (the server says 「…已存在」) belongs to `field`. */
const duplicateOn = (field: string) => (err: GraphQLRequestError) => (/已存在/.test(err.message) ? field : undefined)

/** The unit a form opened from a unit's page starts with, or null. */
export async function unitInfo(id: string): Promise<UnitInfo | null> {
  const d = await gql(UnitForEditDocument, { id }).catch(() => null)
  const u = d?.node && 'kind' in d.node ? d.node : null
  return u ? { id: u.id, name: u.name, kind: u.kind, campus: u.campus, serviceWindow: u.serviceWindow } : null
}

/** How a person (道德模范, 好人…) is loaded and written. */
export function personSpec(): RecordFormSpec<PersonDraft, LoadedRecord<PersonDraft>, { id: string; name: string; version: number }> {
  return {
    fields: ['name', 'unitId', 'citation'],
    inputIds: { name: 'pf-name', unitId: 'pf-unit', citation: 'pf-citation' },
    blank: () => ({ name: '', unit: null, citation: '' }),
    fromRecord: (r) => r.draft,
    validate: validatePerson,
    async load(id) {
      const d = await gql(PersonForEditDocument, { id })
      const p = d.node && 'citation' in d.node ? d.node : null
      if (!p) return null
      return { id, draft: { name: p.name, unit: p.unit ?? null, citation: p.citation }, version: p.version, demo: p.demo }
    },
    create: async (d) => (await gql(CreatePersonDocument, { input: personInput(d) })).createPerson,
    update: async (id, v, d) => (await gql(UpdatePersonDocument, { id, expectedVersion: v, input: personInput(d) })).updatePerson,
    remove: async (id, v) => (await gql(DeletePersonDocument, { id, expectedVersion: v })).deletePerson,
    createdId: (p) => p.id,
  }
}

/** How an assessment is loaded and written; `indicators` gives every indicator of the year an entry in the loaded draft. */
export function assessmentSpec(
  indicators: Ref<IndicatorInfo[]>,
  blank: () => AssessmentDraft,
): RecordFormSpec<AssessmentDraft, LoadedRecord<AssessmentDraft>, { id: string; unit: { name: string }; year: number; version: number }> {
  return {
    fields: ['unitId', 'year', 'stage', 'scores', 'baseScore', 'bonus', 'veto'],
    inputIds: { unitId: 'af-unit', year: 'af-year', stage: 'af-stage', scores: 'af-scores', baseScore: 'af-base', bonus: 'af-bonus', veto: 'af-veto' },
    blank,
    fromRecord: (r) => r.draft,
    validate: (d) => validateAssessment(d, indicators.value),
    conflictField: duplicateOn('year'),
    async load(id) {
      const d = await gql(AssessmentForEditDocument, { id })
      const a = d.node && 'baseScore' in d.node ? d.node : null
      if (!a) return null
      const scores: Record<string, string | number> = Object.fromEntries(indicators.value.map((i) => [i.code, '']))
      for (const s of a.scores) scores[s.code] = String(s.score)
      return {
        id,
        draft: { unit: a.unit, year: String(a.year), baseScore: String(a.baseScore), bonus: String(a.bonus), veto: a.veto, stage: a.stage, scores },
        version: a.version,
        demo: a.demo,
      }
    },
    create: async (d) => (await gql(CreateAssessmentDocument, { input: assessmentInput(d) })).createAssessment,
    update: async (id, v, d) => (await gql(UpdateAssessmentDocument, { id, expectedVersion: v, input: assessmentInput(d) })).updateAssessment,
    remove: async (id, v) => (await gql(DeleteAssessmentDocument, { id, expectedVersion: v })).deleteAssessment,
    createdId: (a) => a.id,
  }
}

/** How a year's target of a metric is loaded and written. */
export function targetSpec(blank: () => TargetDraft): RecordFormSpec<TargetDraft, LoadedRecord<TargetDraft>, { metric: string; year: number; version: number }> {
  return {
    fields: ['metric', 'year', 'value'],
    inputIds: { metric: 'tf-metric', year: 'tf-year', value: 'tf-value' },
    blank,
    fromRecord: (r) => r.draft,
    validate: validateTarget,
    conflictField: duplicateOn('year'),
    async load(id) {
      const d = await gql(TargetForEditDocument, { id })
      const t = d.node && 'metric' in d.node ? d.node : null
      if (!t) return null
      return { id, draft: { metric: t.metric, year: String(t.year), value: String(t.value) }, version: t.version, demo: t.demo }
    },
    create: async (d) => (await gql(CreateTargetDocument, { input: targetInput(d) })).createTarget,
    update: async (id, v, d) => (await gql(UpdateTargetDocument, { id, expectedVersion: v, input: targetInput(d) })).updateTarget,
    remove: async (id, v) => (await gql(DeleteTargetDocument, { id, expectedVersion: v })).deleteTarget,
  }
}

/**
 * A weights version, whose "ID" is its fromYear: loading a year gives the version in force for it (its basis per
 * component goes to `basis`, its own first year to `loadedFrom`); saving sets the version of the draft's fromYear;
 * deleting removes the loaded version. Versions carry no version number, so they never raise a stale conflict.
 */
export function weightsSpec(
  basis: Ref<Record<string, string>>,
  loadedFrom: Ref<number | null>,
  blank: () => WeightsDraft,
): RecordFormSpec<WeightsDraft, LoadedRecord<WeightsDraft>, { fromYear: number; basis: string }[]> {
  const set = async (d: WeightsDraft) => (await gql(SetRankingWeightsDocument, { fromYear: Number(String(d.fromYear).trim()), weights: weightsInput(d) })).setRankingWeights
  return {
    fields: ['fromYear', 'weights'],
    inputIds: { fromYear: 'wf-from', weights: 'wf-honors' },
    blank,
    fromRecord: (r) => r.draft,
    validate: validateWeights,
    async load(id) {
      const d = await gql(RankingWeightsForEditDocument, { year: Number(id) })
      if (!d.rankingWeights.length) return null
      basis.value = Object.fromEntries(d.rankingWeights.map((w) => [w.component, w.basis]))
      loadedFrom.value = d.rankingWeights[0].fromYear
      return {
        id,
        draft: { fromYear: String(d.rankingWeights[0].fromYear), weights: Object.fromEntries(d.rankingWeights.map((w) => [w.component, String(w.weight)])) },
        version: 0,
        demo: false,
      }
    },
    create: set,
    update: (_id, _v, d) => set(d),
    remove: async (id) => (await gql(DeleteRankingWeightsDocument, { fromYear: loadedFrom.value ?? Number(id) })).deleteRankingWeights,
  }
}
