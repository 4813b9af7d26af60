/**
 * Synthetic scanned report pages for the OCR tests: Thai text and a ruled table drawn with the
 * Sarabun TTF through @napi-rs/canvas, optionally rotated (skew), with a dark scanner border and
 * JPEG-encoded like a scan. The table contents are returned so tests compare against them.
 */
import { createRequire } from 'node:module'
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'

const require = createRequire(import.meta.url)
let fontReady = false
function registerFont(): void {
  if (fontReady) return
  const regular = require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf')
  const bold = require.resolve('@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf')
  GlobalFonts.registerFromPath(regular, 'Sarabun')
  GlobalFonts.registerFromPath(bold, 'Sarabun Bold')
  fontReady = true
}

export interface RenderedTable {
  /** Header + body rows; `null` marks a position covered by a span. */
  readonly cells: (string | null)[][]
  /** [row, col, rowSpan, colSpan] for spanning cells. */
  readonly spans: [number, number, number, number][]
}

export interface RenderedPage {
  readonly image: Uint8Array
  readonly mime: 'image/jpeg' | 'image/png'
  readonly dpi: number
  /** PDF points. */
  readonly width: number
  readonly height: number
  readonly lines: string[]
  readonly table: RenderedTable
}

export interface RenderOptions {
  readonly dpi?: number
  /** Degrees, clockwise. */
  readonly skewDegrees?: number
  /** Dark band along the left and top edges, like a scanner lid shadow. */
  readonly border?: boolean
  readonly format?: 'jpeg' | 'png'
  readonly lines?: string[]
  /** Distance between text lines, points (16 pt text). @default 26 */
  readonly lineSpacingPt?: number
  readonly table?: RenderedTable
  /** `across`: the table ruled only across, each cell's top and bottom (no column lines). @default 'full' */
  readonly rules?: 'full' | 'across'
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙'
export const thaiDigits = (s: string): string => s.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!)

/** A summary table like the reports': indicator, indicator score, tool score spanning rows. */
export function summaryTable(scores: string[], toolScore: string): RenderedTable {
  const names = ['การปฏิบัติหน้าที่', 'การใช้งบประมาณ', 'การใช้อำนาจ', 'การใช้ทรัพย์สินของราชการ', 'การแก้ไขปัญหาการทุจริต']
  const cells: (string | null)[][] = [['ตัวชี้วัด', 'คะแนนรายตัวชี้วัด', 'คะแนนรายเครื่องมือ']]
  scores.forEach((score, i) => {
    cells.push([`ตัวชี้วัดที่ ${thaiDigits(String(i + 1))} ${names[i % names.length]}`, thaiDigits(score), i === 0 ? thaiDigits(toolScore) : null])
  })
  return { cells, spans: [[1, 2, scores.length, 1]] }
}

export function renderPage(options: RenderOptions = {}): RenderedPage {
  registerFont()
  const dpi = options.dpi ?? 200
  const px = (pt: number) => Math.round((pt * dpi) / 72)
  const widthPt = 595.28
  const heightPt = 841.89
  const canvas = createCanvas(px(widthPt), px(heightPt))
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.save()
  if (options.skewDegrees) {
    ctx.translate(canvas.width / 2, canvas.height / 2)
    ctx.rotate((options.skewDegrees * Math.PI) / 180)
    ctx.translate(-canvas.width / 2, -canvas.height / 2)
  }
  ctx.fillStyle = '#111'
  ctx.textBaseline = 'alphabetic'
  const lines = options.lines ?? [
    'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร',
    'ผลการประเมินมีคะแนน ๙๐.๔๒ คะแนน อยู่ในระดับ ผ่าน',
  ]
  let y = px(90)
  for (const line of lines) {
    ctx.font = `${px(16)}px Sarabun`
    ctx.fillText(line, px(72), y)
    y += px(options.lineSpacingPt ?? 26)
  }
  const table = options.table ?? summaryTable(['93.55', '97.56', '99.56', '82.67', '91.78'], '93.02')
  drawTable(ctx, table, px(60), y + px(10), [px(230), px(120), px(125)], px(26), px(14), options.rules ?? 'full')
  ctx.restore()
  if (options.border) {
    ctx.fillStyle = '#222'
    ctx.fillRect(0, 0, px(12), canvas.height)
    ctx.fillRect(0, 0, canvas.width, px(8))
  }
  const format = options.format ?? 'jpeg'
  const image = format === 'jpeg' ? canvas.toBuffer('image/jpeg', 85) : canvas.toBuffer('image/png')
  return { image, mime: format === 'jpeg' ? 'image/jpeg' : 'image/png', dpi, width: widthPt, height: heightPt, lines, table }
}

type Ctx = ReturnType<ReturnType<typeof createCanvas>['getContext']>

function drawTable(ctx: Ctx, table: RenderedTable, x0: number, y0: number, widths: number[], rowHeight: number, fontPx: number, rules: 'full' | 'across'): void {
  const xs = [x0]
  for (const w of widths) xs.push(xs.at(-1)! + w)
  const rows = table.cells.length
  const ys = Array.from({ length: rows + 1 }, (_, i) => y0 + i * rowHeight)
  const covered = new Set<string>()
  const spanAt = new Map<string, [number, number]>()
  for (const [r, c, rs, cs] of table.spans) {
    spanAt.set(`${r},${c}`, [rs, cs])
    for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) if (i !== r || j !== c) covered.add(`${i},${j}`)
  }
  ctx.strokeStyle = '#000'
  ctx.lineWidth = Math.max(2, Math.round(fontPx / 12))
  ctx.font = `${fontPx}px Sarabun`
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < widths.length; c++) {
      if (covered.has(`${r},${c}`)) continue
      const [rs, cs] = spanAt.get(`${r},${c}`) ?? [1, 1]
      const left = xs[c]!, top = ys[r]!, right = xs[c + cs]!, bottom = ys[r + rs]!
      if (rules === 'full') ctx.strokeRect(left, top, right - left, bottom - top)
      else {
        ctx.beginPath()
        for (const y of [top, bottom]) {
          ctx.moveTo(left, y)
          ctx.lineTo(right, y)
        }
        ctx.stroke()
      }
      const text = table.cells[r]![c]
      if (text) {
        const w = ctx.measureText(text).width
        const tx = c === 0 ? left + fontPx * 0.4 : (left + right - w) / 2
        ctx.fillText(text, tx, top + fontPx * 0.4 + (bottom - top) / 2)
      }
    }
  }
}
