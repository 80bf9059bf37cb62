// The RecordFormSpec of a volunteer service record (志愿服务记录): organising unit, campaign (or routine service),
// date, volunteers, hours (whole minutes), how they were recorded, verified. The checks are validateVolunteer
// (lib/validate.ts), in the server's words.
import { CreateVolunteerRecordDocument } from '../../gql/CreateVolunteerRecord'
import { UpdateVolunteerRecordDocument } from '../../gql/UpdateVolunteerRecord'
import { VolunteerRecordForEditDocument } from '../../gql/VolunteerRecordForEdit'
import { gql } from '../gql'
import { ta } from '../i18n-admin'
import type { VolunteerRow } from '../records'
import { validateVolunteer, volunteerInput, type VolunteerDraft } from '../validate'
import { inputIdsOf, type RecordFormSpec } from './recordEditor'

/** What a save of a volunteer record tells the page, and the record's ID for its list. */
export interface VolunteerSaved {
  id: string
  message: string
}

const fields = ['unitId', 'campaignId', 'date', 'volunteers', 'hours', 'method', 'verified']

/** The draft of a stored record. */
export const volunteerDraft = (r: VolunteerRow): VolunteerDraft => ({
  unit: { id: r.unit.id, name: r.unit.name, kind: r.unit.kind, campus: r.unit.campus, serviceWindow: r.unit.serviceWindow },
  campaignId: r.campaign?.id ?? '',
  date: r.date,
  volunteers: String(r.volunteers),
  hours: String(r.hours),
  method: r.method,
  verified: r.verified,
})

/** How a volunteer record is loaded and written. */
export const volunteerRecordSpec: RecordFormSpec<VolunteerDraft, VolunteerRow, VolunteerSaved> = {
  fields,
  inputIds: { ...inputIdsOf('vf', fields), unitId: 'vf-unit', campaignId: 'vf-campaign' },
  blank: () => ({ unit: null, campaignId: '', date: '', volunteers: '', hours: '', method: 'SIGN_IN', verified: false }),
  fromRecord: volunteerDraft,
  validate: validateVolunteer,
  load: async (id) => (await gql(VolunteerRecordForEditDocument, { id })).node as VolunteerRow | null,
  create: async (d) => {
    const r = (await gql(CreateVolunteerRecordDocument, { input: volunteerInput(d) })).createVolunteerRecord
    return { id: r.id, message: ta('volunteerCreatedNote', { n: r.unit.name, d: r.date }) }
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdateVolunteerRecordDocument, { id, expectedVersion: v, input: volunteerInput(d) })).updateVolunteerRecord
    return { id: r.id, message: ta('volunteerUpdatedNote', { n: r.unit.name, d: r.date, v: r.version }) }
  },
  createdId: (s) => s.id,
}
