import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../src/cli/main.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { ReportSchema } from '../src/report/schema.js'
import { repoPath, seedTranscript } from './helpers.js'

let dir: string
let stderr: string[]
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-cli-'))
  stderr = []
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true))
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(() => vi.restoreAllMocks())

const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

describe('ita-extract convert (one transcript)', () => {
  it('writes a valid report and exits 0', async () => {
    const out = join(dir, 'out.json')
    expect(await runCli(['convert', seedTranscript, '-o', out])).toBe(ExitCode.ok)
    expect(ReportSchema.safeParse(JSON.parse(readFileSync(out, 'utf8'))).success).toBe(true)
  })

  it.each([
    ['an empty file', 'empty.txt', '', /is empty/],
    ['a binary file', 'binary.txt', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0xff]), /binary file/],
    ['a text that is not an ITA report', 'letter.txt', 'เรียน ผู้อำนวยการ\nขอเชิญประชุมคณะกรรมการในวันจันทร์ที่ ๑ ตุลาคม\nลงชื่อ เลขานุการ\n', /not an ITA improvement report/],
    ['a file that does not exist', 'missing.txt', undefined, /no such file/],
  ])('%s -> exit 2, one line naming the file, no output written', async (_what, name, content, reason) => {
    const input = content === undefined ? join(dir, name) : file(name, content)
    const out = join(dir, 'out.json')
    expect(await runCli(['convert', input, '-o', out])).toBe(ExitCode.inputFile)
    expect(existsSync(out)).toBe(false)
    expect(stderr.join('')).toMatch(reason)
    expect(stderr.join('')).toContain(name)
    expect(stderr.join('').trim().split('\n')).toHaveLength(1)
  })

  it('a report missing whole sections -> partial result written, gaps said plainly, exit 8', async () => {
    const seed = readFileSync(seedTranscript, 'utf8').split('\n')
    const cut = seed.findIndex((l) => l.startsWith('๑.การวิเคราะห์'))
    const input = file('first-pages.txt', seed.slice(0, cut).join('\n'))
    const out = join(dir, 'out.json')
    expect(await runCli(['convert', input, '-o', out])).toBe(ExitCode.partialSuccess)
    const report = ReportSchema.parse(JSON.parse(readFileSync(out, 'utf8')))
    expect(report.gaps.filter((g) => g.code === 'section-missing').map((g) => g.section).sort()).toEqual(['analysis', 'measures', 'overall'])
    expect(report.indicators).toHaveLength(10)
    expect(stderr.join('')).toMatch(/first-pages\.txt: partial result: measures tables .* not found/)
  })

  it.each([
    [['convert'], ExitCode.badArgs],
    [['convert', 'a.txt', 'b.txt', '-o', 'x.json', '--bogus'], ExitCode.badArgs],
    [['frobnicate'], ExitCode.badArgs],
    [['--help'], ExitCode.ok],
    [['convert', '--help'], ExitCode.ok],
  ])('%j -> exit %i', async (argv, code) => {
    expect(await runCli(argv)).toBe(code)
  })
})

describe('convert --ocr', () => {
  it('rejects an unknown mode with exit 64', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    expect(await runCli(['convert', seedTranscript, '--ocr', 'sometimes'])).toBe(ExitCode.badArgs)
    vi.restoreAllMocks()
  })
  it('--ocr never on a scanned PDF: exit 2, says no text could be read, no output', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ita-ocr-')), 'out.json')
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const messages: string[] = []
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (messages.push(String(chunk)), true))
    const code = await runCli(['convert', repoPath('samples', 'bankum', 'scanned-200dpi.pdf'), '--ocr', 'never', '-o', out])
    vi.restoreAllMocks()
    expect(code).toBe(ExitCode.inputFile)
    expect(messages.join('')).toMatch(/scanned-200dpi\.pdf: no text could be read .*--ocr/)
    expect(existsSync(out)).toBe(false)
  })
})
