/**
 * Regenerates the sample PDFs in samples/bankum/ from samples/bankum/transcript.txt:
 *   born-digital.pdf    Chromium print of the re-typeset report, with a Thai text layer
 *   scanned-300dpi.pdf  the same pages "scanned" at 300 dpi (grey JPEG, no text)
 *   scanned-200dpi.pdf  the same at 200 dpi
 * Needs the Debian packages chromium and poppler-utils. Run with `npm run samples`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createHash } from 'node:crypto'
import { PDFDocument } from 'pdf-lib'
import { parseTranscript } from './parse-transcript.js'
import { printHtmlToPdf, withFixedMetadata, type FixedMetadata } from './print-pdf.js'
import { renderReportHtml } from './render-html.js'
import { scanPdf } from './scan-pdf.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
export const SAMPLE_DIR = join(root, 'samples', 'bankum')

/**
 * Where the seed transcript's OCR put a page-continuation row one cell off (see
 * parse-transcript.ts): measures table 5 (indicator ๕) has an extra empty cell before the
 * continuation of column ๒, table 9 (indicator ๑๐) lacks one.
 */
export const SEED_ROW_SHIFTS: Readonly<Record<number, number>> = { 4: -2, 8: 1 }

/** Fixed so that reruns give the same bytes; the date is when such a report would be signed. */
const METADATA_DATE = new Date('2025-10-15T03:00:00Z')
const SCAN_SEED = 2568

export async function generateSamples(log: (msg: string) => void = console.log): Promise<void> {
  const transcript = await readFile(join(SAMPLE_DIR, 'transcript.txt'), 'utf8')
  const content = parseTranscript(transcript, { misalignedRowShifts: SEED_ROW_SHIFTS })
  const require = createRequire(import.meta.url)
  const font = (weight: string): string =>
    pathToFileURL(require.resolve(`@expo-google-fonts/sarabun/${weight}/Sarabun_${weight}.ttf`)).href
  const html = renderReportHtml(content, { regular: font('400Regular'), bold: font('700Bold') })
  const title = content.titleLines.join(' ')
  const meta = (variant: string): FixedMetadata => ({
    title,
    subject: `ITA improvement report sample (${variant}), generated from samples/bankum/transcript.txt`,
    creator: 'ita-extract samples/generate',
    producer: 'ita-extract samples/generate (Chromium print-to-PDF, pdf-lib)',
    date: METADATA_DATE,
    idSeed: `${variant}\n${createHash('sha256').update(html).digest('hex')}`,
  })

  const work = await mkdtemp(join(tmpdir(), 'ita-samples-'))
  try {
    const htmlPath = join(work, 'report.html')
    await writeFile(htmlPath, html)
    const bornDigital = await withFixedMetadata(await printHtmlToPdf(htmlPath), meta('born-digital'))
    const bornDigitalPath = join(SAMPLE_DIR, 'born-digital.pdf')
    await writeFile(bornDigitalPath, bornDigital)
    const source = await PDFDocument.load(bornDigital)
    log(`${relative(root, bornDigitalPath)}: ${source.getPageCount()} pages, ${kb(bornDigital.length)}`)

    for (const dpi of [300, 200]) {
      const path = join(SAMPLE_DIR, `scanned-${dpi}dpi.pdf`)
      const scanned = await scanPdf(bornDigitalPath, source, {
        dpi,
        seed: SCAN_SEED,
        metadata: meta(`scanned ${dpi} dpi`),
        onPage: (page, { params, jpegBytes }) =>
          log(`  ${dpi} dpi page ${page}: skew ${params.skewDegrees.toFixed(2)} deg, JPEG ${kb(jpegBytes)}`),
      })
      await writeFile(path, scanned)
      log(`${relative(root, path)}: ${kb(scanned.length)}`)
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  generateSamples().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
