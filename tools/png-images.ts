/**
 * Page images made in code, for the hostile-input tests: any size, bit depth and colour type,
 * small on disk however many pixels they hold (rows of one colour deflate to almost nothing).
 */
import { crc32, createDeflate } from 'node:zlib'

export interface PngSpec {
  readonly width: number
  readonly height: number
  /** 1, 2, 4, 8 or 16. @default 8 */
  readonly bitDepth?: number
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. @default 0 */
  readonly colorType?: number
  /** The byte every pixel row is filled with. @default 0xff (white) */
  readonly fill?: number
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
  return Buffer.concat([head, data, crc])
}

/** A PNG of one colour, deflated as a stream: a 30000 x 30000 image needs a few MB of memory. */
export async function makePng(spec: PngSpec): Promise<Buffer> {
  const { width, height, bitDepth = 8, colorType = 0, fill = 0xff } = spec
  const rowBytes = 1 + Math.ceil((width * CHANNELS[colorType]! * bitDepth) / 8)
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.writeUInt8(bitDepth, 8)
  ihdr.writeUInt8(colorType, 9)
  const row = Buffer.alloc(rowBytes, fill)
  row[0] = 0 // filter: none
  const rowsPerBatch = Math.max(1, Math.min(height, Math.floor((8 << 20) / rowBytes)))
  const batch = Buffer.concat(Array.from({ length: rowsPerBatch }, () => row))
  const idat = await deflateRepeated(batch, rowBytes, height)
  const plte = colorType === 3 ? [chunk('PLTE', Buffer.from([0, 0, 0, 255, 255, 255]))] : []
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), ...plte, chunk('IDAT', idat), chunk('IEND', new Uint8Array())])
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** One zlib stream of `rows` rows taken from `batch` (which holds whole rows), written batch by batch. */
export function deflateRepeated(batch: Buffer, rowBytes: number, rows: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflate({ level: 9 })
    const out: Buffer[] = []
    deflate.on('data', (b: Buffer) => out.push(b))
    deflate.on('end', () => resolve(Buffer.concat(out)))
    deflate.on('error', reject)
    const perBatch = batch.length / rowBytes
    let left = rows
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, perBatch)
        left -= n
        if (!deflate.write(batch.subarray(0, n * rowBytes))) return void deflate.once('drain', pump)
      }
      deflate.end()
    }
    pump()
  })
}
