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
 * Perturbations the structure stage does not read through yet, with what they cost on the development
 * templates (transcripts, 2026-12-08, after robust23a; train and held-out v1-v14; v16 is in development and
 * reads as unperturbed under each):
 * - merged-lines: 0 wrong; heldout-v3-02's paragraph measures (10 missing: a label run into another part's
 *   text), v10-03's and v10-05's overall results run into the paragraph before them (9 missing), v13-06's
 *   measures (14 missing). Blind v15 totals under it: 96.9% with 4 wrong (unperturbed 98.2%, 3 wrong).
 * - no-blank-lines: 0 wrong; v5-02 and v5-06 lose their summary scores (10 each), v10-03 and v10-05 their
 *   overall results (9).
 * - merged-header: 0 wrong; heldout-08 42 missing (per-tool detail tables), heldout-v3-01 13 and blind-v4-01 10
 *   (transposed summaries), v7-03 and v7-06 last year's total (2 each).
 * Read through since robust23a: rewrap, page-furniture, split-tables, row-numbers, remarks-column.
 */
const NOT_YET = new Set<string>(['merged-lines', 'no-blank-lines', 'merged-header'])

/**
 * Perturbations that take away what some values are read from, so those values can only be unreadable:
 * `<perturbation> <template>` with the field paths' prefix that may be missing (never wrong). Without its
 * header, a checklist's two mark columns (มี | ไม่มี) no longer say which one a tick stands in.
 */
const UNREADABLE_WITHOUT: ReadonlyMap<string, string> = new Map([
  ['no-header blind-v16-02-southern-checklist', 'items.o'],
  ['no-header blind-v16-05-police-annex', 'items.o'],
])

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
    const unreadable = UNREADABLE_WITHOUT.get(`${name} ${tpl.name}`)
    if (unreadable) {
      expect(score.fields.filter((f) => f.state === 'wrong' || (f.state === 'missing' && !f.path.startsWith(unreadable))).map((f) => `${f.path}: ${f.state}`)).toEqual([])
      return
    }
    expect(score.fields.filter((f) => f.state !== 'exact').map((f) => `${f.path}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`)).toEqual([])
    expect(score.findings.equal, JSON.stringify(score.findings)).toBe(true)
  })
})
