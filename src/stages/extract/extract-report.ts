/**
 * The extract stage: the document's rows in their sections in (`segmentRows`), the report out.
 * Reads only rows of the shared model, so transcripts, PDF text layers and OCR'd pages all go
 * through this one code path.
 * Each section's values are kept separately (never merged); what is missing is said in `gaps`.
 */
import type { Catalogue } from '../../catalogue/catalogue.js'
import { catalogueFor, catalogueGap, certainYear } from '../../catalogue/choose.js'
import { NotAReportError } from '../../errors.js'
import type { Doc } from '../../model/document.js'
import type { Gap, Indicator, Measure, Report, Section } from '../../report/schema.js'
import { packageVersion } from '../../_internal/package-root.js'
import type { Row } from '../text/rows.js'
import type { Sections } from '../segment/segment.js'
import { isItemSentenceText } from '../segment/item-sentences.js'
import { extractAnalysis, type IndicatorAnalysis } from './analysis.js'
import { extractMeasures } from './measures.js'
import { extractDetail, extractSummary, toolSentences, type DetailList, type SummaryTable } from './tables.js'
import { extractDocumentFacts } from './title.js'

export interface ExtractOptions {
  /** Pipeline name recorded in `source.pipeline`. */
  readonly pipeline: string
}

/** `sections`: the document's rows in their sections (`segmentRows`). */
export function extractReport(doc: Doc, sections: Sections, options: ExtractOptions): Report {
  // An item's own sentence ("ข้อ o6 ... ประจำปี พ.ศ. 2568 ได้คะแนน 100.00 คะแนน") says nothing of the total or last year.
  const prose = [...sections.summary, ...sections.detail.filter((r) => !isItemSentenceText(r.text)), ...sections.analysis].filter((r) => r.kind === 'line')
  // The rows before the detail list and the measures: where a cover stands, after an executive summary or a letter.
  const body = Math.min(...[...sections.detail, ...sections.measures].map((r) => r.index))
  const front = [...sections.title, ...sections.overall, ...sections.summary, ...sections.analysis].filter((r) => r.index < body).sort((a, b) => a.index - b.index)
  const facts = extractDocumentFacts(sections.title, sections.overall, prose, front)
  const catalogue = catalogueFor(facts.fiscalYear)
  const summary = extractSummary(sections.summary, catalogue)
  const detail = extractDetail(sections.detail, catalogue)
  const analysis = extractAnalysis(sections.analysis, catalogue.indicators)
  const analysisProse = new Map(analysis.filter((a) => a.prose).map((a) => [a.number, a.prose!.value]))
  // A doubtful fiscal year is no yardstick for the periods' years.
  const fiscalYear = certainYear(facts.fiscalYear)
  const { measures, unread } = extractMeasures(sections.measures, { catalogue, analysisProse, ...(fiscalYear !== undefined && { fiscalYear }) })

  const indicators = buildIndicators(catalogue, summary, detail, analysis, measures)
  if (indicators.length === 0 && measures.length === 0) {
    const blocks = doc.pages.reduce((n, p) => n + p.blocks.length, 0)
    if (blocks === 0) {
      throw new NotAReportError(`${doc.source.file}: no text could be read from its ${doc.pages.length} page(s) (image pages not OCR'd: use --ocr auto or always)`, {
        file: doc.source.file,
        stage: 'extract',
      })
    }
    throw new NotAReportError(
      `${doc.source.file}: not an ITA improvement report (no indicator scores, detail list, analysis or measures tables found)`,
      { file: doc.source.file, stage: 'extract' },
    )
  }
  return {
    schemaVersion: 1,
    source: {
      file: doc.source.file,
      kind: doc.source.kind,
      sha256: doc.source.sha256,
      pages: doc.source.pageCount,
      ...(doc.source.encoding && { encoding: doc.source.encoding }),
      ...(doc.source.ocrEngine && { ocrEngine: doc.source.ocrEngine }),
      readBy: doc.pages.map((p) => p.readBy),
      pipeline: options.pipeline,
      version: packageVersion(),
      catalogue: catalogue.itemList?.fiscalYear ?? null,
    },
    ...facts,
    tools: withToolSentences(summary.tools, toolSentences([...sections.title, ...sections.summary, ...sections.detail, ...sections.overall])),
    indicators,
    findings: [],
    gaps: [...findGaps(catalogue, sections, facts, indicators, detail, measures.length), ...unread.map(unreadMeasuresRow)],
  }
}

/** The summary's tool scores, and those only printed in sentences. */
function withToolSentences(fromTables: SummaryTable['tools'], fromSentences: SummaryTable['tools']): SummaryTable['tools'] {
  const missing = fromSentences.filter((s) => !fromTables.some((t) => t.tool === s.tool))
  return [...fromTables, ...missing].sort((a, b) => TOOL_ORDER.indexOf(a.tool) - TOOL_ORDER.indexOf(b.tool))
}

const TOOL_ORDER = ['IIT', 'EIT', 'OIT']

function buildIndicators(
  catalogue: Catalogue,
  summary: SummaryTable,
  detail: DetailList,
  analysis: readonly IndicatorAnalysis[],
  measures: readonly { indicator: number | null; measure: Measure }[],
): Indicator[] {
  return catalogue.indicators
    .map((entry): Indicator | undefined => {
      const inSummary = summary.indicators.find((i) => i.number === entry.number)
      const inDetail = detail.indicators.find((i) => i.number === entry.number)
      const inAnalysis = analysis.find((a) => a.number === entry.number)
      const own = measures.filter((m) => m.indicator === entry.number).map((m) => m.measure)
      const items = detail.items.get(entry.number) ?? []
      if (!inSummary && !inDetail && !inAnalysis && own.length === 0 && items.length === 0) return undefined
      return {
        number: entry.number,
        name: inSummary?.name ?? inDetail?.name ?? inAnalysis?.name ?? null,
        tool: entry.tool,
        scores: {
          summary: inSummary?.score ?? null,
          detail: inDetail?.score ?? null,
          analysis: inAnalysis?.score ?? null,
        },
        items,
        analysis: inAnalysis?.prose ?? null,
        measures: own,
      }
    })
    .filter((i): i is Indicator => i !== undefined)
}

/** A table row of the measures section that went into no measure: said, never dropped silently. */
function unreadMeasuresRow(row: Row): Gap {
  const where = `page ${row.origin.page}${row.origin.line !== undefined ? `, line ${row.origin.line}` : ''}`
  return { section: 'measures', page: row.origin.page, code: 'measures-row-unread', message: `a table row in the measures section went into no measure: "${row.text.slice(0, 80)}" (${where})` }
}

function findGaps(
  catalogue: Catalogue,
  sections: Sections,
  facts: ReturnType<typeof extractDocumentFacts>,
  indicators: readonly Indicator[],
  detail: DetailList,
  measureCount: number,
): Gap[] {
  const gaps: Gap[] = []
  const missingSection = (section: Section, what: string) => gaps.push({ section, code: 'section-missing', message: `${what} not found` })
  if (!indicators.some((i) => i.scores.summary)) missingSection('summary', 'summary table (คะแนนรายตัวชี้วัด)')
  if (!indicators.some((i) => i.scores.detail || i.items.length)) missingSection('detail', 'detail list (ประเด็นการประเมิน / คะแนนที่ได้)')
  if (!indicators.some((i) => i.scores.analysis)) missingSection('analysis', 'per-indicator analysis (ตัวชี้วัดที่ N ... คะแนน)')
  if (measureCount === 0) missingSection('measures', 'measures tables (การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร)')
  if (sections.overall.length === 0) missingSection('overall', 'overall analysis')
  const missingValue = (section: Section, what: string) => gaps.push({ section, code: 'value-missing', message: `${what} not found` })
  if (!facts.organization.name) missingValue('title', 'organisation name')
  if (!facts.fiscalYear) missingValue('title', 'fiscal year')
  if (!facts.totalScore) missingValue('title', 'total score')
  for (const entry of catalogue.indicators) {
    if (!indicators.some((i) => i.number === entry.number)) {
      gaps.push({ section: 'summary', code: 'indicator-missing', indicator: entry.number, message: `indicator ${entry.number} (${entry.name}) not found in any section` })
    }
  }
  if (indicators.some((i) => i.items.length)) {
    for (const item of catalogue.items) {
      const found = indicators.find((i) => i.number === item.indicator)?.items.some((x) => x.code === item.code)
      if (!found) gaps.push({ section: 'detail', code: 'item-missing', indicator: item.indicator, item: item.code, message: `item ${item.code} not found in the detail list` })
    }
  }
  const withoutCatalogue = catalogueGap(catalogue, facts.fiscalYear, indicators)
  if (withoutCatalogue) gaps.push(withoutCatalogue)
  for (const row of detail.unmatched) {
    gaps.push({ section: 'detail', code: 'item-unidentified', indicator: row.indicator, message: `could not identify the item "${row.text.slice(0, 60)}" (page ${row.page}${row.line ? `, line ${row.line}` : ''})` })
  }
  return gaps
}
