import { describe, expect, it } from 'vitest'
import { EmptyInputError, InputFileError, InputTooLargeError, UnsupportedInputError } from '../../errors.js'
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

  it('reads pipe tables in a file that also holds HTML tables, and keeps each table apart', () => {
    const found = tables('| ตัวชี้วัด | คะแนน |\n|---|---|\n| ตัวชี้วัดที่ 1 | 90.00 |\n\n<table><tr><td>ก</td><td>ข</td></tr></table>\n<table><tr><td>ค</td></tr></table>\n')
    expect(found.map((t) => t.rows.map((r) => r.cells.map((c) => c.text.trim())))).toEqual([[['ตัวชี้วัด', 'คะแนน'], ['ตัวชี้วัดที่ 1', '90.00']], [['ก', 'ข']], [['ค']]])
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

describe('readTranscript: caps and damaged HTML', () => {
  const readWith = (text: string, limits: Parameters<typeof readTranscript>[1]['limits']) => readTranscript(new TextEncoder().encode(text), limits ? { file: 't.md', limits } : { file: 't.md' })

  it('records the encoding it read', () => {
    expect(read('ก\n').source.encoding).toBe('utf-8')
  })

  it.each([
    ['bytes', 'x'.repeat(101), { maxTranscriptBytes: 100 }, /101 bytes, over the 100 bytes limit for one report/],
    ['lines', 'ก\n'.repeat(11), { maxRows: 10 }, /11 lines, over the 10-line limit/],
    ['cells', 'ก\tข\tค\n'.repeat(4), { maxCells: 10 }, /12 table cells, over the 10-cell limit/],
    ['cells spanned by colspan', '<table><tr><td colspan="50">ก</td></tr></table>', { maxCells: 10 }, /50 table cells/],
  ])('refuses a transcript over the %s cap, stating it', (_what, text, limits, message) => {
    expect(() => readWith(text, limits)).toThrow(InputTooLargeError)
    expect(() => readWith(text, limits)).toThrow(message)
  })

  it('blank lines do not count as lines', () => {
    expect(readWith('ก\n\n\n\n\n\n\nข\n', { maxRows: 2 }).pages[0]!.blocks).toHaveLength(2)
  })

  // Each of these took from 1 s to over 2 minutes with lazy or backtracking patterns.
  it.each([
    ['many <table tags never closed', 'x\n' + '<table '.repeat(20_000)],
    ['many <td tags never closed', '<table><tr>' + '<td '.repeat(20_000) + '</tr></table>'],
    ['many <tr tags never closed', '<table>' + '<tr>'.repeat(20_000) + '</table>'],
    ['a long blank line', ' '.repeat(50_000) + 'x'],
    ['a long dashed cell that is not a separator', '\t' + '-'.repeat(50_000) + 'x'],
    ['huge row and column spans', '<table><tr><td rowspan=99999999 colspan=99999>a</td></tr><tr><td>b</td></tr></table>'],
  ])('%s: read in time proportional to its length', (_what, text) => {
    const started = performance.now()
    try {
      read(text)
    } catch (error) {
      expect(error).toBeInstanceOf(InputFileError)
    }
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('spans beyond HTML limits are read as the limits; zero and junk as 1', () => {
    const [table] = tables('<table><tr><td rowspan="0" colspan="x">a</td><td colspan="5000">b</td></tr></table>')
    expect(table!.rows[0]!.cells.map((c) => [c.col, c.rowSpan, c.colSpan])).toEqual([[0, 1, 1], [1, 1, 1000]])
  })

  it('a <thead> is not a cell, and an over-long tag is not a tag', () => {
    const [table] = tables(`<table><thead><tr><th>หัว</th></tr></thead><tr><td ${'a'.repeat(1500)}>x</td><td>ข</td></tr></table>`)
    expect(table!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['หัว'], ['ข']])
  })
})

describe('readTranscript: HTML line numbers', () => {
  it('text split at <br> and </p> keeps the line number of the file', () => {
    const doc = read('หนึ่ง<br>สอง</p>สาม\nสี่\n<table><tr><td>ก</td></tr></table>\nห้า')
    const lines = doc.pages.flatMap((p) => p.blocks).map((b) => [b.kind === 'line' ? b.text.replace(/<[^>]*>/g, '') : 'table', b.origin.line])
    expect(lines).toEqual([['หนึ่ง', 1], ['สอง', 1], ['สาม', 1], ['สี่', 2], ['table', 3], ['ห้า', 4]])
  })
})
