/**
 * Nothing hangs and Ctrl-C always works: output paths that cannot exist fail at once (exit 6,
 * one line), and an interrupted command exits 130 with one line even when what it is doing
 * ignores cancellation. Real child processes, each with a deadline.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../src/cli/main.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { NO_STACK, runCliProcess, stderrLines } from './cli-process.js'
import { repoPath, seedTranscript } from './helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'ita-interrupt-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.runIf(process.platform === 'linux')('an output path that cannot exist fails at once', () => {
  it.each([
    ['convert <file> -o /proc/sub/x.json', ['convert', seedTranscript, '-o', '/proc/sub/x.json'], '/proc/sub/x.json'],
    ['convert <file> -o /proc/outdir (batch)', ['convert', seedTranscript, '-o', '/proc/outdir'], '/proc/outdir'],
    ['check <file> -o /proc/sub/report.md', ['check', seedTranscript, '-o', '/proc/sub/report.md'], '/proc/sub/report.md'],
  ])('%s -> exit 6, one line naming the path', async (_name, args, path) => {
    const run = await runCliProcess(args, { deadlineMs: 20_000 })
    expect(run.killed).toBe(false)
    expect(run.code).toBe(ExitCode.fileAccess)
    const lines = stderrLines(run)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(path)
    expect(lines[0]).toMatch(/cannot (write|create)/)
    expect(run.stderr).not.toMatch(/ENOENT|EACCES/)
  })
})

describe('Ctrl-C', () => {
  const stuck = repoPath('test', 'fixtures', 'scripts', 'stuck-command.ts')

  it('a command that ignores cancellation is stopped after the grace period: exit 130, one line', async () => {
    const run = await runCliProcess([], { script: stuck, deadlineMs: 30_000, signals: [{ signal: 'SIGINT', afterMs: 0, afterStderr: /ready/ }] })
    expect(run.killed).toBe(false)
    expect(run.code).toBe(ExitCode.interrupted)
    expect(stderrLines(run)).toEqual(['ready', 'ita-extract: interrupted (still stopping after 1 s)'])
  })

  it('a second Ctrl-C exits at once', async () => {
    const run = await runCliProcess([], {
      script: stuck,
      env: { GRACE_MS: '600000' },
      deadlineMs: 30_000,
      signals: [
        { signal: 'SIGINT', afterMs: 0, afterStderr: /ready/ },
        { signal: 'SIGINT', afterMs: 200, afterStderr: /ready/ },
      ],
    })
    expect(run.killed).toBe(false)
    expect(run.code).toBe(ExitCode.interrupted)
    expect(stderrLines(run).at(-1)).toBe('ita-extract: interrupted (second Ctrl-C)')
  })

  it('an interrupted conversion says "interrupted" in one line, no stack trace (exit 130)', async () => {
    const stderr: string[] = []
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true))
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      // The scan takes seconds to OCR; wherever the abort lands before the end, the result is the same.
      const controller = new AbortController()
      setTimeout(() => controller.abort(), 200)
      const code = await runCli(['convert', repoPath('samples', 'bankum', 'scanned-200dpi.pdf'), '-o', join(dir, 'x.json')], controller.signal)
      expect(code).toBe(ExitCode.interrupted)
      expect(stderr.join('')).toBe('ita-extract: interrupted\n')
      expect(stderr.join('')).not.toMatch(NO_STACK)
    } finally {
      vi.restoreAllMocks()
    }
  })
})
