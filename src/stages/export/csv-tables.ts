/**
 * The flat CSV tables of a batch: which files, which columns, and how each column is read from a
 * report. Column names and order are a public contract (docs/csv-columns.md is checked against
 * this file by a test): add columns at the end, never rename or reorder.
 */
import type { Finding, Indicator, Item, ListEntry, Measure, NumberValue, Prov, Report, TextValue } from '../../report/schema.js'
import { escapeFormula, type CsvValue } from './csv.js'

/** A converted report and its id in the batch (the input path relative to the batch root). */
export interface ExportDocument {
  readonly document: string
  readonly report: Report
}

export interface CsvColumn<R> {
  readonly name: string
  readonly description: string
  readonly value: (row: R) => CsvValue
}

export interface CsvTable<R> {
  /** File name in the output folder. */
  readonly file: string
  /** What one row is. */
  readonly row: string
  readonly columns: readonly CsvColumn<R>[]
  readonly rows: (doc: ExportDocument) => Iterable<R>
}

const LIST_SEPARATOR = '\n'

const num = (v: NumberValue | null | undefined): number | null => v?.value ?? null
const uncertain = (v: NumberValue | null | undefined): boolean | null => (v ? v.uncertain === true : null)
const text = (v: TextValue | null | undefined): string | null => v?.value ?? null
const page = (prov: Prov | undefined): number | null => prov?.page ?? null
const confidence = (prov: Prov | undefined): number | null => prov?.confidence ?? null
const similarity = (m: Item['match'] | Measure['match']): number | null => (m && 'similarity' in m ? m.similarity : null)
const reason = (m: Item['match'] | Measure['match']): string | null => (m && 'reason' in m ? m.reason : null)
const listEntries = (entries: readonly ListEntry[]): string =>
  entries.map((e) => (e.number === null ? e.text : `${e.number}. ${e.text}`)).join(LIST_SEPARATOR)

/** Columns every table starts with, so each CSV can be read on its own (no joins needed in Excel). */
function documentColumns<R extends { doc: ExportDocument }>(): CsvColumn<R>[] {
  return [
    { name: 'document', description: 'Id of the document in the batch: the input path relative to the batch root, `/`-separated. The per-document JSON is `<document>.json`.', value: (r) => r.doc.document },
    { name: 'organization', description: 'Organisation name as printed (normalised Thai).', value: (r) => text(r.doc.report.organization.name) },
    { name: 'province', description: 'Province (จังหวัด) as printed.', value: (r) => text(r.doc.report.organization.province) },
    { name: 'fiscal_year', description: 'Fiscal year, Buddhist Era (e.g. 2568).', value: (r) => num(r.doc.report.fiscalYear) },
  ]
}

/** The three places an indicator score is printed, kept apart as in the report. */
function sectionScoreColumns<R>(pick: (r: R) => Indicator): CsvColumn<R>[] {
  return (['summary', 'detail', 'analysis'] as const).flatMap((section) => [
    { name: `${section}_score`, description: `Indicator score printed in the ${section} section; empty when not found or unreadable.`, value: (r: R) => num(pick(r).scores[section]) },
    { name: `${section}_uncertain`, description: `\`true\` when the ${section} score was read with doubt (never used as evidence by the checks).`, value: (r: R) => uncertain(pick(r).scores[section]) },
    { name: `${section}_page`, description: `Page the ${section} score was read on.`, value: (r: R) => page(pick(r).scores[section]?.prov) },
    { name: `${section}_confidence`, description: `OCR confidence (0-1) of the ${section} score; empty when not OCR'd.`, value: (r: R) => confidence(pick(r).scores[section]?.prov) },
  ])
}

interface DocumentRow { doc: ExportDocument }
interface IndicatorRow { doc: ExportDocument; indicator: Indicator }
interface ItemRow { doc: ExportDocument; indicator: Indicator; item: Item }
interface MeasureRow { doc: ExportDocument; indicator: Indicator; measure: Measure; index: number }
interface FindingRow { doc: ExportDocument; finding: Finding }

const toolScore = (report: Report, tool: string): number | null => report.tools.find((t) => t.tool === tool)?.score.value ?? null
const countFindings = (report: Report, severity: Finding['severity']): number => report.findings.filter((f) => f.severity === severity).length

export const documentsTable: CsvTable<DocumentRow> = {
  file: 'documents.csv',
  row: 'one row per converted document',
  rows: (doc) => [{ doc }],
  columns: [
    ...documentColumns<DocumentRow>(),
    { name: 'district', description: 'District (อำเภอ) as printed.', value: (r) => text(r.doc.report.organization.district) },
    { name: 'source_file', description: 'The input file as given to the converter.', value: (r) => r.doc.report.source.file },
    { name: 'source_kind', description: '`transcript`, `pdf`, `image`, `docx` or `odt`.', value: (r) => r.doc.report.source.kind },
    { name: 'source_sha256', description: 'SHA-256 of the input file.', value: (r) => r.doc.report.source.sha256 },
    { name: 'pages', description: 'Number of pages.', value: (r) => r.doc.report.source.pages },
    { name: 'read_by', description: 'How the pages were read: distinct values of `transcript`, `pdf-text`, `ocr`, `docx`, `odt`, space-separated.', value: (r) => [...new Set(r.doc.report.source.readBy)].join(' ') },
    { name: 'pipeline', description: 'Pipeline that produced the report.', value: (r) => r.doc.report.source.pipeline },
    { name: 'version', description: 'ita-extract version.', value: (r) => r.doc.report.source.version },
    { name: 'total_score', description: 'Total ITA score as printed.', value: (r) => num(r.doc.report.totalScore) },
    { name: 'total_score_page', description: 'Page the total score was read on.', value: (r) => page(r.doc.report.totalScore?.prov) },
    { name: 'level', description: 'Pass level as printed (e.g. ผ่าน).', value: (r) => text(r.doc.report.level) },
    { name: 'previous_fiscal_year', description: 'The year printed as the previous year.', value: (r) => num(r.doc.report.previous?.fiscalYear) },
    { name: 'previous_total_score', description: "Previous year's total score as printed.", value: (r) => num(r.doc.report.previous?.totalScore) },
    { name: 'previous_difference', description: 'Printed difference from the previous year, signed.', value: (r) => num(r.doc.report.previous?.difference) },
    { name: 'iit_score', description: 'IIT tool score as printed in the summary table.', value: (r) => toolScore(r.doc.report, 'IIT') },
    { name: 'eit_score', description: 'EIT tool score as printed.', value: (r) => toolScore(r.doc.report, 'EIT') },
    { name: 'oit_score', description: 'OIT tool score as printed.', value: (r) => toolScore(r.doc.report, 'OIT') },
    { name: 'indicators', description: 'Number of indicators found.', value: (r) => r.doc.report.indicators.length },
    { name: 'items', description: 'Number of items found.', value: (r) => r.doc.report.indicators.reduce((n, i) => n + i.items.length, 0) },
    { name: 'measures', description: 'Number of measures found.', value: (r) => r.doc.report.indicators.reduce((n, i) => n + i.measures.length, 0) },
    { name: 'findings_error', description: 'Number of error-severity findings.', value: (r) => countFindings(r.doc.report, 'error') },
    { name: 'findings_warning', description: 'Number of warning-severity findings.', value: (r) => countFindings(r.doc.report, 'warning') },
    { name: 'findings_info', description: 'Number of info findings.', value: (r) => countFindings(r.doc.report, 'info') },
    { name: 'gaps', description: 'Number of gaps (things not found or unreadable).', value: (r) => r.doc.report.gaps.length },
    { name: 'catalogue', description: "Fiscal year of the item catalogue the items were identified with (always the report's own year); empty when there was none.", value: (r) => r.doc.report.source.catalogue },
  ],
}

export const indicatorsTable: CsvTable<IndicatorRow> = {
  file: 'indicators.csv',
  row: 'one row per document and indicator',
  rows: (doc) => doc.report.indicators.map((indicator) => ({ doc, indicator })),
  columns: [
    ...documentColumns<IndicatorRow>(),
    { name: 'indicator', description: 'Indicator number (1-10).', value: (r) => r.indicator.number },
    { name: 'indicator_name', description: 'Indicator name as printed.', value: (r) => text(r.indicator.name) },
    { name: 'tool', description: '`IIT`, `EIT` or `OIT`.', value: (r) => r.indicator.tool },
    ...sectionScoreColumns<IndicatorRow>((r) => r.indicator),
    { name: 'items', description: 'Number of items found under the indicator.', value: (r) => r.indicator.items.length },
    { name: 'measures', description: 'Number of measures found for the indicator.', value: (r) => r.indicator.measures.length },
  ],
}

export const itemsTable: CsvTable<ItemRow> = {
  file: 'items.csv',
  row: 'one row per document and item of the detail list',
  rows: (doc) => doc.report.indicators.flatMap((indicator) => indicator.items.map((item) => ({ doc, indicator, item }))),
  columns: [
    ...documentColumns<ItemRow>(),
    { name: 'indicator', description: 'Indicator number the item belongs to.', value: (r) => r.indicator.number },
    { name: 'tool', description: '`IIT`, `EIT` or `OIT`.', value: (r) => r.indicator.tool },
    { name: 'item', description: "Item code in the report's year's numbering (2568: i1-i15, e1-e9, o1-o28); empty when no catalogue was available and the printed code does not read as one.", value: (r) => r.item.code },
    { name: 'printed_code', description: 'The code as printed (often mangled by OCR).', value: (r) => text(r.item.printedCode) },
    { name: 'title', description: 'Item text as printed (normalised).', value: (r) => text(r.item.title) },
    { name: 'score', description: 'Item score as printed; empty when unreadable.', value: (r) => num(r.item.score) },
    { name: 'score_uncertain', description: '`true` when the score was read with doubt.', value: (r) => uncertain(r.item.score) },
    { name: 'page', description: 'Page the item was read on.', value: (r) => page(r.item.score?.prov ?? r.item.title?.prov) },
    { name: 'confidence', description: "OCR confidence (0-1) of the score; empty when not OCR'd.", value: (r) => confidence(r.item.score?.prov) },
    { name: 'match_by', description: 'How the item was identified: `position`, `text`, `code`, `position+text`, `position+code`, `text+code`; `no-catalogue` when the year (or this indicator) has no item list and the printed code was kept.', value: (r) => r.item.match.by },
    { name: 'match_similarity', description: 'Similarity (0-1) of the printed text to the catalogue title; empty for `no-catalogue`.', value: (r) => similarity(r.item.match) },
    { name: 'match_reason', description: 'For `no-catalogue`: why no catalogue item was available.', value: (r) => reason(r.item.match) },
  ],
}

export const measuresTable: CsvTable<MeasureRow> = {
  file: 'measures.csv',
  row: 'one row per document and measures-table row',
  rows: (doc) => doc.report.indicators.flatMap((indicator) => indicator.measures.map((measure, i) => ({ doc, indicator, measure, index: i + 1 }))),
  columns: [
    ...documentColumns<MeasureRow>(),
    { name: 'indicator', description: 'Indicator number the measure is filed under in the report.', value: (r) => r.indicator.number },
    { name: 'measure', description: '1-based position of the measure within its indicator.', value: (r) => r.index },
    { name: 'printed_indicator', description: 'Indicator number printed in the table header (may differ from the item\'s indicator).', value: (r) => num(r.measure.printedIndicator) },
    { name: 'item', description: 'Canonical code of the item the measure improves.', value: (r) => r.measure.item },
    { name: 'printed_code', description: 'The item code as printed.', value: (r) => text(r.measure.printedCode) },
    { name: 'item_title', description: 'Item text as printed in the measures table.', value: (r) => text(r.measure.itemTitle) },
    { name: 'item_score', description: 'Item score as printed in the measures table.', value: (r) => num(r.measure.itemScore) },
    { name: 'item_score_uncertain', description: '`true` when the item score was read with doubt.', value: (r) => uncertain(r.measure.itemScore) },
    { name: 'actions', description: '(1) measures / projects / activities, one per line, `N. ` prefixed when numbered.', value: (r) => listEntries(r.measure.actions) },
    { name: 'analysis', description: '(2) analysis of the indicator.', value: (r) => text(r.measure.analysis) },
    { name: 'steps', description: '(3) steps, one per line in printed order, `N. ` prefixed with the printed number.', value: (r) => listEntries(r.measure.steps) },
    { name: 'period_text', description: '(4) period as printed.', value: (r) => r.measure.period?.text ?? null },
    { name: 'period_from', description: 'Start of the period, ISO date (CE).', value: (r) => r.measure.period?.from ?? null },
    { name: 'period_to', description: 'End of the period, ISO date (CE).', value: (r) => r.measure.period?.to ?? null },
    { name: 'period_inferred', description: 'Parts of the period not printed but inferred (`from.year`, `to.year`), space-separated.', value: (r) => r.measure.period?.inferred.join(' ') ?? null },
    { name: 'responsible', description: '(5) responsible units, one per line.', value: (r) => r.measure.responsible.map((u) => u.value).join(LIST_SEPARATOR) },
    { name: 'responsible_text', description: '(5) as printed.', value: (r) => text(r.measure.responsibleText) },
    { name: 'page', description: 'Page of the table row the measure was read from.', value: (r) => r.measure.prov.page },
    { name: 'match_by', description: 'How the item was identified: `text`, `code`, `text+code`, or `no-catalogue` (printed code kept); empty when not identified.', value: (r) => r.measure.match?.by ?? null },
    { name: 'match_similarity', description: 'Similarity (0-1) of the printed item text to the catalogue title.', value: (r) => similarity(r.measure.match) },
    { name: 'match_reason', description: 'For `no-catalogue`: why no catalogue item was available.', value: (r) => reason(r.measure.match) },
  ],
}

const findingValue = (v: Finding['values'][number]): string => `${v.label}=${v.value ?? ''}${v.prov ? ` (p.${v.prov.page})` : ''}`

export const findingsTable: CsvTable<FindingRow> = {
  file: 'findings.csv',
  row: 'one row per document and finding of the consistency checks',
  rows: (doc) => doc.report.findings.map((finding) => ({ doc, finding })),
  columns: [
    ...documentColumns<FindingRow>(),
    { name: 'rule', description: 'Stable rule id, e.g. `indicator-score-mismatch`.', value: (r) => r.finding.rule },
    { name: 'severity', description: '`error`, `warning` or `info`.', value: (r) => r.finding.severity },
    { name: 'indicator', description: 'Indicator number the finding is about, when any.', value: (r) => r.finding.indicator },
    { name: 'tool', description: 'Tool the finding is about, when any.', value: (r) => r.finding.tool },
    { name: 'item', description: 'Item code the finding is about, when any.', value: (r) => r.finding.item },
    { name: 'message_en', description: 'Message in English.', value: (r) => r.finding.message.en },
    { name: 'message_th', description: 'Message in Thai.', value: (r) => r.finding.message.th },
    { name: 'explanation_en', description: 'Which values reconcile with the rest of the report (English).', value: (r) => r.finding.explanation?.en },
    { name: 'explanation_th', description: 'The same in Thai.', value: (r) => r.finding.explanation?.th },
    { name: 'values', description: 'The values compared: `label=value (p.N)` joined by `; ` (page absent for computed values).', value: (r) => r.finding.values.map(findingValue).join('; ') },
    { name: 'pages', description: 'Distinct pages the compared values were read on, space-separated.', value: (r) => [...new Set(r.finding.values.flatMap((v) => (v.prov ? [v.prov.page] : [])))].sort((a, b) => a - b).join(' ') },
  ],
}

/** Every CSV table of a batch, in the order the docs list them. */
export const csvTables = [documentsTable, indicatorsTable, itemsTable, measuresTable, findingsTable] as const

export function csvHeader(table: { readonly columns: readonly { readonly name: string }[] }): string[] {
  return table.columns.map((c) => c.name)
}

export interface CsvRowsOptions {
  /**
   * Prefix text cells that start with `=`, `+`, `-`, `@`, tab or CR with `'`, so a spreadsheet
   * does not run text from an untrusted PDF as a formula. Numbers are never changed. @default true
   */
  readonly escapeFormulas?: boolean
}

export function* csvRows<R>(table: CsvTable<R>, doc: ExportDocument, options: CsvRowsOptions = {}): Iterable<CsvValue[]> {
  const { escapeFormulas = true } = options
  for (const row of table.rows(doc)) {
    const values = table.columns.map((c) => c.value(row))
    yield escapeFormulas ? values.map(escapeFormula) : values
  }
}
