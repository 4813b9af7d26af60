import * as z from 'zod'
import { InvalidOutputError } from '../../errors.js'
import { ReportSchema, type Report } from '../../report/schema.js'

/** Parses the report against the published schema. A failure is a bug in a stage, never the user's fault. */
export function validateReport(report: Report, file: string): Report {
  const result = ReportSchema.safeParse(report)
  if (!result.success) {
    throw new InvalidOutputError(`${file}: the extracted report does not match the schema (a bug in ita-extract):\n${z.prettifyError(result.error)}`, {
      file,
      stage: 'validate',
      cause: result.error,
    })
  }
  return result.data
}
