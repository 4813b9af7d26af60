/**
 * The small things a new user trips on: usage errors in one plain line, help where it belongs,
 * `check` on a folder, one wording for file errors, no path said twice, the documents the help
 * points to shipped in the package, and no temporary folders left behind by the tests.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../src/cli/main.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { repoPath, seedTranscript } from './helpers.js'

let stdout: string[]
let stderr: string[]
beforeEach(() => {
  stdout = []
  stderr = []
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true))
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true))
})
afterEach(() => vi.restoreAllMocks())

const dir = mkdtempSync(join(tmpdir(), 'ita-cli-small-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('usage', () => {
  it('no arguments: the help on stderr (nothing on stdout), exit 64', async () => {
    expect(await runCli([])).toBe(ExitCode.badArgs)
    expect(stdout.join('')).toBe('')
    expect(stderr.join('')).toMatch(/^ita-extract: turn Thai ITA improvement reports/)
  })

  it.each([
    [['convert', '--bogus', 'x.txt'], 'ita-extract: convert: unknown option --bogus'],
    [['convert', 'x.txt', '-o'], 'ita-extract: convert: --output needs a value'],
    [['convert', 'x.txt', '--bom=yes'], 'ita-extract: convert: --bom takes no value'],
    [['check', '-x', 'x.txt'], 'ita-extract: check: unknown option -x'],
  ])('%j: one plain line, then where to find help, exit 64', async (args, line) => {
    expect(await runCli(args)).toBe(ExitCode.badArgs)
    expect(stderr.join('').split('\n')[0]).toBe(line)
    expect(stderr.join('')).not.toMatch(/To specify a positional|'--/)
  })

  it('check --help says PDFs and images are read too, and folders taken', async () => {
    expect(await runCli(['check', '--help'])).toBe(ExitCode.ok)
    expect(stdout.join('')).toMatch(/PDFs and\s+page images/)
    expect(stdout.join('')).toMatch(/Folders are searched/)
  })
})

describe('check', () => {
  it('takes a folder like convert does', async () => {
    const folder = join(dir, 'reports')
    mkdirSync(join(folder, 'sub'), { recursive: true })
    copyFileSync(seedTranscript, join(folder, 'sub', 'bankum.txt'))
    expect(await runCli(['check', folder, '--format', 'json'])).toBe(ExitCode.checksFailed)
    const result = JSON.parse(stdout.join('')) as { files: { file: string }[] }
    expect(result.files.map((f) => f.file)).toEqual([join(folder, 'sub', 'bankum.txt')])
  })

  it('a missing file: the same words as convert, the path said once', async () => {
    const missing = join(dir, 'missing.txt')
    expect(await runCli(['check', missing])).toBe(ExitCode.inputFile)
    const all = stderr.join('') + stdout.join('')
    expect(stderr.join('')).toBe(`ita-extract: ${missing}: cannot read the file (no such file or folder)\n`)
    expect(all.split(missing)).toHaveLength(3) // once on stderr, once in the results
    expect(all).not.toMatch(/ENOENT/)
    stderr.length = 0
    expect(await runCli(['convert', missing])).toBe(ExitCode.inputFile)
    expect(stderr.join('')).toBe(`ita-extract: ${missing}: cannot read the file (no such file or folder)\n`)
  })
})

describe('packaging and hygiene', () => {
  it('the documents the help points to are in the published package', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoPath(), encoding: 'utf8' })) as { files: { path: string }[] }[]
    expect(pack!.files.map((f) => f.path)).toContain('docs/csv-columns.md')
  })

  it('temporary files go into the run\'s own folder, removed when the run ends', () => {
    expect(tmpdir()).toMatch(/ita-extract-tests-[^/\\]+$/)
  })
})
