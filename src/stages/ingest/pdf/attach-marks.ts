/**
 * Joins Thai combining marks to the base they sit on, by geometry rather than by how the file
 * split its text. LibreOffice wraps each repositioned mark alone in an `/ActualText` span, and
 * fonts whose marks have a full advance cancelled by kerning (TlwgTypo) put the mark in a run of
 * its own; either way pdf.js returns a run holding nothing but the mark. Such a run is merged
 * into the run on the same baseline whose glyphs it overlaps (or touches at its end), after the
 * character it sits over. A mark with no base under it stays a run of its own, so the trust
 * check still counts it.
 */
import type { GlyphRun } from './text-runs.js'

/**
 * Above/below vowels, tone marks and other Thai combining signs; a tone mark may come with the sara
 * am it is drawn over (LibreOffice spans "่ำ" as one cluster, as in ต่ำ).
 */
const MARK = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]+\u0E33?$/u
const IS_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u
/** Baselines this close (share of the font size) are the same line. */
const SAME_BASELINE = 0.4
/** A mark may start this far (share of the font size) past the end of its base's advance. */
const REACH = 0.2

export function isMarkRun(run: GlyphRun): boolean {
  return MARK.test(run.text.trim())
}

export function attachMarks(runs: readonly GlyphRun[]): GlyphRun[] {
  if (!runs.some(isMarkRun)) return [...runs]
  const bases = runs.map((run) => ({ run, inserts: [] as { at: number; text: string; privateUse: number }[] }))
  const orphans = new Set<number>()
  runs.forEach((run, k) => {
    if (!isMarkRun(run)) return
    const base = findBase(runs, k)
    if (base === undefined) return
    orphans.add(k)
    bases[base]!.inserts.push({ at: insertionIndex(runs[base]!, run), text: run.text.trim(), privateUse: run.privateUseMarks ?? 0 })
  })
  const out: GlyphRun[] = []
  bases.forEach(({ run, inserts }, k) => {
    if (orphans.has(k)) return
    if (inserts.length === 0) return void out.push(run)
    const privateUseMarks = inserts.reduce((n, i) => n + i.privateUse, run.privateUseMarks ?? 0)
    out.push({ ...run, text: insertAll(run.text, inserts), ...(privateUseMarks > 0 && { privateUseMarks }) })
  })
  return out
}

/** The run the mark at `k` sits on: same baseline, the mark's centre over its glyphs; the nearest in content order wins ties. */
function findBase(runs: readonly GlyphRun[], k: number): number | undefined {
  const mark = runs[k]!
  let best: { index: number; score: number } | undefined
  runs.forEach((run, j) => {
    if (j === k || isMarkRun(run) || run.text.trim() === '') return
    const size = Math.max(run.size, mark.size)
    if (Math.abs(run.baseline - mark.baseline) > SAME_BASELINE * size) return
    const x = anchor(mark)
    if (x < run.bbox.x0 - REACH * size || x > run.bbox.x1 + REACH * size) return
    // Inside the base's glyphs beats touching its end; then the run closest before the mark in the file.
    const outside = x > run.bbox.x1 ? x - run.bbox.x1 : x < run.bbox.x0 ? run.bbox.x0 - x : 0
    const score = outside * 1000 + (j < k ? k - j : runs.length + j - k)
    if (!best || score < best.score) best = { index: j, score }
  })
  return best?.index
}

/**
 * Where in the base's text the mark goes: after the character under the mark's centre (the run's
 * width shared evenly), and after that character's own marks. A zero-width mark stands at the end
 * of its base's advance; a mark with an advance cancelled by kerning is centred over its base.
 */
function insertionIndex(base: GlyphRun, mark: GlyphRun): number {
  const chars = [...base.text]
  const clusters: number[] = [] // index just after each base character and its marks
  chars.forEach((ch, i) => {
    if (IS_MARK.test(ch) && clusters.length > 0) clusters[clusters.length - 1] = i + 1
    else clusters.push(i + 1)
  })
  const width = base.bbox.x1 - base.bbox.x0
  const share = width > 0 ? (anchor(mark) - base.bbox.x0) / width : 1
  // ceil(...) - 1: a centre exactly on a boundary belongs to the character before it.
  const cluster = Math.min(clusters.length - 1, Math.max(0, Math.ceil(share * clusters.length - 0.1) - 1))
  return clusters[cluster] ?? chars.length
}

/** Where a mark run sits: its centre, or its left edge when it carries the sara am it is drawn over (the am has an advance, the mark does not). */
function anchor(mark: GlyphRun): number {
  return mark.text.trim().endsWith('\u0E33') ? mark.bbox.x0 : (mark.bbox.x0 + mark.bbox.x1) / 2
}

function insertAll(text: string, inserts: readonly { at: number; text: string }[]): string {
  const chars = [...text]
  const sorted = inserts.map((ins, order) => ({ ...ins, order })).sort((p, q) => p.at - q.at || p.order - q.order)
  let out = ''
  let from = 0
  for (const { at, text: mark } of sorted) {
    out += chars.slice(from, at).join('') + mark
    from = at
  }
  return out + chars.slice(from).join('')
}
