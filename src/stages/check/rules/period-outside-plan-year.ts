/**
 * `period-outside-plan-year`: a measure's period outside the fiscal year after the report's.
 * Fiscal year FY (BE) runs 1 Oct (FY-1) to 30 Sep FY; a FY report plans measures for FY+1, i.e.
 * CE (FY-543)-10-01 to (FY-542)-09-30. Only printed parts of a period are evidence: a year the
 * extractor inferred (`period.inferred`) is not.
 */
import { label } from '../labels.js'
import { finding, isReadable, printedValue, textValue, type Bilingual, type Rule } from '../rule.js'
import { allMeasures, subjectIndicator } from '../scoring.js'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The CE date range of the fiscal year after `fiscalYearBE`. */
export function planYearRange(fiscalYearBE: number): { from: string; to: string; yearBE: number } {
  return { from: `${fiscalYearBE - 543}-10-01`, to: `${fiscalYearBE - 542}-09-30`, yearBE: fiscalYearBE + 1 }
}

const toBE = (iso: string) => Number(iso.slice(0, 4)) + 543

export const periodOutsidePlanYear: Rule = {
  id: 'period-outside-plan-year',
  severity: 'error',
  title: {
    en: 'A measure period lies outside the fiscal year after the report year.',
    th: 'ระยะเวลาดำเนินการของมาตรการอยู่นอกปีงบประมาณถัดไปของปีที่ประเมิน',
  },
  check(ctx) {
    const fiscalYear = ctx.report.fiscalYear
    if (!isReadable(fiscalYear)) return []
    const plan = planYearRange(fiscalYear.value)
    return allMeasures(ctx.report).flatMap(({ indicator, measure }) => {
      const period = measure.period
      if (!period) return []
      const from = period.from && ISO_DATE.test(period.from) && !period.inferred.includes('from.year') ? period.from : undefined
      const to = period.to && ISO_DATE.test(period.to) && !period.inferred.includes('to.year') ? period.to : undefined
      const outside = [from, to].some((d) => d !== undefined && (d < plan.from || d > plan.to))
      if (!outside) return []
      const noOverlap = (to !== undefined && to < plan.from) || (from !== undefined && from > plan.to)
      const n = subjectIndicator(ctx.catalogue, indicator, measure)
      const printedYears = [from, to].filter((d): d is string => d !== undefined).map(toBE).join('–')
      const subject = measure.item ? `item ${measure.item}` : `indicator ${n}`
      const subjectTh = measure.item ? `ประเด็น ${measure.item}` : `ตัวชี้วัดที่ ${n}`
      return [
        finding(
          this,
          noOverlap ? 'error' : 'warning',
          { indicator: n, ...(measure.item ? { item: measure.item } : {}) },
          {
            en: `The measure for ${subject} is planned for "${period.text}" (${from ?? '?'} to ${to ?? '?'}), ${noOverlap ? 'entirely ' : 'partly '}outside fiscal year ${plan.yearBE} (${plan.from} to ${plan.to}).`,
            th: `มาตรการของ${subjectTh} กำหนดระยะเวลา "${period.text}" ซึ่ง${noOverlap ? '' : 'บางส่วน'}อยู่นอกปีงบประมาณ พ.ศ. ${plan.yearBE} (1 ตุลาคม ${plan.yearBE - 1} - 30 กันยายน ${plan.yearBE})`,
          },
          [textValue(label.period(), `${from ?? '?'}..${to ?? '?'}`, period.prov), textValue(label.planYear(), `${plan.from}..${plan.to}`), printedValue(label.fiscalYear(), fiscalYear)],
          explainPeriod(fiscalYear.value, plan.yearBE, printedYears, to !== undefined && to < plan.from),
        ),
      ]
    })
  },
}

function explainPeriod(fiscalYear: number, planYear: number, printedYears: string, before: boolean): Bilingual {
  const en = `A report for fiscal year ${fiscalYear} plans measures for fiscal year ${planYear} (printed: ${printedYears}).`
  const th = `รายงานปีงบประมาณ ${fiscalYear} ต้องวางแผนมาตรการสำหรับปีงบประมาณ ${planYear} (ที่พิมพ์: ${printedYears})`
  return before
    ? { en: `${en} A period in past years is often left over from an older report.`, th: `${th} ช่วงเวลาที่เป็นปีที่ผ่านมาแล้วมักคัดลอกมาจากรายงานปีก่อน` }
    : { en, th }
}
