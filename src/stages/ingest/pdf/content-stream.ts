/**
 * A small PDF content-stream tokeniser: just enough to list marked-content operators
 * (BMC / BDC / EMC) with their property dictionaries, and the form XObjects a page paints (Do).
 * pdf.js drops `/ActualText` from marked content, and Chromium (Skia) puts the Unicode text of
 * shaped Thai clusters (stacked tone marks, sara am) only there; see `actual-text.ts`.
 */

export type PdfValue =
  | number
  | boolean
  | null
  | { readonly name: string }
  | { readonly bytes: Uint8Array }
  | PdfValue[]
  | { readonly dict: Map<string, PdfValue> }

export interface ContentOp {
  readonly op: string
  readonly operands: PdfValue[]
}

/** Byte classes: 1 white space, 2 delimiter, 0 regular. */
const CLASS = new Uint8Array(256)
for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[b] = 1
for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[b] = 2
const WHITESPACE = { has: (b: number): boolean => CLASS[b] === 1 }

const isRegular = (b: number): boolean => CLASS[b] === 0

/** Tokenises a decoded content stream into operators with their operands. Never throws on junk. */
export function parseContentStream(data: Uint8Array): ContentOp[] {
  const ops: ContentOp[] = []
  let operands: PdfValue[] = []
  let i = 0

  const skipSpace = (): void => {
    while (i < data.length) {
      const b = data[i]!
      if (WHITESPACE.has(b)) i++
      else if (b === 0x25) while (i < data.length && data[i] !== 0x0a && data[i] !== 0x0d) i++
      else break
    }
  }

  const readValue = (): PdfValue | { readonly keyword: string } | undefined => {
    skipSpace()
    if (i >= data.length) return undefined
    const b = data[i]!
    if (b === 0x2f) {
      i++
      const start = i
      while (i < data.length && isRegular(data[i]!)) i++
      return { name: decodeName(data.subarray(start, i)) }
    }
    if (b === 0x28) return { bytes: readLiteralString() }
    if (b === 0x3c) {
      if (data[i + 1] === 0x3c) {
        i += 2
        const dict = new Map<string, PdfValue>()
        for (;;) {
          skipSpace()
          if (i >= data.length) break
          if (data[i] === 0x3e && data[i + 1] === 0x3e) {
            i += 2
            break
          }
          const key = readValue()
          const value = readValue()
          if (key === undefined || value === undefined) break
          if (typeof key === 'object' && key !== null && 'name' in key) dict.set(key.name, asValue(value))
        }
        return { dict }
      }
      return { bytes: readHexString() }
    }
    if (b === 0x5b) {
      i++
      const items: PdfValue[] = []
      for (;;) {
        skipSpace()
        if (i >= data.length) break
        if (data[i] === 0x5d) {
          i++
          break
        }
        const v = readValue()
        if (v === undefined) break
        items.push(asValue(v))
      }
      return items
    }
    if (b === 0x3e || b === 0x5d || b === 0x29 || b === 0x7b || b === 0x7d) {
      i++ // stray delimiter
      return readValue()
    }
    const start = i
    while (i < data.length && isRegular(data[i]!)) i++
    const word = String.fromCharCode(...data.subarray(start, i))
    if ((b >= 0x30 && b <= 0x39) || b === 0x2b || b === 0x2d || b === 0x2e) {
      const n = Number(word)
      return Number.isNaN(n) ? 0 : n
    }
    if (word === 'true') return true
    if (word === 'false') return false
    if (word === 'null') return null
    return { keyword: word }
  }

  const readLiteralString = (): Uint8Array => {
    i++ // (
    const out: number[] = []
    let depth = 1
    while (i < data.length) {
      const b = data[i++]!
      if (b === 0x5c) {
        const e = data[i++]
        if (e === undefined) break
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c }
        if (e in simple) out.push(simple[e]!)
        else if (e >= 0x30 && e <= 0x37) {
          let n = e - 0x30
          for (let k = 0; k < 2 && data[i]! >= 0x30 && data[i]! <= 0x37; k++) n = n * 8 + (data[i++]! - 0x30)
          out.push(n & 0xff)
        } else if (e === 0x0d) {
          if (data[i] === 0x0a) i++
        } else if (e !== 0x0a) out.push(e)
      } else if (b === 0x28) {
        depth++
        out.push(b)
      } else if (b === 0x29) {
        if (--depth === 0) break
        out.push(b)
      } else out.push(b)
    }
    return Uint8Array.from(out)
  }

  const readHexString = (): Uint8Array => {
    i++ // <
    const out: number[] = []
    let high = -1
    while (i < data.length && data[i] !== 0x3e) {
      const nibble = hexValue(data[i++]!)
      if (nibble < 0) continue
      if (high < 0) high = nibble
      else {
        out.push(high * 16 + nibble)
        high = -1
      }
    }
    if (high >= 0) out.push(high * 16)
    i++ // >
    return Uint8Array.from(out)
  }

  /** Skips inline image data: `BI <dict> ID <binary> EI`. */
  const skipInlineImage = (): void => {
    // operands up to ID were read as values; now skip one whitespace then binary until `EI` between whitespace.
    i++
    while (i < data.length) {
      if (data[i] === 0x45 && data[i + 1] === 0x49 && WHITESPACE.has(data[i - 1]!) && (i + 2 >= data.length || !isRegular(data[i + 2]!))) {
        i += 2
        return
      }
      i++
    }
  }

  for (;;) {
    const v = readValue()
    if (v === undefined) break
    if (typeof v === 'object' && v !== null && 'keyword' in v) {
      if (v.keyword === 'ID') {
        skipInlineImage()
        operands = []
        continue
      }
      ops.push({ op: v.keyword, operands })
      operands = []
    } else {
      operands.push(v)
    }
  }
  return ops
}

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30
  if (b >= 0x61 && b <= 0x66) return b - 0x57
  if (b >= 0x41 && b <= 0x46) return b - 0x37
  return -1
}

function asValue(v: PdfValue | { readonly keyword: string }): PdfValue {
  return typeof v === 'object' && v !== null && 'keyword' in v ? null : v
}

function decodeName(raw: Uint8Array): string {
  return Buffer.from(raw)
    .toString('latin1')
    .replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
}

/** A PDF text string: UTF-16BE with a byte-order mark, UTF-8 with one (PDF 2.0), or PDFDocEncoding (close to Latin-1). */
export function decodePdfTextString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2))
    const even = swapped.length - (swapped.length % 2)
    const out = Buffer.alloc(even)
    for (let k = 0; k < even; k += 2) {
      out[k] = swapped[k + 1]!
      out[k + 1] = swapped[k]!
    }
    return out.toString('utf16le')
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Buffer.from(bytes.subarray(3)).toString('utf8')
  return Buffer.from(bytes).toString('latin1')
}
