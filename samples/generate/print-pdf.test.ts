/**
 * withFixedMetadata on a tagged PDF built here: Chromium's structure element ids shift from print to
 * print, and the output must not.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { withFixedMetadata } from './print-pdf.js'

const meta = { title: 'test', creator: 'test', producer: 'test', date: new Date('2025-10-15T03:00:00Z'), idSeed: 'seed' }

/** A page with a table of one header cell and one data cell, tagged as Chromium tags it, its ids from `first`. */
async function taggedPdf(first: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.addPage([200, 200])
  const ctx = doc.context
  const id = (n: number) => PDFString.of(`node${String(n).padStart(8, '0')}`)
  const root = ctx.register(ctx.obj({ Type: 'StructTreeRoot' }))
  const th = ctx.register(ctx.obj({ Type: 'StructElem', S: 'TH', P: root, ID: id(first), A: [ctx.obj({ O: 'Table', Scope: 'Column' })] }))
  const td = ctx.register(ctx.obj({ Type: 'StructElem', S: 'TD', P: root, A: [ctx.obj({ O: 'Table', Headers: [id(first)] }), ctx.obj({ O: 'Table', RowSpan: 1 })] }))
  const h1 = ctx.register(ctx.obj({ Type: 'StructElem', S: 'H1', P: root, ID: id(first + 7) }))
  const tree = ctx.register(ctx.obj({ Names: [id(first), th, id(first + 7), h1] }))
  const rootDict = ctx.lookup(root, PDFDict)
  rootDict.set(PDFName.of('K'), ctx.obj([th, td, h1]))
  rootDict.set(PDFName.of('IDTree'), ctx.register(ctx.obj({ Kids: [tree] })))
  doc.catalog.set(PDFName.of('StructTreeRoot'), root)
  return doc.save({ useObjectStreams: false })
}

describe('withFixedMetadata', () => {
  it('renumbers structure ids, keeping headers and the id tree, so shifted ids give the same bytes', async () => {
    const a = await withFixedMetadata(await taggedPdf(21), meta)
    const b = await withFixedMetadata(await taggedPdf(22), meta)
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)

    const doc = await PDFDocument.load(a, { updateMetadata: false })
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
    const [th, td, h1] = root.lookup(PDFName.of('K'), PDFArray).asArray().map((k) => doc.context.lookup(k, PDFDict))
    expect(th!.lookup(PDFName.of('ID'), PDFString).decodeText()).toBe('node00000001')
    expect(h1!.lookup(PDFName.of('ID'), PDFString).decodeText()).toBe('node00000002')
    const headers = td!.lookup(PDFName.of('A'), PDFArray).lookup(0, PDFDict).lookup(PDFName.of('Headers'), PDFArray)
    expect(headers.asArray().map((h) => (h as PDFString).decodeText())).toEqual(['node00000001'])
    const names = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Names'), PDFArray).asArray()
    expect(names.filter((n) => n instanceof PDFString).map((n) => (n as PDFString).decodeText())).toEqual(['node00000001', 'node00000002'])
    expect(names.filter((n) => !(n instanceof PDFString)).map((r) => doc.context.lookup(r))).toEqual([th, h1])
  })
})
