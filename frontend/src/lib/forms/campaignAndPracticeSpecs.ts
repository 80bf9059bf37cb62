// What the forms of 专项行动、捐赠、实践联系、实践活动 and 结对帮创 send and check: each kind's draft, its client
// checks (the server's rules and wording: db/write.go CampaignFields/PracticeLinkFields/PracticeActivityFields,
// db/donation_write.go DonationFields/PairingFields, CheckCampaignDate), its API input, and how it is loaded,
// written and deleted (the RecordFormSpec that recordEditor.ts drives).
import { CampaignForEditDocument } from '../../gql/CampaignForEdit'
import { CreateCampaignDocument } from '../../gql/CreateCampaign'
import { UpdateCampaignDocument } from '../../gql/UpdateCampaign'
import { DeleteCampaignDocument } from '../../gql/DeleteCampaign'
import { DonationForEditDocument } from '../../gql/DonationForEdit'
import { CreateDonationDocument } from '../../gql/CreateDonation'
import { UpdateDonationDocument } from '../../gql/UpdateDonation'
import { DeleteDonationDocument } from '../../gql/DeleteDonation'
import { PracticeLinkForEditDocument } from '../../gql/PracticeLinkForEdit'
import { CreatePracticeLinkDocument } from '../../gql/CreatePracticeLink'
import { UpdatePracticeLinkDocument } from '../../gql/UpdatePracticeLink'
import { DeletePracticeLinkDocument } from '../../gql/DeletePracticeLink'
import { PracticeActivityForEditDocument } from '../../gql/PracticeActivityForEdit'
import { CreatePracticeActivityDocument } from '../../gql/CreatePracticeActivity'
import { UpdatePracticeActivityDocument } from '../../gql/UpdatePracticeActivity'
import { DeletePracticeActivityDocument } from '../../gql/DeletePracticeActivity'
import { PairingForEditDocument } from '../../gql/PairingForEdit'
import { CreatePairingDocument } from '../../gql/CreatePairing'
import { UpdatePairingDocument } from '../../gql/UpdatePairing'
import { DeletePairingDocument } from '../../gql/DeletePairing'
import type {
  ActivityKind, CampaignInput, CampaignKind, DonationInput, DonationKind, PairingContent, PairingInput, PracticeAction,
  PracticeActivityInput, PracticeLinkInput,
} from '../../gql/graphql'
import { gql } from '../gql'
import { lang, pick } from '../i18n'
import { formatYuan } from '../format'
import { ta } from '../i18n-admin'
import { intOrNull, yuanText, type RecordFormSpec } from './recordEditor'
import { isValidDate, MAX_NAME, MAX_YEAR, MIN_YEAR, type FieldErrors, type UnitInfo } from '../validate'

// ---- labels of the codes these forms offer ----

export const CAMPAIGN_KINDS: CampaignKind[] = ['EPIDEMIC', 'FLOOD', 'AID']
export const DONATION_KINDS: DonationKind[] = ['CASH', 'MATERIAL']
export const ACTIVITY_KINDS: ActivityKind[] = ['PROMOTION_WEEK', 'HERITAGE_TALK', 'PAIRING', 'ROUTINE']
/** The four actions the article names; UNNAMED_5 and UNNAMED_6 cannot be chosen (the server refuses them). */
export const NAMED_ACTIONS: PracticeAction[] = ['THEORY', 'VALUES', 'CULTURE', 'SERVICE']
/** 「四送一助力」 in the article's order. */
export const PAIRING_CONTENTS: PairingContent[] = ['POLICY', 'CULTURE', 'HEALTH', 'WARMTH', 'RURAL_REVITALISATION']

const actionNames: Record<string, [string, string]> = {
  THEORY: ['党的创新理论传播', "Spreading the Party's new theories"],
  VALUES: ['主流价值践行', 'Practising mainstream values'],
  CULTURE: ['优质文化供给', 'Supplying quality culture'],
  SERVICE: ['服务惠民暖心', 'Services that benefit and warm the people'],
  UNNAMED_5: ['第五项（原文未具名）', 'Fifth action (unnamed in the article)'],
  UNNAMED_6: ['第六项（原文未具名）', 'Sixth action (unnamed in the article)'],
}
const contentNames: Record<string, [string, string]> = {
  POLICY: ['送政策', 'Bringing policies'],
  CULTURE: ['送文化', 'Bringing culture'],
  HEALTH: ['送健康', 'Bringing health'],
  WARMTH: ['送温暖', 'Bringing warmth'],
  RURAL_REVITALISATION: ['助力乡村振兴', 'Helping rural revitalisation'],
}
/** Name of a 六大行动 code. */
export const actionLabel = (a: string | null | undefined) => (a && actionNames[a] ? pick(...actionNames[a]) : '')
/** Name of a 「四送一助力」 item. */
export const contentLabel = (c: string) => (contentNames[c] ? pick(...contentNames[c]) : c)
/** Name of a donation kind. */
export const donationKindLabel = (k: string) => (k === 'CASH' ? ta('fbCash') : k === 'MATERIAL' ? ta('fbMaterial') : k)

// ---- shared checks, in the server's words ----

const runes = (s: string) => [...s].length
const RESERVED_CODES = ['ROUTINE', 'ALL']

function checkDate(e: FieldErrors, field: string, v: string, label: string, required = true) {
  const s = v.trim()
  if (!s) {
    if (required) e[field] = ta('fbRequired', { f: label })
  } else if (!isValidDate(s)) e[field] = ta('fbDateBad', { v: s })
  else if (Number(s.slice(0, 4)) < MIN_YEAR || Number(s.slice(0, 4)) > MAX_YEAR) e[field] = ta('fbYearBad', { v: s.slice(0, 4) })
}
function checkYear(e: FieldErrors, field: string, v: string | number, label: string) {
  const s = String(v ?? '').trim()
  if (!s) e[field] = ta('fbRequired', { f: label })
  else if (!/^\d{4}$/.test(s) || Number(s) < MIN_YEAR || Number(s) > MAX_YEAR) e[field] = ta('fbYearBad', { v: s })
}
function checkName(e: FieldErrors, field: string, v: string, label: string) {
  const s = v.trim()
  if (!s) e[field] = ta('fbRequired', { f: label })
  else if (runes(s) > MAX_NAME) e[field] = ta('fbTooLong', { f: label, n: MAX_NAME })
}
function checkText(e: FieldErrors, field: string, v: string, label: string) {
  if (runes(v.trim()) > 2000) e[field] = ta('fbTooLong', { f: label, n: 2000 })
}
const blankToNull = (s: string) => (s.trim() ? s.trim() : null)
const toUnit = (u: { id: string; name: string; kind: string; campus: boolean; serviceWindow: boolean } | null | undefined): UnitInfo | null =>
  u ? { id: u.id, name: u.name, kind: u.kind, campus: u.campus, serviceWindow: u.serviceWindow } : null

/** A CONFLICT that is a duplicate (the same unit and centre, unit and township): the server's words beside the field. */
const duplicateOn = (field: string) => (err: { message: string }) => (/已存在|重复/.test(err.message) ? field : undefined)

// ---- 专项行动 ----

export interface CampaignDraft {
  code: string
  nameZh: string
  nameEn: string
  kind: string
  startDate: string
  endDate: string
  description: string
}
export interface CampaignRecord {
  id: string
  version: number
  code: string
  nameZh: string
  nameEn: string
  kind: CampaignKind
  startDate: string
  endDate?: string | null
  description: string
}
export const blankCampaign = (): CampaignDraft => ({ code: '', nameZh: '', nameEn: '', kind: 'EPIDEMIC', startDate: '', endDate: '', description: '' })

/** validateCampaign mirrors CampaignFields.Validate. */
export function validateCampaign(d: CampaignDraft): FieldErrors {
  const e: FieldErrors = {}
  const code = d.code.trim()
  if (!/^[A-Z][A-Z0-9_]{1,31}$/.test(code)) e.code = code ? ta('fbCodeBad', { v: JSON.stringify(code) }) : ta('fbRequired', { f: ta('fbCode') })
  else if (RESERVED_CODES.includes(code)) e.code = ta('fbCodeReserved', { v: code })
  checkName(e, 'nameZh', d.nameZh, ta('fbNameZh'))
  checkName(e, 'nameEn', d.nameEn, ta('fbNameEn'))
  if (!CAMPAIGN_KINDS.includes(d.kind as CampaignKind)) e.kind = ta('fbChoose', { f: ta('fbKind') })
  checkDate(e, 'startDate', d.startDate, ta('fbStartDate'))
  checkDate(e, 'endDate', d.endDate, ta('fbEndDate'), false)
  if (!e.startDate && !e.endDate && d.endDate.trim() && d.endDate.trim() < d.startDate.trim()) {
    e.endDate = ta('fbEndBeforeStart', { a: d.startDate.trim(), b: d.endDate.trim() })
  }
  checkText(e, 'description', d.description, ta('fbDescription'))
  return e
}
export const campaignInput = (d: CampaignDraft): CampaignInput => ({
  code: d.code.trim(),
  nameZh: d.nameZh.trim(),
  nameEn: d.nameEn.trim(),
  kind: d.kind as CampaignKind,
  startDate: d.startDate.trim(),
  endDate: blankToNull(d.endDate),
  description: d.description.trim(),
})

export const campaignSpec: RecordFormSpec<CampaignDraft, CampaignRecord> = {
  fields: ['code', 'nameZh', 'nameEn', 'kind', 'startDate', 'endDate', 'description'],
  inputIds: { code: 'cf-code', nameZh: 'cf-name-zh', nameEn: 'cf-name-en', kind: 'cf-kind', startDate: 'cf-start', endDate: 'cf-end', description: 'cf-description' },
  blank: blankCampaign,
  fromRecord: (r) => ({
    code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, kind: r.kind, startDate: r.startDate, endDate: r.endDate ?? '', description: r.description,
  }),
  validate: validateCampaign,
  load: async (id) => (await gql(CampaignForEditDocument, { id })).node as CampaignRecord | null,
  create: async (d) => ta('fbCreatedNote', { n: pick((await gql(CreateCampaignDocument, { input: campaignInput(d) })).createCampaign.nameZh, d.nameEn) }),
  update: async (id, v, d) => {
    const c = (await gql(UpdateCampaignDocument, { id, expectedVersion: v, input: campaignInput(d) })).updateCampaign
    return ta('fbUpdatedNote', { n: pick(c.nameZh, c.nameEn), v: c.version })
  },
  remove: async (id, v) => (await gql(DeleteCampaignDocument, { id, expectedVersion: v })).deleteCampaign,
  conflictField: duplicateOn('code'),
}

// ---- 捐赠 ----

/** The dates of the campaign a donation belongs to, for the client's date check and hint. */
export interface CampaignDates {
  id: string
  nameZh: string
  nameEn: string
  startDate: string
  endDate?: string | null
}
export interface DonationDraft {
  campaignId: string
  unit: UnitInfo | null
  kind: string
  /** Whole yuan as typed: a string, never a float. */
  amount: string
  boxes: string
  batch: string
  date: string
  description: string
}
export interface DonationRecord {
  id: string
  version: number
  demo: boolean
  kind: DonationKind
  amount: string
  boxes: number
  batch?: number | null
  date: string
  description: string
  campaign: CampaignDates
  unit?: UnitInfo | null
}
export const blankDonation = (campaignId = ''): DonationDraft => ({
  campaignId, unit: null, kind: 'CASH', amount: '', boxes: '', batch: '', date: '', description: '',
})

const MAX_DONATION = 10000000000n

/** validateDonation mirrors DonationFields.Validate and CheckCampaignDate (with the campaign's dates when known). */
export function validateDonation(d: DonationDraft, campaign?: CampaignDates | null): FieldErrors {
  const e: FieldErrors = {}
  if (!d.campaignId) e.campaignId = ta('fbChoose', { f: ta('fbCampaign') })
  if (!DONATION_KINDS.includes(d.kind as DonationKind)) e.kind = ta('fbChoose', { f: ta('fbKind') })
  const amountText = String(d.amount ?? '').trim()
  const amount = amountText ? yuanText(amountText) : '0'
  if (amount === null) e.amount = ta('fbYuanBad', { v: amountText })
  else if (BigInt(amount) > MAX_DONATION) e.amount = ta('fbYuanMax')
  const boxes = intOrNull(d.boxes)
  if (boxes !== null && (Number.isNaN(boxes) || boxes < 0 || boxes > 1000000)) e.boxes = ta('fbBoxesBad', { v: String(d.boxes).trim() })
  const batch = intOrNull(d.batch)
  if (batch !== null && (Number.isNaN(batch) || batch < 1 || batch > 1000)) e.batch = ta('fbBatchBad', { v: String(d.batch).trim() })
  if (d.kind === 'CASH') {
    if (!e.amount && (amount === null || BigInt(amount ?? '0') === 0n)) e.amount = amountText ? ta('fbCashZero') : ta('fbRequired', { f: ta('fbAmount') })
    if (!e.boxes && boxes) e.boxes = ta('fbCashNoBoxes')
    if (!e.batch && batch !== null) e.batch = ta('fbCashNoBatch')
  } else if (d.kind === 'MATERIAL' && !e.amount && !e.boxes && BigInt(amount ?? '0') === 0n && !boxes) {
    e.amount = ta('fbMaterialEmpty')
  }
  checkDate(e, 'date', d.date, ta('fbDate'))
  const day = d.date.trim()
  if (!e.date && campaign && (day < campaign.startDate || (campaign.endDate && day > campaign.endDate))) {
    e.date = ta('fbOutsideCampaign', { d: day, n: campaign.nameZh, a: campaign.startDate, b: campaign.endDate ?? ta('fbUntilNow') })
  }
  checkText(e, 'description', d.description, ta('fbDescription'))
  return e
}
/** donationInput sends the amount as the digits typed (the Yuan scalar), never through a float. */
export function donationInput(d: DonationDraft): DonationInput {
  const material = d.kind === 'MATERIAL'
  return {
    campaignId: d.campaignId,
    unitId: d.unit?.id ?? null,
    kind: d.kind as DonationKind,
    amount: yuanText(d.amount || '0') ?? String(d.amount).trim(),
    boxes: material ? (intOrNull(d.boxes) ?? 0) : 0,
    batch: material ? intOrNull(d.batch) : null,
    date: d.date.trim(),
    description: d.description.trim(),
  }
}

/** donationSpec checks the date against the campaign that `campaignOf` finds for the draft's campaign. */
export function donationSpec(campaignOf: (id: string) => CampaignDates | null | undefined): RecordFormSpec<DonationDraft, DonationRecord> {
  const label = (amount: string, date: string) => `${date} ${formatYuan(amount, lang.value)}`
  return {
    fields: ['campaignId', 'unitId', 'kind', 'amount', 'boxes', 'batch', 'date', 'description'],
    inputIds: { campaignId: 'df-campaign', unitId: 'df-unit', kind: 'df-kind-CASH', amount: 'df-amount', boxes: 'df-boxes', batch: 'df-batch', date: 'df-date', description: 'df-description' },
    blank: () => blankDonation(),
    fromRecord: (r) => ({
      campaignId: r.campaign.id,
      unit: toUnit(r.unit),
      kind: r.kind,
      amount: String(r.amount),
      boxes: r.boxes ? String(r.boxes) : '',
      batch: r.batch != null ? String(r.batch) : '',
      date: r.date,
      description: r.description,
    }),
    validate: (d) => validateDonation(d, campaignOf(d.campaignId)),
    load: async (id) => (await gql(DonationForEditDocument, { id })).node as DonationRecord | null,
    create: async (d) => {
      const r = (await gql(CreateDonationDocument, { input: donationInput(d) })).createDonation
      return ta('fbCreatedNote', { n: label(String(r.amount), r.date) })
    },
    update: async (id, v, d) => {
      const r = (await gql(UpdateDonationDocument, { id, expectedVersion: v, input: donationInput(d) })).updateDonation
      return ta('fbUpdatedNote', { n: label(String(r.amount), r.date), v: r.version })
    },
    remove: async (id, v) => (await gql(DeleteDonationDocument, { id, expectedVersion: v })).deleteDonation,
  }
}

// ---- 单位与实践中心的联系 ----

export interface PracticeLinkDraft {
  unit: UnitInfo | null
  centerId: string
  sinceYear: string
}
export interface CenterRef {
  id: string
  name: string
  county?: string
}
export interface PracticeLinkRecord {
  id: string
  version: number
  demo: boolean
  sinceYear: number
  unit: UnitInfo
  center: CenterRef
}
export function validatePracticeLink(d: PracticeLinkDraft): FieldErrors {
  const e: FieldErrors = {}
  if (!d.unit) e.unitId = ta('fbChoose', { f: ta('fbUnit') })
  if (!d.centerId) e.centerId = ta('fbChoose', { f: ta('fbCenter') })
  checkYear(e, 'sinceYear', d.sinceYear, ta('fbSinceYear'))
  return e
}
export const practiceLinkInput = (d: PracticeLinkDraft): PracticeLinkInput => ({
  unitId: d.unit?.id ?? '', centerId: d.centerId, sinceYear: Number(String(d.sinceYear).trim()),
})
export const practiceLinkSpec = (blank: () => PracticeLinkDraft): RecordFormSpec<PracticeLinkDraft, PracticeLinkRecord> => ({
  fields: ['unitId', 'centerId', 'sinceYear'],
  inputIds: { unitId: 'lf-unit', centerId: 'lf-center', sinceYear: 'lf-since' },
  blank,
  fromRecord: (r) => ({ unit: toUnit(r.unit), centerId: r.center.id, sinceYear: String(r.sinceYear) }),
  validate: validatePracticeLink,
  load: async (id) => (await gql(PracticeLinkForEditDocument, { id })).node as PracticeLinkRecord | null,
  create: async (d) => {
    const r = (await gql(CreatePracticeLinkDocument, { input: practiceLinkInput(d) })).createPracticeLink
    return ta('fbCreatedNote', { n: `${r.unit.name} — ${r.center.name}` })
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdatePracticeLinkDocument, { id, expectedVersion: v, input: practiceLinkInput(d) })).updatePracticeLink
    return ta('fbUpdatedNote', { n: `${r.unit.name} — ${r.center.name}`, v: r.version })
  },
  remove: async (id, v) => (await gql(DeletePracticeLinkDocument, { id, expectedVersion: v })).deletePracticeLink,
  conflictField: duplicateOn('centerId'),
})

// ---- 文明实践活动 ----

export interface PracticeActivityDraft {
  unit: UnitInfo | null
  centerId: string
  date: string
  kind: string
  theme: string
  sessions: string
  participants: string
  /** '' = not filed under any of the six actions. */
  action: string
}
export interface PracticeActivityRecord {
  id: string
  version: number
  demo: boolean
  date: string
  kind: ActivityKind
  theme: string
  sessions: number
  participants: number
  action?: PracticeAction | null
  unit: UnitInfo
  center?: CenterRef | null
}
export function validatePracticeActivity(d: PracticeActivityDraft): FieldErrors {
  const e: FieldErrors = {}
  if (!d.unit) e.unitId = ta('fbChoose', { f: ta('fbUnit') })
  checkDate(e, 'date', d.date, ta('fbDate'))
  if (!ACTIVITY_KINDS.includes(d.kind as ActivityKind)) e.kind = ta('fbChoose', { f: ta('fbActivityKind') })
  checkName(e, 'theme', d.theme, ta('fbTheme'))
  const sessions = intOrNull(d.sessions)
  if (sessions === null) e.sessions = ta('fbRequired', { f: ta('fbSessions') })
  else if (Number.isNaN(sessions)) e.sessions = ta('fbWhole', { f: ta('fbSessions') })
  else if (sessions < 1) e.sessions = ta('fbSessionsBad', { v: sessions })
  const people = intOrNull(d.participants)
  if (people === null) e.participants = ta('fbRequired', { f: ta('fbParticipants') })
  else if (Number.isNaN(people)) e.participants = ta('fbWhole', { f: ta('fbParticipants') })
  else if (people < 0) e.participants = ta('fbParticipantsBad', { v: people })
  if (d.action && !NAMED_ACTIONS.includes(d.action as PracticeAction)) e.action = ta('fbActionHint')
  return e
}
/** practiceActivityInput always sends the action: null clears it, as the form shows it. */
export const practiceActivityInput = (d: PracticeActivityDraft): PracticeActivityInput => ({
  unitId: d.unit?.id ?? '',
  centerId: d.centerId || null,
  date: d.date.trim(),
  kind: d.kind as ActivityKind,
  theme: d.theme.trim(),
  sessions: Number(String(d.sessions).trim()),
  participants: Number(String(d.participants).trim()),
  action: (d.action || null) as PracticeAction | null,
})
/** What a save of a practice activity tells the page, and the activity's ID for its list. */
export interface PracticeActivitySaved {
  id: string
  message: string
}
export const practiceActivitySpec = (blank: () => PracticeActivityDraft): RecordFormSpec<PracticeActivityDraft, PracticeActivityRecord, PracticeActivitySaved> => ({
  fields: ['unitId', 'centerId', 'date', 'kind', 'theme', 'sessions', 'participants', 'action'],
  inputIds: {
    unitId: 'af-unit', centerId: 'af-center', date: 'af-date', kind: 'af-kind', theme: 'af-theme', sessions: 'af-sessions', participants: 'af-participants', action: 'af-action',
  },
  blank,
  fromRecord: (r) => ({
    unit: toUnit(r.unit), centerId: r.center?.id ?? '', date: r.date, kind: r.kind, theme: r.theme,
    sessions: String(r.sessions), participants: String(r.participants), action: r.action ?? '',
  }),
  validate: validatePracticeActivity,
  load: async (id) => (await gql(PracticeActivityForEditDocument, { id })).node as PracticeActivityRecord | null,
  create: async (d) => {
    const r = (await gql(CreatePracticeActivityDocument, { input: practiceActivityInput(d) })).createPracticeActivity
    return { id: r.id, message: ta('fbCreatedNote', { n: `${r.date} ${r.theme}` }) }
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdatePracticeActivityDocument, { id, expectedVersion: v, input: practiceActivityInput(d) })).updatePracticeActivity
    return { id, message: ta('fbUpdatedNote', { n: `${r.date} ${r.theme}`, v: r.version }) }
  },
  remove: async (id, v) => (await gql(DeletePracticeActivityDocument, { id, expectedVersion: v })).deletePracticeActivity,
  createdId: (s) => s.id,
})

// ---- 结对帮创 ----

export interface PairingDraft {
  unit: UnitInfo | null
  township: string
  centerId: string
  sinceYear: string
  contents: string[]
}
export interface PairingRecord {
  id: string
  version: number
  demo: boolean
  township: string
  sinceYear: number
  contents: PairingContent[]
  unit: UnitInfo
  center?: CenterRef | null
}
export function validatePairing(d: PairingDraft): FieldErrors {
  const e: FieldErrors = {}
  if (!d.unit) e.unitId = ta('fbChoose', { f: ta('fbUnit') })
  checkName(e, 'township', d.township, ta('fbTownship'))
  checkYear(e, 'sinceYear', d.sinceYear, ta('fbSinceYear'))
  return e
}
/** pairingInput always sends the contents, in the article's order: the form shows them all, so none is dropped unseen. */
export const pairingInput = (d: PairingDraft): PairingInput => ({
  unitId: d.unit?.id ?? '',
  township: d.township.trim(),
  centerId: d.centerId || null,
  sinceYear: Number(String(d.sinceYear).trim()),
  contents: PAIRING_CONTENTS.filter((c) => d.contents.includes(c)),
})
/** The 「仍被引用」 CONFLICT of deletePairing: wishes (微心愿) still name the pairing. */
export const isPairingInUse = (msg: string) => /微心愿/.test(msg) && /引用|仍/.test(msg)

export const pairingSpec = (blank: () => PairingDraft): RecordFormSpec<PairingDraft, PairingRecord> => ({
  fields: ['unitId', 'township', 'centerId', 'sinceYear', 'contents'],
  inputIds: { unitId: 'pf-unit', township: 'pf-township', centerId: 'pf-center', sinceYear: 'pf-since', contents: 'pf-content-POLICY' },
  blank,
  fromRecord: (r) => ({ unit: toUnit(r.unit), township: r.township, centerId: r.center?.id ?? '', sinceYear: String(r.sinceYear), contents: [...r.contents] }),
  validate: validatePairing,
  load: async (id) => (await gql(PairingForEditDocument, { id })).node as PairingRecord | null,
  create: async (d) => {
    const r = (await gql(CreatePairingDocument, { input: pairingInput(d) })).createPairing
    return ta('fbCreatedNote', { n: `${d.unit?.name ?? ''} — ${r.township}` })
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdatePairingDocument, { id, expectedVersion: v, input: pairingInput(d) })).updatePairing
    return ta('fbUpdatedNote', { n: `${d.unit?.name ?? ''} — ${r.township}`, v: r.version })
  },
  remove: async (id, v) => (await gql(DeletePairingDocument, { id, expectedVersion: v })).deletePairing,
  conflictField: duplicateOn('township'),
})
