// Precompresses the build for the Go server, which serves dist/X.br or dist/X.gz by Accept-Encoding (embed.go):
// every text asset above 1 KB gets a brotli (quality 11) and a gzip (level 9) copy, kept only where it is smaller.
// The files are compressed at once on libuv's thread pool, so that every core works: brotli 11 on GraphiQL's editor
// took most of the build's time on one core.
import { readdirSync, readFileSync, writeFileSync, statSync, rmSync } from 'node:fs'
import { join, extname } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, gzip, constants } from 'node:zlib'

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

const dist = join(import.meta.dirname, '..', 'dist')
const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map', '.wasm'])
const MIN_BYTES = 1024

let files = 0
let raw = 0
let br = 0
const jobs = []
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) {
      if (name !== '.vite') walk(p)
      continue
    }
    if (name.endsWith('.br') || name.endsWith('.gz')) {
      rmSync(p) // a stale copy from an earlier build
      continue
    }
    if (!TEXT.has(extname(name))) continue
    const buf = readFileSync(p)
    if (buf.length < MIN_BYTES) continue
    jobs.push(compress(p, buf))
  }
}

async function compress(p, buf) {
  const [b, g] = await Promise.all([
    brotliAsync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }),
    gzipAsync(buf, { level: 9 }),
  ])
  if (b.length < buf.length) writeFileSync(p + '.br', b)
  if (g.length < buf.length) writeFileSync(p + '.gz', g)
  files++
  raw += buf.length
  br += Math.min(b.length, buf.length)
}

walk(dist)
await Promise.all(jobs)
console.log(`precompressed ${files} files: ${(raw / 1024).toFixed(1)} KB → ${(br / 1024).toFixed(1)} KB brotli`)
