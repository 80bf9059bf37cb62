// Client checks of the volunteer-record and unit forms: they mirror db/write.go
// (VolunteerRecordFields.Validate, MinutesFromHours, UnitFields.Validate) with the server's wording.
import { describe, expect, it } from 'vitest'
import {
  isStaleConflict, minutesOf, unitInput, validateUnit, validateVolunteer, volunteerInput,
  type UnitDraft, type VolunteerDraft,
} from '../src/lib/validate'

const organ = { id: 'VW5pdDox', name: '青禾事务局（演示001）', kind: '机关', campus: false, serviceWindow: false }
const vdraft = (p: Partial<VolunteerDraft> = {}): VolunteerDraft => ({
  unit: organ, campaignId: '', date: '2025-03-05', volunteers: '12', hours: '1.5', method: 'SIGN_IN', verified: false, ...p,
})

describe('minutesOf (MinutesFromHours)', () => {
  it('accepts whole minutes and refuses fractions of a minute', () => {
    expect(minutesOf(1.5)).toBe(90)
    expect(minutesOf(0)).toBe(0)
    expect(minutesOf(0.25)).toBe(15)
    expect(minutesOf(1 / 60)).toBe(1)
    expect(minutesOf(2.35)).toBe(141)
    expect(minutesOf(1.01)).toBeNull()
    expect(minutesOf(0.001)).toBeNull()
  })
})

describe('validateVolunteer mirrors the server', () => {
  it('accepts a complete record, routine or in a campaign, numbers as text or number', () => {
    expect(validateVolunteer(vdraft())).toEqual({})
    expect(validateVolunteer(vdraft({ campaignId: 'Q2FtcGFpZ246MQ==', verified: true }))).toEqual({})
    expect(validateVolunteer(vdraft({ volunteers: 0, hours: 0 }))).toEqual({})
    expect(validateVolunteer(vdraft({ volunteers: 30, hours: 2.25 }))).toEqual({})
  })
  it('requires a unit and a date, and checks the date like checkDate', () => {
    expect(validateVolunteer(vdraft({ unit: null })).unitId).toBe('请选择组织单位')
    expect(validateVolunteer(vdraft({ date: '' })).date).toBe('请填写服务日期')
    expect(validateVolunteer(vdraft({ date: '2025-02-30' })).date).toBe('日期格式应为 YYYY-MM-DD：2025-02-30')
    expect(validateVolunteer(vdraft({ date: '1900-01-01' })).date).toBe('日期的年份须在 1949 到 2100 之间：1900-01-01')
  })
  it('checks volunteers: a whole number, not negative', () => {
    expect(validateVolunteer(vdraft({ volunteers: '' })).volunteers).toBe('请填写志愿者人数')
    expect(validateVolunteer(vdraft({ volunteers: '-1' })).volunteers).toBe('志愿者人数不能为负数：-1')
    expect(validateVolunteer(vdraft({ volunteers: '2.5' })).volunteers).toBe('志愿者人数须为整数')
    expect(validateVolunteer(vdraft({ volunteers: '3000000000' })).volunteers).toMatch(/过大/)
  })
  it('checks hours: decimal, not negative, whole minutes (server wording)', () => {
    expect(validateVolunteer(vdraft({ hours: '' })).hours).toBe('请填写服务时长')
    expect(validateVolunteer(vdraft({ hours: 'abc' })).hours).toBe('时长无效')
    expect(validateVolunteer(vdraft({ hours: '-2' })).hours).toBe('时长不能为负数：-2')
    expect(validateVolunteer(vdraft({ hours: '1.01' })).hours).toBe('时长须为整分钟（小时 × 60 为整数），收到 1.01 小时')
    expect(validateVolunteer(vdraft({ hours: '2e9' })).hours).toBe('时长无效')
    expect(validateVolunteer(vdraft({ hours: '2000000000' })).hours).toBe('时长过大：2000000000')
    expect(validateVolunteer(vdraft({ hours: '.5' }))).toEqual({})
  })
  it('checks the recording method', () => {
    expect(validateVolunteer(vdraft({ method: '' })).method).toBe('请选择记录方式')
    expect(validateVolunteer(vdraft({ method: 'GUESS' })).method).toBe('记录方式无效：GUESS')
    for (const m of ['SIGN_IN', 'SHIFT', 'SELF_REPORT', 'BACKFILL']) expect(validateVolunteer(vdraft({ method: m }))).toEqual({})
  })
  it('builds the VolunteerRecordInput', () => {
    expect(volunteerInput(vdraft({ volunteers: ' 12 ', hours: '1.5', verified: true }))).toEqual({
      unitId: organ.id, campaignId: null, date: '2025-03-05', volunteers: 12, hours: 1.5, method: 'SIGN_IN', verified: true,
    })
    expect(volunteerInput(vdraft({ campaignId: 'Q2FtcGFpZ246Mg==' })).campaignId).toBe('Q2FtcGFpZ246Mg==')
  })
})

const udraft = (p: Partial<UnitDraft> = {}): UnitDraft => ({ name: '测试单位', kind: '机关', sector: '', serviceWindow: false, contactName: '', contactPhone: '', ...p })

describe('validateUnit mirrors UnitFields.Validate', () => {
  it('accepts every kind', () => {
    for (const k of ['机关', '事业单位', '国有企业', '高校', '中小学', '医院']) expect(validateUnit(udraft({ kind: k }))).toEqual({})
  })
  it('requires a trimmed name of at most 200 characters', () => {
    expect(validateUnit(udraft({ name: '   ' })).name).toBe('单位名称不能为空')
    expect(validateUnit(udraft({ name: '字'.repeat(201) })).name).toBe('单位名称不能超过 200 个字')
    expect(validateUnit(udraft({ name: '字'.repeat(200) }))).toEqual({})
  })
  it('checks the kind and the sector length', () => {
    expect(validateUnit(udraft({ kind: '' })).kind).toBe('请选择单位类型')
    expect(validateUnit(udraft({ kind: '公司' })).kind).toBe('未知的单位类型："公司"（可选：机关、事业单位、国有企业、高校、中小学、医院）')
    expect(validateUnit(udraft({ sector: 'x'.repeat(2001) })).sector).toBe('所属系统不能超过 2000 个字')
  })
  it('builds the UnitInput, trimmed', () => {
    expect(unitInput(udraft({ name: ' 甲 ', sector: ' 教育 ', serviceWindow: true }))).toEqual({ name: '甲', kind: '机关', sector: '教育', serviceWindow: true })
  })
})

describe('isStaleConflict', () => {
  it('tells a stale version from other conflicts', () => {
    expect(isStaleConflict('该单位已被他人修改（当前版本 2，您提交的版本 1），请刷新后重试。')).toBe(true)
    expect(isStaleConflict('同名单位已存在。')).toBe(false)
    expect(isStaleConflict('该单位仍被以下记录引用：荣誉 3 条。请先删除或改挂这些记录。')).toBe(false)
  })
})
