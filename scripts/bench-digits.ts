/**
 * Benchmarks the digit reader on synthetic scanned score cells.
 *
 *   npm run bench:digits -- [--per-font N] [--build] [--lofo FAMILY] [--tesseract N]
 *
 * Prints: model load time (cold from disk and cached), per-cell read time, accuracy per font
 * family (trained vs held-out) on typical scans, harsh scans and tight crops, and on the real
 * score cells of samples/bankum. Options:
 *   --build         also time a full model build from the fonts (minutes)
 *   --lofo FAMILY   train a model without FAMILY (minutes) and score FAMILY's cells with it:
 *                   the "leave the document's own font family out" experiment
 *   --tesseract N   read the first N cells with tesseract.js `tha` (single-line mode) too
 */
import { parseArgs } from 'node:util'
import { resolveFontFiles } from '../tools/digit-model/fonts.js'
import { loadDigitModel, readNumber } from '../src/stages/ocr/digits/index.js'
import { type DigitModel, parseDigitModel } from '../src/stages/ocr/digits/model-store.js'
import { bankumScoreCells } from '../tools/digit-model/real-cells.js'
import { HARSH_RANGES, TEST_RANGES } from '../tools/digit-model/render.js'
import { generateTestCells, type TestCell } from '../tools/digit-model/test-cells.js'
import { DEFAULT_TRAIN_PARAMS, buildDigitModel } from '../tools/digit-model/train.js'

const { values } = parseArgs({
  options: {
    'per-font': { type: 'string', default: '20' },
    build: { type: 'boolean', default: false },
    lofo: { type: 'string' },
    tesseract: { type: 'string' },
  },
})
const perFont = Number(values['per-font'])
const ms = (t: number) => `${t.toFixed(1)} ms`

let t = performance.now()
const model = loadDigitModel()
console.log(`model: ${model.file.trainedOn.length} font files, ${model.file.samples} training glyphs, key ${model.file.key}`)
console.log(`model load: cold ${ms(performance.now() - t)}`)
t = performance.now()
loadDigitModel()
console.log(`model load: cached ${ms(performance.now() - t)}`)

if (values.build) {
  t = performance.now()
  buildDigitModel(resolveFontFiles())
  console.log(`model build from fonts: ${((performance.now() - t) / 1000).toFixed(1)} s`)
}

t = performance.now()
const cells = generateTestCells({ perFont })
console.log(`test set: ${cells.length} cells (${perFont} per font file) rendered in ${ms(performance.now() - t)}`)

interface Row {
  n: number
  right: number
  uncertain: number
  wrong: number
}

function evaluate(cellsToRead: TestCell[], m?: DigitModel): { rows: Map<string, Row>; times: number[] } {
  const rows = new Map<string, Row>()
  const times: number[] = []
  for (const c of cellsToRead) {
    const t0 = performance.now()
    const r = readNumber(c.crop, m ? { model: m } : {})
    times.push(performance.now() - t0)
    const key = `${c.family}${c.heldOut ? ' (held out)' : ''}`
    const row = rows.get(key) ?? { n: 0, right: 0, uncertain: 0, wrong: 0 }
    rows.set(key, row)
    row.n++
    if (r.uncertain) row.uncertain++
    else if (r.text === c.expected) row.right++
    else row.wrong++
  }
  return { rows, times }
}

function printRows(rows: Map<string, Row>, totalLabel = 'ALL TRAINED FAMILIES'): void {
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`.padStart(7)
  console.log(`${'family'.padEnd(34)} cells   right  uncertain  wrong`)
  const sum = { n: 0, right: 0, uncertain: 0, wrong: 0 }
  for (const [k, r] of rows) {
    console.log(`${k.padEnd(34)} ${String(r.n).padStart(5)} ${pct(r.right, r.n)} ${String(r.uncertain).padStart(10)} ${String(r.wrong).padStart(6)}`)
    if (!k.includes('held out')) for (const f of Object.keys(sum) as (keyof Row)[]) sum[f] += r[f]
  }
  console.log(`${totalLabel.padEnd(34)} ${String(sum.n).padStart(5)} ${pct(sum.right, sum.n)} ${String(sum.uncertain).padStart(10)} ${String(sum.wrong).padStart(6)}`)
}

const { rows, times } = evaluate(cells)
const sorted = [...times].sort((a, b) => a - b)
console.log(
  `read time per cell: median ${ms(sorted[sorted.length >> 1]!)}, p95 ${ms(sorted[Math.floor(sorted.length * 0.95)]!)}, max ${ms(sorted[sorted.length - 1]!)}`,
)
printRows(rows)

for (const [name, ranges, crop] of [
  ['harsh scans', HARSH_RANGES, 'cell'],
  ['tight crops', TEST_RANGES, 'tight'],
] as const) {
  const extra = generateTestCells({ perFont: Math.max(1, Math.round(perFont / 2)), ranges, crop, seed: 0x4a25 })
  console.log(`\n${name}:`)
  printRows(evaluate(extra).rows)
}

const realCells = [...(await bankumScoreCells(300)), ...(await bankumScoreCells(200))]
function evaluateReal(m?: DigitModel): string {
  let right = 0
  let wrong = 0
  for (const c of realCells) {
    const r = readNumber(c.crop, m ? { model: m } : {})
    if (!r.uncertain && r.text === c.expected) right++
    else if (!r.uncertain) wrong++
  }
  return `${right}/${realCells.length} right, ${wrong} wrong, ${realCells.length - right - wrong} uncertain`
}
if (realCells.length) console.log(`\nreal scan cells (samples/bankum pages 1-2, 300 + 200 dpi, Sarabun): ${evaluateReal()}`)

if (values.lofo) {
  const family = values.lofo
  const fonts = resolveFontFiles().map((f) => (f.family === family ? { ...f, use: 'held-out' as const } : f))
  if (!fonts.some((f) => f.family === family)) throw new Error(`Unknown font family ${family}`)
  t = performance.now()
  const lofo = parseDigitModel(
    JSON.parse(JSON.stringify(buildDigitModel(fonts, DEFAULT_TRAIN_PARAMS))),
    'lofo',
  )
  console.log(`\nleave-one-family-out: model without ${family} built in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  printRows(evaluate(cells.filter((c) => c.family === family), lofo).rows, `${family.toUpperCase()} LEFT OUT OF TRAINING`)
  if (realCells.length) console.log(`real scan cells with the model lacking ${family}: ${evaluateReal(lofo)}`)
}

if (values.tesseract) {
  const n = Number(values.tesseract)
  const { createWorker, OEM, PSM } = await import('tesseract.js')
  const { prepareLangPath } = await import('../src/stages/ocr/lang-data.js')
  const { createCanvas } = await import('@napi-rs/canvas')
  const worker = await createWorker('tha', OEM.LSTM_ONLY, { langPath: await prepareLangPath(['tha']), cacheMethod: 'none', gzip: true })
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE })
  const subset = cells.filter((c) => !c.heldOut).slice(0, n)
  let right = 0
  const t0 = performance.now()
  for (const c of subset) {
    const canvas = createCanvas(c.crop.width, c.crop.height)
    const g = canvas.getContext('2d')
    const id = g.createImageData(c.crop.width, c.crop.height)
    c.crop.data.forEach((v, i) => id.data.set([v, v, v, 255], i * 4))
    g.putImageData(id, 0, 0)
    const { data } = await worker.recognize(canvas.toBuffer('image/png'))
    const ascii = data.text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[^0-9.]/g, '')
    if (ascii === c.expected) right++
  }
  console.log(`\ntesseract.js tha on the same cells: ${right}/${subset.length} right, ${ms((performance.now() - t0) / subset.length)} per cell`)
  await worker.terminate()
}
