/**
 * `npm run bench:layouts [-- options]`: how well the structure stage reads reports laid out and
 * worded in other ways (issue 20). Converts every template of samples/layouts/ as a transcript and
 * as a born-digital PDF with the library, and compares field by field with its expected.json.
 *
 *   --regenerate N   also N fresh random reports per template, made in a temporary folder
 *                    (needs chromium); seeds from --seed S (default 1), so a run can be repeated
 *   --only NAME      only templates whose name contains NAME (repeatable)
 *   --kind K         only one input kind (`transcript`, `pdf`, `docx`, `odt`, `docx-lo`, `odt-lo`, `pdf-lo`,
 *                    `pdf-lo-hrules`, `pdf-lo-borderless`: producers.ts)
 *   --perturb NAME   print every template's report perturbed (perturb.ts: thai-digits, three-decimals,
 *                    tight, zwsp ...: how values are printed, never what they are) and score it against
 *                    the unchanged truth; the files are made afresh in a temporary folder (the PDF
 *                    kinds need chromium / LibreOffice)
 *   --json           machine-readable output
 *   --show-held-out  also list the held-out templates' wrong and missing values (by default only
 *                    their figures are printed, so that fixes are made against the training set
 *                    and the held-out figures stay a measure of generalisation); blind held-out
 *                    templates are never listed
 *
 * Prints per template and input: fields exact / missing / wrong (a value, but another one), extra
 * values, findings equal to the truth and their precision / recall; then training, held-out and
 * blind held-out totals separately, and each batch of templates (`set` in templates.ts) on its own
 * line: `held-out v3` ... `held-out v7` (listed value by value with --show-held-out),
 * `blind v9` (totals only, never listed); then every wrong value of the training templates.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { convertFile } from '../pipelines/convert.js'
import { reportValues } from '../samples/generate/report-values.js'
import { committedSeed, generateLayout, LAYOUTS_DIR, type Expected } from '../samples/generate/layouts/generate-layouts.js'
import { PRODUCERS } from '../samples/generate/layouts/producers.js'
import { subSeed } from '../samples/generate/layouts/random.js'
import { scoreValues, type Score } from '../samples/generate/layouts/score.js'
import { TEMPLATES, type Template } from '../samples/generate/layouts/templates.js'
import { perturbationNamed } from '../samples/generate/layouts/perturb.js'

const { values: args } = parseArgs({
  options: {
    regenerate: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string', multiple: true },
    kind: { type: 'string' },
    json: { type: 'boolean', default: false },
    'show-held-out': { type: 'boolean', default: false },
    perturb: { type: 'string' },
  },
})
const perturb = args.perturb === undefined ? undefined : perturbationNamed(args.perturb)
const regenerate = Number(args.regenerate)
if (!Number.isInteger(regenerate) || regenerate < 0) throw new TypeError(`Expected \`--regenerate\` to be an integer >= 0, got \`${args.regenerate}\``)
const KINDS = PRODUCERS.filter((p) => args.kind === undefined || p.kind === args.kind)
if (KINDS.length === 0) throw new TypeError(`Expected \`--kind\` to be one of ${PRODUCERS.map((p) => p.kind).join(', ')}, got \`${args.kind}\``)

interface Result {
  readonly template: string
  /** `blind`: a held-out template whose values are never listed (templates.ts). */
  readonly split: Template['split'] | 'blind'
  /** The batch the template was added in (`v3`, `v4`), totalled on its own line as well. */
  readonly set?: string
  readonly seed: number
  readonly kind: string
  readonly error?: string
  readonly ms: number
  readonly score: Score
}

async function runOne(dir: string, expected: Expected): Promise<Result[]> {
  const out: Result[] = []
  for (const { kind, file } of KINDS) {
    const path = join(dir, file)
    const start = performance.now()
    let actual = null
    let error: string | undefined
    try {
      actual = reportValues(await convertFile(path, { ocr: 'auto' }))
    } catch (cause) {
      error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
    }
    const score = scoreValues(expected.values, actual)
    const tpl = TEMPLATES.find((t) => t.name === expected.template)
    const split = tpl?.blind === true ? 'blind' : expected.split
    out.push({ template: expected.template, split, ...(tpl?.set && { set: tpl.set }), seed: expected.seed, kind, ms: performance.now() - start, score, ...(error && { error }) })
  }
  return out
}

const selected = TEMPLATES.filter((t) => !args.only || args.only.some((o) => t.name.includes(o)))
const committed = new Set(existsSync(LAYOUTS_DIR) ? await readdir(LAYOUTS_DIR) : [])
const results: Result[] = []
const work = await mkdtemp(join(tmpdir(), 'bench-layouts-'))
try {
  for (const tpl of selected) {
    if (perturb) {
      // The committed report's content, printed perturbed.
      const { expected } = await generateLayout(tpl, committedSeed(tpl), join(work, tpl.name), KINDS, { perturb })
      results.push(...(await runOne(join(work, tpl.name), expected)))
    } else {
      if (!committed.has(tpl.name)) {
        console.error(`${tpl.name}: no samples/layouts/${tpl.name}/ (run npm run samples:layouts)`)
        continue
      }
      const dir = join(LAYOUTS_DIR, tpl.name)
      const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as Expected
      if (expected.seed !== committedSeed(tpl)) console.error(`${tpl.name}: expected.json is for seed ${expected.seed}, the template's is ${committedSeed(tpl)}: regenerate`)
      results.push(...(await runOne(dir, expected)))
    }
    if (!args.json) process.stderr.write(`${tpl.name} done\n`)
  }
  for (const tpl of selected) {
    for (let k = 0; k < regenerate; k++) {
      const seed = subSeed(Number(args.seed), `${tpl.name}:${k}`)
      const dir = join(work, `${tpl.name}-${seed}`)
      const { expected } = await generateLayout(tpl, seed, dir, KINDS, perturb ? { perturb } : {})
      results.push(...(await runOne(dir, expected)))
      if (!args.json) process.stderr.write(`${tpl.name} seed ${seed} done\n`)
    }
  }
} finally {
  await rm(work, { recursive: true, force: true })
}

// ------------------------------------------------------------------------------------------------

interface Totals {
  readonly runs: number
  readonly fields: number
  readonly exact: number
  readonly missing: number
  readonly wrong: number
  readonly extra: number
  readonly findingsEqual: number
  readonly precision: number
  readonly recall: number
  readonly failed: number
}

function totals(rs: readonly Result[]): Totals {
  const sum = (f: (r: Result) => number) => rs.reduce((a, r) => a + f(r), 0)
  const matched = sum((r) => r.score.findings.matched)
  const reported = sum((r) => r.score.findings.actual)
  const expected = sum((r) => r.score.findings.expected)
  return {
    runs: rs.length,
    fields: sum((r) => r.score.counts.total),
    exact: sum((r) => r.score.counts.exact),
    missing: sum((r) => r.score.counts.missing),
    wrong: sum((r) => r.score.counts.wrong),
    extra: sum((r) => r.score.counts.extra),
    findingsEqual: rs.filter((r) => r.score.findings.equal).length,
    precision: reported === 0 ? 1 : matched / reported,
    recall: expected === 0 ? 1 : matched / expected,
    failed: rs.filter((r) => r.error).length,
  }
}

/** Whose values may be listed one by one. */
const listed = (r: Result) => r.split === 'train' || (r.split === 'held-out' && args['show-held-out'])

const groups: { name: string; totals: Totals }[] = []
for (const split of ['train', 'held-out', 'blind'] as const) {
  for (const { kind } of KINDS) {
    const rs = results.filter((r) => r.split === split && r.kind === kind)
    if (rs.length > 0) groups.push({ name: `${split} ${kind}`, totals: totals(rs) })
  }
}
// Each batch of templates (v3, v4, v5, v6) apart too, so a new batch's first measure is not averaged away.
for (const set of [...new Set(results.flatMap((r) => (r.set ? [r.set] : [])))]) {
  for (const { kind } of KINDS) {
    const rs = results.filter((r) => r.set === set && r.kind === kind)
    if (rs.length > 0) groups.push({ name: `${rs[0]!.split} ${set} ${kind}`, totals: totals(rs) })
  }
}

if (args.json) {
  process.stdout.write(
    `${JSON.stringify(
      {
        ...(perturb && { perturbation: perturb.name }),
        results: results.map((r) => ({
          ...r,
          score: listed(r)
            ? { counts: r.score.counts, findings: r.score.findings, wrong: r.score.fields.filter((f) => f.state !== 'exact'), extra: r.score.extra }
            : { counts: r.score.counts, findings: { ...r.score.findings, missed: [], spurious: [] } },
        })),
        totals: groups,
      },
      null,
      1,
    )}\n`,
  )
} else {
  const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`)
  const line = (cols: (string | number)[], widths: number[]) => cols.map((c, i) => (i < 3 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ')
  const widths = [30, 8, 10, 7, 8, 8, 6, 6, 9, 5, 5, 7]
  if (perturb) console.log(`every report printed perturbed: ${perturb.name} (${perturb.description}); the truth is unchanged\n`)
  console.log(line(['template', 'split', 'input', 'fields', 'exact', 'missing', 'wrong', 'extra', 'findings', 'P', 'R', 'seconds'], widths))
  for (const r of results) {
    const c = r.score.counts
    const f = r.score.findings
    console.log(
      line(
        [r.seed === committedSeed(TEMPLATES.find((t) => t.name === r.template)!) ? r.template : `${r.template}@${r.seed}`, r.split, r.kind, c.total, pct(c.exact, c.total), c.missing, c.wrong, c.extra, f.equal ? 'equal' : `${f.matched}/${f.expected}+${f.spurious.length}`, f.precision.toFixed(2), f.recall.toFixed(2), (r.ms / 1000).toFixed(1)],
        widths,
      ) + (r.error ? `  FAILED: ${r.error}` : ''),
    )
  }
  console.log('')
  console.log(line(['totals', '', '', 'fields', 'exact', 'missing', 'wrong', 'extra', 'equal', 'P', 'R', 'failed'], widths))
  for (const g of groups) {
    const t = g.totals
    console.log(line([g.name, '', '', t.fields, pct(t.exact, t.fields), t.missing, t.wrong, t.extra, `${t.findingsEqual}/${t.runs}`, t.precision.toFixed(2), t.recall.toFixed(2), t.failed], widths))
  }
  const wrong = results.filter(listed).flatMap((r) => r.score.fields.filter((f) => f.state === 'wrong').map((f) => ({ r, f })))
  const hidden = results.filter((r) => !listed(r)).reduce((n, r) => n + r.score.counts.wrong, 0)
  console.log(`\nwrong values (${wrong.length}${hidden > 0 ? `; ${hidden} of held-out templates not listed (held-out: --show-held-out; blind: never)` : ''}):`)
  for (const { r, f } of wrong) console.log(`  ${r.template}@${r.seed} ${r.kind} ${f.path}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`)
  console.log('\nThe machine may be shared with other work: timings are indicative only.')
}
