/**
 * The text of a page as positioned runs (top-left PDF points), from pdf.js's getTextContent with
 * the page's `/ActualText` spans swapped in (see `actual-text.ts` for why) and Thai marks joined to
 * the base they sit on (`attach-marks.ts`).
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextContent, TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js'
import type { BBox } from '../../../model/document.js'
import type { MarkedContentEvent } from './actual-text.js'
import { attachMarks } from './attach-marks.js'
import { mapPrivateUseThai } from './private-use-thai.js'
import { mapSymbolFontMarks } from '../symbol-fonts.js'
import { pdfjsCall } from './open-pdf.js'

export interface GlyphRun {
  readonly text: string
  readonly bbox: BBox
  /** Baseline y, top-left origin. */
  readonly baseline: number
  /** Font size in points. */
  readonly size: number
  /** How many Thai marks came as private-use code points and were mapped (private-use-thai.ts). */
  readonly privateUseMarks?: number
  /** How many marks came as a symbol font's code points (a Wingdings tick) and were mapped (symbol-fonts.ts). */
  readonly symbolMarks?: number
}

/** A font's name by pdf.js's id for it ("g_d0_f2" -> "CAAAAA+OpenSymbol"); undefined when unknown. */
export type FontNames = (id: string) => string | undefined

/** The names of the fonts the page's operator list has loaded (`readPageGraphics` reads it first). */
export function loadedFontNames(page: PDFPageProxy): FontNames {
  return (id) => {
    if (!page.commonObjs.has(id)) return undefined
    const font = page.commonObjs.get(id) as { name?: unknown } | null
    return typeof font?.name === 'string' ? font.name : undefined
  }
}

export interface PageTextRuns {
  readonly runs: GlyphRun[]
  /** How many runs took their text from `/ActualText`. */
  readonly actualTextRuns: number
  /** False when the page's marked content could not be lined up with pdf.js's, so ActualText was not used. */
  readonly actualTextAligned: boolean
}

type Viewport = ReturnType<PDFPageProxy['getViewport']>

export async function readTextRuns(page: PDFPageProxy, events: readonly MarkedContentEvent[] | undefined, fontNames: FontNames = () => undefined): Promise<PageTextRuns> {
  // disableNormalization: pdf.js's NFKC-style normalisation would split sara am (U+0E33) into
  // nikhahit + sara aa; we keep the text as it is in the file and normalise in our own stage.
  const content: TextContent = await pdfjsCall(() => page.getTextContent({ includeMarkedContent: true, disableNormalization: true }))
  const viewport = page.getViewport({ scale: 1 })
  const begins = events?.filter((e) => e.kind === 'begin') ?? []
  const pdfjsBegins = content.items.filter((i): i is TextMarkedContent => 'type' in i && i.type !== 'endMarkedContent')
  const aligned = events !== undefined && begins.length === pdfjsBegins.length && begins.every((e, k) => e.tag === ((pdfjsBegins[k] as { tag?: string | null }).tag ?? ''))

  const runs: GlyphRun[] = []
  let actualTextRuns = 0
  let beginIndex = 0
  /** Open marked-content sections; `collect` is set on the outermost one carrying ActualText. */
  const stack: { actualText?: string; collected?: GlyphRun[] }[] = []
  let collecting: { actualText: string; collected: GlyphRun[] } | undefined

  for (const item of content.items) {
    if ('type' in item) {
      if (item.type === 'endMarkedContent') {
        const closed = stack.pop()
        if (closed && collecting && closed.collected === collecting.collected) {
          if (collecting.collected.length > 0) {
            runs.push(mergeRuns(collecting.collected, collecting.actualText))
            actualTextRuns++
          }
          collecting = undefined
        }
      } else {
        const event = aligned ? begins[beginIndex] : undefined
        beginIndex++
        const actualText = event?.kind === 'begin' ? event.actualText : undefined
        if (actualText !== undefined && !collecting) {
          collecting = { actualText, collected: [] }
          stack.push({ actualText, collected: collecting.collected })
        } else stack.push({})
      }
      continue
    }
    const run = toRun(item, content, viewport, fontNames)
    if (!run) continue
    if (collecting) collecting.collected.push(run)
    else runs.push(run)
  }
  if (collecting && collecting.collected.length > 0) runs.push(mergeRuns(collecting.collected, collecting.actualText))
  return { runs: attachMarks(runs), actualTextRuns, actualTextAligned: aligned || (events?.length ?? 0) === 0 }
}

function toRun(item: TextItem, content: TextContent, viewport: Viewport, fontNames: FontNames): GlyphRun | undefined {
  if (item.str.length === 0) return undefined
  const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number]
  const size = Math.hypot(c, d) || Math.hypot(a, b)
  if (size === 0) return undefined
  const style = content.styles[item.fontName]
  const ascent = style?.ascent && style.ascent > 0 ? style.ascent : 0.8
  const descent = style?.descent && style.descent < 0 ? style.descent : -0.2
  const ux = a / (Math.hypot(a, b) || 1)
  const uy = b / (Math.hypot(a, b) || 1)
  const nx = c / size
  const ny = d / size
  const corners = [
    [e + nx * descent * size, f + ny * descent * size],
    [e + nx * ascent * size, f + ny * ascent * size],
    [e + ux * item.width + nx * descent * size, f + uy * item.width + ny * descent * size],
    [e + ux * item.width + nx * ascent * size, f + uy * item.width + ny * ascent * size],
  ].map(([x, y]) => viewport.convertToViewportPoint(x!, y!) as [number, number])
  const xs = corners.map((p) => p[0])
  const ys = corners.map((p) => p[1])
  const [, baseline] = viewport.convertToViewportPoint(e, f) as [number, number]
  const thai = mapPrivateUseThai(item.str)
  const symbols = mapSymbolFontMarks(thai.text, fontNames(item.fontName))
  return {
    text: closeNumberGaps(symbols.text),
    bbox: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
    baseline,
    size,
    ...(thai.mapped > 0 && { privateUseMarks: thai.mapped }),
    ...(symbols.mapped > 0 && { symbolMarks: symbols.mapped }),
  }
}

/**
 * pdf.js writes a space wherever glyphs are drawn apart, and a word processor justifying a Thai
 * line spreads its spacing between clusters, digits included ("๘๓ .๗๓" for a drawn ๘๓.๗๓): a
 * space between a digit and a decimal point followed by a digit is not in the text.
 */
export function closeNumberGaps(text: string): string {
  return text.replace(/([0-9\u0E50-\u0E59]) (?=\.[0-9\u0E50-\u0E59])/gu, '$1')
}

function mergeRuns(runs: readonly GlyphRun[], actualText: string): GlyphRun {
  // pdf.js inserts its own space items where it sees a word gap; one can fall inside a span.
  // Keep it: ActualText replaces the glyphs, not the gap before or after them.
  const blank = (r: GlyphRun | undefined): boolean => r !== undefined && r.text.trim() === ''
  const lead = blank(runs[0]) && !/^\s/.test(actualText) ? ' ' : ''
  const trail = runs.length > 1 && blank(runs.at(-1)) && !/\s$/.test(actualText) ? ' ' : ''
  const inked = runs.filter((r) => !blank(r))
  // A word wrapped in a narrow cell: the gap pdf.js puts before the span's glyphs can sit on the
  // line before ("ตั" then " วชี้วัดที่"), so the span's line is that of its glyphs.
  return {
    text: `${lead}${actualText}${trail}`,
    bbox: unionBBox((inked.length > 0 ? inked : runs).map((r) => r.bbox)),
    baseline: (inked[0] ?? runs[0]!).baseline,
    size: Math.max(...runs.map((r) => r.size)),
  }
}

export function unionBBox(boxes: readonly BBox[]): BBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  }
}
