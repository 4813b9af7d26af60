/**
 * Baseline JPEG encoder for 8-bit greyscale images (one component, as office scanners write in
 * grey mode), with the standard tables of ITU-T T.81 Annex K and IJG quality scaling. Written here
 * because canvas encoders only write three-component (YCbCr) JPEGs.
 */
import type { GreyImage } from './degrade-page.js'

// prettier-ignore
const LUMINANCE_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
  14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
  49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
]
// prettier-ignore
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
  12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
  58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
]
const DC_COUNTS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
const DC_SYMBOLS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
const AC_COUNTS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d]
// prettier-ignore
const AC_SYMBOLS = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
  0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0,
  0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
  0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49,
  0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69,
  0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
  0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
  0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5,
  0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
  0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
  0xf9, 0xfa,
]

interface HuffmanCode {
  readonly code: Uint16Array
  readonly length: Uint8Array
}

/** Canonical Huffman codes from a DHT-style (counts per length, symbols) table. */
function huffmanCodes(counts: readonly number[], symbols: readonly number[]): HuffmanCode {
  const code = new Uint16Array(256)
  const length = new Uint8Array(256)
  let next = 0
  let k = 0
  for (let bits = 1; bits <= 16; bits++) {
    for (let n = 0; n < counts[bits - 1]!; n++) {
      const symbol = symbols[k++]!
      code[symbol] = next++
      length[symbol] = bits
    }
    next <<= 1
  }
  return { code, length }
}

const DC_CODES = huffmanCodes(DC_COUNTS, DC_SYMBOLS)
const AC_CODES = huffmanCodes(AC_COUNTS, AC_SYMBOLS)

/** IJG quality scaling of the standard luminance table; values in natural (row-major) order. */
export function quantTable(quality: number): Uint8Array {
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw new TypeError(`Expected \`quality\` to be an integer from 1 to 100, got \`${quality}\``)
  }
  const scale = quality < 50 ? Math.floor(5000 / quality) : 200 - quality * 2
  return Uint8Array.from(LUMINANCE_QUANT, (q) => Math.min(255, Math.max(1, Math.floor((q * scale + 50) / 100))))
}

// cos((2x + 1) u pi / 16) * c(u) / 2, the separable 8-point DCT-II basis
const BASIS = (() => {
  const b = new Float64Array(64)
  for (let u = 0; u < 8; u++) {
    const c = u === 0 ? Math.SQRT1_2 : 1
    for (let x = 0; x < 8; x++) b[u * 8 + x] = (c / 2) * Math.cos(((2 * x + 1) * u * Math.PI) / 16)
  }
  return b
})()

class BitWriter {
  private bytes = new Uint8Array(1 << 16)
  private size = 0
  private acc = 0
  private bits = 0

  writeByte(b: number): void {
    if (this.size === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes)
      this.bytes = grown
    }
    this.bytes[this.size++] = b
  }

  writeBytes(bs: readonly number[]): void {
    for (const b of bs) this.writeByte(b)
  }

  /** Entropy-coded bits, MSB first, with 0xFF byte stuffing. */
  writeBits(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >>> i) & 1)
      if (++this.bits === 8) this.flushByte()
    }
  }

  /** Pads the last byte with 1-bits, as T.81 F.1.2.3 asks. */
  padToByte(): void {
    while (this.bits !== 0) this.writeBits(1, 1)
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.size)
  }

  private flushByte(): void {
    this.writeByte(this.acc)
    if (this.acc === 0xff) this.writeByte(0)
    this.acc = 0
    this.bits = 0
  }
}

/** Encodes a greyscale image as a baseline, single-component JFIF JPEG. */
export function encodeGreyJpeg(image: GreyImage, quality = 75): Uint8Array {
  const { width, height, data } = image
  if (width < 1 || height < 1 || width > 65535 || height > 65535 || data.length !== width * height) {
    throw new TypeError(`Expected a greyscale image of 1-65535 px a side, got ${width}x${height} with ${data.length} bytes`)
  }
  const quant = quantTable(quality)
  const w = new BitWriter()
  w.writeBytes([0xff, 0xd8]) // SOI
  w.writeBytes([0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]) // APP0 JFIF 1.1
  w.writeBytes([0xff, 0xdb, 0, 67, 0]) // DQT, table 0, 8-bit
  for (const z of ZIGZAG) w.writeByte(quant[z]!)
  w.writeBytes([0xff, 0xc0, 0, 11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]) // SOF0
  writeHuffmanTable(w, 0x00, DC_COUNTS, DC_SYMBOLS)
  writeHuffmanTable(w, 0x10, AC_COUNTS, AC_SYMBOLS)
  w.writeBytes([0xff, 0xda, 0, 8, 1, 1, 0x00, 0, 63, 0]) // SOS

  const block = new Float64Array(64)
  const rowPass = new Float64Array(64)
  const coeffs = new Int32Array(64)
  let previousDc = 0
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let y = 0; y < 8; y++) {
        const row = Math.min(by + y, height - 1) * width // edge pixels repeat into the padding
        for (let x = 0; x < 8; x++) block[y * 8 + x] = data[row + Math.min(bx + x, width - 1)]! - 128
      }
      forwardDct(block, rowPass)
      for (let k = 0; k < 64; k++) {
        const z = ZIGZAG[k]!
        coeffs[k] = Math.round(block[z]! / quant[z]!)
      }
      previousDc = encodeBlock(w, coeffs, previousDc)
    }
  }
  w.padToByte()
  w.writeBytes([0xff, 0xd9]) // EOI
  return w.result()
}

function writeHuffmanTable(w: BitWriter, classAndId: number, counts: readonly number[], symbols: readonly number[]): void {
  const length = 2 + 1 + 16 + symbols.length
  w.writeBytes([0xff, 0xc4, length >> 8, length & 0xff, classAndId, ...counts, ...symbols])
}

/** In-place 2D DCT-II of an 8x8 block (orthonormal x 8 scaling, as JPEG's FDCT). */
function forwardDct(block: Float64Array, tmp: Float64Array): void {
  for (let y = 0; y < 8; y++) {
    for (let u = 0; u < 8; u++) {
      let s = 0
      for (let x = 0; x < 8; x++) s += BASIS[u * 8 + x]! * block[y * 8 + x]!
      tmp[y * 8 + u] = s
    }
  }
  for (let u = 0; u < 8; u++) {
    for (let v = 0; v < 8; v++) {
      let s = 0
      for (let y = 0; y < 8; y++) s += BASIS[v * 8 + y]! * tmp[y * 8 + u]!
      block[v * 8 + u] = s
    }
  }
}

/** Huffman-codes one block of zigzag-ordered quantised coefficients; returns its DC value. */
function encodeBlock(w: BitWriter, coeffs: Int32Array, previousDc: number): number {
  const dc = coeffs[0]!
  const diff = dc - previousDc
  const dcSize = magnitudeBits(diff)
  w.writeBits(DC_CODES.code[dcSize]!, DC_CODES.length[dcSize]!)
  if (dcSize > 0) w.writeBits(amplitude(diff, dcSize), dcSize)
  let run = 0
  for (let k = 1; k < 64; k++) {
    const c = coeffs[k]!
    if (c === 0) {
      run++
      continue
    }
    while (run > 15) {
      w.writeBits(AC_CODES.code[0xf0]!, AC_CODES.length[0xf0]!) // ZRL
      run -= 16
    }
    const size = magnitudeBits(c)
    const symbol = (run << 4) | size
    w.writeBits(AC_CODES.code[symbol]!, AC_CODES.length[symbol]!)
    w.writeBits(amplitude(c, size), size)
    run = 0
  }
  if (run > 0) w.writeBits(AC_CODES.code[0x00]!, AC_CODES.length[0x00]!) // EOB
  return dc
}

function magnitudeBits(v: number): number {
  let a = Math.abs(v)
  let n = 0
  while (a > 0) {
    n++
    a >>= 1
  }
  return n
}

/** T.81 F.1.2.1: negative values are sent as v - 1 in `size` bits (one's complement). */
function amplitude(v: number, size: number): number {
  return v >= 0 ? v : v + (1 << size) - 1
}
