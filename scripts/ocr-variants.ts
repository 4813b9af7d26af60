/**
 * OCR robustness matrix (issue 5, generalisation): how the OCR holds up when the font, the scan
 * resolution and the scan damage change. Each variant is generated from a bundled transcript with
 * the sample generator (samples/generate) in a temporary folder, converted end to end with
 * convertFile, and compared with that transcript's expected-values.json.
 *
 *   npm run bench:variants                      the quick set (6 variants of nongbua, 8 pages each)
 *   npm run bench:variants -- --full            the whole matrix (2 transcripts x 4 fonts x 2 dpi x 3 damages)
 *   npm run bench:variants -- --only 'nongbua/k2d/*'       variants whose name matches (`*` is a wildcard)
 *   npm run bench:variants -- --keep /tmp/variants          keep each variant's PDF and report.json there
 *   npm run bench:variants -- --list                        print the chosen variants' names and stop
 *   npm run bench:variants -- --layouts [--only NAME]       scanned layout templates vs their born-digital
 *                                                           PDFs (issue 11; options in ocr-layouts.ts)
 *
 * `--only` filters the quick set with --quick, otherwise the whole matrix. Variant names are
 * `<transcript>/<font>/<dpi>dpi/<damage>`. The digit reader is trained on sarabun, k2d,
 * noto-sans-thai and taviraj among others; `niramit-heldout` (in the matrix with --held-out) is the
 * family the digit model never saw.
 *
 * Prints a Markdown table (one row per variant) and, under it, every miss: what, expected, got,
 * and what was read (prov.raw, page, reader, confidence). A WRONG value is a number that is present
 * and differs from the expected one: the worst failure, since the product promises "unreadable"
 * (null) rather than wrong.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { convertFile } from '../pipelines/convert.js'
import type { NumberValue, Prov, Report } from '../src/report/schema.js'
import type { DegradeOptions } from '../samples/generate/degrade-page.js'
import { generateSample, SAMPLES, type SampleSpec } from '../samples/generate/generate-samples.js'
import { reportValues } from '../samples/generate/report-values.js'

type Values = ReturnType<typeof reportValues>

interface FontChoice {
  readonly label: string
  readonly font: SampleSpec['font']
}

const FONTS: readonly FontChoice[] = [
  { label: 'sarabun', font: { package: 'sarabun', filePrefix: 'Sarabun', family: 'Sarabun' } },
  { label: 'k2d', font: { package: 'k2d', filePrefix: 'K2D', family: 'K2D' } },
  { label: 'noto-sans-thai', font: { package: 'noto-sans-thai', filePrefix: 'NotoSansThai', family: 'Noto Sans Thai' } },
  { label: 'taviraj', font: { package: 'taviraj', filePrefix: 'Taviraj', family: 'Taviraj' } },
]
/** Not in the digit model's training fonts (see tools/digit-model/fonts.ts). */
const HELD_OUT_FONT: FontChoice = { label: 'niramit-heldout', font: { package: 'niramit', filePrefix: 'Niramit', family: 'Niramit' } }

const DPIS = [200, 300] as const

interface Damage {
  readonly label: string
  /** The degradation and JPEG quality for a transcript's sample (its own settings for `sample`). */
  readonly of: (sample: SampleSpec) => { degrade?: Omit<DegradeOptions, 'seed'>; jpegQuality?: number }
}

const DAMAGES: readonly Damage[] = [
  {
    label: 'clean',
    of: () => ({ degrade: { maxSkewDegrees: 0, maxShift: 0, blur: 0, noiseSigma: 0, paper: 255, ink: 0, lightingFalloff: 0 }, jpegQuality: 92 }),
  },
  {
    label: 'sample',
    of: (s) => ({ ...(s.degrade ? { degrade: s.degrade } : {}), ...(s.jpegQuality !== undefined ? { jpegQuality: s.jpegQuality } : {}) }),
  },
  {
    label: 'heavy',
    of: () => ({
      degrade: { maxSkewDegrees: 2, maxShift: 0.008, blur: 0.9, noiseSigma: 7, paper: 232, ink: 48, lightingFalloff: 22 },
      jpegQuality: 50,
    }),
  },
]

interface Variant {
  readonly name: string
  readonly sample: SampleSpec
  readonly font: FontChoice
  readonly dpi: number
  readonly damage: Damage
}

const variantName = (sample: string, font: string, dpi: number, damage: string) => `${sample}/${font}/${dpi}dpi/${damage}`

/** Small enough for ~20 minutes on 2 cores: nongbua (8 pages), every font, both resolutions, the sample's damage and heavier. */
const QUICK = [
  variantName('nongbua', 'sarabun', 300, 'sample'),
  variantName('nongbua', 'noto-sans-thai', 300, 'sample'),
  variantName('nongbua', 'taviraj', 300, 'sample'),
  variantName('nongbua', 'k2d', 200, 'sample'),
  variantName('nongbua', 'k2d', 300, 'heavy'),
  variantName('nongbua', 'sarabun', 200, 'heavy'),
]

function matrix(heldOut: boolean): Variant[] {
  const out: Variant[] = []
  for (const sample of SAMPLES)
    for (const font of heldOut ? [...FONTS, HELD_OUT_FONT] : FONTS)
      for (const dpi of DPIS)
        for (const damage of DAMAGES) out.push({ name: variantName(sample.name, font.label, dpi, damage.label), sample, font, dpi, damage })
  return out
}

function globMatcher(pattern: string): (name: string) => boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  const re = new RegExp(source, 'i')
  return (name) => re.test(name)
}

// --- comparing -------------------------------------------------------------------------------

interface Miss {
  readonly what: string
  readonly expected: unknown
  readonly got: unknown
  /** Where the value was read, when it was found at all. */
  readonly prov?: Prov | undefined
  /** A number that is present and differs from the expected one. */
  readonly wrong: boolean
  readonly uncertain?: boolean | undefined
}

interface Counts {
  indicatorScores: [number, number]
  itemScores: [number, number]
  measures: [number, number]
  totals: [number, number]
  previous: [number, number]
  findings: boolean
  wrong: number
  wrongUncertain: number
  unreadable: number
}

interface Comparison {
  readonly counts: Counts
  readonly misses: Miss[]
}

const SECTIONS = ['summary', 'detail', 'analysis'] as const

export function compareReport(report: Report, expected: Values): Comparison {
  const got = reportValues(report)
  const misses: Miss[] = []
  const counts: Counts = {
    indicatorScores: [0, 0],
    itemScores: [0, 0],
    measures: [0, 0],
    totals: [0, 0],
    previous: [0, 0],
    findings: true,
    wrong: 0,
    wrongUncertain: 0,
    unreadable: 0,
  }

  /** Compares one number; returns whether it is exact and records a miss otherwise. */
  const number = (tally: [number, number], what: string, want: number | null, value: NumberValue | null | undefined): boolean => {
    tally[1]++
    const have = value?.value ?? null
    if (have === want) {
      tally[0]++
      return true
    }
    const wrong = have !== null && want !== null
    if (wrong) {
      counts.wrong++
      if (value?.uncertain) counts.wrongUncertain++
    } else if (have === null) counts.unreadable++
    misses.push({ what, expected: want, got: value == null ? '(not found)' : have, prov: value?.prov, wrong, uncertain: value?.uncertain })
    return false
  }

  for (const want of expected.indicators) {
    const indicator = report.indicators.find((i) => i.number === want.number)
    SECTIONS.forEach((section, k) =>
      number(counts.indicatorScores, `indicator ${want.number} ${section}`, want.scores[k] as number | null, indicator ? indicator.scores[section] : undefined),
    )
    for (const [code, score] of want.items) {
      const item = indicator?.items.find((i) => i.code === code)
      number(counts.itemScores, `item ${code} score`, score as number | null, item ? item.score : undefined)
    }
    want.measures.forEach((m, k) => {
      counts.measures[1]++
      const candidates = indicator?.measures ?? []
      // The indicator number printed above the table is not part of "right", but a different one is a wrong value.
      const printed = (candidates.find((c) => c.item === m.item) ?? candidates[k])?.printedIndicator
      if (printed?.value != null && m.printedIndicator !== null && printed.value !== m.printedIndicator) {
        counts.wrong++
        if (printed.uncertain) counts.wrongUncertain++
        const what = `indicator ${want.number} measure ${k + 1} (${m.item}) printed indicator number`
        misses.push({ what, expected: m.printedIndicator, got: printed.value, prov: printed.prov, wrong: true, uncertain: printed.uncertain })
      }
      const right = candidates.find(
        (h) => h.item === m.item && (h.itemScore?.value ?? null) === m.itemScore && h.period?.from === m.period?.[0] && h.period?.to === m.period?.[1],
      )
      if (right) {
        counts.measures[0]++
        return
      }
      const label = `indicator ${want.number} measure ${k + 1} (${m.item})`
      const h = candidates.find((c) => c.item === m.item) ?? candidates[k]
      if (!h) {
        misses.push({ what: label, expected: 'a measure', got: '(not found)', wrong: false })
        return
      }
      if (h.item !== m.item) {
        // Attached to another item: a wrong value as surely as a wrong number. No item (unidentified) is only a miss.
        const wrong = h.item !== null
        if (wrong) counts.wrong++
        misses.push({ what: `${label} item`, expected: m.item, got: h.item, prov: h.printedCode?.prov ?? h.prov, wrong })
      }
      const score = h.itemScore?.value ?? null
      if (score !== m.itemScore) {
        const wrong = score !== null && m.itemScore !== null
        if (wrong) {
          counts.wrong++
          if (h.itemScore?.uncertain) counts.wrongUncertain++
        } else if (score === null) counts.unreadable++
        misses.push({ what: `${label} item score`, expected: m.itemScore, got: score, prov: h.itemScore?.prov, wrong, uncertain: h.itemScore?.uncertain })
      }
      const wantPeriod = m.period ? `${m.period[0]} .. ${m.period[1]}` : null
      const gotPeriod = h.period ? `${h.period.from} .. ${h.period.to}` : null
      if (wantPeriod !== gotPeriod) {
        // A date read as another date is wrong; a part left null (unreadable) is not.
        const wrong = !!h.period && !!m.period && ((h.period.from !== null && h.period.from !== m.period[0]) || (h.period.to !== null && h.period.to !== m.period[1]))
        if (wrong) counts.wrong++
        const inferred = h.period?.inferred.length ? ` (inferred: ${h.period.inferred.join(', ')})` : ''
        misses.push({ what: `${label} period`, expected: wantPeriod, got: `${gotPeriod}${inferred}`, prov: h.period?.prov, wrong })
      }
    })
  }
  const extraIndicators = report.indicators.filter((i) => !expected.indicators.some((w) => w.number === i.number))
  for (const i of extraIndicators) misses.push({ what: `indicator ${i.number}`, expected: '(none)', got: 'an indicator', prov: i.name?.prov, wrong: true })
  counts.wrong += extraIndicators.length

  for (const [tool, score] of expected.tools) {
    const have = report.tools.find((t) => t.tool === tool)
    number(counts.totals, `tool ${tool} score`, score as number | null, have ? have.score : undefined)
  }
  number(counts.totals, 'total score', expected.totalScore as number | null, report.totalScore)
  number(counts.totals, 'fiscal year', expected.fiscalYear as number | null, report.fiscalYear)

  if (expected.previous) {
    for (const key of ['fiscalYear', 'totalScore', 'difference'] as const)
      number(counts.previous, `previous ${key}`, expected.previous[key] as number | null, report.previous ? report.previous[key] : undefined)
  }

  const key = (f: unknown[]) => JSON.stringify(f)
  const wantFindings = expected.findings.map(key)
  const gotFindings = got.findings.map(key)
  for (const [k, f] of got.findings.entries()) {
    if (wantFindings.includes(key(f))) continue
    const finding = report.findings[k]!
    const read = finding.values.map((v) => `${v.label}=${v.value}${v.prov ? ` [p${v.prov.page} "${v.prov.raw}"]` : ''}`).join('; ')
    misses.push({ what: `finding ${f.join(' ')}`, expected: '(none)', got: `${finding.message.en} ${read}`, wrong: false })
  }
  for (const f of expected.findings) if (!gotFindings.includes(key(f))) misses.push({ what: `finding ${f.join(' ')}`, expected: 'this finding', got: '(missing)', wrong: false })
  counts.findings = JSON.stringify([...wantFindings].sort()) === JSON.stringify([...gotFindings].sort())
  return { counts, misses }
}

// --- running ---------------------------------------------------------------------------------

interface Row {
  readonly variant: Variant
  readonly pages?: number
  readonly secondsPerPage?: number
  readonly gaps?: string[]
  readonly result?: Comparison
  readonly error?: string
}

const ratio = ([a, b]: [number, number]) => `${a}/${b}`
const cellText = (x: unknown) => String(typeof x === 'string' ? x : JSON.stringify(x)).replace(/\|/g, '\\|').replace(/\n/g, ' ')

function tableRow(row: Row): string {
  if (!row.result) return `| ${row.variant.name} | ${row.pages ?? '-'} | - | crashed: ${cellText(row.error)} | | | | | | | |`
  const c = row.result.counts
  const wrong = c.wrong === 0 ? '0' : `**${c.wrong}**${c.wrongUncertain ? ` (${c.wrongUncertain} marked uncertain)` : ''}`
  return `| ${row.variant.name} | ${row.pages} | ${row.secondsPerPage!.toFixed(1)} | ${ratio(c.indicatorScores)} | ${ratio(c.itemScores)} | ${ratio(c.measures)} | ${ratio(c.totals)} | ${ratio(c.previous)} | ${c.findings ? 'yes' : 'no'} | ${wrong} | ${c.unreadable} | ${row.gaps!.length} |`
}

function missLine(variant: string, miss: Miss): string {
  const p = miss.prov
  const read = p
    ? `p${p.page} raw "${p.raw}"${p.reader ? ` by ${p.reader}` : ''}${p.confidence !== undefined ? ` conf ${p.confidence.toFixed(2)}` : ''}`
    : '-'
  const flag = miss.wrong ? 'WRONG' : 'miss'
  return `| ${variant} | ${flag}${miss.uncertain ? ' (uncertain)' : ''} | ${cellText(miss.what)} | ${cellText(miss.expected)} | ${cellText(miss.got)} | ${cellText(read)} |`
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      full: { type: 'boolean' },
      only: { type: 'string' },
      keep: { type: 'string' },
      'held-out': { type: 'boolean' },
      list: { type: 'boolean' },
    },
  })
  const all = matrix(!!values['held-out'])
  const useQuick = values.quick || (!values.full && values.only === undefined)
  let chosen = useQuick ? all.filter((v) => QUICK.includes(v.name)) : all
  if (values.only !== undefined) chosen = chosen.filter((v) => globMatcher(values.only!)(v.name))
  if (chosen.length === 0) {
    console.error(`No variant matches ${values.only}; names look like ${all[0]!.name}`)
    process.exitCode = 2
    return
  }
  if (values.list) {
    for (const v of chosen) console.log(v.name)
    return
  }

  const keep = values.keep
  const work = keep ?? (await mkdtemp(join(tmpdir(), 'ita-ocr-variants-')))
  const expectedOf = new Map<string, Values>()
  for (const s of SAMPLES) expectedOf.set(s.name, JSON.parse(await readFile(join(s.dir, 'expected-values.json'), 'utf8')) as Values)

  console.error(`${chosen.length} variant(s); generated in ${work}${keep ? '' : ' (removed at the end)'}`)
  const rows: Row[] = []
  try {
    // One generation (one born-digital print) per transcript x font x damage gives every dpi asked for.
    const groups = new Map<string, Variant[]>()
    for (const v of chosen) {
      const k = `${v.sample.name}/${v.font.label}/${v.damage.label}`
      groups.set(k, [...(groups.get(k) ?? []), v])
    }
    for (const [group, variants] of groups) {
      const dir = join(work, group.replace(/\//g, '_'))
      await mkdir(dir, { recursive: true })
      const base = variants[0]!
      const spec: SampleSpec = {
        name: group,
        dir,
        transcriptSource: base.sample.transcriptSource ?? join(base.sample.dir, base.sample.transcriptFile),
        transcriptFile: base.sample.transcriptFile,
        ...(base.sample.parse ? { parse: base.sample.parse } : {}),
        font: base.font.font,
        keepBornDigital: false,
        dpis: variants.map((v) => v.dpi),
        scanSeed: base.sample.scanSeed,
        ...base.damage.of(base.sample),
      }
      const t0 = performance.now()
      try {
        await generateSample(spec, () => {})
      } catch (error) {
        const message = `generation failed: ${error instanceof Error ? error.message : String(error)}`
        for (const v of variants) rows.push({ variant: v, error: message })
        console.error(`${group}: ${message}`)
        continue
      }
      console.error(`${group}: generated ${spec.dpis.join(', ')} dpi in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
      for (const v of variants) {
        const pdf = join(dir, `scanned-${v.dpi}dpi.pdf`)
        const started = performance.now()
        let row: Row
        try {
          const report = await convertFile(pdf)
          const seconds = (performance.now() - started) / 1000
          if (keep) await writeFile(join(dir, `report-${v.dpi}dpi.json`), JSON.stringify(report, null, 1))
          row = {
            variant: v,
            pages: report.source.pages,
            secondsPerPage: seconds / Math.max(1, report.source.pages),
            gaps: report.gaps.map((g) => `${g.code}${g.page ? ` p${g.page}` : ''}: ${g.message}`),
            result: compareReport(report, expectedOf.get(v.sample.name)!),
          }
        } catch (error) {
          row = { variant: v, error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error) }
        }
        rows.push(row)
        console.error(tableRow(row))
      }
      if (!keep) await rm(dir, { recursive: true, force: true })
    }
  } finally {
    if (!keep) await rm(work, { recursive: true, force: true })
  }

  console.log(`OCR robustness matrix: ${rows.length} variant(s), Node ${process.version}`)
  console.log('')
  console.log('| variant | pages | s/page | indicator scores exact | item scores exact | measures right | tools, total, year | previous year | findings as transcript | WRONG values | unreadable or not found | gaps |')
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const row of rows) console.log(tableRow(row))
  console.log('')
  console.log('Measures right: item, item score and period (from, to) as expected. WRONG: a value present and different from the expected one (a number, a date, or a measure on another item).')
  const misses = rows.flatMap((r) => (r.result ? r.result.misses.map((m) => missLine(r.variant.name, m)) : []))
  const crashes = rows.filter((r) => r.error)
  if (misses.length > 0) {
    console.log('')
    console.log('| variant | kind | what | expected | got | read |')
    console.log('| --- | --- | --- | --- | --- | --- |')
    for (const line of misses) console.log(line)
  }
  const gapLines = rows.flatMap((r) => (r.gaps ?? []).map((g) => `- ${r.variant.name}: ${g}`))
  if (gapLines.length > 0) {
    console.log('')
    console.log('Gaps:')
    for (const line of gapLines) console.log(line)
  }
  for (const row of crashes) {
    console.log('')
    console.log(`Crash in ${row.variant.name}:`)
    console.log(row.error)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--layouts')) {
    const { runLayoutOracle } = await import('./ocr-layouts.js')
    await runLayoutOracle(process.argv.slice(2))
  } else await main()
}
