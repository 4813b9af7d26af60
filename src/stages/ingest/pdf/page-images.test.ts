/**
 * Page images for OCR: an embedded full-page JPEG is copied out byte for byte; other pages are
 * rendered to PNG; PNG/JPEG/TIFF files are one-page inputs. Fixtures: test/fixtures/pdf/README.md.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../../../_internal/package-root.js'
import { describe, expect, it } from 'vitest'
import { DocSchema } from '../../../model/document.js'
import { pdfPageImages } from './page-images.js'
import { UnsupportedInputError } from '../../../errors.js'
import { imageInfo } from '../image-info.js'
import { readImage } from '../read-image.js'
import { readPdf } from './read-pdf.js'

const fixture = (name: string) => readFileSync(join(packageRoot(), 'test', 'fixtures', 'pdf', name))

describe('page classification', () => {
  it('a scanned page goes to OCR with the reason; a born-digital page of the same PDF does not', async () => {
    const { doc, needsOcr } = await readPdf(fixture('mixed.pdf'), { file: 'mixed.pdf' })
    expect(DocSchema.safeParse(doc).success).toBe(true)
    expect(doc.pages.map((p) => p.readBy)).toEqual(['pdf-text', 'ocr'])
    expect(doc.pages[0]!.blocks.length).toBeGreaterThan(3)
    expect(doc.pages[1]!.blocks).toEqual([])
    expect(needsOcr).toEqual([{ page: 2, reason: expect.stringMatching(/^image-only page/) }])
    expect(doc.issues).toContainEqual(expect.objectContaining({ code: 'page-ocr', page: 2, message: expect.stringMatching(/image-only/) }))
  })

  it('--ocr never reads the text layer only and flags the scanned page', async () => {
    const { doc, needsOcr } = await readPdf(fixture('mixed.pdf'), { file: 'mixed.pdf', ocr: 'never' })
    expect(needsOcr).toEqual([])
    expect(doc.pages.map((p) => p.readBy)).toEqual(['pdf-text', 'pdf-text'])
    expect(doc.issues).toContainEqual(expect.objectContaining({ code: 'text-layer-untrusted', page: 2 }))
  })
})

describe('pdfPageImages', () => {
  it('copies the embedded JPEG of a scanned page at its native resolution, byte for byte', async () => {
    const [image] = await pdfPageImages(fixture('scanned.pdf'), [1], { file: 'scanned.pdf' })
    expect(image).toMatchObject({ page: 1, mime: 'image/jpeg', source: 'embedded-jpeg', dpi: 100 })
    expect(Buffer.from(image!.image).equals(fixture('scan-page.jpg'))).toBe(true)
    expect(image!.width).toBeCloseTo(595.92, 1)
  })

  it('renders a born-digital page to PNG at the requested resolution', async () => {
    const [image] = await pdfPageImages(fixture('mixed.pdf'), [1], { file: 'mixed.pdf', dpi: 100 })
    expect(image).toMatchObject({ page: 1, mime: 'image/png', source: 'rendered', dpi: 100 })
    const info = imageInfo(image!.image)!
    expect(info.pixelWidth).toBe(Math.ceil((image!.width * 100) / 72))
    expect(info.pixelHeight).toBe(Math.ceil((image!.height * 100) / 72))
  })
})

describe('image files as one-page inputs', () => {
  it.each([
    ['scan-page.jpg', 'image/jpeg', 100],
    ['blank-200dpi.png', 'image/png', 200],
  ])('%s', (name, mime, dpi) => {
    const bytes = fixture(name)
    const { doc, image } = readImage(bytes, { file: name })
    expect(DocSchema.safeParse(doc).success).toBe(true)
    expect(doc.source).toMatchObject({ kind: 'image', pageCount: 1 })
    expect(doc.pages).toEqual([expect.objectContaining({ number: 1, readBy: 'ocr', blocks: [] })])
    expect(image).toMatchObject({ page: 1, mime, dpi })
    const info = imageInfo(bytes)!
    expect(image.width).toBeCloseTo((info.pixelWidth / dpi) * 72, 1)
    expect(image.image).toBe(bytes)
  })

  it('a TIFF is refused with a way out, never handed to the decoder (which crashes the process on TIFF)', () => {
    const bytes = fixture('blank-150dpi.tif')
    expect(imageInfo(bytes)).toMatchObject({ mime: 'image/tiff', pixelWidth: 200, pixelHeight: 100, dpi: 150 })
    expect(() => readImage(bytes, { file: 'scan.tif' })).toThrow(UnsupportedInputError)
    expect(() => readImage(bytes, { file: 'scan.tif' })).toThrow(/^scan\.tif: TIFF images cannot be read yet; convert the file to PNG first/)
  })

  it('assumes 300 dpi when the file does not say, and rejects what is not an image', () => {
    const png = Buffer.from(fixture('blank-200dpi.png'))
    const noPhys = Buffer.concat([png.subarray(0, 33), png.subarray(png.indexOf('IDAT') - 4)]) // drop the chunks between IHDR and IDAT
    expect(readImage(noPhys, { file: 'x.png' }).image.dpi).toBe(300)
    expect(() => readImage(Buffer.from('GIF89a'), { file: 'x.gif' })).toThrow(/x\.gif: not a PNG, JPEG or TIFF/)
  })
})
