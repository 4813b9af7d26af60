/**
 * The differential oracle behind `npm run bench:variants -- --layouts` (scripts/layout-oracle.ts):
 * a born-digital PDF against itself agrees everywhere, and each kind of damage a scan can do is
 * counted as what it is (a grid that differs, a wrong number, an unreadable one, a cell that lost
 * its text), with no OCR.
 */
import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { readPdfDocument } from '../pipelines/pdf.js'
import type { Doc, Table } from '../src/model/document.js'
import { defaultContext } from '../src/model/stage.js'
import { normaliseDoc } from '../src/stages/normalise/normalise-doc.js'
import { compareDocs, numberOf, uncertainAsUnreadable } from '../scripts/layout-oracle.js'

let truth: Doc
beforeAll(async () => {
  const file = 'samples/layouts/train-04-arabic-flow/born-digital.pdf'
  truth = normaliseDoc(await readPdfDocument(new Uint8Array(await readFile(file)), file, defaultContext(), { ocr: 'never' }))
})

/** The first table of page 2 (the detail list: item | score). */
const detail = (doc: Doc) => doc.pages[1]!.blocks.find((b): b is Table => b.kind === 'table')!

describe('compareDocs', () => {
  it('finds the born-digital PDF equal to itself', () => {
    const f = compareDocs(truth, truth)
    expect(f.tables).toBeGreaterThan(5)
    expect(f.gridsEqual).toBe(f.tables)
    expect(f.numericExact).toBe(f.numericCells)
    expect([f.numericWrong, f.numericUnreadable, f.cellEdits, f.cellsShort, f.linesLost]).toEqual([0, 0, 0, 0, 0])
  })

  it('counts a different number as WRONG, an uncertain one as unreadable, an emptied cell as short', () => {
    const scan = structuredClone(truth)
    const rows = detail(scan).rows
    const score = (r: number) => rows[r]!.cells.find((c) => numberOf(c.text) !== undefined)!
    score(1).text = '11.11'
    score(2).origin.uncertain = true
    rows[3]!.cells[0]!.text = ''
    const f = compareDocs(truth, scan)
    expect([f.numericWrong, f.numericUnreadable, f.cellsShort]).toEqual([1, 1, 1])
    expect(f.examples.some((e) => e.includes('WRONG'))).toBe(true)
  })

  it('sees a grid that lost a column line in one row', () => {
    const scan = structuredClone(truth)
    const row = detail(scan).rows[4]!
    row.cells = [{ ...row.cells[0]!, colSpan: 2, text: row.cells.map((c) => c.text).join(' ') }]
    const f = compareDocs(truth, scan)
    expect(f.gridsEqual).toBe(f.tables - 1)
  })
})

describe('uncertainAsUnreadable', () => {
  it('nulls values marked uncertain and leaves the rest and provenance alone', () => {
    const report = { a: { value: 25.52, uncertain: true, prov: { raw: '๒๕.๕๒' } }, b: [{ value: 3, prov: { raw: '3' } }] }
    expect(uncertainAsUnreadable(report)).toEqual({ a: { value: null, uncertain: true, prov: { raw: '๒๕.๕๒' } }, b: [{ value: 3, prov: { raw: '3' } }] })
  })
})
