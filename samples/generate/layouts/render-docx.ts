/**
 * Layout blocks -> a .docx (WordprocessingML written here, zipped with fflate): tables with
 * `w:gridSpan` / `w:vMerge`, one paragraph per cell line, repeated header rows (`w:tblHeader`),
 * body rows kept whole (`w:cantSplit`) unless the table lets them split, page breaks, a section per
 * orientation (landscape sections), page numbers and the running header in a header or footer
 * (Thai digits with `w:pgNumType w:fmt="thaiNumbers"`), table rulings, and the template's font. A cell whose lines are numbered
 * 1..n ("๑. ...", "1) ...") is written as Word's automatic numbering (`w:numPr`, a list of its own
 * in numbering.xml, format `thaiNumbers` or `decimal`), as a typist using Word's list button would
 * make it: the numbers are then not in the text, only in the list definition.
 *
 * `revisions` adds tracked changes: some score cells get a deleted wrong value (`w:del`) and the
 * right one inserted (`w:ins`), so a reader that keeps deletions gets wrong numbers.
 *
 * The zip is deterministic (fixed entry order and timestamps, fixed core properties), so the
 * same blocks give the same bytes.
 */
import { zipSync, type Zippable } from 'fflate'
import type { Align, Block, Cell, LayoutDoc, TableBlock } from './blocks.js'
import { FONTS, type FontChoice } from './render-html.js'
import type { Template } from './templates.js'

export interface DocxOptions {
  /** Tracked changes on some score cells (deleted wrong value, inserted right one). @default false */
  readonly revisions?: boolean
  /** The document's creation date in docProps/core.xml. @default 2025-10-15T03:00:00Z */
  readonly date?: Date
}

/** The producer's entry point: a template's blocks as .docx bytes. */
export function produceDocx(doc: LayoutDoc, tpl: Template, seed: number, options: DocxOptions = {}): Uint8Array {
  return renderDocx(doc, FONTS[tpl.choices.font]!, { ...options, seed })
}

/** Fixed zip entry time: the same blocks give the same bytes. */
// fflate writes local time: a date made from local components gives the same bytes in every time zone.
export const ZIP_DATE = new Date(2025, 9, 15, 3, 0, 0)

const PORTRAIT = { w: 11906, h: 16838, top: 1021, right: 907, bottom: 1021, left: 1134 }
const LANDSCAPE = { w: 16838, h: 11906, top: 680, right: 680, bottom: 680, left: 680 }
const TEXT_WIDTH = { portrait: PORTRAIT.w - PORTRAIT.left - PORTRAIT.right, landscape: LANDSCAPE.w - LANDSCAPE.left - LANDSCAPE.right }

type Orientation = 'portrait' | 'landscape'

interface ListDef {
  readonly format: 'thaiNumbers' | 'decimal'
  readonly suffix: '.' | ')'
}

/** State while writing one document: list definitions made so far, revision ids. */
interface Writer {
  readonly font: FontChoice
  readonly lists: ListDef[]
  readonly revisions: boolean
  readonly seed: number
  nextRevision: number
  scoreCells: number
}

export function renderDocx(doc: LayoutDoc, font: FontChoice, options: DocxOptions & { seed?: number } = {}): Uint8Array {
  const w: Writer = { font, lists: [], revisions: options.revisions ?? false, seed: options.seed ?? 1, nextRevision: 1, scoreCells: 0 }
  const body = documentBody(doc, w)
  const header = doc.pageNumbers || doc.runningHeader ? marginPart(doc) : undefined
  const margin = doc.pageNumbers?.position === 'bottom' && !doc.runningHeader ? 'footer' : 'header'
  const files: Zippable = {
    '[Content_Types].xml': xml(contentTypes(header !== undefined && margin)),
    '_rels/.rels': xml(ROOT_RELS),
    'docProps/core.xml': xml(coreProps(doc.title, options.date ?? new Date('2025-10-15T03:00:00Z'))),
    'docProps/app.xml': xml(APP_PROPS),
    'word/document.xml': xml(body),
    'word/styles.xml': xml(styles(font)),
    'word/numbering.xml': xml(numbering(w.lists)),
    'word/settings.xml': xml(SETTINGS),
    'word/_rels/document.xml.rels': xml(documentRels(header !== undefined && margin)),
    ...(header !== undefined && { [`word/${margin}1.xml`]: xml(header) }),
  }
  return zipSync(files, { level: 6, mtime: ZIP_DATE })
}

const xml = (s: string) => new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`)

export function escapeXml(s: string): string {
  // Characters XML 1.0 cannot hold at all are dropped (none occur in generated text).
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

// ------------------------------------------------------------------------------------------------
// document.xml

function documentBody(doc: LayoutDoc, w: Writer): string {
  const parts: string[] = []
  let orientation: Orientation = 'portrait'
  // Newspaper columns are a section of their own, started and ended by continuous section breaks before the next block printed.
  let section: Layout = { columns: 1, start: 'nextPage' }
  let wanted: Layout['columns'] = 1
  for (const block of doc.blocks) {
    if (block.kind === 'columns') {
      wanted = block.count
      continue
    }
    if (block.kind === 'orientation') {
      // The section that ends here is described in the last paragraph before the change.
      if (parts.length > 0) parts.push(`<w:p><w:pPr>${sectPr(orientation, doc, section)}</w:pPr></w:p>`)
      orientation = block.orientation
      section = { columns: 1, start: 'nextPage' }
      wanted = 1
      continue
    }
    if (wanted !== section.columns) {
      parts.push(`<w:p><w:pPr>${sectPr(orientation, doc, section)}</w:pPr></w:p>`)
      section = { columns: wanted, start: 'continuous' }
    }
    parts.push(renderBlock(block, orientation, w))
  }
  return `<w:document ${NS}><w:body>${parts.join('')}${sectPr(orientation, doc, section)}</w:body></w:document>`
}

/** A section's columns and how it starts: on a new page, or (newspaper columns) under the section before it. */
interface Layout {
  readonly columns: 1 | 2
  readonly start: 'nextPage' | 'continuous'
}

function sectPr(o: Orientation, doc: LayoutDoc, section: Layout): string {
  const m = o === 'portrait' ? PORTRAIT : LANDSCAPE
  const margin = doc.pageNumbers?.position === 'bottom' && !doc.runningHeader ? 'footerReference' : 'headerReference'
  const header = doc.pageNumbers || doc.runningHeader ? `<w:${margin} w:type="default" r:id="rIdPageNumber"/>` : ''
  const numberFormat = doc.pageNumbers?.thaiDigits ? '<w:pgNumType w:fmt="thaiNumbers"/>' : ''
  return (
    `<w:sectPr>${header}<w:type w:val="${section.start}"/><w:pgSz w:w="${m.w}" w:h="${m.h}"${o === 'landscape' ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="454" w:footer="454" w:gutter="0"/>${numberFormat}${section.columns === 2 ? '<w:cols w:num="2" w:space="454"/>' : ''}</w:sectPr>`
  )
}

function renderBlock(block: Exclude<Block, { kind: 'orientation' | 'columns' }>, orientation: Orientation, w: Writer): string {
  switch (block.kind) {
    case 'heading':
      return para(block.text, { style: `Heading${block.level}`, align: block.align }, w)
    case 'paragraph':
      return para(block.text, { align: block.align ?? (block.indent ? 'justify' : undefined), indent: block.indent, bold: block.bold }, w)
    case 'page-break':
      return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    case 'table':
      return table(block, orientation, w)
  }
}

interface ParaOptions {
  readonly style?: string
  readonly align?: Align | 'justify' | undefined
  readonly indent?: boolean | undefined
  readonly bold?: boolean | undefined
  /** Half-points; the style's size otherwise. */
  readonly size?: number
  /** Automatic numbering: list id (1-based) in numbering.xml. */
  readonly numId?: number
}

function para(text: string, o: ParaOptions, w: Writer, runs?: string): string {
  const jc = o.align && o.align !== 'left' ? `<w:jc w:val="${o.align === 'justify' ? 'both' : o.align}"/>` : ''
  const pPr = [
    o.style ? `<w:pStyle w:val="${o.style}"/>` : '',
    o.numId !== undefined ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${o.numId}"/></w:numPr>` : '',
    o.indent ? '<w:ind w:firstLine="720"/>' : '',
    jc,
  ].join('')
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs ?? run(text, runProps(o))}</w:p>`
}

function runProps(o: { bold?: boolean | undefined; size?: number | undefined }): string {
  const props = `${o.bold ? '<w:b/><w:bCs/>' : ''}${o.size ? `<w:sz w:val="${o.size}"/><w:szCs w:val="${o.size}"/>` : ''}`
  return props ? `<w:rPr>${props}</w:rPr>` : ''
}

function run(text: string, rPr: string): string {
  return text === '' ? '' : `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`
}

// ------------------------------------------------------------------------------------------------
// Tables

function table(t: TableBlock, orientation: Orientation, w: Writer): string {
  const total = t.columns.reduce((a, b) => a + b, 0)
  const width = TEXT_WIDTH[orientation]
  const grid = t.columns.map((c) => Math.round((width * c) / total))
  const size = Math.round(w.font.size * 2 * (t.scale ?? 1))
  const tblPr =
    `<w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>` +
    `<w:tblBorders>${BORDERS.map((s) => `<w:${s} w:val="${ruled(t, s) ? 'single' : 'nil'}" w:sz="6" w:space="0" w:color="000000"/>`).join('')}</w:tblBorders>` +
    `<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>`
  const rows = placeRows(t)
  const body = rows.map((slots, r) => {
    // A repeated header row is never marked `w:cantSplit`: LibreOffice 7.4 then drops every body row
    // of a table that starts at a page foot (the PDF loses them), and a typist has no reason to set it.
    const trPr = r < t.repeatHeader ? '<w:tblHeader/>' : t.splitRows ? '' : '<w:cantSplit/>'
    const cells = slots.map((slot) => (slot.covered ? coveredCell(slot.cell, grid, slot.col) : tableCell(slot.cell, grid, slot.col, r < t.repeatHeader, size, w)))
    return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells.join('')}</w:tr>`
  })
  // A paragraph after every table: Word needs one between two tables, or it joins them.
  return `<w:tbl>${tblPr}<w:tblGrid>${grid.map((g) => `<w:gridCol w:w="${g}"/>`).join('')}</w:tblGrid>${body.join('')}</w:tbl><w:p/>`
}

const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'] as const

/** The table's rulings: every cell, horizontal rules only, or none. */
const ruled = (t: TableBlock, side: (typeof BORDERS)[number]) => (t.rules ?? 'full') === 'full' || (t.rules === 'horizontal' && ['top', 'bottom', 'insideH'].includes(side))

interface Slot {
  readonly cell: Cell
  readonly col: number
  /** A `w:vMerge` continuation of the cell above. */
  readonly covered: boolean
}

/** Each row's cells with their grid column, and the continuation cells row spans need in Word. */
function placeRows(t: TableBlock): Slot[][] {
  const below: (Cell | undefined)[] = []
  const remaining: number[] = []
  return t.rows.map((row) => {
    const slots: Slot[] = []
    const queue = [...row.cells]
    let col = 0
    while (queue.length > 0 || col < t.columns.length) {
      if ((remaining[col] ?? 0) > 0) {
        const above = below[col]!
        slots.push({ cell: above, col, covered: true })
        remaining[col]!--
        col += above.colSpan ?? 1
        continue
      }
      const c = queue.shift()
      if (!c) break
      slots.push({ cell: c, col, covered: false })
      if ((c.rowSpan ?? 1) > 1) {
        below[col] = c
        remaining[col] = (c.rowSpan ?? 1) - 1
      }
      col += c.colSpan ?? 1
    }
    return slots
  })
}

function cellProps(c: Cell, grid: readonly number[], col: number, merge: string, shaded: boolean): string {
  const span = c.colSpan ?? 1
  const width = grid.slice(col, col + span).reduce((a, b) => a + b, 0)
  return (
    `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}` +
    `${shaded ? '<w:shd w:val="clear" w:color="auto" w:fill="E9E9E9"/>' : ''}<w:vAlign w:val="${c.valign === 'middle' ? 'center' : c.valign === 'bottom' ? 'bottom' : 'top'}"/></w:tcPr>`
  )
}

function coveredCell(c: Cell, grid: readonly number[], col: number): string {
  return `<w:tc>${cellProps(c, grid, col, '<w:vMerge/>', c.header === true)}<w:p/></w:tc>`
}

function tableCell(c: Cell, grid: readonly number[], col: number, inHead: boolean, size: number, w: Writer): string {
  const merge = (c.rowSpan ?? 1) > 1 ? '<w:vMerge w:val="restart"/>' : ''
  const bold = c.header === true
  const align = c.align ?? (inHead && bold ? 'center' : undefined)
  const list = bold ? undefined : numberedList(c.lines)
  let paragraphs: string[]
  if (list) {
    const numId = addList(w, list.def)
    paragraphs = list.items.map((text) => para(text, { align, numId, size }, w))
  } else {
    paragraphs = (c.lines.length > 0 ? c.lines : ['']).map((line) => para(line, { align, bold, size }, w, revised(line, { bold, size }, w)))
  }
  return `<w:tc>${cellProps(c, grid, col, merge, bold)}${paragraphs.join('')}</w:tc>`
}

// ------------------------------------------------------------------------------------------------
// Automatic numbering

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙'
const toArabic = (s: string) => s.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)))

/**
 * Lines numbered 1..n in one style ("๑. a", "๒. b") as a list definition and the items' text;
 * undefined when the cell is not such a list (restarts, gaps, mixed styles stay typed text).
 */
export function numberedList(lines: readonly string[]): { def: ListDef; items: string[] } | undefined {
  if (lines.length === 0) return undefined
  const parsed = lines.map((l) => /^([0-9]+|[๐-๙]+)([.)]) (\S.*)$/.exec(l))
  const first = parsed[0]
  if (!first) return undefined
  const format = /[๐-๙]/.test(first[1]!) ? 'thaiNumbers' : 'decimal'
  const suffix = first[2] as ListDef['suffix']
  for (const [i, m] of parsed.entries()) {
    if (!m || Number(toArabic(m[1]!)) !== i + 1 || m[2] !== suffix) return undefined
    if ((/[๐-๙]/.test(m[1]!) ? 'thaiNumbers' : 'decimal') !== format) return undefined
  }
  return { def: { format, suffix }, items: parsed.map((m) => m![3]!) }
}

/** A list of its own (numbering restarts at 1 in every cell). Returns its numId. */
function addList(w: Writer, def: ListDef): number {
  w.lists.push(def)
  return w.lists.length
}

function numbering(lists: readonly ListDef[]): string {
  const abstract = lists.map(
    (l, i) =>
      `<w:abstractNum w:abstractNumId="${i + 1}"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
      `<w:numFmt w:val="${l.format}"/><w:suff w:val="space"/><w:lvlText w:val="%1${l.suffix}"/><w:lvlJc w:val="left"/>` +
      `<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl></w:abstractNum>`,
  )
  const nums = lists.map((_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${i + 1}"/></w:num>`)
  return `<w:numbering ${NS}>${abstract.join('')}${nums.join('')}</w:numbering>`
}

// ------------------------------------------------------------------------------------------------
// Tracked changes

const SCORE = /^([0-9]+|[๐-๙]+)\.([0-9]{2}|[๐-๙]{2})$/

/**
 * With revisions on, every 5th score cell (a deterministic choice from the seed) is written as a
 * deleted wrong score followed by the inserted right one.
 */
function revised(line: string, props: { bold?: boolean; size?: number }, w: Writer): string | undefined {
  if (!w.revisions || !SCORE.test(line)) return undefined
  if ((w.scoreCells++ + w.seed) % 5 !== 0) return undefined
  const wrong = line.replace(/.$/, (d) => (/[๐-๙]/.test(d) ? THAI_DIGITS[(THAI_DIGITS.indexOf(d) + 3) % 10]! : String((Number(d) + 3) % 10)))
  const id = w.nextRevision
  w.nextRevision += 2
  const attrs = (n: number) => `w:id="${n}" w:author="ITA officer" w:date="2025-10-14T09:00:00Z"`
  const rPr = runProps(props)
  return (
    `<w:del ${attrs(id)}><w:r>${rPr}<w:delText xml:space="preserve">${escapeXml(wrong)}</w:delText></w:r></w:del>` +
    `<w:ins ${attrs(id + 1)}>${run(line, rPr)}</w:ins>`
  )
}

// ------------------------------------------------------------------------------------------------
// Other parts

/**
 * The page margin's part: the running header and the page number (in the header when the document
 * has a running header, else where the template puts the number).
 */
function marginPart(doc: LayoutDoc): string {
  const p = doc.pageNumbers
  const tag = p?.position === 'bottom' && !doc.runningHeader ? 'ftr' : 'hdr'
  const running = doc.runningHeader ? `<w:p><w:pPr><w:jc w:val="right"/></w:pPr>${run(doc.runningHeader, '')}</w:p>` : ''
  if (!p) return `<w:${tag} ${NS}>${running}</w:${tag}>`
  // The page number is a field; Word and LibreOffice fill in its result when they lay the page out.
  const text = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`
  const fieldOf = (name: string) =>
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${name} </w:instrText></w:r>` +
    `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${p.thaiDigits ? '๑' : '1'}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
  const field = p.style === 'page-of' ? `${text('หน้า ')}${fieldOf('PAGE')}${text(' จาก ')}${fieldOf('NUMPAGES')}` : `${text('- ')}${fieldOf('PAGE')}${text(' -')}`
  return `<w:${tag} ${NS}>${running}<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${field}</w:p></w:${tag}>`
}

function styles(font: FontChoice): string {
  const half = Math.round(font.size * 2)
  const heading = (level: number, scale: number) =>
    `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:spacing w:before="${level === 1 ? 0 : 120}" w:after="80"/><w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
    `<w:rPr><w:b/><w:bCs/><w:sz w:val="${Math.round(half * scale)}"/><w:szCs w:val="${Math.round(half * scale)}"/></w:rPr></w:style>`
  const f = escapeXml(font.family)
  return (
    `<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/>` +
    `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/><w:lang w:val="th-TH" w:eastAsia="th-TH" w:bidi="th-TH"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:after="40" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
    `${heading(1, 1.45)}${heading(2, 1.15)}${heading(3, 1.05)}` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `</w:styles>`
  )
}

type Margin = 'header' | 'footer' | false

function contentTypes(header: Margin): string {
  const wml = 'application/vnd.openxmlformats-officedocument.wordprocessingml'
  return (
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/word/document.xml" ContentType="${wml}.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="${wml}.styles+xml"/>` +
    `<Override PartName="/word/numbering.xml" ContentType="${wml}.numbering+xml"/>` +
    `<Override PartName="/word/settings.xml" ContentType="${wml}.settings+xml"/>` +
    (header ? `<Override PartName="/word/${header}1.xml" ContentType="${wml}.${header}+xml"/>` : '') +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`
  )
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const ROOT_RELS =
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`

function documentRels(header: Margin): string {
  return (
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rIdNumbering" Type="${REL}/numbering" Target="numbering.xml"/>` +
    `<Relationship Id="rIdSettings" Type="${REL}/settings" Target="settings.xml"/>` +
    (header ? `<Relationship Id="rIdPageNumber" Type="${REL}/${header}" Target="${header}1.xml"/>` : '') +
    `</Relationships>`
  )
}

const SETTINGS = `<w:settings ${NS}><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

const APP_PROPS = `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>ita-extract samples/generate/layouts</Application></Properties>`

function coreProps(title: string, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return (
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    `xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title>` +
    `<dc:creator>ita-extract</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`
  )
}
