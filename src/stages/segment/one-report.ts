/**
 * A document is one report, not an archive: it is no longer than any report (rows cap) and its
 * summary table does not start again after its measures tables and lead to measures tables of
 * its own, which is what several reports merged into one file look like. Checked before structure extraction, which would otherwise
 * merge them into one confident, wrong report (and spend minutes and gigabytes doing it).
 */
import { InputTooLargeError, SeveralReportsError } from '../../errors.js'
import type { Doc, Origin } from '../../model/document.js'
import { loadCatalogue } from '../../catalogue/catalogue.js'
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../ingest/limits.js'
import { docRows, type Row } from '../text/rows.js'
import { joinSplitHeaders } from './header-rows.js'
import { joinWrappedItemSentences } from './item-sentences.js'
import { joinWrappedMeasureProse } from './measure-prose.js'
import { markSetAsideColumns } from './score-columns.js'
import { rowRoles, type Role } from './segment.js'

/** A document's rows and what each is, read once: the one-report check and the segmenter share them. */
export interface ReadRows {
  readonly rows: Row[]
  readonly roles: Role[]
}

/** The document's rows and their roles, once it is known to be one report of a report's size. */
export function requireOneReport(doc: Doc, limits: InputLimits = {}): ReadRows {
  const { maxRows = DEFAULT_INPUT_LIMITS.maxRows } = limits
  const file = doc.source.file
  const names = loadCatalogue().indicators
  const rows = markSetAsideColumns(joinWrappedItemSentences(joinWrappedMeasureProse(joinSplitHeaders(docRows(doc), names))))
  if (rows.length > maxRows) {
    throw new InputTooLargeError(`${file}: the document has ${rows.length} lines and table rows, over the ${maxRows} limit for one report (a real report has 300-1,500)`, {
      file,
      stage: 'segment',
    })
  }
  const roles = rowRoles(rows, names)
  const starts = reportStarts(rows, roles)
  if (starts.length > 1) {
    throw new SeveralReportsError(
      `${file}: holds ${starts.length} reports one after another (a summary table starts again after the measures tables, at ${where(starts[1]!.origin)}); convert each report from its own file`,
      { file, stage: 'segment' },
    )
  }
  return { rows, roles }
}

/**
 * The first row of each report: the document's start, then each summary table header that follows
 * measures tables and is itself followed by measures tables (a whole second report, not a copy of
 * a first page appended to the first). Rows are read as the segmenter reads them, so the upper row of
 * a two-row measures header ("ตัวชี้วัดที่ 2 | คะแนน | การดำเนินการ") is not taken for a summary header.
 */
export function reportStarts(rows: readonly Row[], roles: readonly Role[]): Row[] {
  const starts: Row[] = rows.length ? [rows[0]!] : []
  let afterMeasures = false
  let candidate: Row | undefined
  rows.forEach((row, i) => {
    if (roles[i] === 'measures-header') {
      if (candidate) starts.push(candidate)
      candidate = undefined
      afterMeasures = true
    } else if (afterMeasures && roles[i] === 'summary-header') {
      candidate = row
      afterMeasures = false
    }
  })
  return starts
}

function where(origin: Origin): string {
  return origin.line !== undefined ? `line ${origin.line}` : `page ${origin.page}`
}
