/**
 * Builds the digit model: renders synthetic scanned cells in every training font, cuts them with
 * the same segmenter the reader uses, and trains the perceptron on the glyphs. Deterministic: the
 * same fonts, parameters and code give the same weights. Run by `scripts/build-digit-model.ts`;
 * the result is committed as `model/digit-model.json`, so readers never need the fonts.
 */
import { createHash } from 'node:crypto'
import { CLASSES, type Mlp, OTHER_CLASS, mlpForward, serialiseMlp } from '../../src/stages/ocr/digits/classifier.js'
import { FEATURE_SIZE, GRID, glyphFeatures } from '../../src/stages/ocr/digits/features.js'
import type { FontFile } from './fonts.js'
import { toInkBitmapOrBlank } from '../../src/stages/ocr/image.js'
import type { DigitModelFile } from '../../src/stages/ocr/digits/model-store.js'
import { TRAIN_RANGES, randomNumberText, randomStyle, registerFonts, renderCell, toThaiDigits } from './render.js'
import { createRng, type Rng } from '../rng.js'
import { segmentCell } from '../../src/stages/ocr/digits/segment.js'

/** Bump when a change to the code (not the parameters) changes the trained weights. */
export const TRAINER_VERSION = 6

export interface TrainParams {
  readonly seed: number
  /** Number cells rendered per font file. */
  readonly cellsPerFont: number
  /** Pairs of touching digits per font file, for the `other` class (a pair is not a digit). */
  readonly touchingPerFont: number
  /** Non-digit cells (letters, signs) per font file, for the `other` class. */
  readonly garbagePerFont: number
  readonly hidden: number
  readonly epochs: number
  readonly batch: number
  readonly learningRate: number
  readonly weightDecay: number
}

export const DEFAULT_TRAIN_PARAMS: TrainParams = {
  seed: 20251124,
  cellsPerFont: 200,
  touchingPerFont: 50,
  garbagePerFont: 30,
  hidden: 96,
  epochs: 18,
  batch: 32,
  learningRate: 0.002,
  weightDecay: 1e-5,
}

/** Identifies a model by everything that shapes it; stored in the model file. */
export function modelKey(fonts: readonly FontFile[], params: TrainParams): string {
  const spec = {
    trainer: TRAINER_VERSION,
    grid: GRID,
    features: FEATURE_SIZE,
    classes: CLASSES,
    fonts: fonts.filter((f) => f.use === 'train').map((f) => `${f.family}/${f.weight}`),
    params,
    ranges: TRAIN_RANGES,
  }
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 16)
}

// Letters and signs that may share a cell with a number or stand in for one; shapes that are
// digits in some face (o, O, l, I, S, B, Z, g, q) are left out on purpose.
const NOT_DIGITS = 'กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะาเแโไัิีึืุู่้๊๋็์ACDEFGHJKMNPRTUVWXYacdefhkmnprtuvwxy-/%()+*#@'

function randomGarbage(rng: Rng): string {
  const n = rng.int(1, 4)
  let s = ''
  for (let i = 0; i < n; i++) s += NOT_DIGITS[rng.int(0, NOT_DIGITS.length - 1)]!
  return s
}

function classOf(ch: string, thai: boolean): number {
  return Number(ch) + (thai ? 0 : 10)
}

export interface TrainingSet {
  readonly x: Float32Array[]
  readonly y: number[]
  /** Cells rendered, and cells whose segmentation did not match the text (not used). */
  readonly cells: number
  readonly skipped: number
}

export function buildTrainingSet(fonts: readonly FontFile[], params: TrainParams): TrainingSet {
  const trainFonts = fonts.filter((f) => f.use === 'train')
  registerFonts(trainFonts)
  const x: Float32Array[] = []
  const y: number[] = []
  let cells = 0
  let skipped = 0
  trainFonts.forEach((font, fi) => {
    const rng = createRng(params.seed * 1000 + fi)
    for (let i = 0; i < params.cellsPerFont + params.touchingPerFont + params.garbagePerFont; i++) {
      const garbage = i >= params.cellsPerFont
      const touching = garbage && i < params.cellsPerFont + params.touchingPerFont
      const ascii = touching ? String(rng.int(10, 99)) : garbage ? randomGarbage(rng) : randomNumberText(rng)
      const thai = rng.next() < 0.7
      const text = (garbage && !touching) || !thai ? ascii : toThaiDigits(ascii)
      let style = randomStyle(font.alias, TRAIN_RANGES, rng)
      if (touching) style = { ...style, rotationDeg: 0, letterSpacing: -rng.uniform(0.03, 0.2) }
      const img = renderCell(text, style, rng)
      cells++
      const seg = segmentCell(toInkBitmapOrBlank(img).bitmap)
      const glyphs = seg.segments.filter((s) => s.kind === 'glyph')
      if (touching) {
        // Two digits forced to touch: one component that must not read as one digit, and
        // cut where the first digit's advance ends, two halves the reader will see when it
        // tries to cut such a component apart.
        const glyph = glyphs.length === 1 ? glyphs[0]! : undefined
        if (glyph) {
          x.push(glyphFeatures(seg, glyph.box, glyph.parts))
          y.push(OTHER_CLASS)
          // Negative spacing pulls the second digit left by |spacing|: cut mid-way into the overlap.
          const cut = Math.round(img.charX[1]! - ((style.letterSpacing ?? 0) * ((style.pt * style.dpi) / 72)) / 2)
          if (cut > glyph.box.x0 + 2 && cut < glyph.box.x1 - 2) {
            x.push(glyphFeatures(seg, { ...glyph.box, x1: cut }, glyph.parts))
            y.push(classOf(ascii[0]!, thai))
            x.push(glyphFeatures(seg, { ...glyph.box, x0: cut }, glyph.parts))
            y.push(classOf(ascii[1]!, thai))
          }
        }
        continue
      }
      if (garbage) {
        for (const g of glyphs) {
          x.push(glyphFeatures(seg, g.box, g.parts))
          y.push(OTHER_CLASS)
        }
        continue
      }
      const digits = [...ascii].filter((c) => c >= '0' && c <= '9')
      const dots = [...ascii].filter((c) => c === '.').length
      const segDots = seg.segments.length - glyphs.length
      if (glyphs.length !== digits.length || segDots !== dots) {
        skipped++
        continue
      }
      glyphs.forEach((g, k) => {
        x.push(glyphFeatures(seg, g.box, g.parts))
        y.push(classOf(digits[k]!, thai))
      })
    }
  })
  return { x, y, cells, skipped }
}

/** Mini-batch Adam on softmax cross-entropy. Deterministic for a given seed. */
export function trainMlp(set: TrainingSet, params: TrainParams, log?: (msg: string) => void): Mlp {
  const n = FEATURE_SIZE
  const h = params.hidden
  const o = CLASSES.length
  const rng = createRng(params.seed ^ 0x5eed)
  const count = set.x.length
  const mean = new Float32Array(n)
  const invStd = new Float32Array(n)
  for (const v of set.x) for (let i = 0; i < n; i++) mean[i]! += v[i]! / count
  const variance = new Float64Array(n)
  for (const v of set.x) for (let i = 0; i < n; i++) variance[i]! += (v[i]! - mean[i]!) ** 2 / count
  for (let i = 0; i < n; i++) invStd[i] = 1 / Math.max(Math.sqrt(variance[i]!), 0.05)

  const w1 = new Float32Array(h * n)
  const b1 = new Float32Array(h)
  const w2 = new Float32Array(o * h)
  const b2 = new Float32Array(o)
  for (let i = 0; i < w1.length; i++) w1[i] = rng.normal() * Math.sqrt(2 / n)
  for (let i = 0; i < w2.length; i++) w2[i] = rng.normal() * Math.sqrt(1 / h)
  const model: Mlp = { inputSize: n, hiddenSize: h, outputSize: o, mean, invStd, w1, b1, w2, b2 }

  const params_ = [w1, b1, w2, b2]
  const grads = params_.map((p) => new Float32Array(p.length))
  const m1 = params_.map((p) => new Float32Array(p.length))
  const m2 = params_.map((p) => new Float32Array(p.length))
  const [gw1, gb1, gw2, gb2] = grads as [Float32Array, Float32Array, Float32Array, Float32Array]
  const beta1 = 0.9
  const beta2 = 0.999
  let step = 0
  const order = Array.from({ length: count }, (_, i) => i)
  const hidden = new Float32Array(h)
  const xs = new Float32Array(n)
  const dh = new Float32Array(h)
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    const lr = params.learningRate * (epoch >= params.epochs * 0.7 ? 0.3 : 1)
    let loss = 0
    let correct = 0
    for (let start = 0; start < count; start += params.batch) {
      const end = Math.min(count, start + params.batch)
      for (const g of grads) g.fill(0)
      for (let bi = start; bi < end; bi++) {
        const idx = order[bi]!
        const x = set.x[idx]!
        const label = set.y[idx]!
        const p = mlpForward(model, x, hidden)
        loss -= Math.log(Math.max(p[label]!, 1e-9))
        let arg = 0
        for (let k = 1; k < o; k++) if (p[k]! > p[arg]!) arg = k
        if (arg === label) correct++
        for (let i = 0; i < n; i++) xs[i] = (x[i]! - mean[i]!) * invStd[i]!
        dh.fill(0)
        for (let k = 0; k < o; k++) {
          const d = p[k]! - (k === label ? 1 : 0)
          gb2[k]! += d
          const row = k * h
          for (let j = 0; j < h; j++) {
            gw2[row + j]! += d * hidden[j]!
            dh[j]! += d * w2[row + j]!
          }
        }
        for (let j = 0; j < h; j++) {
          if (hidden[j]! <= 0) continue
          const d = dh[j]!
          gb1[j]! += d
          const row = j * n
          for (let i = 0; i < n; i++) gw1[row + i]! += d * xs[i]!
        }
      }
      step++
      const bs = end - start
      const c1 = 1 - beta1 ** step
      const c2 = 1 - beta2 ** step
      params_.forEach((p, pi) => {
        const g = grads[pi]!
        const a = m1[pi]!
        const b = m2[pi]!
        const decay = pi % 2 === 0 ? params.weightDecay : 0
        for (let i = 0; i < p.length; i++) {
          const gi = g[i]! / bs + decay * p[i]!
          a[i] = beta1 * a[i]! + (1 - beta1) * gi
          b[i] = beta2 * b[i]! + (1 - beta2) * gi * gi
          p[i]! -= (lr * (a[i]! / c1)) / (Math.sqrt(b[i]! / c2) + 1e-8)
        }
      })
    }
    log?.(`epoch ${epoch + 1}/${params.epochs}: loss ${(loss / count).toFixed(4)}, train accuracy ${((100 * correct) / count).toFixed(2)}%`)
  }
  return model
}

export function buildDigitModel(
  fonts: readonly FontFile[],
  params: TrainParams = DEFAULT_TRAIN_PARAMS,
  log?: (msg: string) => void,
): DigitModelFile {
  const t0 = performance.now()
  const set = buildTrainingSet(fonts, params)
  const t1 = performance.now()
  log?.(`rendered ${set.cells} cells, ${set.x.length} glyphs (${set.skipped} cells skipped: segmentation did not match) in ${((t1 - t0) / 1000).toFixed(1)} s`)
  const mlp = trainMlp(set, params, log)
  const t2 = performance.now()
  log?.(`trained in ${((t2 - t1) / 1000).toFixed(1)} s`)
  return {
    format: 'ita-extract/digit-model@1',
    key: modelKey(fonts, params),
    classes: [...CLASSES],
    grid: GRID,
    trainedOn: fonts.filter((f) => f.use === 'train').map((f) => `${f.family}/${f.weight}`),
    heldOut: fonts.filter((f) => f.use === 'held-out').map((f) => `${f.family}/${f.weight}`),
    samples: set.x.length,
    params: { ...params },
    mlp: serialiseMlp(mlp),
  }
}
