/**
 * Which catalogue a report is read with, and the gap that says what it was read without. Only the
 * report's own fiscal year's catalogue is ever used: a year without one (or a year that could not
 * be read) is read with none, and said.
 */
import type { Gap, Indicator, NumberValue, Report } from '../report/schema.js'
import { loadCatalogue, type Catalogue } from './catalogue.js'

/** The year a catalogue may be chosen by: read, and read with confidence. */
export function certainYear(fiscalYear: NumberValue | null | undefined): number | undefined {
  return fiscalYear && fiscalYear.value !== null && fiscalYear.uncertain !== true ? fiscalYear.value : undefined
}

/** The report's fiscal year's catalogue; for an unreadable year, the assessment structure alone. */
export function catalogueFor(fiscalYear: NumberValue | null): Catalogue {
  return loadCatalogue(certainYear(fiscalYear))
}

/**
 * The catalogue a converted report was read with: its year's facts and the item list its
 * `source.catalogue` names (none when null), so a report is checked against the items it was
 * identified with.
 */
export function catalogueOfReport(report: Report): Catalogue {
  return loadCatalogue(certainYear(report.fiscalYear), report.source.catalogue)
}

/**
 * One warning gap when the catalogue does not list every indicator's items: `catalogue-missing`
 * (no item list for the year, or no readable year) or `catalogue-partial` (a list naming some
 * indicators only); `catalogue-provisional` for a complete list that is not from the manual.
 */
export function catalogueGap(catalogue: Catalogue, fiscalYear: NumberValue | null, indicators: readonly Indicator[]): Gap | undefined {
  const unlisted = indicators.filter((i) => !catalogue.listsItemsOf(i.number))
  const items = unlisted.flatMap((i) => i.items)
  const unresolved = items.filter((i) => i.code === null).length
  const asPrinted = `${items.length} item(s) keep their printed codes and titles${unresolved ? ` (${unresolved} of the codes could not be read as codes)` : ''}`
  const list = catalogue.itemList
  if (list) {
    const missing = catalogue.indicators.filter((i) => !catalogue.listsItemsOf(i.number)).map((i) => i.number)
    if (missing.length === 0 && !list.provisional) return undefined
    const provisional = list.provisional ? ` is provisional (${list.source})` : ''
    if (missing.length === 0) return gap('catalogue-provisional', `the ${list.fiscalYear} item catalogue${provisional}`)
    return gap(
      'catalogue-partial',
      `the ${list.fiscalYear} item catalogue${provisional}${provisional ? ' and' : ''} lists indicator(s) ${ranges(list.indicators)} only: ${asPrinted} under indicator(s) ${ranges(missing)}; checks that need their items are skipped`,
    )
  }
  const skipped = `${asPrinted}; checks that need the catalogue are skipped`
  const assumed = catalogue.structureAssumedFrom === undefined ? '' : `; the indicators, tools and weights of ${catalogue.structureAssumedFrom} are assumed and the level is not judged`
  if (catalogue.fiscalYear !== undefined) {
    const what = catalogue.structureAssumedFrom === undefined ? 'no item catalogue' : 'no item catalogue or scoring facts'
    return gap('catalogue-missing', `${what} for fiscal year ${catalogue.fiscalYear}: ${skipped}${assumed}`)
  }
  const year = fiscalYear
    ? `the fiscal year printed as "${fiscalYear.prov.raw}" could not be read with confidence`
    : 'the fiscal year was not found'
  return gap('catalogue-missing', `${year}, so no item catalogue was used: ${skipped}${assumed}`)
}

function gap(code: Gap['code'], message: string): Gap {
  return { code, severity: 'warning', message }
}

/** Indicator numbers in short: "1-8", "9-10", "1, 3-5". */
export function ranges(numbers: readonly number[]): string {
  const out: string[] = []
  for (let i = 0; i < numbers.length; i++) {
    let j = i
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++
    out.push(j > i ? `${numbers[i]}-${numbers[j]}` : String(numbers[i]))
    i = j
  }
  return out.join(', ')
}
