// Row types and table columns of the record connections (honours and volunteer
// service records), shared by page tables and the drill-down panel.
import { computed } from 'vue'
import type { Column } from './export'
import { editionLabel, enumLabel, lang, pick, t, unitKindLabel, yesNo } from './i18n'
import { formatNumber } from './format'

export interface HonorRow {
  id: string
  recipientKind: string
  recipientName: string
  year: number
  date: string | null
  edition: string | null
  status: string
  demo: boolean
  version: number
  category: { code: string; nameZh: string; nameEn: string; level: string; recipientKind: string }
  unit: { id: string; name: string; kind: string; campus: boolean; serviceWindow: boolean } | null
  person: { id: string; name: string; citation: string } | null
  source: { id: string; title: string } | null
}

export interface VolunteerRow {
  id: string
  date: string
  volunteers: number
  hours: number
  method: string
  verified: boolean
  demo: boolean
  version: number
  unit: { id: string; name: string; kind: string; campus: boolean; serviceWindow: boolean }
  campaign: { id: string; code: string; nameZh: string; nameEn: string } | null
}

export interface HonorFilter {
  fromYear?: number
  toYear?: number
  levels?: string[]
  categories?: string[]
  recipientKinds?: string[]
  statuses?: string[]
  unitId?: string
  unitKind?: string
  edition?: string
  demo?: boolean
}

export interface VolunteerFilter {
  fromYear?: number
  toYear?: number
  campaigns?: string[]
  unitId?: string
  unitKind?: string
  methods?: string[]
  verified?: boolean
  demo?: boolean
}

/** Server-side sort fields of the honours connection, by column key. */
export const honorOrderFields: Record<string, string> = { year: 'YEAR', category: 'CATEGORY', recipient: 'RECIPIENT' }

export function useHonorColumns(opts: { citation?: boolean } = {}) {
  return computed<Column<HonorRow>[]>(() => {
    void lang.value
    const cols: Column<HonorRow>[] = [
      { key: 'year', label: t('year'), value: (r) => r.year, numeric: true },
      { key: 'recipient', label: t('recipient'), text: (r) => r.recipientName },
      { key: 'category', label: t('category'), text: (r) => pick(r.category.nameZh, r.category.nameEn) },
      { key: 'level', label: t('level'), text: (r) => enumLabel(r.category.level), sortable: false },
      { key: 'status', label: t('status'), text: (r) => enumLabel(r.status), sortable: false },
      { key: 'edition', label: t('edition'), text: (r) => (r.edition ? editionLabel(r.edition) : ''), sortable: false },
      { key: 'unit', label: t('unit'), text: (r) => r.unit?.name ?? '', sortable: false },
      { key: 'unitKind', label: t('unitKind'), text: (r) => (r.unit ? unitKindLabel(r.unit.kind) : ''), sortable: false },
    ]
    if (opts.citation) cols.push({ key: 'citation', label: t('citation'), text: (r) => r.person?.citation ?? '', sortable: false })
    cols.push({ key: 'demo', label: t('demo'), text: (r) => yesNo(r.demo), value: (r) => r.demo, sortable: false })
    return cols
  })
}

export function useVolunteerColumns() {
  return computed<Column<VolunteerRow>[]>(() => {
    void lang.value
    return [
      { key: 'date', label: t('date'), text: (r) => r.date },
      { key: 'unit', label: t('unit'), text: (r) => r.unit.name },
      { key: 'campaign', label: t('campaign'), text: (r) => (r.campaign ? pick(r.campaign.nameZh, r.campaign.nameEn) : enumLabel('ROUTINE')) },
      { key: 'volunteers', label: t('volunteers'), value: (r) => r.volunteers, text: (r) => formatNumber(r.volunteers, lang.value), numeric: true },
      { key: 'hours', label: t('hours'), value: (r) => r.hours, text: (r) => formatNumber(r.hours, lang.value), numeric: true },
      { key: 'method', label: t('method'), text: (r) => enumLabel(r.method) },
      { key: 'verified', label: t('verified'), text: (r) => yesNo(r.verified), value: (r) => r.verified },
      { key: 'demo', label: t('demo'), text: (r) => yesNo(r.demo), value: (r) => r.demo },
    ]
  })
}

/** A unit as the 单位管理 page lists and edits it. */
export interface UnitRow {
  id: string
  name: string
  kind: string
  sector: string
  serviceWindow: boolean
  campus: boolean
  demo: boolean
  version: number
}
