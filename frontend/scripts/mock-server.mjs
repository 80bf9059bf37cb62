// Development mock of the Go server: serves dist/ with the same CSP and SPA
// fallback, and answers POST /graphql from the real schema (../graph/*.graphqls)
// with generated data. For working on the dashboard without the backend only;
// the e2e tests run against the real binary.
//   node scripts/mock-server.mjs [port]
import { createServer } from 'node:http'
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs'
import { join, extname } from 'node:path'
import { buildSchema, graphql } from 'graphql'

const root = join(import.meta.dirname, '..')
const graphDir = join(root, '..', 'graph')
const sdl = readdirSync(graphDir).filter((f) => f.endsWith('.graphqls')).map((f) => readFileSync(join(graphDir, f), 'utf8')).join('\n')
const schema = buildSchema(sdl)

// ---------- deterministic generator ----------
let seed = 42
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1))
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024]
const doc = { id: 'doc1', title: '凝聚奋进新征程的精神力量——省直精神文明建设工作综述', publisher: '省直文明办', publishedOn: '2024-10-15', url: null }

const kinds = ['机关', '事业单位', '国有企业', '高校', '中小学', '医院']
const units = Array.from({ length: 60 }, (_, i) => {
  const kind = kinds[i % kinds.length]
  return { id: 'U' + i, name: `省直示范单位${i + 1}${kind === '高校' ? '大学' : kind === '中小学' ? '中学' : kind === '医院' ? '医院' : '厅'}`, kind, sector: '省直', serviceWindow: i % 7 === 0, campus: kind === '高校' || kind === '中小学', demo: true }
})
const cat = (code, nameZh, nameEn, level, recipientKind, weight, defaultStatus = 'AWARDED') => ({ id: 'C' + code, code, nameZh, nameEn, level, recipientKind, weight, defaultStatus })
const categories = [
  cat('NATIONAL_CIVILISED_UNIT', '全国文明单位', 'National civilised unit', 'NATIONAL', 'UNIT', 10),
  cat('NATIONAL_CIVILISED_CAMPUS', '全国文明校园', 'National civilised campus', 'NATIONAL', 'CAMPUS', 10),
  cat('PROVINCIAL_MODEL_UNIT', '河南省文明单位标兵', 'Henan model civilised unit', 'PROVINCIAL', 'UNIT', 6),
  cat('PROVINCIAL_MODEL_CAMPUS', '河南省文明校园标兵', 'Henan model civilised campus', 'PROVINCIAL', 'CAMPUS', 6),
  cat('PROVINCIAL_UNIT', '河南省文明单位', 'Henan civilised unit', 'PROVINCIAL', 'UNIT', 4),
  cat('PROVINCIAL_CAMPUS', '河南省文明校园', 'Henan civilised campus', 'PROVINCIAL', 'CAMPUS', 4),
  cat('TREAT_NATIONAL_UNIT', '享受全国文明单位待遇', 'Treated as national civilised unit', 'NATIONAL', 'UNIT', 8, 'TREATMENT_RECOGNISED'),
  cat('TREAT_PROVINCIAL_MODEL_UNIT', '享受河南省文明单位标兵待遇', 'Treated as Henan model unit', 'PROVINCIAL', 'UNIT', 5, 'TREATMENT_RECOGNISED'),
  cat('TREAT_PROVINCIAL_UNIT', '享受河南省文明单位待遇', 'Treated as Henan civilised unit', 'PROVINCIAL', 'UNIT', 3, 'TREATMENT_RECOGNISED'),
  cat('DIRECT_MORAL_MODEL', '省直十大道德模范', 'Provincial-direct moral model', 'PROVINCIAL_DIRECT', 'PERSON', 3),
  cat('DIRECT_MORAL_MODEL_NOMINEE', '省直道德模范提名奖', 'Moral model nominee', 'PROVINCIAL_DIRECT', 'PERSON', 2, 'NOMINATED'),
  cat('NATIONAL_MORAL_MODEL_CANDIDATE', '全国道德模范候选人', 'National moral model candidate', 'NATIONAL', 'PERSON', 3, 'RECOMMENDED'),
  cat('PROVINCIAL_MORAL_MODEL_CANDIDATE', '河南省道德模范候选人', 'Henan moral model candidate', 'PROVINCIAL', 'PERSON', 2, 'RECOMMENDED'),
  cat('CHINA_GOOD_PERSON', '中国好人', 'China good person', 'NATIONAL', 'PERSON', 3),
  cat('HENAN_GOOD_PERSON', '河南好人', 'Henan good person', 'PROVINCIAL', 'PERSON', 2),
  cat('DIRECT_GOOD_PERSON', '省直身边好人', 'Provincial-direct good person', 'PROVINCIAL_DIRECT', 'PERSON', 1),
  cat('HENAN_FOUR_EXCELLENT', '河南省“四个优秀”', 'Henan four excellent', 'PROVINCIAL', 'PROJECT', 2),
  cat('DIRECT_FOUR_EXCELLENT', '省直“四个优秀”', 'Provincial-direct four excellent', 'PROVINCIAL_DIRECT', 'PROJECT', 1),
]
const counts = { NATIONAL_CIVILISED_UNIT: 43, NATIONAL_CIVILISED_CAMPUS: 1, PROVINCIAL_MODEL_UNIT: 36, PROVINCIAL_MODEL_CAMPUS: 6, PROVINCIAL_UNIT: 83, PROVINCIAL_CAMPUS: 7, TREAT_NATIONAL_UNIT: 33, TREAT_PROVINCIAL_MODEL_UNIT: 10, TREAT_PROVINCIAL_UNIT: 22, DIRECT_MORAL_MODEL: 30, DIRECT_MORAL_MODEL_NOMINEE: 40, NATIONAL_MORAL_MODEL_CANDIDATE: 8, PROVINCIAL_MORAL_MODEL_CANDIDATE: 10, CHINA_GOOD_PERSON: 7, HENAN_GOOD_PERSON: 46, DIRECT_GOOD_PERSON: 273, HENAN_FOUR_EXCELLENT: 334, DIRECT_FOUR_EXCELLENT: 160 }
const honors = []
let hid = 0
for (const c of categories) {
  for (let i = 0; i < counts[c.code]; i++) {
    const pool = units.filter((x) => (c.recipientKind === 'CAMPUS' ? x.campus : c.recipientKind === 'UNIT' ? !x.campus : true))
    const u = pool[int(0, 40) % pool.length]
    let year = YEARS[int(0, 5)]
    let edition = null
    if (c.code.startsWith('DIRECT_MORAL_MODEL')) {
      edition = ['第六届', '第七届', '第八届'][i % 3]
      year = { 第六届: 2019, 第七届: 2021, 第八届: 2023 }[edition]
    }
    const person = c.recipientKind === 'PERSON' ? { id: 'P' + hid, name: `先进人物${hid}`, citation: `在平凡岗位上作出不平凡贡献（${c.nameZh}）`, demo: true, unit: u } : null
    honors.push({ id: 'H' + hid++, category: c, recipientKind: c.recipientKind, recipientName: person ? person.name : u.name, unit: u, person, year, date: `${year}-0${int(1, 9)}-1${int(0, 9)}`, edition, status: c.defaultStatus, source: doc, demo: true })
  }
}
const camp = (code, nameZh, nameEn, kind, startDate, endDate, cash, material, boxes, batches, donorUnits) => ({ id: 'K' + code, code, nameZh, nameEn, kind, startDate, endDate, description: nameZh, cashDonations: cash, materialDonations: material, boxes, batches, donorUnits })
const campaigns = [
  camp('COVID19', '疫情防控', 'COVID-19 response', 'EPIDEMIC', '2020-01-24', '2022-12-31', '0', '1640000', 0, 0, 120),
  camp('FLOOD720', '“7·20”抗洪救灾', '7·20 flood relief', 'FLOOD', '2021-07-20', '2021-09-30', '50000000', '6000000', 0, 0, 180),
  camp('AID_JILIN_SHANGHAI', '援助吉林、上海', 'Aid to Jilin and Shanghai', 'AID', '2022-03-20', '2022-05-31', '0', '1040000', 7600, 3, 31),
]
const records = []
for (let i = 0; i < 900; i++) {
  const y = YEARS[i % 6]
  const c = y >= 2020 && y <= 2022 && i % 3 === 0 ? campaigns[0] : y === 2021 && i % 5 === 1 ? campaigns[1] : y === 2022 && i % 11 === 2 ? campaigns[2] : null
  records.push({ id: 'R' + i, unit: units[i % 60], campaign: c, date: `${y}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`, volunteers: int(5, 80), hours: int(10, 900), method: ['SIGN_IN', 'SHIFT', 'SELF_REPORT', 'BACKFILL'][int(0, 3)], verified: rnd() > 0.25, demo: true })
}
for (const c of campaigns) {
  const rs = records.filter((r) => r.campaign === c)
  c.volunteers = rs.reduce((a, r) => a + r.volunteers, 0)
  c.hours = rs.reduce((a, r) => a + r.hours, 0)
  c.donations = [
    { id: 'D1' + c.code, campaign: c, unit: units[1], kind: 'CASH', amount: c.cashDonations, boxes: 0, batch: null, date: c.startDate, description: '现金捐赠', demo: true },
    { id: 'D2' + c.code, campaign: c, unit: units[2], kind: 'MATERIAL', amount: c.materialDonations, boxes: c.boxes, batch: c.batches || null, date: c.startDate, description: '物资捐赠', demo: true },
  ]
}
const centresPath = join(root, '..', 'db', 'seed', 'data', 'centres.json')
const centresRaw = existsSync(centresPath) ? JSON.parse(readFileSync(centresPath, 'utf8')) : []
const centres = centresRaw.map((c, i) => ({ ...c, id: 'PC' + i, activitySessions: int(0, 30), links: [] }))
units.forEach((u, i) => {
  const c = centres[(i * 7) % centres.length]
  if (c) c.links.push({ id: 'L' + i, unit: u, center: c, sinceYear: YEARS[i % 6], demo: true })
})
const figures = [
  ['works_collected', '文明培育', '征集作品', 'Works collected', 3500, '个', 'AT_LEAST', '征集书法、绘画、摄影、演讲等作品3500余个'],
  ['national_units', '文明创建', '全国文明单位', 'National civilised units', 43, '个', 'EXACT', '省直43个单位获评“全国文明单位”'],
  ['covid_volunteers', '志愿服务', '疫情防控志愿者', 'COVID volunteers', 29000, '名', 'AT_LEAST', '组织省直2.9万余名志愿者下沉社区'],
  ['covid_hours', '志愿服务', '疫情防控服务时长', 'COVID service hours', 800000, '小时', 'AT_LEAST', '累计服务时长80万余小时'],
  ['covid_materials', '志愿服务', '疫情防控捐赠物资', 'COVID materials donated', 1640000, '元', 'APPROXIMATE', '捐赠口罩、酒精、防护服等物资价值约164万余元'],
  ['flood_cash', '志愿服务', '7·20 现金捐赠', '7·20 cash donated', 50000000, '元', 'AT_LEAST', '省直单位共捐赠5000万余元现金'],
  ['good_people_direct', '文明培育', '省直身边好人', 'Provincial-direct good people', 273, '人', 'EXACT', '省直“身边好人”273人'],
  ['centres', '文明实践', '县级实践中心', 'County practice centres', 158, '个', 'EXACT', '全省158个县区新时代文明实践中心'],
  ['social_donations', '志愿服务', '带动社会捐款捐物', 'Social donations', 1845000000, '元', 'EXACT', '带动社会力量捐款捐物达18.45亿元'],
].map(([key, section, labelZh, labelEn, value, unit, qualifier, quote]) => ({ id: 'F' + key, key, section, labelZh, labelEn, value, unit, qualifier, quote, source: doc, tracked: key !== 'social_donations' }))

const inYears = (y, f) => (f?.fromYear == null || y >= f.fromYear) && (f?.toYear == null || y <= f.toYear)
function filterHonors(f = {}) {
  return honors.filter((h) => inYears(h.year, f) &&
    (!f.levels || f.levels.includes(h.category.level)) && (!f.categories || f.categories.includes(h.category.code)) &&
    (!f.recipientKinds || f.recipientKinds.includes(h.recipientKind)) && (!f.statuses || f.statuses.includes(h.status)) &&
    (!f.unitId || h.unit?.id === f.unitId) && (!f.unitKind || h.unit?.kind === f.unitKind) && (!f.edition || h.edition === f.edition) &&
    (f.demo == null || h.demo === f.demo))
}
function filterRecords(f = {}) {
  return records.filter((r) => inYears(Number(r.date.slice(0, 4)), f) &&
    (!f.campaigns || f.campaigns.includes(r.campaign?.code ?? 'ROUTINE')) && (!f.unitId || r.unit.id === f.unitId) &&
    (!f.unitKind || r.unit.kind === f.unitKind) && (!f.methods || f.methods.includes(r.method)) &&
    (f.verified == null || r.verified === f.verified))
}
function connection(list, first = 20, after) {
  const start = after ? Number(Buffer.from(after, 'base64').toString()) + 1 : 0
  const slice = list.slice(start, start + (first ?? 20))
  return {
    totalCount: list.length,
    edges: slice.map((node, i) => ({ cursor: Buffer.from(String(start + i)).toString('base64'), node })),
    pageInfo: { hasNextPage: start + slice.length < list.length, hasPreviousPage: start > 0, startCursor: null, endCursor: slice.length ? Buffer.from(String(start + slice.length - 1)).toString('base64') : null },
  }
}
const dimKey = { YEAR: 'year', LEVEL: 'level', CATEGORY: 'category', RECIPIENT_KIND: 'recipientKind', STATUS: 'status', UNIT_KIND: 'unitKind', EDITION: 'edition' }
function group(list, dims, project, acc, init) {
  const m = new Map()
  for (const x of list) {
    const p = project(x)
    const key = dims.map((d) => p[d]).join('|')
    if (!m.has(key)) m.set(key, { ...Object.fromEntries(dims.map((d) => [d, p[d]])), ...init() })
    acc(m.get(key), x)
  }
  return [...m.values()]
}
const progressOf = (metric, f, t, cum) => {
  const base = { HONORS_TOTAL: (y) => honors.filter((h) => h.year === y).length, HONORS_NATIONAL: (y) => honors.filter((h) => h.year === y && h.category.level === 'NATIONAL').length, HONORS_PROVINCIAL: (y) => honors.filter((h) => h.year === y && h.category.level === 'PROVINCIAL').length, HONORS_PROVINCIAL_DIRECT: (y) => honors.filter((h) => h.year === y && h.category.level === 'PROVINCIAL_DIRECT').length, VOLUNTEER_HOURS: (y) => records.filter((r) => r.date.startsWith(String(y))).reduce((a, r) => a + r.hours, 0), VOLUNTEERS: (y) => records.filter((r) => r.date.startsWith(String(y))).reduce((a, r) => a + r.volunteers, 0), PRACTICE_ACTIVITIES: (y) => 150 + (y - 2019) * 40, AVERAGE_ASSESSMENT_SCORE: (y) => 88 + (y - 2019) * 1.1, GOOD_PEOPLE: (y) => honors.filter((h) => h.year === y && h.category.code.endsWith('GOOD_PERSON')).length, MORAL_MODELS: (y) => honors.filter((h) => h.year === y && h.category.code.startsWith('DIRECT_MORAL_MODEL')).length }[metric]
  let run = 0
  return YEARS.filter((y) => y >= (f ?? 2019) && y <= (t ?? 2024)).map((y) => {
    const v = base(y)
    run += v
    return { year: y, value: cum ? run : v, target: metric === 'VOLUNTEER_HOURS' ? (cum ? null : 40000) : metric === 'HONORS_TOTAL' && !cum ? 190 : null }
  })
}

const rootValue = {
  dataset: () => ({ hasDemo: true, demoRecords: honors.length + records.length, version: 7, firstYear: 2019, lastYear: 2024 }),
  sourceDocuments: () => [doc],
  publishedFigures: ({ section }) => figures.filter((f) => !section || f.section === section),
  reconciliation: () => figures.map((f) => ({ figure: f, recordedValue: f.tracked ? f.value * (f.qualifier === 'AT_LEAST' ? 1.02 : 0.9) : null, status: !f.tracked ? 'NOT_TRACKED' : f.qualifier === 'AT_LEAST' ? 'MATCH' : 'BELOW', note: f.tracked ? '由记录合计' : '无对应记录' })),
  overview: ({ fromYear = 2019, toYear = 2024 }) => {
    const hs = filterHonors({ fromYear, toYear })
    const rs = filterRecords({ fromYear, toYear })
    const fig = (k) => figures.find((f) => f.key === k)
    return {
      fromYear, toYear, includesDemo: true,
      kpis: [
        { key: 'national_units', labelZh: '全国文明单位', labelEn: 'National civilised units', value: hs.filter((h) => h.category.code === 'NATIONAL_CIVILISED_UNIT').length, unit: '个', published: fig('national_units') },
        { key: 'covid_volunteers', labelZh: '疫情防控志愿者', labelEn: 'COVID volunteers', value: rs.filter((r) => r.campaign?.code === 'COVID19').reduce((a, r) => a + r.volunteers, 0), unit: '名', published: fig('covid_volunteers') },
        { key: 'covid_hours', labelZh: '疫情防控服务时长', labelEn: 'COVID hours', value: rs.filter((r) => r.campaign?.code === 'COVID19').reduce((a, r) => a + r.hours, 0), unit: '小时', published: fig('covid_hours') },
        { key: 'covid_materials', labelZh: '疫情防控捐赠物资', labelEn: 'COVID materials', value: 1600000, unit: '元', published: fig('covid_materials') },
        { key: 'works_collected', labelZh: '征集作品', labelEn: 'Works collected', value: 3512, unit: '个', published: fig('works_collected') },
        { key: 'good_people', labelZh: '省直身边好人', labelEn: 'Good people', value: hs.filter((h) => h.category.code === 'DIRECT_GOOD_PERSON').length, unit: '人', published: fig('good_people_direct') },
        { key: 'volunteer_hours', labelZh: '志愿服务时长', labelEn: 'Volunteer hours', value: rs.reduce((a, r) => a + r.hours, 0), unit: '小时', published: null },
      ],
    }
  },
  progress: ({ metric, fromYear, toYear, cumulative }) => progressOf(metric, fromYear, toYear, cumulative),
  honors: ({ filter, orderBy, first, after }) => {
    const list = filterHonors(filter ?? {})
    if (orderBy) {
      const k = { YEAR: (h) => h.year, CATEGORY: (h) => h.category.code, RECIPIENT: (h) => h.recipientName }[orderBy.field]
      const m = orderBy.direction === 'DESC' ? -1 : 1
      list.sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : a.id.localeCompare(b.id)) * m)
    }
    return connection(list, first, after)
  },
  honorStats: ({ groupBy, filter }) => group(filterHonors(filter ?? {}), groupBy.map((d) => dimKey[d]), (h) => ({ year: h.year, level: h.category.level, category: h.category.code, recipientKind: h.recipientKind, status: h.status, unitKind: h.unit?.kind ?? null, edition: h.edition }), (b, h) => { b.count++; b.points += h.category.weight; b.categoryNameZh = b.category ? h.category.nameZh : null; b.categoryNameEn = b.category ? h.category.nameEn : null }, () => ({ count: 0, points: 0 })),
  volunteerStats: ({ groupBy, filter }) => group(filterRecords(filter ?? {}), groupBy.map((d) => ({ YEAR: 'year', MONTH: 'month', CAMPAIGN: 'campaign', UNIT_KIND: 'unitKind', UNIT: 'unitId', METHOD: 'method', VERIFIED: 'verified' })[d]), (r) => ({ year: Number(r.date.slice(0, 4)), month: r.date.slice(0, 7), campaign: r.campaign?.code ?? 'ROUTINE', unitKind: r.unit.kind, unitId: r.unit.id, method: r.method, verified: r.verified }), (b, r) => { b.volunteers += r.volunteers; b.hours += r.hours; b.verifiedHours += r.verified ? r.hours : 0; b.records++; if (b.campaign) b.campaignNameZh = r.campaign?.nameZh ?? '常态化' }, () => ({ volunteers: 0, hours: 0, verifiedHours: 0, records: 0, cashDonations: '0', materialDonations: '0' })),
  volunteerRecords: ({ filter, first, after }) => connection(filterRecords(filter ?? {}), first, after),
  rankings: ({ year = 2024, metric, unitKind, first = 10, order = 'TOP' }) => {
    const list = units.filter((u) => !unitKind || u.kind === unitKind).map((u, i) => {
      const hp = honors.filter((h) => h.unit?.id === u.id && h.year <= year).reduce((a, h) => a + h.category.weight, 0)
      const vh = records.filter((r) => r.unit.id === u.id && r.date.startsWith(String(year))).reduce((a, r) => a + r.hours, 0)
      const as = 80 + ((i * 37 + year) % 25)
      const breakdown = [
        { key: 'honor_points', labelZh: '荣誉积分', labelEn: 'Honour points', raw: hp, weight: 0.4, contribution: Math.min(40, hp / 2) },
        { key: 'volunteer_hours', labelZh: '志愿时长', labelEn: 'Volunteer hours', raw: vh, weight: 0.3, contribution: Math.min(30, vh / 100) },
        { key: 'assessment', labelZh: '测评得分', labelEn: 'Assessment', raw: as, weight: 0.3, contribution: as * 0.3 },
      ]
      const score = metric === 'HONOR_POINTS' ? hp : metric === 'VOLUNTEER_HOURS' ? vh : metric === 'ASSESSMENT_SCORE' ? as : breakdown.reduce((a, b) => a + b.contribution, 0)
      return { unit: u, score, breakdown }
    }).sort((a, b) => b.score - a.score || a.unit.id.localeCompare(b.unit.id))
    list.forEach((e, i) => { e.rank = i > 0 && list[i - 1].score === e.score ? list[i - 1].rank : i + 1; e.previousRank = year > 2019 ? Math.max(1, e.rank + ((i * 13) % 7) - 3) : null })
    return order === 'TOP' ? list.slice(0, first) : list.slice(-first).reverse()
  },
  rankingWeights: () => [{ fromYear: 2019, component: 'honor_points', labelZh: '荣誉积分', weight: 0.4 }, { fromYear: 2019, component: 'volunteer_hours', labelZh: '志愿时长', weight: 0.3 }, { fromYear: 2019, component: 'assessment', labelZh: '测评得分', weight: 0.3 }],
  honorCategories: () => categories,
  unitKinds: () => kinds.map((k) => ({ kind: k, count: units.filter((u) => u.kind === k).length })),
  campaigns: () => campaigns,
  volunteerProjects: () => [
    { id: 'VP1', name: '义务植树', brand: true, field: '生态环保', unit: units[3], honors: honors.slice(0, 1), demo: true },
    { id: 'VP2', name: '文明交通', brand: true, field: '文明交通', unit: units[4], honors: [], demo: true },
    { id: 'VP3', name: '无偿献血', brand: true, field: '医疗卫生', unit: units[5], honors: [], demo: true },
    { id: 'VP4', name: 'i科普', brand: false, field: '科学普及', unit: units[6], honors: [], demo: true },
    { id: 'VP5', name: '急救地摊', brand: false, field: '医疗卫生', unit: units[7], honors: [], demo: true },
    { id: 'VP6', name: '金秋支教', brand: false, field: '教育', unit: units[8], honors: [], demo: true },
  ],
  federation: () => ({ groupMembers: 159, individualMembers: 131, byYear: [{ year: 2022, groupMembers: 120, individualMembers: 90 }, { year: 2023, groupMembers: 25, individualMembers: 30 }, { year: 2024, groupMembers: 14, individualMembers: 11 }] }),
  practiceCenters: ({ prefecture }) => centres.filter((c) => !prefecture || c.prefecture === prefecture),
  practiceSummary: () => {
    const by = new Map()
    for (const c of centres) {
      const k = c.prefecture
      if (!by.has(k)) by.set(k, { prefecture: k, prefectureCode: c.prefectureCode, centers: 0, linkedUnits: 0, activitySessions: 0 })
      const b = by.get(k)
      b.centers++; b.linkedUnits += c.links.length; b.activitySessions += c.activitySessions
    }
    return { centers: centres.length, identifiedCenters: centres.filter((c) => c.identified).length, linkedUnits: 191, coveredCenters: centres.filter((c) => c.links.length).length, activitySessions: 1050, participants: 10400, pairings: 191, byPrefecture: [...by.values()] }
  },
  practiceActivityStats: ({ fromYear = 2019, toYear = 2024 }) => YEARS.filter((y) => y >= fromYear && y <= toYear).flatMap((y) => ['PROMOTION_WEEK', 'HERITAGE_TALK', 'PAIRING', 'ROUTINE'].map((kind, i) => ({ year: y, kind, activities: 10 + i + y - 2019, sessions: 30 + i * 20 + (y - 2019) * 5, participants: 500 + i * 100 }))),
  workStats: () => [],
  assessmentIndicators: () => [],
  assessmentStageStats: () => [],
  milestones: () => [
    { id: 'M1', date: '2019-01-01', precision: 'YEAR', titleZh: '五年工作起点', titleEn: 'Start of the five years', kind: 'START', endDate: null, source: doc },
    { id: 'M2', date: '2020-01-24', precision: 'DAY', titleZh: '疫情防控期间', titleEn: 'COVID-19 years', kind: 'PERIOD', endDate: '2022-12-31', source: doc },
    { id: 'M3', date: '2021-07-20', precision: 'DAY', titleZh: '郑州“7·20”特大暴雨', titleEn: 'Zhengzhou 7·20 rainstorm', kind: 'EVENT', endDate: null, source: doc },
    { id: 'M4', date: '2023-08-03', precision: 'DAY', titleZh: '省直精神文明创建观摩交流暨工作推进会', titleEn: 'Creation exchange meeting', kind: 'MEETING', endDate: null, source: doc },
    { id: 'M5', date: '2024-03-05', precision: 'DAY', titleZh: '学雷锋志愿服务日项目展示交流活动', titleEn: 'Lei Feng day project showcase', kind: 'LAUNCH', endDate: null, source: doc },
    { id: 'M6', date: '2024-10-15', precision: 'DAY', titleZh: '工作综述发布', titleEn: 'Review published', kind: 'PUBLICATION', endDate: null, source: doc },
  ],
  targets: () => [],
  node: () => null,
  units: ({ first, after }) => connection(units, first, after),
  unit: ({ id }) => units.find((u) => u.id === id),
  people: ({ first, after }) => connection(honors.filter((h) => h.person).map((h) => ({ ...h.person, honors: [h] })), first, after),
}

// ---------- HTTP ----------
const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'"
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' }
const dist = join(root, 'dist')
const port = Number(process.argv[2] ?? process.env.PORT ?? 8080)
createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x')
  res.setHeader('Content-Security-Policy', CSP)
  if (url.pathname === '/readyz') return res.end('ok')
  if (url.pathname === '/graphql' && req.method === 'POST') {
    let body = ''
    for await (const chunk of req) body += chunk
    const { query, variables, operationName } = JSON.parse(body)
    const result = await graphql({ schema, source: query, rootValue, variableValues: variables, operationName })
    if (result.errors) console.error(result.errors.map((e) => e.message).join('\n'))
    res.setHeader('Content-Type', 'application/json')
    return res.end(JSON.stringify(result))
  }
  let file = join(dist, url.pathname)
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html')
  res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream')
  res.end(readFileSync(file))
}).listen(port, '127.0.0.1', () => console.log(`mock server on http://127.0.0.1:${port}`))
