/**
 * Layout blocks -> HTML for Chromium's print-to-PDF: ruled tables whose header rows repeat on
 * every page they run onto (`<thead>`), A4 portrait and landscape as CSS named pages, the
 * template's Thai font embedded from its @expo-google-fonts package.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { resolveFontFile } from '../generate-samples.js'
import type { Block, Cell, LayoutDoc, TableBlock } from './blocks.js'
import { escapeHtml as esc } from './render-transcript.js'

export interface FontChoice {
  /** `@expo-google-fonts/<package>`. */
  readonly package: string
  /** File prefix, `Sarabun` in `Sarabun_400Regular.ttf`. */
  readonly filePrefix: string
  /** CSS family name. */
  readonly family: string
  /** Base text size in points (faces differ in apparent size). */
  readonly size: number
  /** The family has no bold face (Sriracha): bold text is the regular face emboldened by the renderer. */
  readonly regularOnly?: boolean
}

export const FONTS: Record<string, FontChoice> = {
  sarabun: { package: 'sarabun', filePrefix: 'Sarabun', family: 'Sarabun', size: 11.5 },
  'noto-sans-thai': { package: 'noto-sans-thai', filePrefix: 'NotoSansThai', family: 'Noto Sans Thai', size: 10.5 },
  taviraj: { package: 'taviraj', filePrefix: 'Taviraj', family: 'Taviraj', size: 10.5 },
  'ibm-plex-sans-thai': { package: 'ibm-plex-sans-thai', filePrefix: 'IBMPlexSansThai', family: 'IBM Plex Sans Thai', size: 10.5 },
  'chakra-petch': { package: 'chakra-petch', filePrefix: 'ChakraPetch', family: 'Chakra Petch', size: 11 },
  k2d: { package: 'k2d', filePrefix: 'K2D', family: 'K2D', size: 11 },
  pridi: { package: 'pridi', filePrefix: 'Pridi', family: 'Pridi', size: 10.5 },
  niramit: { package: 'niramit', filePrefix: 'Niramit', family: 'Niramit', size: 11 },
  trirong: { package: 'trirong', filePrefix: 'Trirong', family: 'Trirong', size: 10.5 },
  kanit: { package: 'kanit', filePrefix: 'Kanit', family: 'Kanit', size: 10 },
  athiti: { package: 'athiti', filePrefix: 'Athiti', family: 'Athiti', size: 11.5 },
  'bai-jamjuree': { package: 'bai-jamjuree', filePrefix: 'BaiJamjuree', family: 'Bai Jamjuree', size: 10.5 },
  anuphan: { package: 'anuphan', filePrefix: 'Anuphan', family: 'Anuphan', size: 10.5 },
  'noto-sans-thai-looped': { package: 'noto-sans-thai-looped', filePrefix: 'NotoSansThaiLooped', family: 'Noto Sans Thai Looped', size: 10.5 },
  mitr: { package: 'mitr', filePrefix: 'Mitr', family: 'Mitr', size: 10 },
  prompt: { package: 'prompt', filePrefix: 'Prompt', family: 'Prompt', size: 10 },
  kodchasan: { package: 'kodchasan', filePrefix: 'Kodchasan', family: 'Kodchasan', size: 10.5 },
  mali: { package: 'mali', filePrefix: 'Mali', family: 'Mali', size: 10.5 },
  charm: { package: 'charm', filePrefix: 'Charm', family: 'Charm', size: 12.5 },
  sriracha: { package: 'sriracha', filePrefix: 'Sriracha', family: 'Sriracha', size: 11, regularOnly: true },
}

/** The font's files by weight (no bold for a regular-only family). */
export const fontWeights = (font: FontChoice): readonly string[] => (font.regularOnly ? ['400Regular'] : ['400Regular', '700Bold'])

export function fontFileUrls(font: FontChoice): { regular: string; bold: string | undefined } {
  const require = createRequire(import.meta.url)
  const url = (weight: string) => pathToFileURL(resolveFontFile(require, { package: font.package, filePrefix: font.filePrefix }, weight)).href
  return { regular: url('400Regular'), bold: font.regularOnly ? undefined : url('700Bold') }
}

export function renderHtml(doc: LayoutDoc, font: FontChoice): string {
  const sections: string[][] = [[]]
  let orientation: 'portrait' | 'landscape' = 'portrait'
  const opened: ('portrait' | 'landscape')[] = ['portrait']
  // Columns (a newspaper page) open lazily before the next block printed, and close before a change or the section's end.
  let wanted = 1
  let open = false
  const close = () => {
    if (open) sections.at(-1)!.push('</div>')
    open = false
  }
  for (const block of doc.blocks) {
    if (block.kind === 'columns') {
      wanted = block.count
      continue
    }
    if (block.kind === 'orientation') {
      close()
      wanted = 1
      orientation = block.orientation
      sections.push([])
      opened.push(orientation)
      continue
    }
    if (open !== (wanted === 2)) {
      close()
      if (wanted === 2) sections.at(-1)!.push('<div class="columns-2">')
      open = wanted === 2
    }
    sections.at(-1)!.push(renderBlock(block))
  }
  close()
  const body = sections
    .map((parts, i) => (parts.length === 0 ? '' : `<section class="${opened[i]}${i > 0 ? ' new-page' : ''}">\n${parts.join('\n')}\n</section>`))
    .join('\n')
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>${esc(doc.title)}</title>
<style>${css(font)}${pageNumberCss(doc)}${rulesCss(doc)}${runningHeaderCss(doc, font)}${columnsCss(doc)}</style>
</head>
<body>
${body}
</body>
</html>
`
}

/** Two columns with a gap, as a word processor's newspaper columns: only for documents that set any. */
function columnsCss(doc: LayoutDoc): string {
  if (!doc.blocks.some((b) => b.kind === 'columns' && b.count === 2)) return ''
  return `.columns-2 { column-count: 2; column-gap: 8mm; }
.columns-2 h3 { break-after: avoid; }
`
}

function css(font: FontChoice): string {
  const files = fontFileUrls(font)
  return `
@font-face { font-family: '${font.family}'; font-weight: 400; src: url('${files.regular}') format('truetype'); }
${files.bold ? `@font-face { font-family: '${font.family}'; font-weight: 700; src: url('${files.bold}') format('truetype'); }
` : ''}@page portrait { size: A4 portrait; margin: 18mm 16mm 18mm 20mm; }
@page landscape { size: A4 landscape; margin: 12mm 12mm 12mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: '${font.family}', sans-serif; font-size: ${font.size}pt; line-height: 1.45; color: #000; }
section.portrait { page: portrait; }
section.landscape { page: landscape; }
section.new-page { break-before: page; }
.page-break { break-after: page; }
h1, h2, h3 { margin: 0; font-weight: 700; }
h1 { font-size: 1.45em; line-height: 1.5; }
h2 { font-size: 1.15em; margin: 3mm 0 2mm; }
h3 { font-size: 1.05em; margin: 2mm 0 1mm; }
.center { text-align: center; }
.right { text-align: right; }
p { margin: 0 0 2mm; }
p.indent { text-indent: 2.5em; text-align: justify; }
p.bold { font-weight: 700; margin-top: 2.5mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 2mm 0 4mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.split-rows tr { break-inside: auto; }
th, td { border: 0.75pt solid #000; padding: 1mm 1.5mm; }
th { font-weight: 700; background: #e9e9e9; }
td.h { font-weight: 700; background: #f3f3f3; }
.top { vertical-align: top; }
.middle { vertical-align: middle; }
.bottom { vertical-align: bottom; }
`
}

/** Page numbers as CSS page-margin boxes ("- ๓ -" or "หน้า ๓ จาก ๙"), on portrait and landscape pages alike. */
function pageNumberCss(doc: LayoutDoc): string {
  if (!doc.pageNumbers) return ''
  const box = doc.pageNumbers.position === 'top' ? '@top-center' : '@bottom-center'
  const counter = (name: string) => (doc.pageNumbers!.thaiDigits ? `counter(${name}, thai)` : `counter(${name})`)
  const content = doc.pageNumbers.style === 'page-of' ? `"หน้า " ${counter('page')} " จาก " ${counter('pages')}` : `"- " ${counter('page')} " -"`
  const rule = `${box} { content: ${content}; font-size: 10pt; }`
  return `\n@page portrait { ${rule} }\n@page landscape { ${rule} }\n`
}

/** Tables with fewer rulings: horizontal rules only, or none but a line under the header (only when a table has them). */
function rulesCss(doc: LayoutDoc): string {
  if (!doc.blocks.some((b) => b.kind === 'table' && b.rules && b.rules !== 'full')) return ''
  return `
table.rules-horizontal th, table.rules-horizontal td { border-left: none; border-right: none; }
table.rules-none th, table.rules-none td { border: none; background: none; }
table.rules-none thead tr:last-child th { border-bottom: 0.75pt solid #000; }
`
}

/** The running header as a page-margin box at the top right, in the body font. */
function runningHeaderCss(doc: LayoutDoc, font: FontChoice): string {
  if (!doc.runningHeader) return ''
  const text = doc.runningHeader.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
  const rule = `@top-right { content: "${text}"; font-family: '${font.family}'; font-size: 9pt; vertical-align: bottom; }`
  return `\n@page portrait { ${rule} }\n@page landscape { ${rule} }\n`
}

function renderBlock(block: Exclude<Block, { kind: 'orientation' | 'columns' }>): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}${block.align ? ` class="${block.align}"` : ''}>${esc(block.text)}</h${block.level}>`
    case 'paragraph': {
      const classes = [block.indent && 'indent', block.bold && 'bold', block.align].filter(Boolean).join(' ')
      // A "\n" is a line break typed in the paragraph (perturb.ts rewrap).
      return `<p${classes ? ` class="${classes}"` : ''}>${esc(block.text).replaceAll('\n', '<br>')}</p>`
    }
    case 'page-break':
      return '<div class="page-break"></div>'
    case 'table':
      return table(block)
  }
}

function table(t: TableBlock): string {
  const total = t.columns.reduce((a, b) => a + b, 0)
  const cols = t.columns.map((w) => `<col style="width:${((100 * w) / total).toFixed(2)}%">`).join('')
  const row = (cells: readonly Cell[], inHead: boolean) => `<tr>${cells.map((c) => tableCell(c, inHead)).join('')}</tr>`
  const head = t.rows.slice(0, t.repeatHeader)
  const body = t.rows.slice(t.repeatHeader)
  const style = t.scale && t.scale !== 1 ? ` style="font-size:${t.scale}em"` : ''
  const classes = [t.splitRows && 'split-rows', t.rules && t.rules !== 'full' && `rules-${t.rules}`].filter(Boolean).join(' ')
  return `<table${style}${classes ? ` class="${classes}"` : ''}>
<colgroup>${cols}</colgroup>
<thead>
${head.map((r) => row(r.cells, true)).join('\n')}
</thead>
<tbody>
${body.map((r) => row(r.cells, false)).join('\n')}
</tbody>
</table>`
}

function tableCell(c: Cell, inHead: boolean): string {
  // Header-styled cells in the body (indicator rows of a detail list) are td: bold and shaded.
  const tag = inHead && c.header ? 'th' : 'td'
  const classes = [c.valign ?? 'top', c.align ?? (tag === 'th' ? 'center' : undefined), tag === 'td' && c.header ? 'h' : undefined].filter(Boolean).join(' ')
  const span = `${(c.colSpan ?? 1) > 1 ? ` colspan="${c.colSpan}"` : ''}${(c.rowSpan ?? 1) > 1 ? ` rowspan="${c.rowSpan}"` : ''}`
  return `<${tag}${span} class="${classes}">${c.lines.map(esc).join('<br>')}</${tag}>`
}
