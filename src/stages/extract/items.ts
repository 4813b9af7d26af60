/**
 * Identifying assessment items. Printed codes are often mangled beyond use ("ii" for i2 and i6,
 * "๓๗" for i7, "๐๒๕" for o25), so an item is identified by its position under its indicator and
 * by fuzzy match of its text against the catalogue; the printed code only breaks ties.
 */
import type { Catalogue, CatalogueItem } from '../../catalogue/catalogue.js'
import { similarity } from '../text/thai-text.js'

/** A leading code-like token: "i1", "ii", "37", "e5", "010", "5)", "15)", "o25", and "[i1]", "(e5)", "o-12" (the brackets and hyphen are not part of it). */
const CODE_TOKEN = /^(?:[[(]\s*(?=[A-Za-z0-9-]{1,5}\s*[\])]))?((?:[A-Za-z]{1,2}\s?-\s?)?[A-Za-z0-9]{1,4}\)?)\s*[.)\]]?\s+(?=\S)/

/**
 * A clause number or the word for a clause before an item's code: "1.1 i3 ...", "๒.๑ o-20 ..." (measures
 * numbered under their indicator), "ข้อ i1 ...", "ข้อที่ e4 ..." (items printed as sentences).
 */
const CLAUSE_BEFORE_CODE = /^\s*(?:[\d๐-๙]{1,2}(?:\.[\d๐-๙]{1,2})+\.?|ข้อ\s*(?:ที่)?)\s*(?=[A-Za-z]{1,2}\s?-?\s?[\d๐-๙])/

/** The printed code as it stands in the raw text (Thai digits, before normalisation), markup removed. */
export function firstRawToken(raw: string, fallback: string): string {
  return raw.replace(/<[^>]*>/g, ' ').replace(CLAUSE_BEFORE_CODE, '').trim().split(/\s+/)[0] ?? fallback
}

export function splitPrintedCode(printed: string): { code: string | undefined; title: string } {
  const text = printed.replace(CLAUSE_BEFORE_CODE, '')
  const m = CODE_TOKEN.exec(text)
  if (!m) return { code: undefined, title: text }
  const bracketed = /^[[(]/.test(text)
  const code = m[1]!.replace(/[\s-]/g, '').replace(bracketed ? /\)$/ : /$^/, '')
  return { code, title: text.slice(m[0].length).trim() }
}

/** True when the digits at the end of a printed code equal the item's number ("๐๒๕" ~ o25, "๕๒" ~ e2). */
export function codeAgrees(printed: string | undefined, item: CatalogueItem): boolean {
  if (!printed) return false
  const digits = /(\d+)\)?$/.exec(printed)?.[1]
  const n = item.code.slice(1)
  if (digits === undefined) return printed.toLowerCase() === item.code
  return digits === n || digits.endsWith(n) && digits.length - n.length <= 1
}

export interface ItemMatch {
  readonly item: CatalogueItem
  readonly similarity: number
  readonly by: 'position' | 'text' | 'code' | 'position+text' | 'position+code' | 'text+code'
}

/** Minimum text similarity for an item identified by text alone. */
const TEXT_ALONE = 0.55
/** Minimum similarity for trusting an item's position when its text does not point elsewhere. */
const POSITION_FLOOR = 0.25
/** How much more like the best item than the next a text must be to identify it in a provisional list. */
const PROVISIONAL_MARGIN = 0.1

/**
 * An item printed in the detail list: `position` is its 1-based place under indicator `indicator`.
 * Text wins over position when it clearly points to another item of the same indicator.
 */
export function matchDetailItem(
  catalogue: Catalogue,
  indicator: number,
  position: number,
  title: string,
  printedCode: string | undefined,
): ItemMatch | undefined {
  const candidates = catalogue.itemsOf(indicator)
  const scored = candidates.map((item) => ({ item, sim: similarity(title, item.title) + (codeAgrees(printedCode, item) ? 0.05 : 0) }))
  scored.sort((a, b) => b.sim - a.sim)
  const best = scored[0]
  const positional = candidates.find((c) => c.position === position)
  const positionalSim = positional ? similarity(title, positional.title) : 0
  // An item whose title the catalogue does not know is identified by its place and printed code together.
  if (positional && !positional.title && codeAgrees(printedCode, positional) && !(best && best.sim >= TEXT_ALONE)) {
    return { item: positional, similarity: 0, by: 'position+code' }
  }
  // A provisional list may differ from the report's (items renumbered, replaced): only text that
  // points clearly at one item identifies it.
  const provisional = catalogue.itemList?.provisional === true
  if (provisional && best && scored[1] && best.sim - scored[1].sim < PROVISIONAL_MARGIN) return undefined
  if (best && positional && best.item === positional && best.sim >= POSITION_FLOOR) {
    return { item: positional, similarity: clamp(positionalSim), by: 'position+text' }
  }
  if (best && best.sim >= TEXT_ALONE && best.sim - positionalSim > 0.15) {
    return { item: best.item, similarity: clamp(similarity(title, best.item.title)), by: 'text' }
  }
  if (positional && positionalSim >= POSITION_FLOOR && !provisional) return { item: positional, similarity: clamp(positionalSim), by: 'position' }
  // Text too damaged to confirm anything: fall back to the item at this position.
  const fallback = title.trim().length < 8 ? positionalItem(catalogue, indicator, position) : undefined
  return fallback && { item: fallback, similarity: clamp(positionalSim), by: 'position' }
}

/**
 * The item at a place under an indicator, when its place alone may identify it: the catalogue is
 * the manual's list (a provisional list may order items differently from the report) and knows
 * the item's title (so the repair can say what was assumed).
 */
export function positionalItem(catalogue: Catalogue, indicator: number, position: number): CatalogueItem | undefined {
  if (catalogue.itemList?.provisional) return undefined
  const item = catalogue.itemsOf(indicator).find((c) => c.position === position)
  return item?.title ? item : undefined
}

/**
 * An item named in a measures table: any item of the catalogue (tables are sometimes printed
 * under the wrong indicator), found by its text, with the printed code as a tie-breaker.
 */
export function matchAnyItem(catalogue: Catalogue, title: string, printedCode: string | undefined): ItemMatch | undefined {
  const scored = catalogue.items
    .map((item) => {
      const sim = similarity(title, item.title)
      return { item, sim, code: codeAgrees(printedCode, item) }
    })
    .sort((a, b) => b.sim + (b.code ? 0.05 : 0) - (a.sim + (a.code ? 0.05 : 0)))
  const best = scored[0]
  if (!best) return undefined
  if (best.sim >= TEXT_ALONE) return { item: best.item, similarity: clamp(best.sim), by: best.code ? 'text+code' : 'text' }
  if (best.sim >= 0.35 && best.code) return { item: best.item, similarity: clamp(best.sim), by: 'text+code' }
  return undefined
}

const clamp = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000
