import { describe, expect, it } from 'vitest'
import { EmptyInputError, UnsupportedInputError } from '../../errors.js'
import type { Table } from '../../model/document.js'
import { readTranscript } from './read-transcript.js'

const read = (text: string) => readTranscript(new TextEncoder().encode(text), { file: 't.md' })
const tables = (text: string) => read(text).pages.flatMap((p) => p.blocks).filter((b): b is Table => b.kind === 'table')

describe('readTranscript', () => {
  it('turns tab-separated rows into one table (blank lines allowed) and skips separator rows', () => {
    const [table, ...rest] = tables('หัวเรื่อง\nก\t๑\t๒\n\nข\t\t๓\n--\t--\t--\nจบ\n')
    expect(rest).toEqual([])
    expect(table!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['ก', '๑', '๒'], ['ข', '', '๓']])
    expect(table!.rows[1]!.origin).toEqual({ page: 1, line: 4, source: 'transcript' })
  })

  it('reads Markdown pipe tables', () => {
    const [table] = tables('| ตัวชี้วัด | คะแนน |\n|---|:---:|\n| ตัวชี้วัดที่ ๑ | ๙๓.๕๕ |\n')
    expect(table!.rows.map((r) => r.cells.map((c) => c.text.trim()))).toEqual([['ตัวชี้วัด', 'คะแนน'], ['ตัวชี้วัดที่ ๑', '๙๓.๕๕']])
  })

  it('places HTML cells on a grid honouring rowspan and colspan, with original line numbers', () => {
    const html = 'ก่อนตาราง\n<table>\n<tr><td>ตัวชี้วัดที่ ๑</td><td>๙๓.๕๕</td><td rowspan="2">๙๓.๐๒</td></tr>\n<tr><td>ตัวชี้วัดที่ ๒</td><td>๙๗.๕๖</td></tr>\n<tr><td colspan="2">รวม</td><td>x</td></tr>\n</table>\nหลังตาราง'
    const doc = read(html)
    const [table] = tables(html)
    expect(table!.rows.map((r) => r.cells.map((c) => [c.col, c.text]))).toEqual([
      [[0, 'ตัวชี้วัดที่ ๑'], [1, '๙๓.๕๕'], [2, '๙๓.๐๒']],
      [[0, 'ตัวชี้วัดที่ ๒'], [1, '๙๗.๕๖']],
      [[0, 'รวม'], [2, 'x']],
    ])
    expect(table!.rows[0]!.cells[2]!.rowSpan).toBe(2)
    expect(table!.rows[1]!.origin.line).toBe(4)
    const lines = doc.pages[0]!.blocks.filter((b) => b.kind === 'line').map((b) => b.kind === 'line' && b.text)
    expect(lines).toEqual(['ก่อนตาราง', 'หลังตาราง'])
  })

  it('splits pages at form feeds and page markers', () => {
    const doc = read('หน้าแรก\f หน้าสอง\n<!-- page 3 -->\nหน้าสาม\n')
    expect(doc.pages.map((p) => p.blocks.map((b) => b.kind === 'line' && b.text.trim()))).toEqual([['หน้าแรก'], ['หน้าสอง'], ['หน้าสาม']])
    expect(doc.pages[2]!.blocks[0]!.origin.page).toBe(3)
  })

  it('keeps the text as read in raw', () => {
    const doc = read('ผลคะแนน ๙๐.๔๒\n')
    const line = doc.pages[0]!.blocks[0]!
    expect(line.kind === 'line' && [line.text, line.raw]).toEqual(['ผลคะแนน ๙๐.๔๒', 'ผลคะแนน ๙๐.๔๒'])
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it.each([
    ['empty', new Uint8Array(), EmptyInputError],
    ['white space only', new TextEncoder().encode(' \n\t\n'), EmptyInputError],
    ['binary', new Uint8Array([0x25, 0x50, 0, 0, 1, 2]), UnsupportedInputError],
    ['not UTF-8', new Uint8Array([0xe0, 0xb8, 0x41, 0x41]), UnsupportedInputError],
  ])('%s input is refused with a message naming the file', (_what, bytes, error) => {
    expect(() => readTranscript(bytes, { file: 'bad.txt' })).toThrowError(error)
    expect(() => readTranscript(bytes, { file: 'bad.txt' })).toThrowError(/bad\.txt/)
  })
})
