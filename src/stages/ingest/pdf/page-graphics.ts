/**
 * What a page draws besides text, from pdf.js's operator list: ruling lines (stroked axis-aligned
 * segments and thin filled rectangles, the two ways word processors and browsers draw table
 * borders) and where images are painted. Coordinates are top-left PDF points.
 */
import { OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { BBox } from '../../../model/document.js'
import { pdfjsCall } from './open-pdf.js'

export interface Rule {
  readonly orientation: 'h' | 'v'
  /** y of a horizontal rule, x of a vertical one. */
  readonly pos: number
  /** Extent along the rule: x range of a horizontal rule, y range of a vertical one. */
  readonly from: number
  readonly to: number
}

export interface PaintedImage {
  readonly bbox: BBox
  /** True when the image is drawn upright and unflipped (pixel rows run top to bottom on the page). */
  readonly upright: boolean
  readonly pixelWidth?: number
  readonly pixelHeight?: number
}

export interface PageGraphics {
  readonly rules: Rule[]
  readonly images: PaintedImage[]
  /** Number of painted paths, to tell a blank page from one drawn as vector outlines. */
  readonly paintedPaths: number
  /**
   * The clip boxes text was drawn under (the page's printable area, as browsers clip); undefined
   * when some text was drawn with no clip.
   */
  readonly textClips?: BBox[]
}

/** A filled rectangle thinner than this (points) is a rule, not a shaded box. */
const MAX_RULE_THICKNESS = 3
/** Segments within this many points of horizontal/vertical count as axis-aligned. */
const AXIS_TOLERANCE = 0.5
/** Rules shorter than this are glyph-like marks or dots, not borders. */
const MIN_RULE_LENGTH = 4

/** A PDF transformation matrix [a b c d e f]. */
export type Matrix = [number, number, number, number, number, number]
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

export function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied first, then n (PDF's row-vector convention: [x y 1] * m * n)
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ]
}

const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
const TEXT_OPS = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText])
const CLIP_OPS = new Set<number>([OPS.clip, OPS.eoClip])
const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintSolidColorImageMask])

export async function readPageGraphics(page: PDFPageProxy): Promise<PageGraphics> {
  const list = await pdfjsCall(() => page.getOperatorList())
  const viewport = page.getViewport({ scale: 1 })
  const toPage = viewport.transform as Matrix // PDF user space -> top-left points (handles /Rotate and the media box)
  const rules: Rule[] = []
  const images: PaintedImage[] = []
  let paintedPaths = 0
  let ctm: Matrix = IDENTITY
  let lineWidth = 1
  let fillVisible = true
  let strokeVisible = true
  let clip: BBox | undefined
  let clipping = false
  const textClips = new Map<string, BBox>()
  let unclippedText = false
  const stack: { ctm: Matrix; lineWidth: number; fillVisible: boolean; strokeVisible: boolean; clip: BBox | undefined }[] = []

  const point = (x: number, y: number): [number, number] => {
    const m = multiply(ctm, toPage)
    return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
  }

  for (let k = 0; k < list.fnArray.length; k++) {
    const fn = list.fnArray[k]!
    const args = list.argsArray[k] as unknown[] | null
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, lineWidth, fillVisible, strokeVisible, clip })
        break
      case OPS.restore: {
        const s = stack.pop()
        if (s) ({ ctm, lineWidth, fillVisible, strokeVisible, clip } = s)
        break
      }
      case OPS.transform:
        ctm = multiply(args as Matrix, ctm)
        break
      case OPS.paintFormXObjectBegin:
        stack.push({ ctm, lineWidth, fillVisible, strokeVisible, clip })
        if (Array.isArray(args?.[0])) ctm = multiply(args[0] as Matrix, ctm)
        break
      case OPS.paintFormXObjectEnd: {
        const s = stack.pop()
        if (s) ({ ctm, lineWidth, fillVisible, strokeVisible, clip } = s)
        break
      }
      case OPS.setLineWidth:
        lineWidth = Number(args?.[0] ?? 1)
        break
      case OPS.setFillRGBColor:
        fillVisible = !isNearWhite(args?.[0])
        break
      case OPS.setStrokeRGBColor:
        strokeVisible = !isNearWhite(args?.[0])
        break
      case OPS.constructPath: {
        const paintOp = Number(args?.[0])
        const data = (args?.[1] as ArrayLike<number>[] | undefined)?.[0]
        // W or W* comes before the path it clips to, and takes effect when the path is painted.
        const minMax = args?.[2] as ArrayLike<number> | null | undefined
        if (clipping && minMax) clip = intersect(clip, boxOf([point(minMax[0]!, minMax[1]!), point(minMax[2]!, minMax[3]!)]))
        clipping = false
        if (!data || paintOp === OPS.endPath) break
        paintedPaths++
        const subpaths = parsePath(data).map((sp) => sp.map(([x, y]) => point(x, y)))
        if (FILL_OPS.has(paintOp) && fillVisible) for (const sp of subpaths) rules.push(...rulesFromFilledShape(sp))
        if (STROKE_OPS.has(paintOp) && strokeVisible) {
          const scale = Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])) || 1
          if (lineWidth * scale <= MAX_RULE_THICKNESS * 2) {
            const closes = paintOp !== OPS.stroke
            for (const sp of subpaths) rules.push(...rulesFromPolyline(sp, closes))
          }
        }
        break
      }
      default:
        if (CLIP_OPS.has(fn)) clipping = true
        else if (TEXT_OPS.has(fn)) {
          if (clip) textClips.set(clip.x0.toFixed(1) + clip.y0.toFixed(1) + clip.x1.toFixed(1) + clip.y1.toFixed(1), clip)
          else unclippedText = true
        } else if (IMAGE_OPS.has(fn)) {
          const corners = [point(0, 0), point(1, 0), point(0, 1), point(1, 1)]
          const xs = corners.map((p) => p[0])
          const ys = corners.map((p) => p[1])
          const m = multiply(ctm, toPage)
          // Image space: row 0 is at unit-square y=1. Upright when that maps to the top of the page.
          const upright = Math.abs(m[1]) < 1e-6 && Math.abs(m[2]) < 1e-6 && m[0] > 0 && m[3] < 0
          const info = args?.[0] as { width?: number; height?: number } | string | undefined
          images.push({
            bbox: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
            upright,
            ...(fn === OPS.paintImageXObject && typeof args?.[1] === 'number' ? { pixelWidth: args[1] as number, pixelHeight: args[2] as number } : {}),
            ...(typeof info === 'object' && info?.width ? { pixelWidth: info.width, pixelHeight: info.height } : {}),
          })
        }
    }
  }
  return { rules, images, paintedPaths, ...(!unclippedText && textClips.size > 0 && { textClips: [...textClips.values()] }) }
}

function boxOf(points: readonly [number, number][]): BBox {
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }
}

function intersect(a: BBox | undefined, b: BBox): BBox {
  if (!a) return b
  return { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) }
}

/**
 * Runs drawn under a clip that hides them (their centre outside every box text was clipped to):
 * a line a browser printed across a page break leaves the tops of its glyphs at the foot of the
 * first page, drawn but clipped away.
 */
export function clippedAway<T extends { readonly bbox: BBox }>(runs: readonly T[], textClips: readonly BBox[] | undefined): Set<T> {
  if (!textClips) return new Set()
  const visible = (b: BBox): boolean => {
    const [x, y] = [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2]
    return textClips.some((c) => x >= c.x0 && x <= c.x1 && y >= c.y0 && y <= c.y1)
  }
  return new Set(runs.filter((r) => !visible(r.bbox)))
}

/** pdf.js 5 path data: DrawOPS codes (0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath) followed by their coordinates. */
function parsePath(data: ArrayLike<number>): [number, number][][] {
  const subpaths: [number, number][][] = []
  let current: [number, number][] = []
  let i = 0
  while (i < data.length) {
    const op = data[i++]
    if (op === 0) {
      if (current.length > 0) subpaths.push(current)
      current = [[data[i]!, data[i + 1]!]]
      i += 2
    } else if (op === 1) {
      current.push([data[i]!, data[i + 1]!])
      i += 2
    } else if (op === 2) {
      current.push([Number.NaN, Number.NaN], [data[i + 4]!, data[i + 5]!]) // a curve breaks straight runs
      i += 6
    } else if (op === 3) {
      current.push([Number.NaN, Number.NaN], [data[i + 2]!, data[i + 3]!])
      i += 4
    } else if (op === 4) {
      if (current.length > 0) current.push(current[0]!)
    } else break
  }
  if (current.length > 0) subpaths.push(current)
  return subpaths
}

function rulesFromPolyline(points: [number, number][], _closes: boolean): Rule[] {
  const out: Rule[] = []
  for (let k = 1; k < points.length; k++) {
    const [x0, y0] = points[k - 1]!
    const [x1, y1] = points[k]!
    if ([x0, y0, x1, y1].some(Number.isNaN)) continue
    if (Math.abs(y0 - y1) <= AXIS_TOLERANCE && Math.abs(x1 - x0) >= MIN_RULE_LENGTH) {
      out.push({ orientation: 'h', pos: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) })
    } else if (Math.abs(x0 - x1) <= AXIS_TOLERANCE && Math.abs(y1 - y0) >= MIN_RULE_LENGTH) {
      out.push({ orientation: 'v', pos: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) })
    }
  }
  return out
}

/** A filled axis-aligned rectangle: a rule if thin, otherwise its four edges (a bordered box drawn as a fill). */
function rulesFromFilledShape(points: [number, number][]): Rule[] {
  const finite = points.filter(([x, y]) => !Number.isNaN(x) && !Number.isNaN(y))
  if (finite.length < 4 || finite.length > 6) return []
  const xs = finite.map((p) => p[0])
  const ys = finite.map((p) => p[1])
  const x0 = Math.min(...xs)
  const x1 = Math.max(...xs)
  const y0 = Math.min(...ys)
  const y1 = Math.max(...ys)
  const axisAligned = finite.every(([x, y]) => (Math.abs(x - x0) <= AXIS_TOLERANCE || Math.abs(x - x1) <= AXIS_TOLERANCE) && (Math.abs(y - y0) <= AXIS_TOLERANCE || Math.abs(y - y1) <= AXIS_TOLERANCE))
  if (!axisAligned) return []
  const w = x1 - x0
  const h = y1 - y0
  if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) return [{ orientation: 'h', pos: (y0 + y1) / 2, from: x0, to: x1 }]
  if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) return [{ orientation: 'v', pos: (x0 + x1) / 2, from: y0, to: y1 }]
  return [] // a shaded area: its colour change is not a border
}

function isNearWhite(color: unknown): boolean {
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return false
  const channels = [1, 3, 5].map((k) => parseInt(color.slice(k, k + 2), 16))
  return channels.every((c) => c >= 0xf0)
}
