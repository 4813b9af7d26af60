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
 * templates held below (transcripts, train and held-out v1-v12, 2026-12-07):
 * - section-order: 99.99%, 1 wrong (blind-v11-06's last year, 2568 for 2567, with the overall section first).
 * - page-furniture: 99.8%, 10 wrong (heldout-v3-02's measures as paragraphs: a page number between an
 *   indicator's heading and its measure, a running header among the responsible units; an organisation's
 *   name and province from a running header); analyses and detail items split by a page's furniture missing.
 * - merged-lines: 99.2%, 4 wrong, 75/79 findings equal.
 * - no-blank-lines: 97.9%, 12 wrong, 63/79.
 */
const NOT_YET = new Set<string>(['section-order', 'page-furniture', 'merged-lines', 'no-blank-lines'])

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
