// GraphiQL's example tabs must run as they stand: each validates against the server's schema, and its variables
// parse as JSON.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildSchema, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'
import { examples } from '../src/graphiql/examples'

const graphDir = join(__dirname, '..', '..', 'graph')
const schema = buildSchema(
  readdirSync(graphDir)
    .filter((f) => f.endsWith('.graphqls'))
    .sort()
    .map((f) => readFileSync(join(graphDir, f), 'utf8'))
    .join('\n'),
)

describe('GraphiQL examples', () => {
  it('covers the five common tasks and the two of yearly reporting', () => {
    expect(examples).toHaveLength(7)
  })
  for (const ex of examples) {
    const name = /query (\w+)/.exec(ex.query)?.[1] ?? '?'
    it(name, () => {
      expect(validate(schema, parse(ex.query)).map((e) => e.message)).toEqual([])
      if (ex.variables) expect(() => JSON.parse(ex.variables as string)).not.toThrow()
    })
  }
})
