/** `ita-extract check`: exit codes 0 / 1 / 2 / 64 and the three output formats, in-process. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../src/cli/main.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { buildReport, setValue } from './check-fixtures.js'
import { seedTranscript } from './helpers.js'

let dir: string
let stdout: string[]
let stderr: string[]
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-check-'))
  stdout = []
  stderr = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true))
})
afterEach(() => vi.restoreAllMocks())

const file = (name: string, content: string) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
const reportFile = (name: string, damage: (r: ReturnType<typeof buildReport>) => void = () => {}) => {
  const report = buildReport()
  damage(report)
  return file(name, JSON.stringify(report))
}
const json = () => JSON.parse(stdout.join(''))

describe('ita-extract check: exit codes', () => {
  it('the seed transcript has errors -> 1', async () => {
    expect(await runCli(['check', seedTranscript])).toBe(ExitCode.checksFailed)
    expect(stdout.join('')).toContain('ERRORS (9)')
  })

  it('a consistent report (JSON written by convert) -> 0', async () => {
    expect(await runCli(['check', reportFile('clean.json')])).toBe(ExitCode.ok)
    expect(stdout.join('')).toContain('0 errors, 0 warnings')
  })

  it('warnings alone do not fail -> 0', async () => {
    expect(await runCli(['check', reportFile('warn.json', (r) => setValue(r.previous!.fiscalYear, 2568))])).toBe(ExitCode.ok)
    expect(stdout.join('')).toContain('WARNINGS (1)')
  })

  it.each([
    ['a file that does not exist', () => join(dir, 'missing.txt'), /missing\.txt: cannot read the file/],
    ['broken JSON', () => file('broken.json', '{"schemaVersion": 1,'), /broken\.json: not valid JSON/],
    ['JSON that is not a report', () => file('other.json', '{"hello": "world"}'), /other\.json: JSON is not an ita-extract report/],
    ['a text that is not an ITA report', () => file('letter.txt', 'เรียน ผู้อำนวยการ\nขอเชิญประชุม\n'), /letter\.txt/],
  ])('%s -> 2, one line on stderr naming the file', async (_what, input, reason) => {
    expect(await runCli(['check', input()])).toBe(ExitCode.inputFile)
    expect(stderr.join('')).toMatch(reason)
    expect(stderr.join('').trim().split('\n')).toHaveLength(1)
  })

  it('an unreadable input among readable ones -> 2, and the others are still reported', async () => {
    const code = await runCli(['check', '--format', 'json', reportFile('clean.json'), join(dir, 'missing.txt'), seedTranscript])
    expect(code).toBe(ExitCode.inputFile)
    const out = json()
    expect(out.files.map((f: { ok: boolean }) => f.ok)).toEqual([true, false, false])
    expect(out.summary).toMatchObject({ files: 3, unreadable: 1, error: 9, warning: 1 })
  })

  it.each([
    [['check'], /at least one input file/],
    [['check', '--format', 'pdf', 'x.txt'], /--format must be one of text, json, markdown, html, got "pdf"/],
    [['check', '--bogus', 'x.txt'], /bogus/],
  ])('bad arguments %j -> 64', async (argv, reason) => {
    expect(await runCli(argv)).toBe(ExitCode.badArgs)
    expect(stderr.join('')).toMatch(reason)
  })
})

describe('ita-extract check: formats', () => {
  it('--format json gives the findings of every file, the same as convert puts in findings[]', async () => {
    expect(await runCli(['convert', seedTranscript])).toBe(ExitCode.ok)
    const converted = JSON.parse(stdout.join(''))
    const convertedFile = file('seed.json', JSON.stringify(converted))
    stdout = []
    expect(await runCli(['check', '--format', 'json', seedTranscript, convertedFile])).toBe(ExitCode.checksFailed)
    const [fromTranscript, fromJson] = json().files
    expect(fromTranscript.findings).toEqual(converted.findings)
    expect(fromJson.findings).toEqual(converted.findings)
    expect(fromJson).toMatchObject({ fiscalYear: 2568, organization: 'องค์การบริหารส่วนตำบลบ้านกุ่ม', counts: { error: 9, warning: 1 } })
  })

  it('--format markdown is in Thai', async () => {
    expect(await runCli(['check', '-f', 'markdown', seedTranscript])).toBe(ExitCode.checksFailed)
    const md = stdout.join('')
    expect(md).toContain('## ข้อผิดพลาด (ต้องแก้ไขก่อนส่ง)')
    expect(md).toMatch(/ตัวชี้วัดที่ 8 · ประเด็น e9: เลขตัวชี้วัดที่หัวตารางมาตรการไม่ตรงกับตัวชี้วัดของประเด็นที่อยู่ในตาราง/)
    expect(md).toMatch(/ตารางมาตรการ หน้า \d+ บรรทัด 269/)
  })

  it('--help prints usage with the exit codes -> 0', async () => {
    expect(await runCli(['check', '--help'])).toBe(ExitCode.ok)
    expect(stdout.join('')).toContain('Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 an input could not be read.')
  })
})
