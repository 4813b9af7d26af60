/**
 * Items the catalogue cannot identify because it has no list for them (a year without an item
 * catalogue, or an indicator a partial catalogue does not list): they keep their printed code,
 * read as a code only where the print allows it, and their printed title.
 */
import type { Item, Measure, Repair, Tool } from '../report/schema.js'
import type { Catalogue } from './catalogue.js'

const TOOL_LETTER: Record<Tool, string> = { IIT: 'i', EIT: 'e', OIT: 'o' }
/** Highest item number any year has used (o1-o43 up to 2565), with room: a larger number is a misread. */
const MAX_ITEM_NUMBER = 60

export type PrintedCodeReading = { readonly code: string; readonly detail: string } | { readonly code: null; readonly detail: string }

/**
 * What a printed code (normalised: ASCII digits, e.g. "i1", "ii", "37", "e5", "025", "5)") says
 * on its own, for an item of `tool`. It is a code when it is the tool's letter and a number
 * ("i๑" -> i1, "e๕" -> e5), or, for OIT, a zero standing for the letter o ("๐๒๕" -> o25). Digits
 * alone ("๓๗" for i7, "๔๐" for i10) are not: which of them stand for the letter cannot be told.
 * `anyLetter` accepts another tool's letter too (a measures table may be headed with the wrong
 * indicator; its code's letter still says the tool).
 */
export function readPrintedCode(printed: string, tool: Tool, anyLetter = false): PrintedCodeReading {
  const token = printed.trim().replace(/[.)]+$/, '').toLowerCase()
  const lettered = /^([a-z])0*(\d{1,2})$/.exec(token)
  const zeroForO = tool === 'OIT' ? /^0(\d{1,2})$/.exec(token) : null
  const accepted = anyLetter ? Object.values(TOOL_LETTER) : [TOOL_LETTER[tool]]
  const letter = lettered && accepted.includes(lettered[1]!) ? lettered[1]! : TOOL_LETTER[tool]
  const number = lettered && accepted.includes(lettered[1]!) ? lettered[2] : zeroForO?.[1]
  if (number !== undefined && Number(number) >= 1 && Number(number) <= MAX_ITEM_NUMBER) {
    const code = `${letter}${Number(number)}`
    return { code, detail: zeroForO ? `"${printed}" read as ${code} (0 taken for the letter o)` : `"${printed}" read as ${code}` }
  }
  return { code: null, detail: `"${printed}" does not read as an ${tool} item code (${letter}1, ${letter}2, ...)${whyNot(token, letter, lettered)}` }
}

function whyNot(token: string, letter: string, lettered: RegExpExecArray | null): string {
  if (lettered && lettered[1] !== letter) return `: its letter is "${lettered[1]}"`
  if (/^\d+$/.test(token)) return ': digits only, and which of them stand for the letter cannot be told'
  if (/^[a-z]+$/.test(token)) return ': letters only'
  return ''
}

/**
 * Why the catalogue cannot identify an item of `indicator` (of an unknown indicator: of any), or
 * undefined when it can (or, for an unknown indicator, when there is a list to look in).
 */
export function noCatalogueReason(catalogue: Catalogue, indicator?: number): string | undefined {
  const list = catalogue.itemList
  if (list && (indicator === undefined || catalogue.listsItemsOf(indicator))) return undefined
  if (list) return `the ${list.fiscalYear} item catalogue${list.provisional ? ' (provisional)' : ''} does not list indicator ${indicator}'s items`
  if (catalogue.fiscalYear === undefined) return 'the fiscal year could not be read, so no item catalogue was used'
  return `no item catalogue for fiscal year ${catalogue.fiscalYear}`
}

export interface ItemAsPrinted {
  readonly code: string | null
  readonly match: Extract<Item['match'], { by: 'no-catalogue' }>
  /** Said in the printed code's provenance. */
  readonly repair: Repair | undefined
}

/**
 * An item of an indicator the catalogue has no list for, from its printed code (normalised);
 * undefined when the catalogue lists the indicator's items (identify it there instead).
 */
export function itemAsPrinted(
  catalogue: Catalogue,
  indicator: number,
  printedCode: string | undefined,
  rawCode?: string,
  anyLetter = false,
): ItemAsPrinted | undefined {
  const reason = noCatalogueReason(catalogue, indicator)
  if (reason === undefined) return undefined
  const tool = catalogue.toolOf(indicator)
  if (printedCode === undefined) {
    return { code: null, match: { by: 'no-catalogue', reason, code: 'unresolved' }, repair: undefined }
  }
  const reading = readPrintedCode(printedCode, tool, anyLetter)
  const shown = rawCode && rawCode !== printedCode ? `${reading.detail} (printed "${rawCode}")` : reading.detail
  const changed = reading.code !== null && reading.code !== printedCode
  const repair: Repair | undefined =
    reading.code === null ? { kind: 'code-unresolved', detail: `${shown}; ${reason}` } : changed ? { kind: 'code-read', detail: `${shown}; ${reason}` } : undefined
  return { code: reading.code, match: { by: 'no-catalogue', reason, code: reading.code === null ? 'unresolved' : 'printed' }, repair }
}

/** The same for a measures-table row, under the indicator printed on its table (when readable). */
export function measureItemAsPrinted(
  catalogue: Catalogue,
  printedIndicator: number | null | undefined,
  printedCode: string | undefined,
  rawCode?: string,
): { code: string | null; match: NonNullable<Measure['match']>; repair: Repair | undefined } | undefined {
  if (printedIndicator != null && catalogue.indicators.some((i) => i.number === printedIndicator)) {
    return itemAsPrinted(catalogue, printedIndicator, printedCode, rawCode, true)
  }
  // No readable indicator on the table: its tool (and so a code's letter) is unknown.
  const reason = noCatalogueReason(catalogue)
  return reason === undefined ? undefined : { code: null, match: { by: 'no-catalogue', reason, code: 'unresolved' }, repair: undefined }
}
