/**
 * Fuzzing transcripts: damaged copies of the two transcript fixtures must give a report or a
 * clean one-line error, never a crash, each within a time bound. Crashes found here are kept as
 * regression cases in test/fixtures/fuzz/ (see its README).
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { convertBytes } from '../pipelines/convert.js'
import { encodeUtf16be, encodeWindows874 } from './fuzz/encodings.js'
import { expectCleanOutcome, tally, type Outcome } from './fuzz/outcome.js'
import { repoPath } from './helpers.js'

interface Regression {
  readonly name: string
  readonly seed: string
  readonly edits: readonly { readonly line: number; readonly text: string }[]
}

const regressions = JSON.parse(readFileSync(repoPath('test', 'fixtures', 'fuzz', 'transcript-regressions.json'), 'utf8')) as Regression[]

/** Every case is bounded; a real report converts in well under a second. */
const CASE_BOUND_MS = 20_000

describe('transcript regressions found by fuzzing', () => {
  it.each(regressions.map((r) => [r.name, r] as const))('%s', async (name, regression) => {
    const lines = readFileSync(repoPath(regression.seed), 'utf8').split('\n')
    for (const edit of regression.edits) lines[edit.line - 1] = edit.text
    const file = `${name}.txt`
    await expectCleanOutcome(file, () => convertBytes(Buffer.from(lines.join('\n')), file), CASE_BOUND_MS)
  })
})

/** Runs per property; FUZZ_RUNS=500 npx vitest run test/fuzz-transcripts.test.ts fuzzes longer (FUZZ_SEED picks another sequence). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40)
const SEED = Number(process.env.FUZZ_SEED ?? 18)
/** Longer fuzzing runs get time in proportion. */
const PROPERTY_TIMEOUT_MS = 60_000 + RUNS * 5_000
const fuzzSettings = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true })

const THAI = [...'กขคงจฉชซญดตถทธนบปผฝพฟภมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋็์ๆฯ๐๑๒๓๔๕๖๗๘๙']
const CONTROL = ['\0', '\x07', '\x1b', '\r', '\f', '\v', '\u200b', '\ufeff', '\ufffd', '\u0e4d\u0e32', '\u202e']
const MARKUP = ['\t', '|', '<td>', '</td>', '<tr>', '</tr>', '<table>', '</table>', '<td rowspan="3">', '<th colspan=9>', '<br>', '</p>', '<!-- page 2 -->', '|---|---|', '--\t--']

type Op =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'cut'; at: number; keep: number }
  | { kind: 'insert'; at: number; pos: number; text: string }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), keep: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    pos: fc.nat(),
    text: fc.oneof(fc.array(fc.constantFrom(...THAI), { minLength: 1, maxLength: 30 }).map((a) => a.join('')), fc.constantFrom(...CONTROL, ...MARKUP)),
  }),
)

function mutate(text: string, ops: readonly Op[]): string {
  const lines = text.split('\n')
  for (const o of ops) {
    const at = (n: number) => n % Math.max(1, lines.length)
    if (o.kind === 'delete') lines.splice(at(o.at), o.count)
    else if (o.kind === 'duplicate') lines.splice(at(o.at), 0, ...lines.slice(at(o.at), at(o.at) + o.count))
    else if (o.kind === 'swap') [lines[at(o.a)], lines[at(o.b)]] = [lines[at(o.b)] ?? '', lines[at(o.a)] ?? '']
    else if (o.kind === 'cut') lines[at(o.at)] = (lines[at(o.at)] ?? '').slice(0, o.keep % ((lines[at(o.at)] ?? '').length + 1))
    else {
      const line = [...(lines[at(o.at)] ?? '')]
      line.splice(o.pos % (line.length + 1), 0, o.text)
      lines[at(o.at)] = line.join('')
    }
  }
  return lines.join('\n')
}

/** How the mutated text is stored: mostly UTF-8, sometimes in another encoding, right or wrong. */
const ENCODINGS = {
  'utf-8': (t: string) => Buffer.from(t),
  'utf-16le': (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
  'utf-16be, no mark': (t: string) => encodeUtf16be(t),
  'windows-874': (t: string) => encodeWindows874([...t].map((ch) => (ch <= '\x7f' || THAI.includes(ch) ? ch : '?')).join('')),
  'latin-1 (wrong)': (t: string) => Buffer.from(t, 'latin1'),
  'utf-8 cut mid-character': (t: string) => Buffer.from(t).subarray(0, Buffer.from(t).length - 1),
} as const

const seeds = {
  'bankum.txt': readFileSync(repoPath('samples', 'bankum', 'transcript.txt'), 'utf8'),
  'nongbua.md': readFileSync(repoPath('test', 'fixtures', 'transcripts', 'nongbua-2568.md'), 'utf8'),
}

describe('fuzzing transcripts', () => {
  it('damaged copies of the seeds: a report or a clean error, never a crash', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const outcomes: Outcome[] = []
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(seeds) as (keyof typeof seeds)[])),
        fc.array(op, { minLength: 1, maxLength: 12 }),
        fc.oneof({ weight: 4, arbitrary: fc.constant('utf-8' as const) }, { weight: 1, arbitrary: fc.constantFrom(...(Object.keys(ENCODINGS) as (keyof typeof ENCODINGS)[])) }),
        async (seed, ops, encoding) => {
          const file = `mutant-${encoding.replace(/\W+/g, '-')}-${seed}`
          outcomes.push(await expectCleanOutcome(file, () => convertBytes(ENCODINGS[encoding](mutate(seeds[seed], ops)), file), CASE_BOUND_MS))
        },
      ),
      fuzzSettings(RUNS),
    )
    console.log('transcript mutants:', tally(outcomes))
    expect(outcomes.filter((o) => o.ok).length, 'most damaged reports still give a report').toBeGreaterThan(RUNS / 3)
  })

  it('HTML table fragments in any order: a report or a clean error, never a crash', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const piece = fc.oneof(
      fc.constantFrom(...MARKUP, '<table border=1>', '<tr >', '<td\n>', '</TD>', '<td rowspan=0>', '<td colspan="99999">', '<thead>', '<td', '>', '\n'),
      fc.constantFrom('ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่', '๙๓.๕๕', 'คะแนนรายตัวชี้วัด', 'มาตรการ', 'ระยะเวลา', '๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙', 'กองคลัง'),
    )
    const outcomes: Outcome[] = []
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 200 }), async (pieces) => {
        const file = 'fragments.html'
        outcomes.push(await expectCleanOutcome(file, () => convertBytes(Buffer.from(`<table>${pieces.join('')}`), file), CASE_BOUND_MS))
      }),
      fuzzSettings(RUNS * 3),
    )
    console.log('HTML fragments:', tally(outcomes))
  })

  it('long runs of what patterns backtrack on: each read in time proportional to its length', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(' ', '-', '|', '\t-', '<table ', '<td ', '<tr>', 'ตัวชี้วัดที่ ', '๙', '.', '</p>'), fc.integer({ min: 1_000, max: 200_000 }), async (unit, times) => {
        const file = 'long.txt'
        await expectCleanOutcome(file, () => convertBytes(Buffer.from(`${unit.repeat(times)}x\n`), file), CASE_BOUND_MS)
      }),
      fuzzSettings(Math.ceil(RUNS / 2)),
    )
  })
})
