/**
 * Layout blocks -> a Markdown transcript as src/stages/ingest/read-transcript.ts reads it: `#`
 * headings, paragraphs, pipe tables, and HTML `<table>` fragments (with rowspan/colspan and `<br>`
 * line breaks) when a table needs them. A page break or orientation change is a `<!-- page N -->`
 * marker. The reader takes a file holding any `<table>` as HTML throughout, and then reads pipe
 * rows as plain lines, so a transcript with one HTML table writes every table as HTML.
 */
import { needsHtml, type Block, type Cell, type LayoutDoc, type TableBlock } from './blocks.js'

export function renderTranscript(doc: LayoutDoc): string {
  const html = doc.blocks.some((b) => b.kind === 'table' && needsHtml(b))
  const out: string[] = []
  let page = 1
  let pageHasContent = false
  for (const block of doc.blocks) {
    // Two columns read as a transcriber reads them: the first column, then the second.
    if (block.kind === 'columns') continue
    if (block.kind === 'page-break' || block.kind === 'orientation') {
      if (pageHasContent) out.push(`<!-- page ${++page} -->`)
      pageHasContent = false
      continue
    }
    // A running header is the first line of every page, as a transcriber sees it.
    if (!pageHasContent && doc.runningHeader) out.push(doc.runningHeader)
    out.push(renderBlock(block, html))
    pageHasContent = true
  }
  return `${out.join('\n\n')}\n`
}

function renderBlock(block: Exclude<Block, { kind: 'page-break' | 'orientation' | 'columns' }>, html: boolean): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`
    case 'paragraph':
      return block.bold ? `**${block.text}**` : block.text
    case 'table':
      return html ? htmlTable(block) : pipeTable(block)
  }
}

function pipeTable(table: TableBlock): string {
  const line = (cells: readonly Cell[]) => `| ${cells.map((c) => c.lines.join(' ').replaceAll('|', '/')).join(' | ')} |`
  const [head, ...body] = table.rows
  if (!head) return ''
  return [line(head.cells), `|${head.cells.map(() => '---').join('|')}|`, ...body.map((r) => line(r.cells))].join('\n')
}

function htmlTable(table: TableBlock): string {
  const cell = (c: Cell) => {
    const tag = c.header ? 'th' : 'td'
    const attrs = `${(c.colSpan ?? 1) > 1 ? ` colspan="${c.colSpan}"` : ''}${(c.rowSpan ?? 1) > 1 ? ` rowspan="${c.rowSpan}"` : ''}`
    return `<${tag}${attrs}>${c.lines.map(escapeHtml).join('<br>')}</${tag}>`
  }
  return ['<table>', ...table.rows.map((r) => `<tr>${r.cells.map(cell).join('')}</tr>`), '</table>'].join('\n')
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
