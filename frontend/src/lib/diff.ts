// Before/after of an audit entry as rows: one per field, marked when it changed.

export interface DiffRow {
  key: string
  before: string
  after: string
  change: 'added' | 'removed' | 'changed' | 'same'
}

function parse(json: string | null | undefined): Record<string, unknown> | null {
  if (!json) return null
  try {
    const v = JSON.parse(json)
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v }
  } catch {
    return { value: json }
  }
}

export function show(v: unknown): string {
  if (v === undefined) return ''
  if (v === null) return 'null'
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}

/** Field-by-field diff of two JSON records; fields keep the order they first appear in. */
export function diffRecords(before: string | null | undefined, after: string | null | undefined): DiffRow[] {
  const a = parse(before)
  const b = parse(after)
  const keys: string[] = []
  for (const o of [a, b]) if (o) for (const k of Object.keys(o)) if (!keys.includes(k)) keys.push(k)
  return keys.map((key) => {
    const x = a && key in a ? a[key] : undefined
    const y = b && key in b ? b[key] : undefined
    const change: DiffRow['change'] =
      x === undefined ? 'added' : y === undefined ? 'removed' : JSON.stringify(x) === JSON.stringify(y) ? 'same' : 'changed'
    return { key, before: show(x), after: show(y), change }
  })
}

/** A short human label of a record's JSON (its name, title or recipient). */
export function recordLabel(json: string | null | undefined): string {
  const o = parse(json)
  if (!o) return ''
  for (const k of ['recipient_name', 'name', 'name_zh', 'title', 'theme', 'username', 'code', 'value']) {
    const v = o[k]
    if (typeof v === 'string' && v) return v
  }
  return o.id !== undefined ? `#${show(o.id)}` : ''
}
