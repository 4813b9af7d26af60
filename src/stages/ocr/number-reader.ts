/**
 * The bridge to the digit reader (`./digits/`): the OCR stage hands it a grey image of a number
 * and keeps the reading without its glyphs, noting which digits were cut out of touching ones.
 */
import { readNumber, type NumberPattern, type NumberReading as DigitsReading } from './digits/index.js'
import type { GreyImage } from './image.js'

export type { NumberPattern } from './digits/index.js'

export type NumberReading = Pick<DigitsReading, 'text' | 'value' | 'confidence' | 'uncertain'> & {
  /** Positions in `text` of digits cut out of touching digits. */
  readonly cut?: readonly number[]
  /** Each character's confidence, in `text`'s order (`?` included: how sure it is no digit). */
  readonly confidences?: readonly number[]
  /** Each character's ink columns [x0, x1) in the image read, in `text`'s order. */
  readonly columns?: readonly (readonly [number, number])[]
}

/** `script: 'ascii'`: read the glyphs as Arabic digits only (by default the glyphs vote on the script). */
export type ReadNumber = (image: GreyImage, pattern: NumberPattern, options?: { readonly script?: 'ascii' }) => Promise<NumberReading>

/** The built-in digit reader, as the OCR stage calls it. */
export const digitReader: ReadNumber = async (image, pattern, options) => {
  const r = readNumber({ data: image.data, width: image.width, height: image.height, channels: 1 }, { pattern, ...(options?.script && { script: options.script }) })
  const cut = r.glyphs.flatMap((g, i) => (g.split ? [i] : []))
  return { text: r.text, value: r.value, confidence: r.confidence, uncertain: r.uncertain, ...(cut.length && { cut }), confidences: r.glyphs.map((g) => g.confidence), columns: r.glyphs.map((g) => [g.bbox.x0, g.bbox.x1] as const) }
}
