/**
 * Measures printed as forms, one per measure: a table of label | value rows ("ตัวชี้วัด | ตัวชี้วัดที่ 2 ...",
 * "ประเด็นที่ต้องพัฒนา | i5 ...", "คะแนน | 89.36", "มาตรการ | ๑. ...", "ระยะเวลาดำเนินการ | ...", "ผู้รับผิดชอบ
 * | ..."), maybe under a title row ("แบบรายงานมาตรการที่ 1"). A form is a measures table turned on its side:
 * its labels are the table's column headings, read with the same vocabulary (`measurePartLabel`), in any
 * order, with parts missing or added. This module only groups a form's rows into measures and their cells
 * into labelled parts; the measures reader makes them measures as it does a table's rows.
 */
import type { Row, RowCell } from '../text/rows.js'
import { filledCells } from '../text/rows.js'
import { formLabel, formTables } from '../segment/segment.js'
import { PERIOD_END, type MeasureColumn } from '../text/vocabulary.js'

/** The parts a form labels: a measures column, or the end of a period printed apart from its start. */
export type FormPart = MeasureColumn | 'periodEnd'

export interface FormMeasure {
  /** The rows the measure was read from, in order (its title rows first, if it has any). */
  readonly rows: readonly Row[]
  /** Rows titling the form ("แบบรายงานมาตรการที่ 1", "ตัวชี้วัดที่ 2 การใช้งบประมาณ"): one cell over it, no label. */
  readonly titles: readonly Row[]
  /** Each labelled part's value cells, in printed order. */
  readonly parts: ReadonlyMap<FormPart, readonly RowCell[]>
  /** Rows under a label that names no part of a measure ("วัตถุประสงค์ | ..."): read into none. */
  readonly unread: readonly Row[]
}

interface Building {
  readonly rows: Row[]
  readonly titles: Row[]
  readonly parts: Map<FormPart, RowCell[]>
  readonly unread: Row[]
  /** The part the last label named: where value rows without a label of their own go. */
  part: FormPart | undefined
}

/**
 * The measures printed as forms among the measures section's rows, keyed by the index of each one's
 * first row; `rows` holds the index of every row a form was read from. A form broken by a page (its
 * rows going on in a table of their own) is one measure when the table after the break labels none
 * of the parts the form before it has.
 */
export function readForms(rows: readonly Row[]): { forms: Map<number, FormMeasure>; rows: Set<number> } {
  const tables = formTables(rows)
  const labelled = partsByTable(rows)
  const forms = new Map<number, FormMeasure>()
  const used = new Set<number>()
  let current: Building | undefined
  let table: string | undefined
  let inForm = false
  const finish = () => {
    if (current && (current.parts.size > 0 || current.unread.length > 0)) forms.set(current.rows[0]!.index, current)
    current = undefined
  }
  for (const row of rows) {
    if (row.kind !== 'table-row' || row.table === undefined) continue
    let opens = false
    if (row.table !== table) {
      table = row.table
      const continues = current !== undefined && goesOn(row, labelled.get(table), current)
      inForm = tables.has(table) || continues
      opens = !continues
      if (!inForm) finish()
      if (continues && repeatsTitle(row, current!)) {
        // The form's title printed again over the part a page break carried over: the same form goes on.
        current!.rows.push(row)
        used.add(row.index)
        continue
      }
    }
    if (!inForm) continue
    used.add(row.index)
    if (filledCells(row).length > 0) current = formRow(row, current, opens, finish)
  }
  finish()
  return { forms, rows: used }
}

/** The parts each table's rows label. */
function partsByTable(rows: readonly Row[]): Map<string, Set<FormPart>> {
  const out = new Map<string, Set<FormPart>>()
  for (const row of rows) {
    const part = row.kind === 'table-row' && row.table !== undefined ? partOf(row) : undefined
    if (part) out.set(row.table!, (out.get(row.table!) ?? new Set()).add(part))
  }
  return out
}

/**
 * A table after a form goes on with it (a page broke the form): it starts with a value under the
 * form's last label, with a label, or with the form's title repeated, and labels none of the parts the form has.
 */
function goesOn(row: Row, parts: ReadonlySet<FormPart> | undefined, form: Building): boolean {
  const first = filledCells(row)[0]
  if (!first || (first.col > 0 ? form.part === undefined : partOf(row) === undefined && !repeatsTitle(row, form))) return false
  return [...(parts ?? [])].every((part) => !form.parts.has(part))
}

/** The row prints the form's title again: one cell, the same text as the form's first title. */
function repeatsTitle(row: Row, form: Building): boolean {
  const filled = filledCells(row)
  const title = form.titles[0]
  return filled.length === 1 && title !== undefined && filled[0]!.text.trim() === title.text.trim()
}

/** A label's part, the end of a period told from its start ("วันที่สิ้นสุด" under "ระยะเวลา"). */
function partOf(row: Row): FormPart | undefined {
  const part = formLabel(row)
  return part === 'period' && PERIOD_END.test(filledCells(row)[0]!.text) ? 'periodEnd' : part
}

/**
 * Reads one row of a form into the measure being read, or into the next one (returned): a table that
 * opens (no form before it goes on in it), a title row, or a part labelled again after other parts
 * starts the next measure.
 */
function formRow(row: Row, given: Building | undefined, opens: boolean, finish: () => void): Building {
  const filled = filledCells(row)
  const first = filled[0]!
  const part = first.col === 0 ? partOf(row) : undefined
  // One cell over the form and no label: its title (the table's first row, or a row across the table).
  const title = first.col === 0 && part === undefined && filled.length === 1 && (opens || first.colSpan > 1)
  const repeated = part !== undefined && given !== undefined && given.parts.has(part) && given.part !== part
  const untouched = given !== undefined && given.parts.size === 0 && given.unread.length === 0
  const form = given && !(opens || title || repeated) ? given : given && untouched ? given : start(row, finish)
  if (form.rows.at(-1) !== row) form.rows.push(row)
  if (title) form.titles.push(row)
  else if (first.col > 0) {
    // A value under the last label: the label's cell spans these rows, or the value's lines were printed as rows.
    if (form.part) append(form, form.part, filled)
    else form.unread.push(row)
  } else if (part === undefined) {
    form.unread.push(row)
    form.part = undefined
  } else {
    form.part = part
    append(form, part, filled.slice(1))
  }
  return form
}

function start(row: Row, finish: () => void): Building {
  finish()
  return { rows: [row], titles: [], parts: new Map(), unread: [], part: undefined }
}

function append(form: Building, part: FormPart, cells: readonly RowCell[]): void {
  if (cells.length === 0) return
  form.parts.set(part, [...(form.parts.get(part) ?? []), ...cells])
}
