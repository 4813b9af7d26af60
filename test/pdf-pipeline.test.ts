/**
 * The pdf pipeline up to the document model: text-layer pages read directly, the other pages'
 * images handed to the OCR stage (the real tesseract.js one), results merged in page order.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readImageDocument, readPdfDocument, runPdfPipeline, type OcrPageImages } from '../pipelines/pdf.js'
import { MissingDependencyError } from '../src/errors.js'
import { DocSchema } from '../src/model/document.js'
import { defaultContext } from '../src/model/stage.js'
import { ocrPageImages } from '../src/stages/ocr/index.js'
import type { PageImage } from '../src/model/page-image.js'

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'pdf', name))
const ctx = defaultContext()

describe('readPdfDocument', () => {
  it('OCRs only the scanned page of a mixed PDF and keeps the text-layer page as read', async () => {
    const seen: PageImage[] = []
    const ocr: OcrPageImages = async (images, c) => {
      seen.push(...images)
      return ocrPageImages(images, c)
    }
    const doc = await readPdfDocument(fixture('mixed.pdf'), 'mixed.pdf', ctx, { ocrPageImages: ocr })
    expect(DocSchema.safeParse(doc).success).toBe(true)
    expect(seen.map((i) => [i.page, i.mime, i.dpi])).toEqual([[2, 'image/jpeg', 100]])
    expect(doc.pages.map((p) => p.readBy)).toEqual(['pdf-text', 'ocr'])
    expect(doc.pages[0]!.blocks.every((b) => b.origin.source === 'pdf-text')).toBe(true)
    const ocrLines = doc.pages[1]!.blocks.filter((b) => b.kind === 'line')
    expect(ocrLines.length).toBeGreaterThan(3)
    expect(ocrLines.every((b) => b.origin.source === 'ocr' && b.origin.page === 2)).toBe(true)
    expect(ocrLines.map((b) => (b.kind === 'line' ? b.raw : '')).join(' ')).toMatch(/ประเมิน/)
    expect(Object.keys(doc.timings)).toEqual(expect.arrayContaining(['read-pdf', 'page-images', 'ocr']))
  }, 120_000)

  it('without an OCR stage, leaves the page empty with a page-needs-ocr issue saying why', async () => {
    const doc = await readPdfDocument(fixture('mixed.pdf'), 'mixed.pdf', ctx)
    expect(doc.pages[1]).toMatchObject({ readBy: 'ocr', blocks: [] })
    expect(doc.issues).toContainEqual(
      expect.objectContaining({ code: 'page-needs-ocr', severity: 'warning', page: 2, message: expect.stringMatching(/page 2 was not read: it needs OCR \(image-only page/) }),
    )
  })

  it('a PDF where nothing can be read without OCR, and no OCR stage -> MissingDependencyError naming the file', async () => {
    await expect(runPdfPipeline(fixture('scanned.pdf'), 'scanned.pdf', ctx)).rejects.toThrow(MissingDependencyError)
    await expect(runPdfPipeline(fixture('scanned.pdf'), 'scanned.pdf', ctx)).rejects.toThrow(/^scanned\.pdf: its only page needs OCR/)
  })

  it('an image file goes to the OCR stage as it is', async () => {
    const seen: PageImage[] = []
    const doc = await readImageDocument(fixture('blank-200dpi.png'), 'blank.png', ctx, {
      ocrPageImages: async (images) => {
        seen.push(...images)
        return { pages: [{ number: 1, readBy: 'ocr', blocks: [] }], issues: [] }
      },
    })
    expect(seen).toEqual([expect.objectContaining({ page: 1, mime: 'image/png', dpi: 200 })])
    expect(doc.pages).toEqual([{ number: 1, width: 72, height: 36, readBy: 'ocr', blocks: [] }]) // 200x100 px at 200 dpi
  })
})
