/**
 * Decoding page images and cutting cells out of them, for callers that hold encoded bytes.
 * Decode a page once with `decodeImage` and crop many cells with `cropRaster`;
 * `readNumberFromImage` does both for a single cell.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { InputFileError } from '../../../errors.js'
import type { PixelBox, RasterCrop } from '../image.js'
import { type NumberReading, type ReadNumberOptions, readNumber } from './read-number.js'

/** Decode PNG or JPEG bytes into RGBA pixels. */
export async function decodeImage(bytes: Uint8Array): Promise<RasterCrop> {
  let image: Awaited<ReturnType<typeof loadImage>>
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  } catch (cause) {
    throw new InputFileError(`Cannot decode image (${bytes.byteLength} bytes): not a PNG or JPEG`, { stage: 'ocr', cause })
  }
  const canvas = createCanvas(image.width, image.height)
  const g = canvas.getContext('2d')
  g.drawImage(image, 0, 0)
  const { data } = g.getImageData(0, 0, image.width, image.height)
  return { data, width: image.width, height: image.height, channels: 4 }
}

/** Copy the pixels inside `bbox` (pixels, x1/y1 exclusive; clamped to the image). */
export function cropRaster(image: RasterCrop, bbox: PixelBox): RasterCrop {
  const x0 = Math.max(0, Math.floor(bbox.x0))
  const y0 = Math.max(0, Math.floor(bbox.y0))
  const x1 = Math.min(image.width, Math.ceil(bbox.x1))
  const y1 = Math.min(image.height, Math.ceil(bbox.y1))
  const width = Math.max(0, x1 - x0)
  const height = Math.max(0, y1 - y0)
  const c = image.channels
  const data = new Uint8Array(width * height * c)
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * image.width + x0) * c
    data.set(image.data.subarray(from, from + width * c), y * width * c)
  }
  return { data, width, height, channels: c }
}

/** Decode `bytes` (PNG/JPEG), crop `bbox` (pixels) and read the number in it. */
export async function readNumberFromImage(
  bytes: Uint8Array,
  bbox: PixelBox,
  options: ReadNumberOptions = {},
): Promise<NumberReading> {
  return readNumber(cropRaster(await decodeImage(bytes), bbox), options)
}
