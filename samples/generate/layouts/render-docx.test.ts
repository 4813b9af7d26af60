import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Table } from '../../../src/model/document.js'
import { readDocx } from '../../../src/stages/ingest/read-docx.js'
import type { TableBlock } from './blocks.js'
import { committedSeed } from './generate-layouts.js'
import { numberedList, produceDocx } from './render-docx.js'
import { randomReportSpec } from './spec.js'
import { renderTemplate, TEMPLATES } from './templates.js'

describe('numberedList', () => {
  it('takes lines numbered 1..n in one style as a list, and nothing else', () => {
    expect(numberedList(['๑. ประชุม', '๒. อบรม'])).toEqual({ def: { format: 'thaiNumbers', suffix: '.' }, items: ['ประชุม', 'อบรม'] })
    expect(numberedList(['1) a', '2) b'])).toEqual({ def: { format: 'decimal', suffix: ')' }, items: ['a', 'b'] })
    expect(numberedList(['๑. a', '๓. b'])).toBeUndefined()
    expect(numberedList(['๑. a', '2. b'])).toBeUndefined()
    expect(numberedList(['๑. a', '๒) b'])).toBeUndefined()
    expect(numberedList(['๙๘.๖๗'])).toBeUndefined()
  })
})

describe.each(['train-01-seed', 'train-03-number-column', 'train-10-thai-abbrev'])('produceDocx %s', (name) => {
  const tpl = TEMPLATES.find((t) => t.name === name)!
  const seed = committedSeed(tpl)
  const doc = renderTemplate(randomReportSpec(seed), tpl)

  it('gives the same bytes every time', () => {
    expect(Buffer.from(produceDocx(doc, tpl, seed)).equals(Buffer.from(produceDocx(doc, tpl, seed)))).toBe(true)
  })

  it('writes numbered cell lines as automatic numbering, and the reader gives back every cell as the blocks hold it', () => {
    const bytes = produceDocx(doc, tpl, seed, { revisions: true })
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
    expect(xml).toContain('<w:numPr>')
    expect(xml).toContain('<w:delText')
    const read = readDocx(bytes, { file: `${name}.docx` })
      .pages.flatMap((p) => p.blocks)
      .filter((b): b is Table => b.kind === 'table')
    const blocks = doc.blocks.filter((b): b is TableBlock => b.kind === 'table')
    expect(read.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)))).toEqual(blocks.map((t) => t.rows.map((r) => r.cells.map((c) => c.lines.join('\n')))))
    expect(read.map((t) => t.rows.map((r) => r.cells.map((c) => [c.rowSpan, c.colSpan])))).toEqual(
      blocks.map((t) => t.rows.map((r) => r.cells.map((c) => [c.rowSpan ?? 1, c.colSpan ?? 1]))),
    )
  })
})
