// The forms of the entities the data-fidelity issue added (graph/article.graphqls): 微心愿, 优秀案例, 人才库成员 and
// 会议培训活动. Each kind has a draft, client checks that mirror db/article.go (WishFields.Validate …) in the
// server's wording, the API input, and the RecordFormSpec that useRecordEditor (recordEditor.ts) drives, so that
// the four components stay templates.
import type {
  CivilisationEventInput, EventKind, ExcellentCaseInput, TalentMemberInput, TalentRole, WishInput, WishStage,
} from '../../gql/graphql'
import { CreateWishDocument } from '../../gql/CreateWish'
import { UpdateWishDocument } from '../../gql/UpdateWish'
import { DeleteWishDocument } from '../../gql/DeleteWish'
import { WishForEditDocument } from '../../gql/WishForEdit'
import { CreateExcellentCaseDocument } from '../../gql/CreateExcellentCase'
import { UpdateExcellentCaseDocument } from '../../gql/UpdateExcellentCase'
import { DeleteExcellentCaseDocument } from '../../gql/DeleteExcellentCase'
import { ExcellentCaseForEditDocument } from '../../gql/ExcellentCaseForEdit'
import { CreateTalentMemberDocument } from '../../gql/CreateTalentMember'
import { UpdateTalentMemberDocument } from '../../gql/UpdateTalentMember'
import { DeleteTalentMemberDocument } from '../../gql/DeleteTalentMember'
import { TalentMemberForEditDocument } from '../../gql/TalentMemberForEdit'
import { CreateCivilisationEventDocument } from '../../gql/CreateCivilisationEvent'
import { UpdateCivilisationEventDocument } from '../../gql/UpdateCivilisationEvent'
import { DeleteCivilisationEventDocument } from '../../gql/DeleteCivilisationEvent'
import { CivilisationEventForEditDocument } from '../../gql/CivilisationEventForEdit'
import { gql } from '../gql'
import { isValidDate, MAX_NAME, MAX_TEXT, MAX_YEAR, MIN_YEAR, type FieldErrors, type UnitInfo } from '../validate'
import { inputIdsOf, type RecordFormSpec } from './recordEditor'

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

// ── Save, reload, delete ──

/** The four kinds, as the recycle bin and the audit log name them. */
export type ArticleEntity = 'WISH' | 'EXCELLENT_CASE' | 'TALENT_MEMBER' | 'CIVILISATION_EVENT'

/** Outcome of a save, for the form's `saved` event: the page says what was saved and whether it is new. */
export interface SaveResult {
  id: string
  created: boolean
  label: string
  version: number
}
const saved = (created: boolean, r: { id: string; version: number }, label: string): SaveResult => ({ id: r.id, created, label, version: r.version })

const wishFields = ['title', 'beneficiary', 'stage', 'unitId', 'collectedOn', 'note', 'pairingId']
/** How a 微心愿 is loaded and written. */
export const wishSpec: RecordFormSpec<WishDraft, WishRow, SaveResult> = {
  fields: wishFields,
  inputIds: inputIdsOf('wf', wishFields),
  blank: () => wishDraft(null),
  fromRecord: wishDraft,
  validate: validateWish,
  create: async (d) => {
    const r = (await gql(CreateWishDocument, { input: wishInput(d) })).createWish
    return saved(true, r, r.title)
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdateWishDocument, { id, expectedVersion: v, input: wishInput(d) })).updateWish
    return saved(false, r, r.title)
  },
  load: async (id) => {
    const n = (await gql(WishForEditDocument, { id })).node
    return n && 'title' in n ? (n as WishRow) : null
  },
  savedVersion: (s) => s.version,
  createdId: (s) => s.id,
}
const caseFields = ['compilationId', 'title', 'unitId', 'year', 'summary']
/** How an 优秀案例 is loaded and written. */
export const caseSpec: RecordFormSpec<CaseDraft, CaseRow, SaveResult> = {
  fields: caseFields,
  inputIds: inputIdsOf('cf', caseFields),
  blank: () => caseDraft(null),
  fromRecord: (c) => caseDraft(c),
  validate: validateCase,
  create: async (d) => {
    const r = (await gql(CreateExcellentCaseDocument, { input: caseInput(d) })).createExcellentCase
    return saved(true, r, r.title)
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdateExcellentCaseDocument, { id, expectedVersion: v, input: caseInput(d) })).updateExcellentCase
    return saved(false, r, r.title)
  },
  load: async (id) => {
    const n = (await gql(ExcellentCaseForEditDocument, { id })).node
    return n && 'compilation' in n ? (n as CaseRow) : null
  },
  savedVersion: (s) => s.version,
  createdId: (s) => s.id,
}
const talentFields = ['name', 'unitId', 'sinceYear', 'roles']
/** How a member of the 人才库 is loaded and written. */
export const talentSpec: RecordFormSpec<TalentDraft, TalentRow, SaveResult> = {
  fields: talentFields,
  inputIds: inputIdsOf('tf', talentFields),
  blank: () => talentDraft(null),
  fromRecord: (m) => talentDraft(m),
  validate: validateTalent,
  create: async (d) => {
    const r = (await gql(CreateTalentMemberDocument, { input: talentInput(d) })).createTalentMember
    return saved(true, r, r.name)
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdateTalentMemberDocument, { id, expectedVersion: v, input: talentInput(d) })).updateTalentMember
    return saved(false, r, r.name)
  },
  load: async (id) => {
    const n = (await gql(TalentMemberForEditDocument, { id })).node
    return n && 'roles' in n ? (n as TalentRow) : null
  },
  savedVersion: (s) => s.version,
  createdId: (s) => s.id,
}
const eventFields = ['kind', 'title', 'date', 'place']
/** How a 会议培训活动 is loaded and written. */
export const eventSpec: RecordFormSpec<EventDraft, EventRow, SaveResult> = {
  fields: eventFields,
  inputIds: inputIdsOf('ef', eventFields),
  blank: () => eventDraft(null),
  fromRecord: eventDraft,
  validate: validateEvent,
  create: async (d) => {
    const r = (await gql(CreateCivilisationEventDocument, { input: eventInput(d) })).createCivilisationEvent
    return saved(true, r, r.title)
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdateCivilisationEventDocument, { id, expectedVersion: v, input: eventInput(d) })).updateCivilisationEvent
    return saved(false, r, r.title)
  },
  load: async (id) => {
    const n = (await gql(CivilisationEventForEditDocument, { id })).node
    return n && 'kind' in n ? (n as EventRow) : null
  },
  savedVersion: (s) => s.version,
  createdId: (s) => s.id,
}

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
