/**
 * Where a number printed in running text really is. tesseract's word boxes for Thai digits are
 * unreliable: a box can hold only the lower half of ๑, leave out the rising stroke of ๗, or miss a
 * digit it dropped. The digit reader needs the whole number and nothing else, so the box is
 * rebuilt from the page's ink: the glyphs under tesseract's box give the digit height and band,
 * then neighbouring glyphs on that band join while they sit closer than digits of one number do.
 */
import { boxHeight as height, boxWidth as width, clampBox, connectedComponents, intersect, union, type GreyImage, type PixelBox } from './image.js'

export interface NumberBoxOptions {
  /** Whether the number may hold a decimal point (a score); a year or count never crosses a dot. */
  readonly decimal: boolean
  /** Height of the text line, pixels: how far around a (possibly too small) seed box to look. */
  readonly lineHeight?: number
}

/** Gap between two digits of one number, in digit heights; a word space is wider (about 0.5). */
const DIGIT_GAP = 0.3
/** Gap around a decimal point: digit, point, digit. */
const POINT_GAP = 0.75

interface Glyph {
  readonly box: PixelBox
  readonly area: number
}

export interface NumberBox {
  /** The glyphs under the seed box and their neighbours on the digit band. */
  readonly box: PixelBox
  /** Whether `box` reaches across a decimal point to digits the seed did not hold. */
  readonly crossedPoint: boolean
  /** The glyphs under the seed box only (for when a neighbour turns out not to be a digit). */
  readonly core: PixelBox
}

/**
 * The ink box of the number under `seed` (a word box, page pixels) on the binarised page
 * (0 = ink), or undefined when there is no ink there.
 */
export function numberInkBox(binary: GreyImage, seed: PixelBox, options: NumberBoxOptions): NumberBox | undefined {
  const reach = Math.max(1, seed.y1 - seed.y0, 0.5 * (options.lineHeight ?? 0))
  const glyphs = glyphsAround(binary, seed, reach)
  // Ink far taller than the line is no digit: the rulings of a cell the number sits in, joined at
  // its corner into one component whose box covers the number (a period's "68" beside the
  // column line: the ruling was taken for the digits' height, and the number was lost).
  const tallestDigit = options.lineHeight ? 1.5 * Math.max(seed.y1 - seed.y0, options.lineHeight) : Infinity
  const under = glyphs.filter((g) => area(intersect(g.box, seed)) >= 0.3 * Math.min(area(g.box), area(seed)) && g.area >= 3 && height(g.box) <= tallestDigit)
  if (under.length === 0) return undefined
  const tallest = Math.max(...under.map((g) => height(g.box)))
  const tall = under.filter((g) => height(g.box) >= 0.5 * tallest)
  const digitHeight = median(tall.map((g) => height(g.box)))
  const band = { top: median(tall.map((g) => g.box.y0)), bottom: median(tall.map((g) => g.box.y1)) }

  const isDigitLike = (g: Glyph) => {
    const overlap = Math.min(g.box.y1, band.bottom) - Math.max(g.box.y0, band.top)
    return overlap >= 0.5 * digitHeight && height(g.box) <= 2 * digitHeight && width(g.box) <= 3 * digitHeight
  }
  // A point is small, about as wide as tall, and sits on the baseline (a dash is wider, and higher).
  const isPoint = (g: Glyph) => {
    const cy = (g.box.y0 + g.box.y1) / 2
    const w = width(g.box), h = height(g.box)
    return h < 0.45 * digitHeight && w < 0.45 * digitHeight && w <= 2 * h && cy >= band.top + 0.6 * digitHeight && cy <= band.bottom + 0.25 * digitHeight
  }

  const taken = new Set<Glyph>(under.filter(isDigitLike))
  if (taken.size === 0) return undefined
  let span = spanOf(taken)
  const core = span
  const pointBetween = (a: number, b: number) => glyphs.some((g) => isPoint(g) && g.box.x0 >= a && g.box.x1 <= b)
  const pointInside = glyphs.some((g) => isPoint(g) && g.box.x0 >= span.x0 && g.box.x1 <= span.x1)
  let crossedPoint = false
  for (let grew = true; grew; ) {
    grew = false
    for (const g of glyphs) {
      if (taken.has(g) || !isDigitLike(g)) continue
      const gapLeft = span.x0 - g.box.x1
      const gapRight = g.box.x0 - span.x1
      const gap = Math.max(gapLeft, gapRight)
      let join = gap <= DIGIT_GAP * digitHeight
      if (!join && options.decimal && !crossedPoint && !pointInside && gap <= POINT_GAP * digitHeight) {
        const [a, b] = gapLeft > gapRight ? [g.box.x1, span.x0] : [span.x1, g.box.x0]
        if (pointBetween(a, b)) join = crossedPoint = true
      }
      if (!join) continue
      taken.add(g)
      span = spanOf(taken)
      grew = true
    }
  }
  const digits = withoutEndBrackets(taken)
  const coreDigits = withoutEndBrackets(under.filter(isDigitLike))
  if (digits.size < taken.size) span = spanOf(digits)
  const coreSpan = coreDigits.size < taken.size && coreDigits.size > 0 ? spanOf(coreDigits) : core
  return { box: withPieces(span, glyphs, band, digitHeight), crossedPoint, core: withPieces(coreSpan, glyphs, band, digitHeight) }
}

/**
 * The glyphs without a bracket at either end: a bracket printed against the number ("๒)" in a
 * list, "(๙๒.๘๕)" after คะแนน; Athiti's parentheses look like square brackets) stands a digit's gap
 * from it, and the digit reader, given its ink, reads a non-digit and nothing. A bracket is narrow
 * and reaches past every other glyph's ink both above and below, as no digit does (heldout-v3-02
 * 200 dpi: "]" 26 px tall, 5 px wide, beside a ๒ 17 px tall; every step number and three scores lost).
 */
function withoutEndBrackets(glyphs: Iterable<Glyph>): Set<Glyph> {
  const sorted = [...glyphs].sort((a, b) => a.box.x0 - b.box.x0)
  const isBracket = (g: Glyph, others: readonly Glyph[]) => {
    const solid = others.filter((o) => height(o.box) >= 0.5 * height(g.box))
    if (solid.length === 0) return false
    const digitHeight = median(solid.map((o) => height(o.box)))
    const top = Math.min(...solid.map((o) => o.box.y0)), bottom = Math.max(...solid.map((o) => o.box.y1))
    return width(g.box) <= BRACKET_WIDTH * digitHeight && g.box.y0 <= top - BRACKET_RISE * digitHeight && g.box.y1 >= bottom + BRACKET_DROP * digitHeight
  }
  if (sorted.length > 1 && isBracket(sorted.at(-1)!, sorted.slice(0, -1))) sorted.pop()
  if (sorted.length > 1 && isBracket(sorted[0]!, sorted.slice(1))) sorted.shift()
  return new Set(sorted)
}

/** A bracket's width at most, in digit heights (Athiti's "]" 0.3-0.4; the narrowest digit, ๑, about 0.8). */
const BRACKET_WIDTH = 0.5
/** How far a bracket rises above the digits' tops, and drops below their bottoms, at least (digit heights). */
const BRACKET_RISE = 0.15
const BRACKET_DROP = 0.08

/**
 * The first glyph right of a number's ink box on its line (ink reaching at least a third of the
 * number's height into its rows), within a few digits' width; undefined when there is none.
 */
export function glyphAfter(binary: GreyImage, number: PixelBox): PixelBox | undefined {
  const digitHeight = height(number)
  const near = glyphsAround(binary, number, digitHeight).filter((g) => {
    const rows = Math.min(g.box.y1, number.y1) - Math.max(g.box.y0, number.y0)
    return g.area >= 3 && g.box.x0 >= number.x1 && g.box.x0 < number.x1 + 3 * digitHeight && rows >= digitHeight / 3
  })
  return near.length ? near.reduce((a, b) => (b.box.x0 < a.box.x0 ? b : a)).box : undefined
}

/**
 * Whether ink stands left of a number's ink box on its line as close as the digits of one number
 * stand to each other: a glyph the number's box left out.
 */
export function inkJustBefore(binary: GreyImage, number: PixelBox): boolean {
  const digitHeight = height(number)
  return glyphsAround(binary, number, digitHeight).some((g) => {
    const rows = Math.min(g.box.y1, number.y1) - Math.max(g.box.y0, number.y0)
    const gap = number.x0 - g.box.x1
    return g.area >= 3 && g.box.x1 <= number.x0 && gap <= DIGIT_GAP * digitHeight && rows >= digitHeight / 3
  })
}

/**
 * The span grown by what lies inside it near the digit band: decimal points on the baseline and
 * broken-off pieces of digits (a detached stroke of ๗ above the band).
 */
function withPieces(span: PixelBox, glyphs: readonly Glyph[], band: { top: number; bottom: number }, digitHeight: number): PixelBox {
  const inside = glyphs.filter(
    (g) => g.box.x0 >= span.x0 && g.box.x1 <= span.x1 && g.box.y1 > band.top - 0.6 * digitHeight && g.box.y0 < band.bottom + 0.3 * digitHeight,
  )
  return inside.length ? spanOf(inside) : span
}

/** Connected ink components near the seed box, in page pixels. */
function glyphsAround(binary: GreyImage, seed: PixelBox, reach: number): Glyph[] {
  const region = clampBox(
    // Wide enough for a whole score left of a seed holding only its last digit (๗๗.๗|๘).
    { x0: seed.x0 - 8 * reach, y0: seed.y0 - reach, x1: seed.x1 + 8 * reach, y1: seed.y1 + reach },
    binary.width,
    binary.height,
  )
  const w = region.x1 - region.x0
  const h = region.y1 - region.y0
  if (w <= 0 || h <= 0) return []
  const data = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    const row = (region.y0 + y) * binary.width + region.x0
    for (let x = 0; x < w; x++) data[y * w + x] = binary.data[row + x] === 0 ? 1 : 0
  }
  return connectedComponents({ data, width: w, height: h }).components.map((c) => ({
    box: { x0: c.box.x0 + region.x0, y0: c.box.y0 + region.y0, x1: c.box.x1 + region.x0, y1: c.box.y1 + region.y0 },
    area: c.area,
  }))
}

function spanOf(glyphs: Iterable<Glyph>): PixelBox {
  return [...glyphs].map((g): PixelBox => g.box).reduce((a, b) => union(a, b))
}

const area = (b: PixelBox) => width(b) * height(b)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]!
}

/**
 * Whether the first glyph of a number's ink is a stroke with a dot of its own right above it: an
 * i, which the digit reader, given the stroke, reads as 1 (Pridi's "i2" read as 12 by both readers,
 * heldout-04 200 dpi). No digit, Thai or Arabic, has a detached dot above it.
 */
export function dotAboveFirstGlyph(binary: GreyImage, number: PixelBox): boolean {
  const glyphs = glyphsAround(binary, number, height(number)).filter((g) => g.area >= 3)
  const stems = glyphs.filter((g) => g.box.x0 >= number.x0 - 1 && g.box.x1 <= number.x1 + 1 && height(g.box) >= 0.5 * height(number))
  if (stems.length === 0) return false
  const stem = stems.reduce((a, b) => (b.box.x0 < a.box.x0 ? b : a)).box
  const h = height(stem)
  // An i's stem is narrow (its serif foot included, 8 px to 14 in Pridi); a wider glyph is a digit.
  if (width(stem) > 0.7 * h) return false
  return glyphs.some((g) => {
    const gap = stem.y0 - g.box.y1
    const middle = (g.box.x0 + g.box.x1) / 2
    return gap >= 1 && gap <= 0.5 * h && height(g.box) <= 0.4 * h && width(g.box) <= 0.5 * h && middle >= stem.x0 - 1 && middle <= stem.x1 + 1
  })
}
