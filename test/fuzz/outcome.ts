/**
 * What every fuzz case must end with: a valid report, or an ita-extract error with an exit code
 * from the table and one line that names the file and the reason. Never a bare TypeError, never
 * a stack trace in the message, never longer than the case's time bound.
 */
import { expect } from 'vitest'
import { FailureKindSchema, PipelineError } from '../../src/errors.js'
import { ReportSchema, type Report } from '../../src/report/schema.js'


export type Outcome = { ok: true; report: Report; ms: number } | { ok: false; error: PipelineError; ms: number }

/** Runs one case and checks the rules above; returns what happened, for tallies. */
export async function expectCleanOutcome(file: string, run: () => Promise<Report>, boundMs: number): Promise<Outcome> {
  const started = performance.now()
  let outcome: Outcome
  try {
    const report = await run()
    outcome = { ok: true, report, ms: performance.now() - started }
  } catch (error) {
    const ms = performance.now() - started
    if (!(error instanceof PipelineError)) {
      throw new Error(`${file}: crashed with ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`)
    }
    outcome = { ok: false, error, ms }
  }
  expect(outcome.ms, `${file} took ${Math.round(outcome.ms)} ms`).toBeLessThan(boundMs)
  if (outcome.ok) {
    expect(ReportSchema.safeParse(outcome.report).success).toBe(true)
    return outcome
  }
  const { error } = outcome
  expect(FailureKindSchema.options, `${file}: kind ${error.kind}`).toContain(error.kind)
  expect(['other', 'invalid-output']).not.toContain(error.kind)
  expect(error.message, 'one line').not.toContain('\n')
  expect(error.message, 'names the file').toContain(file)
  return outcome
}

/** Counts outcomes by result (`ok` or the error code), for a line in the test log. */
export function tally(outcomes: readonly Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const o of outcomes) {
    const key = o.ok ? 'ok' : o.error.code
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}
