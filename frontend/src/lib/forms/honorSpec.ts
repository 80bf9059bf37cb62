// The RecordFormSpec of an honour (荣誉), whatever receives it: a unit, campus or service window, a person (好人,
// 道德模范, 服务标兵…), a volunteer project, a work of 赶考路上有我, or a community (「四个优秀」, named only). The checks
// are validateHonor (lib/validate.ts), in the server's words; the server stays the judge.
import { CreateHonorDocument } from '../../gql/CreateHonor'
import { HonorForEditDocument } from '../../gql/HonorForEdit'
import { UpdateHonorDocument } from '../../gql/UpdateHonor'
import { gql } from '../gql'
import { ta } from '../i18n-admin'
import { honorInput, recipientKindOf, validateHonor, type CategoryInfo, type HonorDraft, type UnitInfo } from '../validate'
import type { RecordFormSpec } from './recordEditor'

/** An honour as the form needs it, whether the page's list gave it or the form loaded it. */
export interface HonorRecord {
  id: string
  version: number
  demo?: boolean
  year: number
  date?: string | null
  edition?: string | null
  status: string
  recipientKind?: string
  recipientName: string
  category: { code: string; recipientKind: string }
  unit?: UnitInfo | null
  person?: { id: string; name: string; unit?: { name: string } | null } | null
  project?: { id: string; name: string } | null
  work?: { id: string; title: string; kind?: string; year?: number } | null
}

/** What a save of an honour tells the page, and the record's ID for its list. */
export interface HonorSaved {
  id: string
  message: string
}

/** The API fields of the form, in its order; the recipient's field is the one its kind names. */
export const HONOR_FIELDS = ['categoryCode', 'recipientKind', 'unitId', 'personId', 'projectId', 'workId', 'recipientName', 'year', 'date', 'edition', 'status']

/** A blank honour of the year given. */
export const blankHonor = (year: number): HonorDraft => ({
  categoryCode: '', recipientKind: '', unit: null, person: null, projectId: '', work: null, recipientName: '', year: String(year), date: '', edition: '', status: '',
})

/** The draft of a stored honour. */
export function honorDraft(h: HonorRecord): HonorDraft {
  const kind = h.recipientKind ?? h.category.recipientKind
  return {
    categoryCode: h.category.code,
    recipientKind: kind,
    unit: h.unit ? { id: h.unit.id, name: h.unit.name, kind: h.unit.kind, campus: h.unit.campus, serviceWindow: h.unit.serviceWindow } : null,
    person: h.person ? { id: h.person.id, name: h.person.name, unit: h.person.unit ?? null } : null,
    projectId: h.project?.id ?? '',
    work: h.work ? { id: h.work.id, title: h.work.title, kind: h.work.kind, year: h.work.year } : null,
    recipientName: kind === 'COMMUNITY' ? h.recipientName : '',
    year: String(h.year),
    date: h.date ?? '',
    edition: h.edition ?? '',
    status: h.status ?? '',
  }
}

/** honorSpec loads and writes honours; categories() is the catalogue the form offers, for the recipient checks. */
export function honorSpec(categories: () => CategoryInfo[], blank: () => HonorDraft): RecordFormSpec<HonorDraft, HonorRecord, HonorSaved> {
  const input = (d: HonorDraft) => {
    const cat = categories().find((c) => c.code === d.categoryCode.trim())
    return honorInput({ ...d, recipientKind: recipientKindOf(d, cat) })
  }
  return {
    fields: HONOR_FIELDS,
    inputIds: {
      categoryCode: 'hf-category', recipientKind: 'hf-kind', unitId: 'hf-unit', personId: 'hf-person', projectId: 'hf-project', workId: 'hf-work',
      recipientName: 'hf-name', year: 'hf-year', date: 'hf-date', edition: 'hf-edition', status: 'hf-status',
    },
    blank,
    fromRecord: honorDraft,
    validate: (d) => validateHonor(d, categories()),
    load: async (id) => {
      const n = (await gql(HonorForEditDocument, { id })).node
      return n && 'category' in n ? (n as HonorRecord) : null
    },
    create: async (d) => {
      const r = (await gql(CreateHonorDocument, { input: input(d) })).createHonor
      return { id: r.id, message: ta('createdNote', { n: r.recipientName }) }
    },
    update: async (id, v, d) => {
      const r = (await gql(UpdateHonorDocument, { id, expectedVersion: v, input: input(d) })).updateHonor
      return { id: r.id, message: ta('updatedNote', { n: r.recipientName, v: r.version }) }
    },
    createdId: (s) => s.id,
  }
}
