/**
 * The ONE intermediate model of a document. The transcript reader, the PDF text-layer reader and
 * the OCR stage all produce it; segmentation and extraction read only it. Pages hold blocks in
 * reading order; a block is a text line or a table (rows of cells). Every line and cell keeps its
 * origin (page, position, raw text, confidence) so extracted values can point back to the page.
 */
import * as z from 'zod'

/** PDF points (1/72 in), origin at the top-left of the page. Image readers convert pixels once. */
export const BBoxSchema = z.object({
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
})
export type BBox = z.output<typeof BBoxSchema>

/**
 * The readers, in one place: how a page's text was read (`Page.readBy`, `Origin.source`) and what
 * kind of file a document is (`source.kind`). The report schema uses the same enums.
 */
export const ReadBySchema = z.enum(['transcript', 'pdf-text', 'ocr', 'docx', 'odt'])
export type ReadBy = z.output<typeof ReadBySchema>
export const SourceKindSchema = z.enum(['transcript', 'pdf', 'image', 'docx', 'odt'])
export type SourceKind = z.output<typeof SourceKindSchema>
/** What a file is from its first bytes and name, before it is read: a word-processor file is `office` until its zip is opened. */
export type InputKind = Exclude<SourceKind, 'docx' | 'odt'> | 'office'

/** When pages are OCR'd, like OCRmyPDF: `auto` those without a trustworthy text layer, `always` every page, `never` none. */
export const OcrModeSchema = z.enum(['auto', 'always', 'never'])
export type OcrMode = z.output<typeof OcrModeSchema>

/**
 * Where in a word-processor file (.docx, .odt) a piece of text is, since such files have no page
 * geometry: 1-based indices in the body, as a reviewer counts them ("table 4, row 3, cell 2").
 */
export const PlaceSchema = z.object({
  /** Paragraph of the body outside tables. */
  paragraph: z.number().int().min(1).optional(),
  /** Table of the body, in document order (tables inside cells are read as the cell's lines). */
  table: z.number().int().min(1).optional(),
  row: z.number().int().min(1).optional(),
  /** Cell of the row, as the file lists them (a cell spanning columns counts once). */
  cell: z.number().int().min(1).optional(),
})
export type Place = z.output<typeof PlaceSchema>

/** Where a piece of text was read and how. */
export const OriginSchema = z.object({
  /** 1-based page number. Transcripts without page markers are one page. */
  page: z.number().int().min(1),
  /** 1-based line in a transcript file. */
  line: z.number().int().min(1).optional(),
  bbox: BBoxSchema.optional(),
  /** Paragraph, table, row and cell in a .docx or .odt. */
  place: PlaceSchema.optional(),
  source: ReadBySchema,
  /** 0-1; OCR word confidence (the lowest of the words that make the text). */
  confidence: z.number().min(0).max(1).optional(),
  /** Which reader produced the text, e.g. `tesseract`, `digit-reader`, `pdfjs`. */
  reader: z.string().optional(),
  /** The reader was not sure (e.g. the digit reader's `uncertain`): not evidence of a contradiction. */
  uncertain: z.boolean().optional(),
  /**
   * Every reader's text for this box or a part of it (a number in a line), kept when more than one
   * reader looked, e.g. tesseract's `๓.๕๕` next to the digit reader's `๙๓.๕๕`.
   */
  readings: z
    .array(
      z.object({
        reader: z.string(),
        raw: z.string(),
        confidence: z.number().min(0).max(1).optional(),
        bbox: BBoxSchema.optional(),
        /** The page the box is on, when not the origin's: the rest of a table cell a page break split. */
        page: z.number().int().min(1).optional(),
        /** Whether this reading is the one in the text. */
        used: z.boolean(),
        /** The reader doubted this reading (e.g. a glyph it could not tell apart). */
        uncertain: z.boolean().optional(),
      }),
    )
    .optional(),
})
export type Origin = z.output<typeof OriginSchema>
/** One reader's text for (part of) a box. */
export type Reading = NonNullable<Origin['readings']>[number]

export const TextLineSchema = z.object({
  kind: z.literal('line'),
  id: z.string(),
  /** Normalised text (after the normalise stage; equal to `raw` before it). */
  text: z.string(),
  /** Text exactly as read. */
  raw: z.string(),
  origin: OriginSchema,
})
export type TextLine = z.output<typeof TextLineSchema>

export const TableCellSchema = z.object({
  /** 0-based column in the table's grid. */
  col: z.number().int().min(0),
  rowSpan: z.number().int().min(1).default(1),
  colSpan: z.number().int().min(1).default(1),
  text: z.string(),
  raw: z.string(),
  origin: OriginSchema,
})
export type TableCell = z.output<typeof TableCellSchema>

export const TableRowSchema = z.object({
  /** Cells in column order. A cell spanning rows appears only in its first row. */
  cells: z.array(TableCellSchema),
  origin: OriginSchema,
})
export type TableRow = z.output<typeof TableRowSchema>

export const TableSchema = z.object({
  kind: z.literal('table'),
  id: z.string(),
  rows: z.array(TableRowSchema),
  origin: OriginSchema,
})
export type Table = z.output<typeof TableSchema>

export const BlockSchema = z.discriminatedUnion('kind', [TextLineSchema, TableSchema])
export type Block = z.output<typeof BlockSchema>

export const PageSchema = z.object({
  number: z.number().int().min(1),
  /** Page size in PDF points, when known. */
  width: z.number().optional(),
  height: z.number().optional(),
  /** How the page was read. */
  readBy: ReadBySchema,
  blocks: z.array(BlockSchema),
})
export type Page = z.output<typeof PageSchema>

/** What a reader noticed; those that are not `info` become the report's gaps with the same code. */
export const DocIssueCodeSchema = z.enum([
  'page-failed',
  'page-needs-ocr',
  'page-ocr',
  'image-too-large',
  'text-layer-untrusted',
  'text-layer-note',
  'actual-text-unavailable',
  'private-use-thai',
  'symbol-font-marks',
  'row-continued',
  'header-repeated',
  'ocr-unread-ink',
  'merged-cell-text',
  'field-not-closed',
])
export type DocIssueCode = z.output<typeof DocIssueCodeSchema>

/** Something a reader noticed and carried on past (a page it could not read, a damaged text layer). */
export const DocIssueSchema = z.object({
  code: DocIssueCodeSchema,
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  page: z.number().int().min(1).optional(),
  stage: z.string(),
})
export type DocIssue = z.output<typeof DocIssueSchema>

/** A transcript's text encoding, as read: from a byte-order mark, valid UTF-8, or a guess the bytes left no doubt about. */
export const TextEncodingSchema = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-874'])
export type TextEncoding = z.output<typeof TextEncodingSchema>

export const DocSchema = z.object({
  source: z.object({
    /** File name as given by the caller (path or name). */
    file: z.string(),
    kind: SourceKindSchema,
    sha256: z.string(),
    pageCount: z.number().int().min(0),
    encoding: TextEncodingSchema.optional(),
    /** The OCR engine that read the pages whose `readBy` is `ocr`, with its version (`OcrEngine.name`). */
    ocrEngine: z.string().optional(),
  }),
  pages: z.array(PageSchema),
  issues: z.array(DocIssueSchema),
  /** Milliseconds per stage. */
  timings: z.record(z.string(), z.number()),
})
export type Doc = z.output<typeof DocSchema>
