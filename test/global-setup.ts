/**
 * Every temporary file of a test run, from the tests and from the CLI processes they start, goes
 * into one folder that is removed when the run ends: `npm test` leaves nothing in /tmp, even when
 * a test fails before its own clean-up.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'ita-extract-tests-'))
  // Test processes and the children they start inherit the environment, so os.tmpdir() is `dir` everywhere.
  process.env.TMPDIR = dir
  return () => rmSync(dir, { recursive: true, force: true })
}
