// No field of a record form shows a sample value as its placeholder: grey text reads as a value already entered (an
// empty 届次 once showed 「第七届」). Examples go in the help text under the field; the only placeholders are the
// search pickers' instructions.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import adminZh from '../src/i18n/admin-zh'
import { admin as adminEn } from '../src/i18n/en'

const components = join(__dirname, '../src/components')
const pages = join(__dirname, '../src/pages')
const vueFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? vueFiles(join(dir, e.name)) : e.name.endsWith('.vue') ? [join(dir, e.name)] : []))

describe('placeholders of the forms and pages', () => {
  const files = [...vueFiles(components), ...vueFiles(pages)]
  it('finds the forms', () => {
    expect(files.some((f) => f.endsWith('HonorForm.vue'))).toBe(true)
  })
  it('no component writes a placeholder of its own', () => {
    const literal = files.filter((f) => /\splaceholder="/.test(readFileSync(f, 'utf8')))
    expect(literal).toEqual([])
  })
  it('the pickers prompt with an instruction, in both languages', () => {
    for (const key of ['unitSearchPlaceholder', 'personSearchPrompt', 'workSearchPrompt'] as const) {
      expect(adminZh[key]).toMatch(/^输入.*搜索$/)
      expect(adminEn[key]).toMatch(/^Type .* search/)
    }
  })
  it('the edition field gives its example as help text', () => {
    expect(adminZh.editionHint).toMatch(/例如：第七届/)
    const honorForm = readFileSync(files.find((f) => f.endsWith('HonorForm.vue'))!, 'utf8')
    expect(honorForm).toMatch(/id="hf-edition"[^>]*:hint="ta\('editionHint'\)"/)
  })
})
