// Prints the gzipped size of the JavaScript a first visit to "/" loads: the
// entry chunk, its static imports, and the chunk of the Overview route with its
// static imports (read from Vite's manifest). Fails above the 350 KB budget.
import { readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const dist = join(import.meta.dirname, '..', 'dist')
const manifestPath = join(dist, '.vite', 'manifest.json')
if (!existsSync(manifestPath)) {
  console.error('no dist/.vite/manifest.json — run vite build first')
  process.exit(1)
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
const BUDGET_KB = 350

const seen = new Set()
function walk(key) {
  if (seen.has(key)) return
  seen.add(key)
  for (const i of manifest[key].imports ?? []) walk(i)
}
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry && k === 'index.html')
walk(entry)
const landing = Object.keys(manifest).find((k) => k.endsWith('pages/OverviewPage.vue'))
if (landing) walk(landing)

let raw = 0
let gz = 0
const rows = []
for (const k of seen) {
  const file = manifest[k].file
  if (!file.endsWith('.js')) continue
  const buf = readFileSync(join(dist, file))
  const g = gzipSync(buf, { level: 9 }).length
  raw += buf.length
  gz += g
  rows.push([file, (buf.length / 1024).toFixed(1), (g / 1024).toFixed(1)])
}
let allGz = 0
for (const k of Object.keys(manifest)) {
  const f = manifest[k].file
  if (f.endsWith('.js')) allGz += gzipSync(readFileSync(join(dist, f)), { level: 9 }).length
}
for (const [f, r, g] of rows) console.log(`  ${f.padEnd(48)} ${r.padStart(8)} KB  gzip ${g.padStart(7)} KB`)
const kb = (gz / 1024).toFixed(1)
console.log(`first-load JS gzip: ${kb} KB (raw ${(raw / 1024).toFixed(1)} KB; all JS gzip ${(allGz / 1024).toFixed(1)} KB; budget ${BUDGET_KB} KB)`)
// The manifest is a build artefact for this script only; do not ship it.
rmSync(join(dist, '.vite'), { recursive: true, force: true })
// dist/.gitkeep is tracked so that `go:embed all:dist` compiles before a build; vite's emptyOutDir removes it.
writeFileSync(join(dist, '.gitkeep'), '')
if (gz / 1024 > BUDGET_KB) {
  console.error(`first-load JS is over budget (${kb} KB > ${BUDGET_KB} KB)`)
  process.exit(1)
}
