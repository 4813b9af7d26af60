import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { discoverInputs, globBase } from './discover-inputs.js'
import { MANIFEST_FILE, openManifest, readManifest } from './manifest.js'
import { emptyOcrStats } from './ocr-host.js'
import { createLineReporter, createTtyReporter, formatSummary } from './progress.js'
import { LOCK_FILE, runBatch, type BatchSummary } from './run-batch.js'
import { digestOf } from './report-digest.js'
import { runCli } from '../cli/main.js'
import { BadArgsError, InputFileError, type FailureKind } from '../errors.js'
import { ExitCode, exitCodeOf } from '../cli/exit-code.js'
import { sampleReport } from '../../test/export-sample-report.js'

const workerModule = fileURLToPath(new URL('../../test/batch-fixtures/misbehaving-worker.ts', import.meta.url))

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-batch-unit-'))
})
afterEach(() => {
  vi.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

const write = (name: string, content = 'x') => {
  const path = join(dir, name)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, content)
  return path
}

describe('discoverInputs', () => {
  it('walks folders recursively for known input kinds, skipping hidden files and the output folder', async () => {
    write('in/2568/a.pdf')
    write('in/2568/b.TXT')
    write('in/2567/deep/c.md')
    write('in/2568/f.docx')
    write('in/notes.xlsx')
    write('in/.hidden/d.pdf')
    write('in/out/old.pdf.json')
    write('in/out/e.pdf')
    const { inputs, root } = await discoverInputs(['in'], { cwd: dir, exclude: ['in/out'] })
    expect(root).toBe(join(dir, 'in'))
    expect(inputs.map((i) => i.document)).toEqual(['2567/deep/c.md', '2568/a.pdf', '2568/b.TXT', '2568/f.docx'])
    expect(inputs[0]!.path).toBe(join(dir, 'in', '2567', 'deep', 'c.md'))
  })

  it('expands globs itself and names documents relative to the common folder of all arguments', async () => {
    write('x/2568/a.pdf')
    write('x/2568/b.txt')
    write('y/c.pdf')
    const { inputs, emptyGlobs } = await discoverInputs(['x/**/*.pdf', 'y/c.pdf', 'z/*.pdf'.replace('z', 'x')], { cwd: dir })
    expect(inputs.map((i) => i.document)).toEqual(['x/2568/a.pdf', 'y/c.pdf'])
    expect(emptyGlobs).toEqual(['x/*.pdf'])
  })

  it('takes a file named explicitly whatever its extension, once even if named twice', async () => {
    write('a/report.dat')
    const { inputs } = await discoverInputs(['a/report.dat', 'a/report.dat', 'a'], { cwd: dir })
    expect(inputs.map((i) => i.document)).toEqual(['report.dat'])
  })

  it('a path that does not exist is a bad argument; nothing found is an input error', async () => {
    await expect(discoverInputs(['nope'], { cwd: dir })).rejects.toBeInstanceOf(BadArgsError)
    mkdirSync(join(dir, 'empty'))
    await expect(discoverInputs(['empty'], { cwd: dir })).rejects.toBeInstanceOf(InputFileError)
  })

  it.each([
    ['in/**/*.pdf', 'in'],
    ['in/2568/*.{pdf,txt}', 'in/2568'],
    ['*.pdf', '.'],
    ['/abs/dir/**', '/abs/dir'],
  ])('globBase(%s) = %s', (pattern, base) => {
    expect(globBase(pattern)).toBe(base)
  })
})

describe('manifest', () => {
  const key = { input: '/in/a.pdf', document: 'a.pdf', sha256: 'aa', pipeline: 'ita-extract@1', options: '{}' }

  it('keeps the last result and the attempt count of each input', async () => {
    const path = join(dir, MANIFEST_FILE)
    const m = await openManifest(path)
    await m.append({ event: 'start', ...key, attempt: 1 })
    await m.append({ event: 'failed', ...key, attempt: 1, ms: 5, error: { name: 'TimeoutError', code: 'E_TIMEOUT', kind: 'timeout', message: 'slow' } })
    await m.append({ event: 'start', ...key, attempt: 2 })
    await m.append({ event: 'done', ...key, attempt: 2, ms: 7, output: 'a.pdf.json', pages: 3, findings: 1 })
    const state = (await readManifest(path)).get('/in/a.pdf')!
    expect(state.attempts).toBe(2)
    expect(state.last).toMatchObject({ event: 'done', output: 'a.pdf.json' })
  })

  it('skips a last line cut short by a kill, and starts the next line on a fresh line', async () => {
    const path = join(dir, MANIFEST_FILE)
    const m = await openManifest(path)
    await m.append({ event: 'start', ...key, attempt: 1 })
    appendFileSync(path, '{"v":1,"event":"done","inp') // killed mid-write
    const again = await openManifest(path)
    await again.append({ event: 'start', ...key, attempt: 2 })
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(JSON.parse(lines[2]!)).toMatchObject({ event: 'start', attempt: 2 })
    const state = (await readManifest(path)).get('/in/a.pdf')!
    expect(state).toEqual({ attempts: 2 })
  })
})

describe('the exit code of a batch', () => {
  const summary = (over: Partial<BatchSummary>): BatchSummary => ({
    inputs: 3, converted: 0, skipped: 0, documents: 0, pages: 0, failures: [], findingsByRule: {}, interrupted: false, elapsedMs: 0, peakWorkerRssKb: 0, ocr: emptyOcrStats(), ...over,
  })
  const failure = (kind: FailureKind) => ({ document: 'x', error: { name: 'E', code: 'E', kind, message: 'm' } })
  it.each([
    ['all converted', summary({ documents: 3 }), ExitCode.ok],
    ['some failed', summary({ documents: 2, failures: [failure('input-file')] }), ExitCode.partialSuccess],
    ['all unreadable', summary({ failures: [failure('input-file'), failure('input-file')] }), ExitCode.inputFile],
    ['all timed out', summary({ failures: [failure('timeout')] }), ExitCode.timeout],
    ['none converted, mixed reasons', summary({ failures: [failure('timeout'), failure('input-file')] }), ExitCode.inputFile],
    ['interrupted', summary({ documents: 3, interrupted: true }), ExitCode.interrupted],
  ])('%s', (_name, s, code) => {
    expect(exitCodeOf({ type: 'batch', summary: s })).toBe(code)
  })
})

describe('progress reporters', () => {
  const input = { path: '/in/a.txt', document: 'a.txt' }
  const done = { status: 'done' as const, input, digest: digestOf(sampleReport()), ms: 1200, maxRssKb: 1 }
  const failed = { status: 'failed' as const, input: { path: '/in/b.pdf', document: 'b.pdf' }, error: { name: 'E', code: 'E_ENCRYPTED_PDF', kind: 'input-file' as const, message: '/in/b.pdf: encrypted' }, ms: 3 }
  const summary: BatchSummary = {
    inputs: 2, converted: 1, skipped: 0, documents: 1, pages: 6, failures: [{ document: 'b.pdf', error: failed.error }], findingsByRule: { 'indicator-score-mismatch': 3, 'unreadable-value': 1 }, interrupted: false, elapsedMs: 65_000, peakWorkerRssKb: 0, ocr: emptyOcrStats(),
  }

  it('without a TTY: one plain line per finished file, then the summary', () => {
    let text = ''
    const r = createLineReporter({ write: (t: string) => (text += t) })
    r.begin({ total: 2, root: '/in', outDir: '/out', warnings: [] })
    r.finished(done)
    r.finished(failed)
    r.end(summary)
    const lines = text.trimEnd().split('\n')
    expect(lines[1]).toBe('[1/2] ok      a.txt  (6 p, 1.2 s, 2 findings, 1 errors)')
    expect(lines[2]).toBe('[2/2] FAILED  b.pdf  E_ENCRYPTED_PDF: /in/b.pdf: encrypted')
    expect(text).not.toContain('\r')
    expect(text).toContain('Converted 1 of 2 inputs')
    expect(text).toMatch(/E_ENCRYPTED_PDF \(1\)\n {4}b\.pdf: \/in\/b\.pdf: encrypted/)
    expect(text).toMatch(/ {5}3 {2}indicator-score-mismatch/)
  })

  it('the summary says how many pages the shared OCR engine read, only when it ran', () => {
    expect(formatSummary(summary, '/out')).not.toContain('OCR:')
    const ocr = { ...emptyOcrStats(), engines: 1, workers: 2, pages: 48 }
    expect(formatSummary({ ...summary, ocr }, '/out')).toContain("OCR: 48 pages read by the batch's shared engine (2 workers).")
  })

  it('on a TTY: redraws one status line with files, pages, rate and ETA', () => {
    let text = ''
    const r = createTtyReporter({ write: (t: string) => (text += t), isTTY: true, columns: 200 })
    r.begin({ total: 2, root: '/in', outDir: '/out', warnings: [] })
    r.started(input)
    r.page(input, { stage: 'ocr', page: 2, msg: '' })
    r.finished(done)
    expect(text).toMatch(/\r\x1b\[2K[█░]+ {2}1\/2 files {2}6 pages {2}[\d.]+ docs\/min {2}ETA \d+s/)
    r.finished(failed)
    expect(text).toContain('FAILED  b.pdf')
    r.end(summary)
    expect(text.endsWith(formatSummary(summary, '/out'))).toBe(true)
  })
})

describe('runBatch', () => {
  it('interrupted: stops, keeps what was finished, records the unfinished attempt, writes no batch files, exits 130', async () => {
    write('in/a.txt', 'ok เทศบาลตำบลหนึ่ง')
    write('in/b.txt', 'hang')
    write('in/c.txt', 'hang')
    const out = join(dir, 'out')
    const controller = new AbortController()
    const summary = await runBatch(['in'], {
      cwd: dir,
      outDir: out,
      jobs: 1,
      workerModule,
      signal: controller.signal,
      reporter: {
        begin() {},
        skipped() {},
        started(input) {
          if (input.document === 'b.txt') setTimeout(() => controller.abort(), 100)
        },
        page() {},
        finished() {},
        end() {},
      },
    })
    expect(summary.interrupted).toBe(true)
    expect(exitCodeOf({ type: 'batch', summary })).toBe(ExitCode.interrupted)
    expect(existsSync(join(out, 'a.txt.json'))).toBe(true)
    expect(existsSync(join(out, 'all.jsonl'))).toBe(false)
    expect(existsSync(join(out, LOCK_FILE))).toBe(false)
    const events = readFileSync(join(out, MANIFEST_FILE), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { event: string; document?: string })
    expect(events.filter((e) => e.document === 'b.txt').map((e) => e.event)).toEqual(['start'])
    expect(events.some((e) => e.document === 'c.txt')).toBe(false)
  })

  it('refuses an output folder another live run is using (exit 6)', async () => {
    write('in/a.txt', 'ok x')
    mkdirSync(join(dir, 'out'))
    writeFileSync(join(dir, 'out', LOCK_FILE), String(process.ppid))
    await expect(runBatch(['in'], { cwd: dir, outDir: 'out', jobs: 1, workerModule })).rejects.toMatchObject({ kind: 'file-access' })
  })

  it('takes over the lock of a run that was killed', async () => {
    write('in/a.txt', 'ok x')
    mkdirSync(join(dir, 'out'))
    writeFileSync(join(dir, 'out', LOCK_FILE), '999999999')
    const summary = await runBatch(['in'], { cwd: dir, outDir: 'out', jobs: 1, workerModule })
    expect(summary.documents).toBe(1)
    expect(exitCodeOf({ type: 'batch', summary })).toBe(ExitCode.ok)
  })

  it('--force converts again what is done', async () => {
    write('in/a.txt', 'ok x')
    const run = (force: boolean) => runBatch(['in'], { cwd: dir, outDir: 'out', jobs: 1, workerModule, force })
    expect((await run(false)).converted).toBe(1)
    expect((await run(false)).converted).toBe(0)
    expect((await run(true)).converted).toBe(1)
  })

  it('hashes each input when its turn comes: the first conversion starts before the later inputs are looked at', async () => {
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt']
    for (const name of names) write(`in/${name}`, `ok ${name}`)
    const log: string[] = []
    const reporter = {
      begin: () => log.push('begin'),
      skipped: (input: { document: string }) => log.push(`skipped ${input.document}`),
      started: (input: { document: string }) => log.push(`started ${input.document}`),
      page() {},
      finished() {},
      end() {},
    }
    const run = () => runBatch(['in'], { cwd: dir, outDir: 'out', jobs: 1, workerModule, reporter })
    expect((await run()).converted).toBe(6)
    write('in/a.txt', 'ok changed')
    log.length = 0
    const second = await run()
    expect(second).toMatchObject({ converted: 1, skipped: 5, documents: 6 })
    expect(log.slice(0, 2)).toEqual(['begin', 'started a.txt'])
    expect(log.filter((l) => l.startsWith('skipped'))).toEqual(names.slice(1).map((n) => `skipped ${n}`))
  })

  it('converts again an input whose bytes changed', async () => {
    write('in/a.txt', 'ok x')
    const run = () => runBatch(['in'], { cwd: dir, outDir: 'out', jobs: 1, workerModule })
    await run()
    write('in/a.txt', 'ok y')
    const second = await run()
    expect(second.converted).toBe(1)
    expect(JSON.parse(readFileSync(join(dir, 'out', 'a.txt.json'), 'utf8')).organization.name.value).toBe('y')
  })
})

describe('ita-extract convert: single file or batch', () => {
  beforeEach(() => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  })

  it.each([
    ['a folder without -o', ['convert', '<dir>']],
    ['two files without -o', ['convert', '<dir>/a.txt', '<dir>/b.txt']],
    ['--jobs 0', ['convert', '<dir>', '-o', '<dir>/out', '--jobs', '0']],
    ['--jobs 1.5', ['convert', '<dir>', '-o', '<dir>/out', '--jobs', '1.5']],
    ['--timeout abc', ['convert', '<dir>', '-o', '<dir>/out', '--timeout', 'abc']],
    ['--page-timeout 0 (batch)', ['convert', '<dir>', '-o', '<dir>/out', '--page-timeout', '0']],
    ['--page-timeout -5 (one file)', ['convert', '<dir>/a.txt', '--page-timeout=-5']],
    ['an unknown option', ['convert', '<dir>', '-o', '<dir>/out', '--frobnicate']],
    ['no input', ['convert', '-o', '<dir>/out']],
    ['a missing folder in a batch', ['convert', '<dir>/a.txt', '<dir>/nope', '-o', '<dir>/out']],
  ])('%s -> exit 64', async (_name, args) => {
    write('a.txt', 'ok x')
    write('b.txt', 'ok y')
    expect(await runCli(args.map((a) => a.replace('<dir>', dir)))).toBe(ExitCode.badArgs)
  })
})
