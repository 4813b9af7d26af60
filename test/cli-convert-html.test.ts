/** `convert --html`: a review beside each report, single file and batch, kept in step with its JSON. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../src/cli/main.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { repoPath, seedTranscript } from './helpers.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-html-'))
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(() => vi.restoreAllMocks())

describe('convert --html', () => {
  it('one file: <name>.review.html beside the JSON, with the findings and their transcript lines', async () => {
    const out = join(dir, 'bankum.json')
    expect(await runCli(['convert', seedTranscript, '-o', out, '--html'])).toBe(ExitCode.ok)
    const review = readFileSync(join(dir, 'bankum.review.html'), 'utf8')
    expect(review).toContain('ต้องแก้ไข 9 จุด')
    expect(review.match(/<figure class="evidence line"/g)?.length).toBeGreaterThan(20)
  })

  it('needs -o: the review is written beside the JSON', async () => {
    expect(await runCli(['convert', seedTranscript, '--html'])).toBe(ExitCode.badArgs)
  })

  it('batch: one review per document; a re-run writes only the missing ones', { timeout: 300_000 }, async () => {
    const inputs = join(dir, 'in')
    mkdirSync(join(inputs, 'nongbua'), { recursive: true })
    copyFileSync(seedTranscript, join(inputs, 'bankum.txt'))
    copyFileSync(repoPath('samples', 'nongbua', 'transcript.md'), join(inputs, 'nongbua', 'report.md'))
    const out = join(dir, 'out')
    expect(await runCli(['convert', inputs, '-o', out, '--html', '--jobs', '1'])).toBe(ExitCode.ok)
    const bankum = join(out, 'bankum.txt.review.html') // beside bankum.txt.json
    const nongbua = join(out, 'nongbua', 'report.md.review.html')
    expect(readFileSync(bankum, 'utf8')).toContain('ต้องแก้ไข 9 จุด')
    expect(readFileSync(nongbua, 'utf8')).toContain('พร้อมส่ง') // the nongbua report is consistent
    const before = statSync(bankum).mtimeMs
    rmSync(nongbua)
    expect(await runCli(['convert', inputs, '-o', out, '--html', '--jobs', '1'])).toBe(ExitCode.ok)
    expect(existsSync(nongbua)).toBe(true)
    expect(statSync(bankum).mtimeMs).toBe(before)
  })
})
