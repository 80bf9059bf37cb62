// @vitest-environment happy-dom
// Every record form labels its fields as the label table does (db/fieldlabels.json through src/lib/fieldLabels.ts),
// which the table columns and the export headers use too: each form is mounted empty and every FormField's label is
// compared with the table's label of the field it edits.
import { describe, expect, it } from 'vitest'
import type { Component } from 'vue'
import FormField from '../../src/components/FormField.vue'
import HonorForm from '../../src/components/forms/HonorForm.vue'
import UnitForm from '../../src/components/forms/UnitForm.vue'
import VolunteerForm from '../../src/components/forms/VolunteerRecordForm.vue'
import AssessmentForm from '../../src/components/forms/AssessmentForm.vue'
import CampaignForm from '../../src/components/forms/CampaignForm.vue'
import CivilisationEventForm from '../../src/components/forms/CivilisationEventForm.vue'
import DonationForm from '../../src/components/forms/DonationForm.vue'
import ExcellentCaseForm from '../../src/components/forms/ExcellentCaseForm.vue'
import PairingForm from '../../src/components/forms/PairingForm.vue'
import PersonForm from '../../src/components/forms/PersonForm.vue'
import PracticeActivityForm from '../../src/components/forms/PracticeActivityForm.vue'
import PracticeLinkForm from '../../src/components/forms/PracticeLinkForm.vue'
import TalentMemberForm from '../../src/components/forms/TalentMemberForm.vue'
import TargetForm from '../../src/components/forms/TargetForm.vue'
import WishForm from '../../src/components/forms/WishForm.vue'
import { fieldLabels } from '../../src/lib/fieldLabels'
import { mountForm, Server } from './support'

/** The output field an input field edits: unitId edits unit, categoryCode edits category. */
function outputField(input: string, renamed: Record<string, string>): string {
  return renamed[input] ?? input.replace(/(Id|Code)$/, '')
}

interface FormCase {
  name: string
  form: Component
  props: Record<string, unknown>
  entity: string
  renamed?: Record<string, string>
  /** Answers to the queries the form waits for before it shows its fields. */
  answers?: Record<string, () => unknown>
}

const categories = () => ({
  honorCategories: [
    { code: 'PROV_CIV_UNIT', nameZh: '河南省文明单位', nameEn: 'Henan civilised unit', level: 'PROVINCIAL', recipientKind: 'UNIT', recipientKinds: ['UNIT'], defaultStatus: 'AWARDED' },
  ],
})
const campaigns = () => ({
  campaigns: [{ id: 'Q2FtcGFpZ246Mg==', code: 'FLOOD2021', nameZh: '“7·20”抗洪救灾', nameEn: '7·20 flood relief', startDate: '2021-07-20', endDate: '2021-09-30' }],
})

const forms: FormCase[] = [
  { name: 'HonorForm', form: HonorForm, props: { honor: null }, entity: 'Honor', answers: { HonorCategories: categories } },
  { name: 'VolunteerForm', form: VolunteerForm, props: { record: null }, entity: 'VolunteerRecord', answers: { CampaignOptions: campaigns } },
  { name: 'UnitForm', form: UnitForm, props: { unit: null }, entity: 'Unit' },
  { name: 'PersonForm', form: PersonForm, props: {}, entity: 'Person' },
  { name: 'AssessmentForm', form: AssessmentForm, props: { year: 2025 }, entity: 'Assessment' },
  { name: 'TargetForm', form: TargetForm, props: {}, entity: 'Target' },
  { name: 'CampaignForm', form: CampaignForm, props: {}, entity: 'Campaign' },
  { name: 'DonationForm', form: DonationForm, props: {}, entity: 'Donation', answers: { CampaignOptions: campaigns } },
  { name: 'PracticeLinkForm', form: PracticeLinkForm, props: {}, entity: 'PracticeLink' },
  { name: 'PracticeActivityForm', form: PracticeActivityForm, props: {}, entity: 'PracticeActivity' },
  { name: 'PairingForm', form: PairingForm, props: {}, entity: 'Pairing' },
  { name: 'WishForm', form: WishForm, props: { wish: null }, entity: 'Wish', renamed: { unitId: 'claimedBy' } },
  { name: 'ExcellentCaseForm', form: ExcellentCaseForm, props: { item: null }, entity: 'ExcellentCase' },
  { name: 'TalentMemberForm', form: TalentMemberForm, props: { member: null }, entity: 'TalentMember' },
  { name: 'CivilisationEventForm', form: CivilisationEventForm, props: { event: null }, entity: 'CivilisationEvent' },
]

/** The fields a mounted form shows whose label differs from the table's, as field: form label ≠ table label. */
async function mismatches(c: FormCase): Promise<string[]> {
  new Server(c.answers)
  const w = await mountForm(c.form, c.props)
  const fields = w.findAllComponents(FormField)
  expect(fields.length, `${c.name} shows no FormField`).toBeGreaterThan(0)
  const out: string[] = []
  for (const f of fields) {
    const input = f.props('field') as string
    const field = outputField(input, c.renamed ?? {})
    const want = fieldLabels[c.entity]?.[field]?.zh
    const got = (f.props('label') as string).trim()
    if (want !== got) out.push(`${input}: ${got} ≠ ${want ?? '(not in the table)'}`)
  }
  return out
}

describe('every form labels its fields as the label table does', () => {
  for (const c of forms) {
    it(c.name, async () => {
      expect(await mismatches(c)).toEqual([])
    })
  }
})
