// Labels of the API's enum values and codes (levels, statuses, campaigns, roles…), the edition, prefecture,
// unit-kind and unit words, and the code lists the admin pages offer. Kept out of the message modules: these are
// data about the API's codes, in both languages side by side, and follow the current language.
import { lang, t } from './i18n'

const enums: Record<string, [string, string]> = {
  NATIONAL: ['全国', 'National'],
  PROVINCIAL: ['河南省', 'Provincial'],
  PROVINCIAL_DIRECT: ['省直', 'Provincial-direct'],
  UNIT: ['单位', 'Unit'],
  CAMPUS: ['校园', 'Campus'],
  PERSON: ['个人', 'Person'],
  PROJECT: ['项目', 'Project'],
  WORK: ['作品', 'Work'],
  WINDOW: ['窗口', 'Window'],
  COMMUNITY: ['社区', 'Community'],
  AWARDED: ['获评', 'Awarded'],
  RECOMMENDED: ['推荐', 'Recommended'],
  TREATMENT_RECOGNISED: ['享受待遇认定', 'Treatment recognised'],
  NOMINATED: ['提名/候选', 'Nominated'],
  COVID19: ['疫情防控', 'COVID-19 response'],
  FLOOD720: ['“7·20”抗洪救灾', '7·20 flood relief'],
  AID_JILIN_SHANGHAI: ['援助吉林、上海', 'Aid to Jilin and Shanghai'],
  ROUTINE: ['常态化服务', 'Routine service'],
  SIGN_IN: ['签到签退', 'Sign-in/out'],
  SHIFT: ['按班次', 'By shift'],
  SELF_REPORT: ['本人申报', 'Self-reported'],
  BACKFILL: ['补录', 'Back-filled'],
  PROMOTION_WEEK: ['推动周专题活动', 'Promotion week'],
  HERITAGE_TALK: ['文物保护宣讲', 'Heritage talks'],
  PAIRING: ['结对帮创', 'Pairing'],
  MATCH: ['一致', 'Match'],
  BELOW: ['记录偏少', 'Below'],
  ABOVE: ['记录偏多', 'Above'],
  NOT_TRACKED: ['不核对', 'Not tracked'],
  EXACT: ['精确', 'Exact'],
  AT_LEAST: ['余（至少）', 'At least'],
  APPROXIMATE: ['约', 'Approximate'],
  APPROXIMATE_AT_LEAST: ['约…余（大约，且至少）', 'Approximately, and at least'],
  PUBLISHED: ['公布', 'Published'],
  OFFICE: ['本办录入', 'Entered by the office'],
  DEFAULT: ['默认配置', 'Default configuration'],
  ESTIMATE: ['估计', 'Estimate'],
  CREATION_INDEX: ['创建指数', 'Creation index'],
  HONOR_POINTS: ['荣誉积分', 'Honour points'],
  VOLUNTEER_HOURS: ['志愿服务时长', 'Volunteer hours'],
  ASSESSMENT_SCORE: ['测评总分', 'Assessment score'],
  HONORS_NATIONAL: ['全国级获评荣誉', 'National honours awarded'],
  HONORS_PROVINCIAL: ['省级获评荣誉', 'Provincial honours awarded'],
  HONORS_PROVINCIAL_DIRECT: ['省直级获评荣誉', 'Provincial-direct honours awarded'],
  HONORS_TOTAL: ['获评荣誉总数', 'All honours awarded'],
  HONORS_TREATMENT_RECOGNISED: ['享受文明单位待遇认定', 'Treatment recognitions'],
  HONORS_RECOMMENDED: ['推荐（候选、推荐窗口和标兵）', 'Recommendations'],
  VOLUNTEERS: ['志愿者人次', 'Volunteers (person-times)'],
  PRACTICE_ACTIVITIES: ['文明实践活动场次', 'Practice sessions'],
  AVERAGE_ASSESSMENT_SCORE: ['平均测评得分', 'Average assessment score'],
  GOOD_PEOPLE: ['好人', 'Good people'],
  MORAL_MODELS: ['道德模范（含提名奖）', 'Moral models (incl. nominees)'],
  TOP: ['前 N 名', 'Top N'],
  BOTTOM: ['后 N 名', 'Bottom N'],
  START: ['开端', 'Start'],
  EVENT: ['事件', 'Event'],
  MEETING: ['会议', 'Meeting'],
  LAUNCH: ['启动', 'Launch'],
  PUBLICATION: ['发布', 'Publication'],
  PERIOD: ['时段', 'Period'],
  EPIDEMIC: ['疫情防控', 'Epidemic'],
  FLOOD: ['抗洪救灾', 'Flood'],
  AID: ['对外援助', 'Aid'],
  VIEWER: ['查看者', 'Viewer'],
  EDITOR: ['编辑', 'Editor'],
  ADMIN: ['管理员', 'Admin'],
  REPORTER: ['单位填报员', 'Unit reporter'],
  NOT_STARTED: ['未填报', 'Not started'],
  IN_PROGRESS: ['填报中', 'In progress'],
  SUBMITTED: ['已上报', 'Submitted'],
  RETURNED: ['已退回', 'Returned'],
  APPROVED: ['已通过', 'Approved'],
  EXEMPT: ['免报', 'Excused'],
  SAVE_DRAFT: ['保存草稿', 'Draft saved'],
  SUBMIT: ['上报', 'Submitted'],
  WITHDRAW: ['撤回', 'Withdrawn'],
  RETURN: ['退回', 'Returned'],
  APPROVE: ['通过', 'Approved'],
  REOPEN: ['重新打开', 'Reopened'],
  EXTEND: ['延期', 'Extended'],
  REMIND: ['催报', 'Reminded'],
  ADDED: ['新增', 'Added'],
  REMOVED: ['删除', 'Removed'],
  CHANGED: ['修改', 'Changed'],
}

/** Label of an enum value or code the API returns. */
export function enumLabel(code: string | null | undefined): string {
  if (!code) return '—'
  const e = enums[code]
  return e ? (lang.value === 'zh' ? e[0] : e[1]) : code
}

const editions: Record<string, string> = { 第六届: '6th', 第七届: '7th', 第八届: '8th', 第五届: '5th', 第九届: '9th' }

/** An edition (届次) in the current language: 第七届 or 7th edition. */
export function editionLabel(e: string | null | undefined): string {
  if (!e) return '—'
  return lang.value === 'zh' ? e : (editions[e] ?? e) + ' edition'
}

const prefectures: Record<string, string> = {
  郑州市: 'Zhengzhou', 开封市: 'Kaifeng', 洛阳市: 'Luoyang', 平顶山市: 'Pingdingshan', 安阳市: 'Anyang',
  鹤壁市: 'Hebi', 新乡市: 'Xinxiang', 焦作市: 'Jiaozuo', 濮阳市: 'Puyang', 许昌市: 'Xuchang', 漯河市: 'Luohe',
  三门峡市: 'Sanmenxia', 南阳市: 'Nanyang', 商丘市: 'Shangqiu', 信阳市: 'Xinyang', 周口市: 'Zhoukou',
  驻马店市: 'Zhumadian', 济源市: 'Jiyuan',
}

/** A prefecture's name in the current language. */
export function prefectureLabel(p: string): string {
  return lang.value === 'zh' ? p : (prefectures[p] ?? p)
}

const unitKinds: Record<string, string> = {
  机关: 'Government organ', 事业单位: 'Public institution', 国有企业: 'State-owned enterprise', 高校: 'University',
  中小学: 'School', 医院: 'Hospital',
}

/** A unit kind (机关, 高校…) in the current language. */
export function unitKindLabel(k: string | null | undefined): string {
  if (!k) return '—'
  return lang.value === 'zh' ? k : (unitKinds[k] ?? k)
}

/** 是/否 or yes/no. */
export function yesNo(b: boolean): string {
  return b ? t('yes') : t('no')
}

const unitsEn: Record<string, string> = {
  人: 'people', 个: '', 名: 'people', 小时: 'hours', 元: 'yuan', 场次: 'sessions', 场: 'sessions', 箱: 'boxes',
  批次: 'shipments', 人次: 'person-times', 分: 'points', 项: 'items', 家: 'units',
}

/** A unit word after a number: 个 / 小时 in Chinese, hours / yuan in English. */
export function unitLabel(u: string | null | undefined): string {
  if (!u) return ''
  if (lang.value === 'zh') return u
  const e = unitsEn[u]
  return e === undefined ? u : e
}

/** Entity codes of the records, as the recycle bin and the audit log name them. */
export const ENTITIES = ['UNIT', 'PERSON', 'HONOR', 'VOLUNTEER_RECORD', 'CAMPAIGN', 'DONATION', 'PRACTICE_LINK', 'PAIRING', 'PRACTICE_ACTIVITY', 'ASSESSMENT', 'TARGET', 'RANKING_WEIGHTS',
  'WISH', 'EXCELLENT_CASE', 'TALENT_MEMBER', 'CIVILISATION_EVENT', 'HONOR_CATEGORY']
/** Entity codes of the audit log: the records, and the accounts and tokens whose events it keeps. */
export const AUDIT_ENTITIES = [...ENTITIES, 'USER', 'API_TOKEN']
/** Action codes of the audit log. */
export const ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'IMPORT', 'PURGE_DEMO', 'REVOKE', 'ROLE_CHANGE', 'DISABLE', 'ENABLE',
  'PASSWORD_CHANGE', 'PASSWORD_RESET', 'SIGN_IN_REFUSED']
/** Kinds of spreadsheet import. */
export const IMPORT_KINDS = ['UNITS', 'PEOPLE', 'HONORS', 'VOLUNTEER_RECORDS', 'ASSESSMENTS', 'ACTIVITIES'] as const

/** URL slug of an import kind: VOLUNTEER_RECORDS → volunteer-records (GET /templates/{slug}.xlsx). */
export const kindSlug = (k: string) => k.toLowerCase().replace(/_/g, '-')

/**
 * A category's name with the kind of recipient it is for, as a form offers it: 全国文明单位（单位）. A name that already
 * ends in that kind, as 河南省文明单位（校园） does, keeps it once rather than reading 河南省文明单位（校园）（校园）.
 */
export function categoryOptionLabel(name: string, recipientKind: string): string {
  const kind = enumLabel(recipientKind)
  const noted = t('withNote', { a: '', b: kind })
  if (name.toLowerCase().endsWith(noted.trim().toLowerCase())) return name
  return t('withNote', { a: name, b: kind })
}
