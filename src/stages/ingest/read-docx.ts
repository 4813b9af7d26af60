/**
 * Reads a .docx (Office Open XML) into the shared document model, from its XML: text as the
 * reader of the document sees it, tables as tables.
 *
 * - Tracked changes as the document shows them: insertions (`w:ins`, `w:moveTo`) in, deletions
 *   (`w:del`, `w:moveFrom`, deleted table rows) out.
 * - Hidden text (`w:vanish`, directly or by style) out; comments and footnotes are other parts
 *   and are not read; fields by their result (`w:fldSimple`, the result part of `w:fldChar`).
 * - A tick or cross typed from a symbol font (`w:sym w:font="Wingdings" w:char="F0FC"`) read as the
 *   mark it draws (symbol-fonts.ts); another symbol as its code point.
 * - Tabs and line breaks kept (`\t`, `\n`); a page break (`w:br w:type="page"`, page-break-before,
 *   a section starting a new page, Word's `w:lastRenderedPageBreak`) starts a new page.
 * - Word's automatic numbering (`w:numPr`, directly or by paragraph style) printed in front of
 *   the paragraph as the list level defines it (numbering.xml: numFmt, lvlText, suffix).
 * - Text boxes read in place, after the paragraph that anchors them; headers and footers (page
 *   numbers, letterheads repeated on every page) not read.
 * - Tables: `w:gridSpan` column spans, `w:vMerge` row spans, `w:gridBefore`; a table inside a
 *   cell is read as lines of that cell, one per row.
 */
import type { Doc, DocIssue, Place } from '../../model/document.js'
import { CorruptDocumentError } from '../../errors.js'
import { formatListNumber, wordListFormat, type ListFormat } from './list-labels.js'
import { officeDoc, officeIssue, openOfficeFile, PAGE, paragraphItems, type OfficeCell, type OfficeItem, type Piece, type ReadOfficeOptions } from './office-document.js'
import { attr, child, descendants, elements, parseXml, type XElement } from './office-xml.js'
import { mapSymbolFontMarks } from './symbol-fonts.js'
import type { Zip } from './zip.js'

export function readDocx(bytes: Uint8Array, options: ReadOfficeOptions): Doc {
  const { zip } = openOfficeFile(bytes, options)
  const { file } = options
  const main = mainPart(zip, file)
  const document = parseXml(zip.read(main)!, file, main)
  const rels = relationships(zip, main, file)
  const styles = readStyles(rels.styles ? part(zip, rels.styles, file) : undefined)
  const numbering = new Numbering(rels.numbering ? part(zip, rels.numbering, file) : undefined)
  const reader = new DocxReader(styles, numbering)
  const body = child(document, 'body')
  if (!body) throw new CorruptDocumentError(`${file}: ${main} has no body`, { file, stage: 'ingest' })
  reader.blocks(body)
  reader.end()
  return officeDoc(bytes, 'docx', { items: reader.items, issues: reader.issues }, options)
}


// ------------------------------------------------------------------------------------------------
// Package parts

function part(zip: Zip, name: string, file: string): XElement | undefined {
  const bytes = zip.read(name)
  return bytes && parseXml(bytes, file, name)
}

/** The main document part named by the package relationships (word/document.xml in practice). */
function mainPart(zip: Zip, file: string): string {
  const rels = part(zip, '_rels/.rels', file)
  const target = rels && elements(rels).find((r) => attr(r, 'Type')?.endsWith('/officeDocument'))
  const name = target ? resolveTarget('', attr(target, 'Target') ?? '') : 'word/document.xml'
  if (!zip.has(name)) throw new CorruptDocumentError(`${file}: the package names ${name} as its document, and it is missing`, { file, stage: 'ingest' })
  return name
}

function relationships(zip: Zip, main: string, file: string): { styles?: string; numbering?: string } {
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/')) : ''
  const rels = part(zip, `${dir ? `${dir}/` : ''}_rels/${main.slice(dir ? dir.length + 1 : 0)}.rels`, file)
  const find = (type: string) => {
    const r = rels && elements(rels).find((e) => attr(e, 'Type')?.endsWith(`/${type}`) && attr(e, 'TargetMode') !== 'External')
    const target = r && resolveTarget(dir, attr(r, 'Target') ?? '')
    return target && zip.has(target) ? target : undefined
  }
  const styles = find('styles')
  const numbering = find('numbering')
  return { ...(styles && { styles }), ...(numbering && { numbering }) }
}

function resolveTarget(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir ? `${dir}/${target}` : target).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '..') out.pop()
    else if (p !== '.' && p !== '') out.push(p)
  }
  return out.join('/')
}

// ------------------------------------------------------------------------------------------------
// Styles: what the reader needs of them (numbering and hidden text set by a style)

interface StyleInfo {
  readonly basedOn?: string
  readonly numPr?: XElement
  readonly vanish?: boolean
}
type Styles = ReadonlyMap<string, StyleInfo>

function readStyles(root: XElement | undefined): Styles {
  const out = new Map<string, StyleInfo>()
  for (const s of root ? elements(root).filter((e) => e.local === 'style') : []) {
    const id = attr(s, 'styleId')
    if (!id) continue
    const basedOn = attr(child(s, 'basedOn') ?? s, 'val')
    const numPr = child(child(s, 'pPr'), 'numPr')
    const vanish = child(child(s, 'rPr'), 'vanish')
    out.set(id, { ...(child(s, 'basedOn') && basedOn && { basedOn }), ...(numPr && { numPr }), ...(vanish && { vanish: on(vanish) }) })
  }
  return out
}

/** The first value along a style's basedOn chain. */
function inherited<T>(styles: Styles, id: string | undefined, get: (s: StyleInfo) => T | undefined): T | undefined {
  for (let depth = 0; id !== undefined && depth < 32; depth++) {
    const s = styles.get(id)
    if (!s) return undefined
    const v = get(s)
    if (v !== undefined) return v
    id = s.basedOn
  }
  return undefined
}

/** A toggle property (`<w:vanish/>`, `<w:vanish w:val="0"/>`). */
const on = (el: XElement | undefined) => el !== undefined && !['0', 'false', 'off'].includes(attr(el, 'val') ?? 'true')

// ------------------------------------------------------------------------------------------------
// Numbering

interface Level {
  readonly start: number
  readonly format: ListFormat
  readonly text: string
  readonly suffix: string
  readonly legal: boolean
}

class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>()
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number>; levels: Map<number, Level> }>()
  private readonly counters = new Map<string, (number | undefined)[]>()
  private readonly started = new Set<string>()

  constructor(root: XElement | undefined) {
    for (const el of root ? elements(root) : []) {
      if (el.local === 'abstractNum') this.abstracts.set(attr(el, 'abstractNumId') ?? '', levels(el))
      if (el.local !== 'num') continue
      const starts = new Map<number, number>()
      const overrides = new Map<number, Level>()
      for (const o of elements(el).filter((e) => e.local === 'lvlOverride')) {
        const ilvl = Number(attr(o, 'ilvl') ?? 0)
        const start = child(o, 'startOverride')
        if (start) starts.set(ilvl, Number(attr(start, 'val') ?? 1))
        const lvl = child(o, 'lvl')
        if (lvl) overrides.set(ilvl, level(lvl))
      }
      this.nums.set(attr(el, 'numId') ?? '', { abstract: attr(child(el, 'abstractNumId') ?? el, 'val') ?? '', starts, levels: overrides })
    }
  }

  /** The label of the next paragraph of list `numId` at level `ilvl`, advancing the count. */
  next(numId: string, ilvl: number): string {
    const num = this.nums.get(numId)
    const abstract = num && this.abstracts.get(num.abstract)
    if (!num || !abstract) return ''
    const lvl = (i: number) => num.levels.get(i) ?? abstract.get(i)
    const own = lvl(ilvl)
    if (!own) return ''
    // Lists sharing an abstract definition continue one another, unless a list restarts a level.
    const counts = this.counters.get(num.abstract) ?? []
    this.counters.set(num.abstract, counts)
    if (!this.started.has(numId)) {
      this.started.add(numId)
      for (const i of num.starts.keys()) counts[i] = undefined
    }
    const startOf = (i: number) => num.starts.get(i) ?? lvl(i)?.start ?? 1
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1
    counts.length = ilvl + 1
    const label = own.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1
      const format = own.legal ? 'decimal' : (lvl(i)?.format ?? 'decimal')
      return formatListNumber(counts[i] ?? startOf(i), format)
    })
    return label === '' ? '' : label + own.suffix
  }
}

function levels(abstract: XElement): Map<number, Level> {
  return new Map(elements(abstract).filter((e) => e.local === 'lvl').map((l) => [Number(attr(l, 'ilvl') ?? 0), level(l)]))
}

function level(l: XElement): Level {
  const val = (name: string) => attr(child(l, name) ?? l, 'val')
  const format = wordListFormat(child(l, 'numFmt') && val('numFmt'))
  const suff = child(l, 'suff') ? val('suff') : 'tab'
  const text = child(l, 'lvlText') ? (val('lvlText') ?? '') : ''
  return {
    start: child(l, 'start') ? Number(val('start') ?? 1) : 1,
    format,
    text: format === 'none' ? text.replace(/%[1-9]/g, '') : text,
    suffix: suff === 'space' ? ' ' : suff === 'nothing' ? '' : '\t',
    legal: on(child(l, 'isLgl')),
  }
}

// ------------------------------------------------------------------------------------------------
// The body

/** Wrappers whose content is read as if they were not there. */
const TRANSPARENT = new Set(['ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'dir', 'bdo', 'fldSimple'])
/** Content that is not shown: deletions, comments' and notes' markers (their text is in other parts). */
const SKIPPED = new Set(['del', 'moveFrom', 'rPr', 'pPr', 'delText', 'instrText', 'delInstrText', 'footnoteReference', 'endnoteReference', 'commentReference', 'annotationRef', 'proofErr'])

class DocxReader {
  readonly items: OfficeItem[] = []
  readonly issues: DocIssue[] = []
  private paragraphs = 0
  private tables = 0
  /** Open fields: whether each is past its instruction (showing its result). */
  private fields: boolean[] = []
  /** Characters of text inside field instructions (not shown): a damaged field would hide the rest. */
  private inInstruction = 0
  /** Ticks and crosses typed from a symbol font (`w:sym`), read as the marks they draw (symbol-fonts.ts). */
  private symbolMarks = 0
  /** A paragraph whose mark was deleted, waiting to be joined to the next one. */
  private held: { pieces: Piece[]; boxes: XElement[]; paragraph: number } | undefined

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  /** Block-level content of the body, a text box or a content control. */
  blocks(container: XElement): void {
    for (const el of elements(container)) {
      switch (el.local) {
        case 'p':
          this.paragraph(el)
          break
        case 'tbl':
          this.items.push(this.table(el, ++this.tables))
          break
        case 'sdt':
          this.blocks(child(el, 'sdtContent') ?? el)
          break
        case 'customXml':
          this.blocks(el)
          break
        case 'AlternateContent':
          this.blocks(child(el, 'Choice') ?? el)
          break
      }
    }
  }

  /** After the body: text held for a deleted paragraph mark is still shown; an unclosed field is reported. */
  end(): void {
    if (this.held) this.paragraph({ name: 'w:p', local: 'p', attrs: {}, children: [] })
    if (this.fields.some((result) => !result) && this.inInstruction > 0) {
      this.issues.push(officeIssue('field-not-closed', `a field is not closed: ${this.inInstruction} characters after its start were read as its instruction and not shown`))
    }
    if (this.symbolMarks > 0) {
      this.issues.push(officeIssue('symbol-font-marks', `${this.symbolMarks} ticks, crosses or check boxes were typed from a symbol font (w:sym in Wingdings, Wingdings 2 or Symbol) and were read as the marks they draw`, 'info'))
    }
  }

  private paragraph(p: XElement): void {
    const number = ++this.paragraphs
    const pPr = child(p, 'pPr')
    if (on(child(pPr, 'pageBreakBefore'))) this.items.push({ kind: 'page-break' })
    const own = this.paragraphPieces(p)
    const held = this.held
    this.held = undefined
    const place: Place = { paragraph: held?.paragraph ?? number }
    const pieces = [...(held?.pieces ?? []), ...own.pieces]
    const boxes = [...(held?.boxes ?? []), ...own.boxes]
    // A deleted paragraph mark (tracked) joins this paragraph to the next, as the document shows it.
    if (markDeleted(p) && !child(pPr, 'sectPr')) {
      this.held = { pieces, boxes, paragraph: place.paragraph! }
      return
    }
    this.items.push(...paragraphItems(pieces, place))
    for (const box of boxes) this.blocks(box)
    const sect = child(pPr, 'sectPr')
    const type = attr(child(sect, 'type') ?? sect ?? p, 'val')
    if (sect && type !== 'continuous') this.items.push({ kind: 'page-break' })
  }

  /** A paragraph's text with its list label, page breaks apart, and the text boxes it anchors. */
  private paragraphPieces(p: XElement): { pieces: Piece[]; boxes: XElement[] } {
    const pPr = child(p, 'pPr')
    const pStyle = attr(child(pPr, 'pStyle') ?? p, 'val')
    const styleHidden = inherited(this.styles, pStyle, (s) => s.vanish) ?? false
    const pieces: Piece[] = []
    const boxes: XElement[] = []
    const numPr = child(pPr, 'numPr') ?? inherited(this.styles, pStyle, (s) => s.numPr)
    if (numPr) {
      const numId = attr(child(numPr, 'numId') ?? numPr, 'val')
      const ilvl = Number(attr(child(numPr, 'ilvl') ?? numPr, 'val') ?? 0)
      if (numId && numId !== '0' && child(numPr, 'numId')) pieces.push(this.numbering.next(numId, Number.isInteger(ilvl) ? ilvl : 0))
    }
    this.inline(p, styleHidden, pieces, boxes)
    return { pieces, boxes }
  }

  private inline(el: XElement, styleHidden: boolean, pieces: Piece[], boxes: XElement[]): void {
    for (const c of elements(el)) {
      if (c.local === 'r') this.run(c, styleHidden, pieces, boxes)
      else if (TRANSPARENT.has(c.local)) this.inline(c, styleHidden, pieces, boxes)
      else if (c.local === 'sdt') this.inline(child(c, 'sdtContent') ?? c, styleHidden, pieces, boxes)
      else if (c.local === 'AlternateContent') this.inline(child(c, 'Choice') ?? c, styleHidden, pieces, boxes)
    }
  }

  private run(r: XElement, styleHidden: boolean, pieces: Piece[], boxes: XElement[]): void {
    const rPr = child(r, 'rPr')
    const vanish = child(rPr, 'vanish')
    const charStyle = attr(child(rPr, 'rStyle') ?? r, 'val')
    const hidden = vanish ? on(vanish) : (inherited(this.styles, charStyle, (s) => s.vanish) ?? styleHidden)
    const shown = () => !hidden && this.fields.every((result) => result)
    for (const c of runContent(r)) {
      if (SKIPPED.has(c.local)) continue
      switch (c.local) {
        case 'fldChar': {
          const type = attr(c, 'fldCharType')
          if (type === 'begin') this.fields.push(false)
          else if (type === 'separate' && this.fields.length > 0) this.fields[this.fields.length - 1] = true
          else if (type === 'end') this.fields.pop()
          break
        }
        case 't': {
          const text = c.children.filter((x): x is string => typeof x === 'string').join('')
          if (shown()) pieces.push(text)
          else if (!hidden) this.inInstruction += text.length
          break
        }
        case 'tab':
        case 'ptab':
          if (shown()) pieces.push('\t')
          break
        case 'br':
          if (shown()) pieces.push(attr(c, 'type') === 'page' ? PAGE : '\n')
          break
        case 'cr':
          if (shown()) pieces.push('\n')
          break
        case 'lastRenderedPageBreak':
          pieces.push(PAGE)
          break
        case 'noBreakHyphen':
          if (shown()) pieces.push('-')
          break
        case 'sym': {
          const code = parseInt(attr(c, 'char') ?? '', 16)
          if (!shown() || !Number.isInteger(code) || code <= 0 || code > 0xffff) break
          // A symbol font's character may be given without its U+F000 offset ("FC" for "F0FC").
          const mark = mapSymbolFontMarks(String.fromCharCode(code < 0x100 ? 0xf000 + code : code), attr(c, 'font'))
          this.symbolMarks += mark.mapped
          pieces.push(mark.mapped > 0 ? mark.text : String.fromCharCode(code))
          break
        }
        case 'drawing':
        case 'pict':
        case 'object':
          if (shown()) boxes.push(...descendants(c, 'txbxContent'))
          break
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Tables

  private table(tbl: XElement, index: number): OfficeItem {
    const columns = elements(child(tbl, 'tblGrid') ?? tbl).filter((e) => e.local === 'gridCol').length
    /** The cell a `w:vMerge` continuation below extends, by grid column. */
    const open = new Map<number, OfficeCell>()
    const rows: { cells: OfficeCell[]; place: Place }[] = []
    for (const tr of flatten(tbl, 'tr')) {
      const trPr = child(tr, 'trPr')
      if (child(trPr, 'del')) continue
      const place: Place = { table: index, row: rows.length + 1 }
      const cells: OfficeCell[] = []
      let col = Number(attr(child(trPr, 'gridBefore') ?? tr, 'val') ?? 0) || 0
      let cellIndex = 0
      for (const tc of flatten(tr, 'tc')) {
        cellIndex++
        const tcPr = child(tc, 'tcPr')
        const span = Math.max(1, Math.min(Number(attr(child(tcPr, 'gridSpan') ?? tc, 'val') ?? 1) || 1, Math.max(columns, 1000)))
        const vMerge = child(tcPr, 'vMerge')
        const lines = this.cellLines(tc)
        const above = vMerge && attr(vMerge, 'val') !== 'restart' ? open.get(col) : undefined
        if (above) {
          above.rowSpan++
          if (lines.length > 0) {
            above.lines.push(...lines)
            this.issues.push(officeIssue('merged-cell-text', `table ${index}, row ${rows.length + 1}: text in a cell merged with the one above, read as that cell's last lines`))
          }
        } else {
          const cell: OfficeCell = { col, rowSpan: 1, colSpan: span, lines, place: { ...place, cell: cellIndex } }
          cells.push(cell)
          for (let c = col; c < col + span; c++) open.delete(c)
          if (vMerge) open.set(col, cell)
        }
        col += span
      }
      rows.push({ cells, place })
    }
    return { kind: 'table', rows, place: { table: index } }
  }

  /** A cell's paragraphs as lines (line breaks split them too); a nested table one line per row. */
  private cellLines(tc: XElement): string[] {
    const lines: string[] = []
    const push = (text: string) => lines.push(...text.split('\n').filter((l) => l.trim() !== ''))
    let held = ''
    for (const el of blockElements(tc)) {
      if (el.local === 'p') {
        const { pieces, boxes } = this.paragraphPieces(el)
        const text = held + pieces.map((x) => (x === PAGE ? '' : x)).join('')
        held = markDeleted(el) ? text : ''
        if (!held) push(text)
        for (const box of boxes) for (const b of blockElements(box)) if (b.local === 'p') push(this.paragraphPieces(b).pieces.filter((x): x is string => x !== PAGE).join(''))
      } else if (el.local === 'tbl') {
        for (const tr of flatten(el, 'tr')) push(flatten(tr, 'tc').map((tc) => this.cellLines(tc).join(' ')).join('\t'))
      }
    }
    push(held)
    return lines
  }
}

/** The paragraph mark is a tracked deletion (`w:pPr/w:rPr/w:del`). */
const markDeleted = (p: XElement) => child(child(child(p, 'pPr'), 'rPr'), 'del') !== undefined

/** A run's content; of alternative content (a text box as DrawingML and as VML) the first choice. */
function runContent(r: XElement): XElement[] {
  return elements(r).flatMap((c) => (c.local === 'AlternateContent' ? elements(child(c, 'Choice') ?? c) : [c]))
}

/** Children named `local`, looking through content controls and custom XML wrappers. */
function flatten(el: XElement, local: string): XElement[] {
  return elements(el).flatMap((c) => (c.local === local ? [c] : c.local === 'sdt' ? flatten(child(c, 'sdtContent') ?? c, local) : c.local === 'customXml' ? flatten(c, local) : []))
}

/** Paragraphs and tables of a container, looking through content controls. */
function blockElements(el: XElement): XElement[] {
  return elements(el).flatMap((c) => (c.local === 'p' || c.local === 'tbl' ? [c] : c.local === 'sdt' ? blockElements(child(c, 'sdtContent') ?? c) : c.local === 'customXml' ? blockElements(c) : []))
}
