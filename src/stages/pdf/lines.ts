/**
 * Groups positioned runs into text lines in reading order (top to bottom, then left to right).
 * Runs whose baselines are within 40% of the font size share a line. A gap wider than a quarter
 * of the font size becomes a space; wider than 2.5 font sizes (a column gap) becomes a tab.
 */
import type { BBox } from '../../model/document.js'
import { unionBBox, type GlyphRun } from './text-runs.js'

export interface RunLine {
  readonly text: string
  readonly bbox: BBox
  readonly runs: readonly GlyphRun[]
}

const SAME_LINE = 0.4
const SPACE_GAP = 0.25
const COLUMN_GAP = 2.5

export function groupIntoLines(runs: readonly GlyphRun[]): RunLine[] {
  const sorted = [...runs].sort((p, q) => p.baseline - q.baseline || p.bbox.x0 - q.bbox.x0)
  const groups: GlyphRun[][] = []
  let current: GlyphRun[] = []
  let baseline = Number.NaN
  for (const run of sorted) {
    if (current.length > 0 && Math.abs(run.baseline - baseline) <= SAME_LINE * Math.min(run.size, current[0]!.size)) {
      current.push(run)
    } else {
      if (current.length > 0) groups.push(current)
      current = [run]
      baseline = run.baseline
    }
  }
  if (current.length > 0) groups.push(current)
  return groups.map(toLine).filter((l) => l.text.length > 0)
}

function toLine(group: GlyphRun[]): RunLine {
  const runs = [...group].sort((p, q) => p.bbox.x0 - q.bbox.x0)
  let text = ''
  let prev: GlyphRun | undefined
  for (const run of runs) {
    if (prev) {
      const gap = run.bbox.x0 - prev.bbox.x1
      const size = Math.max(prev.size, run.size)
      const spaced = /\s$/.test(text) || /^\s/.test(run.text)
      if (gap > COLUMN_GAP * size) text = `${text.trimEnd()}\t`
      else if (gap > SPACE_GAP * size && !spaced) text += ' '
    }
    text += run.text
    prev = run
  }
  return { text: text.replace(/ {2,}/g, ' ').replace(/ ?\t ?/g, '\t').trim(), bbox: unionBBox(runs.map((r) => r.bbox)), runs }
}

/** Digits, Thai or Arabic, with a decimal point or thousands commas. */
const NUMBER_PART = /^[0-9\u0E50-\u0E59.,]+$/u
/** One decimal number (a score): two lines of digits without a point are more likely two numbers. */
const ONE_NUMBER = /^[0-9\u0E50-\u0E59]{1,3}(,[0-9\u0E50-\u0E59]{3})*\.[0-9\u0E50-\u0E59]+$/u

/**
 * A cell's text: its lines joined by spaces, except that a number a narrow column broke over two
 * lines ("๘" / "๘.๗๗") is joined back, when the cell holds nothing but the parts of one number.
 */
export function cellText(runs: readonly GlyphRun[]): string {
  const lines = groupIntoLines(runs).map((l) => l.text.replace(/\t/g, ' '))
  const joined = lines.join('')
  return lines.length > 1 && lines.every((l) => NUMBER_PART.test(l)) && ONE_NUMBER.test(joined) ? joined : lines.join(' ')
}
