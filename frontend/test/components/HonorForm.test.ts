// @vitest-environment happy-dom
// HonorForm mounted: create, a server field error beside its field, a stale version reloaded and saved again.
// Deleting and restoring an honour is not in this form (the pages ask and call deleteHonor; the 回收站 restores).
import { describe, expect, it } from 'vitest'
import HonorForm from '../../src/components/forms/HonorForm.vue'
import type { HonorRow } from '../../src/lib/records'
import { click, expectFieldError, fieldError, fill, mountForm, pickUnit, Server, settle, staleError, submit, UNIT, unitSearch, value } from './support'

const ID = 'SG9ub3I6Nw=='
const categories = () => ({
  honorCategories: [
    { code: 'PROV_CIV_UNIT', nameZh: '省级文明单位', nameEn: 'Provincial civilised unit', level: 'PROVINCIAL', recipientKind: 'UNIT', recipientKinds: ['UNIT'], defaultStatus: 'AWARDED' },
  ],
})
const row = (v: number, p: Partial<Record<string, unknown>> = {}) =>
  ({ id: ID, year: 2023, date: null, edition: '第七届', status: 'AWARDED', version: v, recipientName: UNIT.name, category: { code: 'PROV_CIV_UNIT', recipientKind: 'UNIT' }, unit: UNIT, ...p }) as unknown as HonorRow

describe('HonorForm (mounted)', () => {
  it('creates an honour from the filled-in fields', async () => {
    const srv = new Server({
      HonorCategories: categories,
      UnitSearch: unitSearch,
      CreateHonor: () => ({ createHonor: { id: ID, version: 1, recipientName: UNIT.name, year: 2024 } }),
    })
    const w = await mountForm(HonorForm, { honor: null })
    await fill(w, 'categoryCode', 'PROV_CIV_UNIT')
    await pickUnit(w, 'hf-unit', UNIT.name)
    await fill(w, 'year', '2024')
    await fill(w, 'edition', '第八届')
    await submit(w)
    expect(srv.last('CreateHonor')).toEqual({ input: { categoryCode: 'PROV_CIV_UNIT', unitId: UNIT.id, year: 2024, date: null, edition: '第八届', status: null } })
    expect(w.emitted('saved')?.[0]).toEqual([`已新增「${UNIT.name}」。`])
  })

  it('shows the server field error beside its field', async () => {
    const srv = new Server({ HonorCategories: categories, UpdateHonor: () => fieldError('year', '该类别 2023 年已授予此单位') })
    const w = await mountForm(HonorForm, { honor: row(3) })
    await fill(w, 'edition', '第八届')
    await submit(w)
    expect(srv.last('UpdateHonor')).toMatchObject({ id: ID, expectedVersion: 3, input: { edition: '第八届', year: 2023 } })
    expectFieldError(w, 'year', '该类别 2023 年已授予此单位')
    expect(w.emitted('saved')).toBeUndefined()
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    const srv = new Server({
      HonorCategories: categories,
      UpdateHonor: (v) => (v.expectedVersion === 3 ? staleError('荣誉', 4, 3) : { updateHonor: { id: ID, version: 5, recipientName: UNIT.name, year: 2022 } }),
      HonorForEdit: () => ({ node: row(4, { year: 2022, edition: '第六届' }) }),
    })
    const w = await mountForm(HonorForm, { honor: row(3) })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(w.find('[data-conflict]').exists()).toBe(false)
    expect(value(w, 'year')).toBe('2022')
    expect(value(w, 'edition')).toBe('第六届')
    await submit(w)
    expect(srv.last('UpdateHonor')).toMatchObject({ expectedVersion: 4, input: { year: 2022, edition: '第六届' } })
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('gives an honour to a person, and to a community where the category takes several kinds', async () => {
    const srv = new Server({
      HonorCategories: () => ({
        honorCategories: [
          { code: 'HENAN_GOOD_PERSON', nameZh: '河南好人', nameEn: 'Henan Good Person', level: 'PROVINCIAL', recipientKind: 'PERSON', recipientKinds: ['PERSON'], defaultStatus: 'AWARDED' },
          { code: 'DIRECT_FOUR_EXCELLENT', nameZh: '省直“四个优秀”', nameEn: 'Four Excellents', level: 'PROVINCIAL_DIRECT', recipientKind: 'PROJECT', recipientKinds: ['PROJECT', 'PERSON', 'UNIT', 'COMMUNITY'], defaultStatus: 'AWARDED' },
        ],
      }),
      PersonSearch: () => ({ people: { totalCount: 1, edges: [{ node: { id: 'UGVyc29uOjU=', name: '李好人', unit: { name: UNIT.name } } }] } }),
      CreateHonor: (v) => ({ createHonor: { id: ID, version: 1, recipientName: (v.input as { recipientName?: string }).recipientName ?? '李好人', year: 2024 } }),
    })
    const w = await mountForm(HonorForm, { honor: null })
    await fill(w, 'categoryCode', 'HENAN_GOOD_PERSON')
    expect(w.find('#hf-person').exists()).toBe(true)
    await submit(w)
    expectFieldError(w, 'personId', '个人类荣誉须指定获得者')
    const input = w.find('#hf-person')
    await input.setValue('李好')
    await input.trigger('keydown', { key: 'ArrowDown' })
    await settle()
    await w.find('[data-person="李好人"]').trigger('mousedown')
    await fill(w, 'year', '2024')
    await submit(w)
    expect(srv.last('CreateHonor')).toEqual({ input: { categoryCode: 'HENAN_GOOD_PERSON', personId: 'UGVyc29uOjU=', year: 2024, date: null, edition: null, status: null } })

    const w2 = await mountForm(HonorForm, { honor: null })
    await fill(w2, 'categoryCode', 'DIRECT_FOUR_EXCELLENT')
    await submit(w2)
    expectFieldError(w2, 'recipientKind', '请选择获得者类型')
    await fill(w2, 'recipientKind', 'COMMUNITY')
    await fill(w2, 'recipientName', '幸福里社区')
    await fill(w2, 'year', '2024')
    await submit(w2)
    expect(srv.last('CreateHonor')).toEqual({ input: { categoryCode: 'DIRECT_FOUR_EXCELLENT', recipientName: '幸福里社区', year: 2024, date: null, edition: null, status: null } })
    expect(w2.emitted('saved')?.[0]).toEqual(['已新增「幸福里社区」。'])
  })

  it('offers a category named for its recipient kind with the kind once', async () => {
    new Server({
      HonorCategories: () => ({
        honorCategories: [
          { code: 'HENAN_CIV_CAMPUS', nameZh: '河南省文明单位（校园）', nameEn: 'Henan civilised campus', level: 'PROVINCIAL', recipientKind: 'CAMPUS', recipientKinds: ['CAMPUS'], defaultStatus: 'AWARDED' },
          { code: 'PROV_CIV_UNIT', nameZh: '省级文明单位', nameEn: 'Provincial civilised unit', level: 'PROVINCIAL', recipientKind: 'UNIT', recipientKinds: ['UNIT'], defaultStatus: 'AWARDED' },
        ],
      }),
    })
    const w = await mountForm(HonorForm, { honor: null })
    const options = w.findAll('[data-field="categoryCode"] option').map((o) => o.text())
    expect(options).toContain('河南省文明单位（校园）')
    expect(options.some((o) => o.includes('（校园）（校园）'))).toBe(false)
    expect(options).toContain('省级文明单位（单位）')
  })
})
