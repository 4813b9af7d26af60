/**
 * The comparison behind `npm run bench:variants` (scripts/ocr-variants.ts): a report equal to the
 * expected values has no miss, and each kind of damage to a report is counted as what it is (a
 * wrong number, an unreadable one, a measure on another item), with where it was read.
 */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { convertFile } from '../pipelines/convert.js'
import type { Report } from '../src/report/schema.js'
import { compareReport } from '../scripts/ocr-variants.js'
import { repoPath, reportValues } from './helpers.js'

const expected = JSON.parse(readFileSync(repoPath('samples', 'nongbua', 'expected-values.json'), 'utf8')) as ReturnType<typeof reportValues>

describe('compareReport (bench:variants)', () => {
  let report: Report
  beforeAll(async () => {
    report = await convertFile(repoPath('samples', 'nongbua', 'transcript.md'))
  })
  const copy = () => structuredClone(report)

  it('finds nothing to report in the transcript conversion', () => {
    const { counts, misses } = compareReport(report, expected)
    expect(misses).toEqual([])
    expect(counts.wrong).toBe(0)
    expect(counts.indicatorScores).toEqual([30, 30])
    expect(counts.itemScores).toEqual([52, 52])
    expect(counts.measures[0]).toBe(counts.measures[1])
    expect(counts.findings).toBe(true)
  })

  it('counts a different number as wrong and names where it was read', () => {
    const r = copy()
    const item = r.indicators[0]!.items[0]!
    item.score = { ...item.score!, value: item.score!.value! + 10 }
    const { counts, misses } = compareReport(r, expected)
    expect(counts.wrong).toBe(1)
    expect(counts.itemScores).toEqual([51, 52])
    expect(misses).toHaveLength(1)
    expect(misses[0]).toMatchObject({ what: `item ${item.code} score`, wrong: true, prov: { page: item.score.prov.page } })
  })

  it('counts an unreadable number as a miss, not as wrong', () => {
    const r = copy()
    const ind = r.indicators[5]!
    ind.scores.analysis = { ...ind.scores.analysis!, value: null }
    const { counts, misses } = compareReport(r, expected)
    expect(counts.wrong).toBe(0)
    expect(counts.unreadable).toBe(1)
    expect(misses).toEqual([expect.objectContaining({ what: `indicator ${ind.number} analysis`, wrong: false, got: null })])
  })

  it('counts a misread indicator number above a measures table as wrong, an unreadable one not at all', () => {
    const r = copy()
    const ind = r.indicators.find((i) => i.measures.some((m) => m.printedIndicator?.value != null))!
    const m = ind.measures.find((x) => x.printedIndicator?.value != null)!
    m.printedIndicator = { ...m.printedIndicator!, value: m.printedIndicator!.value! + 1 }
    const wrong = compareReport(r, expected)
    expect(wrong.counts.wrong).toBe(1)
    expect(wrong.misses).toEqual([expect.objectContaining({ what: expect.stringContaining('printed indicator number'), wrong: true })])
    m.printedIndicator = { ...m.printedIndicator, value: null }
    expect(compareReport(r, expected).misses).toEqual([])
  })

  it('counts a measure attached to another item as wrong', () => {
    const r = copy()
    const ind = r.indicators.find((i) => i.measures.length > 0)!
    const other = ind.items.find((i) => i.code !== ind.measures[0]!.item)!.code
    ind.measures[0] = { ...ind.measures[0]!, item: other }
    const { counts, misses } = compareReport(r, expected)
    expect(counts.wrong).toBeGreaterThanOrEqual(1)
    expect(counts.measures[0]).toBe(counts.measures[1] - 1)
    expect(misses.some((m) => m.what.endsWith(' item') && m.got === other && m.wrong)).toBe(true)
  })
})
