/**
 * Cells of scanned layout pages read whole (issue 11), with the real tesseract.js: page 10 of the
 * seeded 200 dpi scan of samples/layouts/train-01-seed (landscape measures table, 6 wrapped steps
 * in one cell). Only the cell is read, not the page.
 */
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normaliseText } from '../src/stages/normalise/normalise-thai.js'
import { createOcrEngine, type OcrEngine } from '../src/stages/ocr/index.js'
import { decodeToGrey, shrink } from '../src/stages/ocr/image.js'
import { toBlackWhite } from '../src/stages/ocr/image.js'
import { digitReader } from '../src/stages/ocr/number-reader.js'
import { preparePage, pageGrids } from '../src/stages/ocr/ocr-page.js'
import { pageGeometry } from '../src/stages/ocr/page-geometry.js'
import { MONTH_WORD_READER } from '../src/stages/ocr/period-words.js'
import { readTable } from '../src/stages/ocr/read-table.js'
import { recogniseLines } from '../src/stages/ocr/read-lines.js'
import { rereadNumbers } from '../src/stages/ocr/reread-numbers.js'
import { pdfPageImages } from '../src/stages/ingest/pdf/page-images.js'
import { renderPage } from '../tools/ocr-render-page.js'

const FILE = 'test/ocr-layout-scans/train-01-seed-200dpi-p10.pdf'

let engine: OcrEngine
beforeAll(async () => {
  engine = await createOcrEngine({ kind: 'tesseract', workers: 1 })
})
afterAll(() => engine?.close())

/** The cells `keep` selects of a scanned page's first table grid, read as the OCR stage reads a table. */
async function readGridCells(ocr: OcrEngine, file: string, page: number, keep: (cell: { row: number; col: number }) => boolean) {
  const [image] = await pdfPageImages(new Uint8Array(await readFile(file)), [page], { file })
  const { grey, binary, skew } = await preparePage(image!)
  const [grid] = pageGrids(binary, image!.dpi)
  const column = { ...grid!, cells: grid!.cells.filter(keep) }
  return ocr.withPage(1, AbortSignal.timeout(120_000), (session) =>
    readTable(column, { grey, binary, ocrImage: grey, dpi: image!.dpi, session, readNumber: digitReader, geometry: pageGeometry(image!, grey, -skew), counters: { cells: 0, numbers: 0 } }),
  )
}

describe('a measures cell of many wrapped lines', () => {
  it('is read whole: every step and every wrapped line (๔. จัดอบรม... / ปฏิบัติงาน was read as "a pre")', async () => {
    const [image] = await pdfPageImages(new Uint8Array(await readFile(FILE)), [1], { file: FILE })
    const { grey, binary } = await preparePage(image!)
    const [grid] = pageGrids(binary, image!.dpi)
    // Row 2 (e8), column 4: ขั้นตอน/วิธีการดำเนินการ, 6 steps over 12 printed lines.
    const cell = grid!.cells.find((c) => c.row === 2 && c.col === 4)!
    const text = await engine.withPage(1, AbortSignal.timeout(120_000), (session) => recogniseLines(session, grey, binary, shrink(cell.box, 6), image!.dpi))
    expect(text.lines).toHaveLength(12)
    const read = normaliseText(text.lines.map((l) => l.text).join(' '))
    for (const words of ['ประชุมคณะ', 'ผลการประเมิน', 'เผยแพร่ผล', 'เว็บไซต์', 'สำรวจความคิดเห็น', 'บริการ', 'จัดอบรมให้ความรู้', 'ปฏิบัติงาน', 'ดำเนินการตามมาตรการ', 'กำหนด', 'ประชาสัมพันธ์', 'บุคลากรและประชาชน']) {
      expect(read).toContain(words)
    }
  }, 120_000)
})

describe('ink OCR reads nothing from', () => {
  it('is reported as an unread line with its box, not dropped', async () => {
    const page = renderPage({ dpi: 200, lines: ['การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', 'ผลการประเมินมีคะแนน ๙๐.๔๒ คะแนน'], table: { cells: [], spans: [] } })
    const grey = await decodeToGrey(page.image)
    // A scribble as tall as a line under the text (a signature, a smudge): ink, but no text.
    const [x0, y0, x1, y1] = [200, 430, 700, 470]
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if ((x + 2 * y) % 9 < 6) grey.data[y * grey.width + x] = 20
    const binary = toBlackWhite(grey)
    const text = await engine.withPage(1, AbortSignal.timeout(60_000), (session) => recogniseLines(session, grey, binary, { x0: 0, y0: 0, x1: grey.width, y1: 600 }, 200))
    expect(text.lines.map((l) => l.text).join(' ')).toContain('ผลการประเมิน')
    expect(text.unread).toHaveLength(1)
    expect(text.unread![0]).toMatchObject({ x0: expect.closeTo(x0, -1), y0: expect.closeTo(y0, -1) })
  }, 60_000)
})

describe('a score split by the line finder into pieces side by side', () => {
  it('is read as one number, not as letters (bankum 300 dpi p20: "๙๙." beside ".๐๐" gave "เวงวง" and "๐๐")', async () => {
    const file = 'samples/bankum/scanned-300dpi.pdf'
    const [image] = await pdfPageImages(new Uint8Array(await readFile(file)), [20], { file })
    const { grey, binary } = await preparePage(image!)
    // The item-score cell of e4 (๙๙.๐๐), spanning the measures row: the pieces were found at x 627-752, y 904-932.
    const cell = pageGrids(binary, image!.dpi)
      .flatMap((g) => g.cells)
      .find((c) => c.box.x0 < 627 && c.box.x1 > 752 && c.box.y0 < 904 && c.box.y1 > 932)!
    const text = await engine.withPage(1, AbortSignal.timeout(120_000), (session) => recogniseLines(session, grey, binary, shrink(cell.box, 6), image!.dpi))
    expect(text.lines).toHaveLength(1)
    expect(text.text).not.toMatch(/[\u0E01-\u0E2E]/)
    expect(text.text).toMatch(/[.,][๐0][๐0]$/)
  }, 120_000)
})

describe('a column of whole numbers (ลำดับ 1-10 before the indicators of a summary)', () => {
  it('is read as numbers, each checked against the other reader: a 6 the digit reader saw as 0 is doubted, not taken', async () => {
    // Page 1 of the seeded 200 dpi scan of samples/layouts/train-02-issue20: the summary table's
    // first column. Before, the column was taken for scores: every cell was unreadable (and each
    // an unreadable-value finding that the born-digital PDF does not have).
    const file = 'test/ocr-layout-scans/train-02-issue20-200dpi-p1.pdf'
    const table = await readGridCells(engine, file, 1, (c) => c.col === 0)
    const cells = table.rows.slice(1).map((r) => r.cells[0]!)
    expect(cells.map((c) => c.text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    // The digit reader reads this 6 as 0 with full confidence: the two readers disagree.
    expect(cells[5]!.origin.readings?.find((r) => r.reader === 'digit-reader')?.raw).toBe('0')
    expect(cells.map((c) => c.origin.uncertain === true)).toEqual([false, false, false, false, false, true, false, false, false, false])
  }, 120_000)

  it('in Thai digits, which tesseract reads as letters or Thai digits it confuses (๖ as ว, ๔ as ๕), is read by the digit reader; where it read Arabic digits (๑ as 9), doubted', async () => {
    // Page 1 of the seeded 200 dpi scan of samples/layouts/train-10-thai-abbrev: ๑ ... ๑๐.
    const file = 'test/ocr-layout-scans/train-10-thai-abbrev-200dpi-p1.pdf'
    const table = await readGridCells(engine, file, 1, (c) => c.col === 0)
    const cells = table.rows.slice(1).map((r) => r.cells[0]!)
    // Where tesseract read Arabic digits the digit reader does not see (๑ as 9, ๑๐ as 90), the
    // cell is doubted: in a column of Arabic digits tesseract would be the one to trust.
    expect(cells.map((c) => (c.origin.uncertain ? '?' : c.text))).toEqual(['?', '2', '3', '4', '5', '6', '7', '8', '9', '?'])
    expect(cells[0]!.origin.readings?.map((r) => r.raw)).toEqual(['9', '1'])
  }, 120_000)
})

describe('a period in a narrow column', () => {
  // Pages 8 and 12 of the seeded 200 dpi scan of samples/layouts/train-02-issue20: the period
  // column of the measures tables, "1ต.ค. 68 - 30 ก.ย. 69" over two lines.
  // The default engine, as convert reads scans (native tesseract where installed, as in CI): the
  // engines' Latin misreads differ, and these are the native engine's.
  const file = 'test/ocr-layout-scans/train-02-issue20-200dpi-p8-p12.pdf'
  let engine: OcrEngine
  beforeAll(async () => {
    engine = await createOcrEngine()
  })
  afterAll(() => engine?.close())
  const periods = async (page: number, rows: number[], from = file) => {
    const table = await readGridCells(engine, from, page, (c) => c.col === 5 && rows.includes(c.row))
    return rows.map((row) => table.rows[row]!.cells[0]!)
  }

  it('keeps its year when the year touches the cell\'s rulings in one ink component and its two digits touch ("68" had been unreadable)', async () => {
    const [cell] = await periods(1, [2])
    expect(cell!.text).toMatch(/^1\s?ต\.ค\. 68 - 30 /)
    const year = cell!.origin.readings?.find((r) => r.reader === 'digit-reader' && r.raw === '68')
    expect(year).toMatchObject({ used: true })
    expect(year?.uncertain).toBeUndefined()
  }, 120_000)

  it('reads a month abbreviation that tesseract took for Latin letters ("30 Au. 69") again, larger, with both readings kept', async () => {
    const cells = await periods(2, [3, 4, 5])
    for (const cell of cells) {
      expect(cell.text).toMatch(/30 ก\.ย\. 69$/)
      expect(cell.origin.uncertain).toBeUndefined()
      const month = cell.origin.readings?.find((r) => r.reader === MONTH_WORD_READER)
      expect(month).toMatchObject({ raw: 'ก.ย.', used: true })
      expect(cell.origin.readings?.find((r) => r.reader === 'tesseract' && /^[A-Za-z]/.test(r.raw))).toMatchObject({ used: false })
    }
  }, 120_000)

  it('reads the month again when the day ends the line above and the year was taken for letters too ("1ต.ค.68-30" / "A.B. Doe")', async () => {
    // Page 13 of the seeded 200 dpi scan of samples/layouts/train-05-upper-three-col, row 3.
    const [cell] = await periods(1, [3], 'test/ocr-layout-scans/train-05-upper-three-col-200dpi-p13.pdf')
    expect(cell!.text).toBe('1ต.ค.68-30 ก.ย. 69')
    expect(cell!.origin.uncertain).toBeUndefined()
    expect(cell!.origin.readings?.find((r) => r.reader === MONTH_WORD_READER)).toMatchObject({ raw: 'ก.ย.', used: true })
  }, 120_000)
})

describe("a skewed column border's slivers", () => {
  it('make no row line: a wrapped row stays one row (heldout-v6-06 200 dpi p4: 23 rows for the 22 printed)', async () => {
    // Page 4 of the seeded 200 dpi scan of samples/layouts/heldout-v6-06-contents-dash: the detail
    // list, 22 rows by 2 columns. Edge pixels of the skewed borders came out as short rulings one
    // pixel beside them, and their ends split the two-line row of i-1.
    const file = 'test/ocr-layout-scans/heldout-v6-06-contents-dash-200dpi-p4.pdf'
    const [image] = await pdfPageImages(new Uint8Array(await readFile(file)), [1], { file })
    const { binary } = await preparePage(image!)
    const grids = pageGrids(binary, image!.dpi)
    expect(grids).toHaveLength(1)
    expect([grids[0]!.rowLines.length - 1, grids[0]!.colLines.length - 1]).toEqual([22, 2])
    expect(grids[0]!.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1)).toEqual([])
  }, 60_000)
})

describe("a letter's stem trimmed off a row line", () => {
  it('leaves no remnant to split its row (heldout-02 200 dpi p3: 11 rows for the 10 printed)', async () => {
    // Page 3 of the seeded 200 dpi scan of samples/layouts/heldout-02-per-tool: its last table is
    // 10 rows by 3 columns. A letter's stem touching a row line was trimmed to 4 px; the piece
    // joined the stem beside it on its line, and their ends made a row line through the row.
    const file = 'test/ocr-layout-scans/heldout-02-per-tool-200dpi-p3.pdf'
    const [image] = await pdfPageImages(new Uint8Array(await readFile(file)), [1], { file })
    const { binary } = await preparePage(image!)
    const last = pageGrids(binary, image!.dpi).at(-1)!
    expect([last.rowLines.length - 1, last.colLines.length - 1]).toEqual([10, 3])
  }, 60_000)
})

describe('a period of slash dates ("1/10/2568 - 30/9/2569")', () => {
  // Page 8 of the seeded 200 dpi scan of samples/layouts/heldout-09-tool-groups, period column (5):
  // the digit reader knows no slash, and it read the 3 of 30 as a 5 (0.99): "50?9?2569".
  it("is taken where both readers read the same digits, and tesseract's day where the digit reader's is no day", async () => {
    const engine = await createOcrEngine()
    try {
      const table = await readGridCells(engine, 'test/ocr-layout-scans/heldout-09-tool-groups-200dpi-p8.pdf', 1, (c) => c.col === 5 && c.row === 2)
      const cell = table.rows[2]!.cells[0]!
      expect(cell.text).toBe('1/10/2568 - 30/9/2569')
      expect(cell.origin.uncertain).toBeUndefined()
      expect(cell.origin.readings?.filter((r) => r.reader === 'digit-reader').map((r) => r.raw)).toEqual(['1?10?2568', '50?9?2569'])
    } finally {
      await engine.close()
    }
  }, 120_000)
})

describe('a period of months ("ต.ค. 68 - ก.ย. 69") in a measures table', () => {
  // Page 11 of the seeded 200 dpi scan of samples/layouts/heldout-v6-02-table-thai-after-rows,
  // period column (5): tesseract read ต.ค. as "A.A.", ก.ย. as "กุย.", and a year as "Ow"; with no
  // day before the month, neither was read again and both measures lost their period.
  it('reads the first month again, restores the second and re-reads its year', async () => {
    const engine = await createOcrEngine()
    try {
      const table = await readGridCells(engine, 'test/ocr-layout-scans/heldout-v6-02-table-thai-after-rows-200dpi-p11.pdf', 1, (c) => c.col === 5 && (c.row === 2 || c.row === 3))
      const cells = [table.rows[2]!.cells[0]!, table.rows[3]!.cells[0]!]
      for (const cell of cells) {
        expect(cell.text.replace(/\s/g, '')).toBe('ต.ค.68-ก.ย.69')
        expect(cell.origin.uncertain).toBeUndefined()
      }
      expect(cells[1]!.origin.readings?.find((r) => r.reader === MONTH_WORD_READER)).toMatchObject({ raw: 'ต.ค.', used: true })
    } finally {
      await engine.close()
    }
  }, 120_000)
})

describe('a period of day, month abbreviation and year in a start and an end column ("1 ต.ค. 68" | "30 ก.ย. 69")', () => {
  // Page 7 of the seeded 200 dpi scan of samples/layouts/heldout-v3-03-grouped-dates: the measures
  // table's start (5) and end (6) columns, rows 2-4. Three kinds of loss, each a period unread:
  // - an end cell, more digits than letters, taken for a number and read whole as one ("30?.?.69");
  // - the start's 1 read twice by tesseract, "1ไต.ค.", though no ink stands between 1 and ต;
  // - the year's 6 and 8 touching: one glyph to the digit reader ("?"), "68" to tesseract.
  let table: Awaited<ReturnType<typeof readGridCells>>
  beforeAll(async () => {
    const engine = await createOcrEngine()
    try {
      table = await readGridCells(engine, 'test/ocr-layout-scans/heldout-v3-03-grouped-dates-200dpi-p7.pdf', 1, (c) => (c.col === 5 || c.col === 6) && c.row >= 2 && c.row <= 4)
    } finally {
      await engine.close()
    }
  }, 180_000)

  it('reads an end date as a date with its numbers, not as one number', () => {
    for (const row of [2, 3, 4]) {
      const end = table.rows[row]!.cells.find((c) => c.col === 6)!
      expect(end.text).toBe('30 ก.ย. 69')
      expect(end.origin.uncertain).toBeUndefined()
      expect(end.origin.readings?.filter((r) => r.reader === 'digit-reader').map((r) => r.raw)).toEqual(['30', '69'])
    }
  })

  it("drops a ไ that has no ink of its own, keeping tesseract's reading, and takes a year both readers read alike", () => {
    const starts = [2, 3, 4].map((row) => table.rows[row]!.cells.find((c) => c.col === 5)!)
    for (const start of starts) {
      expect(start.text).toBe('1ต.ค. 68')
      expect(start.origin.uncertain).toBeUndefined()
    }
    const doubled = starts.flatMap((c) => c.origin.readings ?? []).filter((r) => r.reader === 'tesseract' && r.raw === '1ไ')
    expect(doubled.length).toBeGreaterThan(0)
    expect(doubled.every((r) => r.used === false)).toBe(true)
    expect(starts[1]!.origin.readings?.find((r) => r.reader === 'digit-reader' && r.raw === '68')).toMatchObject({ used: true })
  })
})

describe('a column of item codes (i1 ... e9, o1 ... o28)', () => {
  // Page 3 of the seeded 200 dpi scan of samples/layouts/heldout-02-per-tool, column 0 of its
  // tables: tesseract read e6. as "66.", o1. as "ol.", o3. as "03."; each cell looked numeric, the
  // digit reader failed on the letter, and the item's code came out unreadable.
  it('reads a code where the digit reader is sure of a letter and of the digits tesseract read after it, and nothing else', async () => {
    const engine = await createOcrEngine()
    try {
      const file = 'test/ocr-layout-scans/heldout-02-per-tool-200dpi-p3.pdf'
      const [image] = await pdfPageImages(new Uint8Array(await readFile(file)), [1], { file })
      const { grey, binary, skew } = await preparePage(image!)
      const grids = pageGrids(binary, image!.dpi)
      const read = async (g: number) =>
        engine.withPage(1, AbortSignal.timeout(120_000), (session) =>
          readTable({ ...grids[g]!, cells: grids[g]!.cells.filter((c) => c.col === 0) }, { grey, binary, ocrImage: grey, dpi: image!.dpi, session, readNumber: digitReader, geometry: pageGeometry(image!, grey, -skew), counters: { cells: 0, numbers: 0 } }),
        )
      const codes = async (g: number) => (await read(g)).rows.map((r) => r.cells[0]!)
      const [eit, oit] = [await codes(1), await codes(2)]
      const e6 = eit[8]!
      expect(e6.text).toBe('e6.')
      expect(e6.origin.uncertain).toBeUndefined()
      expect(e6.origin.readings?.map((r) => [r.reader, r.raw, r.used])).toEqual([['tesseract', '66.', false], ['digit-reader', '?6', false], ['item-code', 'e6.', true]])
      expect(oit.slice(2, 8).map((c) => c.text)).toEqual(['o1.', '02.', 'o3.', 'o4.', 'o5.', 'o6.'])
      // "02." read "?2" by a digit reader not sure enough (0.87), "07." as "0?": unreadable still.
      expect(oit[3]!.origin.uncertain).toBe(true)
      expect(oit[8]).toMatchObject({ text: '07.', origin: { uncertain: true } })
    } finally {
      await engine.close()
    }
  }, 120_000)
})

describe('a score of three whole digits', () => {
  // Page 8 of the seeded 200 dpi scan of samples/layouts/heldout-08-per-tool-eight, column 1:
  // ๑๐๐.๐๐ overruns its narrow column, its last 0 on the ruling ("100.0?", tesseract "100.06(");
  // page 4 of heldout-02-per-tool, column 2: ๑๐ touching, cut into "11" ("110.00", unsure).
  it('is read as 100.00, the one score it can be, with both readings kept', async () => {
    const engine = await createOcrEngine()
    try {
      const eight = await readGridCells(engine, 'test/ocr-layout-scans/heldout-08-per-tool-eight-200dpi-p8.pdf', 1, (c) => c.col === 1 && c.row <= 3)
      const two = await readGridCells(engine, 'test/ocr-layout-scans/heldout-02-per-tool-200dpi-p4.pdf', 1, (c) => c.col === 2 && (c.row === 7 || c.row === 16))
      const cells = [...eight.rows.slice(0, 4), two.rows[7]!, two.rows[16]!].map((r) => r.cells[0]!)
      for (const cell of cells) {
        expect(cell.text).toBe('100.00')
        expect(cell.origin.uncertain).toBeUndefined()
        expect(cell.origin.readings?.find((r) => r.reader === 'full-score')).toMatchObject({ raw: '100.00', used: true })
        expect(cell.origin.readings?.find((r) => r.reader === 'digit-reader')).toMatchObject({ used: false })
      }
    } finally {
      await engine.close()
    }
  }, 180_000)
})

describe('a score both readers read alike', () => {
  it('is taken when the digit reader doubted only its own cut ("79.00"); a score with no point stays unreadable ("7628")', async () => {
    // Page 2 of the seeded 200 dpi scan of samples/layouts/heldout-04-mixed-digits: the detail
    // list's score column. Its 0 and 0 touch: the digit reader's cut between them reads otherwise
    // when moved, so it doubted 79.00 that tesseract read the same.
    const file = 'test/ocr-layout-scans/heldout-04-mixed-digits-200dpi-p2.pdf'
    const table = await readGridCells(engine, file, 1, (c) => c.col === 1 && c.row <= 5)
    const cell = (row: number) => table.rows[row]!.cells[0]!
    expect(cell(2).text).toBe('79.00')
    expect(cell(2).origin.uncertain).toBeUndefined()
    expect(cell(2).origin.readings?.map((r) => r.raw)).toEqual(['79.00', '79.00'])
    expect(cell(5).origin.uncertain).toBe(true)
  }, 120_000)

  it('is never confidently wrong where they disagree on Arabic digits (86.36 read 86.56 by the digit reader, 0.97)', async () => {
    // Page 2 of the seeded 200 dpi scan of samples/layouts/heldout-09-tool-groups: item i7's score
    // had come out as 86.56, a wrong item score and a wrong indicator-score-vs-items finding.
    const file = 'test/ocr-layout-scans/heldout-09-tool-groups-200dpi-p2.pdf'
    const table = await readGridCells(engine, file, 1, (c) => c.col === 2 && c.row >= 8 && c.row <= 12)
    const cell = table.rows[10]!.cells[0]!
    expect(cell.origin.uncertain).toBe(true)
    expect(cell.text).not.toBe('86.56')
    for (const row of [8, 9, 11, 12]) {
      const other = table.rows[row]!.cells[0]!
      if (!other.origin.uncertain) expect(other.text).toMatch(/^\d{2}\.\d{2}$/)
    }
  }, 120_000)
})

/** The line of a scanned page between y0 and y1 (points) matching `number`, read and its numbers read again. */
const lineOf = async (file: string, y0: number, y1: number, number: RegExp) => {
  const [image] = await pdfPageImages(new Uint8Array(await readFile(file)), [1], { file })
  const { grey, binary, skew } = await preparePage(image!)
  const engine = await createOcrEngine()
  try {
    const s = image!.dpi / 72
    const text = await engine.withPage(1, AbortSignal.timeout(60_000), (session) => recogniseLines(session, grey, binary, { x0: Math.round(40 * s), y0: Math.round(y0 * s), x1: grey.width - Math.round(40 * s), y1: Math.round(y1 * s) }, image!.dpi))
    const line = text.lines.find((l) => number.test(l.text))!
    return rereadNumbers(line, { grey, binary, readNumber: digitReader, geometry: pageGeometry(image!, grey, -skew), counters: { numbers: 0 } })
  } finally {
    await engine.close()
  }
}

describe('a score whose first Thai digit tesseract read as a letter glued to it', () => {
  // Page 6 of the seeded 200 dpi scan of samples/layouts/heldout-07-scored-titles ("ได้คะแนน
  // ๗๓.๐๑ คะแนน" read "ฒ3.01") and page 5 of heldout-05-single-line-title ("(๗๕.๘๘ คะแนน)" read
  // "(ฆ5.88"): the digit reader's box left the ๗ out and read 3.01 and 5.88, sure of them: the
  // indicator's analysis score and the previous year's total came out wrong.
  it('is doubted, not read without its first digit', async () => {
    for (const [file, y0, y1, number, lost] of [
      ['test/ocr-layout-scans/heldout-07-scored-titles-200dpi-p6.pdf', 300, 336, /คะแนน \S*[๓3]\.[๐0][๑1]/, '3.01'],
      ['test/ocr-layout-scans/heldout-05-single-line-title-200dpi-p5.pdf', 118, 148, /\(\S*[.]\S* คะแนน\)/, '5.88'],
    ] as const) {
      const read = await lineOf(file, y0, y1, number)
      const digits = read.readings.find((r) => r.reader === 'digit-reader' && r.raw === lost)
      expect(digits, file).toMatchObject({ used: false, uncertain: true })
      expect(read.uncertain).toBe(true)
    }
  }, 120_000)
})

describe('a number with a bracket printed against it', () => {
  // Pages 7 and 8 of the seeded 200 dpi scan of samples/layouts/heldout-v3-02-paragraph-measures
  // (Athiti: its parentheses look like square brackets, a digit's gap from the number). The
  // bracket joined the number's ink and the digit reader read "2?" and "92.85?": every Thai step
  // number and three item scores ("[คะแนน ๙๒.๘๕]") were unreadable.
  it('is read without the bracket, which stays in the text', async () => {
    for (const [file, y0, y1, number, read] of [
      ['test/ocr-layout-scans/heldout-v3-02-paragraph-measures-200dpi-p7.pdf', 280, 300, /ติดตาม/, /^2\] ติดตาม/],
      ['test/ocr-layout-scans/heldout-v3-02-paragraph-measures-200dpi-p7.pdf', 495, 515, /คะแนน/, /\[คะแนน 98\.97\]$/],
      ['test/ocr-layout-scans/heldout-v3-02-paragraph-measures-200dpi-p8.pdf', 380, 398, /คะแนน/, /\[คะแนน 92\.85\]$/],
    ] as const) {
      const line = await lineOf(file, y0, y1, number)
      expect(line.text, file).toMatch(read)
      expect(line.uncertain, line.text).toBe(false)
    }
  }, 120_000)
})

describe('an item code in running text, where a code stands', () => {
  // Pages 7, 8 and 10 of the seeded 200 dpi scan of samples/layouts/heldout-v3-02-paragraph-measures
  // ("ประเด็นที่ต้องพัฒนา : i9 การบริหาร..."): tesseract read i9 as 19, i11 as 111 and e1 as ๑1, the
  // digit reader a non-digit and the item's digits; o9 became "01" and ate the ค after it. The items'
  // measures lost their codes (e1's whole measure was missing).
  it('is the code both readings make; a code they do not make is no number either', async () => {
    for (const [file, y0, y1, read] of [
      ['test/ocr-layout-scans/heldout-v3-02-paragraph-measures-200dpi-p7.pdf', 123, 148, /: i9 การบริหาร/],
      ['test/ocr-layout-scans/heldout-v3-02-paragraph-measures-200dpi-p7.pdf', 477, 499, /: i11 ในหน่วยงาน/],
      ['test/ocr-layout-scans/heldout-v3-02-paragraph-measures-200dpi-p8.pdf', 50, 74, /: e1 เจ้าหน้าที่/],
    ] as const) {
      const line = await lineOf(file, y0, y1, /ประเด็นที่ต้องพัฒนา/)
      expect(line.text, file).toMatch(read)
      expect(line.readings.find((r) => r.reader === 'item-code')).toMatchObject({ used: true })
    }
    // heldout-04 200 dpi p2 (Pridi): "i2" read 12 by both readers; the i's dot stands apart above its stem.
    const i2 = await lineOf('test/ocr-layout-scans/heldout-04-mixed-digits-200dpi-p2.pdf', 163, 180, /ในหน่วยงาน/)
    expect(i2.text).toMatch(/^i2 ในหน่วยงาน/)
    const o9 = await lineOf('test/ocr-layout-scans/heldout-v3-02-paragraph-measures-200dpi-p10.pdf', 380, 400, /ประเด็นที่ต้องพัฒนา/)
    expect(o9.text).not.toMatch(/: 0\d/)
    expect(o9.text).toMatch(/คู่มือ/)
    expect(o9.uncertain).toBe(true)
  }, 120_000)
})

describe('a bold ๑๐๐.๐๐ whose digits touch', () => {
  // Page 3 of the seeded 200 dpi scan of samples/layouts/heldout-10-indicator-column (Trirong):
  // the digit reader read "?.?" (๑๐๐ and ๐๐ each one glyph to it) and 14 item scores of the
  // document were unreadable, each an unreadable-value finding the born-digital PDF does not have.
  it('is read as 100.00 from the widths of its ink, with every reading kept', async () => {
    const table = await readGridCells(engine, 'test/ocr-layout-scans/heldout-10-indicator-column-200dpi-p3.pdf', 1, (c) => c.col === 3 && [7, 9, 12].includes(c.row))
    const cells = table.rows.flatMap((r) => r.cells).filter((c) => c.col === 3 && /[0-9๐-๙]/.test(c.text))
    expect(cells).toHaveLength(3)
    for (const cell of cells) {
      expect(cell.text).toBe('100.00')
      expect(cell.origin.uncertain).toBeUndefined()
      expect(cell.origin.readings?.map((r) => [r.reader, r.used])).toEqual([['tesseract', false], ['digit-reader', false], ['full-score', true]])
    }
  }, 120_000)
})
