// Every query the dashboard sends must validate against the server's schema,
// built from ../graph/*.graphqls — the contract between the two halves.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildSchema, parse, validate, Kind } from 'graphql'
import { describe, expect, it } from 'vitest'

const graphDir = join(__dirname, '..', '..', 'graph')
const queryDir = join(__dirname, '..', 'src', 'graphql')

const sdl = readdirSync(graphDir)
  .filter((f) => f.endsWith('.graphqls'))
  .sort()
  .map((f) => readFileSync(join(graphDir, f), 'utf8'))
  .join('\n')

const schema = buildSchema(sdl)
const files = readdirSync(queryDir).filter((f) => f.endsWith('.graphql'))
const source = (f: string) => readFileSync(join(queryDir, f), 'utf8')
// Files that hold only fragments (ImportJobFields) are shared by the operations that spread them, as codegen does.
const fragmentFiles = files.filter((f) => parse(source(f)).definitions.every((d) => d.kind === Kind.FRAGMENT_DEFINITION))

describe('queries validate against the schema', () => {
  it('finds query files', () => {
    expect(files.length).toBeGreaterThan(5)
  })
  for (const f of fragmentFiles) {
    it(`${f} is a fragment named after its file, spread by an operation`, () => {
      const doc = parse(source(f))
      expect(doc.definitions.map((d) => (d as { name?: { value: string } }).name?.value)).toEqual([f.replace(/\.graphql$/, '')])
      expect(files.some((g) => g !== f && source(g).includes(`...${f.replace(/\.graphql$/, '')}`))).toBe(true)
    })
  }
  for (const f of files.filter((f) => !fragmentFiles.includes(f))) {
    it(f, () => {
      const own = source(f)
      // Only the fragments it spreads: an unused fragment is itself a validation error.
      const spread = fragmentFiles.filter((g) => own.includes(`...${g.replace(/\.graphql$/, '')}`)).map(source)
      const doc = parse([own, ...spread].join('\n'))
      const errors = validate(schema, doc)
      expect(errors.map((e) => e.message)).toEqual([])
      const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      expect(ops).toHaveLength(1)
      // Operation name equals the file name, so network logs are readable.
      expect((ops[0] as { name?: { value: string } }).name?.value).toBe(f.replace(/\.graphql$/, ''))
    })
  }
})
