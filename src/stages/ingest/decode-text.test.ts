import { describe, expect, it } from 'vitest'
import { EmptyInputError, UnsupportedInputError } from '../../errors.js'
import { encodeUtf16be as utf16be, encodeWindows874 } from '../../../test/fuzz/encodings.js'
import { decodeText, looksLikeWindows874 } from './decode-text.js'

const TEXT = 'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่\t๙๓.๕๕\nองค์การบริหารส่วนตำบล “บ้านกุ่ม” – ๒๕๖๘\n'

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT), 'utf-8'],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'utf-8'],
    ['UTF-16LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'utf-16be'],
    ['UTF-16LE without a mark', Buffer.from(TEXT, 'utf16le'), 'utf-16le'],
    ['UTF-16BE without a mark', utf16be(TEXT), 'utf-16be'],
    ['TIS-620 / Windows-874', encodeWindows874(TEXT), 'windows-874'],
  ])('%s', (_name, bytes, encoding) => {
    expect(decodeText(bytes, 'x.txt')).toEqual({ text: TEXT, encoding })
  })

  it.each([
    ['Latin-1 (accents after Latin letters are not Thai marks)', Buffer.from('Résumé of the café meeting, naïve élan\n', 'latin1'), /not UTF-8, UTF-16 or TIS-620\/Windows-874 text; convert it to UTF-8/],
    ['UTF-8 cut in the middle of a character', Buffer.from(TEXT).subarray(0, 5), /damaged UTF-8 text/],
    ['UTF-8 with a byte damaged', Buffer.from(TEXT).map((b, i) => (i === 40 ? 0xff : b)), /damaged UTF-8 text/],
    ['a binary file', Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0, 0, 0xff, 0x10, 0x20, 0, 1), /binary file/],
    ['binary 16-bit numbers (zero high bytes, control low bytes)', Uint16Array.from({ length: 200 }, (_, i) => i % 7), /binary file/],
    ['UTF-16 with a byte-order mark and a lone surrogate', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x41, 0, 0x00, 0xd8, 0x41, 0])]), /damaged UTF-16LE text/],
  ])('refuses %s, saying why', (_name, bytes, message) => {
    const view = bytes instanceof Uint16Array ? new Uint8Array(bytes.buffer) : bytes
    expect(() => decodeText(view, 'x.txt')).toThrow(UnsupportedInputError)
    expect(() => decodeText(view, 'x.txt')).toThrow(message)
  })

  it('an empty or blank file is empty', () => {
    expect(() => decodeText(new Uint8Array(), 'x.txt')).toThrow(EmptyInputError)
    expect(() => decodeText(Buffer.from(' \n\t\r\n'), 'x.txt')).toThrow(EmptyInputError)
  })

  it('Windows-874 is not guessed for bytes the encoding leaves undefined, or for marks with no Thai letter before them', () => {
    expect(looksLikeWindows874(encodeWindows874('ตัวชี้วัด'))).toBe(true)
    expect(looksLikeWindows874(Uint8Array.of(0xa1, 0xdb))).toBe(false)
    expect(looksLikeWindows874(Buffer.from('a\u00e8b\u00e9c\u00eb d\u00e8', 'latin1'))).toBe(false)
  })
})
