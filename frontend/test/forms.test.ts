// Pure logic of the data-entry and admin pages: form checks that mirror the
// server, server-message language, audit diffs, the multipart upload body,
// roles and the ?next guard.
import { describe, expect, it } from 'vitest'
import { diffRecords, recordLabel } from '../src/lib/diff'
import { splitMessage } from '../src/lib/messages'
import { hasRole } from '../src/lib/roles'
import { safeNext } from '../src/lib/auth'
import { uploadForm } from '../src/lib/gql'
import { honorInput, isValidDate, validateHonor, validateToken, validateUser, type HonorDraft } from '../src/lib/validate'

const cats = [
  { code: 'PROVINCIAL_UNIT', recipientKind: 'UNIT' },
  { code: 'PROVINCIAL_CAMPUS', recipientKind: 'CAMPUS' },
  { code: 'WINDOW_X', recipientKind: 'WINDOW' },
  { code: 'DIRECT_MORAL_MODEL', recipientKind: 'PERSON' },
]
const organ = { id: 'VW5pdDox', name: '青禾事务局（演示001）', kind: '机关', campus: false, serviceWindow: false }
const school = { id: 'VW5pdDoy', name: '某中学', kind: '中小学', campus: true, serviceWindow: false }
const draft = (p: Partial<HonorDraft> = {}): HonorDraft => ({
  categoryCode: 'PROVINCIAL_UNIT', unit: organ, year: '2024', date: '', edition: '', status: '', ...p,
})

describe('validateHonor mirrors the server', () => {
  it('accepts a complete honour', () => {
    expect(validateHonor(draft({ date: '2024-03-01', edition: '第九届' }), cats)).toEqual({})
  })
  it('requires a category and a unit', () => {
    expect(validateHonor(draft({ categoryCode: '' }), cats).categoryCode).toBe('请选择荣誉类别')
    expect(validateHonor(draft({ unit: null }), cats).unitId).toBe('单位类荣誉须指定获得单位')
  })
  it('checks the year range 1949–2100 with the server wording', () => {
    expect(validateHonor(draft({ year: '1800' }), cats).year).toBe('年份须在 1949 到 2100 之间，收到 1800')
    expect(validateHonor(draft({ year: '2101' }), cats).year).toMatch(/1949 到 2100/)
    expect(validateHonor(draft({ year: '' }), cats).year).toBe('请填写年份')
    expect(validateHonor(draft({ year: '20x4' }), cats).year).toBe('年份须为四位数字')
    expect(validateHonor(draft({ year: '1949' }), cats)).toEqual({})
    // A number input's v-model hands over a number.
    expect(validateHonor(draft({ year: 2024 }), cats)).toEqual({})
    expect(validateHonor(draft({ year: 1800 }), cats).year).toMatch(/收到 1800/)
  })
  it('keeps the date inside the year and real', () => {
    expect(validateHonor(draft({ date: '2023-01-01' }), cats).date).toBe('日期 2023-01-01 不在荣誉年份 2024 内')
    expect(validateHonor(draft({ date: '2024-02-30' }), cats).date).toMatch(/YYYY-MM-DD/)
    expect(validateHonor(draft({ date: '2024-02-29' }), cats)).toEqual({})
  })
  it('matches the recipient to the category kind', () => {
    expect(validateHonor(draft({ categoryCode: 'PROVINCIAL_CAMPUS' }), cats).unitId).toBe('校园类荣誉须授予高校或中小学，青禾事务局（演示001） 是机关')
    expect(validateHonor(draft({ unit: school }), cats).unitId).toBe('某中学 是中小学，应使用校园类荣誉类别')
    expect(validateHonor(draft({ categoryCode: 'PROVINCIAL_CAMPUS', unit: school }), cats)).toEqual({})
    expect(validateHonor(draft({ categoryCode: 'WINDOW_X' }), cats).unitId).toMatch(/不是窗口单位/)
  })
  it('asks every kind of recipient the category names for, in the server words', () => {
    const all = [...cats, { code: 'DIRECT_EXCELLENT_WORK', recipientKind: 'WORK' }, { code: 'PRACTICE_EXCELLENT_PROJECT', recipientKind: 'PROJECT' },
      { code: 'DIRECT_FOUR_EXCELLENT', recipientKind: 'PROJECT', recipientKinds: ['PROJECT', 'PERSON', 'UNIT', 'COMMUNITY'] }]
    const person = { id: 'UGVyc29uOjE=', name: '张三' }
    expect(validateHonor(draft({ categoryCode: 'DIRECT_MORAL_MODEL' }), all)).toEqual({ personId: '个人类荣誉须指定获得者' })
    expect(validateHonor(draft({ categoryCode: 'DIRECT_MORAL_MODEL', person }), all)).toEqual({})
    expect(validateHonor(draft({ categoryCode: 'DIRECT_EXCELLENT_WORK' }), all)).toEqual({ workId: '作品类荣誉须指定作品' })
    expect(validateHonor(draft({ categoryCode: 'PRACTICE_EXCELLENT_PROJECT' }), all)).toEqual({ projectId: '项目类荣誉须指定项目' })
    // A category of several kinds asks which, then for that kind's recipient.
    expect(validateHonor(draft({ categoryCode: 'DIRECT_FOUR_EXCELLENT' }), all)).toEqual({ recipientKind: '请选择获得者类型' })
    expect(validateHonor(draft({ categoryCode: 'DIRECT_FOUR_EXCELLENT', recipientKind: 'COMMUNITY' }), all))
      .toEqual({ recipientName: '社区类荣誉须填写获得者名称（社区名称）' })
    expect(validateHonor(draft({ categoryCode: 'DIRECT_FOUR_EXCELLENT', recipientKind: 'UNIT' }), all)).toEqual({})
  })
  it('sends the recipient of the draft kind only', () => {
    const base = { categoryCode: 'HENAN_GOOD_PERSON', year: 2024, date: null, edition: null, status: null }
    expect(honorInput(draft({ categoryCode: 'HENAN_GOOD_PERSON', recipientKind: 'PERSON', person: { id: 'P', name: '张三' }, unit: null })))
      .toEqual({ ...base, personId: 'P' })
    expect(honorInput(draft({ categoryCode: 'HENAN_GOOD_PERSON', recipientKind: 'PERSON', person: { id: 'P', name: '张三' } })))
      .toEqual({ ...base, personId: 'P', unitId: organ.id })
    expect(honorInput(draft({ categoryCode: 'HENAN_GOOD_PERSON', recipientKind: 'COMMUNITY', recipientName: ' 幸福里社区 ' })))
      .toEqual({ ...base, recipientName: '幸福里社区' })
  })
  it('limits the edition to 200 characters', () => {
    expect(validateHonor(draft({ edition: '届'.repeat(201) }), cats).edition).toBe('届次不能超过 200 个字')
    expect(validateHonor(draft({ edition: '届'.repeat(200) }), cats)).toEqual({})
  })
  it('builds the HonorInput, blank optionals as null', () => {
    expect(honorInput(draft({ year: ' 2024 ', edition: ' 第九届 ' }))).toEqual({
      categoryCode: 'PROVINCIAL_UNIT', unitId: 'VW5pdDox', year: 2024, date: null, edition: '第九届', status: null,
    })
  })
  it('isValidDate', () => {
    expect(isValidDate('2024-12-31')).toBe(true)
    expect(isValidDate('2023-02-29')).toBe(false)
    expect(isValidDate('2024-1-1')).toBe(false)
  })
})

describe('user and token forms', () => {
  it('validateUser', () => {
    expect(validateUser({ username: 'editor1', displayName: '', password: 'long-enough', role: 'EDITOR' })).toEqual({})
    const e = validateUser({ username: ' ', displayName: '', password: 'short', role: 'X' })
    expect(e).toEqual({ username: '用户名不能为空', password: '密码至少 8 个字符', role: '请选择角色' })
    expect(validateUser({ username: 'a', displayName: '', password: 'x'.repeat(73), role: 'VIEWER' })).toEqual({
      username: '用户名须为 2–64 个字符', password: '密码不能超过 72 字节',
    })
    // 72 bytes, not characters: 25 CJK characters are 75 bytes.
    expect(validateUser({ username: 'ab', displayName: '', password: '密'.repeat(25), role: 'VIEWER' }).password).toBe('密码不能超过 72 字节')
  })
  it('validateToken', () => {
    expect(validateToken('excel', '365')).toEqual({})
    expect(validateToken('excel', '')).toEqual({})
    expect(validateToken('', '0')).toEqual({ name: '令牌名称不能为空', expiresInDays: '有效期须在 1 到 3650 天之间' })
  })
})

describe('server messages', () => {
  it('splits 「中文。English.」', () => {
    expect(splitMessage('用户名或密码错误。Wrong username or password.')).toEqual({ zh: '用户名或密码错误。', en: 'Wrong username or password.' })
    expect(splitMessage('登录尝试过于频繁，请稍后再试。Too many attempts, try again later.').zh).toBe('登录尝试过于频繁，请稍后再试。')
    expect(splitMessage('上传文件须带请求头 X-Wenming-Upload: 1（防止跨站提交）。Multipart uploads must carry the X-Wenming-Upload header.').zh).toBe(
      '上传文件须带请求头 X-Wenming-Upload: 1（防止跨站提交）。',
    )
  })
  it('keeps a Chinese-only message whole', () => {
    expect(splitMessage('日期 2023-01-01 不在荣誉年份 2024 内')).toEqual({ zh: '日期 2023-01-01 不在荣誉年份 2024 内', en: '日期 2023-01-01 不在荣誉年份 2024 内' })
    expect(splitMessage('HTTP 500').zh).toBe('HTTP 500')
  })
})

describe('audit diff', () => {
  const before = JSON.stringify({ id: 1, recipient_name: '甲', date: null, version: 1 })
  const after = JSON.stringify({ id: 1, recipient_name: '甲', date: '2024-03-01', version: 2, edition: '第九届' })
  it('marks changed, added and removed fields', () => {
    expect(diffRecords(before, after)).toEqual([
      { key: 'id', before: '1', after: '1', change: 'same' },
      { key: 'recipient_name', before: '甲', after: '甲', change: 'same' },
      { key: 'date', before: 'null', after: '2024-03-01', change: 'changed' },
      { key: 'version', before: '1', after: '2', change: 'changed' },
      { key: 'edition', before: '', after: '第九届', change: 'added' },
    ])
    expect(diffRecords(before, null).every((r) => r.change === 'removed')).toBe(true)
    expect(diffRecords(null, null)).toEqual([])
  })
  it('labels a record by its name', () => {
    expect(recordLabel(after)).toBe('甲')
    expect(recordLabel('{"id":5}')).toBe('#5')
    expect(recordLabel('not json')).toBe('not json')
  })
})

describe('GraphQL multipart body', () => {
  it('has operations, map and the file, in that order', async () => {
    const fd = uploadForm('mutation ImportRecords($file: Upload!, $kind: ImportKind!) { x }', { kind: 'HONORS', dryRun: true }, 'file', new Blob(['a,b\n']), 'h.csv')
    expect([...fd.keys()]).toEqual(['operations', 'map', '0'])
    const ops = JSON.parse(String(fd.get('operations')))
    expect(ops.variables).toEqual({ kind: 'HONORS', dryRun: true, file: null })
    expect(ops.operationName).toBe('ImportRecords')
    expect(JSON.parse(String(fd.get('map')))).toEqual({ '0': ['variables.file'] })
    const f = fd.get('0') as File
    expect(f.name).toBe('h.csv')
    expect(await f.text()).toBe('a,b\n')
  })
})

describe('roles and redirects', () => {
  it('hasRole orders VIEWER < EDITOR < ADMIN', () => {
    expect(hasRole('ADMIN', 'EDITOR')).toBe(true)
    expect(hasRole('EDITOR', 'EDITOR')).toBe(true)
    expect(hasRole('VIEWER', 'EDITOR')).toBe(false)
    expect(hasRole(null, 'VIEWER')).toBe(false)
  })
  it('safeNext only allows same-site paths', () => {
    expect(safeNext('/creation?from=2020')).toBe('/creation?from=2020')
    expect(safeNext('//evil.example/')).toBe('/')
    expect(safeNext('https://evil.example/')).toBe('/')
    expect(safeNext('/\\evil')).toBe('/')
    expect(safeNext('/login?next=/x')).toBe('/')
    expect(safeNext(undefined)).toBe('/')
  })
})
