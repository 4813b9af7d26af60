/** `ita-extract check -o <file>`: the same results as standard output, written atomically. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../src/cli/main.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { TEMP_SUFFIX } from '../src/stages/export/atomic-file.js'
import { buildReport } from './check-fixtures.js'
import { seedTranscript } from './helpers.js'

let dir: string
let stdout: string[]
let stderr: string[]
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-check-output-'))
  stdout = []
  stderr = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true))
})
afterEach(() => vi.restoreAllMocks())

const cleanReport = () => {
  const path = join(dir, 'clean.json')
  writeFileSync(path, JSON.stringify(buildReport()))
  return path
}

/** What `check` prints on standard output for these arguments. */
async function stdoutOf(argv: string[]): Promise<{ code: number; text: string }> {
  stdout = []
  const code = await runCli(argv)
  const text = stdout.join('')
  stdout = []
  return { code, text }
}

const tempLeftovers = (folder: string) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(TEMP_SUFFIX))

describe('ita-extract check -o <file>', () => {
  it.each([
    ['text', ['--format', 'text']],
    ['json', ['-f', 'json']],
    ['markdown', ['--format', 'markdown']],
  ])('%s: the file holds what stdout would, stdout stays empty, same exit code', async (_format, formatArgs) => {
    const expected = await stdoutOf(['check', seedTranscript, ...formatArgs])
    const out = join(dir, 'results.out')
    const code = await runCli(['check', seedTranscript, ...formatArgs, '-o', out])
    expect(code).toBe(expected.code)
    expect(code).toBe(ExitCode.checksFailed)
    expect(stdout.join('')).toBe('')
    expect(readFileSync(out, 'utf8')).toBe(expected.text)
  })

  it('json written with --output loads, with the seed\'s findings', async () => {
    const out = join(dir, 'results.json')
    expect(await runCli(['check', '--format', 'json', '--output', out, seedTranscript, cleanReport()])).toBe(ExitCode.checksFailed)
    const results = JSON.parse(readFileSync(out, 'utf8'))
    expect(results.summary).toMatchObject({ files: 2, error: 9, warning: 1 })
    expect(results.files.map((f: { ok: boolean }) => f.ok)).toEqual([false, true])
  })

  it('text written to a file has no terminal colours, even when stdout is a terminal', async () => {
    const wasTTY = process.stdout.isTTY
    const noColor = process.env.NO_COLOR
    delete process.env.NO_COLOR
    process.stdout.isTTY = true
    try {
      const coloured = await stdoutOf(['check', seedTranscript])
      expect(coloured.text).toContain('\x1b[')
      const out = join(dir, 'results.txt')
      await runCli(['check', seedTranscript, '-o', out])
      const text = readFileSync(out, 'utf8')
      expect(text).toContain('ERRORS (9)')
      expect(text).not.toContain('\x1b[')
    } finally {
      process.stdout.isTTY = wasTTY
      if (noColor === undefined) delete process.env.NO_COLOR
      else process.env.NO_COLOR = noColor
    }
  })

  it('a clean report -> 0; creates missing folders and replaces an existing file whole', async () => {
    const out = join(dir, 'reports', '2568', 'check.md')
    mkdirSync(join(dir, 'reports', '2568'), { recursive: true })
    writeFileSync(out, 'old content that is much longer than nothing '.repeat(200))
    expect(await runCli(['check', cleanReport(), '-f', 'markdown', '-o', out])).toBe(ExitCode.ok)
    const expected = await stdoutOf(['check', cleanReport(), '-f', 'markdown'])
    expect(readFileSync(out, 'utf8')).toBe(expected.text)
    expect(tempLeftovers(dir)).toEqual([])
  })

  it('an unreadable input -> 2, and the results of the others are still written', async () => {
    const out = join(dir, 'results.json')
    expect(await runCli(['check', cleanReport(), join(dir, 'missing.txt'), '-f', 'json', '-o', out])).toBe(ExitCode.inputFile)
    expect(JSON.parse(readFileSync(out, 'utf8')).summary).toMatchObject({ files: 2, unreadable: 1 })
  })

  it('an output that cannot be written (a folder) -> 6, one line naming it, nothing left behind', async () => {
    const out = join(dir, 'a-folder')
    mkdirSync(join(out, 'inside'), { recursive: true })
    expect(await runCli(['check', cleanReport(), '-o', out])).toBe(ExitCode.fileAccess)
    expect(stderr.join('')).toContain(`${out}: cannot write the output`)
    expect(stderr.join('')).not.toMatch(/\n\s+at /)
    expect(readdirSync(out)).toEqual(['inside'])
    expect(tempLeftovers(dir)).toEqual([])
  })

  it.each([
    ['the output is one of the inputs', (input: string) => ['check', input, '-o', input], /is also an input/],
    ['an empty output name', (input: string) => ['check', input, '-o', ''], /--output needs a file name/],
    ['-o without a value', (input: string) => ['check', input, '-o'], /output/],
  ])('%s -> 64, the input untouched', async (_what, argv, reason) => {
    const input = cleanReport()
    const before = readFileSync(input, 'utf8')
    expect(await runCli(argv(input))).toBe(ExitCode.badArgs)
    expect(stderr.join('')).toMatch(reason)
    expect(readFileSync(input, 'utf8')).toBe(before)
  })
})
