/**
 * Regenerates the sample PDFs from their transcripts:
 *
 * samples/bankum/ (from samples/bankum/transcript.txt, the seed OCR transcript), set in Sarabun:
 *   born-digital.pdf    Chromium print of the re-typeset report, with a Thai text layer
 *   scanned-300dpi.pdf  the same pages "scanned" at 300 dpi (grey JPEG, no text)
 *   scanned-200dpi.pdf  the same at 200 dpi
 *
 * samples/nongbua/ (from test/fixtures/transcripts/nongbua-2568.md, copied to transcript.md), set
 * in K2D with another seed, more skew and more noise:
 *   scanned-250dpi.pdf
 *
 * Needs the Debian packages chromium and poppler-utils. Run with `npm run samples`, or
 * `npm run samples -- nongbua` for one sample.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createHash } from 'node:crypto'
import { PDFDocument } from 'pdf-lib'
import type { DegradeOptions } from './degrade-page.js'
import { parseTranscript, type ParseOptions } from './parse-transcript.js'
import { printHtmlToPdf, withFixedMetadata, type FixedMetadata } from './print-pdf.js'
import { renderReportHtml } from './render-html.js'
import { scanPdf } from './scan-pdf.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
export const SAMPLE_DIR = join(root, 'samples', 'bankum')
export const NONGBUA_DIR = join(root, 'samples', 'nongbua')
/** The transcript fixture the nongbua sample is made from; samples/nongbua/transcript.md is its copy. */
export const NONGBUA_FIXTURE = join(root, 'test', 'fixtures', 'transcripts', 'nongbua-2568.md')

/**
 * Where the seed transcript's OCR put a page-continuation row one cell off (see
 * parse-transcript.ts): measures table 5 (indicator ๕) has an extra empty cell before the
 * continuation of column ๒, table 9 (indicator ๑๐) lacks one.
 */
export const SEED_ROW_SHIFTS: Readonly<Record<number, number>> = { 4: -2, 8: 1 }

/** Fixed so that reruns give the same bytes; the date is when such a report would be signed. */
const METADATA_DATE = new Date('2025-10-15T03:00:00Z')

export interface SampleSpec {
  readonly name: string
  readonly dir: string
  /** Copied into `dir` as `transcriptFile` before generating, when the transcript lives elsewhere. */
  readonly transcriptSource?: string
  readonly transcriptFile: string
  readonly parse?: ParseOptions
  /** `@expo-google-fonts/<package>`, its file prefix (`Sarabun` in `Sarabun_400Regular.ttf`), CSS name. */
  readonly font: { readonly package: string; readonly filePrefix: string; readonly family?: string }
  /** Written to `dir` too; otherwise the born-digital print stays in a temporary folder. */
  readonly keepBornDigital: boolean
  readonly dpis: readonly number[]
  readonly scanSeed: number
  readonly degrade?: Omit<DegradeOptions, 'seed'>
  readonly jpegQuality?: number
}

export const SAMPLES: readonly SampleSpec[] = [
  {
    name: 'bankum',
    dir: SAMPLE_DIR,
    transcriptFile: 'transcript.txt',
    parse: { misalignedRowShifts: SEED_ROW_SHIFTS },
    font: { package: 'sarabun', filePrefix: 'Sarabun' },
    keepBornDigital: true,
    dpis: [300, 200],
    scanSeed: 2568,
  },
  {
    // Differs from bankum in everything the generator controls: K2D (one of the 13 Thai national
    // fonts, as TH K2D July8) instead of Sarabun, 250 dpi, another seed, up to 1.5 degrees of
    // skew, more noise, blur, uneven light and a lower JPEG quality.
    name: 'nongbua',
    dir: NONGBUA_DIR,
    transcriptSource: NONGBUA_FIXTURE,
    transcriptFile: 'transcript.md',
    font: { package: 'k2d', filePrefix: 'K2D', family: 'K2D' },
    keepBornDigital: false,
    dpis: [250],
    scanSeed: 4117,
    degrade: { maxSkewDegrees: 1.5, maxShift: 0.006, blur: 0.75, noiseSigma: 4, paper: 238, ink: 36, lightingFalloff: 14 },
    jpegQuality: 66,
  },
]

export async function generateSample(spec: SampleSpec, log: (msg: string) => void = console.log): Promise<void> {
  await mkdir(spec.dir, { recursive: true })
  const transcriptPath = join(spec.dir, spec.transcriptFile)
  if (spec.transcriptSource) {
    await copyFile(spec.transcriptSource, transcriptPath)
    log(`${relative(root, transcriptPath)}: copied from ${relative(root, spec.transcriptSource)}`)
  }
  const transcript = await readFile(transcriptPath, 'utf8')
  const content = parseTranscript(transcript, spec.parse)
  const require = createRequire(import.meta.url)
  const font = (weight: string): string => pathToFileURL(resolveFontFile(require, spec.font, weight)).href
  const html = renderReportHtml(content, {
    regular: font('400Regular'),
    bold: font('700Bold'),
    ...(spec.font.family ? { family: spec.font.family } : {}),
  })
  const title = content.titleLines.join(' ')
  const meta = (variant: string): FixedMetadata => ({
    title,
    subject: `ITA improvement report sample (${variant}), generated from ${relative(root, transcriptPath)}`,
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
    const bornDigitalPath = join(spec.keepBornDigital ? spec.dir : work, 'born-digital.pdf')
    await writeFile(bornDigitalPath, bornDigital)
    const source = await PDFDocument.load(bornDigital)
    log(`${spec.keepBornDigital ? relative(root, bornDigitalPath) : `${spec.name} born-digital (not kept)`}: ${source.getPageCount()} pages, ${kb(bornDigital.length)}`)

    for (const dpi of spec.dpis) {
      const path = join(spec.dir, `scanned-${dpi}dpi.pdf`)
      const scanned = await scanPdf(bornDigitalPath, source, {
        dpi,
        seed: spec.scanSeed,
        ...(spec.jpegQuality !== undefined ? { quality: spec.jpegQuality } : {}),
        ...(spec.degrade ? { degrade: spec.degrade } : {}),
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

/** Generates the named samples (all when none are named). */
export async function generateSamples(names: readonly string[] = [], log: (msg: string) => void = console.log): Promise<void> {
  const unknown = names.filter((n) => !SAMPLES.some((s) => s.name === n))
  if (unknown.length > 0) throw new Error(`Unknown sample ${unknown.join(', ')}; known: ${SAMPLES.map((s) => s.name).join(', ')}`)
  for (const spec of SAMPLES) if (names.length === 0 || names.includes(spec.name)) await generateSample(spec, log)
}

/** Most packages keep each weight in its own folder; some older ones (taviraj, niramit) keep the files flat. */
export function resolveFontFile(require: NodeJS.Require, font: SampleSpec['font'], weight: string): string {
  const file = `${font.filePrefix}_${weight}.ttf`
  try {
    return require.resolve(`@expo-google-fonts/${font.package}/${weight}/${file}`)
  } catch {
    return require.resolve(`@expo-google-fonts/${font.package}/${file}`)
  }
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  generateSamples(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
