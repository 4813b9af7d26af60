/**
 * Size, type and resolution of a PNG, JPEG or TIFF image from its header alone: what an image
 * would cost to decode is known before it is decoded (a 2 MB PNG can decode to gigabytes).
 */
import type { PageImage } from '../../model/page-image.js'

export interface ImageInfo {
  readonly mime: PageImage['mime']
  readonly pixelWidth: number
  readonly pixelHeight: number
  /** Pixels per inch from the file, when it says. */
  readonly dpi?: number
}

export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  try {
    if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47) return pngInfo(bytes, view)
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegInfo(bytes, view)
    if ((bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d)) return tiffInfo(view)
  } catch {
    return undefined // read past the end: a truncated header
  }
  return undefined
}

function pngInfo(bytes: Uint8Array, view: DataView): ImageInfo {
  const pixelWidth = view.getUint32(16)
  const pixelHeight = view.getUint32(20)
  let dpi: number | undefined
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
    if (type === 'pHYs' && bytes[at + 16] === 1) dpi = Math.round(view.getUint32(at + 8) * 0.0254)
    if (type === 'IDAT' || type === 'IEND') break
    at += 12 + length
  }
  return { mime: 'image/png', pixelWidth, pixelHeight, ...(dpi ? { dpi } : {}) }
}

function jpegInfo(bytes: Uint8Array, view: DataView): ImageInfo | undefined {
  let dpi: number | undefined
  for (let at = 2; at + 4 <= bytes.length; ) {
    if (bytes[at] !== 0xff) return undefined
    const marker = bytes[at + 1]!
    if (marker === 0xff) {
      at++
      continue
    }
    const length = view.getUint16(at + 2)
    if (marker === 0xe0 && String.fromCharCode(...bytes.subarray(at + 4, at + 9)) === 'JFIF\0') {
      const units = bytes[at + 11]
      const density = view.getUint16(at + 12)
      if (units === 1) dpi = density
      else if (units === 2) dpi = Math.round(density * 2.54)
    }
    // SOF0-SOF15 except DHT (C4), JPG (C8), DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { mime: 'image/jpeg', pixelHeight: view.getUint16(at + 5), pixelWidth: view.getUint16(at + 7), ...(dpi ? { dpi } : {}) }
    }
    at += 2 + length
  }
  return undefined
}

function tiffInfo(view: DataView): ImageInfo | undefined {
  const little = view.getUint8(0) === 0x49
  if (view.getUint16(2, little) !== 42) return undefined
  const ifd = view.getUint32(4, little)
  const entries = view.getUint16(ifd, little)
  const tags = new Map<number, number>()
  let unit = 2 // inches
  for (let k = 0; k < entries; k++) {
    const at = ifd + 2 + k * 12
    const tag = view.getUint16(at, little)
    const type = view.getUint16(at + 2, little)
    let value: number
    if (type === 3) value = view.getUint16(at + 8, little)
    else if (type === 4) value = view.getUint32(at + 8, little)
    else if (type === 5) {
      const offset = view.getUint32(at + 8, little)
      value = view.getUint32(offset, little) / (view.getUint32(offset + 4, little) || 1)
    } else continue
    if (tag === 296) unit = value
    tags.set(tag, value)
  }
  const pixelWidth = tags.get(256)
  const pixelHeight = tags.get(257)
  if (pixelWidth === undefined || pixelHeight === undefined) return undefined
  const x = tags.get(282)
  const dpi = x === undefined || unit === 1 ? undefined : Math.round(unit === 3 ? x * 2.54 : x)
  return { mime: 'image/tiff', pixelWidth, pixelHeight, ...(dpi ? { dpi } : {}) }
}

