// Client-side checks that mirror the server's (db/write.go HonorFields.Validate
// and the store's recipient checks), so that most mistakes are caught before a
// round trip. The server stays the authority: its field errors are shown too.
import type { HonorInput, HonorStatus, RecordingMethod, UnitInput, VolunteerRecordInput } from '../gql/graphql'

export const MIN_YEAR = 1949
export const MAX_YEAR = 2100
export const MAX_NAME = 200

export interface CategoryInfo {
  code: string
  /** The category's default recipient kind. */
  recipientKind: string
  /** Every kind it accepts (「四个优秀」: persons, organisations, projects and communities); absent means the one above. */
  recipientKinds?: string[] | null
}
export interface UnitInfo {
  id: string
  name: string
  kind: string
  campus: boolean
  serviceWindow: boolean
}
/** A person as the honour form's person picker offers them. */
export interface PersonInfo {
  id: string
  name: string
  unit?: { name: string } | null
}
/** A work of 赶考路上有我 as the honour form's work picker offers it. */
export interface WorkInfo {
  id: string
  title: string
  kind?: string
  year?: number
}

export interface HonorDraft {
  categoryCode: string
  /** The kind of recipient: the category's only one, or the one chosen where it accepts several; '' until known. */
  recipientKind?: string
  /** The unit a unit, campus or window honour goes to; for the other kinds, the unit it counts for (optional). */
  unit: UnitInfo | null
  person?: PersonInfo | null
  /** A volunteer project's global ID, for project honours. */
  projectId?: string
  work?: WorkInfo | null
  /** A community's name (社区 has no record of its own). */
  recipientName?: string
  /** Text of the year input (a number input may hand over a number). */
  year: string | number
  date: string
  edition: string
  status: string
}

/** Field errors, keyed by the API's input field names (categoryCode, unitId, year, date, edition, status). */
export type FieldErrors = Partial<Record<string, string>>

const runes = (s: string) => [...s].length

export function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const dt = new Date(Date.UTC(y, mo - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d
}

/** Recipient kinds that are units: the honour names the unit itself. */
export const UNIT_RECIPIENT_KINDS = ['UNIT', 'CAMPUS', 'WINDOW']

/** Every kind a category accepts, its default first. */
export const kindsOf = (c: CategoryInfo): string[] => (c.recipientKinds?.length ? c.recipientKinds : [c.recipientKind])

/** The recipient kind of a draft under its category: the only one, or the one chosen among several ('' if none). */
export function recipientKindOf(d: HonorDraft, cat: CategoryInfo | undefined): string {
  if (!cat) return d.recipientKind ?? ''
  const kinds = kindsOf(cat)
  if (kinds.length === 1) return kinds[0]
  return d.recipientKind && kinds.includes(d.recipientKind) ? d.recipientKind : ''
}

/**
 * validateHonor mirrors HonorFields.Validate and the store's recipient rules (db/store resolveHonor,
 * db.CheckUnitRecipient) with the server's wording: a category, a year, a date in that year, and a recipient of the
 * category's kind — a unit that fits it, a person, a project, a work, or a community's name.
 */
export function validateHonor(d: HonorDraft, categories: CategoryInfo[]): FieldErrors {
  const e: FieldErrors = {}
  const cat = categories.find((c) => c.code === d.categoryCode.trim())
  if (!d.categoryCode.trim()) e.categoryCode = '请选择荣誉类别'
  else if (!cat) e.categoryCode = `未知的荣誉类别代码：${d.categoryCode}`

  const yearText = String(d.year ?? '').trim()
  const year = Number(yearText)
  if (!yearText) e.year = '请填写年份'
  else if (!/^\d{4}$/.test(yearText) || !Number.isInteger(year)) e.year = '年份须为四位数字'
  else if (year < MIN_YEAR || year > MAX_YEAR) e.year = `年份须在 ${MIN_YEAR} 到 ${MAX_YEAR} 之间，收到 ${year}`

  const date = d.date.trim()
  if (date) {
    if (!isValidDate(date)) e.date = `日期格式应为 YYYY-MM-DD：${date}`
    else if (!e.year && Number(date.slice(0, 4)) !== year) e.date = `日期 ${date} 不在荣誉年份 ${year} 内`
  }
  if (runes(d.edition.trim()) > MAX_NAME) e.edition = `届次不能超过 ${MAX_NAME} 个字`
  if (!cat) return e

  const kind = recipientKindOf(d, cat)
  const zh: Record<string, string> = { UNIT: '单位', CAMPUS: '校园', WINDOW: '窗口', PERSON: '个人', PROJECT: '项目', WORK: '作品', COMMUNITY: '社区' }
  const u = d.unit
  switch (kind) {
    case '':
      e.recipientKind = '请选择获得者类型'
      break
    case 'UNIT':
    case 'CAMPUS':
    case 'WINDOW':
      if (!u) e.unitId = `${zh[kind]}类荣誉须指定获得单位`
      else if (kind === 'CAMPUS' && !u.campus) e.unitId = `校园类荣誉须授予高校或中小学，${u.name} 是${u.kind}`
      else if (kind === 'UNIT' && u.campus) e.unitId = `${u.name} 是${u.kind}，应使用校园类荣誉类别`
      else if (kind === 'WINDOW' && !u.serviceWindow) e.unitId = `窗口类荣誉须授予窗口单位，${u.name} 不是窗口单位`
      break
    case 'PERSON':
      if (!d.person) e.personId = '个人类荣誉须指定获得者'
      break
    case 'PROJECT':
      if (!d.projectId) e.projectId = '项目类荣誉须指定项目'
      break
    case 'WORK':
      if (!d.work) e.workId = '作品类荣誉须指定作品'
      break
    case 'COMMUNITY': {
      const n = (d.recipientName ?? '').trim()
      if (!n) e.recipientName = '社区类荣誉须填写获得者名称（社区名称）'
      else if (runes(n) > MAX_NAME) e.recipientName = `获得者名称不能超过 ${MAX_NAME} 个字`
      break
    }
  }
  return e
}

/**
 * The HonorInput the API takes, from a draft that passed validateHonor: the recipient of the draft's kind (a unit
 * when no kind is set), and for a person, project or work the unit it counts for when one is chosen.
 */
export function honorInput(d: HonorDraft): HonorInput {
  const kind = d.recipientKind || 'UNIT'
  const recipient: Partial<HonorInput> = {}
  if (UNIT_RECIPIENT_KINDS.includes(kind)) recipient.unitId = d.unit?.id ?? null
  else if (kind === 'COMMUNITY') recipient.recipientName = (d.recipientName ?? '').trim()
  else {
    if (kind === 'PERSON') recipient.personId = d.person?.id ?? null
    if (kind === 'PROJECT') recipient.projectId = d.projectId || null
    if (kind === 'WORK') recipient.workId = d.work?.id ?? null
    if (d.unit) recipient.unitId = d.unit.id
  }
  return {
    categoryCode: d.categoryCode.trim(),
    ...recipient,
    year: Number(String(d.year).trim()),
    date: d.date.trim() || null,
    edition: d.edition.trim() || null,
    status: (d.status || null) as HonorStatus | null,
  }
}

export interface UserDraft {
  username: string
  displayName: string
  password: string
  role: string
}

export function validateUser(d: UserDraft): FieldErrors {
  const e: FieldErrors = {}
  const u = d.username.trim()
  if (!u) e.username = '用户名不能为空'
  else if (runes(u) < 2 || runes(u) > 64) e.username = '用户名须为 2–64 个字符'
  if (runes(d.displayName.trim()) > MAX_NAME) e.displayName = `显示名称不能超过 ${MAX_NAME} 个字`
  if (runes(d.password) < 8) e.password = '密码至少 8 个字符'
  else if (new TextEncoder().encode(d.password).length > 72) e.password = '密码不能超过 72 字节'
  if (!['VIEWER', 'EDITOR', 'ADMIN'].includes(d.role)) e.role = '请选择角色'
  return e
}

export function validateToken(name: string, days: string): FieldErrors {
  const e: FieldErrors = {}
  if (!name.trim()) e.name = '令牌名称不能为空'
  else if (runes(name.trim()) > MAX_NAME) e.name = `名称不能超过 ${MAX_NAME} 个字`
  if (days !== '') {
    const n = Number(days)
    if (!Number.isInteger(n) || n < 1 || n > 3650) e.expiresInDays = '有效期须在 1 到 3650 天之间'
  }
  return e
}

// ── Volunteer records (db/write.go VolunteerRecordFields.Validate and MinutesFromHours) ──

export const RECORDING_METHODS = ['SIGN_IN', 'SHIFT', 'SELF_REPORT', 'BACKFILL'] as const
/** GraphQL Int is 32-bit signed. */
export const MAX_INT = 2147483647
export const MAX_HOURS = 1e9

export interface VolunteerDraft {
  unit: UnitInfo | null
  /** Campaign global ID; '' for routine service (常态化). */
  campaignId: string
  date: string
  /** Text of the number inputs (v-model on a number input may hand over a number). */
  volunteers: string | number
  hours: string | number
  method: string
  verified: boolean
}

/** Whole minutes in the given hours, or null when hours × 60 is not a whole number (the server's tolerance). */
export function minutesOf(hours: number): number | null {
  const m = hours * 60
  const r = Math.round(m)
  return Math.abs(m - r) > 1e-6 ? null : r
}

export function validateVolunteer(d: VolunteerDraft): FieldErrors {
  const e: FieldErrors = {}
  if (!d.unit) e.unitId = '请选择组织单位'

  const date = d.date.trim()
  if (!date) e.date = '请填写服务日期'
  else if (!isValidDate(date)) e.date = `日期格式应为 YYYY-MM-DD：${date}`
  else {
    const y = Number(date.slice(0, 4))
    if (y < MIN_YEAR || y > MAX_YEAR) e.date = `日期的年份须在 ${MIN_YEAR} 到 ${MAX_YEAR} 之间：${date}`
  }

  const vText = String(d.volunteers ?? '').trim()
  const v = Number(vText)
  if (!vText) e.volunteers = '请填写志愿者人数'
  else if (!/^-?\d+$/.test(vText) || !Number.isSafeInteger(v)) e.volunteers = '志愿者人数须为整数'
  else if (v < 0) e.volunteers = `志愿者人数不能为负数：${v}`
  else if (v > MAX_INT) e.volunteers = `志愿者人数过大：${v}`

  const hText = String(d.hours ?? '').trim()
  const h = Number(hText)
  if (!hText) e.hours = '请填写服务时长'
  else if (!/^-?(\d+\.?\d*|\.\d+)$/.test(hText) || !Number.isFinite(h)) e.hours = '时长无效'
  else if (h < 0) e.hours = `时长不能为负数：${h}`
  else if (h > MAX_HOURS) e.hours = `时长过大：${h}`
  else if (minutesOf(h) === null) e.hours = `时长须为整分钟（小时 × 60 为整数），收到 ${h} 小时`

  if (!(RECORDING_METHODS as readonly string[]).includes(d.method)) e.method = d.method ? `记录方式无效：${d.method}` : '请选择记录方式'
  return e
}

/** The VolunteerRecordInput the API takes, from a draft that passed validateVolunteer. */
/** The API input of a checked draft (validateVolunteer has made sure a unit is chosen). */
export function volunteerInput(d: VolunteerDraft): VolunteerRecordInput {
  return {
    unitId: d.unit?.id ?? '',
    campaignId: d.campaignId || null,
    date: d.date.trim(),
    volunteers: Number(String(d.volunteers).trim()),
    hours: Number(String(d.hours).trim()),
    method: d.method as RecordingMethod,
    verified: d.verified,
  }
}

// ── Units (db/write.go UnitFields.Validate) ──

export const UNIT_KINDS = ['机关', '事业单位', '国有企业', '高校', '中小学', '医院'] as const
export const MAX_TEXT = 2000

export interface UnitDraft {
  name: string
  kind: string
  sector: string
  serviceWindow: boolean
  contactName: string
  contactPhone: string
}

/** Bounds of a unit's contact, as UnitContact.Validate has them. */
export const MAX_CONTACT_NAME = 50
export const MAX_CONTACT_PHONE = 20

/** A phone as the office writes it: digits, spaces, - and +, at most 20 (the server's ValidPhone). */
export function phoneError(phone: string): string | undefined {
  const p = phone.trim()
  if (runes(p) > MAX_CONTACT_PHONE) return `联系电话不能超过 ${MAX_CONTACT_PHONE} 个字符`
  if (!/^[0-9 +-]*$/.test(p)) return '联系电话只能包含数字、空格、- 和 +'
  return undefined
}

export function validateUnit(d: UnitDraft): FieldErrors {
  const e: FieldErrors = {}
  const name = d.name.trim()
  if (!name) e.name = '单位名称不能为空'
  else if (runes(name) > MAX_NAME) e.name = `单位名称不能超过 ${MAX_NAME} 个字`
  const kind = d.kind.trim()
  if (!(UNIT_KINDS as readonly string[]).includes(kind)) {
    e.kind = kind ? `未知的单位类型："${kind}"（可选：${UNIT_KINDS.join('、')}）` : '请选择单位类型'
  }
  if (runes(d.sector.trim()) > MAX_TEXT) e.sector = `所属系统不能超过 ${MAX_TEXT} 个字`
  if (runes(d.contactName.trim()) > MAX_CONTACT_NAME) e.contactName = `联系人姓名不能超过 ${MAX_CONTACT_NAME} 个字`
  const phone = phoneError(d.contactPhone)
  if (phone) e.contactPhone = phone
  return e
}

/**
 * The API input of a checked draft. A new unit sends its contact only when one was typed; an edit always sends
 * it, so that clearing it clears it.
 */
export function unitInput(d: UnitDraft, edit = false): UnitInput {
  const input: UnitInput = { name: d.name.trim(), kind: d.kind.trim(), sector: d.sector.trim(), serviceWindow: d.serviceWindow }
  if (edit || d.contactName.trim()) input.contactName = d.contactName.trim()
  if (edit || d.contactPhone.trim()) input.contactPhone = d.contactPhone.trim()
  return input
}

/** A CONFLICT that means "someone saved this record meanwhile" (reload offered), not a duplicate or a reference. */
export const isStaleConflict = (msg: string) => /已被他人修改/.test(msg)
