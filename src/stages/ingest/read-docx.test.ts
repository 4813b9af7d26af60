import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Doc, Table } from '../../model/document.js'
import { CorruptDocumentError, OleDocumentError, UnsupportedInputError } from '../../errors.js'
import { readDocx } from './read-docx.js'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

/** A minimal .docx around a body (and optional numbering/styles parts), as Word packages one. */
export function docx(body: string, parts: { numbering?: string; styles?: string } = {}): Uint8Array {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`
  return zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('r1', 'officeDocument', 'word/document.xml')}</Relationships>`),
    'word/_rels/document.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.numbering ? rel('r2', 'numbering', 'numbering.xml') : ''}${parts.styles ? rel('r3', 'styles', 'styles.xml') : ''}</Relationships>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...(parts.numbering && { 'word/numbering.xml': strToU8(`<w:numbering ${W}>${parts.numbering}</w:numbering>`) }),
    ...(parts.styles && { 'word/styles.xml': strToU8(`<w:styles ${W}>${parts.styles}</w:styles>`) }),
  })
}

const p = (runs: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`
const lines = (doc: Doc) => doc.pages.flatMap((pg) => pg.blocks.filter((b) => b.kind === 'line').map((b) => b.text))
const tables = (doc: Doc) => doc.pages.flatMap((pg) => pg.blocks.filter((b): b is Table => b.kind === 'table'))
const read = (bytes: Uint8Array) => readDocx(bytes, { file: 'report.docx' })

describe('readDocx: text as the document shows it', () => {
  it('keeps insertions, drops deletions, hidden text and comments, reads fields by their result', () => {
    const body = p(
      r('คะแนน ') +
        `<w:del w:id="1" w:author="a"><w:r><w:delText>๙๑.๒๓</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">${r('๙๘.๖๗')}</w:ins>` +
        r(' ซ่อน', '<w:vanish/>') +
        `<w:commentRangeStart w:id="3"/>${r(' คะแนน')}<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>` +
        `<w:fldSimple w:instr=" PAGE ">${r(' ๔')}</w:fldSimple>` +
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "d" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r(' ๑๕')}<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
        `<w:moveFrom w:id="4" w:author="a">${r(' ย้ายออก')}</w:moveFrom><w:moveTo w:id="5" w:author="a">${r(' ย้ายเข้า')}</w:moveTo>`,
    )
    expect(lines(read(docx(body)))).toEqual(['คะแนน ๙๘.๖๗ คะแนน ๔ ๑๕ ย้ายเข้า'])
  })

  it('joins a paragraph whose mark is a tracked deletion to the next one, in the body and in cells', () => {
    const deletedMark = '<w:rPr><w:del w:id="7" w:author="a"/></w:rPr>'
    const body = p(r('ตัวชี้วัดที่ ๑ '), deletedMark) + p(r('๘๘.๒๑')) + p(r('ท้าย'), deletedMark)
    const doc = read(docx(body))
    expect(lines(doc)).toEqual(['ตัวชี้วัดที่ ๑ ๘๘.๒๑', 'ท้าย'])
    expect(doc.pages[0]!.blocks[0]!.origin.place).toEqual({ paragraph: 1 })
    const cell = `<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>${p(r('ก'), deletedMark)}${p(r('ข'))}${p(r('ค'))}</w:tc></w:tr></w:tbl>`
    expect(tables(read(docx(cell)))[0]!.rows[0]!.cells[0]!.text).toBe('กข\nค')
  })

  it('reports a field that never ends instead of hiding the rest of the document silently', () => {
    const body = p(`${r('ก')}<w:r><w:fldChar w:fldCharType="begin"/></w:r>${r('ข')}`) + p(r('ค'))
    const doc = read(docx(body))
    expect(lines(doc)).toEqual(['ก'])
    expect(doc.issues).toEqual([expect.objectContaining({ code: 'field-not-closed', severity: 'warning' })])
  })

  it('hidden by a character style is hidden; a style that turns it off again is not', () => {
    const styles = '<w:style w:type="character" w:styleId="Hid"><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="character" w:styleId="Shown"><w:basedOn w:val="Hid"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>'
    const body = p(r('ก') + r('ข', '<w:rStyle w:val="Hid"/>') + r('ค', '<w:rStyle w:val="Shown"/>'))
    expect(lines(read(docx(body, { styles })))).toEqual(['กค'])
  })

  it('keeps tabs and line breaks: a break splits the paragraph into lines', () => {
    const body = p(`${r('ตัวชี้วัดที่ ๑')}<w:r><w:tab/></w:r>${r('๘๘.๒๑')}<w:r><w:br/></w:r>${r('บรรทัดสอง')}`)
    expect(lines(read(docx(body)))).toEqual(['ตัวชี้วัดที่ ๑\t๘๘.๒๑', 'บรรทัดสอง'])
  })

  it('starts pages at page breaks, page-break-before, new-page sections and rendered page breaks, never an empty page', () => {
    const body =
      p(r('หน้า ๑') + '<w:r><w:br w:type="page"/></w:r>' + r('หน้า ๒')) +
      p(r('หน้า ๓'), '<w:pageBreakBefore/>') +
      p('', '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>') +
      p('<w:r><w:lastRenderedPageBreak/></w:r>' + r('หน้า ๔')) +
      p(r('ยังหน้า ๔'), '<w:sectPr><w:type w:val="continuous"/></w:sectPr>')
    const doc = read(docx(body))
    expect(doc.pages.map((pg) => pg.blocks.map((b) => (b.kind === 'line' ? b.text : 'table')))).toEqual([['หน้า ๑'], ['หน้า ๒'], ['หน้า ๓'], ['หน้า ๔', 'ยังหน้า ๔']])
    expect(doc.pages[3]!.blocks[1]!.origin).toMatchObject({ page: 4, place: { paragraph: 5 }, source: 'docx', reader: 'docx' })
  })

  it('reads text boxes in place, after their paragraph (the first of alternative contents only)', () => {
    const box = `<w:txbxContent>${p(r('ในกล่อง'))}</w:txbxContent>`
    const body = p(
      r('ก่อน') +
        `<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x">${box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="v">${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
    )
    expect(lines(read(docx(body)))).toEqual(['ก่อน', 'ในกล่อง'])
  })

  it('decodes XML entities and character references, expands no others', () => {
    expect(lines(read(docx(p(r('A &amp; B &lt;&#3665;&#x0E52;&gt; &foo;')))))).toEqual(['A & B <๑๒> &foo;'])
  })
})

describe('readDocx: Word automatic numbering', () => {
  const abstract = (id: number, fmt: string, text: string, suff = '') =>
    `<w:abstractNum w:abstractNumId="${id}"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${suff}<w:lvlText w:val="${text}"/></w:lvl>` +
    `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>`
  const numbering =
    abstract(1, 'thaiNumbers', '%1.', '<w:suff w:val="space"/>') +
    abstract(2, 'thaiLetters', '%1)', '<w:suff w:val="space"/>') +
    abstract(3, 'decimal', '%1.') +
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
  const item = (numId: number, text: string, ilvl = 0) => p(r(text), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`)

  it('prints each list level as numbering.xml defines it: Thai digits, Thai letters, decimal, tab or space after', () => {
    const body = item(1, 'ประชุม') + item(1, 'อบรม') + item(2, 'ก่อน') + item(2, 'หลัง') + item(3, 'one') + item(3, 'sub', 1) + item(3, 'two') + item(4, 'ใหม่') + item(1, 'ต่อ')
    expect(lines(read(docx(body, { numbering })))).toEqual(['๑. ประชุม', '๒. อบรม', 'ก) ก่อน', 'ข) หลัง', '1.\tone', '1.1\tsub', '2.\ttwo', '๑. ใหม่', '๒. ต่อ'])
  })

  it('takes the numbering of a paragraph style; numId 0 turns it off', () => {
    const styles = '<w:style w:type="paragraph" w:styleId="Step"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    const body = p(r('ก'), '<w:pStyle w:val="Step"/>') + p(r('ข'), '<w:pStyle w:val="Step"/><w:numPr><w:numId w:val="0"/></w:numPr>') + p(r('ค'), '<w:pStyle w:val="Step"/>')
    expect(lines(read(docx(body, { numbering, styles })))).toEqual(['๑. ก', 'ข', '๒. ค'])
  })
})

describe('readDocx: tables', () => {
  const tc = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${text.split('|').map((t) => p(r(t))).join('')}</w:tc>`
  const tr = (cells: string, trPr = '') => `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells}</w:tr>`
  const grid = (n: number) => `<w:tblGrid>${'<w:gridCol w:w="100"/>'.repeat(n)}</w:tblGrid>`

  it('reads column spans, row spans (vMerge), cell paragraphs as lines, and leaves deleted rows out', () => {
    const body =
      `<w:tbl>${grid(3)}` +
      tr(tc('ตัวชี้วัด', '<w:gridSpan w:val="2"/>') + tc('คะแนน')) +
      tr(tc('๑') + tc('การปฏิบัติหน้าที่') + tc('๘๐.๐๐', '<w:vMerge w:val="restart"/>')) +
      tr(tc('ลบ') + tc('แถวที่ลบ') + tc('', '<w:vMerge/>'), '<w:del w:id="9" w:author="a"/>') +
      tr(tc('๒') + tc('บรรทัดหนึ่ง|บรรทัดสอง') + tc('', '<w:vMerge/>')) +
      `</w:tbl>`
    const [table] = tables(read(docx(body)))
    expect(table!.rows.map((row) => row.cells.map((c) => [c.col, c.rowSpan, c.colSpan, c.text]))).toEqual([
      [[0, 1, 2, 'ตัวชี้วัด'], [2, 1, 1, 'คะแนน']],
      [[0, 1, 1, '๑'], [1, 1, 1, 'การปฏิบัติหน้าที่'], [2, 2, 1, '๘๐.๐๐']],
      [[0, 1, 1, '๒'], [1, 1, 1, 'บรรทัดหนึ่ง\nบรรทัดสอง']],
    ])
    expect(table!.rows[2]!.cells[1]!.origin.place).toEqual({ table: 1, row: 3, cell: 2 })
  })

  it('reads a table inside a cell as lines of that cell, one per row', () => {
    const inner = `<w:tbl>${grid(2)}${tr(tc('ก') + tc('๑'))}${tr(tc('ข') + tc('๒'))}</w:tbl>`
    const body = `<w:tbl>${grid(1)}<w:tr><w:tc>${p(r('หัว'))}${inner}<w:p/></w:tc></w:tr></w:tbl>`
    expect(tables(read(docx(body)))[0]!.rows[0]!.cells[0]!.text).toBe('หัว\nก\t๑\nข\t๒')
  })
})

describe('readDocx: files that are not a readable .docx', () => {
  it('an OLE compound file (legacy .doc, password-protected .docx): says what it is and how to convert it', () => {
    const ole = new Uint8Array(4096)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(() => read(ole)).toThrow(OleDocumentError)
    expect(() => read(ole)).toThrow(/soffice --headless --convert-to docx report\.docx/)
  })

  it('damaged XML in word/document.xml, or a DTD', () => {
    expect(() => read(docx('<w:p><w:r><w:t>ข้อความ</w:r></w:p>'))).toThrow(CorruptDocumentError)
    const dtd = zipSync({ 'word/document.xml': strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>') })
    expect(() => read(dtd)).toThrow(/declares a document type/)
  })

  it('a zip that is neither .docx nor .odt', () => {
    expect(() => read(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).toThrow(UnsupportedInputError)
    expect(() => read(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).toThrow(/an Excel workbook/)
  })
})
