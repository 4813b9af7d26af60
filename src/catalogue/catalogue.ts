/**
 * Item catalogues and scoring facts per fiscal year, loaded from data files in `catalogue/data/`
 * (`ita-<year>.json` + the items TSV it names). A new fiscal year is a new pair of data files.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as z from 'zod'
import { packageRoot } from '../_internal/package-root.js'
import { ToolSchema, type Tool } from '../report/schema.js'

const YearFileSchema = z.object({
  fiscalYear: z.number().int(),
  items: z.string(),
  passMark: z.number(),
  tolerance: z.number(),
  tools: z.array(
    z.object({
      tool: ToolSchema,
      weight: z.number(),
      indicators: z.array(z.number().int()),
      /** How an indicator score follows from its items: `mean`, or `unknown` (not checked). */
      itemScoring: z.enum(['mean', 'unknown']),
    }),
  ),
  indicators: z.array(z.object({ number: z.number().int(), tool: ToolSchema, name: z.string() })),
  /** Ids of the consistency-check rules known to hold this year; absent means all. */
  rules: z.array(z.string()).optional(),
})

export interface CatalogueItem {
  /** Canonical code: i1, e9, o25. */
  readonly code: string
  readonly indicator: number
  readonly tool: Tool
  /** Canonical Thai title with `{FY}` / `{FY-1}` filled in for the catalogue's year. */
  readonly title: string
  /** 1-based position among its indicator's items. */
  readonly position: number
}

export interface Catalogue extends Omit<z.output<typeof YearFileSchema>, 'items'> {
  readonly items: readonly CatalogueItem[]
  itemsOf(indicator: number): readonly CatalogueItem[]
  item(code: string): CatalogueItem | undefined
  toolOf(indicator: number): Tool
}

const dataDir = () => join(packageRoot(), 'src', 'catalogue', 'data')
const cache = new Map<number, Catalogue>()

/** Fiscal years (BE) that have a catalogue. */
export function catalogueYears(): number[] {
  return readdirSync(dataDir())
    .map((name) => /^ita-(\d{4})\.json$/.exec(name)?.[1])
    .filter((year): year is string => year !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
}

/**
 * The catalogue for a fiscal year; for a year without one, the nearest earlier year's (or the
 * earliest), since the assessment changes slowly. `catalogue.fiscalYear` says which was used.
 */
export function loadCatalogue(fiscalYear?: number): Catalogue {
  const years = catalogueYears()
  const year =
    fiscalYear === undefined
      ? years[years.length - 1]!
      : ([...years].reverse().find((y) => y <= fiscalYear) ?? years[0]!)
  const hit = cache.get(year)
  if (hit) return hit
  const file = YearFileSchema.parse(JSON.parse(readFileSync(join(dataDir(), `ita-${year}.json`), 'utf8')))
  const items = parseItemsTsv(readFileSync(join(dataDir(), file.items), 'utf8'), year)
  const byCode = new Map(items.map((item) => [item.code, item]))
  const catalogue: Catalogue = {
    ...file,
    items,
    itemsOf: (indicator) => items.filter((item) => item.indicator === indicator),
    item: (code) => byCode.get(code),
    toolOf: (indicator) => {
      const tool = file.indicators.find((i) => i.number === indicator)?.tool
      if (!tool) throw new RangeError(`No indicator ${indicator} in the ${year} catalogue`)
      return tool
    },
  }
  cache.set(year, catalogue)
  return catalogue
}

function parseItemsTsv(tsv: string, year: number): CatalogueItem[] {
  const [header, ...lines] = tsv.trim().split(/\r?\n/)
  if (header?.split('\t').join(',') !== 'code,indicator,tool,title') {
    throw new Error(`Item catalogue for ${year}: unexpected header ${JSON.stringify(header)}`)
  }
  const positions = new Map<number, number>()
  return lines.map((line) => {
    const [code, indicator, tool, title] = line.split('\t')
    const n = Number(indicator)
    const position = (positions.get(n) ?? 0) + 1
    positions.set(n, position)
    return {
      code: code!,
      indicator: n,
      tool: ToolSchema.parse(tool),
      title: title!.replaceAll('{FY-1}', String(year - 1)).replaceAll('{FY}', String(year)),
      position,
    }
  })
}
