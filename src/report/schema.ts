/**
 * The ITA report: the product's public contract. Types are derived from these schemas and the
 * published JSON Schema (`schemas/ita-report.schema.json`) is generated from them
 * (`npm run schema`); nothing here is written twice.
 *
 * Every extracted value is an object `{ value, prov }`: the value, and where and how it was read.
 * A value that could not be read is `value: null` with `uncertain: true`, never a guess.
 */
import * as z from 'zod'
import { BBoxSchema, DocIssueCodeSchema, PlaceSchema, ReadBySchema, SourceKindSchema, TextEncodingSchema } from '../model/document.js'

export const SECTIONS = ['title', 'summary', 'detail', 'overall', 'analysis', 'measures'] as const
export const SectionSchema = z
  .enum(SECTIONS)
  .describe('Section of the report: title block, summary table, detail list, overall analysis, per-indicator analysis, measures tables.')
export type Section = z.output<typeof SectionSchema>

export const ToolSchema = z.enum(['IIT', 'EIT', 'OIT'])
export type Tool = z.output<typeof ToolSchema>

export const RepairKindSchema = z.enum([
  'code-read',
  'code-resolved',
  'code-unresolved',
  'item-by-position',
  'indicator-identified',
  'indicator-row-missing',
  'continuation-merged',
  'fiscal-year-period',
  'fiscal-quarter-period',
  'period-from-chart',
  'year-inferred',
  'month-inferred',
  'day-inferred',
  'score-from-yes-no',
  'stray-characters-ignored',
  'unreadable',
])
export type RepairKind = z.output<typeof RepairKindSchema>

export const RepairSchema = z
  .object({
    kind: RepairKindSchema.describe('What was repaired, e.g. `year-inferred`, `code-resolved`, `continuation-merged`.'),
    detail: z.string().describe('Plain-English explanation of the repair.'),
  })
  .describe('A change made to what was printed. Nothing is repaired silently.')
export type Repair = z.output<typeof RepairSchema>

export const ProvSchema = z
  .object({
    section: SectionSchema,
    page: z.number().int().min(1),
    line: z.number().int().min(1).optional().describe('1-based line in a transcript.'),
    bbox: BBoxSchema.optional().describe('PDF points, origin top-left.'),
    raw: z.string().describe('The text the value was read from, exactly as read.'),
    place: PlaceSchema.optional().describe('Paragraph, table, row and cell (1-based) in a .docx or .odt, which have no page geometry.'),
    source: ReadBySchema,
    confidence: z.number().min(0).max(1).optional().describe('OCR confidence, 0-1.'),
    reader: z.string().optional().describe('Which reader produced the text (e.g. `tesseract`, `digit-reader`).'),
    repairs: z.array(RepairSchema).optional(),
  })
  .describe('Where and how a value was read.')
export type Prov = z.output<typeof ProvSchema>

export const NumberValueSchema = z.object({
  value: z.number().nullable().describe('null when the printed number could not be read.'),
  uncertain: z.boolean().optional().describe('true when the reader was not sure; such values are never used as evidence of a contradiction.'),
  prov: ProvSchema,
})
export type NumberValue = z.output<typeof NumberValueSchema>

export const TextValueSchema = z.object({
  value: z.string().describe('Normalised text.'),
  prov: ProvSchema,
})
export type TextValue = z.output<typeof TextValueSchema>

export const ListEntrySchema = z.object({
  number: z.number().int().nullable().describe('The number printed before the entry ("๓." -> 3), null when none.'),
  text: z.string(),
  prov: ProvSchema,
})
export type ListEntry = z.output<typeof ListEntrySchema>

export const ItemCodeSchema = z
  .string()
  .regex(/^[ieo]\d{1,2}$/)
  .describe("Item code in the report's fiscal year's numbering (2568: i1-i15, e1-e9, o1-o28; 2569: o1-o26).")

export const NoCatalogueMatchSchema = z
  .object({
    by: z.literal('no-catalogue'),
    reason: z.string().describe('Why no catalogue item was available, e.g. `no item catalogue for fiscal year 2567`.'),
    code: z
      .enum(['printed', 'unresolved'])
      .describe('`printed`: the code is the printed one, normalised (`i๑` -> i1, `๐๒๕` -> o25); `unresolved`: the printed code does not read as one (`ii`, `๓๗`), so `code` is null.'),
  })
  .describe('Not identified against a catalogue: the year (or this indicator) has no item list, so the item keeps its printed code and title.')

export const ItemSchema = z.object({
  code: ItemCodeSchema.nullable().describe('null only when no catalogue was available and the printed code does not read as a code.'),
  title: TextValueSchema.nullable().describe('The item text as printed (normalised).'),
  printedCode: TextValueSchema.nullable().describe('The code as printed, often mangled (`ii`, `๓๗`, `e๕`).'),
  score: NumberValueSchema.nullable(),
  match: z
    .union([
      z.object({
        by: z.enum(['position', 'text', 'code', 'position+text', 'position+code', 'text+code']),
        similarity: z.number().min(0).max(1).describe('Similarity of the printed text to the catalogue title.'),
      }),
      NoCatalogueMatchSchema,
    ])
    .describe('How the item was identified.'),
})
export type Item = z.output<typeof ItemSchema>

export const PeriodSchema = z.object({
  from: z.string().nullable().describe('ISO date (CE), e.g. 2025-10-01.'),
  to: z.string().nullable().describe('ISO date (CE).'),
  text: z.string().describe('The period as printed (normalised).'),
  inferred: z.array(z.enum(['from.year', 'to.year', 'to.month'])).describe('Parts not printed (or not readable) and inferred (see prov.repairs).'),
  prov: ProvSchema,
})
export type Period = z.output<typeof PeriodSchema>

export const MeasureSchema = z.object({
  item: ItemCodeSchema.nullable().describe('Canonical code of the item the measure improves.'),
  itemTitle: TextValueSchema.nullable(),
  printedCode: TextValueSchema.nullable(),
  itemScore: NumberValueSchema.nullable(),
  printedIndicator: NumberValueSchema.nullable().describe('The indicator number printed in the table header (may differ from the item\'s indicator).'),
  actions: z.array(ListEntrySchema).describe('(1) measures / projects / activities.'),
  analysis: TextValueSchema.nullable().describe('(2) analysis of the indicator.'),
  steps: z.array(ListEntrySchema).describe('(3) steps / method, in printed order.'),
  period: PeriodSchema.nullable().describe('(4) period.'),
  responsible: z.array(TextValueSchema).describe('(5) responsible units, one per entry.'),
  responsibleText: TextValueSchema.nullable().describe('(5) as printed.'),
  followUp: TextValueSchema.optional().describe('Follow-up / monitoring (การกำกับติดตามผล), when the table has such a column.'),
  budget: TextValueSchema.optional().describe('Budget (งบประมาณ), as printed, when the table has such a column.'),
  match: z
    .union([z.object({ by: z.enum(['text', 'code', 'text+code']), similarity: z.number().min(0).max(1) }), NoCatalogueMatchSchema])
    .nullable()
    .describe('How the item was identified; null when it could not be.'),
  prov: ProvSchema.describe('The table row the measure was read from.'),
})
export type Measure = z.output<typeof MeasureSchema>

export const IndicatorSchema = z.object({
  number: z.number().int().min(1),
  name: TextValueSchema.nullable(),
  tool: ToolSchema,
  scores: z
    .object({
      summary: NumberValueSchema.nullable(),
      detail: NumberValueSchema.nullable(),
      analysis: NumberValueSchema.nullable(),
    })
    .describe('The indicator score as printed in each section, kept separately, never merged.'),
  items: z.array(ItemSchema),
  analysis: TextValueSchema.nullable().describe('The per-indicator analysis prose.'),
  measures: z.array(MeasureSchema),
})
export type Indicator = z.output<typeof IndicatorSchema>

export const FindingValueSchema = z.object({
  label: z.string().describe('What the value is, e.g. `summary`, `detail`, `mean of items`.'),
  value: z.union([z.number(), z.string()]).nullable(),
  prov: ProvSchema.optional().describe('Where the value was read; absent for computed values.'),
})

/** The consistency rules' ids (`stages/check/rules/`), stable: part of the public contract. */
export const RuleIdSchema = z.enum([
  'total-score-mismatch',
  'tool-score-mismatch',
  'indicator-score-mismatch',
  'indicator-score-vs-items',
  'item-score-mismatch',
  'indicator-number-mismatch',
  'period-outside-plan-year',
  'previous-year-label',
  'pass-level-mismatch',
  'missing-indicator',
  'missing-item',
  'unreadable-value',
])
export type RuleId = z.output<typeof RuleIdSchema>

export const FindingSchema = z.object({
  rule: RuleIdSchema.describe('Stable rule id, e.g. `indicator-score-mismatch`.'),
  severity: z.enum(['error', 'warning', 'info']),
  indicator: z.number().int().optional(),
  tool: ToolSchema.optional(),
  item: ItemCodeSchema.optional(),
  message: z.object({ en: z.string(), th: z.string() }),
  explanation: z.object({ en: z.string(), th: z.string() }).optional().describe('Which values reconcile with the rest of the report.'),
  values: z.array(FindingValueSchema),
})
export type Finding = z.output<typeof FindingSchema>

/** What could not be found or read: the extraction's own gaps, and the readers' issues (model/document.ts). */
export const GapCodeSchema = z.enum([
  'section-missing',
  'indicator-missing',
  'value-missing',
  'item-missing',
  'item-unidentified',
  'measures-row-unread',
  'catalogue-missing',
  'catalogue-partial',
  'catalogue-provisional',
  ...DocIssueCodeSchema.options,
])
export type GapCode = z.output<typeof GapCodeSchema>

export const GapSchema = z.object({
  section: SectionSchema.optional().describe('The section the gap is in, when it is about one.'),
  page: z.number().int().min(1).optional().describe('The page the gap is on, when it is about one (e.g. a page OCR could not read).'),
  code: GapCodeSchema.describe('e.g. `section-missing`, `indicator-missing`, `item-missing`, `item-unidentified`, `measures-row-unread`, `page-failed`, `page-needs-ocr`, `catalogue-missing`, `catalogue-partial`.'),
  severity: z
    .literal('warning')
    .optional()
    .describe('`warning`: the result is complete but read with less knowledge (e.g. no item catalogue for its year); the exit code does not change.'),
  message: z.string(),
  indicator: z.number().int().optional(),
  item: ItemCodeSchema.optional(),
})
export type Gap = z.output<typeof GapSchema>

export const ReportSchema = z
  .object({
    schemaVersion: z.literal(1),
    source: z.object({
      file: z.string(),
      kind: SourceKindSchema,
      sha256: z.string(),
      pages: z.number().int().min(0),
      encoding: TextEncodingSchema.optional().describe('The text encoding a transcript was read in (windows-874 is TIS-620 with a few punctuation marks); absent for PDFs and images.'),
      ocrEngine: z
        .string()
        .optional()
        .describe("The OCR engine that read the pages read by `ocr`, with its version: `tesseract.js 7.0.0` (embedded) or `tesseract 5.3.0 (native)` (the system's); absent when no page was OCR'd."),
      readBy: z.array(ReadBySchema).describe('How the pages were read, one entry per page.'),
      pipeline: z.string(),
      version: z.string().describe('ita-extract version.'),
      catalogue: z
        .number()
        .int()
        .nullable()
        .describe("Fiscal year of the item catalogue used (always the report's own year); null when there was none: the year has no item list or could not be read."),
    }),
    organization: z.object({
      name: TextValueSchema.nullable(),
      district: TextValueSchema.nullable(),
      province: TextValueSchema.nullable(),
    }),
    fiscalYear: NumberValueSchema.nullable().describe('Buddhist Era, e.g. 2568.'),
    totalScore: NumberValueSchema.nullable(),
    level: TextValueSchema.nullable().describe('Pass level as printed, e.g. ผ่าน.'),
    previous: z
      .object({
        fiscalYear: NumberValueSchema.nullable().describe('The year printed as the previous year (may be mislabelled).'),
        totalScore: NumberValueSchema.nullable(),
        difference: NumberValueSchema.nullable().describe('The printed difference from the previous year, signed.'),
      })
      .nullable(),
    tools: z.array(z.object({ tool: ToolSchema, score: NumberValueSchema })).describe('Tool scores as printed in the summary table.'),
    indicators: z.array(IndicatorSchema),
    findings: z.array(FindingSchema),
    gaps: z.array(GapSchema).describe('What could not be found or read. Empty for a complete report.'),
  })
  .describe('ITA improvement report (การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร), extracted by ita-extract.')
export type Report = z.output<typeof ReportSchema>
