// Drill-down: a click on a chart element opens the records behind it. Record
// drills (honours / volunteer records) are kept in ?drill= so a link reproduces
// them; summary drills (no record API) live in memory only.
import { computed, shallowRef } from 'vue'
import type { Column, ExportView } from './export'
import type { HonorFilter, VolunteerFilter } from './records'
import { currentQuery, queryString, setQuery } from './state'

export type RecordDrill =
  | { kind: 'honors'; title: string; filter: HonorFilter }
  | { kind: 'volunteer'; title: string; filter: VolunteerFilter }

export interface RowsDrill {
  kind: 'rows'
  title: string
  note?: string
  rows: Record<string, unknown>[]
  columns: Column<Record<string, unknown>>[]
  /** The server's view and filter behind these rows, so that the exports hold every row (GET /export/…). */
  export?: { view: ExportView; filter: object }
}

export type Drill = RecordDrill | RowsDrill

const memory = shallowRef<RowsDrill | null>(null)

export const drill = computed<Drill | null>(() => {
  const raw = queryString(currentQuery(), 'drill')
  if (raw) {
    try {
      const d = JSON.parse(raw) as RecordDrill
      if ((d.kind === 'honors' || d.kind === 'volunteer') && d.filter && typeof d.title === 'string') return d
    } catch {
      /* ignore a broken link */
    }
  }
  return memory.value
})

/** Drop empty members so URLs stay short. */
function compact<T extends object>(f: T): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || (Array.isArray(v) && !v.length)) continue
    out[k] = v
  }
  return out as T
}

export function openDrill(d: Drill) {
  if (d.kind === 'rows') {
    memory.value = d
    setQuery({ drill: undefined })
  } else {
    memory.value = null
    setQuery({ drill: JSON.stringify({ ...d, filter: compact(d.filter) }) })
  }
}

export function closeDrill() {
  memory.value = null
  setQuery({ drill: undefined })
}
