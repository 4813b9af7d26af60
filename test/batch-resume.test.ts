/**
 * End to end: the CLI converts a folder of mixed inputs, is killed with SIGKILL part-way, and is
 * run again. Every good input must end up converted exactly once, every bad one reported with its
 * reason, and no partial or temporary file may be left. The CSVs are read back with csv-parse.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCK_FILE } from '../src/batch/run-batch.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { ReportSchema, type Report } from '../src/report/schema.js'
import { TEMP_SUFFIX } from '../src/stages/export/atomic-file.js'
import { csvHeader, csvTables } from '../src/stages/export/csv-tables.js'
import { repoPath, seedTranscript } from './helpers.js'

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙'
const thai = (s: string) => s.replace(/\d/g, (d) => THAI_DIGITS[Number(d)]!)

const PLACES = ['หนองหญ้าไซ', 'ดอนเจดีย์', 'ศรีประจันต์', 'บางปลาม้า', 'อู่ทอง', 'เดิมบางนางบวช', 'ด่านช้าง', 'สามชุก', 'บ่อพลอย', 'ท่าม่วง', 'กำแพงแสน']

interface GoodInput {
  document: string
  organization: string
  total: number
}

/** Variants of two real transcripts (plain text and Markdown) with other names and totals. */
function writeInputs(dir: string): { good: GoodInput[]; bad: string[] } {
  const bases = [
    { text: readFileSync(seedTranscript, 'utf8'), name: 'บ้านกุ่ม', prefix: 'องค์การบริหารส่วนตำบล', total: '๙๐.๔๒', ext: 'txt' },
    { text: readFileSync(repoPath('test', 'fixtures', 'transcripts', 'nongbua-2568.md'), 'utf8'), name: 'หนองบัว', prefix: 'เทศบาลตำบล', total: '๘๒.๑๔', ext: 'md' },
  ]
  const good: GoodInput[] = []
  for (let i = 0; i < 22; i++) {
    const base = bases[i % 2]!
    const place = `${PLACES[i % PLACES.length]}${i >= PLACES.length ? 'ใหม่' : ''}`
    const total = Math.round((80 + i * 0.73) * 100) / 100
    const text = base.text.replaceAll(base.name, place).replaceAll(base.total, thai(total.toFixed(2)))
    const document = `${2567 + (i % 3)}/${base.ext === 'md' ? 'md/' : ''}report-${String(i).padStart(2, '0')}.${base.ext}`
    mkdirSync(join(dir, document, '..'), { recursive: true })
    writeFileSync(join(dir, document), text)
    good.push({ document, organization: `${base.prefix}${place}`, total })
  }
  const bad = {
    'bad/empty.txt': '',
    'bad/binary.txt': Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0xfe, 0, 1, 2, 3]),
    'bad/truncated.pdf': '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa',
    'bad/letter.txt': 'เรียน ผู้อำนวยการ\nขอเชิญประชุมคณะกรรมการในวันจันทร์ที่ ๑ ตุลาคม\nลงชื่อ เลขานุการ\n',
  }
  for (const [name, content] of Object.entries(bad)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  writeFileSync(join(dir, 'notes.xlsx'), 'not an input kind: skipped by the folder walk')
  return { good, bad: Object.keys(bad) }
}

interface ManifestLine {
  event: string
  document: string
  attempt: number
  error?: { code: string; kind: string; message: string }
}

const readManifest = (out: string): ManifestLine[] =>
  readFileSync(join(out, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as ManifestLine]
      } catch {
        return [] // a line cut by the kill
      }
    })

function startCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', repoPath('src', 'cli', 'main.ts'), ...args], { cwd: repoPath(), stdio: ['ignore', 'pipe', 'pipe'] })
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  child.stdout?.resume()
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stderr })))
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))

describe('convert <folder> -o <outdir>: kill -9 part-way, then resume', () => {
  let root: string
  let input: string
  let out: string
  let good: GoodInput[]
  let bad: string[]
  let doneBeforeKill: Set<string>
  let second: { code: number | null; stderr: string }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ita-batch-'))
    input = join(root, 'in')
    out = join(root, 'out')
    ;({ good, bad } = writeInputs(input))

    // First run, one job so that it is still busy when killed. Once three files are done it is
    // frozen (SIGSTOP) so the state it is killed in can be read without a race, then killed.
    const first = startCli(['convert', input, '-o', out, '--jobs', '1'])
    const firstExit = exitOf(first)
    let exited = false
    void firstExit.then(() => (exited = true))
    const doneCount = () => (existsSync(join(out, 'manifest.jsonl')) ? readManifest(out).filter((l) => l.event === 'done').length : 0)
    while (!exited && doneCount() < 3) await new Promise((r) => setTimeout(r, 10))
    first.kill('SIGSTOP')
    await new Promise((r) => setTimeout(r, 100)) // let a just-sent exit event arrive
    expect(exited, `first run ended before it could be killed:\n${exited ? (await firstExit).stderr : ''}`).toBe(false)
    doneBeforeKill = new Set(readManifest(out).filter((l) => l.event === 'done').map((l) => l.document))
    first.kill('SIGKILL')
    const killed = await firstExit
    expect(killed.signal, `code ${killed.code}: ${killed.stderr}`).toBe('SIGKILL')
    expect(existsSync(join(out, 'all.jsonl')), 'the killed run never reached its end').toBe(false)

    second = await exitOf(startCli(['convert', input, '-o', out, '--jobs', '2', '--bom']))
  })

  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('the kill interrupted the batch after some files were finished, and the finished ones were kept', () => {
    expect(doneBeforeKill.size).toBeGreaterThanOrEqual(3)
    expect(doneBeforeKill.size).toBeLessThan(good.length)
    for (const document of doneBeforeKill) expect(existsSync(join(out, `${document}.json`)), document).toBe(true)
  })

  it('the second run exits 8 (partial success) and reports the bad inputs with their reasons', () => {
    expect(second.code, second.stderr).toBe(ExitCode.partialSuccess)
    for (const name of bad) expect(second.stderr).toContain(name)
    expect(second.stderr).toMatch(/Converted 22 of 26 inputs/)
    expect(second.stderr).toMatch(new RegExp(`${doneBeforeKill.size} unchanged since an earlier run`))
  })

  it('converts every good input exactly once across both runs', () => {
    const manifest = readManifest(out)
    for (const { document } of good) {
      const done = manifest.filter((l) => l.document === document && l.event === 'done')
      expect(done, document).toHaveLength(1)
      // Inputs finished before the kill were not attempted again.
      const starts = manifest.filter((l) => l.document === document && l.event === 'start')
      if (doneBeforeKill.has(document)) expect(starts, document).toHaveLength(1)
      else expect(starts.length, document).toBeLessThanOrEqual(2)
    }
  })

  it('records each bad input as failed, with an input-file reason that names the file', () => {
    const manifest = readManifest(out)
    for (const name of bad) {
      const results = manifest.filter((l) => l.document === name && (l.event === 'done' || l.event === 'failed'))
      expect(results.length, name).toBeGreaterThanOrEqual(1)
      const last = results.at(-1)!
      expect(last.event, name).toBe('failed')
      expect(last.error!.kind, `${name}: ${last.error!.code}`).toBe('input-file')
      expect(last.error!.message).toContain(name.split('/').at(-1))
    }
    expect(manifest.some((l) => l.document === 'notes.xlsx')).toBe(false)
  })

  it('leaves complete, valid JSON for every good input and no partial, temporary or lock file', () => {
    const files = walk(out).map((f) => relative(out, f))
    expect(files.filter((f) => f.endsWith(TEMP_SUFFIX) || f.endsWith('.tmp'))).toEqual([])
    expect(files).not.toContain(LOCK_FILE)
    const json = files.filter((f) => f.endsWith('.json')).sort()
    expect(json).toEqual(good.map((g) => `${g.document}.json`).sort())
    for (const g of good) {
      const report = ReportSchema.parse(JSON.parse(readFileSync(join(out, `${g.document}.json`), 'utf8')))
      expect(report.organization.name?.value).toBe(g.organization)
      expect(report.totalScore?.value).toBe(g.total)
    }
  })

  it('writes all.jsonl with each good input once', () => {
    const reports = readFileSync(join(out, 'all.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Report)
    expect(reports).toHaveLength(good.length)
    expect(new Set(reports.map((r) => r.organization.name?.value))).toEqual(new Set(good.map((g) => g.organization)))
  })

  it('writes CSVs that a CSV parser reads back with the documented columns, one row per indicator/item/measure/finding, Thai intact', () => {
    const reports = readFileSync(join(out, 'all.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Report)
    const expectedRows: Record<string, number> = {
      'documents.csv': reports.length,
      'indicators.csv': reports.reduce((n, r) => n + r.indicators.length, 0),
      'items.csv': reports.reduce((n, r) => n + r.indicators.reduce((m, i) => m + i.items.length, 0), 0),
      'measures.csv': reports.reduce((n, r) => n + r.indicators.reduce((m, i) => m + i.measures.length, 0), 0),
      'findings.csv': reports.reduce((n, r) => n + r.findings.length, 0),
    }
    for (const table of csvTables) {
      const bytes = readFileSync(join(out, table.file))
      expect([...bytes.subarray(0, 3)], `${table.file} starts with a BOM (--bom)`).toEqual([0xef, 0xbb, 0xbf])
      const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[]
      expect(Object.keys(rows[0]!), table.file).toEqual(csvHeader(table))
      expect(rows.length, table.file).toBe(expectedRows[table.file])
      expect(rows.length, table.file).toBeGreaterThan(0)
    }
    const documents = parse(readFileSync(join(out, 'documents.csv')), { bom: true, columns: true }) as Record<string, string>[]
    for (const g of good) {
      const row = documents.find((d) => d.document === g.document)
      expect(row, g.document).toBeDefined()
      expect(row!.organization).toBe(g.organization)
      expect(Number(row!.total_score)).toBe(g.total)
    }
    const indicators = parse(readFileSync(join(out, 'indicators.csv')), { bom: true, columns: true }) as Record<string, string>[]
    expect(indicators.filter((r) => r.document === good[0]!.document).map((r) => Number(r.indicator))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(indicators.find((r) => r.indicator === '1')!.indicator_name).toBe('การปฏิบัติหน้าที่')
  })

  it('a third run converts nothing again and exits 8 for the same bad inputs', async () => {
    const before = readManifest(out).filter((l) => l.event === 'done').length
    const third = await exitOf(startCli(['convert', input, '-o', out]))
    expect(third.code, third.stderr).toBe(ExitCode.partialSuccess)
    expect(readManifest(out).filter((l) => l.event === 'done').length).toBe(before)
    expect(third.stderr).toMatch(/0 in this run, 22 unchanged/)
  })
})

describe('convert <folder> -o <outdir>: Ctrl-C (SIGINT)', () => {
  it('stops, says how to continue, exits 130, and the next run finishes the batch', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ita-batch-int-'))
    try {
      const input = join(root, 'in')
      const out = join(root, 'out')
      const { good } = writeInputs(input)
      const run = startCli(['convert', input, '-o', out, '--jobs', '1'])
      const exit = exitOf(run)
      let exited = false
      void exit.then(() => (exited = true))
      const doneCount = () => (existsSync(join(out, 'manifest.jsonl')) ? readManifest(out).filter((l) => l.event === 'done').length : 0)
      while (!exited && doneCount() < 2) await new Promise((r) => setTimeout(r, 10))
      // Freeze, queue the interrupt, resume: the runner sees SIGINT with most of the batch still to do.
      run.kill('SIGSTOP')
      expect(exited).toBe(false)
      run.kill('SIGINT')
      run.kill('SIGCONT')
      const interrupted = await exit
      expect(interrupted.code, interrupted.stderr).toBe(ExitCode.interrupted)
      expect(interrupted.stderr).toMatch(/Interrupted after .*re-run the same command to continue/)
      expect(existsSync(join(out, LOCK_FILE))).toBe(false)
      const finished = await exitOf(startCli(['convert', input, '-o', out, '--jobs', '2']))
      expect(finished.code, finished.stderr).toBe(ExitCode.partialSuccess)
      const manifest = readManifest(out)
      for (const { document } of good) expect(manifest.filter((l) => l.document === document && l.event === 'done'), document).toHaveLength(1)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('convert <folder> -o <outdir>: SIGTERM', () => {
  it('stops like Ctrl-C: keeps what was finished, writes the summary, removes the lock, exits 130', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ita-batch-term-'))
    try {
      const input = join(root, 'in')
      const out = join(root, 'out')
      writeInputs(input)
      const run = startCli(['convert', input, '-o', out, '--jobs', '1'])
      const exit = exitOf(run)
      let exited = false
      void exit.then(() => (exited = true))
      const doneCount = () => (existsSync(join(out, 'manifest.jsonl')) ? readManifest(out).filter((l) => l.event === 'done').length : 0)
      while (!exited && doneCount() < 1) await new Promise((r) => setTimeout(r, 10))
      run.kill('SIGSTOP')
      expect(exited).toBe(false)
      run.kill('SIGTERM')
      run.kill('SIGCONT')
      const terminated = await exit
      expect(terminated.code, terminated.stderr).toBe(ExitCode.interrupted)
      expect(terminated.stderr).toMatch(/Interrupted after .*re-run the same command to continue/)
      expect(existsSync(join(out, LOCK_FILE))).toBe(false)
      const done = readManifest(out).filter((l) => l.event === 'done')
      expect(done.length).toBeGreaterThanOrEqual(1)
      for (const entry of done) expect(existsSync(join(out, `${entry.document}.json`)), entry.document).toBe(true)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
