/** The `office` pipeline: a Word (.docx) or Writer (.odt) file -> report, read from its XML. */
import type { StageContext } from '../src/model/stage.js'
import { timed } from '../src/model/stage.js'
import type { Report } from '../src/report/schema.js'
import { readOfficeDocument } from '../src/stages/ingest/read-office.js'
import { docToReport, type StructureOptions } from './structure.js'

export async function runOfficePipeline(bytes: Uint8Array, file: string, ctx: StageContext, options: Partial<StructureOptions> = {}): Promise<Report> {
  const timings: Record<string, number> = {}
  const doc = await timed('ingest', timings, () => readOfficeDocument(bytes, { file }))
  return docToReport({ ...doc, timings }, ctx, { pipeline: doc.source.kind, ...options })
}
