/**
 * The one raster module: grey page images and crops as plain typed arrays. Decode (via
 * @napi-rs/canvas), crop, pad, encode for tesseract; Otsu thresholds and the two binarisations
 * (`toBlackWhite` for pages, `toInkBitmapOrBlank` for the digit reader's cells); connected
 * components. Pixel operations stay in plain loops over Uint8Array: no canvas state, easy to test.
 */
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas'
import { InputFileError, InputTooLargeError, UnsupportedInputError } from '../../errors.js'
import { imageInfo } from '../ingest/image-info.js'
import { DEFAULT_INPUT_LIMITS, formatPixels } from '../ingest/limits.js'

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
export async function decodeToGrey(bytes: Uint8Array, label = 'image', maxPixels: number = DEFAULT_INPUT_LIMITS.maxPagePixels): Promise<GreyImage> {
  const info = imageInfo(bytes)
  // @napi-rs/canvas 0.1 crashes the process (segmentation fault) on any TIFF: never hand it one.
  if (info?.mime === 'image/tiff') throw new UnsupportedInputError(`${label}: TIFF page images cannot be decoded; convert the file to PNG first (e.g. \`convert scan.tif scan.png\`)`, { stage: 'ocr' })
  if (info && info.pixelWidth * info.pixelHeight > maxPixels) {
    const pixels = info.pixelWidth * info.pixelHeight
    throw new InputTooLargeError(`${label}: the page image is ${info.pixelWidth} x ${info.pixelHeight} px (${formatPixels(pixels)}), over the cap of ${formatPixels(maxPixels)} per page image`, { stage: 'ocr' })
  }
  let image: Awaited<ReturnType<typeof loadImage>>
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  } catch (cause) {
    throw new InputFileError(`${label}: cannot decode the page image (${(cause as Error).message})`, { stage: 'ocr', cause })
  }
  const { width, height } = image
  if (!width || !height) throw new InputFileError(`${label}: the page image is empty`, { stage: 'ocr' })
  if (width * height > maxPixels) throw new InputTooLargeError(`${label}: the page image is ${width} x ${height} px, over the cap of ${formatPixels(maxPixels)} per page image`, { stage: 'ocr' })
  return opaqueImageToGrey(image, width, height) ?? imageToGrey(image, width, height)
}

/** Rows drawn at a time by `opaqueImageToGrey`: a small canvas instead of two page-sized RGBA buffers. */
const STRIP_ROWS = 128

/**
 * The image's grey levels, drawn a strip of rows at a time; undefined as soon as a pixel is not
 * opaque. The canvas's own pixels are premultiplied RGBA: for opaque pixels (every scan; JPEG has
 * no alpha) the same as getImageData's, without its unpremultiplying copy.
 */
function opaqueImageToGrey(image: Image, width: number, height: number): GreyImage | undefined {
  const canvas = createCanvas(width, Math.min(STRIP_ROWS, height))
  const ctx = canvas.getContext('2d')
  const data = new Uint8Array(width * height)
  for (let y0 = 0; y0 < height; y0 += STRIP_ROWS) {
    const rows = Math.min(STRIP_ROWS, height - y0)
    ctx.clearRect(0, 0, width, rows)
    ctx.drawImage(image, 0, y0, width, rows, 0, 0, width, rows)
    if (!opaqueRgbaToGrey(canvas.data(), data.subarray(y0 * width, (y0 + rows) * width))) return undefined
  }
  return { data, width, height }
}

/** The image's grey levels from its exact (unpremultiplied) RGBA. */
function imageToGrey(image: Image, width: number, height: number): GreyImage {
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(image, 0, 0)
  return rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height)
}

export function rgbaToGrey(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height)
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const alpha = rgba[p + 3]!
    const luma = lumaOf(rgba[p]!, rgba[p + 1]!, rgba[p + 2]!)
    data[i] = alpha === 255 ? luma : Math.round((luma * alpha + 255 * (255 - alpha)) / 255)
  }
  return { data, width, height }
}

/**
 * `rgbaToGrey` of the first `out.length` pixels of `rgba` into `out`, for an image with no
 * transparency; false as soon as a pixel is not opaque.
 */
function opaqueRgbaToGrey(rgba: Uint8Array, out: Uint8Array): boolean {
  const n = out.length
  if (LITTLE_ENDIAN && rgba.byteOffset % 4 === 0) {
    // One word per pixel (R, G, B, A from the low byte up).
    const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, n)
    for (let i = 0; i < n; i++) {
      const rgbaWord = pixels[i]!
      const r = rgbaWord & 0xff
      // Grey scans decode to r = g = b, whose luma is that value (the weights sum to 65536).
      if (rgbaWord === (0xff000000 | (r * 0x010101)) >>> 0) out[i] = r
      else if (rgbaWord >>> 24 !== 0xff) return false
      else out[i] = lumaOf(r, (rgbaWord >>> 8) & 0xff, (rgbaWord >>> 16) & 0xff)
    }
    return true
  }
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    if (rgba[p + 3] !== 255) return false
    out[i] = lumaOf(rgba[p]!, rgba[p + 1]!, rgba[p + 2]!)
  }
  return true
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1

/** Luma in 16.16 fixed point (0.299, 0.587, 0.114): a page is millions of pixels. */
function lumaOf(r: number, g: number, b: number): number {
  return (19595 * r + 38470 * g + 7471 * b + 32768) >>> 16
}

/** Enlarges by `factor` (>= 1) with bilinear interpolation (small print read again larger). */
export function upscale(image: GreyImage, factor: number): GreyImage {
  if (!(factor >= 1)) throw new RangeError(`Expected \`factor\` >= 1, got \`${factor}\``)
  if (factor === 1) return image
  const width = Math.round(image.width * factor)
  const height = Math.round(image.height * factor)
  const data = new Uint8Array(width * height)
  const at = (x: number, y: number) => image.data[y * image.width + x]!
  for (let y = 0; y < height; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) / factor - 0.5))
    const y0 = Math.floor(fy), y1 = Math.min(image.height - 1, y0 + 1), ay = fy - y0
    for (let x = 0; x < width; x++) {
      const fx = Math.min(image.width - 1, Math.max(0, (x + 0.5) / factor - 0.5))
      const x0 = Math.floor(fx), x1 = Math.min(image.width - 1, x0 + 1), ax = fx - x0
      const top = at(x0, y0) * (1 - ax) + at(x1, y0) * ax
      const bottom = at(x0, y1) * (1 - ax) + at(x1, y1) * ax
      data[y * width + x] = Math.round(top * (1 - ay) + bottom * ay)
    }
  }
  return { ...image, width, height, data }
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
  const area = sx * sy
  // Per output column: the input columns it covers and their weights (the same for every row).
  const cols = spans(width, sx, image.width)
  const rows = spans(height, sy, image.height)
  // An output pixel is the sum, over the input rows it covers, of the row's weighted sum over the
  // covered columns times the row's weight. A row's weighted sums serve every output row that
  // covers it: computed once, and kept while the output rows moving down still need them.
  let rowsPerOutput = 0
  for (let y = 0; y < height; y++) rowsPerOutput = Math.max(rowsPerOutput, rows.start[y + 1]! - rows.start[y]!)
  const slots = rowsPerOutput + 1
  const sums = Array.from({ length: slots }, () => new Float64Array(width))
  const rowInSlot = new Int32Array(slots).fill(-1)
  const weightedRow = (row: number): Float64Array => {
    const slot = row % slots
    const out = sums[slot]!
    if (rowInSlot[slot] !== row) {
      coveredColumnSums(image.data, row * image.width, cols, out)
      rowInSlot[slot] = row
    }
    return out
  }
  const data = new Uint8Array(width * height)
  const covering: Float64Array[] = []
  for (let y = 0; y < height; y++) {
    const k0 = rows.start[y]!, k1 = rows.start[y + 1]!
    const out = y * width
    if (k1 - k0 === 2) {
      // Scaling by 2/3 (300 -> 200 dpi) covers two rows nearly everywhere.
      const a = weightedRow(rows.index[k0]!), b = weightedRow(rows.index[k0 + 1]!)
      const wa = rows.weight[k0]!, wb = rows.weight[k0 + 1]!
      for (let x = 0; x < width; x++) data[out + x] = Math.round((a[x]! * wa + b[x]! * wb) / area)
      continue
    }
    covering.length = 0
    for (let k = k0; k < k1; k++) covering.push(weightedRow(rows.index[k]!))
    for (let x = 0; x < width; x++) {
      let acc = 0
      for (let k = 0; k < covering.length; k++) acc += covering[k]![x]! * rows.weight[k0 + k]!
      data[out + x] = Math.round(acc / area)
    }
  }
  return { data, width, height }
}

/** For each output column, the weighted sum of the pixels it covers in the row starting at `rowAt`. */
function coveredColumnSums(src: Uint8Array, rowAt: number, cols: Spans, out: Float64Array): void {
  const { start, index, weight } = cols
  for (let x = 0; x < out.length; x++) {
    const j0 = start[x]!, j1 = start[x + 1]!
    if (j1 - j0 === 2) {
      out[x] = src[rowAt + index[j0]!]! * weight[j0]! + src[rowAt + index[j0 + 1]!]! * weight[j0 + 1]!
      continue
    }
    let sum = 0
    for (let j = j0; j < j1; j++) sum += src[rowAt + index[j]!]! * weight[j]!
    out[x] = sum
  }
}

/** Output pixel i covers input pixels index[start[i]..start[i+1]) with the given weights. */
interface Spans {
  readonly start: Int32Array
  readonly index: Int32Array
  readonly weight: Float64Array
}

function spans(count: number, scale: number, limit: number): Spans {
  const start = new Int32Array(count + 1)
  const index: number[] = []
  const weight: number[] = []
  for (let i = 0; i < count; i++) {
    start[i] = index.length
    const from = i * scale
    const to = Math.min(limit, from + scale)
    for (let p = Math.floor(from); p < to; p++) {
      const w = Math.min(to, p + 1) - Math.max(from, p)
      if (w > 0) {
        index.push(p)
        weight.push(w)
      }
    }
  }
  start[count] = index.length
  return { start, index: Int32Array.from(index), weight: Float64Array.from(weight) }
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
  const { data } = image
  // White (255) is never darker than a threshold up to 255: skipped four pixels at a time.
  const words = threshold <= 255 ? wordsOf(data) : undefined
  let n = 0
  for (let y = b.y0; y < b.y1; y++) {
    const end = y * image.width + b.x1
    if (words) {
      for (let i = skipWhite(data, words, end - (b.x1 - b.x0), end); i < end; i = skipWhite(data, words, i + 1, end)) if (data[i]! < threshold) n++
    } else for (let i = end - (b.x1 - b.x0); i < end; i++) if (data[i]! < threshold) n++
  }
  return n
}

/** Tightest box around pixels darker than `threshold` within `box`, or undefined if there are none. */
export function inkBox(image: GreyImage, box: PixelBox, threshold = 128): PixelBox | undefined {
  const b = clampBox(box, image.width, image.height)
  const data = image.data
  // White (255) is never darker than a threshold up to 255: skipped four pixels at a time.
  const words = threshold <= 255 ? wordsOf(data) : undefined
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1
  for (let y = b.y0; y < b.y1; y++) {
    const row = y * image.width
    // The row's leftmost ink, then its rightmost (searching back only as far as the leftmost).
    const end = row + b.x1
    let left = row + b.x0
    for (; left < end; left++) {
      if (words) left = skipWhite(data, words, left, end)
      if (left < end && data[left]! < threshold) break
    }
    if (left >= end) continue
    let right = end - 1
    while (data[right]! >= threshold) right--
    if (left - row < x0) x0 = left - row
    if (right - row > x1) x1 = right - row
    if (y < y0) y0 = y
    y1 = y
  }
  return x1 < 0 ? undefined : { x0, y0, x1: x1 + 1, y1: y1 + 1 }
}

/**
 * Stretches grey levels so the paper of this crop becomes white and its darkest ink black. Shaded
 * cells (grey table headers) otherwise meet the white margin around a crop in a hard edge that
 * tesseract reads as a line of its own. In place; returns the image.
 */
export function whitenBackground(image: GreyImage): GreyImage {
  const data = image.data
  const hist = greyHistogram(data)
  const total = data.length
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
  // Every pixel of one grey level maps alike: map the 256 levels once.
  const stretched = new Uint8Array(256)
  for (let v = 0; v < 256; v++) {
    const s = (v - ink) * scale
    stretched[v] = s >= 255 ? 255 : s <= 0 ? 0 : s
  }
  for (let i = 0; i < data.length; i++) data[i] = stretched[data[i]!]!
  return image
}

/**
 * The bytes of `data` as 4-pixel words over the same memory, for `skipWhite`; empty when `data`
 * does not start on a word boundary (then `skipWhite` goes pixel by pixel).
 */
export function wordsOf(data: Uint8Array): Uint32Array {
  return data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >>> 2) : NO_WORDS
}

const NO_WORDS = new Uint32Array(0)
const WHITE_WORD = 0xffffffff

/**
 * The first index in [from, end) whose pixel is not pure white (255), or `end`. Binarised pages
 * are about 90% white words, so loops that only care about ink jump over the paper four pixels at a time.
 */
export function skipWhite(data: Uint8Array, words: Uint32Array, from: number, end: number): number {
  let i = from
  if (words.length > 0) {
    while (i < end && (i & 3) !== 0) {
      if (data[i] !== 255) return i
      i++
    }
    if (i < end) {
      // i is on a word boundary; skip the white words that lie wholly before `end`.
      let w = i >>> 2
      const lastWord = end >>> 2
      while (w < lastWord && words[w] === WHITE_WORD) w++
      i = w * 4
    }
  }
  while (i < end && data[i] === 255) i++
  return i
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

/** Otsu's threshold of a page: the grey level that best separates ink from paper; 0 for a page of one grey level. */
export function otsuThresholdOrZero(image: GreyImage): number {
  return otsuSplit(image.data) ?? 0
}

/**
 * A page as a black-and-white grey image: 0 for ink (<= threshold), 255 for paper; by default
 * Otsu's threshold, or 0 (only pure black is ink) for a page of one grey level. See
 * `toInkBitmapOrBlank` for number cells.
 */
export function toBlackWhite(image: GreyImage, threshold = otsuThresholdOrZero(image)): GreyImage {
  const src = image.data
  const data = new Uint8Array(src.length)
  let done = 0
  if (Number.isInteger(threshold) && threshold >= 0 && threshold <= 255 && src.byteOffset % 4 === 0) {
    // Four pixels at a time: in each 16-bit lane, level + (255 - threshold) carries into bit 8
    // exactly when level > threshold (paper).
    const words = src.length >>> 2
    const from = new Uint32Array(src.buffer, src.byteOffset, words)
    const to = new Uint32Array(data.buffer, 0, words)
    const bias = (255 - threshold) * 0x00010001
    for (let i = 0; i < words; i++) {
      const w = from[i]!
      const even = (((w & 0x00ff00ff) + bias) >>> 8) & 0x00010001
      const odd = ((((w >>> 8) & 0x00ff00ff) + bias) >>> 8) & 0x00010001
      to[i] = (even * 255) | ((odd * 255) << 8)
    }
    done = words * 4
  }
  for (let i = done; i < data.length; i++) data[i] = src[i]! <= threshold ? 0 : 255
  return { data, width: image.width, height: image.height }
}

/** A crop as handed to the reader: grey (1 channel), grey+alpha (2), RGB (3) or RGBA (4). */
export interface RasterCrop {
  readonly data: Uint8Array | Uint8ClampedArray
  readonly width: number
  readonly height: number
  readonly channels: number
}

/**
 * An ink bitmap, 1 = ink, 0 = paper: the digit reader's binary crops (`toInkBitmapOrBlank`). A
 * page's binary image is a GreyImage of 0 (ink) and 255 (paper) instead (`toBlackWhite`).
 */
export interface Bitmap {
  readonly data: Uint8Array
  readonly width: number
  readonly height: number
}

export interface Component {
  /** Label in the label map (1-based). */
  readonly label: number
  readonly box: PixelBox
  readonly area: number
}

export function toGrey(crop: RasterCrop): GreyImage {
  const { data, width, height, channels } = crop
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new TypeError(`Expected integer crop width and height >= 0, got ${width}x${height}`)
  }
  if (![1, 2, 3, 4].includes(channels)) throw new TypeError(`Expected 1-4 channels, got \`${channels}\``)
  if (data.length < width * height * channels) {
    throw new TypeError(`Crop data too short: ${data.length} bytes for ${width}x${height}x${channels}`)
  }
  const out = new Uint8Array(width * height)
  if (channels === 1) {
    out.set(data.subarray(0, width * height))
    return { data: out, width, height }
  }
  for (let i = 0; i < width * height; i++) {
    const p = i * channels
    let v: number
    if (channels === 2) v = data[p]!
    else v = (data[p]! * 299 + data[p + 1]! * 587 + data[p + 2]! * 114) / 1000
    // Transparent pixels are paper (canvas exports are often RGBA with alpha 0 background).
    const alpha = channels === 2 ? data[p + 1]! : channels === 4 ? data[p + 3]! : 255
    out[i] = Math.round(255 - ((255 - v) * alpha) / 255)
  }
  return { data: out, width, height }
}

/** Pixels per grey level. */
export function greyHistogram(data: Uint8Array): Uint32Array {
  // Four partial histograms: consecutive pixels of one level (paper) would otherwise each wait
  // for the previous increment of the same counter.
  if (data.length < 4096) {
    const hist = new Uint32Array(256)
    for (let i = 0; i < data.length; i++) hist[data[i]!]!++
    return hist
  }
  const h0 = new Uint32Array(256), h1 = new Uint32Array(256), h2 = new Uint32Array(256), h3 = new Uint32Array(256)
  const quads = data.length - (data.length % 4)
  let i = 0
  for (; i < quads; i += 4) {
    h0[data[i]!]!++
    h1[data[i + 1]!]!++
    h2[data[i + 2]!]!++
    h3[data[i + 3]!]!++
  }
  for (; i < data.length; i++) h0[data[i]!]!++
  for (let v = 0; v < 256; v++) h0[v]! += h1[v]! + h2[v]! + h3[v]!
  return h0
}

/**
 * Otsu's threshold over the grey levels of `data`: the t that best separates ink (`v <= t`) from
 * paper. Undefined when there is nothing to separate (a single grey level); callers choose.
 */
export function otsuSplit(data: Uint8Array): number | undefined {
  return otsuFromHistogram(greyHistogram(data), data.length)
}

function otsuFromHistogram(hist: Uint32Array, total: number): number | undefined {
  let sumAll = 0
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!
  let sumB = 0
  let wB = 0
  let best = -1
  let threshold: number | undefined
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!
    if (wB === 0) continue
    const wF = total - wB
    if (wF === 0) break
    sumB += t * hist[t]!
    const mB = sumB / wB
    const mF = (sumAll - sumB) / wF
    const between = wB * wF * (mB - mF) * (mB - mF)
    if (between > best) {
      best = between
      threshold = t
    }
  }
  return threshold
}

export interface BinariseResult {
  readonly bitmap: Bitmap
  readonly threshold: number
  /** Grey-level spread between paper and ink; a near-blank crop has little. */
  readonly contrast: number
}

/**
 * A crop (a number cell) as an ink bitmap (1 = ink), by Otsu's threshold, or a blank bitmap when
 * the crop is near-blank: when the histogram has no real second mode (Otsu always splits
 * something; mid-grey for a single grey level), nothing is called ink. See `toBlackWhite` for pages.
 */
export function toInkBitmapOrBlank(img: GreyImage): BinariseResult {
  const hist = greyHistogram(img.data)
  const t = otsuFromHistogram(hist, img.data.length) ?? 127
  // Sums of whole numbers: the same whatever the order they are added in.
  let inkSum = 0
  let inkN = 0
  let paperSum = 0
  let paperN = 0
  for (let v = 0; v < 256; v++) {
    if (v <= t) {
      inkSum += v * hist[v]!
      inkN += hist[v]!
    } else {
      paperSum += v * hist[v]!
      paperN += hist[v]!
    }
  }
  const contrast = inkN && paperN ? paperSum / paperN - inkSum / inkN : 0
  const data = new Uint8Array(img.width * img.height)
  if (contrast >= 40) for (let i = 0; i < data.length; i++) data[i] = img.data[i]! <= t ? 1 : 0
  return { bitmap: { data, width: img.width, height: img.height }, threshold: t, contrast }
}

/** 8-connected components. Returns the label map (0 = paper) and one record per component. */
export function connectedComponents(bm: Bitmap): { labels: Int32Array; components: Component[] } {
  const { width: w, height: h, data } = bm
  const labels = new Int32Array(w * h)
  const components: Component[] = []
  const stack: number[] = []
  let next = 0
  for (let start = 0; start < w * h; start++) {
    if (!data[start] || labels[start]) continue
    const label = ++next
    labels[start] = label
    stack.push(start)
    let x0 = w
    let y0 = h
    let x1 = 0
    let y1 = 0
    let area = 0
    while (stack.length) {
      const p = stack.pop()!
      const x = p % w
      const y = (p - x) / w
      area++
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy
        if (ny < 0 || ny >= h) continue
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx
          if (nx < 0 || nx >= w) continue
          const q = ny * w + nx
          if (data[q] && !labels[q]) {
            labels[q] = label
            stack.push(q)
          }
        }
      }
    }
    components.push({ label, box: { x0, y0, x1: x1 + 1, y1: y1 + 1 }, area })
  }
  return { labels, components }
}

export const boxWidth = (b: PixelBox): number => b.x1 - b.x0
export const boxHeight = (b: PixelBox): number => b.y1 - b.y0


/** One step of erosion (a pixel stays ink when its four neighbours are ink): breaks thin joins. */
export function erode(bm: Bitmap): Bitmap {
  const { width: w, height: h, data } = bm
  const out = new Uint8Array(w * h)
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x
      out[i] = data[i] && data[i - 1] && data[i + 1] && data[i - w] && data[i + w] ? 1 : 0
    }
  }
  return { data: out, width: w, height: h }
}
