/**
 * Lays the report out as HTML for Chromium's print-to-PDF, the way such reports are typed in Word:
 * A4 portrait for the title block, tables and prose; A4 landscape (a CSS named page) for the
 * seven-column measures tables.
 */
import type { AnalysisBlock, MeasuresRow, MeasuresTable, ReportContent, SummaryRow } from './parse-transcript.js'

export interface FontFiles {
  /** file:// URL of the regular weight. */
  readonly regular: string
  /** file:// URL of the bold weight. */
  readonly bold: string
  /** CSS family name the two files are registered under. @default 'Sarabun' */
  readonly family?: string
}

export function renderReportHtml(content: ReportContent, fonts: FontFiles): string {
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>${esc(content.titleLines.join(' '))}</title>
<style>${css(fonts)}</style>
</head>
<body>
<section class="title-block">
${content.titleLines.map((l) => `  <div>${esc(l)}</div>`).join('\n')}
</section>
<h2 class="result-heading">${esc(content.resultHeading)}</h2>
${content.intro.map((p) => `<p class="prose">${esc(p)}</p>`).join('\n')}
${summaryTable(content.summaryHeader, content.summary)}
${detailTable(content)}
${analysis(content.analysis)}
${content.measures.map(measuresSection).join('\n')}
</body>
</html>
`
}

function css(fonts: FontFiles): string {
  const family = fonts.family ?? 'Sarabun'
  return `
@font-face { font-family: '${family}'; font-weight: 400; src: url('${fonts.regular}') format('truetype'); }
@font-face { font-family: '${family}'; font-weight: 700; src: url('${fonts.bold}') format('truetype'); }
@page { size: A4 portrait; margin: 18mm 18mm 18mm 22mm; }
@page landscape { size: A4 landscape; margin: 12mm 12mm 12mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: '${family}', sans-serif; font-size: 11.5pt; line-height: 1.45; color: #000; }
p { margin: 0; }
.title-block { text-align: center; font-weight: 700; font-size: 18pt; line-height: 1.5; margin: 8mm 0 10mm; }
h1, h2, h3 { font-size: inherit; margin: 0; }
.result-heading { text-align: center; font-size: 13pt; margin: 0 0 3mm; }
.prose { text-indent: 2.5em; text-align: justify; margin: 0 0 2.5mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.75pt solid #000; padding: 1mm 1.6mm; vertical-align: top; }
th { font-weight: 700; text-align: center; vertical-align: middle; background: #e7e7e7; }
.summary { margin: 4mm 0 6mm; }
.summary td.score, .summary td.tool { text-align: center; vertical-align: middle; width: 24%; }
.detail { margin: 0 0 4mm; }
.detail thead { display: table-header-group; }
.detail tr { break-inside: avoid; }
.detail td.score { text-align: center; width: 17%; vertical-align: middle; }
.detail tr.indicator td { font-weight: 700; background: #f2f2f2; }
.analysis-heading { break-before: page; font-size: 13pt; margin: 0 0 2mm; }
.note { margin: 0 0 3mm; }
.page-heading { break-before: page; text-align: center; font-size: 13pt; margin: 0 0 4mm; }
.indicator-heading { margin: 3mm 0 1mm; }
.measures { page: landscape; break-before: page; font-size: 10.5pt; line-height: 1.4; }
.measures .intro { font-weight: 700; margin: 0 0 1mm; }
.measures .legend { margin: 0 0 3mm 8mm; }
.measures table { table-layout: fixed; }
.measures th { font-size: 10.5pt; }
.measures th.caption { font-size: 12pt; background: #fff; }
.measures td p + p { margin-top: 1.5mm; }
.measures td.score { text-align: center; }
`
}

function summaryTable(header: readonly string[], rows: readonly SummaryRow[]): string {
  const groupSizes = toolGroupSizes(rows)
  const body = rows
    .map((row, i) => {
      const span = groupSizes.get(i)
      const tool = span === undefined ? '' : `<td class="tool" rowspan="${span}">${esc(row.toolScore ?? '')}</td>`
      return `<tr><td>${esc(row.indicator)}</td><td class="score">${esc(row.score)}</td>${tool}</tr>`
    })
    .join('\n')
  return `<table class="summary">
<thead><tr>${header.map((h) => `<th>${esc(h.trim())}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>`
}

/** Row index -> rowspan of the tool-score cell: each printed tool score spans until the next one. */
export function toolGroupSizes(rows: readonly SummaryRow[]): Map<number, number> {
  const starts = rows.flatMap((r, i) => (r.toolScore !== undefined || i === 0 ? [i] : []))
  return new Map(starts.map((start, k) => [start, (starts[k + 1] ?? rows.length) - start]))
}

function detailTable(content: ReportContent): string {
  const [label = '', score = ''] = content.detailHeader.map((h) => h.trim())
  const body = content.detail
    .map((row) => `<tr class="${row.kind}"><td>${esc(row.text)}</td><td class="score">${esc(row.score)}</td></tr>`)
    .join('\n')
  return `<table class="detail">
<thead><tr><th>${esc(label)}</th><th>${esc(score)}</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`
}

function analysis(blocks: readonly AnalysisBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `<h2 class="analysis-heading">${esc(b.text)}</h2>`
        case 'note':
          return `<p class="note">${esc(b.text)}</p>`
        case 'page-heading':
          return `<h2 class="page-heading">${esc(b.text)}</h2>`
        case 'indicator-heading':
          return `<h3 class="indicator-heading">${esc(b.text)}</h3>`
        case 'paragraph':
          return `<p class="prose">${esc(b.text)}</p>`
      }
    })
    .join('\n')
}

const COLUMN_WIDTHS = ['13%', '8%', '17%', '22%', '18%', '10%', '12%']

function measuresSection(table: MeasuresTable): string {
  const cols = table.header.map((_, i) => `<col style="width:${COLUMN_WIDTHS[i] ?? 'auto'}">`).join('')
  const row = (cells: MeasuresRow): string =>
    cells
      .map((paragraphs, i) => {
        const cls = i === 1 ? ' class="score"' : ''
        return `<td${cls}>${paragraphs.map((p) => `<p>${withStepBreaks(esc(p))}</p>`).join('')}</td>`
      })
      .join('')
  const intro = table.intro ? `<p class="intro">${esc(table.intro)}</p>\n` : ''
  const legend = table.legend.length > 0 ? `<div class="legend">${table.legend.map((l) => `<div>${esc(l)}</div>`).join('')}</div>\n` : ''
  // Header rows sit in the body, not in <thead>: the original does not repeat them on the
  // continuation page.
  return `<section class="measures">
${intro}${legend}<table>
<colgroup>${cols}</colgroup>
<tbody>
<tr><th class="caption" colspan="${table.header.length}">${esc(table.caption)}</th></tr>
<tr>${table.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>
${table.rows.map((cells) => `<tr>${row(cells)}</tr>`).join('\n')}
</tbody>
</table>
</section>`
}

/** Starts each numbered step ("๑. ...", "2. ...") on its own line, as typed in the original. */
export function withStepBreaks(html: string): string {
  return html.replace(/\s+(?=[0-9๐-๙]{1,2}\.(?![0-9๐-๙]))/g, '<br>')
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
