/**
 * The structure stage on reports laid out and worded as other agencies do (samples/layouts, made by
 * `npm run samples:layouts`): every committed template, read from its transcript and from its
 * Chromium PDF, must give the values and findings of its truth. The figures per template, with
 * training and held-out templates apart, come from `npm run bench:layouts`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { convertFile } from '../pipelines/convert.js'
import { LAYOUTS_DIR } from '../samples/generate/layouts/generate-layouts.js'
import { TEMPLATES } from '../samples/generate/layouts/templates.js'
import { scoreValues } from '../samples/generate/layouts/score.js'
import { reportValues } from '../samples/generate/report-values.js'

// Blind held-out templates (v8 now) are judged by their figures in `npm run bench:layouts` only: a test
// would print their values, and they would then be tuned on like the others.
const leftOut = new Set(TEMPLATES.filter((t) => t.blind).map((t) => t.name))
const templates = readdirSync(LAYOUTS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !leftOut.has(d.name))
  .map((d) => d.name)

/**
 * Known misses, each with its reason. A row split across a page break whose continuation Chromium
 * prints under the table's repeated header loses its last step in the PDF's table grid (the
 * word-processor PDF issue's row reconstruction); the transcript reads it whole.
 */
const KNOWN_WRONG = new Set(['train-10-thai-abbrev pdf measures.o18.steps'])

/**
 * Inputs not read yet, each with its reason: tables printed with horizontal rules only, or none,
 * are not rebuilt from a PDF's text layer until the PDF reader builds tables from the text's
 * alignment (issue 12); their transcripts are read whole.
 */
const NOT_YET = new Set([
  // Chromium prints a footnote line across a page break: the tops of its glyphs at the foot of page 1
  // are read as a table row there (text clipped away should not be read), which ends the summary.
  'blind-v7-02-faculty-landscape pdf',
  'heldout-v3-01-part-transposed pdf',
  'blind-v4-01-transposed-yes-no pdf',
  'blind-v4-03-clause-grouped pdf',
  'blind-v4-05-part-positions pdf',
])

const KINDS: [string, string][] = [
  ['transcript', 'transcript.md'],
  ['pdf', 'born-digital.pdf'],
]

describe.each(templates)('samples/layouts/%s', (template) => {
  const dir = join(LAYOUTS_DIR, template)
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'))

  const kinds = KINDS.filter(([kind]) => !NOT_YET.has(`${template} ${kind}`))
  for (const [kind] of KINDS.filter(([kind]) => NOT_YET.has(`${template} ${kind}`))) it.todo(`${kind}: not read whole yet from the PDF (issue 12; reasons in NOT_YET)`)

  it.each(kinds)('%s: every field and finding of the truth, nothing wrong', async (kind, file) => {
    const report = await convertFile(join(dir, file), { ocr: 'never' })
    const score = scoreValues(expected.values, reportValues(report))
    const wrong = score.fields.filter((f) => f.state === 'wrong' && !KNOWN_WRONG.has(`${template} ${kind} ${f.path}`))
    expect(wrong.map((f) => `${f.path}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`)).toEqual([])
    expect(score.fields.filter((f) => f.state === 'missing').map((f) => f.path)).toEqual([])
    expect(score.findings.equal, JSON.stringify(score.findings)).toBe(true)
  })
})
