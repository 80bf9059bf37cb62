// The forms of the entities the data-fidelity issue added (graph/article.graphqls): 微心愿, 优秀案例, 人才库成员 and
// 会议培训活动. Each kind has a draft, client checks that mirror db/article.go (WishFields.Validate …) in the
// server's wording, and the API input; useEntityForm holds the save, the stale-version reload and the messages,
// so that the four components stay templates.
import { reactive, ref } from 'vue'
import type {
  CivilisationEventInput, EventKind, ExcellentCaseInput, TalentMemberInput, TalentRole, WishInput, WishStage,
} from '../gql/graphql'
import { CreateWishDocument } from '../gql/CreateWish'
import { UpdateWishDocument } from '../gql/UpdateWish'
import { DeleteWishDocument } from '../gql/DeleteWish'
import { WishForEditDocument } from '../gql/WishForEdit'
import { CreateExcellentCaseDocument } from '../gql/CreateExcellentCase'
import { UpdateExcellentCaseDocument } from '../gql/UpdateExcellentCase'
import { DeleteExcellentCaseDocument } from '../gql/DeleteExcellentCase'
import { ExcellentCaseForEditDocument } from '../gql/ExcellentCaseForEdit'
import { CreateTalentMemberDocument } from '../gql/CreateTalentMember'
import { UpdateTalentMemberDocument } from '../gql/UpdateTalentMember'
import { DeleteTalentMemberDocument } from '../gql/DeleteTalentMember'
import { TalentMemberForEditDocument } from '../gql/TalentMemberForEdit'
import { CreateCivilisationEventDocument } from '../gql/CreateCivilisationEvent'
import { UpdateCivilisationEventDocument } from '../gql/UpdateCivilisationEvent'
import { DeleteCivilisationEventDocument } from '../gql/DeleteCivilisationEvent'
import { CivilisationEventForEditDocument } from '../gql/CivilisationEventForEdit'
import { RestoreRecordDocument } from '../gql/RestoreRecord'
import { gql } from './gql'
import { lang } from './i18n'
import { serverMessage } from './messages'
import { useRecordForm } from './recordForm'
import { isStaleConflict, isValidDate, MAX_NAME, MAX_TEXT, MAX_YEAR, MIN_YEAR, type FieldErrors, type UnitInfo } from './validate'

export const WISH_STAGES = ['COLLECTED', 'PUBLISHED', 'CLAIMED', 'FULFILLED'] as const
export const TALENT_ROLES = ['ONLINE_REVIEW', 'SITE_VISIT', 'ADVANCED_SELECTION'] as const
export const EVENT_KINDS = ['TRAINING', 'PROGRESS_MEETING', 'OBSERVATION_EXCHANGE', 'BUSINESS_ENVIRONMENT_MEETING', 'LAUNCH_CEREMONY'] as const
/** Stages from which a wish names the unit that claimed it (WishStage.Claimed). */
export const claimedStage = (s: string) => s === 'CLAIMED' || s === 'FULFILLED'

const runes = (s: string) => [...s].length

function name(e: FieldErrors, field: string, label: string, v: string) {
  const s = v.trim()
  if (!s) e[field] = `${label}不能为空`
  else if (runes(s) > MAX_NAME) e[field] = `${label}不能超过 ${MAX_NAME} 个字`
}
function text(e: FieldErrors, field: string, label: string, v: string) {
  if (runes(v.trim()) > MAX_TEXT) e[field] = `${label}不能超过 ${MAX_TEXT} 个字`
}
function date(e: FieldErrors, field: string, v: string, required: boolean) {
  const s = v.trim()
  if (!s) {
    if (required) e[field] = '请填写日期'
  } else if (!isValidDate(s)) e[field] = `日期格式应为 YYYY-MM-DD：${s}`
  else {
    const y = Number(s.slice(0, 4))
    if (y < MIN_YEAR || y > MAX_YEAR) e[field] = `日期的年份须在 ${MIN_YEAR} 到 ${MAX_YEAR} 之间：${s}`
  }
}
function year(e: FieldErrors, field: string, v: string | number, required: boolean) {
  const s = String(v ?? '').trim()
  const y = Number(s)
  if (!s) {
    if (required) e[field] = '请填写年份'
  } else if (!/^\d{4}$/.test(s)) e[field] = '年份须为四位数字'
  else if (y < MIN_YEAR || y > MAX_YEAR) e[field] = `年份须在 ${MIN_YEAR} 到 ${MAX_YEAR} 之间，收到 ${y}`
}
const unitOf = (u: { id: string; name: string; kind: string; campus: boolean; serviceWindow: boolean } | null | undefined): UnitInfo | null =>
  u ? { id: u.id, name: u.name, kind: u.kind, campus: u.campus, serviceWindow: u.serviceWindow } : null

// ── 微心愿 ──

/** A wish as the lists and the edit query give it. */
export interface WishRow {
  id: string
  title: string
  beneficiary: string
  stage: string
  collectedOn: string
  note: string
  demo: boolean
  version: number
  pairing?: { id: string; township: string; unit?: { name: string } | null } | null
  claimedBy?: UnitInfo | null
}
export interface WishDraft {
  title: string
  beneficiary: string
  /** Kept from the record: the pairing the wish came through (no pairing list to choose from yet). */
  pairingId: string | null
  stage: string
  unit: UnitInfo | null
  collectedOn: string
  note: string
}
export const wishDraft = (w: WishRow | null): WishDraft => ({
  title: w?.title ?? '',
  beneficiary: w?.beneficiary ?? '',
  pairingId: w?.pairing?.id ?? null,
  stage: w?.stage ?? 'COLLECTED',
  unit: unitOf(w?.claimedBy),
  collectedOn: w?.collectedOn ?? '',
  note: w?.note ?? '',
})
/** validateWish mirrors WishFields.Validate: a claimed or fulfilled wish names its unit, an earlier one none. */
export function validateWish(d: WishDraft): FieldErrors {
  const e: FieldErrors = {}
  name(e, 'title', '心愿内容', d.title)
  name(e, 'beneficiary', '心愿所在村（社区）', d.beneficiary)
  if (!(WISH_STAGES as readonly string[]).includes(d.stage)) e.stage = `心愿阶段无效：${d.stage}`
  else if (claimedStage(d.stage) && !d.unit) e.unitId = '已认领或实施的心愿须填写认领单位'
  else if (!claimedStage(d.stage) && d.unit) e.unitId = '心愿尚在征集或发布阶段，不应填写认领单位'
  date(e, 'collectedOn', d.collectedOn, true)
  text(e, 'note', '备注', d.note)
  return e
}
export const wishInput = (d: WishDraft): WishInput => ({
  title: d.title.trim(),
  beneficiary: d.beneficiary.trim(),
  pairingId: d.pairingId,
  stage: d.stage as WishStage,
  unitId: claimedStage(d.stage) ? (d.unit?.id ?? null) : null,
  collectedOn: d.collectedOn.trim(),
  note: d.note.trim(),
})

// ── 优秀案例 ──

export interface CaseRow {
  id: string
  title: string
  year?: number | null
  summary: string
  demo: boolean
  version: number
  compilation: { id: string; title: string }
  unit?: UnitInfo | null
}
export interface CaseDraft {
  compilationId: string
  title: string
  unit: UnitInfo | null
  year: string | number
  summary: string
}
export const caseDraft = (c: CaseRow | null, compilationId = ''): CaseDraft => ({
  compilationId: c?.compilation.id ?? compilationId,
  title: c?.title ?? '',
  unit: unitOf(c?.unit),
  year: c?.year != null ? String(c.year) : '',
  summary: c?.summary ?? '',
})
/** validateCase mirrors ExcellentCaseFields.Validate. */
export function validateCase(d: CaseDraft): FieldErrors {
  const e: FieldErrors = {}
  if (!d.compilationId) e.compilationId = '请选择所属汇编'
  name(e, 'title', '案例标题', d.title)
  year(e, 'year', d.year, false)
  text(e, 'summary', '案例简介', d.summary)
  return e
}
export const caseInput = (d: CaseDraft): ExcellentCaseInput => ({
  compilationId: d.compilationId,
  title: d.title.trim(),
  unitId: d.unit?.id ?? null,
  year: String(d.year ?? '').trim() ? Number(String(d.year).trim()) : null,
  summary: d.summary.trim(),
})

// ── 人才库成员 ──

export interface TalentRow {
  id: string
  name: string
  sinceYear: number
  roles: string[]
  demo: boolean
  version: number
  unit?: UnitInfo | null
}
export interface TalentDraft {
  name: string
  unit: UnitInfo | null
  sinceYear: string | number
  roles: string[]
}
export const talentDraft = (m: TalentRow | null, thisYear = MAX_YEAR): TalentDraft => ({
  name: m?.name ?? '',
  unit: unitOf(m?.unit),
  sinceYear: m ? String(m.sinceYear) : String(thisYear),
  roles: m ? [...m.roles] : [],
})
/** validateTalent mirrors TalentMemberFields.Validate (at least one role). */
export function validateTalent(d: TalentDraft): FieldErrors {
  const e: FieldErrors = {}
  name(e, 'name', '姓名', d.name)
  year(e, 'sinceYear', d.sinceYear, true)
  if (!d.roles.length) e.roles = '须至少选择一项承担的工作：网络评审、实地考察、先进评选'
  return e
}
/** The roles go in the article's order, once each, as the server keeps them. */
export const talentInput = (d: TalentDraft): TalentMemberInput => ({
  name: d.name.trim(),
  unitId: d.unit?.id ?? null,
  sinceYear: Number(String(d.sinceYear).trim()),
  roles: TALENT_ROLES.filter((r) => d.roles.includes(r)) as TalentRole[],
})

// ── 会议培训活动 ──

export interface EventRow {
  id: string
  kind: string
  title: string
  date?: string | null
  place: string
  quote: string
  demo: boolean
  version: number
  source?: { title: string } | null
}
export interface EventDraft {
  kind: string
  title: string
  date: string
  place: string
}
export const eventDraft = (ev: EventRow | null): EventDraft => ({
  kind: ev?.kind ?? '',
  title: ev?.title ?? '',
  date: ev?.date ?? '',
  place: ev?.place ?? '',
})
/** validateEvent mirrors CivilisationEventFields.Validate: the date is optional (the article often gives none). */
export function validateEvent(d: EventDraft): FieldErrors {
  const e: FieldErrors = {}
  if (!(EVENT_KINDS as readonly string[]).includes(d.kind)) e.kind = d.kind ? `活动类型无效：${d.kind}` : '请选择活动类型'
  name(e, 'title', '活动名称', d.title)
  date(e, 'date', d.date, false)
  if (runes(d.place.trim()) > MAX_NAME) e.place = `地点不能超过 ${MAX_NAME} 个字`
  return e
}
export const eventInput = (d: EventDraft): CivilisationEventInput => ({
  kind: d.kind as EventKind,
  title: d.title.trim(),
  date: d.date.trim() || null,
  place: d.place.trim(),
})

// ── Save, reload, delete, restore ──

/** The four kinds, as the recycle bin and the audit log name them. */
export type ArticleEntity = 'WISH' | 'EXCELLENT_CASE' | 'TALENT_MEMBER' | 'CIVILISATION_EVENT'

interface Saved {
  id: string
  version: number
  label: string
}
/** How one kind is saved and reloaded; the draft type D comes from the functions above. */
export interface EntitySpec<D> {
  entity: ArticleEntity
  fields: string[]
  validate: (d: D) => FieldErrors
  create: (d: D) => Promise<Saved>
  update: (id: string, version: number, d: D) => Promise<Saved>
  /** The latest record as a draft with its version, or null when it was deleted meanwhile. */
  load: (id: string) => Promise<{ draft: D; version: number } | null>
}

export const wishSpec: EntitySpec<WishDraft> = {
  entity: 'WISH',
  fields: ['title', 'beneficiary', 'stage', 'unitId', 'collectedOn', 'note', 'pairingId'],
  validate: validateWish,
  create: async (d) => {
    const r = (await gql(CreateWishDocument, { input: wishInput(d) })).createWish
    return { id: r.id, version: r.version, label: r.title }
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdateWishDocument, { id, expectedVersion: v, input: wishInput(d) })).updateWish
    return { id: r.id, version: r.version, label: r.title }
  },
  load: async (id) => {
    const n = (await gql(WishForEditDocument, { id })).node
    return n && 'title' in n ? { draft: wishDraft(n as WishRow), version: n.version } : null
  },
}
export const caseSpec: EntitySpec<CaseDraft> = {
  entity: 'EXCELLENT_CASE',
  fields: ['compilationId', 'title', 'unitId', 'year', 'summary'],
  validate: validateCase,
  create: async (d) => {
    const r = (await gql(CreateExcellentCaseDocument, { input: caseInput(d) })).createExcellentCase
    return { id: r.id, version: r.version, label: r.title }
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdateExcellentCaseDocument, { id, expectedVersion: v, input: caseInput(d) })).updateExcellentCase
    return { id: r.id, version: r.version, label: r.title }
  },
  load: async (id) => {
    const n = (await gql(ExcellentCaseForEditDocument, { id })).node
    return n && 'compilation' in n ? { draft: caseDraft(n as CaseRow), version: n.version } : null
  },
}
export const talentSpec: EntitySpec<TalentDraft> = {
  entity: 'TALENT_MEMBER',
  fields: ['name', 'unitId', 'sinceYear', 'roles'],
  validate: validateTalent,
  create: async (d) => {
    const r = (await gql(CreateTalentMemberDocument, { input: talentInput(d) })).createTalentMember
    return { id: r.id, version: r.version, label: r.name }
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdateTalentMemberDocument, { id, expectedVersion: v, input: talentInput(d) })).updateTalentMember
    return { id: r.id, version: r.version, label: r.name }
  },
  load: async (id) => {
    const n = (await gql(TalentMemberForEditDocument, { id })).node
    return n && 'roles' in n ? { draft: talentDraft(n as TalentRow), version: n.version } : null
  },
}
export const eventSpec: EntitySpec<EventDraft> = {
  entity: 'CIVILISATION_EVENT',
  fields: ['kind', 'title', 'date', 'place'],
  validate: validateEvent,
  create: async (d) => {
    const r = (await gql(CreateCivilisationEventDocument, { input: eventInput(d) })).createCivilisationEvent
    return { id: r.id, version: r.version, label: r.title }
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdateCivilisationEventDocument, { id, expectedVersion: v, input: eventInput(d) })).updateCivilisationEvent
    return { id: r.id, version: r.version, label: r.title }
  },
  load: async (id) => {
    const n = (await gql(CivilisationEventForEditDocument, { id })).node
    return n && 'kind' in n ? { draft: eventDraft(n as EventRow), version: n.version } : null
  },
}

/** Outcome of a save, for the form's `saved` event. */
export interface SaveResult {
  created: boolean
  label: string
  version: number
}

/**
 * useEntityForm is one form's state: the draft, the version it was loaded at, the messages (useRecordForm) and
 * save / reloadLatest. `prefix` names the inputs (`${prefix}-${field}`), so that a field error can focus its input.
 */
export function useEntityForm<D extends object>(spec: EntitySpec<D>, record: { id: string; version: number } | null, initial: D, prefix: string) {
  const draft = reactive({ ...initial }) as D
  const version = ref(record?.version ?? 0)
  const ids = Object.fromEntries(spec.fields.map((f) => [f, `${prefix}-${f}`]))
  const form = useRecordForm(spec.fields, ids, () => spec.validate(draft))
  const reloading = ref(false)

  /** save sends the draft; it resolves to the result, or null when it failed (the messages say why). */
  async function save(): Promise<SaveResult | null> {
    if (!form.begin()) return null
    form.busy.value = true
    try {
      const r = record ? await spec.update(record.id, version.value, draft) : await spec.create(draft)
      version.value = r.version
      return { created: !record, label: r.label, version: r.version }
    } catch (e) {
      form.fail(e, { isStale: (err) => isStaleConflict(err.message) })
      return null
    } finally {
      form.busy.value = false
    }
  }
  /** reloadLatest loads the newer version after a conflict, so that the user edits on top of it. */
  async function reloadLatest() {
    if (!record) return
    reloading.value = true
    form.general.value = ''
    try {
      const d = await spec.load(record.id)
      if (!d) {
        form.general.value = deletedMessage()
        return
      }
      Object.assign(draft, d.draft)
      version.value = d.version
      form.conflict.value = false
      form.serverErrors.value = {}
      form.reloadedNote.value = reloadedMessage(d.version)
    } catch (e) {
      form.general.value = serverMessage((e as Error).message, lang.value)
    } finally {
      reloading.value = false
    }
  }
  return { draft, version, reloading, save, reloadLatest, ...form }
}

// The two notes the composable writes itself; the components use ta() for everything else. They are kept here,
// in both languages, so that the composable stays free of the admin message module (tests load it without it).
const deletedMessage = () => (lang.value === 'en' ? 'This record has been deleted meanwhile.' : '该记录已被删除。')
const reloadedMessage = (v: number) =>
  lang.value === 'en' ? `Loaded the latest version (${v}); make your changes again and save.` : `已载入最新版本（版本 ${v}），请重新修改后保存。`

/** Move a record of one of the four kinds to the recycle bin; resolves to the bin entry's ID (for restoreRecord). */
export async function deleteArticleRecord(entity: ArticleEntity, id: string, expectedVersion: number): Promise<string> {
  switch (entity) {
    case 'WISH':
      return (await gql(DeleteWishDocument, { id, expectedVersion })).deleteWish.id
    case 'EXCELLENT_CASE':
      return (await gql(DeleteExcellentCaseDocument, { id, expectedVersion })).deleteExcellentCase.id
    case 'TALENT_MEMBER':
      return (await gql(DeleteTalentMemberDocument, { id, expectedVersion })).deleteTalentMember.id
    case 'CIVILISATION_EVENT':
      return (await gql(DeleteCivilisationEventDocument, { id, expectedVersion })).deleteCivilisationEvent.id
  }
}

/** Bring a deleted record back from the recycle bin (ADMIN), under its old ID. */
export async function restoreArticleRecord(binId: string): Promise<string | null | undefined> {
  return (await gql(RestoreRecordDocument, { id: binId })).restoreRecord.recordId
}

/** Where an admin reads the audit entries of one record, or of its kind (the audit log stays admin-only). */
export const auditHref = (entity: ArticleEntity, recordId?: string, l: string = lang.value) => ({
  path: '/admin/audit',
  query: { entity, ...(recordId ? { record: recordId } : {}), ...(l === 'en' ? { lang: 'en' } : {}) },
})
