/**
 * Writes samples/layouts/<template>/ for every template: transcript.md, born-digital.pdf
 * (Chromium), expected.json (the truth: values and findings) and spec.json (the content).
 *
 *   npm run samples:layouts                 all templates, their committed seeds
 *   npm run samples:layouts -- train-02     the named templates only
 *
 * Needs the Debian package chromium. The bytes are deterministic for a seed (fixed PDF metadata).
 */
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { printHtmlToPdf, withFixedMetadata } from '../print-pdf.js'
import { subSeed } from './random.js'
import { FONTS, renderHtml } from './render-html.js'
import { renderTranscript } from './render-transcript.js'
import { randomReportSpec } from './spec.js'
import { renderTemplate, TEMPLATES, truthLayout, type Template } from './templates.js'
import { truthOf, type Truth } from './truth.js'

const here = dirname(fileURLToPath(import.meta.url))
export const LAYOUTS_DIR = join(here, '..', '..', 'layouts')

/** The seed a template's committed sample is made from. */
export const committedSeed = (tpl: Template) => subSeed(2568, tpl.name)

/** What expected.json holds. */
export interface Expected extends Truth {
  readonly template: string
  readonly split: Template['split']
  readonly seed: number
}

export interface GeneratedLayout {
  readonly dir: string
  readonly expected: Expected
  /** Absent when the PDF was not asked for. */
  readonly pdfBytes?: number
}

export async function generateLayout(tpl: Template, seed: number, dir: string, options: { pdf: boolean }): Promise<GeneratedLayout> {
  const spec = randomReportSpec(seed)
  const doc = renderTemplate(spec, tpl)
  const expected: Expected = { template: tpl.name, split: tpl.split, seed, ...truthOf(spec, truthLayout(tpl)) }
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'spec.json'), `${JSON.stringify(spec, null, 1)}\n`)
  await writeFile(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`)
  await writeFile(join(dir, 'transcript.md'), renderTranscript(doc))
  if (!options.pdf) return { dir, expected }
  const html = renderHtml(doc, FONTS[tpl.choices.font]!)
  const work = await mkdtemp(join(tmpdir(), 'ita-layouts-'))
  try {
    const htmlPath = join(work, 'report.html')
    await writeFile(htmlPath, html)
    const pdf = await withFixedMetadata(await printHtmlToPdf(htmlPath), {
      title: doc.title,
      subject: `ITA layout sample: template ${tpl.name}, seed ${seed}`,
      creator: 'ita-extract samples/generate/layouts',
      producer: 'ita-extract samples/generate/layouts (Chromium print-to-PDF, pdf-lib)',
      date: new Date('2025-10-15T03:00:00Z'),
      idSeed: `${tpl.name}\n${seed}\n${createHash('sha256').update(html).digest('hex')}`,
    })
    await writeFile(join(dir, 'born-digital.pdf'), pdf)
    return { dir, expected, pdfBytes: pdf.length }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

export async function generateLayouts(names: readonly string[] = [], log: (msg: string) => void = console.log): Promise<void> {
  const unknown = names.filter((n) => !TEMPLATES.some((t) => t.name === n))
  if (unknown.length > 0) throw new Error(`Unknown template ${unknown.join(', ')}; known: ${TEMPLATES.map((t) => t.name).join(', ')}`)
  for (const tpl of TEMPLATES) {
    if (names.length > 0 && !names.includes(tpl.name)) continue
    const seed = committedSeed(tpl)
    const out = await generateLayout(tpl, seed, join(LAYOUTS_DIR, tpl.name), { pdf: true })
    log(`${relative(process.cwd(), out.dir)}: seed ${seed}, ${out.expected.findings.length} findings, PDF ${Math.round((out.pdfBytes ?? 0) / 1024)} KB`)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  generateLayouts(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
