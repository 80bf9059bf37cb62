// @vitest-environment happy-dom
// TalentMemberForm mounted: create, a server field error beside its field, a stale version reloaded and saved again.
// Deleting and restoring a member is not in this form (the record page asks, calls deleteTalentMember and offers 恢复).
import { describe, expect, it } from 'vitest'
import TalentMemberForm from '../../src/components/forms/TalentMemberForm.vue'
import type { TalentRow } from '../../src/lib/forms/articleSpecs'
import { click, expectFieldError, fieldError, fill, mountForm, pickUnit, Server, staleError, submit, UNIT, unitSearch, value } from './support'

const ID = 'VGFsZW50TWVtYmVyOjM='
const row = (v: number, p: Partial<TalentRow> = {}): TalentRow => ({ id: ID, name: '苏演示', sinceYear: 2021, roles: ['SITE_VISIT'], demo: true, version: v, unit: UNIT, ...p })
const answer = (op: string, v: number) => ({ [op]: { id: ID, name: '苏演示', version: v, demo: true } })
const role = (w: Awaited<ReturnType<typeof mountForm>>, r: string) => w.find(`[data-role-option="${r}"]`)

describe('TalentMemberForm (mounted)', () => {
  it('creates a member from the filled-in fields', async () => {
    const srv = new Server({ UnitSearch: unitSearch, CreateTalentMember: () => answer('createTalentMember', 1) })
    const w = await mountForm(TalentMemberForm, { member: null })
    await fill(w, 'name', '苏演示')
    await fill(w, 'sinceYear', '2022')
    await pickUnit(w, 'tf-unitId', UNIT.name)
    await role(w, 'ADVANCED_SELECTION').setValue(true)
    await role(w, 'ONLINE_REVIEW').setValue(true)
    await submit(w)
    expect(srv.last('CreateTalentMember')).toEqual({ input: { name: '苏演示', unitId: UNIT.id, sinceYear: 2022, roles: ['ONLINE_REVIEW', 'ADVANCED_SELECTION'] } })
    expect(w.emitted('saved')?.[0]).toEqual([{ id: ID, created: true, label: '苏演示', version: 1 }])
  })

  it('edits: shows the server field error beside its field', async () => {
    const srv = new Server({ UpdateTalentMember: () => fieldError('roles', '承担的工作重复：SITE_VISIT') })
    const w = await mountForm(TalentMemberForm, { member: row(2) })
    await role(w, 'ONLINE_REVIEW').setValue(true)
    await submit(w)
    expect(srv.last('UpdateTalentMember')).toMatchObject({ id: ID, expectedVersion: 2, input: { roles: ['ONLINE_REVIEW', 'SITE_VISIT'] } })
    expectFieldError(w, 'roles', '承担的工作重复：SITE_VISIT')
  })

  it('explains a stale version, reloads the newer one and saves at its version', async () => {
    const srv = new Server({
      UpdateTalentMember: (v) => (v.expectedVersion === 2 ? staleError('人才库成员', 3, 2) : answer('updateTalentMember', 4)),
      TalentMemberForEdit: () => ({ node: row(3, { sinceYear: 2020, roles: ['ONLINE_REVIEW'] }) }),
    })
    const w = await mountForm(TalentMemberForm, { member: row(2) })
    await submit(w)
    expect(w.find('[data-conflict]').exists()).toBe(true)
    await click(w, '[data-action="reload-record"]')
    expect(value(w, 'sinceYear')).toBe('2020')
    expect((role(w, 'ONLINE_REVIEW').element as HTMLInputElement).checked).toBe(true)
    expect((role(w, 'SITE_VISIT').element as HTMLInputElement).checked).toBe(false)
    await submit(w)
    expect(srv.last('UpdateTalentMember')).toMatchObject({ expectedVersion: 3, input: { sinceYear: 2020, roles: ['ONLINE_REVIEW'] } })
    expect(w.emitted('saved')).toHaveLength(1)
  })
})
