/**
 * Makes a clean rendered page look scanned: a small rotation (the sheet lay askew on the glass) and
 * shift, optical blur, paper tone and uneven lighting, ink that is not quite black, and sensor
 * noise. Pure and deterministic: the same image and seed give the same bytes.
 */

/** 8-bit greyscale raster, row-major, one byte per pixel (0 black, 255 white). */
export interface GreyImage {
  readonly width: number
  readonly height: number
  readonly data: Uint8Array
}

export interface DegradeOptions {
  /** Seeds every random choice; use a different seed per page. */
  readonly seed: number
  /** Largest rotation, either way. @default 1 */
  readonly maxSkewDegrees?: number
  /** Largest shift of the sheet, as a fraction of the page's width/height. @default 0.004 */
  readonly maxShift?: number
  /** How much of a 3x3 Gaussian blur to mix in (0 none, 1 full). @default 0.6 */
  readonly blur?: number
  /** Standard deviation of the added Gaussian noise, in grey levels. @default 2.5 */
  readonly noiseSigma?: number
  /** Grey level of blank paper. @default 244 */
  readonly paper?: number
  /** Grey level of solid ink. @default 28 */
  readonly ink?: number
  /** Brightness falloff across the page from the lit edge, in grey levels. @default 8 */
  readonly lightingFalloff?: number
}

/** What the random draws decided for one page, so callers can record or test them. */
export interface DegradeParams {
  readonly skewDegrees: number
  readonly shiftX: number
  readonly shiftY: number
}

export function degradePage(image: GreyImage, options: DegradeOptions): { image: GreyImage; params: DegradeParams } {
  const {
    seed,
    maxSkewDegrees = 1,
    maxShift = 0.004,
    blur = 0.6,
    noiseSigma = 2.5,
    paper = 244,
    ink = 28,
    lightingFalloff = 8,
  } = options
  checkImage(image)
  const random = mulberry32(seed)
  const params: DegradeParams = {
    skewDegrees: (random() * 2 - 1) * maxSkewDegrees,
    shiftX: Math.round((random() * 2 - 1) * maxShift * image.width),
    shiftY: Math.round((random() * 2 - 1) * maxShift * image.height),
  }
  const rotated = rotateAndShift(image, params)
  const blurred = blur > 0 ? mixBlur(rotated, blur) : rotated
  const lightAngle = random() * 2 * Math.PI
  const out = new Uint8Array(blurred.data.length)
  const normal = gaussian(random)
  const { width, height } = image
  const cx = Math.cos(lightAngle)
  const cy = Math.sin(lightAngle)
  const span = Math.abs(cx) * width + Math.abs(cy) * height
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x
      // 0 at the lit edge, 1 at the far edge
      const t = ((x - (cx < 0 ? width : 0)) * cx + (y - (cy < 0 ? height : 0)) * cy) / span
      const white = paper - lightingFalloff * t
      const v = ink + (blurred.data[i]! / 255) * (white - ink) + normal() * noiseSigma
      out[i] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v)
    }
  }
  return { image: { width, height, data: out }, params }
}

/** Rotates about the page centre (bilinear), then shifts; uncovered areas are white. */
export function rotateAndShift(image: GreyImage, p: DegradeParams): GreyImage {
  const { width, height, data } = image
  const out = new Uint8Array(width * height)
  const a = (p.skewDegrees * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const cx = (width - 1) / 2
  const cy = (height - 1) / 2
  for (let y = 0; y < height; y++) {
    const dy = y - p.shiftY - cy
    // inverse mapping: source = R(-a) * (dest - shift - centre) + centre
    let sx = cos * (0 - p.shiftX - cx) + sin * dy + cx
    let sy = -sin * (0 - p.shiftX - cx) + cos * dy + cy
    for (let x = 0; x < width; x++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx)
      const y0 = Math.floor(sy)
      const fx = sx - x0
      const fy = sy - y0
      const p00 = pixel(data, width, height, x0, y0)
      const p10 = pixel(data, width, height, x0 + 1, y0)
      const p01 = pixel(data, width, height, x0, y0 + 1)
      const p11 = pixel(data, width, height, x0 + 1, y0 + 1)
      const top = p00 + (p10 - p00) * fx
      const bottom = p01 + (p11 - p01) * fx
      out[y * width + x] = Math.round(top + (bottom - top) * fy)
    }
  }
  return { width, height, data: out }
}

function pixel(data: Uint8Array, width: number, height: number, x: number, y: number): number {
  return x < 0 || y < 0 || x >= width || y >= height ? 255 : data[y * width + x]!
}

/** out = (1 - amount) * image + amount * gauss3x3(image), edges clamped. */
export function mixBlur(image: GreyImage, amount: number): GreyImage {
  const { width, height, data } = image
  const out = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    const up = (y > 0 ? y - 1 : y) * width
    const mid = y * width
    const down = (y < height - 1 ? y + 1 : y) * width
    for (let x = 0; x < width; x++) {
      const l = x > 0 ? x - 1 : x
      const r = x < width - 1 ? x + 1 : x
      const g =
        (data[up + l]! + 2 * data[up + x]! + data[up + r]! +
          2 * data[mid + l]! + 4 * data[mid + x]! + 2 * data[mid + r]! +
          data[down + l]! + 2 * data[down + x]! + data[down + r]!) / 16
      out[mid + x] = Math.round(data[mid + x]! * (1 - amount) + g * amount)
    }
  }
  return { width, height, data: out }
}

/** A small, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Standard normal draws (Box-Muller, both values used). */
function gaussian(random: () => number): () => number {
  let spare: number | undefined
  return () => {
    if (spare !== undefined) {
      const v = spare
      spare = undefined
      return v
    }
    const u = 1 - random() // (0, 1]: log(0) is not allowed
    const r = Math.sqrt(-2 * Math.log(u))
    const theta = 2 * Math.PI * random()
    spare = r * Math.sin(theta)
    return r * Math.cos(theta)
  }
}

/** Seed for one page of one scan, so that pages (and the 200 and 300 dpi scans) differ. */
export function pageSeed(baseSeed: number, dpi: number, pageIndex: number): number {
  return (Math.imul(baseSeed ^ Math.imul(dpi, 0x9e3779b1), 0x85ebca6b) + Math.imul(pageIndex + 1, 0xc2b2ae35)) >>> 0
}

function checkImage(image: GreyImage): void {
  if (!Number.isInteger(image.width) || !Number.isInteger(image.height) || image.width < 1 || image.height < 1) {
    throw new TypeError(`Expected a positive integer image size, got ${image.width}x${image.height}`)
  }
  if (image.data.length !== image.width * image.height) {
    throw new TypeError(`Expected ${image.width * image.height} grey bytes for ${image.width}x${image.height}, got ${image.data.length}`)
  }
}
