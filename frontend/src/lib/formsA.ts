// Client checks and the shared edit controller of the people, assessment, target and ranking-weight forms.
// The checks mirror db/write.go (PersonFields, AssessmentFields, TargetFields, ValidateRankingWeights,
// ValidateCategoryPoints) and db/sqlite's writeScores with the server's wording, so that most mistakes are caught
// before a round trip; the server stays the judge and its field errors are shown beside their fields too.
import { reactive, ref } from 'vue'
import type { AssessmentInput, AssessmentStage, PersonInput, ProgressMetric, RankingWeightInput, TargetInput } from '../gql/graphql'
import { RestoreRecordDocument } from '../gql/RestoreRecord'
import { gql, GraphQLRequestError } from './gql'
import { lang } from './i18n'
import { ta } from './i18n-admin'
import { serverMessage } from './messages'
import { useRecordForm } from './recordForm'
import { isStaleConflict, MAX_NAME, MAX_TEXT, MAX_YEAR, MIN_YEAR, type FieldErrors, type UnitInfo } from './validate'

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

// ---- the edit controller ----

/** A bin entry as the delete mutations return it. */
export interface BinEntry {
  id: string
  recordId?: string | null
}

/** What a form does with the server; the controller holds the messages, the version and the bin entry. */
export interface RecordOps<D, S> {
  /** The record as it is now, or null when it is gone. */
  load(id: string): Promise<{ draft: D; version: number; demo: boolean } | null>
  create(d: D): Promise<S>
  update(id: string, expectedVersion: number, d: D): Promise<S>
  remove(id: string, expectedVersion: number): Promise<BinEntry>
}

export interface EditOptions<D, S> {
  /** The record's global ID; empty for a new record. */
  id: string | undefined
  fields: string[]
  inputIds: Record<string, string>
  draft: D
  validate: () => FieldErrors
  ops: RecordOps<D, S>
  /** The field a duplicate-key CONFLICT belongs to (the server says 「…已存在」). */
  duplicateField?: string
}

/**
 * useEditRecord runs a record form: load for editing, save (create or update with the version it loaded), a stale
 * version → the conflict banner with the newer version offered (reloadLatest), field errors beside their fields,
 * delete to the recycle bin and, for admins, restore from it.
 */
export function useEditRecord<D extends object, S>(o: EditOptions<D, S>) {
  const form = useRecordForm(o.fields, o.inputIds, o.validate)
  const recordId = ref(o.id ?? '')
  const version = ref(0)
  const demo = ref(false)
  const loading = ref(!!o.id)
  const missing = ref(false)
  const binEntry = ref<BinEntry | null>(null)
  const state = reactive({ deleting: false, restoring: false, reloading: false })

  const message = (e: unknown) => serverMessage((e as Error).message, lang.value)

  async function load(note = false): Promise<boolean> {
    if (!recordId.value) return false
    try {
      const r = await o.ops.load(recordId.value)
      if (!r) {
        missing.value = true
        form.general.value = ''
        return false
      }
      Object.assign(o.draft, r.draft)
      version.value = r.version
      demo.value = r.demo
      form.conflict.value = false
      form.serverErrors.value = {}
      if (note) form.reloadedNote.value = ta('conflictReloaded', { v: r.version })
      return true
    } catch (e) {
      form.general.value = message(e)
      return false
    } finally {
      loading.value = false
    }
  }

  /** save sends the draft; it returns what the server saved, or undefined when the save failed. */
  async function save(): Promise<S | undefined> {
    if (!form.begin()) return undefined
    form.busy.value = true
    try {
      return recordId.value ? await o.ops.update(recordId.value, version.value, o.draft) : await o.ops.create(o.draft)
    } catch (e) {
      form.fail(e, {
        isStale: (err) => !!recordId.value && isStaleConflict(err.message),
        conflictField: (err) => (o.duplicateField && /已存在/.test(err.message) ? o.duplicateField : undefined),
      })
      return undefined
    } finally {
      form.busy.value = false
    }
  }

  /** reloadLatest loads the newer version after a conflict; the user checks it and saves again. */
  async function reloadLatest() {
    state.reloading = true
    form.general.value = ''
    try {
      await load(true)
    } finally {
      state.reloading = false
    }
  }

  /** remove moves the record to the recycle bin with the version it shows; a stale version is a conflict too. */
  async function remove(): Promise<BinEntry | undefined> {
    state.deleting = true
    form.general.value = ''
    try {
      binEntry.value = await o.ops.remove(recordId.value, version.value)
      return binEntry.value
    } catch (e) {
      if (e instanceof GraphQLRequestError && e.code === 'CONFLICT' && isStaleConflict(e.message)) form.conflict.value = true
      else form.general.value = message(e)
      return undefined
    } finally {
      state.deleting = false
    }
  }

  /** restore brings the deleted record back from the recycle bin under its old ID (admins). */
  async function restore(): Promise<boolean> {
    if (!binEntry.value) return false
    state.restoring = true
    form.general.value = ''
    try {
      await gql(RestoreRecordDocument, { id: binEntry.value.id })
      binEntry.value = null
      await load()
      return true
    } catch (e) {
      form.general.value = message(e)
      return false
    } finally {
      state.restoring = false
    }
  }

  if (o.id) void load()
  return { ...form, recordId, version, demo, loading, missing, binEntry, state, load, save, reloadLatest, remove, restore }
}
