/**
 * The review: one self-contained HTML file an officer opens in any browser, offline, and prints
 * on A4. Nothing is loaded from outside (a Content-Security-Policy forbids it): the CSS, the Thai
 * font and the page crops are inside the file.
 */
import { catalogueOfReport } from '../../../catalogue/choose.js'
import type { Finding, Prov, Report } from '../../../report/schema.js'
import { gatherEvidence } from './evidence.js'
import { sarabunFontFaces } from './font.js'
import { bi, html, trusted, type Html } from './html.js'
import { renderHeader, renderReading } from './render-header.js'
import { renderFindings, renderImageDefs } from './render-findings.js'
import { citations, renderGaps, renderItems, renderMeasures, renderScoreTable, renderToolsAndTotal } from './render-tables.js'
import type { ReviewSource } from './source.js'
import { REVIEW_CSS } from './styles.js'

export interface ReviewDocument {
  readonly report: Report
  /** The findings to show (usually `report.findings`, or `checkReport(report)`). */
  readonly findings: readonly Finding[]
  /** The file the report was read from, for page images or transcript lines. */
  readonly source: ReviewSource
}

const CSP = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

const SCRIPT = `document.getElementById('lang').addEventListener('click',function(){var b=document.body;var en=b.getAttribute('data-lang')!=='en';b.setAttribute('data-lang',en?'en':'th');document.documentElement.lang=en?'en':'th'});
document.getElementById('print').addEventListener('click',function(){window.print()});`

/** An input that could not be read, listed in the review with the reason. */
export interface UnreadableInput {
  readonly file: string
  readonly message: string
}

/** One HTML file reviewing each document in turn (each starts on a new printed page). */
export async function buildReview(documents: readonly ReviewDocument[], unreadable: readonly UnreadableInput[] = []): Promise<string> {
  const articles: Html[] = unreadable.map(
    (u) => html`<article class="review unreadable" data-file="${u.file}"><h1>${u.file}</h1><div class="verdict fix" data-verdict="unreadable"><span class="big">${bi({ th: 'อ่านไฟล์ไม่ได้', en: 'Could not be read' })}</span><span class="detail">${u.message}</span></div></article>`,
  )
  const defs: Html[] = []
  for (const [k, doc] of documents.entries()) {
    const provs = doc.findings.flatMap((f) => f.values.flatMap((v): Prov[] => (v.prov ? [v.prov] : [])))
    const evidence = await gatherEvidence(doc.report, provs, doc.source, documents.length > 1 ? `d${k + 1}-ev` : 'ev')
    articles.push(renderArticle(doc, evidence))
    defs.push(renderImageDefs(evidence))
  }
  const first = documents[0]?.report
  const title = first ? [first.organization.name?.value, first.fiscalYear?.value ? `พ.ศ. ${first.fiscalYear.value}` : undefined].filter(Boolean).join(' ') : ''
  return html`<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${`ผลการตรวจสอบรายงาน ITA${title ? `: ${title}` : ''}`}</title>
<style>${trusted(sarabunFontFaces())}${trusted(REVIEW_CSS)}</style></head>
<body data-lang="th">
<div class="toolbar"><button id="lang" type="button">${bi({ th: 'English', en: 'ภาษาไทย' })}</button><button id="print" type="button">${bi({ th: 'พิมพ์', en: 'Print' })}</button></div>
${articles}
${defs}
<script>${trusted(SCRIPT)}</script>
</body></html>
`.text
}

function renderArticle(doc: ReviewDocument, evidence: Awaited<ReturnType<typeof gatherEvidence>>): Html {
  const { report, findings } = doc
  const catalogue = catalogueOfReport(report)
  const cited = citations(findings)
  return html`<article class="review" data-file="${report.source.file}">
${renderHeader(report, findings)}
${renderReading(report)}
${renderFindings(findings, evidence)}
${renderScoreTable(report, catalogue, cited)}
${renderToolsAndTotal(report, catalogue, cited)}
${renderItems(report, cited)}
${renderMeasures(report, cited)}
${renderGaps(report)}
<footer>ita-extract ${report.source.version} · ${report.source.file} · SHA-256 ${report.source.sha256} · ${report.source.catalogue === null ? bi({ th: 'ไม่มีแคตตาล็อกประเด็นของปีนี้', en: 'no item catalogue for the year' }) : bi({ th: `แคตตาล็อกปี ${report.source.catalogue}`, en: `catalogue ${report.source.catalogue}` })}</footer>
</article>`
}
