/**
 * Renders synthetic score cells that look scanned: text in a given font at a given point size
 * and resolution, slightly rotated, thickened or thinned, blurred, noisy, sometimes bilevel, with
 * bits of the table's ruling lines at the edges. Used to train the digit model and to build the
 * test sets; never on the reading path.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
import type { FontFile } from './fonts.js'
import type { GreyImage } from '../../src/stages/ocr/image.js'
import type { Rng } from '../rng.js'

export interface CellStyle {
  readonly fontAlias: string
  /** Type size in points. */
  readonly pt: number
  /** Scan resolution in pixels per inch. */
  readonly dpi: number
  readonly rotationDeg: number
  /** Stroke change as a fraction of the font size: > 0 thickens, < 0 thins. */
  readonly weightDelta: number
  readonly blurSigma: number
  readonly noiseSigma: number
  /** Grey level of ink and of paper. */
  readonly ink: number
  readonly paper: number
  /** Bilevel scan: threshold (0-255) applied after blur and noise, or null for greyscale. */
  readonly bilevel: number | null
  /** Where the text sits horizontally: 0 left, 0.5 centre, 1 right. */
  readonly align: number
  /** Ruling-line remnants at the edges: thickness in px, 0 for none. */
  readonly ruling: { top: number; bottom: number; left: number; right: number }
  /** Specks of dirt scattered over the cell. */
  readonly specks: number
  /** Extra space between glyphs as a fraction of the font size; < 0 makes digits touch. */
  readonly letterSpacing?: number
}

const registered = new Set<string>()

export function registerFonts(files: readonly FontFile[]): void {
  for (const f of files) {
    if (registered.has(f.alias)) continue
    const key = GlobalFonts.registerFromPath(f.path, f.alias)
    if (!key) throw new Error(`Could not register font ${f.path}`)
    registered.add(f.alias)
  }
}

function gaussianBlur(src: Float32Array, w: number, h: number, sigma: number): Float32Array {
  if (sigma < 0.2) return src
  const r = Math.ceil(sigma * 3)
  const k = new Float32Array(2 * r + 1)
  let sum = 0
  for (let i = -r; i <= r; i++) sum += k[i + r] = Math.exp((-i * i) / (2 * sigma * sigma))
  for (let i = 0; i < k.length; i++) k[i]! /= sum
  const tmp = new Float32Array(w * h)
  const out = new Float32Array(w * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0
      for (let i = -r; i <= r; i++) s += k[i + r]! * src[y * w + Math.min(w - 1, Math.max(0, x + i))]!
      tmp[y * w + x] = s
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0
      for (let i = -r; i <= r; i++) s += k[i + r]! * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x]!
      out[y * w + x] = s
    }
  }
  return out
}

export interface RenderedCell extends GreyImage {
  /** x (pixels, before rotation) where each character of `text` starts, and where the last ends. */
  readonly charX: number[]
}

/** Render `text` as a scanned table cell. Deterministic for a given style and rng state. */
export function renderCell(text: string, style: CellStyle, rng: Rng): RenderedCell {
  const px = (style.pt * style.dpi) / 72
  const probe = createCanvas(8, 8).getContext('2d')
  probe.font = `${px}px "${style.fontAlias}"`
  const spacing = `${((style.letterSpacing ?? 0) * px).toFixed(2)}px`
  probe.letterSpacing = spacing
  const m = probe.measureText(text)
  const textW = Math.ceil(m.width)
  const ascent = Math.ceil(m.actualBoundingBoxAscent)
  const descent = Math.ceil(Math.max(0, m.actualBoundingBoxDescent))
  const inkH = ascent + descent
  const padX = Math.round(px * rng.uniform(0.25, 1.6))
  const padY = Math.round(px * rng.uniform(0.12, 0.5))
  const width = Math.max(8, textW + 2 * padX)
  const height = Math.max(8, inkH + 2 * padY)
  const canvas = createCanvas(width, height)
  const g = canvas.getContext('2d')
  g.fillStyle = '#fff'
  g.fillRect(0, 0, width, height)
  g.save()
  g.translate(width / 2, height / 2)
  g.rotate((style.rotationDeg * Math.PI) / 180)
  g.translate(-width / 2, -height / 2)
  g.font = `${px}px "${style.fontAlias}"`
  g.letterSpacing = spacing
  g.fillStyle = '#000'
  const slack = width - textW - 2 * Math.round(px * 0.2)
  const x = Math.round(px * 0.2) + slack * style.align
  const y = padY + ascent + rng.uniform(-0.1, 0.1) * padY
  const chars = [...text]
  const charX = chars.map((_, i) => x + probe.measureText(chars.slice(0, i).join('')).width)
  charX.push(x + m.width)
  g.fillText(text, x, y)
  if (Math.abs(style.weightDelta) > 1e-3) {
    g.lineJoin = 'round'
    g.lineWidth = Math.abs(style.weightDelta) * px
    g.strokeStyle = style.weightDelta > 0 ? '#000' : '#fff'
    g.strokeText(text, x, y)
  }
  g.restore()
  g.fillStyle = '#000'
  const { top, bottom, left, right } = style.ruling
  if (top) g.fillRect(0, 0, width, top)
  if (bottom) g.fillRect(0, height - bottom, width, bottom)
  if (left) g.fillRect(0, 0, left, height)
  if (right) g.fillRect(width - right, 0, right, height)
  for (let i = 0; i < style.specks; i++) {
    const r = rng.uniform(0.4, Math.max(0.5, px * 0.02))
    g.beginPath()
    g.arc(rng.uniform(0, width), rng.uniform(0, height), r, 0, Math.PI * 2)
    g.fill()
  }

  const rgba = g.getImageData(0, 0, width, height).data
  const raw = new Float32Array(width * height)
  for (let i = 0; i < raw.length; i++) raw[i] = rgba[i * 4]! / 255
  const f = gaussianBlur(raw, width, height, style.blurSigma)
  const out = new Uint8Array(width * height)
  for (let i = 0; i < f.length; i++) {
    let v = style.ink + (style.paper - style.ink) * f[i]! + style.noiseSigma * rng.normal()
    if (style.bilevel !== null) v = v <= style.bilevel ? 0 : 255
    out[i] = Math.max(0, Math.min(255, Math.round(v)))
  }
  return { data: out, width, height, charX }
}

export interface StyleRanges {
  readonly pt: readonly [number, number]
  readonly dpi: readonly number[]
  readonly rotationDeg: number
  readonly weightDelta: readonly [number, number]
  readonly blurSigma: readonly [number, number]
  readonly noiseSigma: readonly [number, number]
  readonly bilevelRate: number
  /** Threshold range of bilevel scans: low thins strokes, high thickens and joins them. */
  readonly bilevelThreshold: readonly [number, number]
  readonly rulingRate: number
  readonly specksMax: number
}

/** What training sees: wide ranges, so scans of any reasonable quality fall inside. */
export const TRAIN_RANGES: StyleRanges = {
  pt: [11, 22],
  dpi: [150, 200, 240, 300, 400],
  rotationDeg: 2,
  weightDelta: [-0.015, 0.04],
  blurSigma: [0, 1.3],
  noiseSigma: [0, 22],
  bilevelRate: 0.3,
  bilevelThreshold: [105, 160],
  rulingRate: 0.5,
  specksMax: 3,
}

/**
 * Test conditions of a typical report scan (14-16 pt at 200-300 dpi, light noise and blur, as in
 * samples/bankum), with fresh seeds. The reader must get >= 99% of these cells right.
 */
export const TEST_RANGES: StyleRanges = {
  pt: [13, 18],
  dpi: [200, 300, 300],
  rotationDeg: 1.2,
  weightDelta: [-0.008, 0.025],
  blurSigma: [0.2, 0.9],
  noiseSigma: [1, 10],
  bilevelRate: 0.15,
  bilevelThreshold: [120, 145],
  rulingRate: 0.7,
  specksMax: 2,
}

/**
 * Harsh test conditions: heavy noise and blur, bilevel scans with extreme thresholds, strokes
 * thickened until digits touch. Here the reader may say `uncertain` more often, but must still
 * almost never be wrong.
 */
export const HARSH_RANGES: StyleRanges = {
  pt: [13, 18],
  dpi: [200, 300, 300, 300],
  rotationDeg: 1.5,
  weightDelta: [-0.012, 0.035],
  blurSigma: [0.2, 1.1],
  noiseSigma: [2, 18],
  bilevelRate: 0.25,
  bilevelThreshold: [105, 160],
  rulingRate: 0.7,
  specksMax: 2,
}

export function randomStyle(fontAlias: string, r: StyleRanges, rng: Rng): CellStyle {
  const dpi = rng.pick(r.dpi)
  const lineW = Math.max(1, Math.round((dpi / 300) * rng.uniform(1, 4)))
  const edge = (): number => (rng.next() < r.rulingRate ? lineW : 0)
  const blur = rng.uniform(r.blurSigma[0], r.blurSigma[1]) * (dpi / 300)
  return {
    fontAlias,
    pt: rng.uniform(r.pt[0], r.pt[1]),
    dpi,
    rotationDeg: rng.uniform(-r.rotationDeg, r.rotationDeg),
    weightDelta: rng.uniform(r.weightDelta[0], r.weightDelta[1]),
    blurSigma: blur,
    noiseSigma: rng.uniform(r.noiseSigma[0], r.noiseSigma[1]),
    ink: rng.uniform(0, 70),
    paper: rng.uniform(195, 255),
    bilevel: rng.next() < r.bilevelRate ? rng.uniform(r.bilevelThreshold[0], r.bilevelThreshold[1]) : null,
    align: rng.pick([0, 0.5, 0.5, 1]),
    ruling: { top: edge(), bottom: edge(), left: edge(), right: edge() },
    specks: rng.int(0, r.specksMax),
  }
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙'

export function toThaiDigits(ascii: string): string {
  return ascii.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!)
}

/** A number as it appears in report cells: mostly scores with two decimals, some years/counts. */
export function randomNumberText(rng: Rng): string {
  const r = rng.next()
  if (r < 0.6) {
    const v = rng.next() < 0.08 ? 100 : rng.next() < 0.05 ? 0 : rng.uniform(30, 100)
    return v.toFixed(2)
  }
  if (r < 0.75) return String(rng.int(2555, 2575))
  const n = rng.int(1, 6)
  let s = ''
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9))
  return s
}
