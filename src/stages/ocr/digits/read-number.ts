/**
 * Reads the number in one table-cell image (a score like ๘๙.๔๑ or 93.55, a year, a count) glyph
 * by glyph, with a classifier trained on digits rendered from many Thai fonts. Says `uncertain`
 * rather than guess: a low-confidence glyph, a non-digit shape or a number of the wrong form
 * gives `value: null`.
 */
import { type CompiledMlp, type DigitScript, classProbabilities, predictGlyph, scriptMass } from './classifier.js'
import { glyphFeatures } from './features.js'
import { type PixelBox, type RasterCrop, toInkBitmapOrBlank, boxWidth, erode, toGrey } from '../image.js'
import { type DigitModel, loadDigitModel } from './model-store.js'
import { type Segment, type Segmentation, segmentCell } from './segment.js'

export type NumberPattern = 'score' | 'integer' | 'any'

export interface ReadNumberOptions {
  /**
   * The form the number must have. `score`: 0-100 with exactly two decimals (93.55, 100.00,
   * 0.00). `integer`: digits only, e.g. a year like 2568 (thousands commas allowed). `any`:
   * digits with optional `.`/`,` separators.
   * @default 'score'
   */
  readonly pattern?: NumberPattern
  /**
   * Which digit forms to expect. `auto`: the glyphs vote, then all are read in the winning
   * script (a cell never mixes ๘ and 8). `any`: each glyph on its own.
   * @default 'auto'
   */
  readonly script?: 'thai' | 'ascii' | 'any' | 'auto'
  /** A glyph below this confidence makes the reading uncertain. @default 0.9 */
  readonly minConfidence?: number
  /** Model to use instead of the committed one (tests, benchmarks). */
  readonly model?: DigitModel
}

export interface ReadGlyph {
  /** ASCII digit, `.`, `,`, or `?` for a shape that is not a digit. */
  readonly char: string
  readonly confidence: number
  /** Pixels in the crop. */
  readonly bbox: PixelBox
  /** Cut out of touching digits: its reading rests on where the cut fell. */
  readonly split?: true
}

export interface NumberReading {
  /** What was read, in ASCII digits (e.g. `89.41`); `?` marks a glyph that is not a digit. */
  readonly text: string
  /** The number, or null when the reading is uncertain. */
  readonly value: number | null
  /** 0-1: the lowest glyph confidence (0 when nothing was read). */
  readonly confidence: number
  readonly uncertain: boolean
  /** Why the reading is uncertain; absent when it is not. */
  readonly reason?: string
  readonly glyphs: ReadGlyph[]
}

const PATTERNS: Record<NumberPattern, RegExp> = {
  score: /^(100\.00|[1-9]?\d\.\d{2})$/,
  integer: /^(\d+|\d{1,3}(,\d{3})+)$/,
  any: /^\d+([.,]\d+)*$/,
}

function parseValue(text: string, pattern: NumberPattern): number | null {
  if (!PATTERNS[pattern].test(text)) return null
  if (pattern === 'score') {
    const v = Number(text)
    return v >= 0 && v <= 100 ? v : null
  }
  if (pattern === 'integer') return Number(text.replace(/,/g, ''))
  // `any`: a single separator followed by 1-2 digits is a decimal mark; others group thousands.
  const m = /^(.*)[.,](\d{1,2})$/.exec(text)
  if (m) return Number(`${m[1]!.replace(/[.,]/g, '')}.${m[2]}`)
  return Number(text.replace(/[.,]/g, ''))
}

interface Classified {
  readonly box: PixelBox
  readonly char: string
  readonly confidence: number
  /** Cut out of a wider component (touching digits): a plausible reading, not a sure one. */
  readonly split?: boolean
  /** The cut this glyph came from reads otherwise when moved a little; `confidence` was lowered for it. */
  readonly doubt?: CutDoubt
  readonly confidenceBeforeDoubt?: number
}

/** What the glyphs of an unstable cut read as when the cut moves. */
interface CutDoubt {
  readonly alternatives: readonly string[]
  /** False when the cut's pieces were themselves doubtful cuts: their own alternatives are not known here. */
  readonly resolvable: boolean
}

function classify(mlp: CompiledMlp, seg: Segmentation, box: PixelBox, parts: readonly number[], script: DigitScript): Classified {
  const p = predictGlyph(mlp, glyphFeatures(seg, box, parts), script)
  return { box, char: p.digit ?? '?', confidence: p.confidence }
}

/**
 * Width, in digit heights, above which a glyph is taken for touching digits. Measured on the
 * synthetic cells: 99.9% of single digits are narrower than 1.6; touching pairs start at 1.56.
 */
const TOO_WIDE = 1.7

/** Both halves of a cut-apart component must read at least this well to be believed. */
const SPLIT_MIN_CONFIDENCE = 0.97

interface SplitContext {
  readonly mlp: CompiledMlp
  readonly seg: Segmentation
  readonly parts: readonly number[]
  readonly typicalWidth: number
  readonly minConfidence: number
  readonly script: DigitScript
}

/**
 * Touching digits come out of the segmenter as one wide component (the model calls it `other`:
 * it was trained on such pairs). When a glyph is that wide and poorly recognised, try vertical
 * cuts across its middle half and keep the cut whose halves read best (the model was also
 * trained on such halves). A piece still two digits wide (three touching digits, as a year's
 * flourished ๕๖๘ in a serif face) is cut again.
 */
function classifyWithSplit(
  mlp: CompiledMlp,
  seg: Segmentation,
  s: Segment,
  typicalWidth: number,
  minConfidence: number,
  script: DigitScript,
  singleWidth: number | undefined,
): Classified[] {
  return splitGlyph({ mlp, seg, parts: s.parts, typicalWidth, minConfidence, script }, s.box, cutsFor(s.box, seg, singleWidth))
}

/**
 * One cut, or two when the glyph is as wide as three of the cell's own single digits. Without a
 * single digit beside it to measure, a glyph three digits wide may as well be four (narrow faces):
 * two cuts would read it as three, so it gets one, which fails and leaves the reading uncertain.
 */
function cutsFor(box: PixelBox, seg: Segmentation, singleWidth: number | undefined): number {
  if (singleWidth === undefined || boxWidth(box) <= TOO_WIDE * seg.digitHeight) return 1
  const digits = boxWidth(box) / singleWidth
  return digits >= 2.5 && digits <= 3.5 ? 2 : 1
}

function splitGlyph(ctx: SplitContext, box: PixelBox, cutsLeft: number): Classified[] {
  const { mlp, seg, parts, script } = ctx
  const whole = classify(mlp, seg, box, parts, script)
  const w = boxWidth(box)
  const tooWide = w > TOO_WIDE * seg.digitHeight
  const poor = whole.char === '?' || whole.confidence < ctx.minConfidence || tooWide
  if (!poor || w < minSplitWidth(ctx)) return [whole]
  // A piece of a cut is one glyph unless it is as wide as two digits; then it is cut again, and
  // when no cut is left it is not a digit.
  const readPiece = (piece: PixelBox): Classified[] => {
    if (boxWidth(piece) <= TOO_WIDE * seg.digitHeight) return [classify(mlp, seg, piece, parts, script)]
    if (cutsLeft > 1) return splitGlyph(ctx, piece, cutsLeft - 1)
    return [{ box: piece, char: '?', confidence: 0 }]
  }
  const cutAt = (cut: number): Classified[] =>
    [...readPiece({ ...box, x1: box.x0 + cut }), ...readPiece({ ...box, x0: box.x0 + cut })].map((g) => ({ ...g, split: true }))
  let best: Classified[] = [whole]
  let bestScore = whole.char === '?' ? 0 : whole.confidence
  const lo = Math.floor(w * 0.25)
  const hi = Math.ceil(w * 0.75)
  const step = Math.max(1, Math.floor((hi - lo) / 24))
  let bestCut = -1
  for (let cut = lo; cut < hi; cut += step) {
    const pieces = cutAt(cut)
    const score = Math.min(...pieces.map((g) => g.confidence))
    if (pieces.every((g) => g.char !== '?') && score > bestScore) {
      best = pieces
      bestScore = score
      bestCut = cut
    }
  }
  if (bestCut < 0) return best
  // A true cut between two digits reads the same a few pixels either way; a cut through a digit
  // (a bold ๘ touching ๑, cut into "๑" + "๑") changes its reading as the cut moves. Doubt costs a
  // few cells that were right (99.6 -> 99.1% on the synthetic test set); a wrong score costs more.
  const reach = Math.max(2, Math.round(0.08 * seg.digitHeight))
  const reading = (glyphs: readonly Classified[]) => glyphs.map((g) => g.char).join('')
  const alternatives = [-reach, reach]
    .map((shift) => bestCut + shift)
    .filter((cut) => cut > 0 && cut < w)
    .map((cut) => reading(cutAt(cut)))
    .filter((r) => r !== reading(best))
  if (!alternatives.length) return best
  const doubt: CutDoubt = { alternatives, resolvable: best.every((g) => !g.doubt) }
  return best.map((g) => ({ ...g, confidence: Math.min(g.confidence, UNSTABLE_SPLIT_CONFIDENCE), confidenceBeforeDoubt: g.confidence, doubt }))
}

/**
 * Narrowest glyph worth cutting in two. Arabic digits are about 0.6 of their height wide, so two
 * touching ones (a year's "68" at 200 dpi) are 1.2-1.4 heights wide, narrower than a pair of Thai
 * digits: in Arabic script, a glyph that reads as no digit is cut from 1.1 heights.
 */
function minSplitWidth(ctx: SplitContext): number {
  return ctx.script === 'ascii' ? 1.1 * ctx.seg.digitHeight : 1.4 * Math.min(ctx.typicalWidth, ctx.seg.digitHeight)
}

/** The only score with three digits before its point. */
const FULL_MARKS = '100.00'

/**
 * Lifts the doubt of a score's unstable cut when every reading the moved cut gave is a number
 * that is not a score (a ๐๐ pair in ๙๐.๐๐ read as ๙๖ one way: 96.00 is a score, the doubt stays).
 * A piece the moved cut made unreadable (`?`) might hide a score, except in ๑๐๐.๐๐: with three
 * digits before the point, any other reading is not a score. On 5,760 synthetic cells (960 set
 * tight) this reads 7 more, none wrong; letting every `?` count as "not a score" read 20 more but
 * turned an 80.00 into 89.00.
 */
function liftInvalidDoubts(read: Classified[], pattern: NumberPattern): Classified[] {
  const text = read.map((r) => r.char).join('')
  if (pattern !== 'score' || parseValue(text, pattern) === null) return read
  const doubts = new Set(read.flatMap((r) => (r.doubt?.resolvable ? [r.doubt] : [])))
  const lifted = new Set<CutDoubt>()
  for (const doubt of doubts) {
    const start = read.findIndex((r) => r.doubt === doubt)
    const end = read.findLastIndex((r) => r.doubt === doubt) + 1
    const valid = doubt.alternatives.some((alt) => (alt.includes('?') && text !== FULL_MARKS) || parseValue(text.slice(0, start) + alt + text.slice(end), pattern) !== null)
    if (!valid) lifted.add(doubt)
  }
  return read.map((r) => (r.doubt && lifted.has(r.doubt) ? { ...r, confidence: r.confidenceBeforeDoubt ?? r.confidence } : r))
}

/** Confidence given to the halves of a cut whose reading changes when the cut moves a little. */
const UNSTABLE_SPLIT_CONFIDENCE = 0.5

/**
 * A score has one point, two digits before its end. When a speck on the baseline was also taken
 * for a point, keep the point in that place if it is clearly the biggest; otherwise leave all
 * (and the reading fails the score's shape).
 */
function dropSpeckDots(segments: Segment[]): Segment[] {
  const dots = segments.filter((s) => s.kind !== 'glyph')
  if (dots.length < 2) return segments
  const glyphsAfter = (d: Segment) => segments.filter((s) => s.kind === 'glyph' && s.box.x0 >= d.box.x1).length
  const size = (d: Segment) => boxWidth(d.box) * (d.box.y1 - d.box.y0)
  const placed = dots.filter((d) => d.kind === 'dot' && glyphsAfter(d) === 2)
  if (placed.length !== 1) return segments
  const keep = placed[0]!
  if (dots.some((d) => d !== keep && size(d) > 0.6 * size(keep))) return segments
  return segments.filter((s) => s.kind === 'glyph' || s === keep)
}

export function readNumber(crop: RasterCrop, options: ReadNumberOptions = {}): NumberReading {
  const { pattern = 'score', minConfidence = 0.9 } = options
  if (!(pattern in PATTERNS)) {
    throw new TypeError(`Expected \`pattern\` to be one of score, integer, any, got \`${String(pattern)}\``)
  }
  const model = options.model ?? loadDigitModel()
  const uncertain = (reason: string, glyphs: ReadGlyph[] = [], text = '', confidence = 0): NumberReading => ({
    text,
    value: null,
    confidence,
    uncertain: true,
    reason,
    glyphs,
  })
  if (crop.width < 4 || crop.height < 4) return uncertain('crop too small')
  const { bitmap, contrast } = toInkBitmapOrBlank(toGrey(crop))
  if (contrast < 40) return uncertain('blank crop')
  let seg = segmentCell(bitmap)
  if (pattern === 'score' && !seg.segments.some((s) => s.kind === 'dot')) {
    // A score has a decimal point; in bold faces or blurred scans it can touch the digit next
    // to it. Thinning the ink by a pixel often frees it; use that cut only if it finds one.
    const thinned = segmentCell(erode(bitmap))
    if (thinned.segments.filter((s) => s.kind === 'dot').length === 1) seg = thinned
  }
  if (pattern === 'score') seg = { ...seg, segments: dropSpeckDots(seg.segments) }
  const glyphSegments = seg.segments.filter((s) => s.kind === 'glyph')
  if (!glyphSegments.length) return uncertain('no glyphs found')
  const widths = glyphSegments.map((s) => boxWidth(s.box)).sort((a, b) => a - b)
  const typicalWidth = Math.max(widths[widths.length >> 1]!, 0.5 * seg.digitHeight)
  const singles = widths.filter((w) => w <= TOO_WIDE * seg.digitHeight && w >= 0.4 * seg.digitHeight)
  const singleWidth = singles.length ? singles[singles.length >> 1] : undefined

  let script: DigitScript
  if (options.script && options.script !== 'auto') script = options.script
  else {
    // One cell is set in one script: let the glyphs vote, then read each within that script.
    let thai = 0
    let ascii = 0
    for (const s of glyphSegments) {
      const m = scriptMass(classProbabilities(model.compiled, glyphFeatures(seg, s.box, s.parts)))
      thai += m.thai
      ascii += m.ascii
    }
    script = thai >= ascii ? 'thai' : 'ascii'
  }
  let read: Classified[] = []
  for (const s of seg.segments) {
    if (s.kind === 'glyph') read.push(...classifyWithSplit(model.compiled, seg, s, typicalWidth, minConfidence, script, singleWidth))
    else read.push({ box: s.box, char: s.kind === 'dot' ? '.' : ',', confidence: 1 })
  }
  read = liftInvalidDoubts(read, pattern)
  const glyphs: ReadGlyph[] = read.map((r) => ({
    char: r.char,
    confidence: Math.round(r.confidence * 1e4) / 1e4,
    bbox: { ...r.box },
    ...(r.split && { split: true as const }),
  }))
  const text = read.map((r) => r.char).join('')
  const confidence = Math.min(...glyphs.map((g) => g.confidence))

  if (read.some((r) => r.char === '?')) return uncertain('a glyph is not a digit', glyphs, text, confidence)
  if (read.some((r) => !r.split && r.char !== '.' && r.char !== ',' && boxWidth(r.box) > TOO_WIDE * seg.digitHeight)) {
    return uncertain('a glyph is too wide for one digit', glyphs, text, confidence)
  }
  if (read.some((r) => r.split && r.confidence < SPLIT_MIN_CONFIDENCE)) {
    return uncertain('touching digits could not be cut apart with confidence', glyphs, text, confidence)
  }
  if (confidence < minConfidence) return uncertain(`a glyph has low confidence (${confidence.toFixed(2)})`, glyphs, text, confidence)
  const glyphArea = seg.digitHeight * typicalWidth * 0.25
  if (seg.strayInk > Math.max(8, glyphArea)) return uncertain('unexplained ink in the cell', glyphs, text, confidence)
  const value = parseValue(text, pattern)
  if (value === null) return uncertain(`"${text}" is not a valid ${pattern}`, glyphs, text, confidence)
  return { text, value, confidence, uncertain: false, glyphs }
}
