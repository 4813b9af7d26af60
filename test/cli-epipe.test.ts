/**
 * `ita-extract ... | head -1`: a reader that closes the pipe early must end the CLI quietly, with
 * its usual exit code and no EPIPE stack trace. Real child processes, real pipes.
 */
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ExitCode } from '../src/cli/exit-code.js'
import { repoPath, seedTranscript } from './helpers.js'

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  /** Bytes the reader took before closing its end. */
  read: number
}

/**
 * Runs the CLI from source with stdout piped to a reader that closes its end: at once (before
 * the CLI can have written anything, so every write fails), or after the first line, like `head -1`.
 */
function runPipedInto(reader: 'closed-at-once' | 'first-line', args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', repoPath('src', 'cli', 'main.ts'), ...args], {
      cwd: repoPath(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    })
    let stderr = ''
    let read = 0
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    if (reader === 'closed-at-once') child.stdout.destroy()
    else
      child.stdout.on('data', (chunk: Buffer) => {
        read += chunk.length
        if (chunk.includes(0x0a)) child.stdout.destroy()
      })
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stderr, read }))
  })
}

const quiet = (run: Run) => {
  expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /)
  expect(run.signal).toBeNull()
}

describe('a closed stdout ends the CLI quietly', () => {
  it.each([
    ['convert (JSON to stdout)', ['convert', seedTranscript], ExitCode.ok],
    ['check (text)', ['check', seedTranscript], ExitCode.checksFailed],
    ['check --format json', ['check', seedTranscript, '--format', 'json'], ExitCode.checksFailed],
    ['check --format markdown', ['check', seedTranscript, '--format', 'markdown'], ExitCode.checksFailed],
  ])('%s, reader closed before any output -> usual exit code, no stack trace', async (_name, args, expected) => {
    const run = await runPipedInto('closed-at-once', args)
    quiet(run)
    expect(run.code).toBe(expected)
  })

  it('convert | head -1: the reader takes the first line of a report larger than a pipe buffer, then closes', async () => {
    const run = await runPipedInto('first-line', ['convert', seedTranscript])
    quiet(run)
    expect(run.code).toBe(ExitCode.ok)
    expect(run.read).toBeGreaterThan(0)
  })
})
