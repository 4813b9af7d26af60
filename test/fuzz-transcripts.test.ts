/**
 * Fuzzing transcripts: damaged copies of the two transcript fixtures must give a report or a
 * clean one-line error, never a crash, each within a time bound. Crashes found here are kept as
 * regression cases in test/fixtures/fuzz/ (see its README).
 */
import { readFileSync } from 'node:fs'
import { describe, it } from 'vitest'
import { convertBytes } from '../pipelines/convert.js'
import { expectCleanOutcome } from './fuzz/outcome.js'
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
