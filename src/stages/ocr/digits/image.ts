/**
 * Small raster helpers for the digit reader: grey conversion, Otsu binarisation and connected
 * components. Pure functions over typed arrays; no canvas needed.
 */

/** A crop as handed to the reader: grey (1 channel), grey+alpha (2), RGB (3) or RGBA (4). */
export interface RasterCrop {
  readonly data: Uint8Array | Uint8ClampedArray
  readonly width: number
  readonly height: number
  readonly channels: number
}

/** 8-bit grey image, 0 = black ink, 255 = white paper. */
export interface GreyImage {
  readonly data: Uint8Array
  readonly width: number
  readonly height: number
}

/** 1 = ink, 0 = paper. */
export interface Bitmap {
  readonly data: Uint8Array
  readonly width: number
  readonly height: number
}

export interface Box {
  x0: number
  y0: number
  /** Exclusive. */
  x1: number
  /** Exclusive. */
  y1: number
}

export interface Component {
  /** Label in the label map (1-based). */
  readonly label: number
  readonly box: Box
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

/** Otsu's threshold for a crop; mid-grey when the crop is a single grey level. */
export function otsuThreshold(img: GreyImage): number {
  return otsuSplit(img.data) ?? 127
}

export interface BinariseResult {
  readonly bitmap: Bitmap
  readonly threshold: number
  /** Grey-level spread between paper and ink; a near-blank crop has little. */
  readonly contrast: number
}

/**
 * Otsu binarisation with a guard for blank crops: when the histogram has no real second mode
 * (Otsu always splits something), nothing is called ink.
 */
export function binarise(img: GreyImage): BinariseResult {
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

export function unionBox(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) }
}

export const boxWidth = (b: Box): number => b.x1 - b.x0
export const boxHeight = (b: Box): number => b.y1 - b.y0


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
