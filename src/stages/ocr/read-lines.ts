/** Reading a region (a table cell, the page outside its tables) line by line. */
import type { OcrLine, OcrSession, RecognisedText } from './engine.js'
import { clampBox, cropWithMargin, darkPixels, downscale, encodePgm, expand, union, whitenBackground, type GreyImage, type PixelBox } from './image.js'
import { markCandidateFor, splitTextLines, type TextLineBox } from './text-lines.js'

/**
 * Reads the text in `region` one line at a time: the lines come from the ink's projection profile,
 * and tesseract reads each in its single-line mode (its block and page modes split Thai upper
 * marks into lines of their own and lose them). A band much taller than the others (a picture,
 * a stamp, lines that touch) is left to tesseract's block mode. Boxes come back in page pixels.
 */
export async function recogniseLines(session: OcrSession, image: GreyImage, binary: GreyImage, region: PixelBox, dpi: number): Promise<RecognisedText> {
  const margin = Math.max(8, Math.round(dpi / 30))
  // Slivers (a ruling's end, a speck) are not text, and tesseract refuses images under 3 px.
  const minSize = Math.max(4, Math.round(dpi / 60))
  const boxes = splitTextLines(binary, region).filter((b) => b.x1 - b.x0 >= minSize && b.y1 - b.y0 >= minSize)
  // Typical line height, from the bands that are not marks.
  const tallest = Math.max(0, ...boxes.map((b) => b.y1 - b.y0))
  const heights = boxes.map((b) => b.y1 - b.y0).filter((h) => h >= 0.6 * tallest).sort((a, b) => a - b)
  const typical = heights[Math.floor(heights.length / 2)] ?? 0
  const read = async (box: TextLineBox, single = false): Promise<OcrLine[]> => {
    const source = clampBox(expand(box, 2), image.width, image.height)
    const piece = cropWithMargin(image, source, 0)
    if (box.foreign) whitenForeign(piece, source, box.foreign)
    const crop = cropWithMargin(whitenBackground(piece), { x0: 0, y0: 0, x1: source.x1 - source.x0, y1: source.y1 - source.y0 }, margin)
    const tall = !single && box.y1 - box.y0 > 2.5 * typical && boxes.length > 1
    // tesseract's work grows with the pixels it is given, its accuracy does not past a point:
    // fine scans are shrunk first (boxes are scaled back).
    const factor = dpi > SHRINK_ABOVE_DPI ? TESSERACT_DPI / dpi : 1
    const result = await session.recognise(encodePgm(downscale(crop, factor)), { segmentation: tall ? 'block' : 'line', dpi: dpi * factor })
    const by = 1 / factor
    const dx = source.x0 - margin, dy = source.y0 - margin
    const toPage = (b: PixelBox): PixelBox => ({ x0: Math.floor(b.x0 * by) + dx, y0: Math.floor(b.y0 * by) + dy, x1: Math.ceil(b.x1 * by) + dx, y1: Math.ceil(b.y1 * by) + dy })
    return result.lines.map((line) => mapBoxes(line, toPage))
  }
  const readings = await Promise.all(boxes.map((box) => read(box)))
  // A low band next to a line may be that line's marks (stacked marks in bold faces are nearly as
  // tall as the letters). Unless tesseract read it as confident Thai text, read the band together
  // with its line, and keep that if the band is low or light (marks) or tesseract is about as
  // confident of the merged reading.
  for (let i = 0; i < boxes.length; i++) {
    const j = markCandidateFor(boxes, i)
    if (j < 0 || clearlyText(readings[i]!)) continue
    const merged = union(boxes[i]!, boxes[j]!)
    const lines = await read(merged, true)
    const a = boxes[i]!, b = boxes[j]!
    const low = a.y1 - a.y0 < 0.6 * (b.y1 - b.y0)
    // Marks are sparse: far less ink per row than the letters under them.
    const light = darkPixels(binary, a) / (a.y1 - a.y0) < 0.4 * (darkPixels(binary, b) / (b.y1 - b.y0))
    if (!low && !light && meanConfidence(lines) < meanConfidence([...readings[i]!, ...readings[j]!]) - 0.1) continue
    // Marks add no letters: a merged reading with fewer letters than the lines read apart lost a
    // line (a wrapped "ปฏิบัติงาน" under "๔. จัดอบรม..." read together as "a pre"). Pieces side by
    // side in one row have no line to lose: "๙๙." beside ".๐๐" read apart gives letters ("เวงวง")
    // that the merged "๙๙.๐๐" rightly does not have.
    if (!sideBySide(a, b) && consonants(lines) < 0.8 * (consonants(readings[j]!) + (consonants(readings[i]!) >= 4 ? consonants(readings[i]!) : 0))) continue
    const keep = Math.min(i, j)
    boxes.splice(keep, 2, merged)
    readings.splice(keep, 2, lines)
    i = keep - 1
  }
  const lines = readings.flat()
  const confidences = lines.flatMap((l) => l.words.map((w) => w.confidence))
  // A band as tall as half a line that gave no text, or far too little for its width (a smudge
  // read as "Eo"), is ink not read: it is reported, never dropped silently.
  const unread = boxes.filter((b, k) => b.y1 - b.y0 >= 0.5 * typical && readings[k]!.map((l) => l.text.replace(/\s/g, '')).join('').length < (b.x1 - b.x0) / (4 * (b.y1 - b.y0)))
  return { text: lines.map((l) => l.text).join('\n'), lines, confidence: confidences.length ? Math.min(...confidences) : 0, ...(unread.length > 0 && { unread: unread.map(({ x0, y0, x1, y1 }) => ({ x0, y0, x1, y1 })) }) }
}

/** Two boxes that share most of their height: pieces of one row, not lines stacked. */
function sideBySide(a: PixelBox, b: PixelBox): boolean {
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
  return overlap >= 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0)
}

/** Several Thai consonants, read with high confidence: a line, not marks (marks come out as digits, Latin, a stray consonant). */
function clearlyText(lines: readonly OcrLine[]): boolean {
  return consonants(lines) >= 4 && meanConfidence(lines) >= 0.85
}

function consonants(lines: readonly OcrLine[]): number {
  return lines.map((l) => l.text).join('').match(/[\u0E01-\u0E2E]/g)?.length ?? 0
}

function meanConfidence(lines: readonly OcrLine[]): number {
  const words = lines.flatMap((l) => l.words)
  return words.length ? words.reduce((a, w) => a + w.confidence, 0) / words.length : 0
}

/** Whitens, in a crop taken at `origin`, the ink that belongs to neighbouring lines. */
function whitenForeign(crop: GreyImage, origin: PixelBox, foreign: NonNullable<TextLineBox['foreign']>): void {
  for (let y = 0; y < foreign.height; y++) {
    const cy = foreign.y0 + y - origin.y0
    if (cy < 0 || cy >= crop.height) continue
    for (let x = 0; x < foreign.width; x++) {
      if (foreign.data[y * foreign.width + x] !== 1) continue
      const cx = foreign.x0 + x - origin.x0
      if (cx >= 0 && cx < crop.width) crop.data[cy * crop.width + cx] = 255
    }
  }
}

/**
 * Scans finer than this are shrunk to `TESSERACT_DPI` before tesseract reads their lines: on the
 * samples, 200 dpi reads Thai as well as 300 dpi in about two thirds of the time. The digit
 * reader still reads numbers from the full-resolution image.
 */
const SHRINK_ABOVE_DPI = 250
const TESSERACT_DPI = 200

/** The line with its box and its words' boxes mapped by `to` (crop pixels -> page pixels). */
function mapBoxes(line: OcrLine, to: (b: PixelBox) => PixelBox): OcrLine {
  return { text: line.text, bbox: to(line.bbox), words: line.words.map((w) => ({ ...w, bbox: to(w.bbox) })) }
}
