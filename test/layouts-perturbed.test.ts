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
 * templates held below (transcripts, 2026-12-07; held-out = heldout-01..11 and v3-v12; the figures of rewrap
 * and the section perturbations are train and held-out v1-v12 together, 10,781 fields in 79 runs):
 * - rewrap: train and held-out v1-v12 99.99%, 0 wrong, 79/79 findings equal; v13 (opened since) 98.3%, 4 wrong:
 *   v13-04's and v13-06's measures written as lines lose their periods and actions when wrapped.
 * - section-order: 99.98%, 1 wrong (blind-v9-03: indicator 1's detail score with the analysis moved before
 *   the detail list), 78/79 findings equal.
 * - page-furniture: 99.9%, 6 wrong, 74/79: heldout-v3-02's responsible units one short where a page turns in
 *   the list, blind-v4-02's paragraph measures taking a page's furniture for an unnumbered step; a page
 *   turning inside a detail list before e9 (v11) or between an analysis heading and its prose (v6-04).
 * - merged-lines: 99.2%, 4 wrong, 75/79: measures written as paragraphs (heldout-v3-02, blind-v4-02) whose
 *   part labels run into their first line; sentence-list summaries (blind-v9-01, v9-04) run together.
 * - no-blank-lines: 99.1%, 1 wrong, 69/79: letters and outlines whose summary is a list of lines
 *   (v4-03, v5-02, v5-04, v5-06, v8-03, v10-01, v10-05, v11-03) and heldout-v3-02's paragraph measures.
 * - column-order: train 100%; heldout-01..11 52 fields missing, v3 98.2% (3 wrong: a transposed summary's
 *   indicator numbers out of order), v4 92.4%, v6 94.0%, v11 95.6%.
 * - split-tables: train 100%; v9 99.7%, v11 97.1% (2 and 26 fields missing, none wrong).
 * - merged-header: train 99.0% (14 missing); held-out sets 96.6-100%, 21 wrong (v5, v8, v9, v12: a Gantt
 *   chart's three header rows joined into one lose its months, periods read as unreadable).
 * - row-numbers: train 100%; v6 98.8%, v11 96.6%, v13 98.1% (10, 30, 16 fields missing), v8 2 wrong (blind-v8-04's
 *   responsible counts); a ลำดับ column before a detail list's spanning indicator cell no longer gives the
 *   indicator its first item's score (31 wrong before).
 * - remarks-column: train 100%; heldout-01..11 3, v5 10, v7 6 fields missing.
 */
const NOT_YET = new Set<string>(['column-order', 'split-tables', 'merged-header', 'row-numbers', 'remarks-column'])

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
