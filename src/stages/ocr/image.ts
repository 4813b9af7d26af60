/**
 * Grey page images as plain typed arrays: decode (via @napi-rs/canvas), crop, pad, encode for
 * tesseract. Pixel operations stay in plain loops over Uint8Array: no canvas state, easy to test.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { InputFileError } from '../../errors.js'

/** One byte per pixel, 0 = black, 255 = white, row-major. */
export interface GreyImage {
  readonly data: Uint8Array
  readonly width: number
  readonly height: number
}

/** Pixel rectangle, x1/y1 exclusive, origin top-left. */
export interface PixelBox {
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
}

export function blankImage(width: number, height: number, value = 255): GreyImage {
  return { data: new Uint8Array(width * height).fill(value), width, height }
}

/** Decode PNG/JPEG/TIFF... bytes to grey (ITU-R BT.601 luma; transparent pixels become white). */
export async function decodeToGrey(bytes: Uint8Array, label = 'image'): Promise<GreyImage> {
  let image: Awaited<ReturnType<typeof loadImage>>
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  } catch (cause) {
    throw new InputFileError(`${label}: cannot decode the page image (${(cause as Error).message})`, { stage: 'ocr', cause })
  }
  const { width, height } = image
  if (!width || !height) throw new InputFileError(`${label}: the page image is empty`, { stage: 'ocr' })
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(image, 0, 0)
  return rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height)
}

export function rgbaToGrey(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height)
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const alpha = rgba[p + 3]!
    // Luma in 16.16 fixed point (0.299, 0.587, 0.114): a page is millions of pixels, almost all opaque.
    const luma = (19595 * rgba[p]! + 38470 * rgba[p + 1]! + 7471 * rgba[p + 2]! + 32768) >>> 16
    data[i] = alpha === 255 ? luma : Math.round((luma * alpha + 255 * (255 - alpha)) / 255)
  }
  return { data, width, height }
}

/**
 * Shrinks by `factor` (0-1] with area averaging: each output pixel is the mean of the input
 * pixels it covers, weighted by how much of each it covers, so thin strokes fade rather than vanish.
 */
export function downscale(image: GreyImage, factor: number): GreyImage {
  if (!(factor > 0 && factor <= 1)) throw new RangeError(`Expected \`factor\` in (0, 1], got \`${factor}\``)
  if (factor === 1) return image
  const width = Math.max(1, Math.round(image.width * factor))
  const height = Math.max(1, Math.round(image.height * factor))
  const sx = image.width / width
  const sy = image.height / height
  // Per output column: the input columns it covers and their weights (the same for every row).
  const cols = spans(width, sx, image.width)
  const rows = spans(height, sy, image.height)
  const data = new Uint8Array(width * height)
  const acc = new Float64Array(width)
  for (let y = 0; y < height; y++) {
    acc.fill(0)
    const row = rows[y]!
    for (let k = 0; k < row.index.length; k++) {
      const src = row.index[k]! * image.width
      const wy = row.weight[k]!
      for (let x = 0; x < width; x++) {
        const col = cols[x]!
        let sum = 0
        for (let j = 0; j < col.index.length; j++) sum += image.data[src + col.index[j]!]! * col.weight[j]!
        acc[x]! += sum * wy
      }
    }
    for (let x = 0; x < width; x++) data[y * width + x] = Math.round(acc[x]! / (sx * sy))
  }
  return { data, width, height }
}

function spans(count: number, scale: number, limit: number): { index: number[]; weight: number[] }[] {
  return Array.from({ length: count }, (_, i) => {
    const from = i * scale
    const to = Math.min(limit, from + scale)
    const index: number[] = []
    const weight: number[] = []
    for (let p = Math.floor(from); p < to; p++) {
      const w = Math.min(to, p + 1) - Math.max(from, p)
      if (w > 0) {
        index.push(p)
        weight.push(w)
      }
    }
    return { index, weight }
  })
}

/** Binary PGM (P5): tesseract's Leptonica reads it directly, and it costs nothing to encode. */
export function encodePgm(image: GreyImage): Uint8Array {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1')
  const out = new Uint8Array(header.length + image.data.length)
  out.set(header, 0)
  out.set(image.data, header.length)
  return out
}

/** PNG, for artifacts and debugging. */
export function encodePng(image: GreyImage): Uint8Array {
  const canvas = createCanvas(image.width, image.height)
  const ctx = canvas.getContext('2d')
  const rgba = ctx.createImageData(image.width, image.height)
  for (let i = 0, p = 0; i < image.data.length; i++, p += 4) {
    const v = image.data[i]!
    rgba.data[p] = v
    rgba.data[p + 1] = v
    rgba.data[p + 2] = v
    rgba.data[p + 3] = 255
  }
  ctx.putImageData(rgba, 0, 0)
  return canvas.toBuffer('image/png')
}

export function clampBox(box: PixelBox, width: number, height: number): PixelBox {
  const x0 = Math.max(0, Math.min(width, Math.floor(box.x0)))
  const y0 = Math.max(0, Math.min(height, Math.floor(box.y0)))
  return {
    x0,
    y0,
    x1: Math.max(x0, Math.min(width, Math.ceil(box.x1))),
    y1: Math.max(y0, Math.min(height, Math.ceil(box.y1))),
  }
}

/** Copy of `box` (clamped to the image) surrounded by `margin` white pixels. */
export function cropWithMargin(image: GreyImage, box: PixelBox, margin: number): GreyImage {
  const b = clampBox(box, image.width, image.height)
  const w = b.x1 - b.x0
  const h = b.y1 - b.y0
  const out = blankImage(w + 2 * margin, h + 2 * margin)
  for (let y = 0; y < h; y++) {
    const src = (b.y0 + y) * image.width + b.x0
    out.data.set(image.data.subarray(src, src + w), (y + margin) * out.width + margin)
  }
  return out
}

/** Paint `box` white (in place). */
export function whiten(image: GreyImage, box: PixelBox): void {
  const b = clampBox(box, image.width, image.height)
  for (let y = b.y0; y < b.y1; y++) image.data.fill(255, y * image.width + b.x0, y * image.width + b.x1)
}

/** Count of pixels darker than `threshold` inside `box`. */
export function darkPixels(image: GreyImage, box: PixelBox, threshold = 128): number {
  const b = clampBox(box, image.width, image.height)
  let n = 0
  for (let y = b.y0; y < b.y1; y++) {
    const row = y * image.width
    for (let x = b.x0; x < b.x1; x++) if (image.data[row + x]! < threshold) n++
  }
  return n
}

/** Tightest box around pixels darker than `threshold` within `box`, or undefined if there are none. */
export function inkBox(image: GreyImage, box: PixelBox, threshold = 128): PixelBox | undefined {
  const b = clampBox(box, image.width, image.height)
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1
  for (let y = b.y0; y < b.y1; y++) {
    const row = y * image.width
    for (let x = b.x0; x < b.x1; x++) {
      if (image.data[row + x]! < threshold) {
        if (x < x0) x0 = x
        if (x > x1) x1 = x
        if (y < y0) y0 = y
        if (y > y1) y1 = y
      }
    }
  }
  return x1 < 0 ? undefined : { x0, y0, x1: x1 + 1, y1: y1 + 1 }
}

/**
 * Stretches grey levels so the paper of this crop becomes white and its darkest ink black. Shaded
 * cells (grey table headers) otherwise meet the white margin around a crop in a hard edge that
 * tesseract reads as a line of its own. In place; returns the image.
 */
export function whitenBackground(image: GreyImage): GreyImage {
  const hist = new Uint32Array(256)
  for (let i = 0; i < image.data.length; i++) hist[image.data[i]!]!++
  const total = image.data.length
  const level = (share: number) => {
    let seen = 0
    for (let v = 0; v < 256; v++) {
      seen += hist[v]!
      if (seen >= share * total) return v
    }
    return 255
  }
  const paper = level(0.6)
  const ink = level(0.01)
  if (paper >= 245 || paper - ink < 40) return image
  const scale = 255 / (paper - ink)
  for (let i = 0; i < image.data.length; i++) {
    const v = (image.data[i]! - ink) * scale
    image.data[i] = v >= 255 ? 255 : v <= 0 ? 0 : v
  }
  return image
}

/** `b` grown by `by` pixels on every side. */
export function expand(b: PixelBox, by: number): PixelBox {
  return { x0: b.x0 - by, y0: b.y0 - by, x1: b.x1 + by, y1: b.y1 + by }
}

/** `b` shrunk by `by` pixels on every side (never inverted). */
export function shrink(b: PixelBox, by: number): PixelBox {
  return { x0: b.x0 + by, y0: b.y0 + by, x1: Math.max(b.x0 + by, b.x1 - by), y1: Math.max(b.y0 + by, b.y1 - by) }
}

export function intersect(a: PixelBox, b: PixelBox): PixelBox {
  const x0 = Math.max(a.x0, b.x0), y0 = Math.max(a.y0, b.y0)
  return { x0, y0, x1: Math.max(x0, Math.min(a.x1, b.x1)), y1: Math.max(y0, Math.min(a.y1, b.y1)) }
}

export function union(a: PixelBox, b: PixelBox): PixelBox {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) }
}

export function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0
}
