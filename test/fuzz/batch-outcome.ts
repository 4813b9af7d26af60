/**
 * Runs a folder of hostile inputs through the real CLI batch (one converter process per file,
 * the shared OCR engine, the memory limits) and checks what every input ended with: converted,
 * or failed with an exit code from the table and one line naming the file and the reason. No
 * crash of a converter, no timeout, no unexpected error, every converter's memory under the bound.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { ExitCode } from '../../src/cli/exit-code.js'
import { FailureKindSchema } from '../../src/errors.js'
import type { ManifestEntry } from '../../src/batch/manifest.js'
import { NO_STACK, runCliProcess } from '../cli-process.js'

/** Peak resident memory of a converter, MB: far above a real report's, far below what a bomb would take. */
export const MEMORY_BOUND_MB = 1500

/** Outcomes that mean ita-extract, not the input, failed. */
const NOT_CLEAN = new Set(['E_UNEXPECTED', 'E_WORKER_CRASHED', 'E_TIMEOUT', 'E_INVALID_OUTPUT'])

export async function expectCleanBatch(inputDir: string, outDir: string, options: { deadlineMs: number; timeoutS: number }): Promise<Record<string, number>> {
  const run = await runCliProcess(['convert', inputDir, '-o', outDir, '--jobs', '2', '--timeout', String(options.timeoutS)], { deadlineMs: options.deadlineMs })
  expect(run.killed, 'the batch ended by itself').toBe(false)
  expect([ExitCode.ok, ExitCode.partialSuccess, ExitCode.inputFile]).toContain(run.code)
  expect(run.stderr).not.toMatch(NO_STACK)
  const entries = readFileSync(join(outDir, 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ManifestEntry)
  const results = entries.filter((e): e is Extract<ManifestEntry, { event: 'done' | 'failed' }> => e.event === 'done' || e.event === 'failed')
  const inputs = (entries.find((e) => e.event === 'run') as Extract<ManifestEntry, { event: 'run' }>).inputs
  expect(results, 'one result per input').toHaveLength(inputs)
  const tally: Record<string, number> = {}
  for (const r of results) {
    const name = r.input.split(/[\\/]/).at(-1)!
    if (r.event === 'failed') {
      expect(NOT_CLEAN.has(r.error.code), `${name}: ${r.error.code}: ${r.error.message}`).toBe(false)
      expect(FailureKindSchema.options).toContain(r.error.kind)
      expect(r.error.message, name).not.toContain('\n')
      expect(r.error.message, name).toContain(name)
    }
    expect((r.maxRssKb ?? 0) / 1024, `${name}: converter memory`).toBeLessThan(MEMORY_BOUND_MB)
    const key = r.event === 'done' ? 'done' : r.error.code
    tally[key] = (tally[key] ?? 0) + 1
  }
  return tally
}
