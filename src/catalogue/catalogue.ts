/**
 * What is known of each fiscal year's assessment, loaded from data files in `catalogue/data/`:
 * `ita-<year>.json` holds the year's structure (tools, weights, indicators), its level scale and,
 * when one is known, the name of its item list (a TSV). A year is only ever read with its own
 * facts and its own items: a year without an item list has no catalogue, never another year's.
 * The file format is described in docs/catalogues.md.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as z from 'zod'
import { packageRoot } from '../_internal/package-root.js'
import { ToolSchema, type Tool } from '../report/schema.js'

const LevelSchema = z.object({
  name: z.string().min(1),
  /** The total is at least this (a necessary condition; levels above inherit it). */
  minTotal: z.number().optional(),
  /** Every tool score is at least this (necessary; levels above inherit it). */
  minEachTool: z.number().optional(),
})

const LevelsSchema = z.object({
  /** `complete`: a report's level is the best one whose conditions hold. `partial`: only the listed conditions are known. */
  thresholds: z.enum(['complete', 'partial']),
  /** Best first. */
  scale: z.array(LevelSchema).min(1),
  source: z.string(),
})

const ItemListSchema = z.object({
  file: z.string(),
  /** True when the list comes from something other than the assessment manual (e.g. one agency's site). */
  provisional: z.boolean(),
  source: z.string(),
})

const YearFileSchema = z.object({
  fiscalYear: z.number().int(),
  tolerance: z.number(),
  structureSource: z.string(),
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
  /** Absent: the year's levels are not known. */
  levels: LevelsSchema.optional(),
  /** Absent: no item list is known for the year. */
  items: ItemListSchema.optional(),
  /** Ids of the consistency-check rules known to hold this year; absent means all. */
  rules: z.array(z.string()).optional(),
})
type YearFile = z.output<typeof YearFileSchema>

export type Levels = z.output<typeof LevelsSchema>
export type Level = z.output<typeof LevelSchema>

export interface CatalogueItem {
  /** Canonical code: i1, e9, o25. */
  readonly code: string
  readonly indicator: number
  readonly tool: Tool
  /**
   * Canonical Thai title with `{FY}` / `{FY-1}` filled in for the catalogue's year; empty when
   * the item is known to exist but its title is not (a provisional list with holes).
   */
  readonly title: string
  /** 1-based position among its indicator's items. */
  readonly position: number
  /** Where the row's facts come from, when they are inferred rather than read from the source. */
  readonly note?: string
}

/** The item list a catalogue was built from. */
export interface ItemList {
  readonly fiscalYear: number
  readonly provisional: boolean
  readonly source: string
  /** The indicators whose items the list names: a partial list names some only. */
  readonly indicators: readonly number[]
}

export interface Catalogue {
  /** The fiscal year whose facts these are; undefined when the report's year is unknown. */
  readonly fiscalYear: number | undefined
  /**
   * Set when the year has no data file: its structure (tools, weights, indicators) is this year's,
   * assumed because the assessment kept it from 2563 on. Levels and items are then unknown.
   */
  readonly structureAssumedFrom?: number
  readonly tolerance: number
  readonly tools: YearFile['tools']
  readonly indicators: YearFile['indicators']
  readonly levels: Levels | undefined
  readonly rules?: readonly string[]
  /** The item list, or undefined: no catalogue of items for this year. */
  readonly itemList: ItemList | undefined
  readonly items: readonly CatalogueItem[]
  itemsOf(indicator: number): readonly CatalogueItem[]
  item(code: string): CatalogueItem | undefined
  toolOf(indicator: number): Tool
  /** True when the item list names this indicator's items (false for every indicator without a list). */
  listsItemsOf(indicator: number): boolean
}

const dataDir = () => join(packageRoot(), 'src', 'catalogue', 'data')
const cache = new Map<string, Catalogue>()

/** Fiscal years (BE) that have a data file. */
export function catalogueYears(): number[] {
  return readdirSync(dataDir())
    .map((name) => /^ita-(\d{4})\.json$/.exec(name)?.[1])
    .filter((year): year is string => year !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
}

/** Fiscal years whose data file names an item list. */
export function itemListYears(): number[] {
  return catalogueYears().filter((year) => readYearFile(year).items !== undefined)
}

/**
 * A fiscal year's facts and its item catalogue. `itemsYear` (default: the same year) names the
 * item list to use; null for none. A year without a data file (or an unknown year) gets the
 * structure of the nearest year that has one (`structureAssumedFrom`), no levels and no items.
 */
export function loadCatalogue(fiscalYear?: number, itemsYear: number | null | undefined = fiscalYear): Catalogue {
  const key = `${fiscalYear}|${itemsYear}`
  const hit = cache.get(key)
  if (hit) return hit
  const catalogue = buildCatalogue(fiscalYear, itemsYear ?? undefined)
  cache.set(key, catalogue)
  return catalogue
}

function buildCatalogue(fiscalYear: number | undefined, itemsYear: number | undefined): Catalogue {
  const years = catalogueYears()
  const own = fiscalYear !== undefined && years.includes(fiscalYear)
  const basisYear = own ? fiscalYear : nearestYear(years, fiscalYear)
  const basis = readYearFile(basisYear)
  const itemFile = itemsYear !== undefined && years.includes(itemsYear) ? readYearFile(itemsYear) : undefined
  const items = itemFile?.items ? parseItemsTsv(readFileSync(join(dataDir(), itemFile.items.file), 'utf8'), itemFile.fiscalYear) : []
  const itemList: ItemList | undefined = itemFile?.items && {
    fiscalYear: itemFile.fiscalYear,
    provisional: itemFile.items.provisional,
    source: itemFile.items.source,
    indicators: [...new Set(items.map((i) => i.indicator))].sort((a, b) => a - b),
  }
  const byCode = new Map(items.map((item) => [item.code, item]))
  return {
    fiscalYear,
    ...(own ? {} : { structureAssumedFrom: basisYear }),
    tolerance: basis.tolerance,
    tools: basis.tools,
    indicators: basis.indicators,
    levels: own ? basis.levels : undefined,
    ...(own && basis.rules ? { rules: basis.rules } : {}),
    itemList,
    items,
    itemsOf: (indicator) => items.filter((item) => item.indicator === indicator),
    item: (code) => byCode.get(code),
    toolOf: (indicator) => {
      const tool = basis.indicators.find((i) => i.number === indicator)?.tool
      if (!tool) throw new RangeError(`No indicator ${indicator} in the ${basisYear} assessment`)
      return tool
    },
    listsItemsOf: (indicator) => itemList?.indicators.includes(indicator) ?? false,
  }
}

/** The year with data nearest to `year` (the later one on a tie); the latest for an unknown year. */
function nearestYear(years: readonly number[], year: number | undefined): number {
  if (years.length === 0) throw new Error('No fiscal-year data files in src/catalogue/data')
  if (year === undefined) return years.at(-1)!
  return years.reduce((best, y) => (Math.abs(y - year) <= Math.abs(best - year) ? y : best))
}

const fileCache = new Map<number, YearFile>()

function readYearFile(year: number): YearFile {
  const hit = fileCache.get(year)
  if (hit) return hit
  const name = `ita-${year}.json`
  const parsed = YearFileSchema.safeParse(JSON.parse(readFileSync(join(dataDir(), name), 'utf8')))
  if (!parsed.success) throw new Error(`${name}: ${z.prettifyError(parsed.error)}`)
  if (parsed.data.fiscalYear !== year) throw new Error(`${name}: fiscalYear is ${parsed.data.fiscalYear}, not ${year}`)
  fileCache.set(year, parsed.data)
  return parsed.data
}

const TSV_HEADER = ['code', 'indicator', 'tool', 'title']
const CODE = /^[ieo]\d{1,2}$/

/** The items TSV: code, indicator, tool, title and an optional note; an empty title means "exists, title unknown". */
export function parseItemsTsv(tsv: string, year: number): CatalogueItem[] {
  const [header, ...lines] = tsv.replace(/\s+$/, '').split(/\r?\n/)
  const columns = header?.split('\t') ?? []
  const hasNote = columns.length === 5 && columns[4] === 'note'
  if (columns.slice(0, 4).join(',') !== TSV_HEADER.join(',') || (columns.length !== 4 && !hasNote)) {
    throw new Error(`Item catalogue for ${year}: unexpected header ${JSON.stringify(header)}`)
  }
  const positions = new Map<number, number>()
  return lines.map((line, index) => {
    const [code, indicator, tool, title = '', note = ''] = line.split('\t')
    const n = Number(indicator)
    if (!code || !CODE.test(code) || !Number.isInteger(n)) throw new Error(`Item catalogue for ${year}, line ${index + 2}: cannot read ${JSON.stringify(line)}`)
    const position = (positions.get(n) ?? 0) + 1
    positions.set(n, position)
    return {
      code,
      indicator: n,
      tool: ToolSchema.parse(tool),
      title: title.replaceAll('{FY-1}', String(year - 1)).replaceAll('{FY}', String(year)).trim(),
      position,
      ...(note.trim() && { note: note.trim() }),
    }
  })
}
