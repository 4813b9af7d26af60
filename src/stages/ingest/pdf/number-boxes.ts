/**
 * Where each number of a text-layer line or cell is, so a number's provenance points at its
 * digits and not at the whole line ("... คะแนน ๙๑.๗๔") or cell. pdf.js gives a box per text run,
 * not per glyph: a run that is only the number gives its box exactly; a number inside a longer
 * run gets the run's box cut at the number's share of the run's advance, counting Thai marks
 * that stack on a base (no advance) as nothing and spaces and points as narrow.
 */
import type { BBox, Reading } from '../../../model/document.js'
import type { GlyphRun } from './text-runs.js'

export const PDF_READER = 'pdfjs'
/** The text layer's Thai marks were private-use code points, mapped to the real marks (private-use-thai.ts). */
export const PDF_READER_PUA = 'pdfjs, private-use Thai marks mapped'
/** The text layer's ticks or crosses were a symbol font's code points, mapped to the marks drawn (symbol-fonts.ts). */
export const PDF_READER_SYMBOLS = 'pdfjs, symbol-font marks mapped'

/** The reader of a line or cell made of `runs`: pdf.js, and which code points were mapped to what they draw. */
export function pdfReaderOf(runs: readonly GlyphRun[]): string {
  const thai = runs.some((r) => r.privateUseMarks)
  const symbols = runs.some((r) => r.symbolMarks)
  if (thai && symbols) return 'pdfjs, private-use Thai marks and symbol-font marks mapped'
  return thai ? PDF_READER_PUA : symbols ? PDF_READER_SYMBOLS : PDF_READER
}

/** Digits (Thai or Arabic), with decimal or thousands separators between them. */
const NUMBER = /[0-9๐-๙]+(?:[.,][0-9๐-๙]+)*/g
/** Thai marks drawn above or below their base: they take no room on the line. */
const STACKED = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/
const NARROW = /[\s.,:;()'"]/
const NARROW_ADVANCE = 0.45

/** One reading per number printed in `runs`, boxed as closely as the text layer allows. */
export function numberReadings(runs: readonly GlyphRun[]): Reading[] {
  return runs.flatMap((run) => [...run.text.matchAll(NUMBER)].map((m) => ({ reader: PDF_READER, raw: m[0], bbox: roundBox(slice(run, m.index, m.index + m[0].length)), used: true })))
}

/** The part of the run's box holding characters `from` to `to` (exclusive). */
function slice(run: GlyphRun, from: number, to: number): BBox {
  const chars = [...run.text]
  const advance = (c: string) => (STACKED.test(c) ? 0 : NARROW.test(c) ? NARROW_ADVANCE : 1)
  // Code units, not code points, index the match: Thai and digits are all in the BMP.
  const before = chars.slice(0, from).reduce((s, c) => s + advance(c), 0)
  const inside = chars.slice(from, to).reduce((s, c) => s + advance(c), 0)
  const total = chars.reduce((s, c) => s + advance(c), 0)
  if (total === 0 || (from === 0 && to === chars.length)) return run.bbox
  const width = run.bbox.x1 - run.bbox.x0
  return { ...run.bbox, x0: run.bbox.x0 + (width * before) / total, x1: run.bbox.x0 + (width * (before + inside)) / total }
}

function roundBox(b: BBox): BBox {
  const r = (v: number) => Math.round(v * 100) / 100
  return { x0: r(b.x0), y0: r(b.y0), x1: r(b.x1), y1: r(b.y1) }
}
