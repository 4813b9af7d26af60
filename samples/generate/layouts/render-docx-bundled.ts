/**
 * Writes the bundled reports as word-processor files: samples/bankum/report.docx and .odt,
 * samples/nongbua/report.docx and .odt, from their transcripts (parsed as generate-samples.ts
 * parses them for the PDFs), through the layout blocks and render-docx.ts:
 *
 * - tracked changes: some score cells hold a deleted wrong score and the inserted printed one;
 * - the summary's tool-score cell merged over its indicators' rows (w:vMerge);
 * - measures tables whose long rows may split across pages (no w:cantSplit), on landscape pages;
 * - step lists ("๑. ... ๒. ...") as Word's automatic numbering (w:numPr, thaiNumbers) where they
 *   run 1..n, typed numbers where the report restarts or skips them.
 *
 * The .odt is LibreOffice's conversion of the .docx (render-odt.ts), tracked changes included.
 *
 *   node --import tsx samples/generate/layouts/render-docx-bundled.ts [bankum|nongbua]
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SAMPLES, type SampleSpec } from '../generate-samples.js'
import { parseTranscript, type MeasuresTable, type ReportContent } from '../parse-transcript.js'
import { toolGroupSizes } from '../render-html.js'
import { cell, heading, headerCell, orientation, pageBreak, paragraph, type Block, type LayoutDoc, type TableBlock } from './blocks.js'
import { FONTS } from './render-html.js'
import { renderDocx } from './render-docx.js'
import { fixOdt, sofficeConvert } from './render-odt.js'

/** A transcript's content as layout blocks, in the order and pages the PDF samples print it. */
export function reportContentBlocks(content: ReportContent): LayoutDoc {
  const blocks: Block[] = [
    ...content.titleLines.map((l) => heading(1, l, 'center')),
    heading(2, content.resultHeading, 'center'),
    ...content.intro.map((p) => paragraph(p, { indent: true })),
    summaryTable(content),
    detailTable(content),
  ]
  for (const b of content.analysis) {
    if (b.kind === 'heading' || b.kind === 'page-heading') blocks.push(pageBreak, heading(2, b.text, b.kind === 'page-heading' ? 'center' : undefined))
    else if (b.kind === 'indicator-heading') blocks.push(heading(3, b.text))
    else blocks.push(paragraph(b.text, { indent: b.kind === 'paragraph' }))
  }
  content.measures.forEach((table, i) => blocks.push(i === 0 ? orientation('landscape') : pageBreak, ...measuresBlocks(table)))
  return { title: content.titleLines.join(' '), blocks }
}

function summaryTable(content: ReportContent): TableBlock {
  const groups = toolGroupSizes(content.summary)
  return {
    kind: 'table',
    role: 'summary',
    columns: [52, 24, 24],
    repeatHeader: 1,
    rows: [
      { cells: content.summaryHeader.map((h) => headerCell(h.trim())) },
      ...content.summary.map((row, i) => {
        const span = groups.get(i)
        return {
          cells: [
            cell(row.indicator),
            cell(row.score, { align: 'center', valign: 'middle' }),
            ...(span === undefined ? [] : [cell(row.toolScore ?? '', { align: 'center', valign: 'middle', rowSpan: span })]),
          ],
        }
      }),
    ],
  }
}

function detailTable(content: ReportContent): TableBlock {
  const [label = '', score = ''] = content.detailHeader.map((h) => h.trim())
  return {
    kind: 'table',
    role: 'detail',
    columns: [83, 17],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell(label), headerCell(score)] },
      ...content.detail.map((row) => ({
        cells: [cell(row.text, { header: row.kind === 'indicator' }), cell(row.score, { align: 'center', valign: 'middle', header: row.kind === 'indicator' })],
      })),
    ],
  }
}

const COLUMN_WIDTHS = [13, 8, 17, 22, 18, 10, 12]

function measuresBlocks(table: MeasuresTable): Block[] {
  const out: Block[] = []
  if (table.intro) out.push(paragraph(table.intro, { bold: true }))
  out.push(...table.legend.map((l) => paragraph(l)))
  out.push({
    kind: 'table',
    role: 'measures',
    columns: table.header.map((_, i) => COLUMN_WIDTHS[i] ?? 10),
    // As in the original: the header is not repeated on the continuation page, and long rows split.
    repeatHeader: 0,
    splitRows: true,
    scale: 0.92,
    rows: [
      { cells: [headerCell(table.caption, { colSpan: table.header.length })] },
      { cells: table.header.map((h) => headerCell(h)) },
      ...table.rows.map((cells) => ({ cells: cells.map((paragraphs, i) => cell(paragraphs.flatMap(stepLines), i === 1 ? { align: 'center' } : {})) })),
    ],
  })
  return out
}

/** A paragraph with numbered steps ("๑. ... ๒. ...") as one line per step, as typed in the original. */
function stepLines(p: string): string[] {
  return p.split(/\s+(?=[0-9๐-๙]{1,2}\.(?![0-9๐-๙]))/).filter((l) => l.trim() !== '')
}

export async function generateBundledOffice(spec: SampleSpec, log: (msg: string) => void = console.log): Promise<void> {
  const transcript = await readFile(join(spec.dir, spec.transcriptFile), 'utf8')
  const doc = reportContentBlocks(parseTranscript(transcript, spec.parse))
  const font = Object.values(FONTS).find((f) => f.package === spec.font.package)!
  const docx = renderDocx(doc, font, { revisions: true, seed: 1 })
  const odt = fixOdt(await sofficeConvert(docx, 'report.docx', 'odt'))
  for (const [name, bytes] of [['report.docx', docx], ['report.odt', odt]] as const) {
    await writeFile(join(spec.dir, name), bytes)
    log(`${relative(process.cwd(), join(spec.dir, name))}: ${Math.round(bytes.length / 1024)} KB`)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2)
  for (const spec of SAMPLES) if (names.length === 0 || names.includes(spec.name)) await generateBundledOffice(spec)
}
