// The RecordFormSpec of a unit (省直单位): name, kind, sector, service window and its contact (联系人, phone). The checks are validateUnit
// (lib/validate.ts, mirroring UnitFields.Validate); a duplicate name (CONFLICT 同名单位已存在) belongs to the name.
import { CreateUnitDocument } from '../../gql/CreateUnit'
import { UnitForEditDocument } from '../../gql/UnitForEdit'
import { UpdateUnitDocument } from '../../gql/UpdateUnit'
import { gql } from '../gql'
import { ta } from '../i18n-admin'
import type { UnitRow } from '../records'
import { unitInput, validateUnit, type UnitDraft } from '../validate'
import type { RecordFormSpec } from './recordEditor'

/** What a save of a unit tells the page, and the unit's ID for its list. */
export interface UnitSaved {
  id: string
  message: string
}

/** How a unit is loaded and written. */
export const unitSpec: RecordFormSpec<UnitDraft, UnitRow, UnitSaved> = {
  fields: ['name', 'kind', 'sector', 'serviceWindow', 'contactName', 'contactPhone'],
  inputIds: { name: 'uf-name', kind: 'uf-kind', sector: 'uf-sector', serviceWindow: 'uf-window', contactName: 'uf-contact-name', contactPhone: 'uf-contact-phone' },
  blank: () => ({ name: '', kind: '', sector: '', serviceWindow: false, contactName: '', contactPhone: '' }),
  fromRecord: (u) => ({
    name: u.name, kind: u.kind, sector: u.sector ?? '', serviceWindow: u.serviceWindow,
    contactName: u.contactName ?? '', contactPhone: u.contactPhone ?? '',
  }),
  validate: validateUnit,
  load: async (id) => (await gql(UnitForEditDocument, { id })).node as UnitRow | null,
  create: async (d) => {
    const r = (await gql(CreateUnitDocument, { input: unitInput(d) })).createUnit
    return { id: r.id, message: ta('unitCreatedNote', { n: r.name }) }
  },
  update: async (id, v, d) => {
    const r = (await gql(UpdateUnitDocument, { id, expectedVersion: v, input: unitInput(d, true) })).updateUnit
    return { id: r.id, message: ta('unitUpdatedNote', { n: r.name, v: r.version }) }
  },
  conflictField: (err) => (/同名单位/.test(err.message) ? 'name' : undefined),
  createdId: (s) => s.id,
}
