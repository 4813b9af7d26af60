import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { CorruptDocumentError, InputTooLargeError } from '../../errors.js'
import { readOfficeDocument } from './read-office.js'
import { openZip } from './zip.js'

const limits = { maxEntries: 100, maxUncompressedBytes: 1024 * 1024 }

/** Central-directory entries of a zip: offset of each header's uncompressed-size field. */
function centralSizeFields(zip: Uint8Array): number[] {
  const out: number[] = []
  for (let i = 0; i + 4 < zip.length; i++) if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01 && zip[i + 3] === 0x02) out.push(i + 24)
  return out
}

describe('openZip caps', () => {
  it('refuses an archive with more entries than the cap', () => {
    const files = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}.xml`, strToU8('<a/>')]))
    expect(() => openZip(zipSync(files), 'bomb.docx', limits)).toThrow(InputTooLargeError)
    expect(() => openZip(zipSync(files), 'bomb.docx', limits)).toThrow(/over 100 entries/)
  })

  it('refuses parts that unpack to more than the cap (a zip bomb: 8 MiB of zeros in a few KiB)', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 })
    expect(bomb.length).toBeLessThan(64 * 1024)
    const zip = openZip(bomb, 'bomb.docx', limits)
    expect(() => zip.read('word/document.xml')).toThrow(/unpack to over 1\.0 MiB/)
  })

  it('a header that claims 4 GiB is refused before anything is allocated, with the default caps too', () => {
    const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') })
    for (const at of centralSizeFields(bytes)) new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, 0xfffffff0, true)
    expect(() => readOfficeDocument(bytes, { file: 'lying.docx' })).toThrow(InputTooLargeError)
  })

  it('a header that claims less than the data holds gives at most the claimed bytes', () => {
    const bytes = zipSync({ 'a.xml': new Uint8Array(2 * 1024 * 1024).fill(0x41) }, { level: 9 })
    for (const at of centralSizeFields(bytes)) new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, 100, true)
    expect(openZip(bytes, 'lying.docx', limits).read('a.xml')!.length).toBeLessThanOrEqual(100)
  })

  it('a damaged or truncated archive is a CorruptDocumentError', () => {
    const bytes = zipSync({ 'word/document.xml': strToU8('<w:document/>') })
    expect(() => openZip(bytes.subarray(0, bytes.length - 30), 'cut.docx', limits)).toThrow(CorruptDocumentError)
    expect(() => readOfficeDocument(bytes.subarray(0, 40), { file: 'cut.docx' })).toThrow(/cut\.docx: damaged zip archive/)
  })
})
