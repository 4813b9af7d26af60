/**
 * The differential oracle of issue 11: the born-digital PDF of a report is the truth for its scan.
 * Its text layer gives every table's grid (rows, cells with spans) and every cell's text; the scan,
 * read by OCR, must give the same grid and, cell by cell, the same numbers and nearly the same
 * text. Both documents are compared after the normalise stage (Thai digits as ASCII etc.).
 */
import type { BBox, Doc, Page, Table, TableCell } from '../src/model/document.js'
import { levenshtein } from '../src/stages/ingest/pdf/char-error-rate.js'
import type { ReportValues } from '../samples/generate/report-values.js'
import { scoreValues } from '../samples/generate/layouts/score.js'

export interface TableFigures {
  /** Tables of the born-digital PDF. */
  tables: number
  /** ... found in the scan with the same grid (rows; each row's cells, columns and spans). */
  gridsEqual: number
  /** ... not found in the scan at all. */
  tablesMissing: number
  /** Numeric cells of the born-digital PDF (a score, a count, a year) compared in both. */
  numericCells: number
  numericExact: number
  /** The scan's cell is uncertain or holds no number: unreadable, not wrong. */
  numericUnreadable: number
  /** A number, confidently read, and another one: the worst failure. */
  numericWrong: number
  /** Character edits and reference characters over all cells compared (no spaces): CER = edits / chars. */
  cellEdits: number
  cellChars: number
  /** Cells whose scan text lost more than a third of the born-digital text (lines dropped). */
  cellsShort: number
  cellsCompared: number
  /** Free text lines of the born-digital PDF with no line like it (CER <= 0.4) on the scan's page. */
  linesLost: number
  lines: number
  /** Up to a few examples of each failure, for the developer (training templates only). */
  examples: string[]
}

export const emptyTableFigures = (): TableFigures => ({
  tables: 0, gridsEqual: 0, tablesMissing: 0, numericCells: 0, numericExact: 0, numericUnreadable: 0, numericWrong: 0,
  cellEdits: 0, cellChars: 0, cellsShort: 0, cellsCompared: 0, linesLost: 0, lines: 0, examples: [],
})

export function addTableFigures(a: TableFigures, b: TableFigures): TableFigures {
  const out = emptyTableFigures()
  for (const k of Object.keys(out) as (keyof TableFigures)[]) {
    if (k === 'examples') out.examples = [...a.examples, ...b.examples]
    else out[k] = a[k] + b[k]
  }
  return out
}

/** Compares every page's tables and lines of a normalised born-digital doc and its normalised scan. */
export function compareDocs(truth: Doc, scan: Doc, maxExamples = 40): TableFigures {
  const figures = emptyTableFigures()
  const note = (s: string) => {
    if (figures.examples.length < maxExamples) figures.examples.push(s)
  }
  for (const page of truth.pages) {
    const other = scan.pages.find((p) => p.number === page.number)
    comparePage(page, other, figures, note)
  }
  return figures
}

function comparePage(page: Page, scan: Page | undefined, f: TableFigures, note: (s: string) => void): void {
  const tables = page.blocks.filter((b): b is Table => b.kind === 'table')
  const scanTables = scan?.blocks.filter((b): b is Table => b.kind === 'table') ?? []
  for (const [ti, table] of tables.entries()) {
    f.tables += 1
    // The scan's page is shifted and skewed: tables pair up in reading order when both pages have
    // as many, by overlap otherwise.
    const match = scanTables.length === tables.length ? scanTables[ti] : bestOverlap(table.origin.bbox, scanTables, (t) => t.origin.bbox)
    if (!match) {
      f.tablesMissing += 1
      note(`p${page.number} table ${ti + 1}: not found in the scan`)
      continue
    }
    const same = gridOf(table) === gridOf(match)
    if (same) f.gridsEqual += 1
    else note(`p${page.number} table ${ti + 1}: grid ${gridSummary(table)} in the PDF, ${gridSummary(match)} in the scan`)
    compareCells(table, match, f, (s) => note(`p${page.number} table ${ti + 1} ${s}`))
  }
  const lines = page.blocks.filter((b) => b.kind === 'line').map((b) => squash(b.text)).filter((t) => t.length >= 4)
  const scanLines = scan?.blocks.flatMap((b) => (b.kind === 'line' ? [squash(b.text)] : b.rows.flatMap((r) => r.cells.map((c) => squash(c.text))))) ?? []
  const scanText = scanLines.join('')
  for (const line of lines) {
    f.lines += 1
    // A line may come out split in two, or joined to its neighbour: look for it in the page's text.
    if (scanLines.some((s) => cer(line, s) <= 0.4) || scanText.includes(line)) continue
    f.linesLost += 1
    note(`p${page.number}: line lost: ${line.slice(0, 60)}`)
  }
}

/** The table's cells as positions: one row per line, each cell `col:rowSpan:colSpan`. */
function gridOf(table: Table): string {
  return table.rows.map((r) => r.cells.map((c) => `${c.col}:${c.rowSpan}:${c.colSpan}`).join(' ')).join('\n')
}

function gridSummary(table: Table): string {
  const cols = Math.max(0, ...table.rows.flatMap((r) => r.cells.map((c) => c.col + c.colSpan)))
  const spans = table.rows.flatMap((r) => r.cells).filter((c) => c.rowSpan > 1 || c.colSpan > 1).length
  return `${table.rows.length}x${cols} (${spans} spanning)`
}

/**
 * Cells at the same place in both tables: the scan's cell whose centre, mapped into the PDF
 * table's frame, falls in the PDF's cell. Frames are the boxes of the cells' centres, since a
 * deskewed page's boxes are the upright boxes of tilted ones (a tall table grows sideways).
 */
function compareCells(truth: Table, scan: Table, f: TableFigures, note: (s: string) => void): void {
  const toTruth = frameMap(centresBox(scan), centresBox(truth))
  const scanCells = scan.rows.flatMap((r) => r.cells).flatMap((c) => (c.origin.bbox ? [{ cell: c, at: toTruth(centre(c.origin.bbox)) }] : []))
  for (const [ri, row] of truth.rows.entries()) {
    for (const cell of row.cells) {
      const box = cell.origin.bbox
      const mid = box && centre(box)
      const other = box && mid
        ? scanCells
            .filter(({ at }) => at[0] >= box.x0 && at[0] <= box.x1 && at[1] >= box.y0 && at[1] <= box.y1)
            .sort((a, b) => dist(a.at, mid) - dist(b.at, mid))[0]?.cell
        : undefined
      const want = squash(cell.text)
      if (want === '') continue
      const got = other ? squash(other.text) : ''
      f.cellsCompared += 1
      f.cellChars += want.length
      f.cellEdits += levenshtein(want, got)
      if (got.length < (2 / 3) * want.length) {
        f.cellsShort += 1
        note(`r${ri + 1}c${cell.col + 1}: cell short: "${want.slice(0, 50)}" read "${got.slice(0, 50)}"`)
      }
      const number = numberOf(cell.text)
      if (number === undefined) continue
      f.numericCells += 1
      const read = other && !other.origin.uncertain ? numberOf(other.text) : undefined
      if (read === undefined) {
        f.numericUnreadable += 1
        note(`r${ri + 1}c${cell.col + 1}: number ${cell.text} unreadable (read "${other?.text ?? ''}")`)
      } else if (read === number) f.numericExact += 1
      else {
        f.numericWrong += 1
        note(`r${ri + 1}c${cell.col + 1}: number ${cell.text} WRONG: read ${other!.text} (${describeReader(other!)})`)
      }
    }
  }
}

type Point = readonly [number, number]

const centre = (b: BBox): Point => [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2]
const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1])

function centresBox(table: Table): BBox | undefined {
  const points = table.rows.flatMap((r) => r.cells.flatMap((c) => (c.origin.bbox ? [centre(c.origin.bbox)] : [])))
  if (points.length === 0) return undefined
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }
}

/** Maps points in one table's frame onto another's (the scan's shift and scale undone). */
function frameMap(from: BBox | undefined, to: BBox | undefined): (p: Point) => Point {
  if (!from || !to) return (p) => p
  const scale = (a0: number, a1: number, b0: number, b1: number) => (a1 - a0 < 1e-6 ? 1 : (b1 - b0) / (a1 - a0))
  const sx = scale(from.x0, from.x1, to.x0, to.x1)
  const sy = scale(from.y0, from.y1, to.y0, to.y1)
  return (p) => [to.x0 + (p[0] - from.x0) * sx, to.y0 + (p[1] - from.y0) * sy]
}

function describeReader(cell: TableCell): string {
  const o = cell.origin
  return `${o.reader ?? '?'}${o.confidence === undefined ? '' : ` ${o.confidence.toFixed(2)}`}, raw "${cell.raw}"`
}

/** A cell that is one number (after normalisation: ASCII digits), as a canonical string. */
export function numberOf(text: string): string | undefined {
  const t = text.replace(/\s/g, '')
  return /^[-+]?\d{1,6}(?:\.\d{1,3})?$/.test(t) ? t.replace(/^\+/, '') : undefined
}

function squash(text: string): string {
  return text.replace(/\s+/g, '')
}

function cer(reference: string, hypothesis: string): number {
  return reference.length === 0 ? 0 : levenshtein(reference, hypothesis) / reference.length
}

function bestOverlap<T>(box: BBox | undefined, candidates: readonly T[], boxOf: (t: T) => BBox | undefined): T | undefined {
  if (!box) return undefined
  let best: T | undefined
  let bestShare = 0.5
  for (const c of candidates) {
    const b = boxOf(c)
    if (!b) continue
    const share = overlapShare(box, b)
    if (share > bestShare) {
      best = c
      bestShare = share
    }
  }
  return best
}

/** Intersection over union of two boxes. */
function overlapShare(a: BBox | undefined, b: BBox | undefined): number {
  if (!a || !b) return 0
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
  if (w <= 0 || h <= 0) return 0
  const inter = w * h
  const area = (x: BBox) => (x.x1 - x.x0) * (x.y1 - x.y0)
  return inter / (area(a) + area(b) - inter)
}

/**
 * The report with every value marked uncertain made null: the product promises "unreadable, not
 * wrong", and an uncertain value is reported as unreadable (`unreadable-value`), so it counts as
 * unreadable here, never as exact or wrong.
 */
export function uncertainAsUnreadable<T>(report: T): T {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk)
    if (x === null || typeof x !== 'object') return x
    const o = x as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(o)) out[k] = k === 'prov' ? v : walk(v)
    if ('value' in o && o.uncertain === true) out.value = null
    return out
  }
  return walk(report) as T
}

// --- report fields --------------------------------------------------------------------------

export interface FieldFigures {
  /** Indicator scores, every section (summary, detail, analysis). */
  scores: number
  scoresExact: number
  scoresUnreadable: number
  scoresWrong: number
  items: number
  itemsExact: number
  itemsWrong: number
  /** Measures with item, item score and period as in the born-digital PDF's report. */
  measures: number
  measuresComplete: number
  findingsEqual: number
  documents: number
  /** The wrong and missing fields (paths), for the developer (training templates only). */
  misses: string[]
}

export const emptyFieldFigures = (): FieldFigures => ({
  scores: 0, scoresExact: 0, scoresUnreadable: 0, scoresWrong: 0, items: 0, itemsExact: 0, itemsWrong: 0,
  measures: 0, measuresComplete: 0, findingsEqual: 0, documents: 0, misses: [],
})

export function addFieldFigures(a: FieldFigures, b: FieldFigures): FieldFigures {
  const out = emptyFieldFigures()
  for (const k of Object.keys(out) as (keyof FieldFigures)[]) {
    if (k === 'misses') out.misses = [...a.misses, ...b.misses]
    else out[k] = a[k] + b[k]
  }
  return out
}

/** The scan's report values against the born-digital PDF's. */
export function compareFields(truth: ReportValues, scan: ReportValues | null): FieldFigures {
  const score = scoreValues(truth, scan)
  const f = emptyFieldFigures()
  f.documents = 1
  f.findingsEqual = score.findings.equal ? 1 : 0
  if (!score.findings.equal) f.misses.push(`findings: missed ${JSON.stringify(score.findings.missed)}, spurious ${JSON.stringify(score.findings.spurious)}`)
  const measures = new Map<string, boolean>()
  for (const field of score.fields) {
    if (field.state !== 'exact') f.misses.push(`${field.path}: ${field.state}, expected ${JSON.stringify(field.expected)}, got ${JSON.stringify(field.actual)}`)
    if (/^indicators\.\d+\.scores\./.test(field.path)) {
      if (field.expected === null) continue
      f.scores += 1
      if (field.state === 'exact') f.scoresExact += 1
      else if (field.state === 'wrong') f.scoresWrong += 1
      else f.scoresUnreadable += 1
    } else if (field.path.startsWith('items.')) {
      if (field.expected === null) continue
      f.items += 1
      if (field.state === 'exact') f.itemsExact += 1
      else if (field.state === 'wrong') f.itemsWrong += 1
    } else {
      const m = /^(measures\.[^.]+)\.(itemScore|period|indicator)$/.exec(field.path)
      if (m) measures.set(m[1]!, (measures.get(m[1]!) ?? true) && field.state === 'exact')
    }
  }
  f.measures = measures.size
  f.measuresComplete = [...measures.values()].filter(Boolean).length
  return f
}
