// Downloads: record tables come from the server's /export/{view}.{xlsx|csv} with the table's filters (every row,
// streamed by the server); tables computed in the page (summaries, chart data) export as CSV (UTF-8 with BOM so
// Excel reads Chinese); charts as PNG.
import type { RouteLocationRaw } from 'vue-router'

export interface Column<R> {
  key: string
  label: string
  /** Text shown in the table and written to CSV/XLSX. */
  text?: (row: R) => string
  /** Raw value written to XLSX when it is a number (keeps cells numeric). */
  value?: (row: R) => string | number | boolean | null
  sortValue?: (row: R) => string | number
  sortable?: boolean
  numeric?: boolean
  /** Minimum column width in the table (CSS length). */
  minWidth?: string
  /** A page the cell links to (a unit's name links to its unit page); the link does not select the row. */
  link?: (row: R) => RouteLocationRaw | undefined
}

export function cellText<R>(c: Column<R>, row: R): string {
  if (c.text) return c.text(row)
  const v = c.value ? c.value(row) : (row as Record<string, unknown>)[c.key]
  return v === null || v === undefined ? '' : String(v)
}

export function cellValue<R>(c: Column<R>, row: R): string | number | boolean | null {
  if (c.value) return c.value(row)
  return cellText(c, row)
}

export function download(data: Blob | string, filename: string) {
  const url = typeof data === 'string' ? data : URL.createObjectURL(data)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  if (typeof data !== 'string') setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** How far a server export has come: preparing until the server answers, then the bytes received. */
export interface ExportProgress {
  stage: 'preparing' | 'downloading'
  bytes: number
}

/**
 * Download a server export, saying how far it has come: a large XLSX is prepared by the server before its first
 * byte, which a plain link would leave the user waiting on without a sign. Throws with the server's message.
 */
export async function downloadExport(url: string, filename: string, onProgress: (p: ExportProgress) => void): Promise<void> {
  onProgress({ stage: 'preparing', bytes: 0 })
  const res = await fetch(url, { credentials: 'same-origin' })
  if (!res.ok) {
    const text = await res.text().catch(() => '')
    let message = `HTTP ${res.status}`
    try {
      message = JSON.parse(text).message ?? message
    } catch {
      if (text) message = text.slice(0, 200)
    }
    throw new Error(message)
  }
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream'
  const chunks: BlobPart[] = []
  let bytes = 0
  onProgress({ stage: 'downloading', bytes })
  const reader = res.body?.getReader()
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      bytes += value.byteLength
      onProgress({ stage: 'downloading', bytes })
    }
  } else chunks.push(await res.arrayBuffer())
  download(new Blob(chunks, { type }), filename)
}

function csvEscape(s: string): string {
  // Guard against formula injection in spreadsheet apps.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv<R>(rows: R[], columns: Column<R>[]): string {
  const lines = [columns.map((c) => csvEscape(c.label)).join(',')]
  for (const r of rows) lines.push(columns.map((c) => csvEscape(cellText(c, r))).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

export function exportCsv<R>(rows: R[], columns: Column<R>[], filename: string) {
  download(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }), filename + '.csv')
}

/** A view of GET /export/{view}.{format}: the server's names (db/importer/export.go ExportViews). */
export type ExportView = 'honors' | 'volunteer-records' | 'units' | 'people' | 'assessments' | 'activities' | 'figures' | 'rankings'
  | 'practice-centers' | 'progress'

/** The export formats the server writes. */
export type ExportFormat = 'csv' | 'xlsx'

/**
 * The server's export URL of a view with the same filters a table shows: lists comma-joined, empty members left
 * out, so that /export/honors.xlsx?fromYear=2019&levels=NATIONAL,PROVINCIAL is the table's own filter.
 */
export function exportUrl(view: ExportView, format: ExportFormat, filter: object = {}): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === null || v === '') continue
    if (Array.isArray(v)) {
      if (v.length) q.set(k, v.join(','))
    } else q.set(k, String(v))
  }
  const qs = q.toString()
  return `/export/${view}.${format}${qs ? '?' + qs : ''}`
}

/** A filename-safe stamp such as 2019-2024. */
export function stamp(from: number, to: number) {
  return from === to ? `${from}` : `${from}-${to}`
}
