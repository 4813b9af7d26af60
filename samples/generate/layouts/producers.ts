/**
 * The files a layout sample is produced as, one producer per input kind the bench measures. A new
 * way of making the same report (a LibreOffice or Word export, a .docx/.odt file, a scan of the
 * PDF) is a new entry here, made from the same layout blocks.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { printHtmlToPdf, withFixedMetadata } from '../print-pdf.js'
import type { LayoutDoc } from './blocks.js'
import { FONTS, renderHtml } from './render-html.js'
import { produceDocx } from './render-docx.js'
import { produceLibreOfficeDocx, produceLibreOfficeOdt, produceOdt } from './render-odt.js'
import { renderTranscript } from './render-transcript.js'
import { withTableRules, type Template } from './templates.js'
import { produceLibreOfficePdf } from './libreoffice-pdf.js'

export interface Producer {
  /** The input kind the bench reports it as. */
  readonly kind: string
  /** File name in the sample folder. */
  readonly file: string
  produce(doc: LayoutDoc, tpl: Template, seed: number): Promise<Uint8Array>
}

export const transcriptProducer: Producer = {
  kind: 'transcript',
  file: 'transcript.md',
  produce: async (doc) => new TextEncoder().encode(renderTranscript(doc)),
}

/** HTML printed by headless Chromium (Debian package chromium), metadata fixed so bytes repeat. */
export const chromiumPdfProducer: Producer = {
  kind: 'pdf',
  file: 'born-digital.pdf',
  async produce(doc, tpl, seed) {
    const html = renderHtml(doc, FONTS[tpl.choices.font]!)
    const work = await mkdtemp(join(tmpdir(), 'ita-layouts-'))
    try {
      const htmlPath = join(work, 'report.html')
      await writeFile(htmlPath, html)
      return await withFixedMetadata(await printHtmlToPdf(htmlPath), {
        title: doc.title,
        subject: `ITA layout sample: template ${tpl.name}, seed ${seed}`,
        creator: 'ita-extract samples/generate/layouts',
        producer: 'ita-extract samples/generate/layouts (Chromium print-to-PDF, pdf-lib)',
        date: new Date('2025-10-15T03:00:00Z'),
        idSeed: `${tpl.name}\n${seed}\n${createHash('sha256').update(withoutFontFolders(html)).digest('hex')}`,
      })
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  },
}

/**
 * The HTML with its font files' folders taken out of their file URLs: they name the checkout the
 * generator runs in, and the document ID must be the same from any checkout.
 */
const withoutFontFolders = (html: string) => html.replace(/file:\/\/[^')]*\/([^/')]+\.ttf)/g, '$1')

/** WordprocessingML written by render-docx.ts (automatic numbering, spans, repeated headers). */
export const docxProducer: Producer = {
  kind: 'docx',
  file: 'report.docx',
  produce: async (doc, tpl, seed) => produceDocx(doc, tpl, seed),
}

/** That .docx saved as .odt by LibreOffice (Debian package libreoffice-writer-nogui). */
export const odtProducer: Producer = {
  kind: 'odt',
  file: 'report.odt',
  produce: (doc, tpl, seed) => produceOdt(doc, tpl, seed),
}

/** The Chromium producer's HTML saved as .docx by LibreOffice: a .docx our writer did not make. */
export const libreOfficeDocxProducer: Producer = {
  kind: 'docx-lo',
  file: 'libreoffice.docx',
  produce: (doc, tpl, seed) => produceLibreOfficeDocx(doc, tpl, seed),
}

/** The same HTML saved as .odt by LibreOffice. */
export const libreOfficeOdtProducer: Producer = {
  kind: 'odt-lo',
  file: 'libreoffice.odt',
  produce: (doc, tpl, seed) => produceLibreOfficeOdt(doc, tpl, seed),
}

/**
 * Our .docx exported to PDF by LibreOffice Writer, with its tables ruled as the template has them
 * (`pdf-lo`), with horizontal rules only, and with none: word processors' tables often lack some
 * or all ruling lines.
 */
export const libreOfficePdfProducers: readonly Producer[] = (
  [
    ['pdf-lo', 'libreoffice.pdf', undefined],
    ['pdf-lo-hrules', 'libreoffice-hrules.pdf', 'horizontal'],
    ['pdf-lo-borderless', 'libreoffice-borderless.pdf', 'none'],
  ] as const
).map(([kind, file, rules]) => ({
  kind,
  file,
  produce: (doc, tpl, seed) => produceLibreOfficePdf(rules ? withTableRules(doc, rules) : doc, tpl, seed, kind),
}))

export const PRODUCERS: readonly Producer[] = [transcriptProducer, chromiumPdfProducer, docxProducer, odtProducer, libreOfficeDocxProducer, libreOfficeOdtProducer, ...libreOfficePdfProducers]
