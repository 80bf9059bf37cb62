// Row types and table columns of the record connections (honours and volunteer
// service records), shared by page tables and the drill-down panel.
import { computed } from 'vue'
import type { Column } from './export'
import type { HonorFilter, HonorOrderField, VolunteerFilter, VolunteerRecordOrderField } from '../gql/graphql'
import type { HonorsQuery } from '../gql/Honors'
import type { UnitsQuery } from '../gql/Units'
import type { VolunteerRecordsQuery } from '../gql/VolunteerRecords'
import { lang, pick } from './i18n'
import { formatNumber } from './format'
import { editionLabel, enumLabel, unitKindLabel, yesNo } from './enums'
import { unitTo } from './unitLink'
import { fieldLabel } from './fieldLabels'

/** One honour as the honours connection returns it (generated from Honors.graphql). */
export type HonorRow = HonorsQuery['honors']['edges'][number]['node']

/** One volunteer-service record as its connection returns it (generated from VolunteerRecords.graphql). */
export type VolunteerRow = VolunteerRecordsQuery['volunteerRecords']['edges'][number]['node']

export type { HonorFilter, VolunteerFilter }

/** Server-side sort fields of the honours connection, by column key. */
export const honorOrderFields: Record<string, HonorOrderField> = { year: 'YEAR', category: 'CATEGORY', recipient: 'RECIPIENT' }

/** Server-side sort fields of the volunteer-record connection, by column key. */
export const volunteerOrderFields: Record<string, VolunteerRecordOrderField> = { date: 'DATE', unit: 'UNIT', volunteers: 'VOLUNTEERS', hours: 'HOURS' }

export function useHonorColumns(opts: { citation?: boolean } = {}) {
  return computed<Column<HonorRow>[]>(() => {
    void lang.value
    const cols: Column<HonorRow>[] = [
      { key: 'year', label: fieldLabel('Honor', 'year'), value: (r) => r.year, numeric: true },
      { key: 'recipient', label: fieldLabel('Honor', 'recipientName'), text: (r) => r.recipientName },
      { key: 'category', label: fieldLabel('Honor', 'category'), text: (r) => pick(r.category.nameZh, r.category.nameEn) },
      { key: 'level', label: fieldLabel('Honor', 'level'), text: (r) => enumLabel(r.category.level), sortable: false },
      { key: 'status', label: fieldLabel('Honor', 'status'), text: (r) => enumLabel(r.status), sortable: false },
      { key: 'edition', label: fieldLabel('Honor', 'edition'), text: (r) => (r.edition ? editionLabel(r.edition) : ''), sortable: false },
      { key: 'unit', label: fieldLabel('Honor', 'unit'), text: (r) => r.unit?.name ?? '', sortable: false, link: (r) => (r.unit ? unitTo(r.unit.id) : undefined) },
      { key: 'unitKind', label: fieldLabel('Honor', 'unitKind'), text: (r) => (r.unit ? unitKindLabel(r.unit.kind) : ''), sortable: false },
    ]
    if (opts.citation) cols.push({ key: 'citation', label: fieldLabel('Honor', 'citation'), text: (r) => r.person?.citation ?? '', sortable: false })
    cols.push({ key: 'demo', label: fieldLabel('Honor', 'demo'), text: (r) => yesNo(r.demo), value: (r) => r.demo, sortable: false })
    return cols
  })
}

export function useVolunteerColumns() {
  return computed<Column<VolunteerRow>[]>(() => {
    void lang.value
    return [
      { key: 'date', label: fieldLabel('VolunteerRecord', 'date'), text: (r) => r.date },
      { key: 'unit', label: fieldLabel('VolunteerRecord', 'unit'), text: (r) => r.unit.name, link: (r) => unitTo(r.unit.id) },
      { key: 'campaign', label: fieldLabel('VolunteerRecord', 'campaign'), text: (r) => (r.campaign ? pick(r.campaign.nameZh, r.campaign.nameEn) : enumLabel('ROUTINE')) },
      { key: 'volunteers', label: fieldLabel('VolunteerRecord', 'volunteers'), value: (r) => r.volunteers, text: (r) => formatNumber(r.volunteers, lang.value), numeric: true },
      { key: 'hours', label: fieldLabel('VolunteerRecord', 'hours'), value: (r) => r.hours, text: (r) => formatNumber(r.hours, lang.value), numeric: true },
      { key: 'method', label: fieldLabel('VolunteerRecord', 'method'), text: (r) => enumLabel(r.method) },
      { key: 'verified', label: fieldLabel('VolunteerRecord', 'verified'), text: (r) => yesNo(r.verified), value: (r) => r.verified },
      { key: 'demo', label: fieldLabel('VolunteerRecord', 'demo'), text: (r) => yesNo(r.demo), value: (r) => r.demo },
    ]
  })
}

/** A unit as the 单位管理 page lists and edits it (generated from Units.graphql). */
export type UnitRow = UnitsQuery['units']['edges'][number]['node']
