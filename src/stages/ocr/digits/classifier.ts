/**
 * A one-hidden-layer perceptron over glyph features, with its (de)serialisation. Inference is a
 * few thousand multiply-adds per glyph; the weights are trained by `train.ts`.
 */

/** Thai digits, ASCII digits, then `other` (letters, marks, blots: anything not a digit). */
export const CLASSES = [
  '๐', '๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
  'other',
] as const
export type GlyphClass = (typeof CLASSES)[number]
export const OTHER_CLASS = CLASSES.length - 1

/** The ASCII digit a class stands for, or null for `other`. */
export function classDigit(classIndex: number): string | null {
  return classIndex < 20 ? String(classIndex % 10) : null
}

export interface Mlp {
  readonly inputSize: number
  readonly hiddenSize: number
  readonly outputSize: number
  /** Per-feature standardisation learnt on the training set. */
  readonly mean: Float32Array
  readonly invStd: Float32Array
  /** hidden x input, row-major. */
  readonly w1: Float32Array
  readonly b1: Float32Array
  /** output x hidden, row-major. */
  readonly w2: Float32Array
  readonly b2: Float32Array
}

/** Forward pass; writes the hidden activations into `hidden` when given (training reuses them). */
export function mlpForward(m: Mlp, x: Float32Array, hidden = new Float32Array(m.hiddenSize)): Float32Array {
  const n = m.inputSize
  const xs = new Float32Array(n)
  for (let i = 0; i < n; i++) xs[i] = (x[i]! - m.mean[i]!) * m.invStd[i]!
  for (let j = 0; j < m.hiddenSize; j++) {
    let s = m.b1[j]!
    const row = j * n
    for (let i = 0; i < n; i++) s += m.w1[row + i]! * xs[i]!
    hidden[j] = s > 0 ? s : 0
  }
  const out = new Float32Array(m.outputSize)
  let max = -Infinity
  for (let k = 0; k < m.outputSize; k++) {
    let s = m.b2[k]!
    const row = k * m.hiddenSize
    for (let j = 0; j < m.hiddenSize; j++) s += m.w2[row + j]! * hidden[j]!
    out[k] = s
    if (s > max) max = s
  }
  let sum = 0
  for (let k = 0; k < m.outputSize; k++) {
    out[k] = Math.exp(out[k]! - max)
    sum += out[k]!
  }
  for (let k = 0; k < m.outputSize; k++) out[k]! /= sum
  return out
}

/**
 * The perceptron prepared for reading: standardisation folded into the first layer, stored
 * input-major so the (mostly empty) glyph grid's zero inputs can be skipped.
 */
export interface CompiledMlp {
  readonly inputSize: number
  readonly hiddenSize: number
  readonly outputSize: number
  /** input x hidden, row-major: w1[j][i] * invStd[i]. */
  readonly w1t: Float32Array
  /** b1 - sum_i w1t[i][j] * mean[i]. */
  readonly b1: Float64Array
  readonly w2: Float32Array
  readonly b2: Float32Array
}

export function compileMlp(m: Mlp): CompiledMlp {
  const { inputSize: n, hiddenSize: h } = m
  const w1t = new Float32Array(n * h)
  const b1 = new Float64Array(h)
  for (let j = 0; j < h; j++) {
    let shift = 0
    for (let i = 0; i < n; i++) {
      const w = m.w1[j * n + i]! * m.invStd[i]!
      w1t[i * h + j] = w
      shift += w * m.mean[i]!
    }
    b1[j] = m.b1[j]! - shift
  }
  return { inputSize: n, hiddenSize: h, outputSize: m.outputSize, w1t, b1, w2: m.w2, b2: m.b2 }
}

/** Class probabilities for one feature vector. */
export function classProbabilities(c: CompiledMlp, x: Float32Array): Float32Array {
  const h = c.hiddenSize
  const hidden = Float64Array.from(c.b1)
  for (let i = 0; i < c.inputSize; i++) {
    const v = x[i]!
    if (v === 0) continue
    const row = i * h
    for (let j = 0; j < h; j++) hidden[j]! += v * c.w1t[row + j]!
  }
  const out = new Float32Array(c.outputSize)
  let max = -Infinity
  for (let k = 0; k < c.outputSize; k++) {
    let s = c.b2[k]!
    const row = k * h
    for (let j = 0; j < h; j++) {
      const a = hidden[j]!
      if (a > 0) s += c.w2[row + j]! * a
    }
    out[k] = s
    if (s > max) max = s
  }
  let sum = 0
  for (let k = 0; k < c.outputSize; k++) {
    out[k] = Math.exp(out[k]! - max)
    sum += out[k]!
  }
  for (let k = 0; k < c.outputSize; k++) out[k]! /= sum
  return out
}

export interface GlyphPrediction {
  /** Best class, e.g. '๘' or '8' or 'other'. */
  readonly glyph: GlyphClass
  /** ASCII digit, or null when the best reading is not a digit. */
  readonly digit: string | null
  /** Probability of `digit` (its Thai and ASCII forms together), or of `other`. */
  readonly confidence: number
}

/** Which digit forms a glyph may take: a cell is set in one script. */
export type DigitScript = 'thai' | 'ascii' | 'any'

/** Probability mass of Thai and of ASCII digit classes in `p`. */
export function scriptMass(p: Float32Array): { thai: number; ascii: number } {
  let thai = 0
  let ascii = 0
  for (let k = 0; k < 10; k++) {
    thai += p[k]!
    ascii += p[k + 10]!
  }
  return { thai, ascii }
}

/** Decide a glyph from its class probabilities, restricted to `script` (renormalised). */
export function decideGlyph(p: Float32Array, script: DigitScript = 'any'): GlyphPrediction {
  const perDigit = new Float64Array(11)
  for (let k = 0; k < 20; k++) {
    const isThai = k < 10
    if (script === 'any' || (script === 'thai') === isThai) perDigit[k % 10]! += p[k]!
  }
  perDigit[10] = p[OTHER_CLASS]!
  let sum = 0
  for (const v of perDigit) sum += v
  let best = 0
  for (let d = 1; d < 11; d++) if (perDigit[d]! > perDigit[best]!) best = d
  const confidence = sum > 0 ? perDigit[best]! / sum : 0
  if (best === 10) return { glyph: 'other', digit: null, confidence }
  const thaiForm = script === 'thai' || (script === 'any' && p[best]! >= p[best + 10]!)
  return { glyph: CLASSES[thaiForm ? best : best + 10]!, digit: String(best), confidence }
}

export function predictGlyph(m: CompiledMlp, features: Float32Array, script: DigitScript = 'any'): GlyphPrediction {
  return decideGlyph(classProbabilities(m, features), script)
}

// --- serialisation: weights as base64 little-endian float32, the rest as JSON --------------

export interface SerialisedMlp {
  inputSize: number
  hiddenSize: number
  outputSize: number
  mean: string
  invStd: string
  w1: string
  b1: string
  w2: string
  b2: string
}

function f32ToBase64(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')
}

function base64ToF32(s: string, expected: number, name: string): Float32Array {
  const buf = Buffer.from(s, 'base64')
  if (buf.byteLength !== expected * 4) {
    throw new TypeError(`Digit model field \`${name}\` has ${buf.byteLength / 4} values, expected ${expected}`)
  }
  const out = new Float32Array(expected)
  for (let i = 0; i < expected; i++) out[i] = buf.readFloatLE(i * 4)
  return out
}

export function serialiseMlp(m: Mlp): SerialisedMlp {
  return {
    inputSize: m.inputSize,
    hiddenSize: m.hiddenSize,
    outputSize: m.outputSize,
    mean: f32ToBase64(m.mean),
    invStd: f32ToBase64(m.invStd),
    w1: f32ToBase64(m.w1),
    b1: f32ToBase64(m.b1),
    w2: f32ToBase64(m.w2),
    b2: f32ToBase64(m.b2),
  }
}

export function deserialiseMlp(s: SerialisedMlp): Mlp {
  const { inputSize: n, hiddenSize: h, outputSize: o } = s
  return {
    inputSize: n,
    hiddenSize: h,
    outputSize: o,
    mean: base64ToF32(s.mean, n, 'mean'),
    invStd: base64ToF32(s.invStd, n, 'invStd'),
    w1: base64ToF32(s.w1, h * n, 'w1'),
    b1: base64ToF32(s.b1, h, 'b1'),
    w2: base64ToF32(s.w2, o * h, 'w2'),
    b2: base64ToF32(s.b2, o, 'b2'),
  }
}
