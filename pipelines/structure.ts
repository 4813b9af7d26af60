/**
 * The part every input path shares: a document model in, a validated, checked report out.
 * Transcript, PDF text-layer and OCR paths all end here, so structure extraction is written once.
 */
import type { Doc } from '../src/model/document.js'
import { timed, type StageContext } from '../src/model/stage.js'
import type { Report } from '../src/report/schema.js'
import { normaliseDoc } from '../src/stages/normalise/normalise-doc.js'
import { extractReport } from '../src/stages/extract/extract-report.js'
import { checkReport } from '../src/stages/check/check-report.js'
import { validateReport } from '../src/stages/validate/validate-report.js'

export interface StructureOptions {
  /** Pipeline name recorded in `report.source.pipeline`. */
  readonly pipeline: string
  /** Run the consistency checks and fill `report.findings`. @default true */
  readonly check?: boolean
}

export async function docToReport(doc: Doc, ctx: StageContext, options: StructureOptions): Promise<Report> {
  const timings = doc.timings
  const normalised = await timed('normalise', timings, () => normaliseDoc(doc))
  ctx.log({ stage: 'normalise', msg: 'normalised text' })
  const extracted = await timed('extract', timings, () => extractReport(normalised, { pipeline: options.pipeline }))
  ctx.log({ stage: 'extract', msg: `found ${extracted.indicators.length} indicators` })
  const checked = options.check === false ? extracted : await timed('check', timings, () => ({ ...extracted, findings: checkReport(extracted) }))
  return timed('validate', timings, () => validateReport(checked, doc.source.file))
}
