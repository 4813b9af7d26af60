/**
 * The layout templates' reports printed a little differently (samples/generate/layouts/perturb.ts:
 * Thai or Arabic digits, zero-width spaces, capital codes ...) must read exactly as the reports do:
 * the perturbations change how values are printed, never what they are, so the truth is the
 * unperturbed one. Transcripts only, so the whole set runs in seconds; `npm run bench:layouts --
 * --perturb NAME --kind K` measures the other input kinds.
 */
import { describe, expect, it } from 'vitest'
import { convertBytes } from '../pipelines/convert.js'
import { committedSeed } from '../samples/generate/layouts/generate-layouts.js'
import { perturbDoc, PERTURBATIONS } from '../samples/generate/layouts/perturb.js'
import { renderTranscript } from '../samples/generate/layouts/render-transcript.js'
import { scoreValues } from '../samples/generate/layouts/score.js'
import { IN_DEVELOPMENT, renderTemplate, templateSpec, TEMPLATES, truthLayout } from '../samples/generate/layouts/templates.js'
import { truthOf } from '../samples/generate/layouts/truth.js'
import { reportValues } from '../samples/generate/report-values.js'

/**
 * Perturbations the structure stage does not read through yet, with what they cost on the
 * templates held below (transcripts, 2026-12-07; held-out = heldout-01..11 and v3-v12):
 * - rewrap: train 100%, held-out v1-v10 99.8% (heldout-04, -07, v9-01, v9-04 lose 3-8 fields; 1 wrong, the
 *   total, in v9-01): a sentence or heading wrapped over two lines is read line by line.
 * - column-order: train 100%; heldout-01..11 52 fields missing, v3 98.2% (3 wrong: a transposed summary's
 *   indicator numbers out of order), v4 92.4%, v6 94.0%, v11 95.6%.
 * - split-tables: train 100%; v9 99.7%, v11 97.1% (2 and 26 fields missing, none wrong).
 * - merged-header: train 99.0% (14 missing); held-out sets 96.6-100%, 21 wrong (v5, v8, v9, v12: a Gantt
 *   chart's three header rows joined into one lose its months, periods read as unreadable).
 * - row-numbers: train 100%; v4 97.1%, v6 96.6%, v11 96.6%, 31 wrong: a ลำดับ column before a detail list
 *   whose indicator cell spans its items makes the first item's score the indicator's.
 * - remarks-column: train 100%; heldout-01..11 3, v5 10, v7 6 fields missing.
 */
const NOT_YET = new Set(['rewrap', 'column-order', 'split-tables', 'merged-header', 'row-numbers', 'remarks-column'])

// Blind templates are judged by their bench totals only; templates in development do not read whole yet.
const templates = TEMPLATES.filter((t) => !t.blind && !IN_DEVELOPMENT.has(t.name))

/**
 * Each perturbation is held on every third template, a different third for the next one, so every set
 * (train, held-out v1 ... v11) is under each perturbation and the file runs in about a minute; the bench
 * (`--perturb NAME`) measures every template.
 */
const heldUnder = (k: number) => templates.filter((_, i) => i % SHARES === k % SHARES)
const SHARES = 3

describe.each(PERTURBATIONS.map((p, k) => [p.name, p, k] as const))('%s', (name, perturbation, k) => {
  if (NOT_YET.has(name)) {
    it.todo(`${perturbation.description}: not read through yet (NOT_YET says what it costs)`)
    return
  }
  it.each(heldUnder(k).map((t) => [t.name, t] as const))('%s: every field and finding of the truth', async (_, tpl) => {
    const spec = templateSpec(tpl, committedSeed(tpl))
    const transcript = renderTranscript(perturbDoc(renderTemplate(spec, tpl), perturbation))
    const report = await convertBytes(new TextEncoder().encode(transcript), `${tpl.name}.md`, { ocr: 'never' })
    const score = scoreValues(truthOf(spec, truthLayout(tpl)).values, reportValues(report))
    expect(score.fields.filter((f) => f.state !== 'exact').map((f) => `${f.path}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`)).toEqual([])
    expect(score.findings.equal, JSON.stringify(score.findings)).toBe(true)
  })
})
