/**
 * The truth for a generated report: the values a perfect reading gives (in the shape of
 * `reportValues`) and the findings the real checker makes on that perfect reading. The report is
 * built straight from the spec (provenance minimal), validated with ReportSchema, then checked.
 */
import { checkReport } from '../../../src/stages/check/check-report.js'
import { ReportSchema, type Finding, type Indicator, type ListEntry, type Measure, type NumberValue, type Prov, type Report, type Section, type TextValue } from '../../../src/report/schema.js'
import { reportValues, type ReportValues } from '../report-values.js'
import { isoDate, round1, type IndicatorSpec, type MeasureSpec, type ReportSpec } from './spec.js'

/** What of the truth depends on the layout rather than the content: how lists are printed. */
export interface TruthLayout {
  /** Steps printed with numbers (๑. / 1) / 1.); false for bullets, whose entries have no number. */
  readonly stepsNumbered: boolean
  readonly actionsNumbered: boolean
  /** The template has a steps column; without one a perfect reading has no steps. */
  readonly stepsPrinted: boolean
  /**
   * The detail list prints only the items scoring below this (v7 `detail=below-threshold`), under
   * the rows of their indicators: other items and other indicators' detail scores are not printed.
   */
  readonly detailBelow?: number
  /** False when the report prints last year's total but not the difference (v7 `previous=three-years`). */
  readonly differencePrinted?: boolean
  /**
   * Scores taken from headings and prose (the total, last year's total and the difference, the
   * analysis scores) printed with one decimal (v8 `scorePrecision=prose-one`): the truth is what
   * they print.
   */
  readonly proseDecimals?: 1
  /**
   * The summary prints only the indicators below this score (v10 `summary=below-pass`): the others'
   * summary scores are not printed.
   */
  readonly summaryBelow?: number
  /**
   * Periods printed as deadlines (v11 `period=deadline`): ภายในเดือนมีนาคม 2569 prints no start, so a
   * perfect reader has only the end; the whole plan year (ตลอดปีงบประมาณ) has both.
   */
  readonly deadlineOnly?: boolean
  /**
   * Every score printed with three decimals (v12 `scorePrecision=three`): the raw text a perfect reader has;
   * or with one (v14 `scorePrecision=one`): the value a perfect reader has is the one printed, rounded.
   */
  readonly scoreDecimals?: 1 | 3
  /** A period within one year prints its year once, after the end month (v7 `period=year-once`). */
  readonly startYearOnce?: boolean
}

export interface Truth {
  readonly values: ReportValues
  /** The checker's findings on a perfect reading, with their English message (for people). */
  readonly findings: readonly { readonly severity: Finding['severity']; readonly rule: string; readonly subject: string | number | null; readonly message: string }[]
}

export function truthOf(spec: ReportSpec, layout: TruthLayout): Truth {
  const report = perfectReport(spec, layout)
  const checked = ReportSchema.parse({ ...report, findings: checkReport(report) })
  return {
    values: reportValues(checked),
    findings: checked.findings.map((f) => ({ severity: f.severity, rule: f.rule, subject: f.indicator ?? f.tool ?? f.item ?? null, message: f.message.en })),
  }
}

/** The report a perfect reader would extract from any rendering of the spec (findings not yet checked). */
export function perfectReport(spec: ReportSpec, layout: TruthLayout): Report {
  // A difference is printed as its size (the sign in words or an arrow), rounded as such.
  const prose = (x: number) => (layout.proseDecimals === 1 ? Math.sign(x) * round1(Math.abs(x)) : shown(x, layout))
  const proseDecimals = layout.proseDecimals ?? layout.scoreDecimals ?? 2
  const places = layout.scoreDecimals ?? 2
  return ReportSchema.parse({
    schemaVersion: 1,
    source: { file: 'spec.json', kind: 'transcript', sha256: '', pages: 1, readBy: ['transcript'], pipeline: 'layout-truth', version: 'truth', catalogue: spec.catalogueYear },
    organization: {
      name: text('title', spec.organisation.name),
      district: spec.organisation.district === null ? null : text('title', spec.organisation.district),
      province: spec.organisation.province === null ? null : text('title', spec.organisation.province),
    },
    fiscalYear: num('title', spec.fiscalYear),
    totalScore: score('overall', prose(spec.total), proseDecimals),
    level: text('overall', spec.level),
    previous: {
      fiscalYear: num('overall', spec.previous.year),
      totalScore: score('overall', prose(spec.previous.score), proseDecimals),
      difference: layout.differencePrinted === false ? null : score('overall', prose(spec.previous.difference), proseDecimals),
    },
    tools: spec.tools.map((t) => ({ tool: t.tool, score: score('summary', shown(t.score, layout), places) })),
    indicators: spec.indicators.map((ind) => indicator(spec, ind, layout)),
    findings: [],
    gaps: [],
  })
}

function indicator(spec: ReportSpec, ind: IndicatorSpec, layout: TruthLayout): Indicator {
  const places = layout.scoreDecimals ?? 2
  const printed = ind.items.filter((item) => layout.detailBelow === undefined || item.score < layout.detailBelow)
  return {
    number: ind.number,
    name: text('summary', ind.name),
    tool: ind.tool,
    scores: {
      summary: layout.summaryBelow !== undefined && ind.scores.summary >= layout.summaryBelow ? null : score('summary', shown(ind.scores.summary, layout), places),
      detail: printed.length > 0 ? score('detail', shown(ind.scores.detail, layout), places) : null,
      analysis: layout.proseDecimals === 1 ? score('analysis', round1(ind.scores.analysis), 1) : score('analysis', shown(ind.scores.analysis, layout), places),
    },
    items: printed.map((item) => ({
      code: item.code,
      title: text('detail', item.title),
      printedCode: text('detail', item.code),
      score: score('detail', shown(item.score, layout), places),
      match: { by: 'text+code', similarity: 1 },
    })),
    analysis: text('analysis', ind.analysis),
    // A measure is filed under its item's indicator, whatever number its table is headed with.
    measures: spec.measures.filter((m) => ind.items.some((i) => i.code === m.item)).map((m) => measure(m, layout)),
  }
}

/** A score as printed: to one place under `scoreDecimals` 1 (as toFixed rounds it, the sign apart), else as drawn. */
const shown = (x: number, layout: TruthLayout) => (layout.scoreDecimals === 1 ? Math.sign(x) * Number(Math.abs(x).toFixed(1)) : x)

const startYearInferred = (m: MeasureSpec, layout: TruthLayout) => layout.startYearOnce === true && m.period.from.yearBE === m.period.to.yearBE

function measure(m: MeasureSpec, layout: TruthLayout): Measure {
  return {
    item: m.item,
    itemTitle: text('measures', m.itemTitle),
    printedCode: text('measures', m.item),
    itemScore: score('measures', shown(m.itemScore, layout), layout.scoreDecimals ?? 2),
    printedIndicator: num('measures', m.printedIndicator),
    actions: list(m.actions, layout.actionsNumbered),
    analysis: text('measures', m.analysis),
    steps: layout.stepsPrinted ? list(m.steps, layout.stepsNumbered) : [],
    period: period(m, layout),
    responsible: m.responsible.map((r) => text('measures', r)),
    responsibleText: text('measures', m.responsible.join(', ')),
    match: { by: 'text+code', similarity: 1 },
    prov: prov('measures', m.item),
  }
}

function period(m: MeasureSpec, layout: TruthLayout): Measure['period'] {
  const from = layout.deadlineOnly === true && !wholeFiscalYear(m.period) ? null : isoDate(m.period.from)
  const to = isoDate(m.period.to)
  return { from, to, text: `${from ?? ''} - ${to}`, inferred: startYearInferred(m, layout) ? ['from.year'] : [], prov: prov('measures', '') }
}

/** 1 October to 30 September of the next year: printed as ตลอดปีงบประมาณ under deadlines. */
const wholeFiscalYear = (p: MeasureSpec['period']) => p.from.month === 10 && p.from.day === 1 && p.to.month === 9 && p.to.day === 30 && p.to.yearBE === p.from.yearBE + 1

function list(entries: readonly string[], numbered: boolean): ListEntry[] {
  return entries.map((t, i) => ({ number: numbered ? i + 1 : null, text: t, prov: prov('measures', t) }))
}

const prov = (section: Section, raw: string): Prov => ({ section, page: 1, raw, source: 'transcript' })
const num = (section: Section, value: number): NumberValue => ({ value, prov: prov(section, String(value)) })
/** A score, its raw text printed with its decimals (91.10, not 91.1): the checker compares copies at the precision printed. */
const score = (section: Section, value: number, decimals = 2): NumberValue => ({ value, prov: prov(section, Math.abs(value).toFixed(decimals)) })
const text = (section: Section, value: string): TextValue => ({ value, prov: prov(section, value) })
