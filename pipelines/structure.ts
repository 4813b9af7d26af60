/**
 * The part every input path shares: a document model in, a validated, checked report out.
 * Transcript, PDF text-layer and OCR paths all end here, so structure extraction is written once.
 */
import { loadCatalogue } from '../src/catalogue/catalogue.js'
import type { Doc } from '../src/model/document.js'
import { timed, type StageContext } from '../src/model/stage.js'
import type { Gap, Report } from '../src/report/schema.js'
import { normaliseDoc } from '../src/stages/normalise/normalise-doc.js'
import { extractReport } from '../src/stages/extract/extract-report.js'
import { requireOneReport } from '../src/stages/segment/one-report.js'
import { segmentRows } from '../src/stages/segment/segment.js'
import { checkReport } from '../src/stages/check/check-report.js'
import { validateReport } from '../src/stages/validate/validate-report.js'

export interface StructureOptions {
  /** Pipeline name recorded in `report.source.pipeline`. */
  readonly pipeline: string
  /** Run the consistency checks and fill `report.findings`. @default true */
  readonly check?: boolean
}

function pageGaps(doc: Doc): Gap[] {
  return doc.issues
    .filter((issue) => issue.severity !== 'info')
    .map((issue) => ({ code: issue.code, message: issue.message, ...(issue.page !== undefined && { page: issue.page }) }))
}

export async function docToReport(doc: Doc, ctx: StageContext, options: StructureOptions): Promise<Report> {
  const timings = doc.timings
  const normalised = await timed('normalise', timings, () => normaliseDoc(doc))
  ctx.log({ stage: 'normalise', msg: 'normalised text' })
  const read = requireOneReport(normalised)
  // The structure (indicators) is the same in every year with data; the catalogue is the report's year's.
  const sections = await timed('segment', timings, () => segmentRows(read.rows, loadCatalogue().indicators, read.roles))
  const extracted = await timed('extract', timings, () => extractReport(normalised, sections, { pipeline: options.pipeline }))
  ctx.log({ stage: 'extract', msg: `found ${extracted.indicators.length} indicators` })
  // What the readers could not read (pages OCR failed on, untrusted text layers) is part of the report's gaps.
  const withPageGaps = { ...extracted, gaps: [...pageGaps(doc), ...extracted.gaps] }
  const checked = options.check === false ? withPageGaps : await timed('check', timings, () => ({ ...withPageGaps, findings: checkReport(withPageGaps) }))
  return timed('validate', timings, () => validateReport(checked, doc.source.file))
}
