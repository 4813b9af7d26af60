import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Doc, Table } from '../../model/document.js'
import { CorruptDocumentError } from '../../errors.js'
import { readOdt } from './read-odt.js'
import { readOfficeDocument } from './read-office.js'

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"'

/** A minimal .odt: `mimetype` first and stored, as ODF requires, then content.xml. */
function odt(body: string, automaticStyles = ''): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:automatic-styles>${automaticStyles}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
  })
}

const lines = (doc: Doc) => doc.pages.flatMap((pg) => pg.blocks.filter((b) => b.kind === 'line').map((b) => b.text))
const read = (bytes: Uint8Array) => readOdt(bytes, { file: 'report.odt' })

describe('readOdt: text as the document shows it', () => {
  it('leaves out tracked deletions, hidden text, notes and comments; keeps spaces, tabs, line breaks and field values', () => {
    const styles = '<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/></style:style>'
    const body =
      '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>a</dc:creator></office:change-info><text:p>๙๑.๒๓</text:p></text:deletion></text:changed-region>' +
      '<text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>a</dc:creator></office:change-info></text:insertion></text:changed-region></text:tracked-changes>' +
      '<text:p>คะแนน<text:s/><text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>๙๘.๖๗<text:change-end text:change-id="ct2"/>' +
      '<text:span text:style-name="T1"> ซ่อน</text:span><office:annotation><dc:creator>a</dc:creator><text:p>ความเห็น</text:p></office:annotation>' +
      '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>เชิงอรรถ</text:p></text:note-body></text:note>' +
      '<text:s text:c="2"/>หน้า <text:page-number>๔</text:page-number><text:tab/>ท้าย<text:line-break/>บรรทัดสอง</text:p>'
    expect(lines(read(odt(body, styles)))).toEqual(['คะแนน ๙๘.๖๗  หน้า ๔\tท้าย', 'บรรทัดสอง'])
  })

  it('starts pages at break-before / break-after styles and soft page breaks; reads frames in place', () => {
    const styles =
      '<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>' +
      '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Landscape"/>'
    const body =
      '<text:p>หน้า ๑<draw:frame><draw:text-box><text:p>ในกรอบ</text:p></draw:text-box></draw:frame></text:p>' +
      '<text:p text:style-name="P1">หน้า ๒</text:p><text:soft-page-break/><text:p>หน้า ๓</text:p><text:p text:style-name="P2">หน้า ๔</text:p>'
    const doc = read(odt(body, styles))
    expect(doc.pages.map((p) => p.blocks.map((b) => (b.kind === 'line' ? b.text : 'table')))).toEqual([['หน้า ๑', 'ในกรอบ'], ['หน้า ๒'], ['หน้า ๓'], ['หน้า ๔']])
    expect(doc.pages[3]!.blocks[0]!.origin).toMatchObject({ page: 4, place: { paragraph: 5 }, source: 'odt', reader: 'odt' })
  })

  it('prints list numbers as the list style defines them (Thai digits, LibreOffice num-list-format, nesting, continue-numbering)', () => {
    const styles =
      '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="๑"><style:list-level-properties><style:list-level-label-alignment text:label-followed-by="space"/></style:list-level-properties></text:list-level-style-number>' +
      '<text:list-level-style-number text:level="2" loext:num-list-format="%1%.%2%)" style:num-format="1"/></text:list-style>'
    const item = (t: string) => `<text:list-item><text:p>${t}</text:p></text:list-item>`
    const body =
      `<text:list text:style-name="L1">${item('ประชุม')}<text:list-item><text:p>อบรม</text:p><text:list>${item('ย่อย')}</text:list></text:list-item></text:list>` +
      `<text:list text:style-name="L1" text:continue-numbering="true">${item('ต่อ')}</text:list><text:list text:style-name="L1">${item('ใหม่')}</text:list>`
    expect(lines(read(odt(body, styles)))).toEqual(['๑. ประชุม', '๒. อบรม', '๒.1)\tย่อย', '๓. ต่อ', '๑. ใหม่'])
  })
})

describe('readOdt: tables', () => {
  it('reads column and row spans, covered cells, cell paragraphs as lines, header rows, nested tables', () => {
    const cell = (t: string, attrs = '') => `<table:table-cell${attrs}>${t.split('|').map((x) => `<text:p>${x}</text:p>`).join('')}</table:table-cell>`
    const covered = '<table:covered-table-cell/>'
    const inner = '<table:table><table:table-row>' + cell('ก') + cell('๑') + '</table:table-row></table:table>'
    const body =
      '<table:table><table:table-column table:number-columns-repeated="3"/>' +
      `<table:table-header-rows><table:table-row>${cell('ตัวชี้วัด', ' table:number-columns-spanned="2"')}${covered}${cell('คะแนน')}</table:table-row></table:table-header-rows>` +
      `<table:table-row>${cell('๑')}${cell('การปฏิบัติหน้าที่|บรรทัดสอง')}${cell('๘๐.๐๐', ' table:number-rows-spanned="2"')}</table:table-row>` +
      `<table:table-row>${cell('๒')}<table:table-cell><text:p>หัว</text:p>${inner}</table:table-cell>${covered}</table:table-row></table:table>`
    const table = read(odt(body)).pages[0]!.blocks[0] as Table
    expect(table.rows.map((row) => row.cells.map((c) => [c.col, c.rowSpan, c.colSpan, c.text]))).toEqual([
      [[0, 1, 2, 'ตัวชี้วัด'], [2, 1, 1, 'คะแนน']],
      [[0, 1, 1, '๑'], [1, 1, 1, 'การปฏิบัติหน้าที่\nบรรทัดสอง'], [2, 2, 1, '๘๐.๐๐']],
      [[0, 1, 1, '๒'], [1, 1, 1, 'หัว\nก\t๑']],
    ])
    expect(table.rows[1]!.cells[2]!.origin.place).toEqual({ table: 1, row: 2, cell: 3 })
  })
})

describe('readOdt: damaged files', () => {
  it('damaged content.xml, or an .odt without one', () => {
    expect(() => read(odt('<text:p>ไม่ปิด'))).toThrow(CorruptDocumentError)
    const empty = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }] })
    expect(() => readOfficeDocument(empty, { file: 'x.odt' })).toThrow(/has no content\.xml/)
  })
})
