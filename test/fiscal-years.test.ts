/**
 * Issue 15: every fiscal year in an archive. The seed transcript (2568) relabelled as other years:
 * a year is read with its own catalogue only, a year without one still converts with every score
 * and finding, and an unreadable year uses no catalogue. Each case says so in one warning gap.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { convertBytes } from '../pipelines/convert.js'
import { runCli } from '../src/cli/main.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { ReportSchema, type Report } from '../src/report/schema.js'
import { seedTranscript, value } from './helpers.js'

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙'
const seed = readFileSync(seedTranscript, 'utf8')

/** The seed with every printed year (๒๕xx) moved by `delta`: the same report, printed for another year. */
function relabel(delta: number): string {
  return seed.replace(/๒๕[๐-๙]{2}/g, (year) => {
    const n = Number([...year].map((d) => THAI_DIGITS.indexOf(d)).join('')) + delta
    return [...String(n)].map((d) => THAI_DIGITS[Number(d)]).join('')
  })
}

const convert = (text: string, name: string) => convertBytes(new TextEncoder().encode(text), name)
const items = (report: Report) => report.indicators.flatMap((i) => i.items)
const serious = (report: Report) =>
  report.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => [f.rule, f.indicator ?? f.tool ?? null].join(' '))
    .sort()
const notChecked = (report: Report) =>
  report.findings
    .filter((f) => f.message.en.startsWith('Not checked'))
    .map((f) => f.rule)
    .sort()

/** Every indicator score in each of the three sections, and the tool scores, exactly as the seed prints them. */
const SEED_SCORES = [
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
]
const scores = (report: Report) => report.indicators.map((i) => [i.number, value(i.scores.summary), value(i.scores.detail), value(i.scores.analysis)])
const tools = (report: Report) => report.tools.map((t) => [t.tool, t.score.value])

describe('a year without an item catalogue (the seed relabelled as 2567)', async () => {
  const report = await convert(relabel(-1), 'bankum-2567.txt')

  it('converts with every indicator and tool score, and is never read with 2568\'s catalogue', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true)
    expect(value(report.fiscalYear)).toBe(2567)
    expect(report.source.catalogue).toBeNull()
    expect(scores(report)).toEqual(SEED_SCORES)
    expect(tools(report)).toEqual([['IIT', 93.55], ['EIT', 97.56], ['OIT', 99.56]])
    expect(value(report.totalScore)).toBe(90.42)
  })

  it('says so in one catalogue-missing warning gap naming the year', () => {
    expect(report.gaps.map((g) => [g.code, g.severity])).toEqual([['catalogue-missing', 'warning']])
    expect(report.gaps[0]!.message).toMatch(/^no item catalogue for fiscal year 2567: 52 item\(s\) keep their printed codes and titles \(15 of the codes could not be read as codes\)/)
  })

  it('keeps every item with its printed code, read where readable, its printed title and its score', () => {
    const all = items(report)
    expect(all).toHaveLength(52)
    expect(all.every((i) => i.match.by === 'no-catalogue' && i.match.reason === 'no item catalogue for fiscal year 2567')).toBe(true)
    const byPrinted = (raw: string) => all.filter((i) => i.printedCode?.prov.raw === raw)
    expect(byPrinted('i๑').map((i) => i.code)).toEqual(['i1'])
    expect(byPrinted('e๕').map((i) => i.code)).toEqual(['e5'])
    expect(byPrinted('๐๒๕').map((i) => [i.code, i.score?.value])).toEqual([['o25', 100]])
    // "ii" (i2 and i6) and digits alone ("๓๗" for i7) stay unresolved, and say so.
    expect(byPrinted('ii').map((i) => [i.code, i.match])).toEqual([
      [null, { by: 'no-catalogue', reason: 'no item catalogue for fiscal year 2567', code: 'unresolved' }],
      [null, { by: 'no-catalogue', reason: 'no item catalogue for fiscal year 2567', code: 'unresolved' }],
    ])
    expect(byPrinted('๓๗')[0]).toMatchObject({ code: null, score: { value: 98.67 }, title: { value: expect.stringMatching(/^ผู้บังคับบัญชาในหน่วยงานของท่าน/) } })
    expect(byPrinted('๓๗')[0]!.printedCode?.prov.repairs?.[0]?.kind).toBe('code-unresolved')
    // Items stay under the indicator they were printed under, in printed order.
    expect(report.indicators.find((i) => i.number === 9)!.items.map((i) => i.code)).toEqual(Array.from({ length: 19 }, (_, k) => `o${k + 1}`))
  })

  it('reports the same contradictions as for 2568, and says which checks needed the catalogue', () => {
    expect(serious(report)).toEqual(
      [
        'indicator-score-mismatch 5',
        'indicator-score-mismatch 6',
        'indicator-score-mismatch 7',
        'indicator-score-mismatch 8',
        'tool-score-mismatch IIT',
        'tool-score-mismatch EIT',
        'tool-score-mismatch OIT',
        // e9's table is headed "indicator 4": without a catalogue its item's indicator is unknown.
        'period-outside-plan-year 4',
        'previous-year-label ',
      ].sort(),
    )
    expect(notChecked(report)).toEqual(['indicator-number-mismatch', 'indicator-score-vs-items', 'item-score-mismatch', 'missing-item', 'pass-level-mismatch'])
    const missingItem = report.findings.find((f) => f.rule === 'missing-item')!
    expect(missingItem).toMatchObject({ severity: 'info' })
    expect(missingItem.message.en).toBe('Not checked: whether the detail list holds every item of indicator(s) 1-10: there is no item catalogue for fiscal year 2567.')
    expect(missingItem.message.th).toContain('ไม่มีรายการประเด็นการประเมินของปีงบประมาณ พ.ศ. 2567')
  })
})

describe('a year with a provisional, partial catalogue (the seed relabelled as 2569)', async () => {
  const report = await convert(relabel(1), 'bankum-2569.txt')
  const oItems = report.indicators.filter((i) => i.number >= 9).flatMap((i) => i.items)
  const codeOf = (title: RegExp) => oItems.find((i) => title.test(i.title?.value ?? ''))?.code

  it('uses the 2569 catalogue and says it is provisional and lists OIT items only', () => {
    expect(value(report.fiscalYear)).toBe(2569)
    expect(report.source.catalogue).toBe(2569)
    expect(scores(report)).toEqual(SEED_SCORES)
    const partial = report.gaps.filter((g) => g.code.startsWith('catalogue-'))
    expect(partial.map((g) => [g.code, g.severity])).toEqual([['catalogue-partial', 'warning']])
    expect(partial[0]!.message).toMatch(/^the 2569 item catalogue is provisional \(.*\) and lists indicator\(s\) 9-10 only: 24 item\(s\) keep their printed codes and titles/)
  })

  it('resolves the o-items to 2569 codes: the complaint items moved from o17-o19 up one, No Gift from o21 to o20', () => {
    expect(oItems.every((i) => i.match.by !== 'no-catalogue')).toBe(true)
    expect(codeOf(/^แนวปฏิบัติการจัดการเรื่องร้องเรียน/)).toBe('o16')
    expect(codeOf(/^ช่องทางแจ้งเรื่องร้องเรียน/)).toBe('o17')
    expect(codeOf(/^ประกาศเจตนาธรรม.*No Gift Policy/)).toBe('o20')
    expect(codeOf(/^การเปิดโอกาสให้เกิดการมีส่วนร่วม/)).toBe('o19')
    expect(codeOf(/^ประมวลจริยธรรม/)).toBe('o15')
    expect(codeOf(/^แผนปฏิบัติการป้องกันการทุจริต/)).toBe('o23')
    expect(codeOf(/^รายงานผลการดำเนินการป้องกันการทุจริต/)).toBe('o24')
    expect(codeOf(/^E-Service/)).toBe('o10')
    // No 2568 numbering survives: 2569 has o1-o26.
    expect(oItems.every((i) => Number(i.code!.slice(1)) <= 26)).toBe(true)
    // The measures table of the anti-corruption plan (o25 in 2568) is 2569's o23.
    expect(report.indicators.find((i) => i.number === 10)!.measures.map((m) => m.item)).toEqual(['o23'])
  })

  it('does not force 2568 items the 2569 list does not have onto 2569 codes', () => {
    const unidentified = report.gaps.filter((g) => g.code === 'item-unidentified').map((g) => g.message)
    expect(unidentified.some((m) => m.includes('ข้อมูลสถิติการให้บริการ'))).toBe(true) // 2568's o11
    expect(unidentified.some((m) => m.includes('รายงานการรับทรัพย์สินหรือประโยชน์อื่นใด'))).toBe(true) // 2568's o22
  })

  it('keeps the IIT and EIT items as printed: their 2569 lists are not known', () => {
    const ie = report.indicators.filter((i) => i.number <= 8).flatMap((i) => i.items)
    expect(ie).toHaveLength(24)
    expect(ie.every((i) => i.match.by === 'no-catalogue' && i.match.reason.startsWith('the 2569 item catalogue (provisional) does not list'))).toBe(true)
    expect(report.findings.find((f) => f.rule === 'missing-item' && f.severity === 'info')?.message.en).toBe(
      'Not checked: whether the detail list holds every item of indicator(s) 1-8: the 2569 item catalogue (provisional) does not list the items of indicator(s) 1-8.',
    )
  })
})

describe('a report whose fiscal year cannot be read', async () => {
  // Every year after "งบประมาณ" damaged, as OCR leaves a digit it could not read.
  const damaged = seed.replace(/(งบประมาณ\s*(?:พ\.ศ\.)?\s*)๒๕([๐-๙])([๐-๙])/g, '$1๒๕?$3')
  const report = await convert(damaged, 'bankum-unreadable.txt')

  it('says so, uses no catalogue and still converts every score', () => {
    expect(report.fiscalYear).toMatchObject({ value: null, uncertain: true, prov: { section: 'title', raw: '๒๕?๘' } })
    expect(report.source.catalogue).toBeNull()
    expect(scores(report)).toEqual(SEED_SCORES)
    expect(report.gaps.filter((g) => g.code === 'catalogue-missing').map((g) => g.message)).toEqual([
      expect.stringMatching(/^the fiscal year printed as "๒๕\?๘" could not be read with confidence, so no item catalogue was used: 52 item\(s\) keep their printed codes/),
    ])
    expect(items(report).every((i) => i.match.by === 'no-catalogue')).toBe(true)
    expect(report.findings.find((f) => f.rule === 'unreadable-value' && f.values[0]?.prov?.section === 'title')?.message.en).toContain("The report's fiscal year could not be read")
    expect(notChecked(report)).toContain('missing-item')
    expect(report.findings.find((f) => f.rule === 'pass-level-mismatch')?.message.en).toContain('its level scale is unknown')
  })
})

describe('a year printed only in the overall analysis, in Arabic digits', async () => {
  const lines = relabel(-1).split('\n')
  const overallStart = lines.findIndex((l) => l.startsWith('๑.การวิเคราะห์ผล'))
  const text = lines
    .map((line, i) => (i < overallStart && i < 20 ? line.replace(/\s*(?:ปี)?งบประมาณ\s*พ\.ศ\.\s*๒๕๖๗/g, '') : i >= overallStart && i < overallStart + 6 ? line.replaceAll('๒๕๖๗', '2567') : line))
    .join('\n')
  const report = await convert(text, 'bankum-overall.txt')

  it('reads the year there and chooses the catalogue by it', () => {
    expect(report.fiscalYear).toMatchObject({ value: 2567, prov: { section: 'overall', raw: '2567' } })
    expect(report.gaps.find((g) => g.code === 'catalogue-missing')?.message).toMatch(/^no item catalogue for fiscal year 2567/)
  })
})

describe('ita-extract convert on a year without a catalogue', () => {
  afterEach(() => vi.restoreAllMocks())

  it('prints one warning line naming the year and exits 0, like a complete report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-years-'))
    const input = join(dir, 'bankum-2567.txt')
    writeFileSync(input, relabel(-1))
    const stderr: string[] = []
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true))
    expect(await runCli(['convert', input, '-o', join(dir, 'out.json')])).toBe(ExitCode.ok)
    const lines = stderr.join('').trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`${input}: warning: no item catalogue for fiscal year 2567`)
  })
})
