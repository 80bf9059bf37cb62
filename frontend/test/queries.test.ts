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

describe('queries validate against the schema', () => {
  it('finds query files', () => {
    expect(files.length).toBeGreaterThan(5)
  })
  for (const f of files) {
    it(f, () => {
      const doc = parse(readFileSync(join(queryDir, f), 'utf8'))
      const errors = validate(schema, doc)
      expect(errors.map((e) => e.message)).toEqual([])
      const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      expect(ops).toHaveLength(1)
      // Operation name equals the file name, so network logs are readable.
      expect((ops[0] as { name?: { value: string } }).name?.value).toBe(f.replace(/\.graphql$/, ''))
    })
  }
})
