// A unit's report as the reporting pages edit and show it: the editable draft (the text of every input), the
// ReportContentInput it becomes, the field paths the server names in its refusals and the office in its comments
// (volunteerRecords[1].hours, assessment.scores[0].note), and the labels of those paths.
import type { ReportContentFieldsFragment } from '../gql/ReportContentFields'
import type { ActivityKind, RecordingMethod, ReportContentInput, ReportKind } from '../gql/graphql'
import { fieldLabel } from './fieldLabels'
import { lang } from './i18n'
import { ta } from './i18n-admin'
import { minutesOf } from './validate'

/** The longest 说明 of one indicator's self-score, in characters, as db.MaxScoreNote. */
export const NOTE_MAX = 500

/** The activity kinds a unit may report. */
export const ACTIVITY_KINDS: ActivityKind[] = ['ROUTINE', 'PROMOTION_WEEK', 'HERITAGE_TALK', 'PAIRING']

/** One volunteer record being entered; numbers stay the text of their inputs until they are sent. */
export interface VolunteerRowDraft {
  date: string
  volunteers: string
  hours: string
  method: RecordingMethod
  campaignCode: string
}

/** One practice activity being entered. */
export interface ActivityRowDraft {
  date: string
  kind: ActivityKind
  theme: string
  sessions: string
  participants: string
}

/** One indicator's self-score and its 说明 being entered. */
export interface ScoreDraft {
  code: string
  score: string
  note: string
}

/** The self-assessment being entered. */
export interface AssessmentDraft {
  baseScore: string
  bonus: string
  scores: ScoreDraft[]
}

/** One title application (称号申报) being entered; the personal fields are for a person's nomination. */
export interface TitleDraft {
  categoryCode: string
  nominee: string
  citation: string
  phone: string
}

/** A whole report being entered, every kind a task may ask for, with the unit's explanations of the warnings. */
export interface ContentDraft {
  volunteerRecords: VolunteerRowDraft[]
  practiceActivities: ActivityRowDraft[]
  assessment: AssessmentDraft | null
  titleApplications: TitleDraft[]
  /** The unit's sentence about each plausibility warning, by the field path the warning names. */
  explanations: Record<string, string>
}

/** A plausibility warning as the API returns it: a number that looks wrong beside the unit's year before. */
export interface WarningView {
  rule: string
  field: string
  message: string
  messageEn: string
  explanation: string
}

/** A report as the API returns it. */
export type ReportContentView = ReportContentFieldsFragment

/** A refusal that names where it is: the field path and the message in the reader's language. */
export interface PathError {
  field: string
  message: string
}

/** A review comment as the API returns it. */
export interface CommentView {
  round: number
  field: string
  author: string
  at: string
  text: string
}

const num = (n: number) => String(n)

/** How many items a list holds, as a heading's note: （3） in Chinese, (3) in English. */
export const countNote = (n: number) => (lang.value === 'en' ? `(${n})` : `（${n}）`)

/** The colon between who and what they said, or a label and its text, in the reader's language. */
export const colon = () => (lang.value === 'en' ? ': ' : '：')

/** A new empty volunteer record row. */
export const blankVolunteer = (): VolunteerRowDraft => ({ date: '', volunteers: '', hours: '', method: 'SIGN_IN', campaignCode: '' })
/** A new empty practice activity row. */
export const blankActivity = (): ActivityRowDraft => ({ date: '', kind: 'ROUTINE', theme: '', sessions: '1', participants: '' })
/** A new empty indicator row. */
export const blankScore = (): ScoreDraft => ({ code: '', score: '', note: '' })
/** A new empty title application. */
export const blankTitle = (): TitleDraft => ({ categoryCode: '', nominee: '', citation: '', phone: '' })
/** A new empty self-assessment. */
export const blankAssessment = (): AssessmentDraft => ({ baseScore: '', bonus: '0', scores: [blankScore()] })

/** The draft of a stored report (a saved draft or a submitted version), with an assessment whenever the task asks for one. */
export function draftOf(c: ReportContentView | null | undefined, kinds: readonly ReportKind[]): ContentDraft {
  const a = c?.assessment
  return {
    volunteerRecords: (c?.volunteerRecords ?? []).map((v) => ({
      date: v.date, volunteers: num(v.volunteers), hours: num(v.hours), method: v.method, campaignCode: v.campaignCode ?? '',
    })),
    practiceActivities: (c?.practiceActivities ?? []).map((p) => ({
      date: p.date, kind: p.kind, theme: p.theme, sessions: num(p.sessions), participants: num(p.participants),
    })),
    assessment: a
      ? { baseScore: num(a.baseScore), bonus: num(a.bonus), scores: a.scores.map((s) => ({ code: s.code, score: num(s.score), note: s.note })) }
      : kinds.includes('ASSESSMENT_SCORES') ? blankAssessment() : null,
    titleApplications: (c?.titleApplications ?? []).map((t) => ({ categoryCode: t.categoryCode, nominee: t.nominee, citation: t.citation, phone: t.phone })),
    explanations: Object.fromEntries((c?.explanations ?? []).map((e) => [e.field, e.text])),
  }
}

/** How many characters a text has as the server counts them (code points, not UTF-16 units). */
export const charCount = (s: string) => Array.from(s).length

const blank = (s: string) => s.trim() === ''
const intOk = (s: string) => /^\d+$/.test(s.trim()) && Number(s) <= 2147483647
const numOk = (s: string) => /^-?(\d+\.?\d*|\.\d+)$/.test(s.trim()) && Number.isFinite(Number(s))

/**
 * What must be right before a draft can be sent at all (numbers that are numbers, dates that are dates, 说明 within
 * 500 characters), as a refusal at the first field that is wrong; the server checks the rest (the year, the kinds,
 * the codes) and answers with the same kind of path.
 */
export function checkDraft(d: ContentDraft, kinds: readonly ReportKind[], year: number): PathError | null {
  const need = (field: string, key: Parameters<typeof ta>[0]) => ({ field, message: ta(key) })
  const date = (field: string, s: string) => {
    if (blank(s)) return need(field, 'reportNeedDate')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number(s.slice(0, 4)) !== year) return { field, message: ta('reportDateInYear', { y: year }) }
    return null
  }
  if (kinds.includes('VOLUNTEER_RECORDS')) {
    for (const [i, v] of d.volunteerRecords.entries()) {
      const p = `volunteerRecords[${i}]`
      const e = date(`${p}.date`, v.date)
      if (e) return e
      if (!intOk(v.volunteers)) return need(`${p}.volunteers`, 'reportNeedCount')
      if (!numOk(v.hours) || Number(v.hours) < 0) return need(`${p}.hours`, 'reportNeedNumber')
      if (minutesOf(Number(v.hours)) === null) return need(`${p}.hours`, 'reportWholeMinutes')
    }
  }
  if (kinds.includes('PRACTICE_ACTIVITIES')) {
    for (const [i, a] of d.practiceActivities.entries()) {
      const p = `practiceActivities[${i}]`
      const e = date(`${p}.date`, a.date)
      if (e) return e
      if (blank(a.theme)) return need(`${p}.theme`, 'reportNeedText')
      if (!intOk(a.sessions)) return need(`${p}.sessions`, 'reportNeedCount')
      if (!intOk(a.participants)) return need(`${p}.participants`, 'reportNeedCount')
    }
  }
  if (kinds.includes('ASSESSMENT_SCORES') && d.assessment) {
    const a = d.assessment
    if (!numOk(a.baseScore)) return need('assessment.baseScore', 'reportNeedNumber')
    if (!numOk(a.bonus)) return need('assessment.bonus', 'reportNeedNumber')
    for (const [i, s] of a.scores.entries()) {
      const p = `assessment.scores[${i}]`
      if (blank(s.code)) return need(`${p}.code`, 'reportNeedText')
      if (!numOk(s.score)) return need(`${p}.score`, 'reportNeedNumber')
      if (charCount(s.note.trim()) > NOTE_MAX) return { field: `${p}.note`, message: ta('reportNoteTooLong', { n: NOTE_MAX }) }
    }
  }
  if (kinds.includes('TITLE_APPLICATIONS')) {
    for (const [i, t] of d.titleApplications.entries()) {
      if (blank(t.categoryCode)) return need(`titleApplications[${i}].categoryCode`, 'reportNeedText')
    }
  }
  for (const [field, text] of Object.entries(d.explanations)) {
    if (charCount(text.trim()) > NOTE_MAX) return { field: `explanations.${field}`, message: ta('reportNoteTooLong', { n: NOTE_MAX }) }
  }
  return null
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim())

/** The ReportContentInput of a checked draft, with only the kinds the task asks for. */
export function contentInput(d: ContentDraft, kinds: readonly ReportKind[]): ReportContentInput {
  const out: ReportContentInput = {}
  if (kinds.includes('VOLUNTEER_RECORDS')) {
    out.volunteerRecords = d.volunteerRecords.map((v) => ({
      date: v.date, volunteers: Number(v.volunteers), hours: Number(v.hours), method: v.method, campaignCode: orNull(v.campaignCode),
    }))
  }
  if (kinds.includes('PRACTICE_ACTIVITIES')) {
    out.practiceActivities = d.practiceActivities.map((a) => ({
      date: a.date, kind: a.kind, theme: a.theme.trim(), sessions: Number(a.sessions), participants: Number(a.participants),
    }))
  }
  if (kinds.includes('ASSESSMENT_SCORES') && d.assessment) {
    const a = d.assessment
    out.assessment = {
      baseScore: Number(a.baseScore), bonus: Number(a.bonus),
      scores: a.scores.map((s) => ({ code: s.code.trim(), score: Number(s.score), note: s.note.trim() })),
    }
  }
  if (kinds.includes('TITLE_APPLICATIONS')) {
    out.titleApplications = d.titleApplications.map((t) => ({
      categoryCode: t.categoryCode.trim(), nominee: orNull(t.nominee), citation: orNull(t.citation), phone: orNull(t.phone),
    }))
  }
  const explained = Object.entries(d.explanations).filter(([, t]) => t.trim() !== '')
  if (explained.length) out.explanations = explained.map(([field, text]) => ({ field, text: text.trim() }))
  return out
}

/** The comments on one field path (the whole report's when the path is ''), oldest first. */
export function commentsAt(comments: readonly CommentView[], path: string): CommentView[] {
  return comments.filter((c) => c.field === path)
}

/** The comments of the last round that has any: those the unit answers now. */
export function currentComments(comments: readonly CommentView[]): CommentView[] {
  const last = Math.max(0, ...comments.map((c) => c.round))
  return comments.filter((c) => c.round === last)
}

const LISTS: Record<string, { kind: ReportKind; entity: 'VolunteerRecord' | 'PracticeActivity' | '' }> = {
  volunteerRecords: { kind: 'VOLUNTEER_RECORDS', entity: 'VolunteerRecord' },
  practiceActivities: { kind: 'PRACTICE_ACTIVITIES', entity: 'PracticeActivity' },
  titleApplications: { kind: 'TITLE_APPLICATIONS', entity: '' },
  assessment: { kind: 'ASSESSMENT_SCORES', entity: '' },
}

/** The label of one field of a reported item. */
export function itemFieldLabel(list: string, field: string): string {
  const e = LISTS[list]?.entity
  if (e === 'VolunteerRecord' && field === 'campaignCode') return fieldLabel('VolunteerRecord', 'campaign')
  if (e === 'VolunteerRecord' && ['date', 'volunteers', 'hours', 'method'].includes(field)) {
    return fieldLabel('VolunteerRecord', field as 'date')
  }
  if (e === 'PracticeActivity' && ['date', 'kind', 'theme', 'sessions', 'participants'].includes(field)) {
    return fieldLabel('PracticeActivity', field as 'date')
  }
  if (list === 'assessment' && (field === 'baseScore' || field === 'bonus')) return fieldLabel('Assessment', field)
  const key = `reportField_${field}`
  return ta(key as Parameters<typeof ta>[0])
}

/**
 * How people read a field path: 志愿服务记录 第 2 条 · 服务时长（小时）for volunteerRecords[1].hours, 整份上报 for ''.
 * A path this page does not know is shown as it is.
 */
export function pathLabel(path: string): string {
  if (path === '') return ta('wholeReport')
  const m = /^(\w+)(?:\.(scores))?(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(path)
  if (!m || !LISTS[m[1]]) return path
  const [, list, sub, index, field] = m
  const parts = [ta(`reportKind_${LISTS[list].kind}` as Parameters<typeof ta>[0])]
  if (sub) parts.push(ta('reportField_scores'))
  if (index !== undefined) parts.push(ta('reportItemN', { n: Number(index) + 1 }))
  if (field) parts.push(itemFieldLabel(list, field))
  return parts.join(' · ')
}

const ITEM_FIELDS: Record<string, string[]> = {
  volunteerRecords: ['date', 'volunteers', 'hours', 'method', 'campaignCode'],
  practiceActivities: ['date', 'kind', 'theme', 'sessions', 'participants'],
  'assessment.scores': ['code', 'score', 'note'],
  titleApplications: ['categoryCode', 'nominee', 'phone', 'citation'],
}

/** Whether the draft editor has a place for a field path (a control, or a section's head), so that a refusal naming it shows there. */
export function editorShows(d: ContentDraft, kinds: readonly ReportKind[], path: string): boolean {
  const section = path.split(/[.[]/)[0]
  if (!LISTS[section] || !kinds.includes(LISTS[section].kind)) return false
  if (path === section) return true
  if (path === 'assessment.baseScore' || path === 'assessment.bonus') return !!d.assessment
  const m = /^(\w+(?:\.scores)?)\[(\d+)\]\.(\w+)$/.exec(path)
  if (!m || !ITEM_FIELDS[m[1]]?.includes(m[3])) return false
  const list = m[1] === 'assessment.scores' ? (d.assessment?.scores ?? []) : (d[m[1] as 'volunteerRecords'] as unknown[])
  return Number(m[2]) < list.length
}

/** One field of a submitted report as the review shows it. */
export interface ViewField {
  path: string
  label: string
  value: string
}

/** One item (a record, an indicator, an application) of a submitted report, or the assessment's own figures. */
export interface ViewRow {
  path: string
  title: string
  fields: ViewField[]
}

/** One kind of a submitted report, with its items. */
export interface ViewSection {
  path: string
  title: string
  rows: ViewRow[]
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v))

/** A submitted report as sections of items of labelled fields, each named by its path, for the kinds the task asks for. */
export function contentSections(c: ReportContentView, kinds: readonly ReportKind[], label: (code: string) => string): ViewSection[] {
  const out: ViewSection[] = []
  const item = (list: string, i: number, fields: [string, string | number | null | undefined][], title = ta('reportItemN', { n: i + 1 })): ViewRow => ({
    path: `${list}[${i}]`,
    title,
    fields: fields.map(([f, v]) => ({ path: `${list}[${i}].${f}`, label: itemFieldLabel(list.split('.')[0], f), value: text(v) })),
  })
  if (kinds.includes('VOLUNTEER_RECORDS')) {
    out.push({
      path: 'volunteerRecords', title: ta('reportKind_VOLUNTEER_RECORDS'),
      rows: c.volunteerRecords.map((v, i) => item('volunteerRecords', i, [
        ['date', v.date], ['volunteers', v.volunteers], ['hours', v.hours], ['method', label(v.method)], ['campaignCode', v.campaignCode],
      ])),
    })
  }
  if (kinds.includes('PRACTICE_ACTIVITIES')) {
    out.push({
      path: 'practiceActivities', title: ta('reportKind_PRACTICE_ACTIVITIES'),
      rows: c.practiceActivities.map((p, i) => item('practiceActivities', i, [
        ['date', p.date], ['kind', label(p.kind)], ['theme', p.theme], ['sessions', p.sessions], ['participants', p.participants],
      ])),
    })
  }
  if (kinds.includes('ASSESSMENT_SCORES')) {
    const a = c.assessment
    const rows: ViewRow[] = []
    if (a) {
      rows.push({
        path: 'assessment', title: ta('reportKind_ASSESSMENT_SCORES'),
        fields: [
          { path: 'assessment.baseScore', label: itemFieldLabel('assessment', 'baseScore'), value: text(a.baseScore) },
          { path: 'assessment.bonus', label: itemFieldLabel('assessment', 'bonus'), value: text(a.bonus) },
        ],
      })
      a.scores.forEach((s, i) => rows.push(item('assessment.scores', i, [['code', s.code], ['score', s.score], ['note', s.note]], ta('indicatorN', { n: i + 1 }))))
    }
    out.push({ path: 'assessment', title: ta('reportKind_ASSESSMENT_SCORES'), rows })
  }
  if (kinds.includes('TITLE_APPLICATIONS')) {
    out.push({
      path: 'titleApplications', title: ta('reportKind_TITLE_APPLICATIONS'),
      rows: c.titleApplications.map((t, i) => item('titleApplications', i, [
        ['categoryCode', t.categoryCode], ['nominee', t.nominee], ['phone', t.phone], ['citation', t.citation],
      ])),
    })
  }
  return out
}

/** The items and indicators of a draft a piece of evidence can support, of the kinds the task asks for, as field
 * paths with their labels; the whole report ('') first. */
export function evidenceTargets(d: ContentDraft, kinds: readonly ReportKind[]): { path: string; label: string }[] {
  const out = [{ path: '', label: pathLabel('') }]
  const add = (list: string, n: number, prefix = list) => {
    if (!kinds.includes(LISTS[list].kind)) return
    for (let i = 0; i < n; i++) out.push({ path: `${prefix}[${i}]`, label: pathLabel(`${prefix}[${i}]`) })
  }
  add('volunteerRecords', d.volunteerRecords.length)
  add('practiceActivities', d.practiceActivities.length)
  add('assessment', d.assessment?.scores.length ?? 0, 'assessment.scores')
  add('titleApplications', d.titleApplications.length)
  return out
}
