/**
 * Golden comparison of the whole report for the seed transcript. The expected file was reviewed by
 * hand against the transcript (see README.md beside it); rewrite it with UPDATE_GOLDEN=1 only after
 * reviewing the diff. Plain assertions next to it pin the acceptance values, so a blind
 * update cannot hide a regression.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { convertFile } from '../../pipelines/convert.js'
import { ReportSchema, type Report } from '../../src/report/schema.js'
import { repoPath, seedTranscript, stableReport, value } from '../helpers.js'

const expectedPath = repoPath('test', 'golden', 'bankum-transcript.expected.json')

describe('seed transcript (อบต.บ้านกุ่ม, 2568)', async () => {
  const report = await convertFile(seedTranscript, { check: false })
  const indicator = (n: number) => report.indicators.find((i) => i.number === n)!

  it('validates against the report schema', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true)
    expect(report.gaps).toEqual([])
  })

  it('matches the reviewed golden file', () => {
    const actual = stableReport(report)
    if (process.env.UPDATE_GOLDEN || !existsSync(expectedPath)) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`)
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Report
    expect(actual).toEqual(expected)
  })

  it('reads the title block and overall analysis', () => {
    expect(value(report.organization.name)).toBe('องค์การบริหารส่วนตำบลบ้านกุ่ม')
    expect(value(report.organization.district)).toBe('สองพี่น้อง')
    expect(value(report.organization.province)).toBe('สุพรรณบุรี')
    expect(value(report.fiscalYear)).toBe(2568)
    expect(value(report.totalScore)).toBe(90.42)
    expect(value(report.level)).toBe('ผ่าน')
    expect(value(report.previous?.totalScore)).toBe(90.23)
    expect(value(report.previous?.fiscalYear)).toBe(2568) // printed (mislabelled) year, kept as printed
    expect(value(report.previous?.difference)).toBe(0.19)
    expect(report.tools.map((t) => [t.tool, t.score.value])).toEqual([['IIT', 93.55], ['EIT', 97.56], ['OIT', 99.56]])
  })

  it('keeps each section\'s indicator score exactly as printed', () => {
    const scores = report.indicators.map((i) => [i.number, value(i.scores.summary), value(i.scores.detail), value(i.scores.analysis)])
    expect(scores).toEqual([
      [1, 93.55, 93.55, 93.55],
      [2, 97.56, 97.56, 97.56],
      [3, 99.56, 99.56, 99.56],
      [4, 82.67, 82.67, 82.67],
      [5, 91.78, 91.78, 91.74],
      [6, 98.67, 99.67, 94.67],
      [7, 98.36, 99.33, 98.36],
      [8, 98.16, 99.5, 98.16],
      [9, 75, 75, 75],
      [10, 90, 90, 90],
    ])
    expect(indicator(6).scores.detail?.prov).toMatchObject({ section: 'detail', raw: '๙๙.๖๗', line: 49, source: 'transcript' })
  })

  it('identifies all 52 items with canonical codes and scores', () => {
    const items = report.indicators.flatMap((i) => i.items)
    expect(items.map((i) => i.code)).toEqual([
      ...Array.from({ length: 15 }, (_, k) => `i${k + 1}`),
      ...Array.from({ length: 9 }, (_, k) => `e${k + 1}`),
      ...Array.from({ length: 28 }, (_, k) => `o${k + 1}`),
    ])
    expect(items.find((i) => i.code === 'i10')?.score?.value).toBe(58)
    expect(items.find((i) => i.code === 'o7')?.score?.value).toBe(0)
  })

  it('resolves every mangled printed code', () => {
    const printed = Object.fromEntries(report.indicators.flatMap((i) => i.items).map((i) => [i.code, i.printedCode?.prov.raw]))
    expect(printed).toMatchObject({ i1: 'i๑', i2: 'ii', i6: 'ii', i7: '๓๗', i10: '๔๐', i13: '๕๑', e1: '๖๑', e4: '๗๔', e5: 'e๕', o1: '๐๑', o10: '๐๑๐' })
    const measures = report.indicators.flatMap((i) => i.measures.map((m) => [m.item, m.printedCode?.prov.raw]))
    expect(measures).toEqual([
      ['i2', '๒'],
      ['i6', '๒)'],
      ['i9', '๕)'],
      ['i10', '1๐'],
      ['i15', '๑๕'],
      ['e2', '๕๒'],
      ['e4', '๑๕)'],
      ['e9', '๔๙'],
      ['o25', '๐๒๕'],
    ])
  })

  it('attaches the 9 measures tables to the right indicator, including e9 printed under "ตัวชี้วัดที่ ๔"', () => {
    expect(report.indicators.map((i) => [i.number, i.measures.length])).toEqual([
      [1, 1], [2, 1], [3, 1], [4, 1], [5, 1], [6, 1], [7, 1], [8, 1], [9, 0], [10, 1],
    ])
    const e9 = indicator(8).measures[0]!
    expect(e9.item).toBe('e9')
    expect(e9.printedIndicator?.value).toBe(4)
    expect(e9.itemScore?.value).toBe(99.5)
  })

  it('parses periods as ISO dates and marks the inferred start year', () => {
    const i1 = indicator(1).measures[0]!.period!
    expect([i1.from, i1.to, i1.inferred]).toEqual(['2025-10-01', '2026-09-30', []])
    const i5 = indicator(5).measures[0]!.period!
    expect([i5.from, i5.to, i5.inferred]).toEqual(['2025-10-01', '2026-09-30', ['from.year']])
    expect(i5.prov.repairs?.map((r) => r.kind)).toContain('year-inferred')
    expect(indicator(8).measures[0]!.period).toMatchObject({ from: '2021-10-01', to: '2022-09-30' })
  })

  it('splits steps and responsible units, merging continuation rows', () => {
    const i10 = indicator(10).measures[0]!
    expect(i10.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(i10.steps[3]!.text).toMatch(/ผ่านโครงการเสริมสร้างวินัยคุณธรรม/)
    expect(i10.analysis?.value).toMatch(/ป้องกันความเสี่ยง$/)
    const i5 = indicator(5).measures[0]!
    expect(i5.analysis?.value).toMatch(/ให้มีประสิทธิภาพยิ่งขึ้นต่อไป$/)
    expect(i5.analysis?.prov.repairs?.[0]?.kind).toBe('continuation-merged')
    expect(indicator(1).measures[0]!.responsible.map((r) => r.value)).toEqual([
      'สำนักปลัด อบต.', 'กองคลัง', 'กองช่าง', 'กองการศึกษา ศาสนาและวัฒนธรรม', 'กองสาธารณสุขและสิ่งแวดล้อม',
    ])
    expect(indicator(7).measures[0]!.steps.map((s) => s.number)).toEqual([1, 2, 3])
  })
})
