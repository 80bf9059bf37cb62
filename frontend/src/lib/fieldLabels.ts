// The one label table of the records' fields: db/fieldlabels.json, which the server embeds too (db/labels.go), so
// that a form, a table column, an export header and the audit log call a field by the same name. Keys are the
// GraphQL type name (Honor, VolunteerRecord …) and the GraphQL field name (recipientName, volunteers …).
import table from '../../../db/fieldlabels.json'
import { lang } from './i18n'
import type { Lang } from './format'

/** How people call a field, in Chinese and in English. */
export type FieldLabel = { zh: string; en: string }

/** Every entity's fields and their labels, as the JSON file has them. */
export const fieldLabels: Record<string, Record<string, FieldLabel>> = table

/** An entity the label table covers (the GraphQL type name). */
export type LabelledEntity = keyof typeof table

/** A field of one entity in the label table. */
export type LabelledField<E extends LabelledEntity> = keyof (typeof table)[E] & string

/** The label of an entity's field in a language (the current one by default). */
export function fieldLabel<E extends LabelledEntity>(entity: E, field: LabelledField<E>, l: Lang = lang.value): string {
  const x = fieldLabels[entity][field]
  return l === 'en' ? x.en : x.zh
}

/** The label of a field named at run time (the audit log's changes); a field the table lacks is shown by its name. */
export function anyFieldLabel(entity: string, field: string, l: Lang = lang.value): string {
  const x = fieldLabels[entity]?.[field]
  if (!x) return field
  return l === 'en' ? x.en : x.zh
}
