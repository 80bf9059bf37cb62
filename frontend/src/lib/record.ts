// Labels and pure helpers of the 「实践与创建纪实」 page: the 六大行动 (two of them unnamed by the article),
// 「四送一助力」, the wish funnel, the talent pool and the meetings and trainings.
import { lang } from './i18n'
import type { Lang } from './format'

const zh = {
  title: '实践与创建纪实',
  intro: '综述所述、但尚未有统计数字的工作：原文给出的名称与日期照录，原文未给出的以演示记录示意并标明。本页不随年份范围筛选。',
  sixActions: '文明实践“六大行动”',
  sixActionsNote: '原文称“六大行动”，只列出四项；其余两项未具名，不作推测。',
  unnamed: '未具名（原文未列出）',
  activities: '归入活动',
  sessions: '场次',
  pairingContent: '“四送一助力”结对帮创内容',
  pairings: '结对数',
  wishFunnel: '“灾后助重建点亮微心愿”四阶段',
  reached: '到达该阶段',
  atStage: '当前处于该阶段',
  wishes: '微心愿',
  beneficiary: '村（社区）',
  claimedBy: '认领单位',
  collectedOn: '征集日期',
  stage: '阶段',
  cases: '优秀案例',
  caseCount: '收录案例',
  talentPool: '人才库',
  members: '成员',
  roles: '承担工作',
  sinceYear: '入库年份',
  events: '会议与培训',
  undated: '原文未注明日期',
  date: '日期',
  kind: '类型',
  name: '名称',
  unit: '单位',
  year: '年份',
  place: '地点',
  quote: '原文',
  source: '来源',
  demo: '演示数据',
  demoRecord: '演示记录',
  none: '暂无记录',
  total: '共 {n} 条',
  COLLECTED: '征集',
  PUBLISHED: '发布',
  CLAIMED: '认领',
  FULFILLED: '实施',
  ONLINE_REVIEW: '网络评审',
  SITE_VISIT: '实地考察',
  ADVANCED_SELECTION: '先进评选',
  TRAINING: '培训班',
  PROGRESS_MEETING: '推进会',
  OBSERVATION_EXCHANGE: '观摩交流',
  BUSINESS_ENVIRONMENT_MEETING: '服务优化营商环境推进会',
  LAUNCH_CEREMONY: '启动仪式',
  POLICY: '送政策',
  CULTURE: '送文化',
  HEALTH: '送健康',
  WARMTH: '送温暖',
  RURAL_REVITALISATION: '助力乡村振兴',
}
type Key = keyof typeof zh

const en: Record<Key, string> = {
  title: 'Practice & creation record',
  intro: 'Work the summary describes without figures: names and dates as the article gives them; where it gives none, demo records illustrate and are marked. The year range does not filter this page.',
  sixActions: 'The six practice actions (六大行动)',
  sixActionsNote: 'The article speaks of six actions but lists four; the other two are unnamed and never guessed.',
  unnamed: 'Unnamed (not listed in the article)',
  activities: 'Activities filed',
  sessions: 'Sessions',
  pairingContent: 'Pairing content: 「四送一助力」',
  pairings: 'Pairings',
  wishFunnel: 'Post-flood wishes (灾后助重建点亮微心愿) by stage',
  reached: 'Reached the stage',
  atStage: 'At the stage now',
  wishes: 'Wishes',
  beneficiary: 'Village or community',
  claimedBy: 'Claimed by',
  collectedOn: 'Collected on',
  stage: 'Stage',
  cases: 'Excellent cases',
  caseCount: 'Cases filed',
  talentPool: 'Talent pool',
  members: 'Members',
  roles: 'Serves in',
  sinceYear: 'Joined',
  events: 'Meetings and trainings',
  undated: 'Undated in the article',
  date: 'Date',
  kind: 'Kind',
  name: 'Name',
  unit: 'Unit',
  year: 'Year',
  place: 'Place',
  quote: 'Quote',
  source: 'Source',
  demo: 'Demo data',
  demoRecord: 'Demo record',
  none: 'No records',
  total: '{n} in all',
  COLLECTED: 'Collected',
  PUBLISHED: 'Published',
  CLAIMED: 'Claimed',
  FULFILLED: 'Carried out',
  ONLINE_REVIEW: 'Online review',
  SITE_VISIT: 'Site visits',
  ADVANCED_SELECTION: 'Selection of exemplars',
  TRAINING: 'Training course',
  PROGRESS_MEETING: 'Progress meeting',
  OBSERVATION_EXCHANGE: 'Observation and exchange',
  BUSINESS_ENVIRONMENT_MEETING: 'Business-environment meeting',
  LAUNCH_CEREMONY: 'Launch ceremony',
  POLICY: 'Bringing policies',
  CULTURE: 'Bringing culture',
  HEALTH: 'Bringing health',
  WARMTH: 'Bringing warmth',
  RURAL_REVITALISATION: 'Helping rural revitalisation',
}

const dict: Record<Lang, Record<Key, string>> = { zh, en }

/** Translate a key of this page, filling {name} placeholders; unknown codes come back unchanged. */
export function rt(key: string, vars?: Record<string, string | number>, l: Lang = lang.value): string {
  let s = (dict[l] as Record<string, string>)[key] ?? key
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v))
  return s
}

export interface PracticeActionRow {
  code: string
  position: number
  nameZh: string
  nameEn: string
  identified: boolean
}

/** The name of a practice action; the two the article does not name say so, and are never given a name. */
export function actionName(a: PracticeActionRow, l: Lang = lang.value): string {
  if (!a.identified) return `${rt('unnamed', undefined, l)} · ${a.position}`
  return l === 'en' ? a.nameEn || a.nameZh : a.nameZh
}

/** A date as the article gives it, or 「原文未注明日期」 when it gives none. */
export function eventDate(date: string | null | undefined, l: Lang = lang.value): string {
  return date ? date : rt('undated', undefined, l)
}

export interface FunnelStage {
  stage: string
  atStage: number
  reached: number
  demoReached: number
}

/** Rows of the wish funnel in the article's order (征集、发布、认领、实施), with each stage's share of the collected. */
export function funnelRows(stages: FunnelStage[], l: Lang = lang.value) {
  const order = ['COLLECTED', 'PUBLISHED', 'CLAIMED', 'FULFILLED']
  const sorted = [...stages].sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage))
  const first = sorted[0]?.reached ?? 0
  return sorted.map((s) => ({
    ...s,
    label: rt(s.stage, undefined, l),
    share: first > 0 ? Math.round((s.reached / first) * 1000) / 10 : 0,
    allDemo: s.reached > 0 && s.demoReached === s.reached,
  }))
}
