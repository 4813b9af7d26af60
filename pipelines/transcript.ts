/** The `transcript` pipeline: an existing OCR transcript (.txt, .md, .html) -> report. */
import type { StageContext } from '../src/model/stage.js'
import { timed } from '../src/model/stage.js'
import type { Report } from '../src/report/schema.js'
import { readTranscript } from '../src/stages/ingest/read-transcript.js'
import { docToReport, type StructureOptions } from './structure.js'

export async function runTranscriptPipeline(
  bytes: Uint8Array,
  file: string,
  ctx: StageContext,
  options: Partial<StructureOptions> = {},
): Promise<Report> {
  const timings: Record<string, number> = {}
  const doc = await timed('ingest', timings, () => readTranscript(bytes, { file }))
  return docToReport({ ...doc, timings }, ctx, { pipeline: 'transcript', ...options })
}
