// The report's paths and conversions (lib/reportContent.ts): how a field path reads, where the editor shows a
// refusal, the input a draft becomes (only the kinds the task asks for), what is refused before sending, and the
// draft of a stored report.
import { describe, expect, it } from 'vitest'
import { charCount, checkDraft, contentInput, draftOf, editorShows, pathLabel, blankVolunteer, type ContentDraft } from '../src/lib/reportContent'

const draft = (p: Partial<ContentDraft> = {}): ContentDraft => ({ volunteerRecords: [], practiceActivities: [], assessment: null, titleApplications: [], explanations: {}, ...p })
const row = { date: '2025-03-05', volunteers: '12', hours: '1.5', method: 'SIGN_IN' as const, campaignCode: '' }

describe('pathLabel', () => {
  for (const [path, label] of [
    ['', '整份上报'],
    ['volunteerRecords[1].hours', '志愿服务记录 · 第 2 条 · 服务时长（小时）'],
    ['practiceActivities[0].theme', '文明实践活动 · 第 1 条 · 活动主题'],
    ['assessment.bonus', '测评自评分 · 加分'],
    ['assessment.scores[2].note', '测评自评分 · 指标自评分 · 第 3 条 · 说明'],
    ['titleApplications[0].phone', '称号申报 · 第 1 条 · 联系电话'],
    ['titleApplications', '称号申报'],
    ['somethingElse[0].x', 'somethingElse[0].x'],
  ] as const) {
    it(`${path || '(whole report)'} reads ${label}`, () => expect(pathLabel(path)).toBe(label))
  }
})

describe('editorShows', () => {
  const d = draft({ volunteerRecords: [row, row], assessment: { baseScore: '80', bonus: '0', scores: [{ code: 'X', score: '1', note: '' }] } })
  const kinds = ['VOLUNTEER_RECORDS', 'ASSESSMENT_SCORES'] as const
  for (const [path, shown] of [
    ['volunteerRecords[1].hours', true],
    ['volunteerRecords[2].hours', false],
    ['volunteerRecords[0].unknown', false],
    ['volunteerRecords', true],
    ['assessment.scores[0].note', true],
    ['assessment.scores[1].note', false],
    ['assessment.baseScore', true],
    ['titleApplications', false],
    ['practiceActivities[0].date', false],
  ] as const) {
    it(`${path}: ${shown ? 'beside its field' : 'at the foot'}`, () => expect(editorShows(d, kinds, path)).toBe(shown))
  }
})

describe('contentInput', () => {
  it('sends only the kinds the task asks for, with numbers as numbers, empty optional text as null, and only explanations written', () => {
    const d = draft({
      volunteerRecords: [row],
      practiceActivities: [{ date: '2025-05-01', kind: 'ROUTINE', theme: ' 进社区 ', sessions: '2', participants: '60' }],
      titleApplications: [{ categoryCode: 'X', nominee: '', citation: '', phone: '' }],
      explanations: { volunteerRecords: ' 新增了项目 ', 'assessment.baseScore': '  ' },
    })
    expect(contentInput(d, ['VOLUNTEER_RECORDS', 'PRACTICE_ACTIVITIES'])).toEqual({
      volunteerRecords: [{ date: '2025-03-05', volunteers: 12, hours: 1.5, method: 'SIGN_IN', campaignCode: null }],
      practiceActivities: [{ date: '2025-05-01', kind: 'ROUTINE', theme: '进社区', sessions: 2, participants: 60 }],
      explanations: [{ field: 'volunteerRecords', text: '新增了项目' }],
    })
  })
})

describe('checkDraft', () => {
  const kinds = ['VOLUNTEER_RECORDS', 'ASSESSMENT_SCORES'] as const
  for (const [name, d, field] of [
    ['DateMissing', draft({ volunteerRecords: [blankVolunteer()] }), 'volunteerRecords[0].date'],
    ['DateOutsideTheYear', draft({ volunteerRecords: [row, { ...row, date: '2024-12-31' }] }), 'volunteerRecords[1].date'],
    ['VolunteersNotWhole', draft({ volunteerRecords: [{ ...row, volunteers: '1.5' }] }), 'volunteerRecords[0].volunteers'],
    ['HoursNotWholeMinutes', draft({ volunteerRecords: [{ ...row, hours: '1.01' }] }), 'volunteerRecords[0].hours'],
    ['BaseScoreMissing', draft({ assessment: { baseScore: '', bonus: '0', scores: [] } }), 'assessment.baseScore'],
    ['NoteTooLong', draft({ assessment: { baseScore: '80', bonus: '0', scores: [{ code: 'X', score: '1', note: '说'.repeat(501) }] } }), 'assessment.scores[0].note'],
  ] as const) {
    it(name, () => expect(checkDraft(d, kinds, 2025)?.field).toBe(field))
  }
  it('passes a right draft, and ignores kinds the task does not ask for', () => {
    expect(checkDraft(draft({ volunteerRecords: [row], practiceActivities: [{ date: '', kind: 'ROUTINE', theme: '', sessions: '', participants: '' }] }), kinds, 2025)).toBeNull()
  })
  it('counts a 说明 as the server does, by characters', () => {
    expect(charCount('𠀀说')).toBe(2)
  })
})

describe('draftOf', () => {
  it('turns a stored report into the text of the inputs, and starts an assessment when the task asks for one', () => {
    const d = draftOf({ volunteerRecords: [{ date: '2025-03-05', volunteers: 12, hours: 1.5, method: 'SHIFT', campaignCode: null }], practiceActivities: [], assessment: null, titleApplications: [],
      explanations: [{ field: 'volunteerRecords', text: '新增了两个项目' }] },
      ['VOLUNTEER_RECORDS', 'ASSESSMENT_SCORES'])
    expect(d.volunteerRecords).toEqual([{ date: '2025-03-05', volunteers: '12', hours: '1.5', method: 'SHIFT', campaignCode: '' }])
    expect(d.assessment?.scores).toHaveLength(1)
    expect(d.explanations).toEqual({ volunteerRecords: '新增了两个项目' })
    expect(draftOf(null, ['VOLUNTEER_RECORDS']).assessment).toBeNull()
  })
})
