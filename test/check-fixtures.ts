/**
 * Builds valid, internally consistent ITA reports for the checker's tests: every printed copy of
 * a score agrees, indicator scores are the rounded means of their items, tool scores the rounded
 * means of their indicators, the total the truncated weighted sum. Tests then damage one number
 * and expect exactly the finding that damage should cause.
 */
import { loadCatalogue } from '../src/catalogue/catalogue.js'
import { noCatalogueReason } from '../src/catalogue/printed-code.js'
import { ReportSchema, type Indicator, type Measure, type NumberValue, type Report, type Section, type Tool } from '../src/report/schema.js'

export interface ReportSpec {
  /** Buddhist Era. @default 2568 */
  readonly fiscalYear?: number
  /** Item scores by canonical code; items not listed get a default score. */
  readonly itemScores?: Readonly<Record<string, number>>
  /** OIT indicator scores (the item -> indicator rule for OIT is unknown). @default {9: 75, 10: 90} */
  readonly oitScores?: Readonly<Record<number, number>>
  /**
   * The printed level. @default none: most years' level thresholds are only partly known, so any
   * printed level gets a "not judged" note, which tests of other rules do not want.
   */
  readonly level?: string
}

let line = 0
export function num(value: number | null, section: Section, extra: Partial<NumberValue> = {}): NumberValue {
  line += 1
  return {
    value,
    prov: { section, page: 1 + Math.floor(line / 40), line, raw: value === null ? '๙?.??' : value.toFixed(2), source: 'transcript' },
    ...extra,
  }
}

const round2 = (x: number) => Math.round(Number((x * 100).toPrecision(12))) / 100
const truncate2 = (x: number) => Math.floor(Number((x * 100).toPrecision(12))) / 100

/** A deterministic, varied default score for an item. */
function defaultItemScore(code: string, tool: Tool): number {
  const n = Number(code.slice(1))
  if (tool === 'OIT') return n % 7 === 0 ? 0 : 100
  return round2(80 + ((n * 7.77) % 20))
}

export function buildReport(spec: ReportSpec = {}): Report {
  const fiscalYear = spec.fiscalYear ?? 2568
  const catalogue = loadCatalogue(fiscalYear)
  const oit = { 9: 75, 10: 90, ...spec.oitScores } as Record<number, number>
  const indicators: Indicator[] = catalogue.indicators.map(({ number, tool, name }) => {
    // An indicator the year's catalogue has no items for prints 2568's items, kept as printed.
    const reason = noCatalogueReason(catalogue, number)
    const catalogueItems = (reason ? loadCatalogue(2568) : catalogue).itemsOf(number)
    const match = <T>(identified: T) => (reason ? { by: 'no-catalogue' as const, reason, code: 'printed' as const } : identified)
    const scores = catalogueItems.map((c) => spec.itemScores?.[c.code] ?? defaultItemScore(c.code, tool))
    const score = tool === 'OIT' ? oit[number]! : round2(scores.reduce((a, b) => a + b, 0) / scores.length)
    const first = catalogueItems[0]!
    const measure: Measure = {
      item: first.code,
      itemTitle: { value: first.title, prov: num(0, 'measures').prov },
      printedCode: null,
      itemScore: num(scores[0]!, 'measures'),
      printedIndicator: num(number, 'measures'),
      actions: [],
      analysis: null,
      steps: [],
      period: {
        from: `${fiscalYear - 543}-10-01`,
        to: `${fiscalYear - 542}-09-30`,
        text: `1 ตุลาคม ${fiscalYear} - 30 กันยายน ${fiscalYear + 1}`,
        inferred: [],
        prov: num(0, 'measures').prov,
      },
      responsible: [],
      responsibleText: null,
      match: match({ by: 'text' as const, similarity: 1 }),
      prov: num(0, 'measures').prov,
    }
    return {
      number,
      name: { value: name, prov: num(0, 'summary').prov },
      tool,
      scores: { summary: num(score, 'summary'), detail: num(score, 'detail'), analysis: num(score, 'analysis') },
      items: catalogueItems.map((c, i) => ({
        code: c.code,
        title: { value: c.title, prov: num(0, 'detail').prov },
        printedCode: null,
        score: num(scores[i]!, 'detail'),
        match: match({ by: 'position+text' as const, similarity: 1 }),
      })),
      analysis: null,
      measures: [measure],
    }
  })
  const toolMean = (tool: Tool) => {
    const scores = indicators.filter((i) => i.tool === tool).map((i) => i.scores.summary!.value!)
    return scores.reduce((a, b) => a + b, 0) / scores.length
  }
  const weighted = catalogue.tools.reduce((sum, t) => sum + t.weight * toolMean(t.tool), 0)
  // Reports print the total truncated as often as rounded; truncation is the harder case.
  const total = truncate2(weighted)
  const previousTotal = round2(total - 0.19)
  const report: Report = {
    schemaVersion: 1,
    source: { file: 'built.txt', kind: 'transcript', sha256: '0'.repeat(64), pages: 10, readBy: ['transcript'], pipeline: 'test', version: '0.0.0', catalogue: catalogue.itemList?.fiscalYear ?? null },
    organization: { name: null, district: null, province: null },
    fiscalYear: num(fiscalYear, 'title'),
    totalScore: num(total, 'overall'),
    level: spec.level === undefined ? null : { value: spec.level, prov: num(0, 'overall').prov },
    previous: { fiscalYear: num(fiscalYear - 1, 'overall'), totalScore: num(previousTotal, 'overall'), difference: num(round2(total - previousTotal), 'overall') },
    tools: catalogue.tools.map((t) => ({ tool: t.tool, score: num(round2(toolMean(t.tool)), 'summary') })),
    indicators,
    findings: [],
    gaps: [],
  }
  return ReportSchema.parse(report)
}

/** Convenience accessors for damaging a built report in place (call on a fresh build). */
export function indicator(report: Report, number: number): Indicator {
  const found = report.indicators.find((i) => i.number === number)
  if (!found) throw new Error(`no indicator ${number}`)
  return found
}

export function item(report: Report, code: string) {
  for (const i of report.indicators) {
    const found = i.items.find((it) => it.code === code)
    if (found) return found
  }
  throw new Error(`no item ${code}`)
}

export function tool(report: Report, name: Tool) {
  const found = report.tools.find((t) => t.tool === name)
  if (!found) throw new Error(`no tool ${name}`)
  return found
}

/** Sets a NumberValue's value in place, keeping its provenance and updating its raw text. */
export function setValue(v: NumberValue | null, value: number | null, extra: Partial<NumberValue> = {}): void {
  if (!v) throw new Error('no value to set')
  v.value = value
  v.prov = { ...v.prov, raw: value === null ? '๙?.??' : value.toFixed(2) }
  Object.assign(v, extra)
}
