import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../_internal/package-root.js'
import { reportJsonSchema } from './json-schema.js'

describe('published JSON Schema', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(join(packageRoot(), 'schemas', 'ita-report.schema.json'), 'utf8')
    expect(committed).toBe(reportJsonSchema())
  })
  it('describes the fields consumers rely on', () => {
    const schema = JSON.parse(reportJsonSchema())
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['organization', 'fiscalYear', 'totalScore', 'level', 'previous', 'tools', 'indicators', 'findings', 'gaps']))
  })
})
