/**
 * Reads an .odt (OpenDocument text) into the shared document model, from content.xml (and
 * styles.xml for the styles it names), the same way read-docx.ts reads a .docx:
 *
 * - Tracked changes as shown: deletions live in `text:tracked-changes` and are not read;
 *   insertions are in the text. Hidden text (`text:display="none"` styles, hidden sections and
 *   paragraphs) and annotations (comments), notes (footnotes) out; fields by their shown value.
 * - `text:s`, `text:tab`, `text:line-break` as spaces, `\t`, `\n`; a page break (`fo:break-before`
 *   / `break-after="page"`, a paragraph starting another master page, `text:soft-page-break`)
 *   starts a new page.
 * - List numbers printed in front of list items as the list style defines them.
 * - Frames' text boxes read in place; headers and footers (in styles.xml) not read.
 * - Tables: `number-columns-spanned`, `number-rows-spanned`, covered cells; a table inside a cell
 *   is read as lines of that cell, one per row.
 */
import type { Doc, DocIssue, Place } from '../../model/document.js'
import { CorruptDocumentError } from '../../errors.js'
import { formatListNumber, odfListFormat, type ListFormat } from './list-labels.js'
import { officeDoc, officeIssue, openOfficeFile, PAGE, paragraphItems, type OfficeCell, type OfficeItem, type Piece, type ReadOfficeOptions } from './office-document.js'
import { attr, child, descendants, elements, parseXml, type XElement } from './office-xml.js'

export function readOdt(bytes: Uint8Array, options: ReadOfficeOptions): Doc {
  const { zip } = openOfficeFile(bytes, options)
  const { file } = options
  const contentBytes = zip.read('content.xml')
  if (!contentBytes) throw new CorruptDocumentError(`${file}: the OpenDocument file has no content.xml`, { file, stage: 'ingest' })
  const content = parseXml(contentBytes, file, 'content.xml')
  const stylesBytes = zip.read('styles.xml')
  const styleRoots = [...(stylesBytes ? [parseXml(stylesBytes, file, 'styles.xml')] : []), content]
  const text = child(child(content, 'body'), 'text')
  if (!text) throw new CorruptDocumentError(`${file}: content.xml has no office:text body`, { file, stage: 'ingest' })
  const reader = new OdtReader(new OdtStyles(styleRoots))
  reader.blocks(text)
  return officeDoc(bytes, 'odt', { items: reader.items, issues: reader.issues }, options)
}


// ------------------------------------------------------------------------------------------------
// Styles: page breaks, hidden text, list styles

interface StyleInfo {
  readonly parent?: string
  readonly breakBefore?: boolean
  readonly breakAfter?: boolean
  readonly hidden?: boolean
}

interface ListLevel {
  readonly format: ListFormat
  readonly prefix: string
  readonly suffix: string
  readonly bullet?: string
  readonly displayLevels: number
  readonly start: number
  /** LibreOffice's `loext:num-list-format` ("%1%.%2%."). */
  readonly template?: string
  readonly follow: string
}

class OdtStyles {
  private readonly styles = new Map<string, StyleInfo>()
  readonly lists = new Map<string, Map<number, ListLevel>>()

  constructor(roots: readonly XElement[]) {
    for (const root of roots) {
      for (const group of elements(root).filter((e) => e.local === 'styles' || e.local === 'automatic-styles')) {
        for (const s of elements(group)) {
          if (s.local === 'style') this.addStyle(s)
          if (s.local === 'list-style') this.lists.set(attr(s, 'name') ?? '', listLevels(s))
        }
      }
    }
  }

  private addStyle(s: XElement): void {
    const family = attr(s, 'family') ?? ''
    const props = elements(s).filter((e) => e.local.endsWith('-properties'))
    const prop = (name: string) => props.map((p) => attr(p, name)).find((v) => v !== undefined)
    const master = attr(s, 'master-page-name')
    const parent = attr(s, 'parent-style-name')
    const display = prop('display')
    this.styles.set(`${family}:${attr(s, 'name') ?? ''}`, {
      ...(parent && { parent: `${family}:${parent}` }),
      ...((prop('break-before') === 'page' || (master !== undefined && master !== '')) && { breakBefore: true }),
      ...(prop('break-after') === 'page' && { breakAfter: true }),
      ...(display !== undefined && { hidden: display === 'none' }),
    })
  }

  /** A property along the parent chain. */
  get<K extends keyof StyleInfo>(family: string, name: string | undefined, key: K): StyleInfo[K] | undefined {
    let id: string | undefined = name === undefined ? undefined : `${family}:${name}`
    for (let depth = 0; id !== undefined && depth < 32; depth++) {
      const s = this.styles.get(id)
      if (!s) return undefined
      if (s[key] !== undefined) return s[key]
      id = s.parent
    }
    return undefined
  }
}

function listLevels(style: XElement): Map<number, ListLevel> {
  const out = new Map<number, ListLevel>()
  for (const l of elements(style)) {
    const level = Number(attr(l, 'level') ?? 1)
    const align = descendants(l, 'list-level-label-alignment')[0]
    const followedBy = align ? attr(align, 'label-followed-by') : undefined
    const follow = followedBy === 'space' ? ' ' : followedBy === 'nothing' ? '' : '\t'
    if (l.local === 'list-level-style-bullet') {
      out.set(level, { format: 'bullet', prefix: '', suffix: '', bullet: attr(l, 'bullet-char') ?? '•', displayLevels: 1, start: 1, follow })
    } else if (l.local === 'list-level-style-number') {
      const template = attr(l, 'num-list-format')
      out.set(level, {
        format: odfListFormat(attr(l, 'num-format')),
        prefix: attr(l, 'num-prefix') ?? '',
        suffix: attr(l, 'num-suffix') ?? '',
        displayLevels: Number(attr(l, 'display-levels') ?? 1) || 1,
        start: Number(attr(l, 'start-value') ?? 1) || 1,
        ...(template !== undefined && { template }),
        follow,
      })
    }
  }
  return out
}

// ------------------------------------------------------------------------------------------------
// The body

/** Inline wrappers whose content is shown as it is (fields show their current value as content). */
const TRANSPARENT = new Set(['span', 'a', 'meta', 'page-number', 'page-count', 'date', 'time', 'sequence', 'chapter', 'title', 'subject', 'author-name', 'file-name', 'user-defined', 'variable-get', 'expression', 'text-input', 'bookmark-ref', 'reference-ref', 'sequence-ref', 'sender-firstname', 'sender-lastname', 'ruby-base'])

interface ListState {
  readonly style: string
  readonly counts: (number | undefined)[]
}

class OdtReader {
  readonly items: OfficeItem[] = []
  readonly issues: DocIssue[] = []
  private paragraphs = 0
  private tables = 0
  private readonly listsById = new Map<string, ListState>()
  private readonly lastListByStyle = new Map<string, ListState>()

  constructor(private readonly styles: OdtStyles) {}

  blocks(container: XElement, list?: { state: ListState; level: number }): void {
    for (const el of elements(container)) {
      switch (el.local) {
        case 'p':
        case 'h':
          this.paragraph(el, undefined)
          break
        case 'list':
          this.list(el, list)
          break
        case 'table':
          this.tableBlock(el)
          break
        case 'section':
          if (attr(el, 'display') !== 'none') this.blocks(el)
          break
        case 'soft-page-break':
          this.items.push({ kind: 'page-break' })
          break
        case 'table-of-content':
        case 'alphabetical-index':
        case 'illustration-index':
        case 'index-body':
          this.blocks(child(el, 'index-body') ?? el)
          break
      }
    }
  }

  private list(el: XElement, parent: { state: ListState; level: number } | undefined): void {
    const { state, level } = this.listState(el, parent)
    for (const item of elements(el)) {
      if (item.local !== 'list-item' && item.local !== 'list-header') continue
      let label = ''
      if (item.local === 'list-item') label = this.nextLabel(state, level, attr(item, 'start-value'))
      let first = true
      for (const c of elements(item)) {
        if (c.local === 'list') this.list(c, { state, level })
        else if (c.local === 'p' || c.local === 'h') {
          this.paragraph(c, first ? label : undefined)
          first = false
        } else if (c.local === 'table') this.tableBlock(c)
        else if (c.local === 'soft-page-break') this.items.push({ kind: 'page-break' })
      }
    }
  }

  /** A nested list continues its parent's counts; a top-level one starts afresh unless it says it continues another. */
  private listState(el: XElement, parent: { state: ListState; level: number } | undefined): { state: ListState; level: number } {
    if (parent) return { state: parent.state, level: parent.level + 1 }
    const styleName = attr(el, 'style-name') ?? ''
    const continues = attr(el, 'continue-list')
    const state = (continues && this.listsById.get(continues)) || (attr(el, 'continue-numbering') === 'true' ? this.lastListByStyle.get(styleName) : undefined) || { style: styleName, counts: [] }
    const id = attr(el, 'id')
    if (id) this.listsById.set(id, state)
    this.lastListByStyle.set(styleName, state)
    return { state, level: 1 }
  }

  private nextLabel(state: ListState, level: number, startValue: string | undefined): string {
    const levels = this.styles.lists.get(state.style)
    const own = levels?.get(level)
    if (!own) return ''
    const counts = state.counts
    counts[level] = startValue !== undefined ? Number(startValue) || 1 : counts[level] === undefined ? own.start : counts[level]! + 1
    counts.length = level + 1
    if (own.format === 'bullet') return (own.bullet ?? '') + own.follow
    const fmt = (l: number) => formatListNumber(counts[l] ?? levels?.get(l)?.start ?? 1, levels?.get(l)?.format ?? 'decimal')
    let label: string
    if (own.template !== undefined) label = own.template.replace(/%([0-9]{1,2})%/g, (_, k: string) => fmt(Number(k)))
    else {
      const shown: string[] = []
      for (let l = Math.max(1, level - own.displayLevels + 1); l <= level; l++) shown.push(fmt(l))
      label = own.prefix + shown.join('.') + own.suffix
    }
    return label === '' || own.format === 'none' ? '' : label + own.follow
  }

  private paragraph(p: XElement, label: string | undefined): void {
    const place: Place = { paragraph: ++this.paragraphs }
    const style = attr(p, 'style-name')
    if (this.styles.get('paragraph', style, 'breakBefore')) this.items.push({ kind: 'page-break' })
    const hidden = this.styles.get('paragraph', style, 'hidden') === true
    const pieces: Piece[] = label ? [label] : []
    const boxes: XElement[] = []
    if (!hidden) this.inline(p, pieces, boxes)
    this.items.push(...paragraphItems(pieces, place))
    for (const box of boxes) this.blocks(box)
    if (this.styles.get('paragraph', style, 'breakAfter')) this.items.push({ kind: 'page-break' })
  }

  private inline(el: XElement, pieces: Piece[], boxes: XElement[]): void {
    for (const c of el.children) {
      if (typeof c === 'string') {
        // XML white space inside paragraphs collapses in ODF; spaces that count are text:s.
        pieces.push(c.replace(/[\t\n\r ]+/g, ' '))
        continue
      }
      switch (c.local) {
        case 's':
          pieces.push(' '.repeat(Math.min(Number(attr(c, 'c') ?? 1) || 1, 1000)))
          break
        case 'tab':
          pieces.push('\t')
          break
        case 'line-break':
          pieces.push('\n')
          break
        case 'soft-page-break':
          pieces.push(PAGE)
          break
        case 'frame':
          boxes.push(...elements(c).filter((e) => e.local === 'text-box'))
          break
        case 'hidden-text':
          if (attr(c, 'is-hidden') === 'false') this.inline(c, pieces, boxes)
          break
        default:
          if (c.local === 'span' && this.styles.get('text', attr(c, 'style-name'), 'hidden') === true) break
          if (TRANSPARENT.has(c.local)) this.inline(c, pieces, boxes)
        // Notes, annotations, change marks, bookmarks: not shown as text here.
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Tables

  private tableBlock(el: XElement): void {
    const style = attr(el, 'style-name')
    if (this.styles.get('table', style, 'breakBefore')) this.items.push({ kind: 'page-break' })
    this.items.push(this.table(el, ++this.tables))
    if (this.styles.get('table', style, 'breakAfter')) this.items.push({ kind: 'page-break' })
  }

  private table(tbl: XElement, index: number): OfficeItem {
    const rows: { cells: OfficeCell[]; place: Place }[] = []
    for (const tr of tableRows(tbl)) {
      // Repeated rows are empty filler in practice: read one, not thousands.
      const place: Place = { table: index, row: rows.length + 1 }
      const cells: OfficeCell[] = []
      let col = 0
      let cellIndex = 0
      for (const tc of elements(tr)) {
        if (tc.local !== 'table-cell' && tc.local !== 'covered-table-cell') continue
        const repeat = Math.max(1, Math.min(Number(attr(tc, 'number-columns-repeated') ?? 1) || 1, 1024))
        if (tc.local === 'covered-table-cell') {
          if (this.cellLines(tc).length > 0) this.issues.push(officeIssue('merged-cell-text', `table ${index}, row ${rows.length + 1}: text in a covered (merged) cell, not shown by the word processor, not read`))
          col += repeat
          continue
        }
        const lines = this.cellLines(tc)
        const colSpan = Math.max(1, Number(attr(tc, 'number-columns-spanned') ?? 1) || 1)
        const rowSpan = Math.max(1, Number(attr(tc, 'number-rows-spanned') ?? 1) || 1)
        // Every cell element, covered ones included, takes one grid column: a span's columns are its covered cells.
        for (let k = 0; k < (lines.length > 0 ? 1 : repeat); k++) cells.push({ col: col + k, rowSpan, colSpan, lines: k === 0 ? lines : [], place: { ...place, cell: ++cellIndex } })
        col += repeat
      }
      rows.push({ cells, place })
    }
    return { kind: 'table', rows, place: { table: index } }
  }

  private cellLines(tc: XElement): string[] {
    const lines: string[] = []
    const push = (text: string) => lines.push(...text.split('\n').filter((l) => l.trim() !== ''))
    const walk = (container: XElement, list?: { state: ListState; level: number }) => {
      for (const el of elements(container)) {
        if (el.local === 'p' || el.local === 'h') {
          const pieces: Piece[] = []
          const boxes: XElement[] = []
          if (this.styles.get('paragraph', attr(el, 'style-name'), 'hidden') !== true) this.inline(el, pieces, boxes)
          push(pieces.filter((x): x is string => x !== PAGE).join(''))
          for (const box of boxes) walk(box)
        } else if (el.local === 'list') {
          this.cellList(el, list, push, walk)
        } else if (el.local === 'table') {
          for (const tr of tableRows(el)) push(elements(tr).filter((c) => c.local === 'table-cell').map((c) => this.cellLines(c).join(' ')).join('\t'))
        } else if (el.local === 'section') walk(el)
      }
    }
    walk(tc)
    return lines
  }

  /** A list inside a cell: each item's first paragraph with its label. */
  private cellList(el: XElement, parent: { state: ListState; level: number } | undefined, push: (s: string) => void, walk: (c: XElement, l?: { state: ListState; level: number }) => void): void {
    const { state, level } = this.listState(el, parent)
    for (const item of elements(el)) {
      if (item.local !== 'list-item' && item.local !== 'list-header') continue
      let label = item.local === 'list-item' ? this.nextLabel(state, level, attr(item, 'start-value')) : ''
      for (const c of elements(item)) {
        if (c.local === 'list') this.cellList(c, { state, level }, push, walk)
        else if (c.local === 'p' || c.local === 'h') {
          const pieces: Piece[] = []
          const boxes: XElement[] = []
          if (this.styles.get('paragraph', attr(c, 'style-name'), 'hidden') !== true) this.inline(c, pieces, boxes)
          push(label + pieces.filter((x): x is string => x !== PAGE).join(''))
          label = ''
          for (const box of boxes) walk(box)
        } else walk({ ...item, children: [c] })
      }
    }
  }
}

/** Rows in order, through header rows, row groups and row containers. */
function tableRows(tbl: XElement): XElement[] {
  return elements(tbl).flatMap((c) =>
    c.local === 'table-row' ? [c] : c.local === 'table-header-rows' || c.local === 'table-rows' || c.local === 'table-row-group' ? tableRows(c) : [],
  )
}
