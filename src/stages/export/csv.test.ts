import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ReportSchema } from '../../report/schema.js'
import { csvField, csvRecord } from './csv.js'
import { csvHeader, csvTables, findingsTable, indicatorsTable, itemsTable, measuresTable } from './csv-tables.js'
import { TEMP_SUFFIX } from './atomic-file.js'
import { createBatchExporter } from './write-batch-exports.js'
import { sampleReport } from '../../../test/export-sample-report.js'

const parseCsv = (text: string, bom = false): Record<string, string>[] => parse(text, { columns: true, bom, relax_column_count: false })

describe('csvField / csvRecord (RFC 4180)', () => {
  it.each([
    ['plain Thai', 'บ้านกุ่ม', 'บ้านกุ่ม'],
    ['comma', 'a,b', '"a,b"'],
    ['quote', 'say "hi"', '"say ""hi"""'],
    ['line feed', 'a\nb', '"a\nb"'],
    ['carriage return', 'a\rb', '"a\rb"'],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['number', 93.55, '93.55'],
    ['negative number', -1.5, '-1.5'],
    ['boolean', true, 'true'],
  ])('%s', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it('ends records with CRLF', () => {
    expect(csvRecord(['a', 'b'])).toBe('a,b\r\n')
  })

  it('round-trips any strings through a real CSV parser', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = csvRecord(['x', 'y']) + rows.map((r) => csvRecord(r)).join('')
        const parsed = parse(text, { columns: false, relax_quotes: false }) as string[][]
        expect(parsed.slice(1)).toEqual(rows)
      }),
    )
  })
})

describe('createBatchExporter', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ita-export-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  async function exportTwo(bom: boolean) {
    const exporter = await createBatchExporter(dir, { bom })
    await exporter.add({ document: 'a/bankum.pdf', report: sampleReport() })
    await exporter.add({ document: 'b/other.pdf', report: sampleReport('เทศบาลตำบลหนองหญ้าไซ') })
    return exporter.commit()
  }

  it('writes one row per indicator, item, measure and finding with the documented columns', async () => {
    const counts = await exportTwo(false)
    const report = sampleReport()
    const expectedRows: Record<string, number> = {
      'indicators.csv': report.indicators.length,
      'items.csv': report.indicators.flatMap((i) => i.items).length,
      'measures.csv': report.indicators.flatMap((i) => i.measures).length,
      'findings.csv': report.findings.length,
      'documents.csv': 1,
    }
    for (const table of csvTables) {
      const rows = parseCsv(await readFile(join(dir, table.file), 'utf8'))
      expect(rows.length, table.file).toBe(2 * expectedRows[table.file]!)
      expect(counts.rows[table.file]).toBe(rows.length)
      expect(Object.keys(rows[0]!), table.file).toEqual(csvHeader(table))
    }
    expect(counts.documents).toBe(2)
  })

  it('keeps Thai, commas, quotes and line breaks intact', async () => {
    await exportTwo(false)
    const indicators = parseCsv(await readFile(join(dir, indicatorsTable.file), 'utf8'))
    expect(indicators[0]).toMatchObject({
      document: 'a/bankum.pdf',
      organization: 'องค์การบริหารส่วนตำบลบ้านกุ่ม',
      indicator: '1',
      indicator_name: 'การปฏิบัติหน้าที่',
      summary_score: '93.55',
      summary_page: '1',
      summary_confidence: '0.87',
      detail_score: '93.5',
      analysis_score: '',
    })
    expect(indicators[3]).toMatchObject({ organization: 'เทศบาลตำบลหนองหญ้าไซ', indicator: '9', tool: 'OIT' })

    const items = parseCsv(await readFile(join(dir, itemsTable.file), 'utf8'))
    expect(items[0]).toMatchObject({ item: 'i1', printed_code: 'i๑', title: 'การปฏิบัติงานตามขั้นตอน, "ระยะเวลา"' })
    expect(items[1]).toMatchObject({ item: 'i2', score: '', score_uncertain: 'true' })

    const measures = parseCsv(await readFile(join(dir, measuresTable.file), 'utf8'))
    expect(measures[0]).toMatchObject({
      actions: 'จัดทำคู่มือ, ประกาศ "มาตรฐาน"',
      analysis: 'ควรปรับปรุง\nขั้นตอน',
      steps: '1. ประชุมชี้แจง\n3. ติดตามผล',
      period_from: '2025-10-01',
      period_inferred: 'from.year',
      responsible: 'สำนักปลัด อบต.\nกองคลัง',
    })

    const findings = parseCsv(await readFile(join(dir, findingsTable.file), 'utf8'))
    expect(findings[0]).toMatchObject({
      rule: 'indicator-score-mismatch',
      severity: 'error',
      message_th: 'ตัวชี้วัดที่ 1 พิมพ์คะแนนไม่ตรงกัน',
      values: 'summary=93.55 (p.1); detail=93.5 (p.2); mean of items=93.55',
      pages: '1 2',
    })
  })

  it('starts each CSV with a UTF-8 BOM only when asked', async () => {
    await exportTwo(true)
    const withBom = await readFile(join(dir, 'indicators.csv'))
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(parseCsv(withBom.toString('utf8'), true)[0]!.document).toBe('a/bankum.pdf')
    await exportTwo(false)
    expect((await readFile(join(dir, 'indicators.csv'), 'utf8')).startsWith('document,')).toBe(true)
  })

  it('writes all.jsonl with one schema-valid report per line', async () => {
    await exportTwo(false)
    const lines = (await readFile(join(dir, 'all.jsonl'), 'utf8')).trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(ReportSchema.safeParse(JSON.parse(line)).success).toBe(true)
  })

  it('leaves nothing behind when discarded, and only final files when committed', async () => {
    const exporter = await createBatchExporter(dir)
    await exporter.add({ document: 'a', report: sampleReport() })
    expect((await readdir(dir)).every((f) => f.endsWith(TEMP_SUFFIX))).toBe(true)
    await exporter.discard()
    expect(await readdir(dir)).toEqual([])
  })
})

describe('docs/csv-columns.md', () => {
  it('documents every column of every table, in order', async () => {
    const doc = await readFile(new URL('../../../docs/csv-columns.md', import.meta.url), 'utf8')
    for (const table of csvTables) {
      const section = doc.split(/^## /m).find((s) => s.startsWith(`\`${table.file}\``))
      expect(section, table.file).toBeDefined()
      const documented = [...section!.matchAll(/^\| `([a-z_0-9]+)` \|/gm)].map((m) => m[1])
      expect(documented, table.file).toEqual(csvHeader(table))
    }
  })
})
