/**
 * Transcripts as they arrive from thousands of offices: UTF-16 and TIS-620 files read like UTF-8
 * ones (the encoding recorded in `source`), a 50 MB file refused in seconds, a file holding
 * several reports refused instead of merged into one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { convertBytes } from '../pipelines/convert.js'
import { InputTooLargeError, SeveralReportsError } from '../src/errors.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { encodeWindows874 } from './fuzz/encodings.js'
import { NO_STACK, runCliProcess, stderrLines } from './cli-process.js'
import { reportValues, seedTranscript } from './helpers.js'

const seed = readFileSync(seedTranscript, 'utf8')
const dir = mkdtempSync(join(tmpdir(), 'ita-hostile-transcripts-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('transcripts in other encodings', () => {
  const utf8 = convertBytes(Buffer.from(seed), 'seed.txt')

  it.each([
    ['UTF-16LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE without a mark', Buffer.from(seed, 'utf16le').swap16(), 'utf-16be'],
    ['TIS-620 / Windows-874', encodeWindows874(seed), 'windows-874'],
  ])('%s gives the same report as UTF-8, and says which encoding it read', async (_name, bytes, encoding) => {
    const report = await convertBytes(bytes, 'seed.txt')
    expect(report.source.encoding).toBe(encoding)
    expect(reportValues(report)).toEqual(reportValues(await utf8))
    expect((await utf8).source.encoding).toBe('utf-8')
  })
})

describe('a transcript far beyond any report', () => {
  it('50 MB (the seed 478 times) is refused in seconds, stating the cap, without reading it all into a report', async () => {
    const big = join(dir, 'archive.txt')
    writeFileSync(big, `${seed}\n`.repeat(478))
    const run = await runCliProcess(['convert', big, '-o', join(dir, 'archive.json')], { deadlineMs: 60_000 })
    expect(run.code).toBe(ExitCode.inputFile)
    const lines = stderrLines(run)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/archive\.txt: the transcript is 47\.7 MiB, over the 5\.0 MiB limit for one report/)
    expect(run.stderr).not.toMatch(NO_STACK)
  })

  it('under the byte cap, several reports in one file are refused, not merged', async () => {
    const error = await convertBytes(Buffer.from(`${seed}\n`.repeat(20)), 'twenty.txt').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SeveralReportsError)
    expect((error as Error).message).toMatch(/^twenty\.txt: holds 20 reports one after another/)
  })

  it('many short lines are refused before they are parsed into a report', async () => {
    const error = await convertBytes(Buffer.from('a\n'.repeat(2_000_000)), 'lines.txt').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputTooLargeError)
    expect((error as Error).message).toMatch(/lines\.txt: the transcript has 2000000 lines, over the 20000-line limit/)
  })
})
