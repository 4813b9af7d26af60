/**
 * `npm run bench:variants -- --layouts [options]` (issue 11): the layout generator's templates
 * (samples/layouts/), each born-digital PDF scanned at 200 and 300 dpi (samples/generate/
 * scan-layout.ts, seeded damage), the scan OCR'd, and compared with the born-digital PDF read from
 * its text layer (scripts/layout-oracle.ts): tables whose grid agrees, numeric cells exact /
 * unreadable / WRONG, cell CER, cells short of text, lines lost, and the report fields (indicator
 * scores per section, item scores, measures complete, findings equal). A value the scan's report
 * marks uncertain counts as unreadable (the checker reports it so), never as exact or wrong.
 *
 *   --only NAME      templates whose name contains NAME (repeatable)
 *   --dpi N          only this resolution (repeatable; default 200 and 300)
 *   --seed S         scan seeds derive from S (default 1, the committed scans' seed)
 *   --cache DIR      keep the scans (and the OCR'd documents) in DIR and use them again
 *   --reuse-ocr      with --cache: use the OCR'd documents kept there instead of OCRing again
 *                    (for work on the structure stages; the figures are then not of this code's OCR)
 *   --show-held-out  also list the held-out templates' failures (blind ones: never)
 *
 * Scans are made in a temporary folder unless a template folder holds a committed
 * `scanned-<dpi>dpi.pdf` made with the default seed. Held-out and blind templates are totalled
 * apart; for blind ones only the totals are printed.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { readPdfDocument } from '../pipelines/pdf.js'
import { docToReport } from '../pipelines/structure.js'
import type { Doc } from '../src/model/document.js'
import { defaultContext } from '../src/model/stage.js'
import { normaliseDoc } from '../src/stages/normalise/normalise-doc.js'
import { createOcrEngine, ocrPageImages, type OcrEngine } from '../src/stages/ocr/index.js'
import { LAYOUTS_DIR } from '../samples/generate/layouts/generate-layouts.js'
import { subSeed } from '../samples/generate/layouts/random.js'
import { TEMPLATES, type Template } from '../samples/generate/layouts/templates.js'
import { reportValues } from '../samples/generate/report-values.js'
import { LAYOUT_SCAN_DPIS, layoutScanSettings, scanLayoutPdf } from '../samples/generate/scan-layout.js'
import { addFieldFigures, addTableFigures, compareDocs, compareFields, emptyFieldFigures, emptyTableFigures, uncertainAsUnreadable, type FieldFigures, type TableFigures } from './layout-oracle.js'

const DEFAULT_SEED = 1

/** The seed of a template's scan at a resolution. */
export const layoutScanSeed = (template: string, dpi: number, seed = DEFAULT_SEED) => subSeed(seed, `${template}:scan:${dpi}`)

/** The committed scan of a template, when there is one (made with the default seed). */
export const committedScanPath = (template: string, dpi: number) => join(LAYOUTS_DIR, template, `scanned-${dpi}dpi.pdf`)

type Split = 'train' | 'held-out' | 'blind'

interface Run {
  readonly template: string
  readonly split: Split
  readonly dpi: number
  readonly pages: number
  readonly seconds: number
  readonly tables: TableFigures
  readonly fields: FieldFigures
  readonly error?: string
}

export async function runLayoutOracle(argv: string[]): Promise<void> {
  const { values: args } = parseArgs({
    args: argv,
    options: {
      layouts: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      dpi: { type: 'string', multiple: true },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      cache: { type: 'string' },
      'reuse-ocr': { type: 'boolean', default: false },
      'show-held-out': { type: 'boolean', default: false },
    },
  })
  const seed = Number(args.seed)
  const dpis = (args.dpi ?? LAYOUT_SCAN_DPIS.map(String)).map(Number)
  if (dpis.some((d) => !Number.isInteger(d) || d < 100 || d > 600)) throw new TypeError(`Expected \`--dpi\` between 100 and 600, got \`${args.dpi?.join(', ')}\``)
  if (args['reuse-ocr'] && !args.cache) throw new TypeError('Expected `--cache DIR` with `--reuse-ocr`')
  const selected = TEMPLATES.filter((t) => !args.only || args.only.some((o) => t.name.includes(o)))
  const work = args.cache ?? (await mkdtemp(join(tmpdir(), 'ita-ocr-layouts-')))
  let engine: OcrEngine | undefined
  const runs: Run[] = []
  try {
    for (const tpl of selected) {
      const dir = join(LAYOUTS_DIR, tpl.name)
      if (!existsSync(join(dir, 'born-digital.pdf'))) {
        console.error(`${tpl.name}: no samples/layouts/${tpl.name}/born-digital.pdf (run npm run samples:layouts)`)
        continue
      }
      const bornDigital = new Uint8Array(await readFile(join(dir, 'born-digital.pdf')))
      const truthDoc = await readPdfDocument(bornDigital, `${tpl.name}/born-digital.pdf`, defaultContext(), { ocr: 'never' })
      const truthValues = reportValues(await docToReport(truthDoc, defaultContext(), { pipeline: 'pdf' }))
      for (const dpi of dpis) {
        const started = performance.now()
        const split: Split = tpl.blind ? 'blind' : tpl.split
        try {
          const scanPath = await scanOf(tpl, dpi, seed, bornDigital, work)
          const scanDoc = await ocrDocOf(scanPath, args['reuse-ocr'], async () => (engine ??= await createOcrEngine()))
          const scanValues = reportValues(uncertainAsUnreadable(await docToReport(scanDoc, defaultContext(), { pipeline: 'pdf' })))
          runs.push({
            template: tpl.name,
            split,
            dpi,
            pages: scanDoc.pages.length,
            seconds: (performance.now() - started) / 1000,
            tables: compareDocs(normaliseDoc(truthDoc), normaliseDoc(scanDoc)),
            fields: compareFields(truthValues, scanValues),
          })
        } catch (error) {
          const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
          runs.push({ template: tpl.name, split, dpi, pages: 0, seconds: (performance.now() - started) / 1000, tables: emptyTableFigures(), fields: { ...compareFields(truthValues, null) }, error: message })
        }
        console.error(row(runs.at(-1)!))
      }
    }
  } finally {
    await engine?.close()
    if (!args.cache) await rm(work, { recursive: true, force: true })
  }
  print(runs, args['show-held-out'])
}

async function scanOf(tpl: Template, dpi: number, seed: number, bornDigital: Uint8Array, work: string): Promise<string> {
  if (seed === DEFAULT_SEED && existsSync(committedScanPath(tpl.name, dpi))) return committedScanPath(tpl.name, dpi)
  const scanSeed = layoutScanSeed(tpl.name, dpi, seed)
  const path = join(work, tpl.name, `scanned-${dpi}dpi-${scanSeed}.pdf`)
  if (existsSync(path)) return path
  await mkdir(join(work, tpl.name), { recursive: true })
  await writeFile(path, await scanLayoutPdf(bornDigital, layoutScanSettings(dpi, scanSeed), `ITA layout sample ${tpl.name}`))
  return path
}

/** Writes a new file and renames it over `path`: a cache copied with hard links (`cp -al`) keeps its old file. */
async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, text)
  await rename(temporary, path)
}

/** The scan read with OCR; kept beside it as `.doc.json` (the OCR of a page takes seconds). */
async function ocrDocOf(scanPath: string, reuse: boolean, engine: () => Promise<OcrEngine>): Promise<Doc> {
  const cached = `${scanPath}.doc.json`
  if (reuse && existsSync(cached)) return JSON.parse(await readFile(cached, 'utf8')) as Doc
  const bytes = new Uint8Array(await readFile(scanPath))
  const e = await engine()
  const doc = await readPdfDocument(bytes, scanPath, defaultContext(), { ocr: 'auto', ocrPageImages: (images, ctx) => ocrPageImages(images, ctx, { engine: e }) })
  if (!scanPath.startsWith(LAYOUTS_DIR) || reuse) await replaceFile(cached, JSON.stringify(doc)).catch(() => {})
  return doc
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`)

function row(r: Run): string {
  const t = r.tables
  const f = r.fields
  return [
    `${r.template} ${r.dpi}dpi`.padEnd(34),
    r.split.padEnd(8),
    `grids ${t.gridsEqual}/${t.tables}`.padEnd(12),
    `num ${t.numericExact}/${t.numericCells} unread ${t.numericUnreadable} WRONG ${t.numericWrong}`.padEnd(30),
    `CER ${pct(t.cellEdits, t.cellChars)}`.padEnd(11),
    `short ${t.cellsShort}/${t.cellsCompared}`.padEnd(13),
    `lost ${t.linesLost}/${t.lines}`.padEnd(11),
    `scores ${f.scoresExact}/${f.scores} WRONG ${f.scoresWrong}`.padEnd(20),
    `items ${f.itemsExact}/${f.items} WRONG ${f.itemsWrong}`.padEnd(20),
    `measures ${f.measuresComplete}/${f.measures}`.padEnd(15),
    `findings ${f.findingsEqual ? 'equal' : 'differ'}`,
    `${(r.seconds / Math.max(1, r.pages)).toFixed(1)} s/page`,
    r.error ? `FAILED: ${r.error}` : '',
  ].join(' ')
}

function print(runs: readonly Run[], showHeldOut: boolean): void {
  console.log(`Scanned layouts vs their born-digital PDFs: ${runs.length} scan(s), Node ${process.version}`)
  console.log('')
  console.log('| split | scans | grids equal | numeric cells exact | unreadable | WRONG | cell CER | cells short | lines lost | indicator scores exact | scores WRONG | item scores exact | items WRONG | measures complete | findings equal | failed |')
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const split of ['train', 'held-out', 'blind'] as const) {
    for (const dpi of [...new Set(runs.map((r) => r.dpi))].sort()) {
      const rs = runs.filter((r) => r.split === split && r.dpi === dpi)
      if (rs.length === 0) continue
      const t = rs.map((r) => r.tables).reduce(addTableFigures, emptyTableFigures())
      const f = rs.map((r) => r.fields).reduce(addFieldFigures, emptyFieldFigures())
      console.log(
        `| ${split} ${dpi} dpi | ${rs.length} | ${t.gridsEqual}/${t.tables} (${pct(t.gridsEqual, t.tables)}) | ${t.numericExact}/${t.numericCells} (${pct(t.numericExact, t.numericCells)}) | ${t.numericUnreadable} | ${t.numericWrong} | ${pct(t.cellEdits, t.cellChars)} | ${t.cellsShort}/${t.cellsCompared} | ${t.linesLost}/${t.lines} | ${f.scoresExact}/${f.scores} (${pct(f.scoresExact, f.scores)}) | ${f.scoresWrong} | ${f.itemsExact}/${f.items} (${pct(f.itemsExact, f.items)}) | ${f.itemsWrong} | ${f.measuresComplete}/${f.measures} (${pct(f.measuresComplete, f.measures)}) | ${f.findingsEqual}/${f.documents} | ${rs.filter((r) => r.error).length} |`,
      )
    }
  }
  console.log('')
  console.log('Per scan (blind templates: totals only):')
  for (const r of runs) if (r.split !== 'blind') console.log(row(r))
  const listed = runs.filter((r) => r.split === 'train' || (r.split === 'held-out' && showHeldOut))
  for (const r of listed) {
    const lines = [...r.tables.examples, ...r.fields.misses]
    if (lines.length === 0) continue
    console.log('')
    console.log(`${r.template} ${r.dpi} dpi:`)
    for (const l of lines) console.log(`  ${l}`)
  }
  console.log('\nThe machine may be shared with other work: timings are indicative only.')
}
