/**
 * The text of a transcript file, whatever its encoding: UTF-8, UTF-16 (with a byte-order mark,
 * or recognised by its zero bytes), or TIS-620 / Windows-874, still common in Thai offices.
 * An encoding is only guessed when the bytes leave no real doubt; otherwise the file is refused
 * with a hint, never read as mojibake.
 */
import { EmptyInputError, UnsupportedInputError } from '../../errors.js'
import type { TextEncoding } from '../../model/document.js'

export interface DecodedText {
  readonly text: string
  readonly encoding: TextEncoding
}

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new EmptyInputError(`${file}: the file is empty`, { file, stage: 'ingest' })
  }
  const encoding = byteOrderMark(bytes) ?? utf16WithoutMark(bytes)
  if (encoding) return { text: decodeStrict(bytes, encoding, file), encoding }
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new UnsupportedInputError(`${file}: this is a binary file, not a text transcript (use a .pdf, .txt, .md or .html file)`, { file, stage: 'ingest' })
  }
  try {
    return { text: stripMark(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' }
  } catch {
    // Not UTF-8: perhaps a Thai legacy encoding.
  }
  if (looksLikeWindows874(bytes)) return { text: new TextDecoder('windows-874').decode(bytes), encoding: 'windows-874' }
  if (looksLikeThaiUtf8(bytes)) {
    throw new UnsupportedInputError(`${file}: the transcript is damaged UTF-8 text (a byte sequence is not valid UTF-8)`, { file, stage: 'ingest' })
  }
  throw new UnsupportedInputError(
    `${file}: the transcript is not UTF-8, UTF-16 or TIS-620/Windows-874 text; convert it to UTF-8 first (e.g. iconv -f <encoding> -t UTF-8)`,
    { file, stage: 'ingest' },
  )
}

function byteOrderMark(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return undefined
}

const stripMark = (text: string) => text.replace(/^\uFEFF/, '')

function decodeStrict(bytes: Uint8Array, encoding: TextEncoding, file: string): string {
  try {
    return stripMark(new TextDecoder(encoding, { fatal: true }).decode(bytes))
  } catch (cause) {
    throw new UnsupportedInputError(`${file}: the transcript is damaged ${encoding.toUpperCase()} text (a byte sequence is not valid ${encoding.toUpperCase()})`, {
      file,
      stage: 'ingest',
      cause,
    })
  }
}

/**
 * UTF-16 without a byte-order mark: Thai and ASCII text put 0x0E or 0x00 (sometimes 0x20, for
 * punctuation) in every high byte, and no zero or control character in the low bytes (binary
 * files with 16-bit numbers do). Judged on the first 4 KiB.
 */
function utf16WithoutMark(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined
  const sample = bytes.subarray(0, 4096)
  const units = sample.length >> 1
  const judge = (high: number): boolean => {
    let plausibleHigh = 0
    let zeroHigh = 0
    let zeroLow = 0
    let controls = 0
    for (let i = 0; i < units; i++) {
      const h = sample[2 * i + high]!
      const l = sample[2 * i + 1 - high]!
      if (h === 0x00 || h === 0x0e || h === 0x20) plausibleHigh++
      if (h === 0) zeroHigh++
      if (l === 0) zeroLow++
      if (h === 0 && l < 0x20 && l !== 0x09 && l !== 0x0a && l !== 0x0c && l !== 0x0d) controls++
    }
    return plausibleHigh >= 0.95 * units && zeroHigh >= 0.05 * units && zeroLow + controls <= 0.01 * units
  }
  if (judge(1)) return 'utf-16le'
  if (judge(0)) return 'utf-16be'
  return undefined
}

/** In UTF-8 every Thai character starts with 0xE0; in TIS-620, 0xE0 is one letter (เ) of many. */
function looksLikeThaiUtf8(bytes: Uint8Array): boolean {
  let high = 0
  let leads = 0
  for (const b of bytes) {
    if (b >= 0x80) high++
    if (b === 0xe0) leads++
  }
  return leads > 0.25 * high
}

/**
 * TIS-620 / Windows-874: every byte above 0x7F is one the encoding defines, most are Thai
 * letters, and the combining marks (vowels above and below, tone marks) follow Thai letters.
 * Latin-1 or a damaged UTF-8 file (0xE0 before every Thai character) fails at least one of these.
 */
export function looksLikeWindows874(bytes: Uint8Array): boolean {
  let high = 0
  let letters = 0
  let marks = 0
  let orphanMarks = 0
  let previousThai = false
  for (const b of bytes) {
    if (b < 0x80) {
      previousThai = false
      continue
    }
    high++
    if (!definedInWindows874(b)) return false
    const isMark = b === 0xd1 || (b >= 0xd4 && b <= 0xda) || (b >= 0xe7 && b <= 0xee)
    if (isMark) {
      marks++
      if (!previousThai) orphanMarks++
    }
    if ((b >= 0xa1 && b <= 0xda) || (b >= 0xdf && b <= 0xfb)) letters++
    previousThai = (b >= 0xa1 && b <= 0xda) || (b >= 0xdf && b <= 0xfb)
  }
  return high > 0 && letters >= 0.8 * high && orphanMarks <= 0.05 * marks && !looksLikeThaiUtf8(bytes)
}

/** Bytes Windows-874 assigns: € … ‘ ’ “ ” • – — in 0x80-0x97, Thai in 0xA0-0xDA and 0xDF-0xFB. */
function definedInWindows874(b: number): boolean {
  return b === 0x80 || b === 0x85 || (b >= 0x91 && b <= 0x97) || (b >= 0xa0 && b <= 0xda) || (b >= 0xdf && b <= 0xfb)
}
