import * as z from 'zod'
import { ReportSchema } from './schema.js'

/** The published JSON Schema text, generated from the zod schema (never written by hand). */
export function reportJsonSchema(): string {
  const schema = z.toJSONSchema(ReportSchema, { target: 'draft-2020-12', io: 'output' })
  const published = {
    title: 'ITA report (ita-extract)',
    ...schema,
  }
  return `${JSON.stringify(published, null, 2)}\n`
}
