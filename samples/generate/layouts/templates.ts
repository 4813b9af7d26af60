/**
 * Templates: one choice per layout dimension (options.ts), and the rendering of a spec into layout
 * blocks under those choices. Training templates use only `train` option values; each held-out
 * template uses at least two `held-out` values. The held-out templates were written before the
 * extractor was tuned on the training ones and are not to be changed to make them pass.
 */
import type { Tool } from '../../../src/report/schema.js'
import { THAI_MONTHS } from '../../../src/model/thai-months.js'
import { cell, columns, heading, headerCell, orientation, pageBreak, paragraph, type Block, type Cell, type LayoutDoc, type Row, type TableBlock } from './blocks.js'
import { heldOutValues, type Choices, type Split } from './options.js'
import { SIGNATORIES } from './phrases.js'
import { seededRandom, subSeed, type Random } from './random.js'
import { randomReportSpec, round1, type IndicatorSpec, type MeasureSpec, type PrintedDate, type ReportSpec } from './spec.js'
import { V7_FUNDING, V7_KPIS, V9_EVIDENCE, V11_GUIDANCE, V11_REMARKS, V11_STATUSES, V11_STRENGTHS, V14_ACTIONS, V14_LAST_YEAR_RESULTS } from './phrases.js'
import { INDICATOR_NAMES_EN, V15_FUNDS, V15_RISKS } from './phrases.js'
import type { TruthLayout } from './truth.js'

export interface Template {
  readonly name: string
  readonly split: Split
  readonly choices: Choices
  /** One line for the README. */
  readonly description: string
  /**
   * A held-out template whose values are never shown one by one (not in tests, not in the bench
   * without --show-held-out): it is judged by its figures only, so nothing is tuned on it.
   */
  readonly blind?: boolean
  /** A batch of templates added together (`v3`, `v4`), totalled on its own line by the bench. */
  readonly set?: string
}

const base: Choices = {
  digits: 'thai',
  codeCase: 'catalogue',
  codeDigits: 'arabic',
  codeDot: 'none',
  codeForm: 'plain',
  cover: 'none',
  title: 'classic',
  fiscalYear: 'thai-full',
  summary: 'tool-span',
  summaryTotalRow: 'none',
  toolScores: 'column',
  detail: 'two-col',
  overallPosition: 'after-detail',
  total: 'average',
  level: 'in-level',
  previous: 'difference-first',
  analysis: 'score-suffix',
  measureColumns: 'seed7',
  measureScore: 'column',
  measureWording: 'w0',
  measureNumbering: 'numbered',
  measureIndicator: 'first-header',
  measureGrouping: 'per-indicator',
  measureItem: 'code-title',
  measureTitleScore: 'none',
  measureOrientation: 'landscape',
  period: 'full',
  list: 'dot',
  responsible: 'lines',
  valign: 'top',
  rowBreaks: 'avoid',
  headerRepeat: 'repeat',
  pageNumbers: 'none',
  signature: 'none',
  breaks: 'sections',
  font: 'sarabun',
  sectionNumbering: 'none',
  front: 'none',
  runningHeader: 'none',
  notes: 'none',
  tableRules: 'full',
  scoreHeader: 'plain',
  oitItems: 'decimals',
  measureLayout: 'table',
  measureHeader: 'single',
  periodColumns: 'one',
  indicatorLabel: 'numbered',
  codePosition: 'before',
  measureOrder: 'none',
  cellNotes: 'none',
  captions: 'none',
  agency: 'local',
  indicatorResult: 'none',
  scoreMark: 'none',
  pageOrientation: 'mixed',
  headerBreaks: 'none',
  decimalMark: 'point',
  scorePrecision: 'two',
  headingLanguage: 'thai',
  measureRows: 'one',
  appendix: 'none',
  toolLabel: 'name-code',
  cellUnit: 'none',
  lastYearMeasures: 'none',
  indicatorLanguage: 'thai',
  itemVerdict: 'none',
  ranking: 'none',
  riskTable: 'none',
  budgetSummary: 'none',
  analysisColumns: 'one',
  resultsPlacement: 'body',
  glossary: 'none',
}

const t = (name: string, split: Split, description: string, choices: Partial<Choices>, blind = false, set?: string): Template => ({
  name,
  split,
  description,
  choices: { ...base, ...choices },
  ...(blind && { blind }),
  ...(set && { set }),
})

export const TEMPLATES: readonly Template[] = [
  t('train-01-seed', 'train', "our samples' layout: tool score spanning rows, 2-column detail list, 7-column landscape measures", {}),
  t('train-02-issue20', 'train', "issue 20's agency: 3-column detail list, (ได้ N คะแนน) headings, separate tool table, 6-column portrait measures with a title row, rows split across pages", {
    digits: 'arabic', codeCase: 'upper', summary: 'numbered-tool', toolScores: 'table-after', detail: 'three-col', total: 'sum', previous: 'compare-first',
    analysis: 'paren', measureColumns: 'issue6', measureNumbering: 'plain', measureIndicator: 'title-row', measureOrientation: 'portrait', period: 'abbreviated', fiscalYear: 'short',
    rowBreaks: 'split',
  }),
  t('train-03-number-column', 'train', 'indicator number in its own column with a total row, tool table before the summary, numbered analysis headings, page numbers', {
    summary: 'number-column', toolScores: 'table-before', analysis: 'numbered', measureWording: 'w1', period: 'fiscal-year', list: 'paren', font: 'noto-sans-thai', valign: 'middle',
    summaryTotalRow: 'row', pageNumbers: 'bottom',
  }),
  t('train-04-arabic-flow', 'train', 'Arabic digits, no page breaks between sections, overall analysis first, signed, page numbers at the top', {
    digits: 'arabic', breaks: 'flow', overallPosition: 'before-summary', level: 'result-level', previous: 'compare-first', measureColumns: 'five', responsible: 'comma', font: 'taviraj',
    signature: 'signed', pageNumbers: 'top',
  }),
  t('train-05-upper-three-col', 'train', 'upper-case Thai-digit codes in a 3-column detail list, title rows on measures tables', {
    codeCase: 'upper', codeDigits: 'thai', detail: 'three-col', title: 'agency-first', measureIndicator: 'title-row', measureWording: 'w1', period: 'abbreviated', total: 'sum',
  }),
  t('train-06-portrait-measures', 'train', 'cover page, portrait 7-column measures without numbering, short fiscal year, paren headings, signed', {
    fiscalYear: 'short', measureOrientation: 'portrait', measureNumbering: 'plain', analysis: 'paren', summary: 'numbered-tool', toolScores: 'table-before', font: 'ibm-plex-sans-thai',
    cover: 'page', signature: 'signed',
  }),
  t('train-07-issue6-landscape', 'train', '6-column measures in landscape, tool table after a number-column summary with a total row, comma-separated units', {
    digits: 'arabic', summary: 'number-column', toolScores: 'table-after', measureColumns: 'issue6', responsible: 'comma', list: 'paren', valign: 'middle', analysis: 'numbered',
    summaryTotalRow: 'row',
  }),
  t('train-08-agency-first', 'train', 'agency name first, overall before the summary, five measures columns, fiscal-year periods, header rows printed once', {
    title: 'agency-first', overallPosition: 'before-summary', measureColumns: 'five', period: 'fiscal-year', level: 'result-level', detail: 'three-col', font: 'noto-sans-thai',
    headerRepeat: 'once',
  }),
  t('train-09-mixed-wording', 'train', 'cover page, second wording set, upper-case codes, middle-aligned cells, flowing sections, total row, page numbers', {
    codeCase: 'upper', measureWording: 'w1', valign: 'middle', breaks: 'flow', total: 'sum', previous: 'compare-first', analysis: 'paren', font: 'taviraj',
    cover: 'page', pageNumbers: 'bottom', summaryTotalRow: 'row',
  }),
  t('train-10-thai-abbrev', 'train', 'Thai digits and codes, abbreviated periods, title rows, rows split across pages, numbered-tool summary with tool table after', {
    summary: 'numbered-tool', toolScores: 'table-after', measureIndicator: 'title-row', period: 'abbreviated', measureOrientation: 'portrait', list: 'paren', font: 'ibm-plex-sans-thai',
    codeDigits: 'thai', rowBreaks: 'split',
  }),

  t('heldout-01-names-only', 'held-out', 'summary with names only, tool scores in sentences, colon headings', {
    summary: 'names-only', toolScores: 'sentences', analysis: 'colon', digits: 'arabic', total: 'overall', font: 'chakra-petch',
  }),
  t('heldout-02-per-tool', 'held-out', 'detail list split per tool under headings, coded with dots, previous year as a table', {
    detail: 'per-tool', codeDot: 'dot', previous: 'table', summary: 'number-column', toolScores: 'table-before', font: 'k2d',
  }),
  t('heldout-03-single-measures', 'held-out', 'one measures table for all indicators, 8 columns, month periods, bullets', {
    measureGrouping: 'single', measureColumns: 'eight', period: 'months', list: 'bullet', measureIndicator: 'title-row', digits: 'arabic', codeCase: 'upper',
  }),
  t('heldout-04-mixed-digits', 'held-out', 'scores in Arabic and other numbers in Thai, inline analysis, headed measures tables', {
    digits: 'mixed', analysis: 'inline', measureIndicator: 'heading', measureWording: 'w2', level: 'labelled', total: 'result', font: 'pridi',
  }),
  t('heldout-05-single-line-title', 'held-out', 'title in one line, fiscal year only in the overall sentence, analysis as a table, reordered measures columns', {
    title: 'single-line', fiscalYear: 'sentence-only', analysis: 'table', measureColumns: 'reordered', responsible: 'slash', previous: 'from-year', summary: 'numbered-tool', toolScores: 'table-after',
  }),
  t('heldout-06-title-only-items', 'held-out', 'measures rows naming items without codes, three-column detail with dotted codes, portrait', {
    measureItem: 'title-only', codeDot: 'dot', detail: 'three-col', measureOrientation: 'portrait', measureColumns: 'issue6', measureIndicator: 'heading', digits: 'arabic', total: 'overall', font: 'k2d',
  }),
  // Added after the first six, before any extractor change was measured against them.
  t('heldout-07-scored-titles', 'held-out', 'measures title rows printing the indicator score, inline analysis, rows split across pages, Thai-digit codes', {
    measureTitleScore: 'printed', measureIndicator: 'title-row', analysis: 'inline', previous: 'from-year', codeDigits: 'thai', rowBreaks: 'split', font: 'chakra-petch', summary: 'number-column', toolScores: 'table-after',
  }),
  t('heldout-08-per-tool-eight', 'held-out', 'per-tool detail lists, 8 measures columns with the scored indicator in the first header, mixed digits, headers printed once', {
    detail: 'per-tool', measureColumns: 'eight', measureTitleScore: 'printed', digits: 'mixed', total: 'result', headerRepeat: 'once', breaks: 'flow', measureOrientation: 'portrait', list: 'paren',
  }),
  // Added once heldout-01..08 had been seen while tuning (their wrong values were listed by the
  // bench then): new option values, written before any extractor change was measured against
  // them, and blind until their first figures were taken (63.7% transcript / 65.0% PDF); they
  // were tuned on after that, so they are ordinary held-out templates now.
  t('heldout-09-tool-groups', 'held-out', 'tool rows with their scores inside the summary, "มีคะแนนเท่ากับ" headings, d/m/yyyy periods, Niramit', {
    toolScores: 'group-rows', analysis: 'equals', period: 'slash-dates', font: 'niramit', summary: 'numbered-tool', detail: 'three-col', digits: 'arabic', measureColumns: 'issue6', measureIndicator: 'title-row',
  }),
  t('heldout-10-indicator-column', 'held-out', 'one measures table with an indicator column spanning its rows, detail list with the indicator spanning its items, numbered units', {
    measureIndicator: 'first-column', measureGrouping: 'single', detail: 'indicator-span', responsible: 'numbered-lines', total: 'mean-of-tools', font: 'trirong', rowBreaks: 'split',
  }),
  t('heldout-11-signed-previous', 'held-out', 'signed difference from last year, indicator column per table, d/m/yyyy periods, cover page and signature', {
    previous: 'signed', period: 'slash-dates', analysis: 'equals', measureIndicator: 'first-column', codeCase: 'upper', list: 'paren', cover: 'page', signature: 'signed', pageNumbers: 'bottom', valign: 'middle',
  }),

  // v3: written without looking at the extractor, with new dimensions (section numbering, front
  // matter, rulings, grouped headers, start/end periods, paragraph measures ...). Measured once
  // untouched, then developed against.
  t('heldout-v3-01-part-transposed', 'held-out', 'ส่วนที่ sections, summary transposed (indicators as columns under their tools), horizontal rules only, percent total, quoted level, Kanit', {
    sectionNumbering: 'part', summary: 'transposed', tableRules: 'horizontal', total: 'percent', level: 'quoted', digits: 'arabic', font: 'kanit',
    detail: 'three-col', measureColumns: 'issue6', measureIndicator: 'title-row', measureOrientation: 'portrait', measureNumbering: 'plain',
  }, false, 'v3'),
  t('heldout-v3-02-paragraph-measures', 'held-out', 'measures as numbered paragraphs, responsible positions, detail items numbered without codes, ๑.๑ clause headings, notes, Athiti', {
    measureLayout: 'paragraphs', responsible: 'positions', detail: 'numbered-titles', analysis: 'clause', sectionNumbering: 'clause', notes: 'footnote', font: 'athiti',
    list: 'paren', summary: 'numbered-tool', toolScores: 'table-after',
  }, false, 'v3'),
  t('heldout-v3-03-grouped-dates', 'held-out', 'two-row measures header (การดำเนินการ over its columns) with start and end dates, full-marks score headers, OIT items as 100/0, running header, Thai digits in prose only', {
    measureHeader: 'grouped', periodColumns: 'start-end', scoreHeader: 'full-marks', oitItems: 'integer', previous: 'last-year-first', runningHeader: 'agency', digits: 'prose-thai',
    font: 'bai-jamjuree', rowBreaks: 'split', period: 'abbreviated',
  }, false, 'v3'),
  t('heldout-v3-04-contents-borderless', 'held-out', 'preface and table of contents, tables without rulings, 8 measures columns with start and end dates, tool table after a number-column summary', {
    front: 'contents', tableRules: 'none', measureColumns: 'eight', periodColumns: 'start-end', summary: 'number-column', toolScores: 'table-after', analysis: 'colon', font: 'anuphan',
    summaryTotalRow: 'row', pageNumbers: 'bottom', measureNumbering: 'plain',
  }, false, 'v3'),
  t('heldout-v3-05-memo', 'held-out', 'a memo (บันทึกข้อความ) before the title, per-tool detail lists, grouped five-column measures under headings, positions as responsible, notes, signed', {
    front: 'memo', detail: 'per-tool', measureHeader: 'grouped', measureColumns: 'five', measureIndicator: 'heading', responsible: 'positions', notes: 'footnote', total: 'percent', level: 'labelled',
    codeCase: 'upper', signature: 'signed', font: 'chakra-petch', measureOrientation: 'portrait',
  }, false, 'v3'),

  // v4: blind (never listed value by value), written with v3 and never looked at since; some of
  // their values (OIT items as มี/ไม่มี, two more fonts) are in no other template.
  t('blind-v4-01-transposed-yes-no', 'held-out', 'transposed summary with the tool table before it, detail items numbered without codes, OIT items as มี/ไม่มี, no rulings, Mitr', {
    summary: 'transposed', toolScores: 'table-before', detail: 'numbered-titles', oitItems: 'yes-no', tableRules: 'none', font: 'mitr',
  }, false, 'v4'),
  t('blind-v4-02-memo-paragraphs', 'held-out', 'memo first, measures as paragraphs with 8 parts, percent analysis headings, last year first, numbered units, month periods', {
    front: 'memo', measureLayout: 'paragraphs', measureColumns: 'eight', analysis: 'percent', previous: 'last-year-first', responsible: 'numbered-lines', period: 'months',
    digits: 'arabic', font: 'noto-sans-thai-looped',
  }, false, 'v4'),
  t('blind-v4-03-clause-grouped', 'held-out', '๑. / ๑.๑ sections and analysis sub-headings, grouped measures header, running header, notes, detail with the indicator spanning its items, horizontal rules', {
    sectionNumbering: 'clause', analysis: 'clause', measureHeader: 'grouped', runningHeader: 'agency', notes: 'footnote', digits: 'prose-thai', detail: 'indicator-span',
    tableRules: 'horizontal', measureColumns: 'reordered', font: 'kanit', valign: 'middle',
  }, false, 'v4'),
  t('blind-v4-04-contents-start-end', 'held-out', 'preface and contents, one measures table with title rows and start/end dates, percent total, quoted level, full-marks headers, OIT 100/0', {
    front: 'contents', periodColumns: 'start-end', measureGrouping: 'single', measureIndicator: 'title-row', total: 'percent', level: 'quoted', scoreHeader: 'full-marks', oitItems: 'integer',
    period: 'slash-dates', detail: 'three-col', codeCase: 'upper', font: 'athiti', headerRepeat: 'once',
  }, false, 'v4'),
  t('blind-v4-05-part-positions', 'held-out', 'ส่วนที่ sections, names-only summary with tool sentences, per-tool detail, indicator column in the measures, positions as responsible', {
    sectionNumbering: 'part', summary: 'names-only', toolScores: 'sentences', detail: 'per-tool', measureIndicator: 'first-column', responsible: 'positions', level: 'labelled',
    previous: 'from-year', tableRules: 'horizontal', measureColumns: 'issue6', font: 'bai-jamjuree', oitItems: 'yes-no', measureOrientation: 'portrait',
  }, false, 'v4'),

  // v5: blind until its first figures (67.4% of fields from the transcript, 66.4% from the Chromium
  // PDF, 103 and 108 wrong), now open for development; written by someone who had not read the
  // structure stage, from what real reports
  // print; each uses values (options.ts) in no other template: last year's scores in the summary,
  // indicators by name alone, a full-marks column, codes after their titles, measures per tool with
  // a ลำดับ column, notes and bottom alignment in cells, table captions, quarter periods, three
  // signers, หน้า ๒ จาก ๙ page numbers, ร้อยละ headers, and four of the national Thai fonts.
  t('blind-v5-01-memo-previous', 'held-out', 'memo first, summary with last year beside this year and the change, ลำดับ column and indicator cell in the measures, quarter periods, three signers, Prompt', {
    front: 'memo', summary: 'with-previous', toolScores: 'table-after', summaryTotalRow: 'row', measureOrder: 'column', measureIndicator: 'first-column', period: 'quarters',
    signature: 'three-signers', scoreHeader: 'percent', captions: 'numbered', font: 'prompt', measureColumns: 'issue6', measureNumbering: 'plain', list: 'paren',
  }, false, 'v5'),
  t('blind-v5-02-names-full-marks', 'held-out', 'indicators by name alone, detail with a full-marks column, codes after titles, measures per tool with title rows, หน้า ๒ จาก ๙, Kodchasan', {
    indicatorLabel: 'name-only', detail: 'full-marks-column', codePosition: 'after', measureGrouping: 'per-tool', measureIndicator: 'title-row', pageNumbers: 'page-of', digits: 'arabic',
    oitItems: 'integer', previous: 'signed', analysis: 'paren', font: 'kodchasan', summary: 'number-column', toolScores: 'table-before', measureWording: 'w1',
  }, false, 'v5'),
  t('blind-v5-03-bottom-notes', 'held-out', 'cells aligned to the bottom, as-of notes in cells, names-only summary with tool sentences, 8 measures columns in portrait, quarter periods, running header, Mali', {
    valign: 'bottom', cellNotes: 'as-of', summary: 'names-only', toolScores: 'sentences', measureColumns: 'eight', period: 'quarters', runningHeader: 'agency', rowBreaks: 'split',
    measureOrientation: 'portrait', responsible: 'positions', font: 'mali', codeCase: 'upper', total: 'overall', level: 'result-level',
  }, false, 'v5'),
  t('blind-v5-04-clause-per-tool', 'held-out', '๑. / ๑.๑ sections, captions, per-tool detail, measures per tool with a ลำดับ column and an indicator cell, codes after titles, Charm', {
    sectionNumbering: 'clause', analysis: 'clause', captions: 'numbered', detail: 'per-tool', measureGrouping: 'per-tool', measureOrder: 'column', measureIndicator: 'first-column',
    codePosition: 'after', font: 'charm', digits: 'thai', codeDigits: 'thai', measureColumns: 'reordered', responsible: 'numbered-lines', signature: 'signed',
  }, false, 'v5'),
  t('blind-v5-05-grouped-quarters', 'held-out', 'ร้อยละ headers, full-marks detail column, grouped header over start and end quarters, horizontal rules, three signers, หน้า ๒ จาก ๙, Niramit', {
    scoreHeader: 'percent', detail: 'full-marks-column', periodColumns: 'start-end', period: 'quarters', measureHeader: 'grouped', tableRules: 'horizontal', signature: 'three-signers',
    pageNumbers: 'page-of', total: 'percent', level: 'labelled', font: 'niramit', summary: 'numbered-tool', toolScores: 'group-rows', measureIndicator: 'heading',
  }, false, 'v5'),
  t('blind-v5-06-contents-names', 'held-out', 'contents, captions, last year beside this year, indicators by name alone, bottom-aligned cells, as-of notes, measures under named headings with a ลำดับ column, Pridi', {
    front: 'contents', captions: 'numbered', summary: 'with-previous', toolScores: 'sentences', indicatorLabel: 'name-only', valign: 'bottom', cellNotes: 'as-of', measureIndicator: 'heading',
    measureOrder: 'column', font: 'pridi', previous: 'last-year-first', analysis: 'equals', measureColumns: 'five', digits: 'mixed', period: 'abbreviated',
  }, false, 'v5'),

  // v6: a development set written without reading the extractor, after v5 became the blind set.
  // New values (options.ts: Thai digits in tables only, hyphenated and bracketed codes, tool rows
  // after their indicators, a detail table per tool under its score, the measures score in the item
  // cell, nine measures columns with target and budget, units with phone numbers, month spans, dash
  // lists, labelled last year, ได้รับ totals, score lines under analysis headings) beside held-out
  // values of earlier sets, and none of the values only v5 uses, so v5 stays an independent measure.
  t('heldout-v6-01-tool-tables-nine', 'held-out', 'a detail table per tool under a line with its score, hyphenated codes (i-1), nine landscape measures columns with target and budget, units with phone numbers, Trirong', {
    detail: 'tool-tables', codeForm: 'hyphen', measureColumns: 'nine', total: 'received', responsible: 'phones', summary: 'number-column', toolScores: 'table-after',
    analysis: 'colon', period: 'slash-dates', font: 'trirong',
  }, false, 'v6'),
  t('heldout-v6-02-table-thai-after-rows', 'held-out', 'memo first, Thai digits in tables and Arabic in prose, tool rows after their indicators, bracketed codes, score lines under analysis headings, month spans, dash lists, K2D', {
    front: 'memo', digits: 'table-thai', toolScores: 'after-rows', codeForm: 'bracket', analysis: 'score-line', period: 'month-span', list: 'dash', detail: 'three-col',
    measureIndicator: 'title-row', measureColumns: 'issue6', measureOrientation: 'portrait', measureNumbering: 'plain', rowBreaks: 'split', font: 'k2d',
  }, false, 'v6'),
  t('heldout-v6-03-score-in-item', 'held-out', 'measures without a score column (the score in the item cell), last year in labelled parts, tool rows after their indicators with a total row, upper-case hyphenated codes, Anuphan', {
    measureScore: 'in-item', previous: 'label-colon', toolScores: 'after-rows', summary: 'number-column', summaryTotalRow: 'row', codeCase: 'upper', codeForm: 'hyphen', list: 'dash',
    responsible: 'slash', measureIndicator: 'heading', period: 'months', digits: 'arabic', font: 'anuphan',
  }, false, 'v6'),
  t('heldout-v6-04-part-phones', 'held-out', 'ส่วนที่ sections, names-only summary with tool sentences, a detail table per tool, ได้รับ total, score lines, units with phone numbers, month spans, Thai digits, Mitr', {
    sectionNumbering: 'part', summary: 'names-only', toolScores: 'sentences', detail: 'tool-tables', total: 'received', level: 'quoted', analysis: 'score-line', responsible: 'phones',
    period: 'month-span', codeDigits: 'thai', measureColumns: 'five', signature: 'signed', pageNumbers: 'bottom', font: 'mitr',
  }, false, 'v6'),
  t('heldout-v6-05-bracket-nine', 'held-out', 'one nine-column measures table with the score in the item cell, bracketed codes, Thai digits in tables only, labelled last year, analysis table, running header, horizontal rules, Noto Sans Thai Looped', {
    codeForm: 'bracket', measureColumns: 'nine', measureScore: 'in-item', digits: 'table-thai', previous: 'label-colon', analysis: 'table', runningHeader: 'agency', tableRules: 'horizontal',
    detail: 'indicator-span', measureGrouping: 'single', measureIndicator: 'title-row', list: 'paren', total: 'overall', font: 'noto-sans-thai-looped',
  }, false, 'v6'),
  t('heldout-v6-06-contents-dash', 'held-out', 'contents, numbered-tool summary with tool rows after their indicators, score lines, 8 measures columns with start and end months, dash lists, labelled last year, Bai Jamjuree', {
    front: 'contents', summary: 'numbered-tool', toolScores: 'after-rows', analysis: 'score-line', measureColumns: 'eight', periodColumns: 'start-end', period: 'month-span', list: 'dash',
    previous: 'label-colon', digits: 'mixed', codeForm: 'hyphen', pageNumbers: 'bottom', font: 'bai-jamjuree',
  }, false, 'v6'),

  // v7: blind until its first figures (84.7% of fields from the transcript, 84.9% from the Chromium
  // PDF, 42 and 41 wrong, 0 of 6 findings equal), now open for development; written without reading
  // the extractor, from what other
  // kinds of agency print: a กรม, a university faculty, a state enterprise, a province office, with
  // their own units, measures, prose and quarter-aligned periods (spec.ts v7Content), and new values
  // (options.ts): summaries ranked by score or split in two, a per-indicator result column, marked
  // scores, a detail list of only the items below the pass mark, weighted totals, three years of
  // totals, "จากคะแนนเต็ม" headings, KPI and funding columns, lead and supporting units, year-once and
  // ตั้งแต่ ... ถึง periods, whole-document landscape, header words broken mid-word, and Sriracha.
  t('blind-v7-01-department-ranked', 'held-out', 'a กรม: summary in score order with a ผ่าน/ไม่ผ่าน column, tool table after, only the items below 85, weighted total, KPI and funding columns, header words broken over two lines, ม.ค. - มี.ค. ๒๕๖๙ periods, Sriracha', {
    agency: 'department', summary: 'ranked', indicatorResult: 'pass-fail', toolScores: 'table-after', detail: 'below-threshold', total: 'weighted', measureColumns: 'kpi-funding',
    headerBreaks: 'odd', period: 'year-once', digits: 'arabic', list: 'paren', measureIndicator: 'title-row', codeCase: 'upper', font: 'sriracha',
  }, false, 'v7'),
  t('blind-v7-02-faculty-landscape', 'held-out', 'a university faculty, every page landscape: summary in two tables with asterisks below 85, tool sentences, three years of totals, จากคะแนนเต็ม headings, lead and supporting units, ตั้งแต่ ... ถึง periods, horizontal rules, Charm', {
    agency: 'faculty', pageOrientation: 'landscape', summary: 'split', scoreMark: 'asterisk', toolScores: 'sentences', previous: 'three-years', analysis: 'out-of-full', responsible: 'lead-support',
    period: 'from-until', measureIndicator: 'heading', tableRules: 'horizontal', level: 'quoted', font: 'charm',
  }, false, 'v7'),
  t('blind-v7-03-enterprise-grades', 'held-out', 'a state enterprise: grade column and /100 scores in the summary, only the items below 85, weighted total, three years of totals, KPI and funding columns, lead and supporting units, score lines, dash lists, Kodchasan', {
    agency: 'state-enterprise', summary: 'number-column', indicatorResult: 'grade', scoreMark: 'out-of-100', toolScores: 'table-before', detail: 'below-threshold', total: 'weighted',
    previous: 'three-years', measureColumns: 'kpi-funding', responsible: 'lead-support', analysis: 'score-line', list: 'dash', measureOrientation: 'portrait', font: 'kodchasan',
  }, false, 'v7'),
  t('blind-v7-04-province-split', 'held-out', 'a province office, memo first: summary in two tables with a ผ่าน/ไม่ผ่าน column, tool sentences, จากคะแนนเต็ม headings, one measures table with an indicator column, header words broken over two lines, ม.ค. - มี.ค. ๒๕๖๙ periods, Mali', {
    agency: 'province-office', front: 'memo', summary: 'split', indicatorResult: 'pass-fail', toolScores: 'sentences', analysis: 'out-of-full', headerBreaks: 'odd', period: 'year-once',
    measureGrouping: 'single', measureIndicator: 'first-column', total: 'overall', font: 'mali',
  }, false, 'v7'),
  t('blind-v7-05-faculty-ranked-landscape', 'held-out', 'a university faculty, every page landscape: summary in score order with grades and asterisks, a detail table per tool, bracketed codes, ได้รับ total, lead and supporting units, ตั้งแต่ ... ถึง periods, Prompt', {
    agency: 'faculty', pageOrientation: 'landscape', summary: 'ranked', indicatorResult: 'grade', scoreMark: 'asterisk', toolScores: 'table-before', responsible: 'lead-support', period: 'from-until',
    detail: 'tool-tables', codeForm: 'bracket', total: 'received', digits: 'arabic', signature: 'signed', font: 'prompt',
  }, false, 'v7'),
  t('blind-v7-06-department-three-years', 'held-out', 'a กรม: ส่วนที่ sections, only the items below 85, weighted total, three years of totals, KPI and funding columns under a grouped header with start and end months, header words broken over two lines, Thai digits, Athiti', {
    agency: 'department', sectionNumbering: 'part', detail: 'below-threshold', total: 'weighted', previous: 'three-years', measureColumns: 'kpi-funding', headerBreaks: 'odd', period: 'year-once',
    periodColumns: 'start-end', measureHeader: 'grouped', summary: 'names-only', toolScores: 'table-after', codeDigits: 'thai', pageNumbers: 'bottom', font: 'athiti',
  }, false, 'v7'),

  // v8: blind until its first figures (89.0% of fields from the transcript, 86.6% from the Chromium
  // PDF, 1 and 5 wrong, 2 of 6 findings equal), now open for development; written without reading
  // the extractor, from what a
  // school, a police station and a provincial administration (อบจ.) print (spec.ts v8Content), with
  // new values (options.ts): a chart's data table for the summary, tools across in a table of their
  // own, detail lists with each indicator's score after its items, "= 89.41" totals, arrows for the
  // change from last year, dot leaders before analysis scores, measures numbered 1.1 / 1.2 under
  // their indicator, comma decimals, one decimal in prose, English beside Thai headings, a row per
  // action with the measure's other cells spanning them, and an appendix restating the scores.
  t('blind-v8-01-school-bilingual', 'held-out', 'a school: English beside Thai headings and header words, tools across under the summary, dot leaders before analysis scores, ▲/▼ change, a row per action, measures under headings, bullets, Anuphan', {
    agency: 'school', headingLanguage: 'bilingual', toolScores: 'across', analysis: 'leader', previous: 'arrow', measureRows: 'per-action',
    measureIndicator: 'heading', list: 'bullet', digits: 'arabic', measureColumns: 'issue6', font: 'anuphan',
  }, false, 'v8'),
  t('blind-v8-02-police-comma', 'held-out', 'a police station: comma decimals, the summary as a chart\'s data table, indicator scores after their items, "= N" total, measures numbered 1.1 / 1.2, d/m/yyyy periods, numbered units, Kanit', {
    agency: 'police-station', decimalMark: 'comma', summary: 'chart-table', toolScores: 'table-after', detail: 'subtotal-after', total: 'equals', measureOrder: 'clause',
    period: 'slash-dates', responsible: 'numbered-lines', measureColumns: 'issue6', measureIndicator: 'title-row', digits: 'arabic', font: 'kanit',
  }, false, 'v8'),
  t('blind-v8-03-pao-rounded', 'held-out', 'an อบจ., memo first: one decimal in prose, ▲/▼ change, indicator scores after their items, a row per action, an appendix restating the scores, ๑. / ๑.๑ sections, Mitr', {
    agency: 'pao', scorePrecision: 'prose-one', appendix: 'scores', previous: 'arrow', detail: 'subtotal-after', measureRows: 'per-action',
    front: 'memo', sectionNumbering: 'clause', analysis: 'clause', signature: 'signed', font: 'mitr',
  }, false, 'v8'),
  t('blind-v8-04-school-chart', 'held-out', 'a school: the summary as a chart\'s data table, tools across, comma decimals, one measures table numbered 1.1 / 1.2 under title rows, an appendix, horizontal rules, Niramit', {
    agency: 'school', summary: 'chart-table', toolScores: 'across', decimalMark: 'comma', appendix: 'scores', measureOrder: 'clause',
    measureGrouping: 'single', measureIndicator: 'title-row', tableRules: 'horizontal', digits: 'arabic', signature: 'signed', font: 'niramit',
  }, false, 'v8'),
  t('blind-v8-05-police-leaders', 'held-out', 'a police station: dot leaders before one-decimal analysis scores, "= N" total, English beside Thai, a row per action, names-only summary with the tool table first, running header, month periods, Trirong', {
    agency: 'police-station', analysis: 'leader', total: 'equals', scorePrecision: 'prose-one', headingLanguage: 'bilingual', measureRows: 'per-action',
    summary: 'names-only', toolScores: 'table-before', runningHeader: 'agency', period: 'months', measureOrientation: 'portrait', measureColumns: 'five', font: 'trirong',
  }, false, 'v8'),
  t('blind-v8-06-pao-arrows', 'held-out', 'an อบจ.: ▲/▼ change, indicator scores after their items, English beside Thai, measures numbered 1.1 / 1.2, comma decimals, hyphenated codes, 8 measures columns, mixed digits, Noto Sans Thai Looped', {
    agency: 'pao', previous: 'arrow', detail: 'subtotal-after', headingLanguage: 'bilingual', measureOrder: 'clause', decimalMark: 'comma',
    digits: 'mixed', codeForm: 'hyphen', measureColumns: 'eight', summary: 'number-column', toolScores: 'table-after', font: 'noto-sans-thai-looped',
  }, false, 'v8'),

  // v9: blind until its first figures (90.7% of fields from the transcript, 79.3% from the Chromium
  // PDF, 28 and 23 wrong, 2 and 0 of 6 findings equal), now open for development; written without
  // reading the extractor, from what a
  // provincial court, a university hospital, a waterworks branch and a กรม's provincial office print
  // (spec.ts v9Content), with new values (options.ts): a summary of numbered sentences, a tool table
  // with weights and weighted scores, Gantt-chart periods, tables whose rows alternate Thai and
  // Arabic digits, IIT-03 codes, % on summary scores, "อยู่ที่" totals, the pass mark beside the
  // level, the change from last year as a percentage too, scores opening the analysis prose, an
  // evidence column, measures continued in a second table after prose, and บทที่ chapters.
  t('blind-v9-01-court-gantt', 'held-out', 'a provincial court: บทที่ chapters, the summary as numbered sentences, a weighted tool table, "อยู่ที่" total beside the pass mark, Gantt-chart periods under 6 measures columns, Sriracha', {
    agency: 'court', sectionNumbering: 'chapter', summary: 'sentence-list', toolScores: 'weighted', total: 'stands-at', level: 'criterion', period: 'gantt',
    measureColumns: 'issue6', measureIndicator: 'title-row', digits: 'arabic', analysis: 'colon', font: 'sriracha',
  }, false, 'v9'),
  t('blind-v9-02-hospital-weighted', 'held-out', 'a university hospital: % on summary scores, a weighted tool table, IIT-03 codes, the change as a percentage too, scores opening the analysis prose, an evidence column, measures per tool, running header, Charm', {
    agency: 'university-hospital', summary: 'number-column', scoreMark: 'percent-sign', toolScores: 'weighted', codeForm: 'tool-prefix', detail: 'three-col', previous: 'with-percent',
    analysis: 'score-sentence', measureColumns: 'evidence', measureGrouping: 'per-tool', measureIndicator: 'title-row', runningHeader: 'agency', period: 'month-span', font: 'charm',
  }, false, 'v9'),
  t('blind-v9-03-branch-row-mixed', 'held-out', 'a waterworks branch: preface and contents, table rows alternating Thai and Arabic digits, scores opening the analysis prose, Gantt-chart periods with an evidence column, "อยู่ที่" total beside the pass mark, numbered captions, Kodchasan', {
    agency: 'enterprise-branch', front: 'contents', digits: 'row-mixed', analysis: 'score-sentence', period: 'gantt', measureColumns: 'evidence', measureIndicator: 'title-row',
    total: 'stands-at', level: 'criterion', captions: 'numbered', font: 'kodchasan',
  }, false, 'v9'),
  t('blind-v9-04-province-chapter', 'held-out', 'a กรม\'s provincial office, memo first: บทที่ chapters, the summary as numbered sentences with the tool table after, IIT-03 codes, measures continued after prose, the change as a percentage too, dash lists, portrait measures, Mali', {
    agency: 'department-province', front: 'memo', sectionNumbering: 'chapter', summary: 'sentence-list', toolScores: 'table-after', codeForm: 'tool-prefix', measureGrouping: 'continued',
    previous: 'with-percent', list: 'dash', measureOrientation: 'portrait', measureColumns: 'five', measureNumbering: 'plain', signature: 'signed', font: 'mali',
  }, false, 'v9'),
  t('blind-v9-05-court-continued', 'held-out', 'a provincial court: table rows alternating Thai and Arabic digits, % on summary scores, names-only summary with a weighted tool table, IIT-03 codes, measures continued after prose, quarter periods, three signers, Pridi', {
    agency: 'court', digits: 'row-mixed', scoreMark: 'percent-sign', summary: 'names-only', toolScores: 'weighted', codeForm: 'tool-prefix', measureGrouping: 'continued',
    total: 'stands-at', period: 'quarters', signature: 'three-signers', measureColumns: 'seed7', font: 'pridi',
  }, false, 'v9'),
  t('blind-v9-06-hospital-gantt', 'held-out', 'a university hospital: บทที่ chapters, the tool table first, Gantt-chart periods under 8 measures columns, scores opening the analysis prose, the change as a percentage too, the pass mark beside the level, หน้า N จาก M, Prompt', {
    agency: 'university-hospital', sectionNumbering: 'chapter', summary: 'numbered-tool', toolScores: 'table-before', period: 'gantt', measureColumns: 'eight', analysis: 'score-sentence',
    previous: 'with-percent', level: 'criterion', pageNumbers: 'page-of', digits: 'arabic', codeCase: 'upper', font: 'prompt',
  }, false, 'v9'),
  // v10: blind until its first figures (69.1% of fields from the transcript and the Chromium PDF, 17
  // wrong, 1 of 6 findings equal), now open for development; written without reading the extractor, from what a
  // sub-district health promoting hospital, a Rajabhat university and a public organisation print
  // (spec.ts v10Content), with new values (options.ts): a letter sending the report, a summary of only
  // the indicators below the pass mark, a detail list numbered on across the tools' tables, tools named
  // in Thai alone, ตช. 1 indicators, score cells with their unit, a total out of the full marks, last
  // year in a footnote, the overall result as the closing section, a budget column with its source,
  // responsible persons by name and position, and 1 ต.ค. 2568 – 30 ก.ย. 2569 periods.
  t('blind-v10-01-health-letter', 'held-out', 'a sub-district health promoting hospital: a letter to the governor first, only the indicators below the pass mark in the summary, the tool table after, ตช. 1 indicators, score cells with their unit, 1 ต.ค. 2568 – 30 ก.ย. 2569 periods, Taviraj', {
    agency: 'health-promoting', front: 'letter', summary: 'below-pass', toolScores: 'table-after', indicatorLabel: 'abbreviated', period: 'abbrev-full-year', cellUnit: 'points',
    level: 'quoted', measureColumns: 'issue6', measureIndicator: 'title-row', font: 'taviraj',
  }, false, 'v10'),
  t('blind-v10-02-rajabhat-running', 'held-out', 'a Rajabhat university: the tool table first with tools named in Thai alone, a detail table per tool numbered on across them, a total out of the full marks, a budget column with its source, responsible persons by name, dash lists, IBM Plex Sans Thai', {
    agency: 'rajabhat', detail: 'running-numbers', toolLabel: 'thai-only', toolScores: 'table-before', summary: 'number-column', total: 'out-of-full', responsible: 'named-persons',
    measureColumns: 'budget-source', list: 'dash', digits: 'arabic', font: 'ibm-plex-sans-thai',
  }, false, 'v10'),
  t('blind-v10-03-public-org-conclusion', 'held-out', 'a public organisation: the overall result as the closing section, last year only in a footnote, score cells with their unit, 1 ต.ค. 2568 – 30 ก.ย. 2569 periods, measures under headings, hyphenated codes, Noto Sans Thai', {
    agency: 'public-organisation', overallPosition: 'conclusion', previous: 'footnote', cellUnit: 'points', period: 'abbrev-full-year', summary: 'number-column', toolScores: 'table-after',
    measureIndicator: 'heading', codeForm: 'hyphen', signature: 'signed', font: 'noto-sans-thai',
  }, false, 'v10'),
  t('blind-v10-04-local-abbreviated', 'held-out', 'a local administration: ตช. 1 indicators, a detail table per tool numbered on across them, a budget column with its source, responsible persons by name, last year only in a footnote, score lines under analysis headings, หน้า N จาก M, Sriracha', {
    indicatorLabel: 'abbreviated', detail: 'running-numbers', measureColumns: 'budget-source', responsible: 'named-persons', previous: 'footnote', analysis: 'score-line', pageNumbers: 'page-of',
    measureOrientation: 'portrait', font: 'sriracha',
  }, false, 'v10'),
  t('blind-v10-05-public-org-letter', 'held-out', 'a public organisation: a letter to the NACC first, tools named in Thai alone in sentences, a names-only summary, a total out of the full marks, the overall result as the closing section, 1 ต.ค. 2568 – 30 ก.ย. 2569 periods, one measures table, Anuphan', {
    agency: 'public-organisation', front: 'letter', toolLabel: 'thai-only', toolScores: 'sentences', summary: 'names-only', total: 'out-of-full', overallPosition: 'conclusion',
    period: 'abbrev-full-year', digits: 'arabic', measureGrouping: 'single', measureIndicator: 'title-row', font: 'anuphan',
  }, false, 'v10'),
  t('blind-v10-06-rajabhat-below-pass', 'held-out', 'a Rajabhat university: only the indicators below the pass mark in the summary, tools named in Thai alone, score cells with their unit, responsible persons by name, last year only in a footnote, numbered captions, 8 measures columns, Athiti', {
    agency: 'rajabhat', summary: 'below-pass', toolScores: 'table-after', toolLabel: 'thai-only', cellUnit: 'points', responsible: 'named-persons', previous: 'footnote',
    captions: 'numbered', measureColumns: 'eight', font: 'athiti',
  }, false, 'v10'),
  // v11: blind until its first figures (82.8% of fields from the transcript, 82.2% from the Chromium PDF,
  // 17 and 18 wrong, 0 of 6 findings equal, unchanged by v10's fixes), now open for development; written
  // without reading the extractor, from what a police
  // training centre, a national museum, a land office branch and a hospital under กรมการแพทย์ print
  // (spec.ts v11Content: working groups among the responsible), with new values (options.ts): a summary
  // outlined by tool with the indicators nested under each tool's score, a detail list with last year's
  // scores beside this year's, last year and this year in one sentence (ตามลำดับ), the analysis as a
  // table of strengths, points to develop and ways forward, a progress column, a remarks column,
  // deadlines instead of periods, and a form per measure.
  t('blind-v11-01-police-outline', 'held-out', 'a police training centre: the summary outlined by tool, last year\'s item scores beside this year\'s, both years\' totals in one sentence, a progress column, deadlines, three signers, portrait measures, K2D', {
    agency: 'police-training', summary: 'tool-outline', detail: 'with-previous-year', previous: 'respectively', measureColumns: 'progress', period: 'deadline',
    signature: 'three-signers', measureOrientation: 'portrait', measureIndicator: 'title-row', digits: 'arabic', font: 'k2d',
  }, false, 'v11'),
  t('blind-v11-02-museum-forms', 'held-out', 'a national museum: a memo first, strengths and points to develop in a table, a form per measure with a remarks row, deadlines, the tool table after, Bai Jamjuree', {
    agency: 'national-museum', front: 'memo', analysis: 'strengths-table', measureLayout: 'form', measureColumns: 'remarks', period: 'deadline',
    toolScores: 'table-after', summary: 'number-column', measureOrientation: 'portrait', font: 'bai-jamjuree',
  }, false, 'v11'),
  t('blind-v11-03-land-progress', 'held-out', 'a land office branch: the summary outlined by tool, last year\'s item scores beside this year\'s, both years\' totals in one sentence, a progress column, ตช. indicators, bullet lists, หน้า N จาก M, Chakra Petch', {
    agency: 'land-office', summary: 'tool-outline', detail: 'with-previous-year', previous: 'respectively', measureColumns: 'progress',
    indicatorLabel: 'abbreviated', list: 'bullet', pageNumbers: 'page-of', measureWording: 'w1', font: 'chakra-petch',
  }, false, 'v11'),
  t('blind-v11-04-hospital-forms', 'held-out', 'a hospital under กรมการแพทย์: strengths and points to develop in a table, a form per measure, deadlines, both years\' totals in one sentence, a total out of the full marks, mixed digits, Kodchasan', {
    agency: 'dms-hospital', analysis: 'strengths-table', measureLayout: 'form', period: 'deadline', previous: 'respectively', total: 'out-of-full',
    digits: 'mixed', toolScores: 'table-before', summary: 'numbered-tool', measureOrientation: 'portrait', font: 'kodchasan',
  }, false, 'v11'),
  t('blind-v11-05-local-remarks', 'held-out', 'a local administration: the summary outlined by tool, last year\'s item scores beside this year\'s, strengths and points to develop in a table, a remarks column, parts numbered ส่วนที่, bracketed codes, Mitr', {
    summary: 'tool-outline', detail: 'with-previous-year', analysis: 'strengths-table', measureColumns: 'remarks',
    sectionNumbering: 'part', codeForm: 'bracket', measureIndicator: 'title-row', font: 'mitr',
  }, false, 'v11'),
  t('blind-v11-06-museum-deadlines', 'held-out', 'a national museum: last year\'s item scores beside this year\'s, a progress column, deadlines, both years\' totals in one sentence, the agency atop every page, horizontal rules only, Niramit', {
    agency: 'national-museum', detail: 'with-previous-year', measureColumns: 'progress', period: 'deadline', previous: 'respectively',
    runningHeader: 'agency', tableRules: 'horizontal', toolScores: 'table-after', summary: 'number-column', digits: 'arabic', font: 'niramit',
  }, false, 'v11'),
  // v12: blind until its first figures (69.1% of fields from the transcript, 69.6% from the Chromium PDF,
  // 16 and 18 wrong, 2 of 6 findings equal, unchanged by v11's fixes), now open for development; written
  // without reading the extractor, from what a PEA
  // branch office, a national park, a Thai embassy's consular section, a technical college and a
  // district office print (spec.ts v12Content), with new values (options.ts): the indicators across
  // by number with a legend of their names, a target column beside the score, only the items below
  // full marks in the detail list, an executive summary page first, the emblem's words atop every
  // page, every score to three decimals, and the short Thai tool names (แบบวัด IIT).
  t('blind-v12-01-pea-across', 'held-out', 'a PEA branch office: the indicators across by number with a legend, only the items below full marks, short tool names, the emblem\'s words atop every page, the tool table after, Kanit', {
    agency: 'pea-branch', summary: 'number-across', detail: 'below-full', toolLabel: 'short', runningHeader: 'logo-text',
    toolScores: 'table-after', digits: 'arabic', measureColumns: 'issue6', measureIndicator: 'title-row', font: 'kanit',
  }, false, 'v12'),
  t('blind-v12-02-park-executive', 'held-out', 'a national park: an executive summary first, a target column beside the score, every score to three decimals, short tool names, the tool table first, Pridi', {
    agency: 'national-park', front: 'executive-summary', summary: 'number-column', indicatorResult: 'target', scorePrecision: 'three', toolLabel: 'short',
    toolScores: 'table-before', measureOrientation: 'portrait', signature: 'signed', font: 'pridi',
  }, false, 'v12'),
  t('blind-v12-03-consular-three', 'held-out', 'an embassy\'s consular section: every score to three decimals, only the items below full marks, the emblem\'s words atop every page, ranked indicators with a target column, 1 ต.ค. 2568 – 30 ก.ย. 2569 periods, Prompt', {
    agency: 'consular', scorePrecision: 'three', detail: 'below-full', runningHeader: 'logo-text', summary: 'ranked', indicatorResult: 'target',
    toolScores: 'table-after', digits: 'arabic', period: 'abbrev-full-year', measureOrientation: 'portrait', font: 'prompt',
  }, false, 'v12'),
  t('blind-v12-04-college-logo', 'held-out', 'a technical college: an executive summary first, the indicators across by number with a legend, the emblem\'s words atop every page, short tool names, bullet lists, numbered captions, Mali', {
    agency: 'vocational-college', front: 'executive-summary', summary: 'number-across', runningHeader: 'logo-text', toolLabel: 'short',
    toolScores: 'table-after', list: 'bullet', captions: 'numbered', pageNumbers: 'bottom', font: 'mali',
  }, false, 'v12'),
  t('blind-v12-05-district-target', 'held-out', 'a district office: an executive summary first, a target column beside the score, only the items below full marks, short tool names in sentences, quarters, Charm', {
    agency: 'district-office', front: 'executive-summary', summary: 'number-column', indicatorResult: 'target', detail: 'below-full', toolLabel: 'short',
    toolScores: 'sentences', period: 'quarters', measureColumns: 'five', digits: 'mixed', font: 'charm',
  }, false, 'v12'),
  t('blind-v12-06-local-across', 'held-out', 'a local administration: an executive summary first, the indicators across by number with a legend, every score to three decimals, the tools across, a measures table per quarter, Noto Sans Thai Looped', {
    front: 'executive-summary', summary: 'number-across', scorePrecision: 'three', toolScores: 'across',
    measureGrouping: 'per-quarter', measureIndicator: 'title-row', sectionNumbering: 'clause', font: 'noto-sans-thai-looped',
  }, false, 'v12'),
  // v13: blind until its first figures (61.6% of fields from the transcript, 17 wrong, 1 of 6 findings
  // equal; 61.8% and 15 wrong after v12's fixes), now open for development; written without reading the
  // extractor, from what a
  // provincial prison, a provincial public-health office, a Royal Irrigation project office, a city
  // municipality, a university faculty and a local administration print (spec.ts v13Content), with new
  // values (options.ts): the summary as a numbered list with dot leaders, a chart's data table for the
  // tools and the total, a detail table per indicator, the verdict before the total, fiscal quarter
  // ranges, abbreviated heads as the responsible, the measures as a numbered outline, and the order
  // appointing the working group first.
  t('blind-v13-01-prison-leaders', 'held-out', 'a provincial prison: the summary as a numbered list with dot leaders, a chart\'s data table for the tools and the total, a detail table per indicator, fiscal quarter ranges, codes after titles, K2D', {
    agency: 'prison', summary: 'leader-list', toolScores: 'chart-data', detail: 'per-indicator-tables', period: 'quarter-range',
    codePosition: 'after', digits: 'arabic', measureColumns: 'issue6', measureIndicator: 'title-row', font: 'k2d',
  }, false, 'v13'),
  t('blind-v13-02-health-outline', 'held-out', 'a provincial public-health office: the measures as a numbered outline, abbreviated heads, fiscal quarter ranges, the verdict before the total, the tool table after, full-marks headers, Trirong', {
    agency: 'provincial-health', measureLayout: 'outline', responsible: 'abbreviated-heads', period: 'quarter-range', total: 'verdict-paren',
    summary: 'number-column', toolScores: 'table-after', scoreHeader: 'full-marks', signature: 'signed', font: 'trirong',
  }, false, 'v13'),
  t('blind-v13-03-irrigation-order', 'held-out', 'a Royal Irrigation project office: the order appointing the working group first, a detail table per indicator, a chart\'s data table, the verdict before the total, abbreviated heads, portrait measures, Sriracha', {
    agency: 'irrigation-project', front: 'appointment-order', detail: 'per-indicator-tables', toolScores: 'chart-data', total: 'verdict-paren', responsible: 'abbreviated-heads',
    summary: 'number-column', measureOrientation: 'portrait', measureColumns: 'five', captions: 'numbered', digits: 'mixed', font: 'sriracha',
  }, false, 'v13'),
  t('blind-v13-04-city-outline', 'held-out', 'a city municipality: the order appointing the working group first, the summary as a numbered list with dot leaders, tool sentences, the measures as a numbered outline, ส่วนที่ sections, Thai digits, Taviraj', {
    agency: 'city-municipality', front: 'appointment-order', summary: 'leader-list', toolScores: 'sentences', measureLayout: 'outline',
    sectionNumbering: 'part', level: 'labelled', font: 'taviraj',
  }, false, 'v13'),
  t('blind-v13-05-faculty-quarters', 'held-out', 'a university faculty: fiscal quarter ranges, the verdict before the total, a detail table per indicator, a chart\'s data table, ranked indicators, last year in labelled parts, IBM Plex Sans Thai', {
    agency: 'faculty', period: 'quarter-range', total: 'verdict-paren', detail: 'per-indicator-tables', toolScores: 'chart-data', summary: 'ranked',
    previous: 'label-colon', measureColumns: 'eight', digits: 'arabic', rowBreaks: 'split', font: 'ibm-plex-sans-thai',
  }, false, 'v13'),
  t('blind-v13-06-local-order', 'held-out', 'a local administration: the order appointing the working group first, the summary as a numbered list with dot leaders, a chart\'s data table, the measures as a numbered outline, abbreviated heads, page numbers, Noto Sans Thai', {
    front: 'appointment-order', summary: 'leader-list', toolScores: 'chart-data', measureLayout: 'outline', responsible: 'abbreviated-heads',
    pageNumbers: 'page-of', digits: 'arabic', font: 'noto-sans-thai',
  }, false, 'v13'),
  // v14: blind until its first figures (65.8% of fields from the transcript; 66.1% and 16 wrong, 0 of 6
  // findings equal, after v13's fixes), now open for development; a second blind set written without reading the extractor,
  // from what a customs checkpoint, a community college, a waterworks authority's regional office, a
  // local administration, a provincial court and a university faculty print (spec.ts v14Content), with
  // new values (options.ts): a slide deck, the summary as a tool-by-indicator matrix, every score in one
  // decimal, the items as sentences, the total only in a footnote, short month ranges with the year once,
  // OIT ticks, the measures per lead unit, and last year's measures before and after.
  t('blind-v14-01-customs-slides', 'held-out', 'a customs checkpoint: a slide deck, the summary as a tool-by-indicator matrix, OIT ticks, short month ranges with the year once, five measures columns, Anuphan', {
    agency: 'customs-checkpoint', pageOrientation: 'slides', summary: 'tool-matrix', oitItems: 'check-marks', period: 'short-year-once',
    measureColumns: 'five', toolScores: 'column', digits: 'arabic', runningHeader: 'logo-text', font: 'anuphan',
  }, false, 'v14'),
  t('blind-v14-02-college-sentences', 'held-out', 'a community college: the items as sentences, the total only in a footnote, last year\'s measures before and after, abbreviated indicators, Thai digits, Athiti', {
    agency: 'community-college', detail: 'item-sentences', total: 'level-footnote', lastYearMeasures: 'before-after', indicatorLabel: 'abbreviated',
    summary: 'number-column', toolScores: 'table-after', signature: 'signed', font: 'athiti',
  }, false, 'v14'),
  t('blind-v14-03-waterworks-units', 'held-out', 'a waterworks regional office: the measures per lead unit, every score to one decimal, the tool matrix, the emblem atop every page, portrait measures, Bai Jamjuree', {
    agency: 'waterworks-region', measureGrouping: 'per-unit', scorePrecision: 'one', summary: 'tool-matrix', toolScores: 'column', runningHeader: 'logo-text',
    measureOrientation: 'portrait', measureColumns: 'issue6', responsible: 'comma', digits: 'arabic', font: 'bai-jamjuree',
  }, false, 'v14'),
  t('blind-v14-04-local-decimal', 'held-out', 'a local administration: every score to one decimal, last year\'s measures before and after, short month ranges, OIT ticks, Thai digits in prose, Chakra Petch', {
    scorePrecision: 'one', lastYearMeasures: 'before-after', period: 'short-year-once', oitItems: 'check-marks', digits: 'prose-thai',
    detail: 'three-col', captions: 'numbered', font: 'chakra-petch',
  }, false, 'v14'),
  t('blind-v14-05-court-footnote', 'held-out', 'a provincial court: the total only in a footnote, the measures per lead unit, the items as sentences, ranked indicators, the tools across, Charm', {
    agency: 'court', total: 'level-footnote', measureGrouping: 'per-unit', detail: 'item-sentences', summary: 'ranked', toolScores: 'across',
    measureColumns: 'eight', digits: 'arabic', font: 'charm',
  }, false, 'v14'),
  t('blind-v14-06-faculty-deck', 'held-out', 'a university faculty: a slide deck, every score to one decimal, last year\'s measures before and after, the tool matrix with tool sentences, Kanit', {
    agency: 'faculty', pageOrientation: 'slides', scorePrecision: 'one', lastYearMeasures: 'before-after', summary: 'tool-matrix', toolScores: 'sentences',
    previous: 'compare-first', digits: 'arabic', font: 'kanit',
  }, false, 'v14'),
  // v15: blind (never listed value by value), a second blind set beside v14, written without reading the extractor,
  // from what a Bangkok district office, an area revenue office, a primary educational service area
  // office, a university faculty, a provincial court and a local administration print
  // (spec.ts v15Content), with new values (options.ts): an agency profile with its staff table, this
  // year's column before last year's, the headline figures in a box, a verdict column in the detail
  // list, English indicator names, a rank among agencies, the change "from ... to ...", a
  // corruption-risk matrix, a budget table, periods as a length in months, and the analysis in two columns.
  t('blind-v15-01-bangkok-profile', 'held-out', 'a Bangkok district office: its profile and staff first, this year\'s column first, a rank among the districts, a budget table, parts numbered, Niramit', {
    agency: 'bangkok-district', front: 'profile', summary: 'current-first', toolScores: 'table-after', ranking: 'sentence', budgetSummary: 'table',
    sectionNumbering: 'part', digits: 'arabic', font: 'niramit',
  }, true, 'v15'),
  t('blind-v15-02-revenue-key-figures', 'held-out', 'an area revenue office: the headline figures in a box, a verdict column in the detail list, English indicator names, a risk matrix, months as a length, portrait measures, Pridi', {
    agency: 'revenue-area', total: 'key-figures', detail: 'three-col', itemVerdict: 'column', indicatorLanguage: 'bilingual', riskTable: 'matrix', period: 'duration',
    previous: 'compare-first', measureColumns: 'issue6', measureOrientation: 'portrait', scoreHeader: 'full-marks', digits: 'arabic', font: 'pridi',
  }, true, 'v15'),
  t('blind-v15-03-education-from-to', 'held-out', 'a primary educational service area: English indicator names, the change from last year to this, a rank, a budget table, a verdict column, Thai digits, three signers, Trirong', {
    agency: 'education-area', indicatorLanguage: 'bilingual', previous: 'from-to', ranking: 'sentence', budgetSummary: 'table', itemVerdict: 'column',
    signature: 'three-signers', font: 'trirong',
  }, true, 'v15'),
  t('blind-v15-04-faculty-risk', 'held-out', 'a university faculty: its profile first, a risk matrix, months as a length, the change from last year to this, Thai digits in prose, Mitr', {
    agency: 'faculty', front: 'profile', riskTable: 'matrix', period: 'duration', previous: 'from-to', summary: 'number-column',
    digits: 'prose-thai', font: 'mitr',
  }, true, 'v15'),
  t('blind-v15-05-court-current-first', 'held-out', 'a provincial court: this year\'s column first, the headline figures in a box, a verdict column, tool sentences, measures per tool, page X of Y, Prompt', {
    agency: 'court', summary: 'current-first', toolScores: 'sentences', total: 'key-figures', itemVerdict: 'column', measureGrouping: 'per-tool',
    previous: 'label-colon', pageNumbers: 'page-of', digits: 'arabic', font: 'prompt',
  }, true, 'v15'),
  t('blind-v15-06-local-budget', 'held-out', 'a local administration: a budget table, a rank, months as a length, English indicator names, the change from last year to this, eight measures columns, tool-prefixed codes, Noto Sans Thai Looped', {
    budgetSummary: 'table', ranking: 'sentence', period: 'duration', indicatorLanguage: 'bilingual', previous: 'from-to',
    measureColumns: 'eight', codeForm: 'tool-prefix', font: 'noto-sans-thai-looped',
  }, true, 'v15'),
  // v16: blind until its first figures (82.4% of fields from the transcript, 1 wrong; 88.9% and 7 wrong
  // after session 9's fixes), now open for development; a second blind set beside v15, written without reading the extractor,
  // from what a military unit's welfare office, a Tambon municipality in the south, a provincial social
  // development office, a state enterprise's branch, a police station and a provincial administration print
  // (spec.ts v16Content), with new values (options.ts): measures in running prose, the results as an annex
  // after the measures, the ITAS result sheet as the appendix, a summary table per tool, the OIT items as a
  // ticked checklist, items numbered 1.1 within their indicator, scores out of 100 in every table, parts
  // lettered ก. ข. ค., a glossary of the tools and the head's endorsement under the signature.
  t('blind-v16-01-military-prose', 'held-out', 'a military unit\'s welfare office: measures in prose, parts lettered, a glossary of the tools, the head\'s endorsement, periods from ... until, Kodchasan', {
    agency: 'military-welfare', measureLayout: 'prose', sectionNumbering: 'thai-letters', glossary: 'tools', signature: 'endorsement', period: 'from-until',
    list: 'paren', digits: 'arabic', font: 'kodchasan',
  }, false, 'v16'),
  t('blind-v16-02-southern-checklist', 'held-out', 'a Tambon municipality in the south: a summary table per tool, the OIT items as a checklist, items numbered 1.1, the change with a percentage, Mali', {
    agency: 'southern-tambon', summary: 'per-tool-tables', detail: 'oit-checklist', codeForm: 'item-number', previous: 'with-percent', font: 'mali',
  }, false, 'v16'),
  t('blind-v16-03-social-annex', 'held-out', 'a provincial social development office: the results as an annex after the measures, the ITAS sheet, scores out of 100, a glossary, six portrait measures columns, Sriracha', {
    agency: 'social-development', resultsPlacement: 'annex', appendix: 'itas-sheet', cellUnit: 'out-of-100', glossary: 'tools', toolScores: 'table-after',
    measureColumns: 'issue6', measureIndicator: 'title-row', measureOrientation: 'portrait', digits: 'arabic', font: 'sriracha',
  }, false, 'v16'),
  t('blind-v16-04-branch-prose', 'held-out', 'a state enterprise\'s branch: measures in prose, items numbered 1.1, the ITAS sheet, the head\'s endorsement, months, Taviraj', {
    agency: 'enterprise-branch', measureLayout: 'prose', codeForm: 'item-number', appendix: 'itas-sheet', signature: 'endorsement', period: 'months',
    detail: 'three-col', digits: 'arabic', font: 'taviraj',
  }, false, 'v16'),
  t('blind-v16-05-police-annex', 'held-out', 'a police station: the results as an annex, the OIT items as a checklist, parts lettered, a tool table, mixed digits, IBM Plex Sans Thai', {
    agency: 'police-station', resultsPlacement: 'annex', detail: 'oit-checklist', sectionNumbering: 'thai-letters', toolScores: 'table-after',
    digits: 'mixed', signature: 'signed', font: 'ibm-plex-sans-thai',
  }, false, 'v16'),
  t('blind-v16-06-pao-per-tool', 'held-out', 'a provincial administration: a summary table per tool, tool sentences, scores out of 100, a glossary, the head\'s endorsement, Noto Sans Thai', {
    agency: 'pao', summary: 'per-tool-tables', toolScores: 'sentences', cellUnit: 'out-of-100', glossary: 'tools', signature: 'endorsement',
    digits: 'arabic', font: 'noto-sans-thai',
  }, false, 'v16'),
  // v17: blind, written without reading the extractor or any template's failures, from what a provincial disaster
  // prevention office, a provincial agricultural extension office, a provincial probation office, a local
  // administration, a university faculty and a provincial court print (spec.ts v17Content), with new values
  // (options.ts): periods ticked under the plan year's quarters, a KPI, target and budget in the measures, three
  // fiscal years side by side, arrows after the summary scores, the item list in two halves side by side, OIT
  // items ผ่าน / ไม่ผ่าน, the tools by their English names, ตัวชี้วัดที่ 1 : ..., a document-control line atop every
  // page, a ที่มา line under the score tables, lead and joint units marked, and last year and this year a line each.
  t('blind-v17-01-disaster-quarters', 'held-out', 'a provincial disaster prevention office: periods ticked under quarters, KPI, target and budget columns, a document-control line, a memo first, Chakra Petch', {
    agency: 'disaster-prevention', period: 'quarter-ticks', measureColumns: 'kpi-target-budget', runningHeader: 'form-code', front: 'memo', toolScores: 'table-after',
    digits: 'arabic', font: 'chakra-petch',
  }, true, 'v17'),
  t('blind-v17-02-agriculture-trend', 'held-out', 'a provincial agricultural office: three years side by side, arrows after the scores, ตัวชี้วัดที่ 1 : ..., OIT items ผ่าน / ไม่ผ่าน, numbered captions, K2D', {
    agency: 'agriculture-office', summary: 'three-years', scoreMark: 'arrow', indicatorLabel: 'colon', oitItems: 'pass-fail', toolScores: 'table-before', captions: 'numbered',
    font: 'k2d',
  }, true, 'v17'),
  t('blind-v17-03-probation-two-up', 'held-out', 'a provincial probation office: the item list in two halves side by side, lead and joint units, a source line, a line a year, horizontal rules, portrait measures, Kanit', {
    agency: 'probation-office', detail: 'two-up', responsible: 'lead-marked', notes: 'source', previous: 'year-lines', tableRules: 'horizontal',
    measureColumns: 'issue6', measureIndicator: 'title-row', measureOrientation: 'portrait', font: 'kanit',
  }, true, 'v17'),
  t('blind-v17-04-local-english', 'held-out', 'a local administration: the tools in English, arrows after the scores, OIT items ผ่าน / ไม่ผ่าน, a source line, slash dates, mixed digits, Athiti', {
    toolLabel: 'english', scoreMark: 'arrow', oitItems: 'pass-fail', notes: 'source', period: 'slash-dates', detail: 'three-col', toolScores: 'table-after',
    digits: 'mixed', font: 'athiti',
  }, true, 'v17'),
  t('blind-v17-05-faculty-quarters', 'held-out', 'a university faculty: periods ticked under quarters, ตัวชี้วัดที่ 1 : ..., a line a year, lead and joint units, measures per tool, Bai Jamjuree', {
    agency: 'faculty', period: 'quarter-ticks', indicatorLabel: 'colon', previous: 'year-lines', responsible: 'lead-marked', measureGrouping: 'per-tool',
    digits: 'arabic', font: 'bai-jamjuree',
  }, true, 'v17'),
  t('blind-v17-06-court-form-code', 'held-out', 'a provincial court: three years side by side, the tools in English, a document-control line, KPI, target and budget columns, the item list in two halves, Charm', {
    agency: 'court', summary: 'three-years', toolLabel: 'english', runningHeader: 'form-code', measureColumns: 'kpi-target-budget', detail: 'two-up', toolScores: 'sentences',
    font: 'charm',
  }, true, 'v17'),
]

/** Templates break the train/held-out rule when a training one uses a held-out value or a held-out one fewer than two. */
export function templateProblems(templates: readonly Template[] = TEMPLATES): string[] {
  return templates.flatMap((tpl) => {
    const held = heldOutValues(tpl.choices)
    if (tpl.split === 'train' && held.length > 0) return [`${tpl.name}: a training template uses held-out ${held.join(', ')}`]
    if (tpl.split === 'held-out' && held.length < 2) return [`${tpl.name}: a held-out template uses ${held.length} held-out value(s), needs 2`]
    return []
  })
}

/** How lists come out of a template, for the truth. */
export function truthLayout(tpl: Template): TruthLayout {
  const numbered = tpl.choices.list !== 'bullet' && tpl.choices.list !== 'dash'
  return {
    stepsNumbered: numbered,
    actionsNumbered: numbered,
    stepsPrinted: MEASURE_COLUMNS[tpl.choices.measureColumns].includes('steps'),
    ...(tpl.choices.detail === 'below-threshold' && { detailBelow: PASS_MARK }),
    ...(tpl.choices.detail === 'below-full' && { detailBelow: 100 }),
    ...(tpl.choices.scorePrecision === 'three' && { scoreDecimals: 3 as const }),
    ...(tpl.choices.scorePrecision === 'one' && { scoreDecimals: 1 as const }),
    ...((tpl.choices.previous === 'three-years' || tpl.choices.previous === 'footnote') && { differencePrinted: false }),
    ...(tpl.choices.summary === 'below-pass' && { summaryBelow: PASS_MARK }),
    ...(tpl.choices.period === 'deadline' && { deadlineOnly: true }),
    ...(tpl.choices.scorePrecision === 'prose-one' && { proseDecimals: 1 as const }),
    // "ม.ค. - มี.ค. 2569" prints the year once: a perfect reader infers the start's, and says so.
    ...((tpl.choices.period === 'year-once' || tpl.choices.period === 'short-year-once') && tpl.choices.periodColumns !== 'start-end' && { startYearOnce: true }),
  }
}

/** The report a template's committed (or any) sample shows: the seed's draw, for the template's kind of agency. */
export const templateSpec = (tpl: Template, seed: number): ReportSpec => randomReportSpec(seed, 2568, { agency: tpl.choices.agency })

/** The pass mark the v7 values print against (an asterisk, a ผ่าน column, the detail threshold). */
const PASS_MARK = 85

// ---------------------------------------------------------------------------------------------
// Rendering

type Fmt = ReturnType<typeof formatter>

export function renderTemplate(spec: ReportSpec, tpl: Template): LayoutDoc {
  const c = tpl.choices
  checkProseOne(c)
  const f = formatter(c, spec)
  const sectionBreak: Block[] = c.breaks === 'sections' ? [pageBreak] : []
  const overall = overallBlocks(spec, c, f)
  const head: Block[] = [...titleBlocks(spec, c, f), ...(c.cover === 'page' ? [pageBreak] : [])]
  const results: Block[] = [
    ...(c.overallPosition === 'before-summary' ? overall : []),
    ...summaryBlocks(spec, c, f),
    ...sectionBreak,
    ...detailBlocks(spec, c, f),
    ...(c.overallPosition === 'after-detail' ? [...sectionBreak, ...overall] : []),
  ]
  if (c.resultsPlacement === 'annex' && c.overallPosition === 'conclusion') throw new Error('results in an annex leave no conclusion to close the report with')
  const body = numberSections(
    [
      ...profileBlocks(spec, c, f),
      ...(c.resultsPlacement === 'body' ? [...results, ...sectionBreak] : []),
      ...analysisBlocks(spec, c, f),
      ...measuresBlocks(spec, c, f),
      ...(c.overallPosition === 'conclusion' ? [...sectionBreak, ...overall] : []),
    ],
    c,
    f,
  )
  // Wording the spec does not hold (names, memo numbers) comes from a stream of its own, drawn
  // only by the options that print it, so the other templates' output is as it was.
  const extras = seededRandom(subSeed(spec.seed, 'layout-extras'))
  const blocks: Block[] = [
    ...(c.pageOrientation !== 'mixed' ? [orientation('landscape')] : []),
    ...slides(frontBlocks(spec, c, f, extras, head, body), c),
    ...head,
    // A deck's title is a slide of its own.
    ...(c.pageOrientation === 'slides' ? [pageBreak] : []),
    ...slides([...body, ...signatureBlocks(spec, c, f), ...resultsAnnex(results, c), ...appendixBlocks(spec, c, f)], c),
  ]
  return {
    title: `การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ${spec.organisation.name}`,
    blocks: withCaptions(dropLeadingBreaks(blocks), c, f).map((b) => rowMixedDigits(proseDigits(bilingual(withTableChoices(b, c), c), c), c)),
    ...(c.pageNumbers !== 'none' && {
      pageNumbers: { position: c.pageNumbers === 'top' ? 'top' : 'bottom', thaiDigits: c.digits !== 'arabic', ...(c.pageNumbers === 'page-of' && { style: 'page-of' as const }) },
    }),
    ...(c.runningHeader === 'agency' && { runningHeader: proseText(`${spec.organisation.name} : การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ${f.fy(spec.fiscalYear)}`, c) }),
    ...(c.runningHeader === 'logo-text' && { runningHeader: LOGO_TEXT[spec.organisation.kind] ?? spec.organisation.name }),
    ...(c.runningHeader === 'form-code' && { runningHeader: formCode(spec, f) }),
  }
}

/**
 * v16 resultsPlacement 'annex': the report in two halves, the assessment results (summary, detail list,
 * overall result) after the measures and the signature, under ภาคผนวก ก on portrait pages.
 */
function resultsAnnex(results: readonly Block[], c: Choices): Block[] {
  if (c.resultsPlacement === 'body') return []
  return [c.pageOrientation === 'landscape' ? pageBreak : orientation('portrait'), heading(2, 'ภาคผนวก ก ผลการประเมิน ITA', 'center'), ...results]
}

/**
 * v14 pageOrientation 'slides': a deck exported to PDF. Every heading opens a slide of its own, section
 * headings as large as the title (level 1), prose as bullet lines; landscape throughout (renderTemplate).
 */
function slides(blocks: readonly Block[], c: Choices): Block[] {
  if (c.pageOrientation !== 'slides') return [...blocks]
  return blocks.flatMap((b, i): Block[] => {
    // A heading right under another (บทที่ over its section) shares its slide.
    if (b.kind === 'heading' && b.level > 1) return [...(blocks[i - 1]?.kind === 'heading' ? [] : [pageBreak]), { ...b, level: b.level === 2 ? 1 : 2 }]
    if (b.kind === 'paragraph' && !b.bold && b.align !== 'center') return [{ kind: 'paragraph', text: `• ${b.text}` }]
    return [b]
  })
}

/** v12: the words on an agency's emblem, Thai and English, as letterheads print them beside it (others: the agency's name). */
const LOGO_TEXT: Partial<Record<ReportSpec['organisation']['kind'], string>> = {
  'pea-branch': 'การไฟฟ้าส่วนภูมิภาค PROVINCIAL ELECTRICITY AUTHORITY',
  'national-park': 'กรมอุทยานแห่งชาติ สัตว์ป่า และพันธุ์พืช DEPARTMENT OF NATIONAL PARKS, WILDLIFE AND PLANT CONSERVATION',
  consular: 'กระทรวงการต่างประเทศ MINISTRY OF FOREIGN AFFAIRS',
  'vocational-college': 'สำนักงานคณะกรรมการการอาชีวศึกษา OFFICE OF THE VOCATIONAL EDUCATION COMMISSION',
  'district-office': 'กรมการปกครอง DEPARTMENT OF PROVINCIAL ADMINISTRATION',
  'customs-checkpoint': 'กรมศุลกากร THE CUSTOMS DEPARTMENT',
  'waterworks-region': 'การประปาส่วนภูมิภาค PROVINCIAL WATERWORKS AUTHORITY',
}

/**
 * v17 runningHeader 'form-code': the document-control line of a form under a quality system (its code, revision and
 * the date it took effect, the year before the report's plan year), from a stream of its own.
 */
function formCode(spec: ReportSpec, f: Fmt): string {
  const r = seededRandom(subSeed(spec.seed, 'form-code'))
  const revision = String(r.int(0, 4)).padStart(2, '0')
  return f.text(`เอกสารหมายเลข FM-ITA-${String(r.int(1, 9)).padStart(2, '0')} แก้ไขครั้งที่ ${revision} วันที่บังคับใช้ ${r.int(1, 28)} ต.ค. ${spec.fiscalYear - 1}`)
}

/**
 * v9 digits 'row-mixed': a table pasted together from several people's files, every other body row
 * typed with Thai digits (codes, scores, dates), the others and the prose Arabic.
 */
function rowMixedDigits(block: Block, c: Choices): Block {
  if (c.digits !== 'row-mixed' || block.kind !== 'table') return block
  const rows = block.rows.map((r, i) => (i >= block.repeatHeader && (i - block.repeatHeader) % 2 === 1 ? { cells: r.cells.map((x) => (x.header ? x : { ...x, lines: x.lines.map(thaiDigits) })) } : r))
  return { ...block, rows }
}

/** Choices every table of the template shares. */
function withTableChoices(block: Block, c: Choices): Block {
  if (block.kind !== 'table') return block
  // Bottom-aligned templates align every body cell so: a short cell sits on a long one's last line.
  const aligned = c.valign === 'bottom' ? block.rows.map((r) => ({ cells: r.cells.map((x) => (x.header ? x : { ...x, valign: 'bottom' as const })) })) : block.rows
  const broken = c.headerBreaks === 'odd' ? aligned.map((r, i) => (i < block.repeatHeader ? { cells: r.cells.map(brokenHeader) } : r)) : aligned
  const unit = c.cellUnit === 'points' ? withUnit : c.cellUnit === 'out-of-100' ? withFullMarks : undefined
  const rows = unit && UNIT_ROLES.has(block.role) ? broken.map((r, i) => (i < block.repeatHeader ? r : { cells: r.cells.map(unit) })) : broken
  return {
    ...block,
    rows,
    repeatHeader: c.headerRepeat === 'once' ? 0 : block.repeatHeader,
    ...(c.rowBreaks === 'split' && { splitRows: true }),
    ...(c.tableRules !== 'full' && { rules: c.tableRules }),
  }
}

/** v10 cellUnit 'points': the tables whose score cells carry the unit (๘๙.๔๑ คะแนน). */
const UNIT_ROLES = new Set(['summary', 'detail', 'tools', 'measures'])
const SCORE_CELL = /^[0-9๐-๙]{1,3}[.,][0-9๐-๙]{2}[*%]?$/
const withUnit = (x: Cell): Cell => ({ ...x, lines: x.lines.map((l) => (SCORE_CELL.test(l) ? `${l} คะแนน` : l)) })
/** v16 cellUnit 'out-of-100': 89.41/100, the full marks in the score's own digits. */
const withFullMarks = (x: Cell): Cell => ({ ...x, lines: x.lines.map((l) => (SCORE_CELL.test(l) ? `${l}/${/[๐-๙]/.test(l) ? '๑๐๐' : '100'}` : l)) })

/**
 * Header words and where a narrow header cell breaks them (headerBreaks 'odd'): not always between
 * words, as someone pressing Enter in a narrow Word cell leaves them. Longest first.
 */
const HEADER_BREAKS: readonly (readonly [string, string, string])[] = [
  ['ขั้นตอน/วิธีการดำเนินการ', 'ขั้นตอน/วิธีการ', 'ดำเนินการ'],
  ['มาตรการ/แนวทางการพัฒนา', 'มาตรการ/แนว', 'ทางการพัฒนา'],
  ['ตัวชี้วัดความสำเร็จ (KPI)', 'ตัวชี้วัด', 'ความสำเร็จ (KPI)'],
  ['ระยะเวลาดำเนินการ', 'ระยะเวลา', 'ดำเนินการ'],
  ['ประเด็นการประเมิน', 'ประเด็นการ', 'ประเมิน'],
  ['ประเด็นที่ต้องพัฒนา', 'ประเด็นที่', 'ต้องพัฒนา'],
  ['เครื่องมือการประเมิน', 'เครื่องมือ', 'การประเมิน'],
  ['คะแนนรายตัวชี้วัด', 'คะแนนราย', 'ตัวชี้วัด'],
  ['ผลการวิเคราะห์', 'ผลการ', 'วิเคราะห์'],
  ['แหล่งงบประมาณ', 'แหล่งงบ', 'ประมาณ'],
  ['ผู้รับผิดชอบ', 'ผู้รับ', 'ผิดชอบ'],
  ['ผลการประเมิน', 'ผลการ', 'ประเมิน'],
  ['คะแนนที่ได้', 'คะแนน', 'ที่ได้'],
  ['ปีงบประมาณ', 'ปีงบ', 'ประมาณ'],
]

function brokenHeader(x: Cell): Cell {
  if (!x.header) return x
  return {
    ...x,
    lines: x.lines.flatMap((line) => {
      const hit = HEADER_BREAKS.find(([words]) => line.includes(words))
      if (!hit) return [line]
      const at = line.indexOf(hit[0])
      return [`${line.slice(0, at)}${hit[1]}`, `${hit[2]}${line.slice(at + hit[0].length)}`]
    }),
  }
}

/**
 * v8 scorePrecision 'prose-one': every score a perfect reader takes from prose (total, last year,
 * analysis headings) has one decimal; the layouts that print one of those in a table (or a tool
 * score in prose) would make two copies of one value disagree, so they are refused.
 */
function checkProseOne(c: Choices): void {
  if (c.scorePrecision !== 'prose-one') return
  const clash = [
    c.toolScores === 'sentences' && 'toolScores sentences',
    c.detail === 'tool-tables' && 'detail tool-tables',
    c.summaryTotalRow === 'row' && 'a summary total row',
    (c.previous === 'table' || c.previous === 'three-years') && `previous ${c.previous}`,
    c.analysis === 'table' && 'analysis table',
  ].filter(Boolean)
  if (clash.length > 0) throw new Error(`scores in prose to one decimal cannot go with ${clash.join(', ')}`)
}

/** v8 English beside the Thai: section headings (Thai words they contain, longest first) and header cells (exact words). */
const HEADING_EN: readonly (readonly [string, string])[] = [
  ['การวิเคราะห์ผลการประเมินรายตัวชี้วัด', 'Analysis by Indicator'],
  ['การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', 'Turning ITA Results into Organisational Development'],
  ['ผลคะแนนรายประเด็นการประเมิน', 'Scores by Assessment Item'],
  ['สรุปผลการประเมินรายตัวชี้วัด', 'Summary by Indicator'],
  ['ผลการประเมินในภาพรวม', 'Overall Result'],
  ['ผลคะแนนรายเครื่องมือ', 'Scores by Tool'],
  ['ภาคผนวก', 'Appendix'],
]
const HEADER_EN: Readonly<Record<string, string>> = {
  'ตัวชี้วัด': 'Indicator',
  'ตัวชี้วัดที่': 'No.',
  'ชื่อตัวชี้วัด': 'Indicator',
  'ประเด็นการประเมิน': 'Assessment item',
  'ข้อ': 'Item',
  'คะแนน': 'Score',
  'คะแนนที่ได้': 'Score',
  'ผลคะแนน': 'Score',
  'คะแนนรายตัวชี้วัด': 'Indicator score',
  'คะแนนรายเครื่องมือ': 'Tool score',
  'เครื่องมือ': 'Tool',
  'เครื่องมือการประเมิน': 'Assessment tool',
  'ลำดับ': 'No.',
  'ประเด็นที่ต้องพัฒนา': 'Issue',
  'มาตรการ/แนวทางการพัฒนา': 'Measures',
  'ผลการวิเคราะห์': 'Analysis',
  'ขั้นตอน/วิธีการดำเนินการ': 'Steps',
  'ระยะเวลาดำเนินการ': 'Period',
  'ผู้รับผิดชอบ': 'Responsible',
  'การกำกับติดตามผล': 'Follow-up',
}

function bilingual(block: Block, c: Choices): Block {
  if (c.headingLanguage !== 'bilingual') return block
  if (block.kind === 'heading') {
    const hit = HEADING_EN.find(([th]) => block.text.includes(th))
    return hit ? { ...block, text: `${block.text} (${hit[1]})` } : block
  }
  if (block.kind !== 'table') return block
  // A header word may follow the ๑) numbering of measures headers.
  const english = (line: string) => HEADER_EN[line.replace(/^[0-9๐-๙]+\) /, '')]
  const rows = block.rows.map((r) => ({
    cells: r.cells.map((x) => (x.header ? { ...x, lines: x.lines.flatMap((l) => (english(l) ? [l, english(l)!] : [l])) } : x)),
  }))
  return { ...block, rows }
}

/** The same document with every table ruled another way (the word-processor producers' ruling variants). */
export function withTableRules(doc: LayoutDoc, rules: NonNullable<TableBlock['rules']>): LayoutDoc {
  return { ...doc, blocks: doc.blocks.map((b) => (b.kind === 'table' ? { ...b, rules } : b)) }
}

/** What a caption calls each kind of table. */
const CAPTIONS: Readonly<Record<string, string>> = {
  summary: 'ผลคะแนนการประเมินรายตัวชี้วัด',
  tools: 'ผลคะแนนการประเมินรายเครื่องมือ',
  detail: 'ผลคะแนนรายประเด็นการประเมิน',
  previous: 'ผลการประเมินเปรียบเทียบกับปีที่ผ่านมา',
  analysis: 'ผลการวิเคราะห์รายตัวชี้วัด',
  measures: 'มาตรการและแนวทางการพัฒนาตามผลการประเมิน',
}

/** With captions 'numbered': ตารางที่ ๑ ... in bold before every table of the report (not the contents). */
function withCaptions(blocks: readonly Block[], c: Choices, f: Fmt): Block[] {
  if (c.captions === 'none') return [...blocks]
  let k = 0
  return blocks.flatMap((b) => (b.kind === 'table' && CAPTIONS[b.role] ? [paragraph(`ตารางที่ ${f.n(++k)} ${CAPTIONS[b.role]}`, { bold: true }), b] : [b]))
}

/**
 * With digits 'prose-thai', headings and prose are typed with Thai digits (tables keep Arabic);
 * with 'table-thai', the reverse: tables in Thai digits, headings and prose in Arabic.
 */
const proseText = (text: string, c: Choices) => (c.digits === 'prose-thai' ? thaiDigits(text) : c.digits === 'table-thai' ? arabicDigits(text) : text)
function proseDigits(block: Block, c: Choices): Block {
  return block.kind === 'heading' || block.kind === 'paragraph' ? { ...block, text: proseText(block.text, c) } : block
}

/** Section headings (level 2) numbered ส่วนที่ ๑ or ๑., and under 'clause' their sub-headings ๑.๑. */
function numberSections(blocks: readonly Block[], c: Choices, f: Fmt): Block[] {
  if (c.sectionNumbering === 'none') return [...blocks]
  let section = 0
  let sub = 0
  // บทที่ ๑ on a line of its own, centred above the section's own heading.
  if (c.sectionNumbering === 'chapter') return blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [heading(2, `บทที่ ${f.n(++section)}`, 'center'), b] : [b]))
  // v16: ก. ข. ค. (ฃ and ฅ, obsolete, are skipped as Thai documents skip them).
  if (c.sectionNumbering === 'thai-letters') return blocks.map((b) => (b.kind === 'heading' && b.level === 2 ? { ...b, text: `${THAI_LETTERS[section++]}. ${b.text}` } : b))
  return blocks.map((b) => {
    if (b.kind !== 'heading' || b.level === 1) return b
    if (b.level === 2) {
      section++
      sub = 0
      return { ...b, text: c.sectionNumbering === 'part' ? `ส่วนที่ ${f.n(section)} ${b.text}` : `${f.n(section)}. ${b.text}` }
    }
    return c.sectionNumbering === 'clause' ? { ...b, text: `${f.n(section)}.${f.n(++sub)} ${b.text}` } : b
  })
}

const THAI_LETTERS = 'กขคงจฉชซฌญฎฏ'

function dropLeadingBreaks(blocks: Block[]): Block[] {
  return blocks.filter((b, i) => !(b.kind === 'page-break' && (i === 0 || blocks[i - 1]!.kind === 'page-break' || blocks[i + 1]?.kind === 'orientation')))
}

const THAI = '๐๑๒๓๔๕๖๗๘๙'
export const thaiDigits = (s: string) => s.replace(/[0-9]/g, (d) => THAI[Number(d)]!)
const arabicDigits = (s: string) => s.replace(/[๐-๙]/g, (d) => String(THAI.indexOf(d)))

function formatter(c: Choices, spec: ReportSpec) {
  // 'prose-thai' prints Arabic everywhere here; proseDigits turns headings and prose Thai afterwards.
  // 'row-mixed' prints Arabic everywhere here; rowMixedDigits turns every other table row Thai afterwards.
  const other = (s: string) => (c.digits === 'arabic' || c.digits === 'prose-thai' || c.digits === 'row-mixed' ? s : thaiDigits(s))
  const thaiScores = c.digits === 'thai' || c.digits === 'table-thai'
  // v8: 89,41 with decimalMark 'comma'; one decimal in prose with scorePrecision 'prose-one'.
  const decimals = (s: string) => (c.decimalMark === 'comma' ? s.replace('.', ',') : s)
  // v12 scorePrecision 'three': every score to three places.
  // v14 scorePrecision 'one': every score to one place.
  const places = c.scorePrecision === 'three' ? 3 : c.scorePrecision === 'one' ? 1 : 2
  const score = (x: number) => (thaiScores ? thaiDigits(decimals(x.toFixed(places))) : decimals(x.toFixed(places)))
  const prose = (x: number) => {
    if (c.scorePrecision !== 'prose-one') return score(x)
    const s = decimals(round1(x).toFixed(1))
    return thaiScores ? thaiDigits(s) : s
  }
  // v16 codeForm 'item-number': an item's place within its indicator (1.1, 1.2, 1.3).
  const itemNumbers = new Map(spec.indicators.flatMap((ind) => ind.items.map((item, k) => [item.code, `${ind.number}.${k + 1}`] as const)))
  const code = (code: string) => {
    if (c.codeForm === 'item-number') return other(itemNumbers.get(code)!)
    const cased = c.codeCase === 'upper' ? code.toUpperCase() : code
    const typed = c.codeDigits === 'thai' ? thaiDigits(cased) : cased
    if (c.codeForm === 'bracket') return `[${typed}]${c.codeDot === 'dot' ? '.' : ''}`
    if (c.codeForm === 'tool-prefix') {
      // IIT-03: the tool's name for the letter, the number in two digits (in the template's digits).
      const number = code.replace(/^[a-z]+/, '').padStart(2, '0')
      return `${toolOfItem(code)}-${c.codeDigits === 'thai' ? thaiDigits(number) : number}${c.codeDot === 'dot' ? '.' : ''}`
    }
    return `${c.codeForm === 'hyphen' ? typed.replace(/^([A-Za-z]+)/, '$1-') : typed}${c.codeDot === 'dot' ? '.' : ''}`
  }
  // Telephone numbers of responsible units: the same unit has the same number throughout a report.
  const phone = (unit: string) => {
    const r = seededRandom(subSeed(spec.seed, `phone:${unit}`))
    return other(`0 ${r.int(4200, 4599)} ${r.int(1000, 9999)} ต่อ ${r.int(10, 99)}`)
  }
  // v15 indicatorLanguage 'bilingual': the English name in brackets after the Thai.
  const named = (i: { readonly number: number; readonly name: string }) => (c.indicatorLanguage === 'bilingual' ? `${i.name} (${INDICATOR_NAMES_EN[i.number]})` : i.name)
  const ind = (i: { readonly number: number; readonly name: string }) =>
    c.indicatorLabel === 'name-only' ? named(i)
    : c.indicatorLabel === 'abbreviated' ? `ตช. ${other(String(i.number))} ${named(i)}`
    : c.indicatorLabel === 'colon' ? `ตัวชี้วัดที่ ${other(String(i.number))} : ${named(i)}`
    : `ตัวชี้วัดที่ ${other(String(i.number))} ${named(i)}`
  // v10: the person answering for a unit, by name: the same unit has the same person throughout a report.
  const person = (unit: string) => seededRandom(subSeed(spec.seed, `person:${unit}`)).pick(SIGNATORIES)
  return {
    /** A score, two decimals. */
    score,
    /** A score in a heading or prose: two decimals, or one (v8 scorePrecision). */
    prose,
    /** An indicator score in the summary, with the template's mark (v7 scoreMark; v17 `arrow` needs the indicator's number). */
    summaryScore: (x: number, indicator?: number) => {
      if (c.scoreMark === 'arrow') {
        if (indicator === undefined) throw new Error('an arrow compares an indicator with its own last year: the summary must say which')
        const before = previousIndicatorScore(spec, indicator, 1)
        return `${score(x)} ${x > before ? '▲' : x < before ? '▼' : '–'}`
      }
      return c.scoreMark === 'asterisk' && x < PASS_MARK ? `${score(x)}*` : c.scoreMark === 'out-of-100' ? `${score(x)}/${other('100')}` : c.scoreMark === 'percent-sign' ? `${score(x)}%` : score(x)
    },
    /** An indicator as detail rows, analysis headings and measures titles name it. */
    ind,
    /** A code and a title in one cell, in the template's order. */
    coded: (itemCode: string, title: string) => (c.codePosition === 'after' ? `${title} (${code(itemCode)})` : `${code(itemCode)} ${title}`),
    /** The note a template prints inside cells, if any: (ข้อมูล ณ วันที่ ๓๐ ก.ย. ๖๘). */
    asOf: c.cellNotes === 'as-of' ? [`(ข้อมูล ณ วันที่ ${other('30')} ก.ย. ${other(String(spec.fiscalYear % 100).padStart(2, '0'))})`] : [],
    /** Any other number (year, indicator number, list number). */
    n: (x: number) => other(String(x)),
    /** Text with numbers in it (item titles with years, dates). */
    text: other,
    code,
    fy: (year: number) => (c.fiscalYear === 'short' ? `ปีงบประมาณ ${other(String(year))}` : `ประจำปีงบประมาณ พ.ศ. ${other(String(year))}`),
    org: spec.organisation,
    /** An item score: OIT items as the template prints them (100.00, 100 or มี). */
    item: (x: number, tool: Tool) => {
      if (tool !== 'OIT' || c.oitItems === 'decimals') return score(x)
      if (c.oitItems === 'integer') return thaiScores ? thaiDigits(String(x)) : String(x)
      if (c.oitItems === 'check-marks') return x === 100 ? '✓' : '✗'
      if (c.oitItems === 'pass-fail') return x === 100 ? 'ผ่าน' : 'ไม่ผ่าน'
      return x === 100 ? 'มี' : 'ไม่มี'
    },
    /** A score column's header words, with the full marks when the template prints them. */
    /** A responsible unit's telephone number, for templates that print them. */
    phone,
    /** v10: the person a responsible unit names (responsible 'named-persons'). */
    person,
    scoreHead: (words: string) => (c.scoreHeader === 'full-marks' ? `${words} (เต็ม ${other('100')})` : c.scoreHeader === 'percent' ? `${words} (ร้อยละ)` : words),
  }
}

const TOOL_NAMES: Record<Tool, string> = {
  IIT: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)',
  EIT: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)',
  OIT: 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)',
}

/** A tool as the template names it: with its abbreviation, or (v10 toolLabel 'thai-only') by its Thai name alone. */
const toolName = (tool: Tool, c: Choices) =>
  c.toolLabel === 'thai-only' ? TOOL_NAMES[tool].replace(/ \([A-Z]+\)$/, '')
  : c.toolLabel === 'short' ? `${tool === 'OIT' ? 'แบบตรวจ' : 'แบบวัด'} ${tool}`
  : c.toolLabel === 'english' ? `${TOOL_NAMES_EN[tool]} (${tool})`
  : TOOL_NAMES[tool]

function titleBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const org = spec.organisation
  // v7 agencies print the body they belong to (a university, a ministry) or only their province.
  const place = org.district !== null ? `อำเภอ${org.district} จังหวัด${org.province}` : org.parent ?? `จังหวัด${org.province}`
  const fy = c.fiscalYear === 'sentence-only' ? undefined : f.fy(spec.fiscalYear)
  switch (c.title) {
    case 'classic':
      return [heading(1, 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', 'center'), ...(fy ? [heading(1, fy, 'center')] : []), heading(1, spec.organisation.name, 'center'), heading(1, place, 'center')]
    case 'agency-first':
      return [
        heading(1, spec.organisation.name, 'center'),
        heading(1, place, 'center'),
        heading(2, 'รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)', 'center'),
        ...(fy ? [heading(2, fy, 'center')] : []),
      ]
    case 'single-line':
      return [heading(1, `รายงานผลการวิเคราะห์การประเมิน ITA ของ${spec.organisation.name} ${place}${fy ? ` ${fy}` : ''}`, 'center')]
  }
}

// --- front matter ------------------------------------------------------------------------

/** A memo (บันทึกข้อความ) sending the report, or a preface and table of contents, before the title. */
function frontBlocks(spec: ReportSpec, c: Choices, f: Fmt, r: Random, head: readonly Block[], body: readonly Block[]): Block[] {
  // v15 'profile' is the body's first section (profileBlocks).
  if (c.front === 'none' || c.front === 'profile') return []
  const org = spec.organisation
  const fy = c.fiscalYear === 'sentence-only' ? '' : ` ${f.fy(spec.fiscalYear)}`
  if (c.front === 'contents') {
    const pages = pagesOf([...head, ...body]).slice(head.length)
    const sections = body.flatMap((b, i) => (b.kind === 'heading' && b.level === 2 ? [[b.text, pages[i]!] as const] : []))
    return [
      heading(1, 'คำนำ', 'center'),
      paragraph(
        `รายงานฉบับนี้จัดทำขึ้นเพื่อวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)${fy} ของ${org.name} และกำหนดมาตรการเพื่อนำผลการประเมินไปสู่การพัฒนาองค์กร หวังเป็นอย่างยิ่งว่ารายงานฉบับนี้จะเป็นประโยชน์ต่อการปรับปรุงการปฏิบัติงานของหน่วยงานต่อไป`,
        { indent: true },
      ),
      paragraph(org.name, { align: 'right' }),
      pageBreak,
      heading(1, 'สารบัญ', 'center'),
      {
        kind: 'table',
        role: 'contents',
        columns: [85, 15],
        repeatHeader: 1,
        rows: [
          { cells: [headerCell('เรื่อง', { align: 'left' }), headerCell('หน้า')] },
          ...sections.map(([text, page]) => ({ cells: [cell(text), cell(f.n(page), { align: 'center' })] })),
        ],
      },
      pageBreak,
    ]
  }
  if (c.front === 'letter') return letterBlocks(spec, f, r, fy)
  if (c.front === 'executive-summary') return executiveSummary(spec, c, f, fy)
  if (c.front === 'appointment-order') return appointmentOrder(spec, f, r, fy)
  const unit = UNIT_OF_OFFICE[org.kind]
  const names = r.sample(SIGNATORIES.filter((n) => n !== spec.signature.name), 1)
  const d = spec.signature.date
  const month = THAI_MONTHS.find(([n]) => n === d.month)![1]
  const phone = `0 ${r.int(2000, 7999)} ${r.int(1000, 9999)}`
  return [
    heading(1, 'บันทึกข้อความ', 'center'),
    paragraph(`ส่วนราชการ ${unit} ${org.name} โทร. ${f.text(phone)}`),
    paragraph(`ที่ ${f.text(`${r.int(70000, 79999)}/${r.int(100, 999)}`)}    วันที่ ${f.n(d.day)} ${month} ${f.n(d.yearBE)}`),
    paragraph(`เรื่อง รายงานผลการวิเคราะห์และการนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร${fy}`),
    paragraph(`เรียน ${spec.signature.position}`),
    paragraph(
      `ตามที่สำนักงาน ป.ป.ช. ได้ดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)${fy} โดยใช้เครื่องมือการประเมิน ${f.n(3)} เครื่องมือ และได้ประกาศผลการประเมินแล้ว นั้น`,
      { indent: true },
    ),
    paragraph(`ในการนี้ ${unit}ได้วิเคราะห์ผลการประเมินและจัดทำมาตรการเพื่อนำผลการประเมินไปสู่การพัฒนาองค์กร รายละเอียดปรากฏตามเอกสารที่แนบมาพร้อมนี้`, { indent: true }),
    paragraph('จึงเรียนมาเพื่อโปรดทราบและพิจารณาอนุมัติ', { indent: true }),
    paragraph(`(${names[0]!})`, { align: 'center' }),
    paragraph(headOf(unit), { align: 'center' }),
    pageBreak,
  ]
}

/**
 * v13: the agency's order appointing its ITA working group, as reports attach it first: its number and
 * date, the members by position (the head of each unit the measures name), their duties, the head's
 * name. Its numbers (the order's, the date) are of no value in the report.
 */
function appointmentOrder(spec: ReportSpec, f: Fmt, r: Random, fy: string): Block[] {
  const org = spec.organisation
  // The office that writes the report is the group's secretary, listed last.
  const units = [...new Set(spec.measures.flatMap((m) => m.responsible))].filter((u) => u !== UNIT_OF_OFFICE[org.kind])
  // Signed a month or so before the report (the report is signed in October or November).
  const d = spec.signature.date
  const orderDate = `${f.n(r.int(1, 28))} ${THAI_MONTHS.find(([n]) => n === d.month - 1)![1]} ${f.n(d.yearBE)}`
  return [
    heading(1, `คำสั่ง${org.name}`, 'center'),
    paragraph(`ที่ ${f.text(`${r.int(20, 480)}/${d.yearBE}`)}`, { align: 'center' }),
    paragraph(`เรื่อง แต่งตั้งคณะทำงานขับเคลื่อนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)${fy}`, { align: 'center' }),
    paragraph(
      `เพื่อให้การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กรของ${org.name}เป็นไปอย่างมีประสิทธิภาพ จึงแต่งตั้งคณะทำงาน ประกอบด้วย`,
      { indent: true },
    ),
    paragraph(`${f.n(1)}. ${spec.signature.position} ประธานคณะทำงาน`, { indent: true }),
    ...units.map((u, k) => paragraph(`${f.n(k + 2)}. ${headOf(u)} คณะทำงาน`, { indent: true })),
    paragraph(`${f.n(units.length + 2)}. ${headOf(UNIT_OF_OFFICE[org.kind])} คณะทำงานและเลขานุการ`, { indent: true }),
    paragraph('ให้คณะทำงานมีหน้าที่วิเคราะห์ผลการประเมิน จัดทำมาตรการเพื่อพัฒนาประเด็นที่ได้คะแนนน้อย และติดตามผลการดำเนินงานตามมาตรการ', { indent: true }),
    paragraph(`ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป สั่ง ณ วันที่ ${orderDate}`, { indent: true }),
    paragraph(`(${spec.signature.name})`, { align: 'center' }),
    paragraph(spec.signature.position, { align: 'center' }),
    pageBreak,
  ]
}

/**
 * v12: an executive summary (บทสรุปผู้บริหาร) before the report, restating in prose the total, the
 * level, the tools' scores and the highest and lowest indicators' summary scores (so it cannot go
 * with values that print fewer of them, or round prose).
 */
function executiveSummary(spec: ReportSpec, c: Choices, f: Fmt, fy: string): Block[] {
  if (c.summary === 'below-pass' || c.scorePrecision === 'prose-one') throw new Error('an executive summary prints every score it names, at table precision')
  const org = spec.organisation
  const tool = (t: Tool) => `${toolName(t, c)} ได้ ${f.score(spec.tools.find((x) => x.tool === t)!.score)} คะแนน`
  const byScore = [...spec.indicators].sort((a, b) => b.scores.summary - a.scores.summary || a.number - b.number)
  const high = byScore[0]!
  const low = byScore[byScore.length - 1]!
  const items = new Set(spec.measures.map((m) => m.item)).size
  return [
    heading(1, 'บทสรุปผู้บริหาร', 'center'),
    paragraph(
      `สำนักงาน ป.ป.ช. ได้ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)${fy} ผลการประเมินของ${org.name} ได้คะแนน ${f.score(spec.total)} คะแนน ระดับผลการประเมิน ${spec.level}`,
      { indent: true },
    ),
    paragraph(`เมื่อพิจารณาตามเครื่องมือการประเมิน ${tool('IIT')} ${tool('EIT')} และ${tool('OIT')}`, { indent: true }),
    paragraph(
      `ตัวชี้วัดที่ได้คะแนนสูงสุด คือ ${f.ind(high)} (${f.score(high.scores.summary)} คะแนน) ส่วนตัวชี้วัดที่ได้คะแนนต่ำสุด คือ ${f.ind(low)} (${f.score(low.scores.summary)} คะแนน)`,
      { indent: true },
    ),
    paragraph(`${org.shortName}ได้วิเคราะห์ผลการประเมินและกำหนดมาตรการเพื่อพัฒนาประเด็นที่ได้คะแนนน้อย จำนวน ${f.n(items)} ประเด็น รายละเอียดปรากฏในรายงานฉบับนี้`, { indent: true }),
    pageBreak,
  ]
}

/**
 * v10: an external letter (หนังสือภายนอก) sending the report to the governor (or, for an agency
 * printed without a province, to the NACC): its numbers (ที่, อ้างถึง, the telephone) are of no value
 * in the report.
 */
function letterBlocks(spec: ReportSpec, f: Fmt, r: Random, fy: string): Block[] {
  const org = spec.organisation
  const d = spec.signature.date
  const month = THAI_MONTHS.find(([n]) => n === d.month)![1]
  const to = org.province !== null ? `ผู้ว่าราชการจังหวัด${org.province}` : 'เลขาธิการคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ'
  const place = org.district !== null ? `อำเภอ${org.district} จังหวัด${org.province}` : org.parent ?? `จังหวัด${org.province}`
  const unit = UNIT_OF_OFFICE[org.kind]
  return [
    paragraph(`ที่ ${f.text(`${r.int(50000, 59999)}/${r.int(100, 999)}`)}`),
    paragraph(org.name, { align: 'right' }),
    paragraph(place, { align: 'right' }),
    paragraph(`${f.n(d.day)} ${month} ${f.n(d.yearBE)}`, { align: 'center' }),
    paragraph(`เรื่อง ส่งรายงานการนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร${fy}`),
    paragraph(`เรียน ${to}`),
    paragraph(`อ้างถึง หนังสือสำนักงาน ป.ป.ช. ที่ ปช ${f.text(`000${r.int(1, 9)}/ว ${r.int(10, 999)}`)}`),
    paragraph(`สิ่งที่ส่งมาด้วย รายงานการนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร จำนวน ${f.n(1)} ชุด`),
    paragraph(
      `ตามหนังสือที่อ้างถึง สำนักงาน ป.ป.ช. ได้แจ้งผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ${fy} และขอให้หน่วยงานนำผลการประเมินไปจัดทำมาตรการเพื่อพัฒนาองค์กร นั้น`,
      { indent: true },
    ),
    paragraph(`${org.name} ได้วิเคราะห์ผลการประเมินและจัดทำมาตรการเรียบร้อยแล้ว จึงขอส่งรายงานดังกล่าวมาพร้อมนี้`, { indent: true }),
    paragraph('จึงเรียนมาเพื่อโปรดทราบ', { indent: true }),
    paragraph('ขอแสดงความนับถือ', { align: 'center' }),
    paragraph(`(${spec.signature.name})`, { align: 'center' }),
    paragraph(spec.signature.position, { align: 'center' }),
    paragraph(unit),
    paragraph(`โทร. ${f.text(`0 ${r.int(2000, 7999)} ${r.int(1000, 9999)}`)}`),
    pageBreak,
  ]
}

/** Who checks a report before its head signs it, by kind of agency. */
const CHECKER: Record<ReportSpec['organisation']['kind'], (org: string) => string> = {
  faculty: () => 'รองคณบดีฝ่ายบริหาร',
  department: () => 'เลขานุการกรม',
  'state-enterprise': () => 'ผู้อำนวยการฝ่ายกำกับการปฏิบัติตามกฎเกณฑ์',
  'province-office': () => 'หัวหน้าสำนักงานจังหวัด',
  school: () => 'รองผู้อำนวยการโรงเรียน',
  'police-station': () => 'รองผู้กำกับการป้องกันปราบปราม',
  pao: (org) => `ปลัด${org}`,
  sao: (org) => `ปลัด${org}`,
  'subdistrict-municipality': (org) => `ปลัด${org}`,
  'town-municipality': (org) => `ปลัด${org}`,
  hospital: () => 'รองผู้อำนวยการฝ่ายบริหาร',
  office: () => 'หัวหน้าฝ่ายบริหารทั่วไป',
  court: () => 'ผู้อำนวยการสำนักงานประจำศาล',
  'university-hospital': () => 'รองผู้อำนวยการฝ่ายบริหาร',
  'enterprise-branch': () => 'หัวหน้างานบริหารทั่วไป',
  'department-province': () => 'หัวหน้ากลุ่มงานยุทธศาสตร์การพัฒนาชุมชน',
  'public-organisation': () => 'ผู้จัดการฝ่ายบริหารกลาง',
  rajabhat: () => 'รองอธิการบดีฝ่ายบริหาร',
  'health-promoting': () => 'นักวิชาการสาธารณสุขชำนาญการ',
  'police-training': () => 'รองผู้บังคับการศูนย์ฝึกอบรม',
  'national-museum': () => 'หัวหน้าฝ่ายบริหารทั่วไป',
  'land-office': () => 'หัวหน้าฝ่ายอำนวยการ',
  'dms-hospital': () => 'รองผู้อำนวยการฝ่ายบริหาร',
  'pea-branch': () => 'หัวหน้าแผนกบริหารงานทั่วไป',
  'national-park': () => 'หัวหน้างานบริหารทั่วไป',
  consular: () => 'เลขานุการเอก',
  'vocational-college': () => 'รองผู้อำนวยการฝ่ายแผนงานและความร่วมมือ',
  'district-office': () => 'ปลัดอำเภอหัวหน้ากลุ่มงานบริหารงานปกครอง',
  prison: () => 'หัวหน้าฝ่ายบริหารทั่วไป',
  'provincial-health': () => 'รองนายแพทย์สาธารณสุขจังหวัด',
  'irrigation-project': () => 'หัวหน้าฝ่ายบริหารทั่วไป',
  'city-municipality': () => 'ปลัดเทศบาลนคร',
  'customs-checkpoint': () => 'หัวหน้าฝ่ายบริหารทั่วไป',
  'community-college': () => 'รองผู้อำนวยการวิทยาลัยชุมชน',
  'waterworks-region': () => 'ผู้อำนวยการกองบริหารทั่วไป',
  'bangkok-district': () => 'ผู้ช่วยผู้อำนวยการเขต',
  'revenue-area': () => 'หัวหน้าฝ่ายบริหารทั่วไป',
  'education-area': () => 'รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา',
  'military-welfare': () => 'ประจำแผนกสวัสดิการ',
  'southern-tambon': (org) => `ปลัด${org}`,
  'social-development': () => 'หัวหน้ากลุ่มอำนวยการ',
  'disaster-prevention': () => 'หัวหน้าฝ่ายบริหารทั่วไป',
  'agriculture-office': () => 'หัวหน้ากลุ่มยุทธศาสตร์และสารสนเทศ',
  'probation-office': () => 'หัวหน้าฝ่ายบริหารทั่วไป',
}

/** The unit that writes the memo, by kind of agency. */
const UNIT_OF_OFFICE: Record<ReportSpec['organisation']['kind'], string> = {
  faculty: 'งานบริหารทั่วไป',
  department: 'กลุ่มพัฒนาระบบบริหาร',
  'state-enterprise': 'ฝ่ายกำกับการปฏิบัติตามกฎเกณฑ์',
  'province-office': 'กลุ่มงานอำนวยการ',
  school: 'กลุ่มบริหารทั่วไป',
  'police-station': 'งานอำนวยการ',
  pao: 'สำนักปลัดองค์การบริหารส่วนจังหวัด',
  sao: 'สำนักปลัด',
  'subdistrict-municipality': 'สำนักปลัดเทศบาล',
  'town-municipality': 'สำนักปลัดเทศบาล',
  hospital: 'กลุ่มงานบริหารทั่วไป',
  office: 'ฝ่ายบริหารทั่วไป',
  court: 'ส่วนอำนวยการ',
  'university-hospital': 'ฝ่ายบริหารทั่วไป',
  'enterprise-branch': 'งานบริหารทั่วไป',
  'department-province': 'ฝ่ายบริหารทั่วไป',
  'public-organisation': 'ฝ่ายยุทธศาสตร์และแผน',
  rajabhat: 'กองนโยบายและแผน',
  'health-promoting': 'งานบริหารทั่วไป',
  'police-training': 'ฝ่ายอำนวยการ',
  'national-museum': 'ฝ่ายบริหารทั่วไป',
  'land-office': 'ฝ่ายอำนวยการ',
  'dms-hospital': 'กลุ่มงานอำนวยการ',
  'pea-branch': 'แผนกบริหารงานทั่วไป',
  'national-park': 'งานบริหารทั่วไป',
  consular: 'ฝ่ายกงสุล',
  'vocational-college': 'ฝ่ายแผนงานและความร่วมมือ',
  'district-office': 'กลุ่มงานบริหารงานปกครอง',
  prison: 'ฝ่ายบริหารทั่วไป',
  'provincial-health': 'กลุ่มงานบริหารทั่วไป',
  'irrigation-project': 'ฝ่ายบริหารทั่วไป',
  'city-municipality': 'สำนักปลัดเทศบาล',
  'customs-checkpoint': 'ฝ่ายบริหารทั่วไป',
  'community-college': 'งานนโยบายและแผน',
  'waterworks-region': 'กองบริหารทั่วไป',
  'bangkok-district': 'ฝ่ายปกครอง',
  'revenue-area': 'ฝ่ายบริหารทั่วไป',
  'education-area': 'กลุ่มอำนวยการ',
  'military-welfare': 'ฝ่ายสารบรรณ',
  'southern-tambon': 'สำนักปลัดเทศบาล',
  'social-development': 'กลุ่มอำนวยการ',
  'disaster-prevention': 'ฝ่ายบริหารทั่วไป',
  'agriculture-office': 'ฝ่ายบริหารทั่วไป',
  'probation-office': 'ฝ่ายบริหารทั่วไป',
}

/** The position heading a unit, as printed for the responsible units: ผู้อำนวยการกองคลัง, หัวหน้าสำนักปลัด. */
function headOf(unit: string): string {
  if (unit.startsWith('กอง') || unit.startsWith('สำนักการ')) return `ผู้อำนวยการ${unit}`
  if (unit.startsWith('คณะทำงาน')) return `ประธาน${unit}`
  return `หัวหน้า${unit}`
}

/** v13: a head's position as offices abbreviate it: ผอ.กองคลัง, หน.ฝ่ายวิศวกรรม, ปธ.คณะทำงาน... */
function abbreviatedHead(unit: string): string {
  const head = headOf(unit)
  return head.startsWith('ผู้อำนวยการ') ? `ผอ.${unit}` : head.startsWith('ประธาน') ? `ปธ.${unit}` : `หน.${unit}`
}

/** The page each block falls on, counted as the transcript counts them (title page = 1). */
function pagesOf(blocks: readonly Block[]): number[] {
  let page = 1
  let hasContent = false
  return blocks.map((b) => {
    if (b.kind === 'page-break' || b.kind === 'orientation') {
      if (hasContent) page++
      hasContent = false
    } else hasContent = true
    return page
  })
}

/** หมายเหตุ under a table, when the template prints notes. */
function notes(c: Choices, text: string): Block[] {
  return c.notes === 'footnote' ? [paragraph(`หมายเหตุ : ${text}`)] : []
}

/** v17 notes 'source': where a table of scores comes from, under it (its date of no value in the report). */
function sourceLine(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  return c.notes === 'source' ? [paragraph(`ที่มา : ระบบ ITAS สำนักงาน ป.ป.ช. (ข้อมูล ณ วันที่ ${f.n(30)} กันยายน ${f.n(spec.fiscalYear)})`)] : []
}

// --- summary and tools ---------------------------------------------------------------------

function summaryBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const intro = paragraph(`ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ${spec.organisation.name} จำแนกรายตัวชี้วัด ดังนี้`, { indent: true })
  const tools = toolBlocks(spec, c, f)
  // v7: an asterisk on the scores below the pass mark is explained under the table.
  const marked = c.scoreMark === 'asterisk' ? [paragraph(`* ตัวชี้วัดที่ได้คะแนนต่ำกว่าเกณฑ์ผ่าน (${f.score(PASS_MARK)} คะแนน)`)] : []
  return [
    ...(c.toolScores === 'table-before' ? tools : []),
    heading(2, 'สรุปผลการประเมินรายตัวชี้วัด'),
    ...glossaryBlocks(spec, c, f),
    intro,
    ...(c.summary === 'chart-table' ? [paragraph('แผนภูมิแสดงผลคะแนนการประเมินรายตัวชี้วัด', { bold: true })] : []),
    ...(c.summary === 'split'
      ? splitSummary(spec, c, f)
      : c.summary === 'sentence-list'
        ? summarySentences(spec, c, f)
        : c.summary === 'leader-list'
        ? leaderList(spec, c, f)
        : c.summary === 'below-pass'
          ? belowPassSummary(spec, c, f)
          : c.summary === 'per-tool-tables'
            ? perToolSummary(spec, c, f)
            : [summaryTable(spec, c, f)]),
    ...marked,
    ...(c.summary === 'number-across' ? [paragraph('คำอธิบาย', { bold: true }), ...spec.indicators.map((ind) => paragraph(`ตัวชี้วัดที่ ${f.n(ind.number)} หมายถึง ${ind.name}`))] : []),
    ...notes(c, `คะแนนเต็ม ${f.n(100)} คะแนน หน่วยงานที่ได้คะแนนตั้งแต่ ${f.score(85)} คะแนนขึ้นไปถือว่าผ่านการประเมิน`),
    ...sourceLine(spec, c, f),
    ...(c.toolScores === 'column' ? [] : c.toolScores === 'table-before' ? [] : tools),
  ]
}

/**
 * v10: only the indicators below the pass mark in a table, the others in a sentence without their
 * scores (a perfect reader has no summary score for them).
 */
function belowPassSummary(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.toolScores === 'column' || c.toolScores === 'group-rows' || c.toolScores === 'after-rows' || c.summaryTotalRow !== 'none') throw new Error('a below-pass summary has no tool or total rows')
  const low = spec.indicators.filter((ind) => ind.scores.summary < PASS_MARK)
  const others = spec.indicators.length - low.length
  if (low.length === 0) return [paragraph(`ทุกตัวชี้วัดได้คะแนนตั้งแต่ ${f.score(PASS_MARK)} คะแนนขึ้นไป ผ่านเกณฑ์การประเมินทั้ง ${f.n(others)} ตัวชี้วัด`, { indent: true })]
  return [
    paragraph(`ตัวชี้วัดที่ได้คะแนนต่ำกว่าเกณฑ์ (${f.score(PASS_MARK)} คะแนน) ซึ่งหน่วยงานต้องเร่งพัฒนา มีดังนี้`, { indent: true }),
    {
      kind: 'table',
      role: 'summary',
      columns: [75, 25],
      repeatHeader: 1,
      rows: [
        { cells: [headerCell('ตัวชี้วัด'), headerCell([f.scoreHead('คะแนน'), ...f.asOf])] },
        ...low.map((ind) => ({ cells: [cell(f.ind(ind), { valign: c.valign }), cell(f.summaryScore(ind.scores.summary, ind.number), { align: 'center', valign: 'middle' })] })),
      ],
    },
    ...(others > 0 ? [paragraph(`ส่วนตัวชี้วัดอื่นอีก ${f.n(others)} ตัวชี้วัด ได้คะแนนผ่านเกณฑ์การประเมินทุกตัวชี้วัด`, { indent: true })] : []),
  ]
}

function summaryTable(spec: ReportSpec, c: Choices, f: Fmt): TableBlock {
  if (c.indicatorResult !== 'none' && c.summary !== 'ranked' && c.summary !== 'number-column') throw new Error(`summary ${c.summary} has no result column`)
  if (c.summary === 'transposed') return transposedSummary(spec, c, f)
  const table = withToolGroupRows(spec, summaryRows(spec, c, f), c, f)
  if (c.summaryTotalRow === 'none') return table
  if (c.summary === 'with-previous' || c.summary === 'current-first') {
    // Last year's total and the difference as the overall analysis prints them.
    const p = spec.previous
    const years = c.summary === 'current-first' ? [f.score(spec.total), f.score(p.score)] : [f.score(p.score), f.score(spec.total)]
    const total: Row = { cells: [cell('คะแนนรวม', { header: true, align: 'center' }), ...[...years, signed(p.difference, f)].map((x) => cell(x, { header: true, align: 'center', valign: 'middle' }))] }
    return { ...table, rows: [...table.rows, total] }
  }
  const label = c.summary === 'numbered-tool' ? 'คะแนนเฉลี่ยรวม' : 'คะแนนรวม'
  const total: Row = { cells: [cell(label, { header: true, colSpan: table.columns.length - 1, align: 'center' }), cell(f.score(spec.total), { header: true, align: 'center', valign: 'middle' })] }
  return { ...table, rows: [...table.rows, total] }
}

/**
 * Indicators as columns under their tool: เครื่องมือ | IIT (5 columns) | EIT (3) | OIT (2), then the
 * indicator numbers, then their scores; tool scores in a row of cells spanning their indicators.
 */
function transposedSummary(spec: ReportSpec, c: Choices, f: Fmt): TableBlock {
  if (c.toolScores === 'group-rows' || c.toolScores === 'after-rows') throw new Error(`a transposed summary has no place for toolScores ${c.toolScores}`)
  const tools = spec.tools.map((t) => ({ ...t, span: spec.indicators.filter((i) => i.tool === t.tool).length }))
  const label = (text: string) => cell(text, { header: true, valign: 'middle' })
  const centred = (text: string, span = 1) => cell(text, { align: 'center', valign: 'middle', ...(span > 1 && { colSpan: span }) })
  const rows: Row[] = [
    { cells: [headerCell('เครื่องมือ'), ...tools.map((t) => headerCell(t.tool, { colSpan: t.span }))] },
    { cells: [headerCell('ตัวชี้วัดที่'), ...spec.indicators.map((i) => headerCell(f.n(i.number)))] },
    { cells: [label(f.scoreHead('คะแนนรายตัวชี้วัด')), ...spec.indicators.map((i) => centred(f.summaryScore(i.scores.summary, i.number)))] },
  ]
  if (c.toolScores === 'column') rows.push({ cells: [label(f.scoreHead('คะแนนรายเครื่องมือ')), ...tools.map((t) => centred(f.score(t.score), t.span))] })
  if (c.summaryTotalRow === 'row') rows.push({ cells: [label('คะแนนรวม'), centred(f.score(spec.total), spec.indicators.length)] })
  return { kind: 'table', role: 'summary', columns: [22, ...spec.indicators.map(() => 7.8)], repeatHeader: 2, rows, scale: 0.9 }
}

/** +1.25, -0.50, 0.00: a change as a summary with last year's scores prints it. */
const signed = (x: number, f: Fmt) => `${x > 0 ? '+' : x < 0 ? '-' : ''}${f.score(Math.abs(x))}`

/**
 * ตัวชี้วัด | last year's score | this year's | the change. Last year's indicator scores are not in
 * the spec (a report's truth has last year's total only): they come from a stream of their own.
 */
function summaryWithPrevious(spec: ReportSpec, c: Choices, f: Fmt): TableBlock {
  if (c.toolScores === 'column' || c.toolScores === 'group-rows' || c.toolScores === 'after-rows') throw new Error(`a summary with last year's scores has no place for toolScores ${c.toolScores}`)
  const r = seededRandom(subSeed(spec.seed, 'previous-indicators'))
  const year = (y: number) => f.scoreHead(`ปีงบประมาณ พ.ศ. ${f.n(y)}`)
  // v15 'current-first': this year's column before last year's (ปี 2568 | ปี 2567 | ผลต่าง).
  const first = c.summary === 'current-first'
  const before = headerCell(first ? `ปี ${f.n(spec.previous.year)}` : year(spec.previous.year))
  const now = headerCell([first ? f.scoreHead(`ปี ${f.n(spec.fiscalYear)}`) : year(spec.fiscalYear), ...f.asOf])
  return {
    kind: 'table',
    role: 'summary',
    columns: [46, 18, 18, 18],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell('ตัวชี้วัด'), ...(first ? [now, before] : [before, now]), headerCell(first ? 'ผลต่าง' : 'เพิ่มขึ้น/ลดลง')] },
      ...spec.indicators.map((ind) => {
        const now = ind.scores.summary
        const before = Math.min(100, Math.max(0, Math.round((now + r.int(-900, 900) / 100) * 100) / 100))
        const change = Math.round((now - before) * 100) / 100
        const centred = (x: string) => cell(x, { align: 'center', valign: 'middle' })
        const scores = first ? [centred(f.summaryScore(now, ind.number)), centred(f.score(before))] : [centred(f.score(before)), centred(f.summaryScore(now, ind.number))]
        return { cells: [cell(f.ind(ind), { valign: c.valign }), ...scores, centred(signed(change, f))] }
      }),
    ],
  }
}

/**
 * An indicator's score `back` years before the report's (v17), from a stream of its own per indicator: the
 * summary's trend columns and arrows; none of them in the spec or of value in the report.
 */
function previousIndicatorScore(spec: ReportSpec, indicator: number, back: number): number {
  const r = seededRandom(subSeed(spec.seed, `previous-indicator:${indicator}:${back}`))
  const now = spec.indicators.find((i) => i.number === indicator)!.scores.summary
  return Math.min(100, Math.max(0, Math.round((now + (r.int(-800, 800) * back) / 100) * 100) / 100))
}

/**
 * v17 summary 'three-years': ตัวชี้วัด | the two years before | this year | ผลต่าง (this year's less last year's), as an
 * agency tracking a trend prints it.
 */
function summaryThreeYears(spec: ReportSpec, c: Choices, f: Fmt): TableBlock {
  if (c.toolScores === 'column' || c.toolScores === 'group-rows' || c.toolScores === 'after-rows') throw new Error(`a summary of three years has no place for toolScores ${c.toolScores}`)
  if (c.summaryTotalRow !== 'none') throw new Error('a summary of three years prints no total row')
  const centred = (x: string) => cell(x, { align: 'center', valign: 'middle' })
  const years = [spec.fiscalYear - 2, spec.fiscalYear - 1, spec.fiscalYear]
  return {
    kind: 'table',
    role: 'summary',
    columns: [40, 15, 15, 15, 15],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell('ตัวชี้วัด'), ...years.map((y, k) => headerCell([f.scoreHead(`ปี ${f.n(y)}`), ...(k === 2 ? f.asOf : [])])), headerCell(`ผลต่าง (${f.n(years[2]!)}-${f.n(years[1]!)})`)] },
      ...spec.indicators.map((ind) => {
        const now = ind.scores.summary
        const [before2, before1] = [previousIndicatorScore(spec, ind.number, 2), previousIndicatorScore(spec, ind.number, 1)]
        const change = Math.round((now - before1) * 100) / 100
        return { cells: [cell(f.ind(ind), { valign: c.valign }), centred(f.score(before2)), centred(f.score(before1)), centred(f.summaryScore(now, ind.number)), centred(signed(change, f))] }
      }),
    ],
  }
}

/**
 * With toolScores 'group-rows': a row naming each tool with its score above the tool's indicators;
 * with 'after-rows': a row of its own after them (คะแนนเฉลี่ย IIT | 85.20).
 */
function withToolGroupRows(spec: ReportSpec, table: TableBlock, c: Choices, f: Fmt): TableBlock {
  if (c.toolScores !== 'group-rows' && c.toolScores !== 'after-rows') return table
  const [header, ...rows] = table.rows
  const out: Row[] = [header!]
  const toolRow = (tool: ReportSpec['tools'][number], label: string): Row => ({
    cells: [cell(label, { header: true, colSpan: table.columns.length - 1, ...(c.toolScores === 'after-rows' && { align: 'right' as const }) }), cell(f.score(tool.score), { header: true, align: 'center', valign: 'middle' })],
  })
  spec.indicators.forEach((ind, i) => {
    const tool = spec.tools.find((t) => t.tool === ind.tool)!
    if (c.toolScores === 'group-rows' && spec.indicators.findIndex((x) => x.tool === ind.tool) === i) out.push(toolRow(tool, toolName(tool.tool, c)))
    out.push(rows[i]!)
    if (c.toolScores === 'after-rows' && spec.indicators.findLastIndex((x) => x.tool === ind.tool) === i) out.push(toolRow(tool, `คะแนนเฉลี่ย ${tool.tool}`))
  })
  return { ...table, rows: out }
}

function summaryRows(spec: ReportSpec, c: Choices, f: Fmt): TableBlock {
  const v = c.valign
  const label = f.ind
  // The summary's score header, with the template's note under it.
  const scoreHeader = (words: string) => headerCell([f.scoreHead(words), ...f.asOf])
  switch (c.summary) {
    case 'transposed':
      throw new Error('a transposed summary is made by transposedSummary')
    case 'below-pass':
      throw new Error('a below-pass summary is made by belowPassSummary')
    case 'with-previous':
    case 'current-first':
      return summaryWithPrevious(spec, c, f)
    case 'three-years':
      return summaryThreeYears(spec, c, f)
    case 'split':
      throw new Error('a split summary is made by splitSummary')
    case 'sentence-list':
      throw new Error('a summary of sentences is made by summarySentences')
    case 'leader-list':
      throw new Error('a summary list with dot leaders is made by leaderList')
    case 'per-tool-tables':
      throw new Error('a summary per tool is made by perToolSummary')
    case 'tool-matrix':
      return toolMatrix(spec, c, f)
    case 'tool-outline':
      return toolOutline(spec, c, f)
    case 'chart-table': {
      // A chart's data table as a spreadsheet pastes it: the names across in narrow columns, one score row.
      if (c.toolScores === 'column' || c.toolScores === 'group-rows' || c.toolScores === 'after-rows') throw new Error(`a chart's data table has no place for toolScores ${c.toolScores}`)
      return {
        kind: 'table',
        role: 'summary',
        columns: [12, ...spec.indicators.map(() => 8.8)],
        repeatHeader: 1,
        scale: 0.85,
        rows: [
          { cells: [headerCell('ตัวชี้วัด'), ...spec.indicators.map((ind) => headerCell(ind.name))] },
          { cells: [cell(f.scoreHead('คะแนน'), { header: true, valign: 'middle' }), ...spec.indicators.map((ind) => cell(f.summaryScore(ind.scores.summary, ind.number), { align: 'center', valign: 'middle' }))] },
        ],
      }
    }
    case 'number-across': {
      // v12: the indicators across by number alone; their names in the legend summaryBlocks prints under the table.
      if (c.toolScores === 'column' || c.toolScores === 'group-rows' || c.toolScores === 'after-rows') throw new Error(`a summary across has no place for toolScores ${c.toolScores}`)
      return {
        kind: 'table',
        role: 'summary',
        columns: [14, ...spec.indicators.map(() => 8.6)],
        repeatHeader: 1,
        rows: [
          { cells: [headerCell('ตัวชี้วัดที่'), ...spec.indicators.map((ind) => headerCell(f.n(ind.number)))] },
          { cells: [cell(f.scoreHead('คะแนน'), { header: true, valign: 'middle' }), ...spec.indicators.map((ind) => cell(f.summaryScore(ind.scores.summary, ind.number), { align: 'center', valign: 'middle' }))] },
        ],
      }
    }
    case 'ranked': {
      if (c.toolScores === 'column' || c.toolScores === 'group-rows' || c.toolScores === 'after-rows') throw new Error(`a ranked summary has no place for toolScores ${c.toolScores}`)
      // Highest first; equal scores in indicator order.
      const ranked = [...spec.indicators].sort((a, b) => b.scores.summary - a.scores.summary || a.number - b.number)
      return {
        kind: 'table',
        role: 'summary',
        columns: [9, 55, 12, 14, ...resultWidth(c)],
        repeatHeader: 1,
        rows: [
          { cells: [headerCell('ลำดับ'), headerCell('ตัวชี้วัด'), headerCell('เครื่องมือ'), scoreHeader('คะแนน'), ...resultHeader(c)] },
          ...ranked.map((ind, k) => ({
            cells: [
              cell(f.n(k + 1), { align: 'center', valign: v }),
              cell(f.ind(ind), { valign: v }),
              cell(ind.tool, { align: 'center', valign: v }),
              cell(f.summaryScore(ind.scores.summary, ind.number), { align: 'center', valign: v }),
              ...resultCell(ind.scores.summary, c, v, f),
            ],
          })),
        ],
      }
    }
    case 'tool-span': {
      const rows: Row[] = spec.indicators.map((ind, i) => {
        const tool = spec.tools.find((t) => t.tool === ind.tool)!
        const first = spec.indicators.findIndex((x) => x.tool === ind.tool) === i
        const span = spec.indicators.filter((x) => x.tool === ind.tool).length
        const cells: Cell[] = [cell(label(ind), { valign: v }), cell(f.summaryScore(ind.scores.summary, ind.number), { align: 'center', valign: 'middle' })]
        if (c.toolScores === 'column' && first) cells.push(cell(f.score(tool.score), { align: 'center', valign: 'middle', rowSpan: span }))
        return { cells }
      })
      const header = [headerCell('ตัวชี้วัด'), scoreHeader('คะแนนรายตัวชี้วัด'), ...(c.toolScores === 'column' ? [headerCell(f.scoreHead('คะแนนรายเครื่องมือ'))] : [])]
      return { kind: 'table', role: 'summary', columns: c.toolScores === 'column' ? [52, 24, 24] : [70, 30], repeatHeader: 1, rows: [{ cells: header }, ...rows] }
    }
    case 'numbered-tool':
      return {
        kind: 'table',
        role: 'summary',
        columns: [10, 56, 14, 20],
        repeatHeader: 1,
        rows: [
          { cells: [headerCell('ลำดับ'), headerCell('ตัวชี้วัด'), headerCell('เครื่องมือ'), scoreHeader('คะแนน')] },
          ...spec.indicators.map((ind) => ({
            cells: [cell(f.n(ind.number), { align: 'center', valign: v }), cell(ind.name, { valign: v }), cell(ind.tool, { align: 'center', valign: v }), cell(f.summaryScore(ind.scores.summary, ind.number), { align: 'center', valign: v })],
          })),
        ],
      }
    case 'number-column':
      return numberColumnTable(spec.indicators, c, f)
    case 'names-only':
      // A narrow name column: long names wrap over two lines.
      return {
        kind: 'table',
        role: 'summary',
        columns: [30, 18],
        repeatHeader: 1,
        rows: [
          { cells: [headerCell('ตัวชี้วัด'), scoreHeader('ผลคะแนน')] },
          ...spec.indicators.map((ind) => ({ cells: [cell(ind.name, { valign: v }), cell(f.summaryScore(ind.scores.summary, ind.number), { align: 'center', valign: 'middle' })] })),
        ],
      }
  }
}

/**
 * v14: the tools as columns, the indicators as rows, an indicator's score only under its own tool (a dash
 * elsewhere), as a spreadsheet pivot prints it; with toolScores 'column' the tools' scores in a last row.
 */
function toolMatrix(spec: ReportSpec, c: Choices, f: Fmt): TableBlock {
  if (c.toolScores === 'group-rows' || c.toolScores === 'after-rows' || c.summaryTotalRow !== 'none' || c.indicatorResult !== 'none') throw new Error('a tool matrix has no tool, total or result rows of its own kind')
  const tools: Tool[] = ['IIT', 'EIT', 'OIT']
  const v = c.valign
  const centred = (text: string) => cell(text, { align: 'center', valign: 'middle' })
  return {
    kind: 'table',
    role: 'summary',
    columns: [55, 15, 15, 15],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell('ตัวชี้วัด'), ...tools.map((t) => headerCell(t))] },
      ...spec.indicators.map((ind) => ({ cells: [cell(f.ind(ind), { valign: v }), ...tools.map((t) => centred(t === ind.tool ? f.summaryScore(ind.scores.summary, ind.number) : '-'))] })),
      ...(c.toolScores === 'column' ? [{ cells: [cell('คะแนนรายเครื่องมือ', { header: true }), ...tools.map((t) => cell(f.score(spec.tools.find((x) => x.tool === t)!.score), { header: true, align: 'center', valign: 'middle' }))] }] : []),
    ],
  }
}

/**
 * v11: ที่ | เครื่องมือ/ตัวชี้วัด | คะแนน, each tool a bold row numbered 1, 2, 3 with its score, its
 * indicators under it by name alone, numbered 1.1, 1.2 ... within the tool (not the indicators' own numbers).
 */
function toolOutline(spec: ReportSpec, c: Choices, f: Fmt): TableBlock {
  if (c.toolScores !== 'column') throw new Error('an outline summary holds the tool scores itself (toolScores column)')
  const v = c.valign
  const tools: Tool[] = ['IIT', 'EIT', 'OIT']
  return {
    kind: 'table',
    role: 'summary',
    columns: [10, 68, 22],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell('ที่'), headerCell('เครื่องมือ/ตัวชี้วัด'), headerCell([f.scoreHead('คะแนน'), ...f.asOf])] },
      ...tools.flatMap((tool, k): Row[] => [
        { cells: [cell(f.n(k + 1), { header: true, align: 'center' }), cell(toolName(tool, c), { header: true }), cell(f.score(spec.tools.find((t) => t.tool === tool)!.score), { header: true, align: 'center', valign: 'middle' })] },
        ...spec.indicators
          .filter((ind) => ind.tool === tool)
          .map((ind, j) => ({
            cells: [cell(`${f.n(k + 1)}.${f.n(j + 1)}`, { align: 'center', valign: v }), cell(ind.name, { valign: v }), cell(f.summaryScore(ind.scores.summary, ind.number), { align: 'center', valign: 'middle' })],
          })),
      ]),
    ],
  }
}

/** ตัวชี้วัดที่ | ชื่อตัวชี้วัด | คะแนน, and the v7 result column when the template prints one. */
function numberColumnTable(indicators: readonly IndicatorSpec[], c: Choices, f: Fmt): TableBlock {
  const v = c.valign
  return {
    kind: 'table',
    role: 'summary',
    columns: [16, 60, 24, ...resultWidth(c)],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell('ตัวชี้วัดที่'), headerCell('ชื่อตัวชี้วัด'), headerCell([f.scoreHead('คะแนน'), ...f.asOf]), ...resultHeader(c)] },
      ...indicators.map((ind) => ({
        cells: [cell(f.n(ind.number), { align: 'center', valign: v }), cell(ind.name, { valign: v }), cell(f.summaryScore(ind.scores.summary, ind.number), { align: 'center', valign: v }), ...resultCell(ind.scores.summary, c, v, f)],
      })),
    ],
  }
}

/**
 * v7: the summary in two tables, the perception surveys' indicators (IIT, EIT) and the open-data
 * ones (OIT), each under a line naming its tools.
 */
function splitSummary(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (!['table-before', 'table-after', 'sentences'].includes(c.toolScores)) throw new Error(`a split summary has no place for toolScores ${c.toolScores}`)
  if (c.summaryTotalRow !== 'none') throw new Error('a split summary has no total row')
  const parts = [
    ['ส่วนที่ประเมินจากแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายในและภายนอก (IIT และ EIT)', spec.indicators.filter((i) => i.tool !== 'OIT')],
    ['ส่วนที่ประเมินจากแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)', spec.indicators.filter((i) => i.tool === 'OIT')],
  ] as const
  return parts.flatMap(([line, indicators]) => [paragraph(line, { bold: true }), numberColumnTable(indicators, c, f)])
}

/** v9: the summary as a numbered list of sentences, one an indicator, no table. */
function summarySentences(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.toolScores === 'column' || c.toolScores === 'group-rows' || c.toolScores === 'after-rows') throw new Error(`a summary of sentences has no place for toolScores ${c.toolScores}`)
  if (c.summaryTotalRow !== 'none' || c.indicatorResult !== 'none') throw new Error('a summary of sentences has no total row or result column')
  return spec.indicators.map((ind, k) => paragraph(`${f.n(k + 1)}. ${f.ind(ind)} ได้คะแนน ${f.summaryScore(ind.scores.summary, ind.number)} คะแนน`, { indent: true }))
}

/**
 * v13: a plain numbered list as typed in Word, the indicator by name alone (the list's numbers are the
 * indicators' own), a dot leader to its score (1. การปฏิบัติหน้าที่ .......... 95.12).
 */
function leaderList(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.toolScores === 'column' || c.toolScores === 'group-rows' || c.toolScores === 'after-rows') throw new Error(`a summary list has no place for toolScores ${c.toolScores}`)
  if (c.summaryTotalRow !== 'none' || c.indicatorResult !== 'none') throw new Error('a summary list has no total row or result column')
  const width = Math.max(...spec.indicators.map((i) => i.name.length))
  return spec.indicators.map((ind) => paragraph(`${f.n(ind.number)}. ${ind.name} ${'.'.repeat(12 + Math.round((width - ind.name.length) * 0.8))} ${f.summaryScore(ind.scores.summary, ind.number)}`, { indent: true }))
}

/**
 * v16: a small table per tool under a bold line naming it; the tool's score on that line when the template
 * prints tool scores with the summary (toolScores 'column').
 */
function perToolSummary(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.toolScores === 'group-rows' || c.toolScores === 'after-rows') throw new Error(`a summary per tool has no place for toolScores ${c.toolScores}`)
  if (c.summaryTotalRow !== 'none' || c.indicatorResult !== 'none') throw new Error('a summary per tool has no total row or result column')
  return spec.tools.flatMap((t, k): Block[] => [
    paragraph(`${f.n(k + 1)}) ${toolName(t.tool, c)}${c.toolScores === 'column' ? ` คะแนน ${f.score(t.score)} คะแนน` : ''}`, { bold: true }),
    {
      kind: 'table',
      role: 'summary',
      columns: [76, 24],
      repeatHeader: 1,
      rows: [
        { cells: [headerCell('ตัวชี้วัด'), headerCell([f.scoreHead('คะแนน'), ...f.asOf])] },
        ...spec.indicators.filter((ind) => ind.tool === t.tool).map((ind) => ({ cells: [cell(f.ind(ind), { valign: c.valign }), cell(f.summaryScore(ind.scores.summary, ind.number), { align: 'center', valign: 'middle' })] })),
      ],
    },
  ])
}

/** The tools' English names, as the NACC's manual gives them. */
const TOOL_NAMES_EN: Record<Tool, string> = {
  IIT: 'Internal Integrity and Transparency Assessment',
  EIT: 'External Integrity and Transparency Assessment',
  OIT: 'Open Data Integrity and Transparency Assessment',
}

/**
 * v16 glossary 'tools': what each tool is, the indicators it covers and its weight, before the summary; none
 * of its numbers is of value in the report.
 */
function glossaryBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.glossary === 'none') return []
  return [
    heading(3, 'คำอธิบายเครื่องมือการประเมิน'),
    ...spec.tools.map((t, k) => {
      const numbers = spec.indicators.filter((ind) => ind.tool === t.tool).map((ind) => ind.number)
      const covers = numbers.length === 1 ? `ตัวชี้วัดที่ ${f.n(numbers[0]!)}` : `ตัวชี้วัดที่ ${f.n(numbers[0]!)}-${f.n(numbers.at(-1)!)}`
      return paragraph(`${f.n(k + 1)}) ${TOOL_NAMES[t.tool].replace(/ \([A-Z]+\)$/, '')} (${TOOL_NAMES_EN[t.tool]} : ${t.tool}) ประเมิน${covers} น้ำหนักร้อยละ ${f.n(TOOL_WEIGHTS[t.tool])}`, { indent: true })
    }),
  ]
}

/** The NACC's grade of a score. */
const gradeOf = (score: number) => (score >= 95 ? 'AA' : score >= 85 ? 'A' : score >= 75 ? 'B' : score >= 65 ? 'C' : score >= 55 ? 'D' : score >= 50 ? 'E' : 'F')

/** v7 result column: ผ่าน / ไม่ผ่าน against the pass mark, or a grade on the A-F scale agencies print. */
const resultWidth = (c: Choices) => (c.indicatorResult === 'none' ? [] : [14])
const resultHeader = (c: Choices) =>
  c.indicatorResult === 'none' ? [] : [headerCell(c.indicatorResult === 'grade' ? 'ระดับ' : c.indicatorResult === 'target' ? 'ค่าเป้าหมาย' : 'ผลการประเมิน')]
function resultCell(score: number, c: Choices, valign: Cell['valign'], f: Fmt): Cell[] {
  if (c.indicatorResult === 'none') return []
  // v12: next year's target, a whole number above this year's score.
  if (c.indicatorResult === 'target') return [cell(f.n(score < PASS_MARK ? PASS_MARK : score < 95 ? 95 : 100), { align: 'center', valign })]
  const grade = gradeOf(score)
  return [cell(c.indicatorResult === 'grade' ? grade : score >= PASS_MARK ? 'ผ่าน' : 'ไม่ผ่าน', { align: 'center', valign })]
}

function toolBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.toolScores === 'column' || c.toolScores === 'group-rows' || c.toolScores === 'after-rows') return []
  if (c.toolScores === 'sentences') {
    const parts = spec.tools.map((t) => `${toolName(t.tool, c)} ได้ ${f.score(t.score)} คะแนน`)
    return [paragraph(`เมื่อพิจารณาตามเครื่องมือการประเมิน ${parts.join(' ')}`, { indent: true })]
  }
  if (c.toolScores === 'weighted') return weightedToolTable(spec, c, f)
  if (c.toolScores === 'chart-data') return chartDataTable(spec, c, f)
  if (c.toolScores === 'across') {
    // v8: the tools across, one score row, under the summary.
    return [
      paragraph('ผลคะแนนรายเครื่องมือ', { bold: true }),
      {
        kind: 'table',
        role: 'tools',
        columns: [28, 24, 24, 24],
        repeatHeader: 1,
        rows: [
          { cells: [headerCell('เครื่องมือ'), ...spec.tools.map((t) => headerCell(t.tool))] },
          { cells: [cell(f.scoreHead('คะแนน'), { header: true, valign: 'middle' }), ...spec.tools.map((t) => cell(f.score(t.score), { align: 'center', valign: 'middle' }))] },
        ],
      },
    ]
  }
  return [
    heading(2, 'ผลคะแนนรายเครื่องมือ'),
    {
      kind: 'table',
      role: 'tools',
      columns: [75, 25],
      repeatHeader: 1,
      rows: [
        { cells: [headerCell('เครื่องมือการประเมิน'), headerCell(f.scoreHead('คะแนน'))] },
        ...spec.tools.map((t) => ({ cells: [cell(toolName(t.tool, c), { valign: c.valign }), cell(f.score(t.score), { align: 'center', valign: c.valign })] })),
      ],
    },
  ]
}

/**
 * v13: a bar chart of the tools and the total as a spreadsheet draws it: its title, then the data
 * table printed under it (ตารางข้อมูลประกอบแผนภูมิ), one row a bar (the chart itself is no text).
 */
function chartDataTable(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const v = c.valign
  return [
    paragraph(`แผนภูมิที่ ${f.n(1)} ผลคะแนนการประเมิน ITA จำแนกตามเครื่องมือการประเมิน`, { bold: true, align: 'center' }),
    paragraph('ตารางข้อมูลประกอบแผนภูมิ', { bold: true }),
    {
      kind: 'table',
      role: 'tools',
      columns: [70, 30],
      repeatHeader: 1,
      rows: [
        { cells: [headerCell('ชุดข้อมูล'), headerCell('ค่า (คะแนน)')] },
        ...spec.tools.map((t) => ({ cells: [cell(toolName(t.tool, c), { valign: v }), cell(f.score(t.score), { align: 'right', valign: v })] })),
        { cells: [cell('ITA (คะแนนรวม)', { valign: v }), cell(f.score(spec.total), { align: 'right', valign: v })] },
      ],
    },
  ]
}

/** The tools' weights (ร้อยละ), as the ITA scoring sets them (shared/docs/ita-format.md). */
const TOOL_WEIGHTS: Record<Tool, number> = { IIT: 30, EIT: 30, OIT: 40 }

/**
 * v9: เครื่องมือ | คะแนนที่ได้ | น้ำหนัก (ร้อยละ) | คะแนนถ่วงน้ำหนัก and a total row. The weighted
 * scores are numbers of no value in the report (worked out from the printed tool scores); the total
 * row is the total as the overall analysis prints it.
 */
function weightedToolTable(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const v = c.valign
  const centred = (x: string) => cell(x, { align: 'center', valign: v })
  return [
    paragraph('ผลคะแนนรายเครื่องมือและคะแนนถ่วงน้ำหนัก', { bold: true }),
    {
      kind: 'table',
      role: 'tools',
      columns: [46, 18, 18, 18],
      repeatHeader: 1,
      rows: [
        { cells: [headerCell('เครื่องมือการประเมิน'), headerCell(f.scoreHead('คะแนนที่ได้')), headerCell('น้ำหนัก (ร้อยละ)'), headerCell('คะแนนถ่วงน้ำหนัก')] },
        ...spec.tools.map((t) => ({
          cells: [cell(toolName(t.tool, c), { valign: v }), centred(f.score(t.score)), centred(f.n(TOOL_WEIGHTS[t.tool])), centred(f.score(Math.round(t.score * TOOL_WEIGHTS[t.tool]) / 100))],
        })),
        { cells: [cell('คะแนนรวม (ITA Score)', { header: true, colSpan: 3, align: 'center' }), cell(f.score(spec.total), { header: true, align: 'center', valign: 'middle' })] },
      ],
    },
  ]
}

// --- detail list ---------------------------------------------------------------------------

function detailBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const note = notes(c, `${toolName('OIT', c)} ให้คะแนนรายข้อเป็น ${f.n(0)} หรือ ${f.n(100)} คะแนน ตามการมีหรือไม่มีข้อมูลบนเว็บไซต์ของหน่วยงาน`)
  return [...detailTables(spec, c, f), ...note, ...sourceLine(spec, c, f)]
}

function detailTables(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const title = heading(2, 'ผลคะแนนรายประเด็นการประเมิน')
  if (c.itemVerdict !== 'none' && c.detail !== 'two-col' && c.detail !== 'three-col') throw new Error('a verdict column is printed in the two- and three-column detail lists')
  if (c.detail === 'indicator-span') return [title, detailSpanTable(spec.indicators, c, f)]
  if (c.detail === 'numbered-titles') return [title, detailNumberedTable(spec.indicators, c, f)]
  if (c.detail === 'full-marks-column') return [title, detailFullMarksTable(spec.indicators, c, f)]
  if (c.detail === 'subtotal-after') return [title, detailSubtotalTable(spec.indicators, c, f)]
  if (c.detail === 'with-previous-year') return [title, detailPreviousYearTable(spec, c, f)]
  if (c.detail === 'below-full') {
    // v12: only the items not at full marks, in the two-column list.
    return [
      title,
      paragraph(`ประเด็นการประเมินที่ได้คะแนนไม่เต็ม ${f.n(100)} คะแนน มีดังนี้`, { indent: true }),
      detailTable(
        spec.indicators.flatMap((ind) => {
          const low = ind.items.filter((i) => i.score < 100)
          return low.length === 0 ? [] : [{ ...ind, items: low }]
        }),
        'two-col',
        c,
        f,
      ),
    ]
  }
  if (c.detail === 'oit-checklist') {
    // v16: the perception tools' items with their scores, the disclosure items ticked in a checklist.
    return [
      title,
      detailTable(spec.indicators.filter((ind) => ind.tool !== 'OIT'), 'two-col', c, f),
      paragraph(`ผลการตรวจ${toolName('OIT', c)}`, { bold: true }),
      oitChecklist(spec.indicators.filter((ind) => ind.tool === 'OIT'), c, f),
    ]
  }
  if (c.detail === 'item-sentences') {
    // v14: no table: the indicator and its score on a line, then a sentence an item.
    if (c.oitItems === 'yes-no' || c.oitItems === 'check-marks' || c.oitItems === 'pass-fail') throw new Error('item sentences print scores, not marks')
    return [
      title,
      ...spec.indicators.flatMap((ind) => [
        paragraph(`${f.ind(ind)} ได้คะแนน ${f.score(ind.scores.detail)} คะแนน`, { bold: true }),
        ...ind.items.map((item) => paragraph(`ข้อ ${f.code(item.code)} ${f.text(item.title)} ได้คะแนน ${f.item(item.score, ind.tool)} คะแนน`, { indent: true })),
      ]),
    ]
  }
  if (c.detail === 'per-indicator-tables') {
    // v13: an indicator a table of its own, under a line with its mean; the items numbered 1-3 (1-19) within it.
    return [
      title,
      ...spec.indicators.flatMap((ind) => [
        paragraph(`${f.ind(ind)} (คะแนนเฉลี่ย ${f.score(ind.scores.detail)} คะแนน)`, { bold: true }),
        {
          kind: 'table',
          role: 'detail',
          columns: [9, 73, 18],
          repeatHeader: 1,
          rows: [
            { cells: [headerCell('ข้อ'), headerCell('ประเด็นการประเมิน'), headerCell([f.scoreHead('คะแนน'), ...f.asOf])] },
            ...ind.items.map((item, k) => ({
              cells: [cell(f.n(k + 1), { align: 'center', valign: c.valign }), cell(f.coded(item.code, f.text(item.title)), { valign: c.valign }), cell(f.item(item.score, ind.tool), { align: 'center', valign: 'middle' })],
            })),
          ],
        } satisfies TableBlock,
      ]),
    ]
  }
  if (c.detail === 'below-threshold') {
    return [
      title,
      paragraph(`แสดงเฉพาะประเด็นการประเมินที่ได้คะแนนต่ำกว่า ${f.score(PASS_MARK)} คะแนน ซึ่งเป็นประเด็นที่หน่วยงานต้องนำไปพัฒนา`, { indent: true }),
      detailTable(
        spec.indicators.flatMap((ind) => {
          const low = ind.items.filter((i) => i.score < PASS_MARK)
          return low.length === 0 ? [] : [{ ...ind, items: low }]
        }),
        'three-col',
        c,
        f,
      ),
    ]
  }
  const tools: Tool[] = ['IIT', 'EIT', 'OIT']
  if (c.detail === 'tool-tables') {
    // A caption line with the tool's score, then the tool's own table with its own header.
    return [
      title,
      ...tools.flatMap((tool, k) => [
        paragraph(`${f.n(k + 1)}) ${toolName(tool, c)} ได้คะแนน ${f.score(spec.tools.find((t) => t.tool === tool)!.score)} คะแนน`, { bold: true }),
        detailTable(spec.indicators.filter((i) => i.tool === tool), 'two-col', c, f),
      ]),
    ]
  }
  if (c.detail === 'running-numbers') {
    // The items numbered on across the tools' tables: the first EIT item follows the last IIT one.
    const firsts = tools.map((tool) => spec.indicators.filter((i) => i.tool !== tool && tools.indexOf(i.tool) < tools.indexOf(tool)).reduce((n, i) => n + i.items.length, 1))
    return [title, ...tools.flatMap((tool, k) => [heading(3, toolName(tool, c)), detailRunningTable(spec.indicators.filter((i) => i.tool === tool), firsts[k]!, c, f)])]
  }
  if (c.detail === 'two-up') return [title, detailTwoUp(spec.indicators, c, f)]
  if (c.detail !== 'per-tool') return [title, detailTable(spec.indicators, c.detail, c, f)]
  return [title, ...tools.flatMap((tool) => [heading(3, toolName(tool, c)), detailTable(spec.indicators.filter((i) => i.tool === tool), 'three-col', c, f)])]
}

/**
 * v17 detail 'two-up': the three-column list cut at the indicator nearest its middle row, the second half set
 * beside the first in one table (ข้อ | ประเด็นการประเมิน | คะแนน twice), the shorter side's last rows empty.
 */
function detailTwoUp(indicators: readonly IndicatorSpec[], c: Choices, f: Fmt): TableBlock {
  if (c.itemVerdict !== 'none') throw new Error('a list set in two halves has no place for a verdict column')
  // An indicator takes a title row and a row an item.
  const sizes = indicators.map((ind) => 1 + ind.items.length)
  const total = sizes.reduce((n, x) => n + x, 0)
  let [cut, gap, before] = [1, Infinity, 0]
  for (let k = 1; k < indicators.length; k++) {
    before += sizes[k - 1]!
    if (Math.abs(2 * before - total) < gap) [cut, gap] = [k, Math.abs(2 * before - total)]
  }
  const [head, ...left] = detailScoreTable(indicators.slice(0, cut), 'three-col', c, f).rows
  const [, ...right] = detailScoreTable(indicators.slice(cut), 'three-col', c, f).rows
  const empty: Row = { cells: [cell(''), cell(''), cell('')] }
  return {
    kind: 'table',
    role: 'detail',
    columns: [6, 32, 12, 6, 32, 12],
    repeatHeader: 1,
    rows: [
      { cells: [...head!.cells, ...head!.cells] },
      ...Array.from({ length: Math.max(left.length, right.length) }, (_, k) => ({ cells: [...(left[k] ?? empty).cells, ...(right[k] ?? empty).cells] })),
    ],
    scale: 0.9,
  }
}

/** v16: ข้อ | รายการข้อมูล | มี | ไม่มี, a ✓ in one; each indicator a title row with its score under the two marks. */
function oitChecklist(indicators: readonly IndicatorSpec[], c: Choices, f: Fmt): TableBlock {
  if (c.oitItems !== 'decimals') throw new Error('a checklist ticks the OIT items: no other way to print them')
  const mark = (x: boolean) => cell(x ? '✓' : '', { align: 'center', valign: 'middle' })
  return {
    kind: 'table',
    role: 'detail',
    columns: [10, 62, 14, 14],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell('ข้อ'), headerCell('รายการข้อมูล'), headerCell('มี'), headerCell('ไม่มี')] },
      ...indicators.flatMap((ind) => [
        { cells: [cell(f.ind(ind), { header: true, colSpan: 2, valign: c.valign }), cell(f.score(ind.scores.detail), { header: true, colSpan: 2, align: 'center', valign: 'middle' })] },
        ...ind.items.map((item) => {
          if (item.score !== 0 && item.score !== 100) throw new Error(`OIT item ${item.code} scored ${item.score}: a checklist has only มี and ไม่มี`)
          return { cells: [cell(f.code(item.code), { align: 'center', valign: c.valign }), cell(f.text(item.title), { valign: c.valign }), mark(item.score === 100), mark(item.score === 0)] }
        }),
      ]),
    ],
  }
}

/** v10: ลำดับ | ประเด็นการประเมิน | คะแนน, the items numbered from `first`, each indicator a row spanning the first two columns. */
function detailRunningTable(indicators: readonly IndicatorSpec[], first: number, c: Choices, f: Fmt): TableBlock {
  let n = first
  return {
    kind: 'table',
    role: 'detail',
    columns: [9, 73, 18],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell('ลำดับ'), headerCell('ประเด็นการประเมิน'), headerCell([f.scoreHead('คะแนนที่ได้'), ...f.asOf])] },
      ...indicators.flatMap((ind) => [
        { cells: [cell(f.ind(ind), { header: true, colSpan: 2, valign: c.valign }), cell(f.score(ind.scores.detail), { header: true, align: 'center', valign: 'middle' })] },
        ...ind.items.map((item) => ({
          cells: [cell(f.n(n++), { align: 'center', valign: c.valign }), cell(f.coded(item.code, f.text(item.title)), { valign: c.valign }), cell(f.item(item.score, ind.tool), { align: 'center', valign: 'middle' })],
        })),
      ]),
    ],
  }
}

/**
 * v11: ข้อ | ประเด็นการประเมิน | ปี 2567 | ปี 2568: last year's item scores (drawn from a stream of
 * their own, of no value in the report) beside this year's; each indicator a row with both its means.
 */
function detailPreviousYearTable(spec: ReportSpec, c: Choices, f: Fmt): TableBlock {
  const r = seededRandom(subSeed(spec.seed, 'previous-items'))
  const lastYear = (x: number, tool: Tool) => (tool === 'OIT' ? (r.chance(0.25) ? 100 - x : x) : Math.min(100, Math.max(0, Math.round((x + r.int(-900, 900) / 100) * 100) / 100)))
  const centred = (x: string, bold = false) => cell(x, { align: 'center', valign: 'middle', ...(bold && { header: true }) })
  return {
    kind: 'table',
    role: 'detail',
    columns: [9, 59, 16, 16],
    repeatHeader: 2,
    rows: [
      { cells: [headerCell('ข้อ', { rowSpan: 2 }), headerCell('ประเด็นการประเมิน', { rowSpan: 2 }), headerCell([f.scoreHead('คะแนน'), ...f.asOf], { colSpan: 2 })] },
      { cells: [headerCell(`ปี ${f.n(spec.fiscalYear - 1)}`), headerCell(`ปี ${f.n(spec.fiscalYear)}`)] },
      ...spec.indicators.flatMap((ind) => {
        const before = ind.items.map((item) => lastYear(item.score, ind.tool))
        const mean = Math.round((before.reduce((a, b) => a + b, 0) / before.length) * 100) / 100
        return [
          { cells: [cell(f.ind(ind), { header: true, colSpan: 2, valign: c.valign }), centred(f.score(mean), true), centred(f.score(ind.scores.detail), true)] },
          ...ind.items.map((item, k) => ({
            cells: [cell(f.code(item.code), { align: 'center', valign: c.valign }), cell(f.text(item.title), { valign: c.valign }), centred(f.item(before[k]!, ind.tool)), centred(f.item(item.score, ind.tool))],
          })),
        ]
      }),
    ],
  }
}

/** Items without codes, numbered within their indicator (๑.๑, ๑.๒ ...), as agencies copying the questions print them. */
function detailNumberedTable(indicators: readonly IndicatorSpec[], c: Choices, f: Fmt): TableBlock {
  return {
    kind: 'table',
    role: 'detail',
    columns: [82, 18],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell('ประเด็นการประเมิน'), headerCell([f.scoreHead('คะแนนที่ได้'), ...f.asOf])] },
      ...indicators.flatMap((ind) => [
        { cells: [cell(f.ind(ind), { header: true, valign: c.valign }), cell(f.score(ind.scores.detail), { header: true, align: 'center', valign: 'middle' })] },
        ...ind.items.map((item, k) => ({
          cells: [cell(`${f.n(ind.number)}.${f.n(k + 1)} ${f.text(item.title)}`, { valign: c.valign }), cell(f.item(item.score, ind.tool), { align: 'center', valign: 'middle' })],
        })),
      ]),
    ],
  }
}

function detailTable(indicators: readonly IndicatorSpec[], format: 'two-col' | 'three-col', c: Choices, f: Fmt): TableBlock {
  const table = detailScoreTable(indicators, format, c, f)
  if (c.itemVerdict === 'none') return table
  // v15: ผลการพิจารณา after the score: ผ่าน at the pass mark or above, ต้องพัฒนา below it.
  const scores = indicators.flatMap((ind) => [ind.scores.detail, ...ind.items.map((i) => i.score)])
  const verdict = (x: number, header: boolean) => cell(x >= PASS_MARK ? 'ผ่าน' : 'ต้องพัฒนา', { align: 'center', valign: 'middle', ...(header && { header: true }) })
  const [head, ...rows] = table.rows
  return {
    ...table,
    columns: [...table.columns.slice(0, -2), table.columns.at(-2)! - 14, table.columns.at(-1)!, 14],
    rows: [{ cells: [...head!.cells, headerCell('ผลการพิจารณา')] }, ...rows.map((row, k) => ({ ...row, cells: [...row.cells, verdict(scores[k]!, row.cells[0]!.header === true)] }))],
  }
}

function detailScoreTable(indicators: readonly IndicatorSpec[], format: 'two-col' | 'three-col', c: Choices, f: Fmt): TableBlock {
  const label = f.ind
  const scoreCell = (x: number, bold = false) => cell(f.score(x), { align: 'center', valign: 'middle', ...(bold && { header: true }) })
  const itemCell = (x: number, ind: IndicatorSpec) => cell(f.item(x, ind.tool), { align: 'center', valign: 'middle' })
  if (format === 'two-col') {
    return {
      kind: 'table',
      role: 'detail',
      columns: [82, 18],
      repeatHeader: 1,
      rows: [
        { cells: [headerCell('ประเด็นการประเมิน'), headerCell([f.scoreHead('คะแนนที่ได้'), ...f.asOf])] },
        ...indicators.flatMap((ind) => [
          { cells: [cell(label(ind), { header: true, valign: c.valign }), scoreCell(ind.scores.detail, true)] },
          ...ind.items.map((item) => ({ cells: [cell(f.coded(item.code, f.text(item.title)), { valign: c.valign }), itemCell(item.score, ind)] })),
        ]),
      ],
    }
  }
  return {
    kind: 'table',
    role: 'detail',
    columns: [9, 73, 18],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell('ข้อ'), headerCell('ประเด็นการประเมิน'), headerCell([f.scoreHead('คะแนนที่ได้'), ...f.asOf])] },
      ...indicators.flatMap((ind) => [
        { cells: [cell(label(ind), { header: true, colSpan: 2, valign: c.valign }), scoreCell(ind.scores.detail, true)] },
        ...ind.items.map((item) => ({ cells: [cell(f.code(item.code), { align: 'center', valign: c.valign }), cell(f.text(item.title), { valign: c.valign }), itemCell(item.score, ind)] })),
      ]),
    ],
  }
}

/** v8: each indicator a title row without a score, its items, then a row with its score (คะแนนเฉลี่ยตัวชี้วัดที่ 1). */
function detailSubtotalTable(indicators: readonly IndicatorSpec[], c: Choices, f: Fmt): TableBlock {
  const mean = (ind: IndicatorSpec) => `คะแนนเฉลี่ย${c.indicatorLabel === 'name-only' ? ind.name : `ตัวชี้วัดที่ ${f.n(ind.number)}`}`
  return {
    kind: 'table',
    role: 'detail',
    columns: [9, 73, 18],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell('ข้อ'), headerCell('ประเด็นการประเมิน'), headerCell([f.scoreHead('คะแนนที่ได้'), ...f.asOf])] },
      ...indicators.flatMap((ind) => [
        { cells: [cell(f.ind(ind), { header: true, colSpan: 3, valign: c.valign })] },
        ...ind.items.map((item) => ({
          cells: [cell(f.code(item.code), { align: 'center', valign: c.valign }), cell(f.text(item.title), { valign: c.valign }), cell(f.item(item.score, ind.tool), { align: 'center', valign: 'middle' })],
        })),
        { cells: [cell(mean(ind), { header: true, colSpan: 2, align: 'right' }), cell(f.score(ind.scores.detail), { header: true, align: 'center', valign: 'middle' })] },
      ]),
    ],
  }
}

/** ข้อ | ประเด็นการประเมิน | คะแนนเต็ม | คะแนนที่ได้: a full-marks column of 100s beside every score. */
function detailFullMarksTable(indicators: readonly IndicatorSpec[], c: Choices, f: Fmt): TableBlock {
  const centred = (x: string, header = false) => cell(x, { align: 'center', valign: 'middle', ...(header && { header }) })
  // OIT items printed 100 / 0 have full marks 100; every other score has two decimals.
  const full = (tool: Tool) => (tool === 'OIT' && c.oitItems === 'integer' ? f.n(100) : f.score(100))
  return {
    kind: 'table',
    role: 'detail',
    columns: [9, 61, 14, 16],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell('ข้อ'), headerCell('ประเด็นการประเมิน'), headerCell('คะแนนเต็ม'), headerCell([f.scoreHead('คะแนนที่ได้'), ...f.asOf])] },
      ...indicators.flatMap((ind) => [
        { cells: [cell(f.ind(ind), { header: true, colSpan: 2, valign: c.valign }), centred(f.score(100), true), centred(f.score(ind.scores.detail), true)] },
        ...ind.items.map((item) => ({
          cells: [cell(f.code(item.code), { align: 'center', valign: c.valign }), cell(f.text(item.title), { valign: c.valign }), centred(full(ind.tool)), centred(f.item(item.score, ind.tool))],
        })),
      ]),
    ],
  }
}

/** ตัวชี้วัด | ข้อ | ประเด็นการประเมิน | คะแนนที่ได้, the indicator cell (name and score) spanning its items' rows. */
function detailSpanTable(indicators: readonly IndicatorSpec[], c: Choices, f: Fmt): TableBlock {
  return {
    kind: 'table',
    role: 'detail',
    columns: [20, 8, 56, 16],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell('ตัวชี้วัด'), headerCell('ข้อ'), headerCell('ประเด็นการประเมิน'), headerCell([f.scoreHead('คะแนนที่ได้'), ...f.asOf])] },
      ...indicators.flatMap((ind) =>
        ind.items.map((item, k) => ({
          cells: [
            ...(k === 0 ? [cell([f.ind(ind), `(${f.score(ind.scores.detail)} คะแนน)`], { rowSpan: ind.items.length, valign: c.valign })] : []),
            cell(f.code(item.code), { align: 'center', valign: c.valign }),
            cell(f.text(item.title), { valign: c.valign }),
            cell(f.item(item.score, ind.tool), { align: 'center', valign: 'middle' }),
          ],
        })),
      ),
    ],
  }
}

// --- overall ------------------------------------------------------------------------------

function overallBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const org = spec.organisation.name
  const year = c.fiscalYear === 'sentence-only' ? ` ประจำปีงบประมาณ พ.ศ. ${f.n(spec.fiscalYear)}` : ''
  const total = {
    average: `ผลการประเมิน ITA ของ${org}${year} ได้ผลคะแนนเฉลี่ย ${f.prose(spec.total)} คะแนน`,
    sum: `${org}${year} ได้คะแนนรวม ${f.prose(spec.total)} คะแนน`,
    overall: `ผลการประเมินคุณธรรมและความโปร่งใสของ${org}${year} มีคะแนนภาพรวมเท่ากับ ${f.prose(spec.total)} คะแนน`,
    result: `${org}${year} ผลการประเมินได้ ${f.prose(spec.total)} คะแนน`,
    'mean-of-tools': `จากการประเมินทั้ง ๓ เครื่องมือ คะแนนเฉลี่ยในภาพรวมของ${org}${year} คือ ${f.prose(spec.total)} คะแนน`,
    percent: `ผลการประเมิน ITA ของ${org}${year} ได้คะแนนร้อยละ ${f.prose(spec.total)}`,
    received: `คะแนนที่${org}ได้รับจากการประเมิน ITA${year} คือ ${f.prose(spec.total)} คะแนน`,
    weighted: `เมื่อคำนวณคะแนนถ่วงน้ำหนักของเครื่องมือ (IIT ร้อยละ ${f.n(30)} EIT ร้อยละ ${f.n(30)} และ OIT ร้อยละ ${f.n(40)}) ${org}${year} ได้คะแนนรวมเท่ากับ ${f.prose(spec.total)} คะแนน`,
    equals: `คะแนนรวม (ITA Score) ของ${org}${year} = ${f.prose(spec.total)} คะแนน`,
    'stands-at': `${org}${year} มีผลคะแนน ITA อยู่ที่ ${f.prose(spec.total)} คะแนน`,
    'out-of-full': `${org}${year} ได้คะแนน ${f.prose(spec.total)} คะแนน จากคะแนนเต็ม ${f.n(100)} คะแนน`,
    // v13: the verdict against the pass mark first (as the level words of 2566 on say it), the total in brackets.
    'verdict-paren': `ผลการประเมิน ITA ของ${org}${year} ${spec.level}เกณฑ์การประเมิน (${f.prose(spec.total)} คะแนน)`,
    // v14: the verdict alone, marked; the total in the footnote under the paragraph.
    'level-footnote': `ผลการประเมิน ITA ของ${org}${year} ${spec.level}เกณฑ์การประเมิน*`,
    // v15: the figures in a box under the sentence (keyFigures).
    'key-figures': `ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ${org}${year} สรุปได้ดังนี้`,
  }[c.total]
  if (c.total === 'level-footnote' && c.previous === 'footnote') throw new Error('one footnote mark: the total in a footnote cannot go with last year in one')
  const level = c.total === 'level-footnote' || c.total === 'key-figures' ? '' : {
    'in-level': ` อยู่ในระดับ ${spec.level}`,
    'result-level': ` ผลการประเมินอยู่ในระดับ ${spec.level}`,
    labelled: ` (ระดับผลการประเมิน: ${spec.level})`,
    quoted: ` ซึ่งอยู่ในเกณฑ์ "${spec.level}"`,
    criterion: ` ถือว่า${spec.level}เกณฑ์การประเมิน (ตั้งแต่ ${f.prose(PASS_MARK)} คะแนนขึ้นไป)`,
  }[c.level]
  const p = spec.previous
  const up = p.difference > 0
  const diff = f.prose(Math.abs(p.difference))
  const prevYear = f.n(p.year)
  const previous: Block[] =
    c.previous === 'footnote'
      ? []
      : c.previous === 'year-lines'
      ? [
        // v17: a line a year, last year's first.
        paragraph(`ปีงบประมาณ พ.ศ. ${prevYear} ได้คะแนน ${f.prose(p.score)} คะแนน`, { indent: true }),
        paragraph(`ปีงบประมาณ พ.ศ. ${f.n(spec.fiscalYear)} ได้คะแนน ${f.prose(spec.total)} คะแนน (${up ? 'เพิ่มขึ้น' : 'ลดลง'} ${diff} คะแนน)`, { indent: true }),
      ]
      : c.previous === 'table'
      ? [previousTable(spec, c, f)]
      : c.previous === 'three-years'
        ? threeYearsTable(spec, c, f)
        : [
          paragraph(
            {
              'compare-first': `เมื่อเปรียบเทียบกับผลการประเมินปีงบประมาณ พ.ศ. ${prevYear} ซึ่งได้ ${f.prose(p.score)} คะแนน มีคะแนน${up ? 'เพิ่มขึ้น' : 'ลดลง'} ${diff} คะแนน`,
              'difference-first': `${up ? 'สูงกว่า' : 'ต่ำกว่า'}ปีที่ผ่านมา ${diff} คะแนน (ปีงบประมาณ พ.ศ. ${prevYear} ได้ ${f.prose(p.score)} คะแนน)`,
              'from-year': `คะแนน${up ? 'เพิ่มขึ้น' : 'ลดลง'}จากปีงบประมาณ ${prevYear} (${f.prose(p.score)} คะแนน) จำนวน ${diff} คะแนน`,
              signed: `(เทียบกับปีงบประมาณ พ.ศ. ${prevYear} ซึ่งได้ ${f.prose(p.score)} คะแนน ผลต่าง ${up ? '+' : '-'}${diff} คะแนน)`,
              'last-year-first': `ในปีงบประมาณ พ.ศ. ${prevYear} ${spec.organisation.shortName}ได้คะแนน ${f.prose(p.score)} คะแนน ปีนี้จึงมีคะแนน${up ? 'สูงขึ้น' : 'ต่ำลง'}กว่าปีที่ผ่านมา ${diff} คะแนน`,
              arrow: `เปรียบเทียบกับผลการประเมินปีงบประมาณ พ.ศ. ${prevYear} (${f.prose(p.score)} คะแนน) ${p.difference > 0 ? '▲' : p.difference < 0 ? '▼' : '–'} ${diff} คะแนน`,
              'label-colon': `ผลการประเมินปีงบประมาณ พ.ศ. ${prevYear} : ${f.prose(p.score)} คะแนน ผลต่าง : ${up ? 'เพิ่มขึ้น' : 'ลดลง'} ${diff} คะแนน`,
              // The percentage is of last year's score: a number of no value in the report.
              respectively: `เมื่อเปรียบเทียบผลการประเมินปีงบประมาณ พ.ศ. ${prevYear} และปีงบประมาณ พ.ศ. ${f.n(spec.fiscalYear)} ได้คะแนน ${f.prose(p.score)} และ ${f.prose(spec.total)} คะแนน ตามลำดับ มีคะแนน${up ? 'เพิ่มขึ้น' : 'ลดลง'} ${diff} คะแนน`,
              'from-to': `เมื่อเทียบกับปีงบประมาณ พ.ศ. ${prevYear} คะแนน${up ? 'เพิ่มขึ้น' : 'ลดลง'}จาก ${f.prose(p.score)} คะแนน เป็น ${f.prose(spec.total)} คะแนน (${up ? 'เพิ่มขึ้น' : 'ลดลง'} ${diff} คะแนน)`,
              'with-percent': `เมื่อเทียบกับปีงบประมาณ พ.ศ. ${prevYear} ที่ได้ ${f.prose(p.score)} คะแนน มีคะแนน${up ? 'เพิ่มขึ้น' : 'ลดลง'} ${diff} คะแนน คิดเป็นร้อยละ ${f.prose(Math.round((10000 * Math.abs(p.difference)) / p.score) / 100)}`,
            }[c.previous as Exclude<Choices['previous'], 'table' | 'three-years' | 'footnote' | 'year-lines'>],
            { indent: true },
          ),
        ]
  // v10: last year only in a footnote, marked after the total.
  const footnote =
    c.previous === 'footnote' ? [paragraph(`* ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${prevYear} ได้ ${f.prose(p.score)} คะแนน`)]
    : c.total === 'level-footnote' ? [paragraph(`* คะแนนรวม ${f.prose(spec.total)} คะแนน (เกณฑ์ผ่าน ${f.prose(PASS_MARK)} คะแนน)`)]
    : []
  const title = c.overallPosition === 'conclusion' ? 'สรุปผลการประเมิน' : 'ผลการประเมินในภาพรวม'
  return [
    heading(2, title),
    paragraph(`${total}${c.previous === 'footnote' ? '*' : ''}${level}`, { indent: true }),
    ...keyFigures(spec, c, f),
    ...previous,
    ...rankingBlocks(spec, c, f),
    ...spec.overallRemarks.map((r) => paragraph(r, { indent: true })),
    ...footnote,
  ]
}

/**
 * v15 total 'key-figures': the headline figures as label | value rows, as the ITAS result card prints
 * them: the total, the level, the pass mark.
 */
function keyFigures(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.total !== 'key-figures') return []
  const row = (label: string, value: string): Row => ({ cells: [cell(label, { header: true, valign: 'middle' }), cell(value, { align: 'center', valign: 'middle' })] })
  return [
    {
      kind: 'table',
      role: 'key-figures',
      columns: [60, 40],
      repeatHeader: 0,
      rows: [
        row('คะแนนรวม (ITA Score)', f.prose(spec.total)),
        row('ระดับผลการประเมิน', spec.level),
        row('เกณฑ์ผ่านการประเมิน', `${f.prose(PASS_MARK)} คะแนนขึ้นไป`),
      ],
    },
  ]
}

/** How many agencies each kind is ranked among (v15 ranking): a group's real size where it is known. */
const RANKED_AMONG: Partial<Record<ReportSpec['organisation']['kind'], readonly [number, string]>> = {
  'bangkok-district': [50, 'สำนักงานเขต'],
  'education-area': [183, 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษา'],
  'revenue-area': [118, 'สำนักงานสรรพากรพื้นที่'],
}

/** v15 ranking 'sentence': the agency's rank in its group, a number of no value in the report. */
function rankingBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.ranking === 'none') return []
  const r = seededRandom(subSeed(spec.seed, 'ranking'))
  const [size, group] = RANKED_AMONG[spec.organisation.kind] ?? [r.int(40, 120), 'หน่วยงานในสังกัดเดียวกัน']
  return [paragraph(`ทั้งนี้ ${spec.organisation.shortName} อยู่ในอันดับที่ ${f.n(r.int(1, size))} จาก ${f.n(size)} หน่วยงาน (กลุ่ม${group})`, { indent: true })]
}

/**
 * v7: the totals of the last three years in one table, no difference printed. The year before last
 * year's total is a number of no value in the report, from a stream of its own.
 */
function threeYearsTable(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const p = spec.previous
  const older = Math.round((p.score + seededRandom(subSeed(spec.seed, 'three-years')).int(-600, 600) / 100) * 100) / 100
  const years = [p.year - 1, p.year, spec.fiscalYear]
  const scores = [Math.min(100, older), p.score, spec.total]
  return [
    paragraph('ผลการประเมินเปรียบเทียบย้อนหลัง', { bold: true }),
    {
      kind: 'table',
      role: 'previous',
      columns: [28, 24, 24, 24],
      repeatHeader: 1,
      rows: [
        { cells: [headerCell('ปีงบประมาณ'), ...years.map((y) => headerCell(`พ.ศ. ${f.n(y)}`))] },
        { cells: [cell('คะแนนรวม', { valign: c.valign }), ...scores.map((x) => cell(f.score(x), { align: 'center', valign: c.valign }))] },
        { cells: [cell('ผลการประเมิน', { valign: c.valign }), ...scores.map((x) => cell(x >= PASS_MARK ? 'ผ่าน' : 'ไม่ผ่าน', { align: 'center', valign: c.valign }))] },
      ],
    },
  ]
}

function previousTable(spec: ReportSpec, c: Choices, f: Fmt): TableBlock {
  const p = spec.previous
  const change = `${p.difference > 0 ? 'เพิ่มขึ้น' : 'ลดลง'} ${f.score(Math.abs(p.difference))}`
  return {
    kind: 'table',
    role: 'previous',
    columns: [34, 34, 32],
    repeatHeader: 1,
    rows: [
      { cells: [headerCell(`ผลการประเมินปีงบประมาณ พ.ศ. ${f.n(p.year)}`), headerCell(`ผลการประเมินปีงบประมาณ พ.ศ. ${f.n(spec.fiscalYear)}`), headerCell('เพิ่มขึ้น/ลดลง')] },
      { cells: [cell(f.score(p.score), { align: 'center', valign: c.valign }), cell(f.score(spec.total), { align: 'center', valign: c.valign }), cell(change, { align: 'center', valign: c.valign })] },
    ],
  }
}

// --- per-indicator analysis --------------------------------------------------------------------

function analysisBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const title = heading(2, c.fiscalYear === 'sentence-only' ? 'การวิเคราะห์ผลการประเมินรายตัวชี้วัด' : `การวิเคราะห์ผลการประเมินรายตัวชี้วัด ${f.fy(spec.fiscalYear)}`)
  const s = (ind: IndicatorSpec) => (c.analysis === 'table' ? f.score(ind.scores.analysis) : f.prose(ind.scores.analysis))
  const n = (ind: IndicatorSpec) => f.n(ind.number)
  if (c.analysisColumns === 'two' && (c.analysis === 'strengths-table' || c.analysis === 'table' || c.pageOrientation === 'slides')) throw new Error('two columns set prose, on pages, not tables or slides')
  if (c.analysis === 'strengths-table') return [title, strengthsTable(spec, c, f)]
  if (c.analysis === 'table') {
    return [
      title,
      {
        kind: 'table',
        role: 'analysis',
        columns: [28, 12, 60],
        repeatHeader: 1,
        rows: [
          { cells: [headerCell('ตัวชี้วัด'), headerCell(f.scoreHead('คะแนน')), headerCell('ผลการวิเคราะห์')] },
          ...spec.indicators.map((ind) => ({
            cells: [cell(f.ind(ind), { valign: c.valign }), cell(s(ind), { align: 'center', valign: c.valign }), cell(ind.analysis, { valign: c.valign })],
          })),
        ],
      },
    ]
  }
  // v15: the analyses in two columns under the full-width title.
  const two = c.analysisColumns === 'two'
  const open: Block[] = two ? [columns(2)] : []
  const close: Block[] = two ? [columns(1)] : []
  return [
    title,
    ...open,
    ...spec.indicators.flatMap((ind): Block[] => {
      switch (c.analysis) {
        case 'score-suffix':
          return [paragraph(`${f.ind(ind)} คะแนน ${s(ind)}`, { bold: true }), paragraph(ind.analysis, { indent: true })]
        case 'paren':
          return [paragraph(`${f.ind(ind)} (ได้ ${s(ind)} คะแนน)`, { bold: true }), paragraph(ind.analysis, { indent: true })]
        case 'numbered':
          return [paragraph(`${n(ind)}. ${ind.name} ได้คะแนน ${s(ind)} คะแนน`, { bold: true }), paragraph(ind.analysis, { indent: true })]
        case 'colon':
          return [paragraph(`${c.indicatorLabel === 'name-only' ? ind.name : `ตัวชี้วัดที่ ${n(ind)}: ${ind.name}`} – ${s(ind)} คะแนน`, { bold: true }), paragraph(ind.analysis, { indent: true })]
        case 'equals':
          return [paragraph(`${f.ind(ind)} มีคะแนนเท่ากับ ${s(ind)}`, { bold: true }), paragraph(ind.analysis, { indent: true })]
        case 'inline':
          return [paragraph(`${f.ind(ind)} ได้คะแนน ${s(ind)} คะแนน ${ind.analysis}`, { indent: true })]
        case 'percent':
          return [paragraph(`${f.ind(ind)} ได้คะแนนร้อยละ ${s(ind)}`, { bold: true }), paragraph(ind.analysis, { indent: true })]
        case 'out-of-full':
          return [paragraph(`${f.ind(ind)} ค่าคะแนน ${s(ind)} จากคะแนนเต็ม ${f.n(100)}`, { bold: true }), paragraph(ind.analysis, { indent: true })]
        case 'leader': {
          // Dots typed to push the score to the right margin, as many as the name leaves room for.
          const label = f.ind(ind)
          return [paragraph(`${label} ${'.'.repeat(Math.max(8, 72 - label.length))} ${s(ind)} คะแนน`, { bold: true }), paragraph(ind.analysis, { indent: true })]
        }
        case 'score-line':
          return [paragraph(f.ind(ind), { bold: true }), paragraph(`ผลคะแนนที่ได้ : ${s(ind)} คะแนน`), paragraph(ind.analysis, { indent: true })]
        case 'score-sentence':
          return [paragraph(f.ind(ind), { bold: true }), paragraph(`ตัวชี้วัดนี้ได้คะแนน ${s(ind)} คะแนน ${ind.analysis}`, { indent: true })]
        case 'clause':
          // A sub-heading; numbered ๔.๑, ๔.๒ ... when the sections are numbered as clauses.
          return [heading(3, `${f.ind(ind)} ผลคะแนน ${s(ind)} คะแนน`), paragraph(ind.analysis, { indent: true })]
        default:
          throw new Error(`analysis ${c.analysis} is rendered as a table`)
      }
    }),
    ...close,
  ]
}

/**
 * v11: ตัวชี้วัด | จุดแข็ง | จุดที่ต้องพัฒนา | แนวทางการพัฒนา, the score under the indicator's name; the
 * strengths and ways forward from a stream of their own, the analysis prose as the points to develop.
 */
function strengthsTable(spec: ReportSpec, c: Choices, f: Fmt): TableBlock {
  const r = seededRandom(subSeed(spec.seed, 'strengths'))
  const v = c.valign
  return {
    kind: 'table',
    role: 'analysis',
    columns: [24, 22, 30, 24],
    repeatHeader: 1,
    rows: [
      { cells: ['ตัวชี้วัด', 'จุดแข็ง', 'จุดที่ต้องพัฒนา', 'แนวทางการพัฒนา'].map((h) => headerCell(h)) },
      ...spec.indicators.map((ind) => ({
        cells: [
          cell([f.ind(ind), `(${f.prose(ind.scores.analysis)} คะแนน)`], { valign: v }),
          cell(listLines(r.sample(V11_STRENGTHS, r.int(1, 2)), c, f), { valign: v }),
          cell(ind.analysis, { valign: v }),
          cell(listLines(r.sample(V11_GUIDANCE, r.int(1, 2)), c, f), { valign: v }),
        ],
      })),
    ],
  }
}

function signatureBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.signature === 'none') return []
  const s = spec.signature
  const month = THAI_MONTHS.find(([n]) => n === s.date.month)![1]
  if (c.signature === 'three-signers') {
    // The officer who wrote it, the one who checked it, and the head who approved it: names of
    // their own from a stream drawn only here, so other templates' output is as it was.
    const [writer, checker] = seededRandom(subSeed(spec.seed, 'signers')).sample(SIGNATORIES.filter((n) => n !== s.name), 2)
    const org = spec.organisation
    const signer = (role: string, name: string, position: string): Block[] => [
      paragraph(`ลงชื่อ ........................................ ${role}`, { align: 'center' }),
      paragraph(`(${name})`, { align: 'center' }),
      paragraph(`ตำแหน่ง ${position}`, { align: 'center' }),
    ]
    return [
      ...signer('ผู้รายงาน', writer!, headOf(UNIT_OF_OFFICE[org.kind])),
      ...signer('ผู้ตรวจสอบ', checker!, CHECKER[org.kind](org.name)),
      ...signer('ผู้อนุมัติ', s.name, s.position),
      paragraph(`วันที่ ${f.n(s.date.day)} ${month} พ.ศ. ${f.n(s.date.yearBE)}`, { align: 'center' }),
    ]
  }
  if (c.signature === 'endorsement') {
    // The officer who reports, then the head's endorsement: a name of its own from a stream drawn only here.
    const [writer] = seededRandom(subSeed(spec.seed, 'endorsement')).sample(SIGNATORIES.filter((n) => n !== s.name), 1)
    const centred = (text: string) => paragraph(text, { align: 'center' })
    return [
      centred('ลงชื่อ ........................................ ผู้รายงาน'),
      centred(`(${writer})`),
      centred(`ตำแหน่ง ${headOf(UNIT_OF_OFFICE[spec.organisation.kind])}`),
      paragraph('ความเห็นของผู้บังคับบัญชา', { bold: true }),
      paragraph('☑ ทราบ', { indent: true }),
      paragraph('☑ เห็นชอบ และให้ส่วนที่เกี่ยวข้องดำเนินการตามมาตรการ', { indent: true }),
      paragraph('☐ อื่น ๆ ..............................................................', { indent: true }),
      centred('ลงชื่อ ........................................'),
      centred(`(${s.name})`),
      centred(s.position),
      centred(`วันที่ ${f.n(s.date.day)} ${month} พ.ศ. ${f.n(s.date.yearBE)}`),
    ]
  }
  return [
    paragraph('ลงชื่อ ........................................', { align: 'center' }),
    paragraph(`(${s.name})`, { align: 'center' }),
    paragraph(s.position, { align: 'center' }),
    paragraph(`วันที่ ${f.n(s.date.day)} ${month} พ.ศ. ${f.n(s.date.yearBE)}`, { align: 'center' }),
  ]
}

// --- measures -------------------------------------------------------------------------------

type Role = 'order' | 'indicator' | 'item' | 'score' | 'actions' | 'analysis' | 'steps' | 'target' | 'budget' | 'kpi' | 'funding' | 'period' | 'periodFrom' | 'periodTo' | 'responsible' | 'followUp' | 'evidence' | 'progress' | 'remarks'

export const MEASURE_COLUMNS: Record<Choices['measureColumns'], readonly Role[]> = {
  seed7: ['item', 'score', 'actions', 'analysis', 'steps', 'period', 'responsible'],
  issue6: ['item', 'score', 'actions', 'steps', 'responsible', 'period'],
  five: ['item', 'score', 'actions', 'period', 'responsible'],
  eight: ['item', 'score', 'analysis', 'actions', 'steps', 'period', 'responsible', 'followUp'],
  reordered: ['item', 'score', 'analysis', 'actions', 'steps', 'responsible', 'period'],
  nine: ['item', 'score', 'analysis', 'actions', 'steps', 'target', 'budget', 'period', 'responsible'],
  'kpi-funding': ['item', 'score', 'actions', 'steps', 'kpi', 'funding', 'period', 'responsible'],
  evidence: ['item', 'score', 'actions', 'steps', 'period', 'responsible', 'evidence'],
  'budget-source': ['item', 'score', 'actions', 'steps', 'budget', 'period', 'responsible'],
  progress: ['item', 'score', 'actions', 'steps', 'period', 'responsible', 'progress'],
  remarks: ['item', 'score', 'analysis', 'actions', 'period', 'responsible', 'remarks'],
  'kpi-target-budget': ['item', 'score', 'actions', 'steps', 'kpi', 'target', 'budget', 'period', 'responsible'],
}

const WORDINGS: Record<Role, readonly [string, string, string]> = {
  order: ['ลำดับ', 'ลำดับที่', 'ที่'],
  indicator: ['ตัวชี้วัด', 'ตัวชี้วัด', 'ตัวชี้วัดที่'],
  item: ['ประเด็นที่ต้องพัฒนา', 'ข้อเสนอแนะ/ประเด็นที่ต้องปรับปรุง', 'ประเด็นที่ได้คะแนนน้อย'],
  score: ['คะแนน', 'ผลการประเมิน (คะแนน)', 'คะแนนที่ได้'],
  actions: ['มาตรการ/แนวทางการพัฒนา', 'มาตรการ/โครงการ/กิจกรรม', 'แนวทางการพัฒนา (โครงการ/กิจกรรม)'],
  analysis: ['ผลการวิเคราะห์', 'ผลการวิเคราะห์ตัวชี้วัด', 'สภาพปัญหา/ผลการวิเคราะห์'],
  steps: ['ขั้นตอน/วิธีการดำเนินการ', 'ขั้นตอน/วิธีการ', 'วิธีการดำเนินการ'],
  target: ['ตัวชี้วัด/ค่าเป้าหมาย', 'เป้าหมาย/ตัวชี้วัดความสำเร็จ', 'ค่าเป้าหมาย'],
  budget: ['งบประมาณ (บาท)', 'งบประมาณ', 'งบประมาณที่ใช้'],
  kpi: ['ตัวชี้วัดความสำเร็จ (KPI)', 'ตัวชี้วัด/เป้าหมายความสำเร็จ', 'เป้าหมายเชิงผลลัพธ์'],
  funding: ['แหล่งงบประมาณ', 'แหล่งเงิน', 'ที่มาของงบประมาณ'],
  period: ['ระยะเวลาดำเนินการ', 'ระยะเวลา', 'ห้วงเวลาดำเนินการ'],
  periodFrom: ['วันที่เริ่มต้น', 'เริ่มดำเนินการ', 'ระยะเวลาเริ่มต้น'],
  periodTo: ['วันที่สิ้นสุด', 'สิ้นสุดการดำเนินการ', 'ระยะเวลาสิ้นสุด'],
  responsible: ['ผู้รับผิดชอบ', 'ผู้รับผิดชอบ/หน่วยงาน', 'หน่วยงานที่รับผิดชอบ'],
  followUp: ['การกำกับติดตามผล', 'การติดตามและประเมินผล', 'การกำกับติดตาม'],
  evidence: ['หลักฐาน/ผลผลิต', 'เอกสาร/หลักฐานการดำเนินงาน', 'หลักฐานประกอบ'],
  progress: ['ผลการดำเนินงาน', 'สถานะการดำเนินการ', 'ความก้าวหน้า'],
  remarks: ['หมายเหตุ', 'หมายเหตุ', 'หมายเหตุ'],
}

const WIDTHS: Record<Role, number> = { order: 5, indicator: 11, item: 16, score: 7, actions: 17, analysis: 16, steps: 20, target: 12, budget: 8, kpi: 13, funding: 9, period: 10, periodFrom: 8, periodTo: 8, responsible: 12, followUp: 11, evidence: 11, progress: 11, remarks: 10 }

/** The columns a chart of ticks gives the period: twelve months (v9 period 'gantt'), four quarters (v17 'quarter-ticks'). */
const TICK_COLUMNS: Partial<Record<Choices['period'], { count: number; width: number }>> = { gantt: { count: 12, width: 4 }, 'quarter-ticks': { count: 4, width: 7 } }

/** Columns of a measures table: a role each, the period's under a chart of ticks. */
const measureWidths = (roles: readonly Role[], c: Choices): number[] => {
  const ticks = TICK_COLUMNS[c.period]
  return roles.flatMap((r) => (r === 'period' && ticks ? Array<number>(ticks.count).fill(ticks.width) : [WIDTHS[r]]))
}

/** The measures columns of a template, the period split in two when it prints start and end apart. */
function measureRoles(c: Choices): Role[] {
  // Without a score column the score is printed in the item's cell.
  const printed = MEASURE_COLUMNS[c.measureColumns].filter((r) => r !== 'score' || c.measureScore === 'column')
  const columns: Role[] = c.measureIndicator === 'first-column' ? ['indicator', ...printed] : [...printed]
  const roles: Role[] = c.measureOrder !== 'none' ? ['order', ...columns] : columns
  return c.periodColumns === 'start-end' ? roles.flatMap((r): Role[] => (r === 'period' ? ['periodFrom', 'periodTo'] : [r])) : roles
}

function measuresBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (spec.measures.length === 0) return []
  const note = notes(c, 'ระยะเวลาดำเนินการอาจปรับเปลี่ยนได้ตามความเหมาะสมของสถานการณ์')
  const layout =
    c.measureLayout === 'paragraphs' ? measureParagraphs(spec, c, f)
    : c.measureLayout === 'form' ? measureForms(spec, c, f)
    : c.measureLayout === 'outline' ? measureOutline(spec, c, f)
    : c.measureLayout === 'prose' ? measureProse(spec, c, f)
    : measureTables(spec, c, f)
  return [...riskBlocks(spec, c, f), ...lastYearBlocks(spec, c, f), ...layout, ...note, ...budgetBlocks(spec, c, f)]
}

/**
 * v15 riskTable 'matrix': the agency's corruption-risk assessment, likelihood and impact 1-5, their
 * product and its band, as risk registers print them; none of its numbers is of value in the report.
 */
function riskBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.riskTable === 'none') return []
  const r = seededRandom(subSeed(spec.seed, 'risk-table'))
  const band = (x: number) => (x >= 15 ? 'สูงมาก' : x >= 10 ? 'สูง' : x >= 5 ? 'ปานกลาง' : 'ต่ำ')
  const centred = (x: string) => cell(x, { align: 'center', valign: 'middle' })
  return [
    heading(3, 'การประเมินความเสี่ยงการทุจริต'),
    paragraph(`${spec.organisation.shortName} ได้ประเมินความเสี่ยงการทุจริตจากโอกาสที่จะเกิด (${f.n(1)}-${f.n(5)}) และผลกระทบ (${f.n(1)}-${f.n(5)}) ประกอบการกำหนดมาตรการ ดังนี้`, { indent: true }),
    {
      kind: 'table',
      role: 'risk',
      columns: [6, 46, 11, 11, 12, 14],
      repeatHeader: 1,
      rows: [
        { cells: [headerCell('ที่'), headerCell('เหตุการณ์ความเสี่ยง'), headerCell('โอกาส (L)'), headerCell('ผลกระทบ (I)'), headerCell('คะแนนความเสี่ยง (L x I)'), headerCell('ระดับความเสี่ยง')] },
        ...r.sample(V15_RISKS, 4).map((risk, k) => {
          const [l, i] = [r.int(1, 5), r.int(2, 5)]
          return { cells: [centred(f.n(k + 1)), cell(risk, { valign: c.valign }), centred(f.n(l)), centred(f.n(i)), centred(f.n(l * i)), centred(band(l * i))] }
        }),
      ],
    },
  ]
}

/**
 * v15 budgetSummary 'table': the money each measure asks for, in baht, and the total, as the plan's
 * budget annex prints it; none of its numbers is of value in the report.
 */
function budgetBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.budgetSummary === 'none') return []
  const r = seededRandom(subSeed(spec.seed, 'budget-table'))
  const rows = spec.measures.map((m) => {
    const fund = r.pick(V15_FUNDS)
    return { action: m.actions[0]!, fund, baht: fund === 'ไม่ใช้งบประมาณ' ? 0 : r.int(5, 120) * 1000 }
  })
  const baht = (x: number) => (x === 0 ? '-' : f.text(x.toLocaleString('en-US')))
  const right = (x: string, header = false) => cell(x, { align: 'right', valign: 'middle', ...(header && { header: true }) })
  return [
    heading(3, 'สรุปงบประมาณตามมาตรการ'),
    {
      kind: 'table',
      role: 'budget',
      columns: [7, 53, 18, 22],
      repeatHeader: 1,
      rows: [
        { cells: [headerCell('ที่'), headerCell('มาตรการ/โครงการ'), headerCell('งบประมาณ (บาท)'), headerCell('แหล่งงบประมาณ')] },
        ...rows.map((x, k) => ({ cells: [cell(f.n(k + 1), { align: 'center', valign: c.valign }), cell(x.action, { valign: c.valign }), right(baht(x.baht)), cell(x.fund, { valign: c.valign })] })),
        { cells: [cell('รวมทั้งสิ้น', { header: true, colSpan: 2, align: 'center' }), right(baht(rows.reduce((n, x) => n + x.baht, 0)), true), cell('', { header: true })] },
      ],
    },
  ]
}

/**
 * v15 front 'profile': ข้อมูลทั่วไปของหน่วยงาน as the report's first section: vision and missions, the
 * staff by type with their total, the year's budget. None of its numbers is of value in the report.
 */
function profileBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.front !== 'profile') return []
  const r = seededRandom(subSeed(spec.seed, 'profile'))
  const org = spec.organisation
  const staff = [['ข้าราชการ', r.int(12, 60)], ['ลูกจ้างประจำ', r.int(0, 8)], ['พนักงานราชการ', r.int(3, 25)], ['ลูกจ้างชั่วคราว/จ้างเหมาบริการ', r.int(2, 30)]] as const
  const budget = r.int(30, 900) * 100000 + r.int(0, 99) * 100
  const centred = (x: string, header = false) => cell(x, { align: 'center', valign: 'middle', ...(header && { header: true }) })
  return [
    heading(2, 'ข้อมูลทั่วไปของหน่วยงาน'),
    paragraph(`วิสัยทัศน์ : ${org.shortName} เป็นองค์กรที่ให้บริการอย่างมีคุณภาพ โปร่งใส และยึดประโยชน์ของประชาชนเป็นสำคัญ`, { indent: true }),
    paragraph('พันธกิจ : ให้บริการประชาชนอย่างมีประสิทธิภาพ บริหารงานด้วยหลักธรรมาภิบาล และพัฒนาบุคลากรให้มีคุณธรรมจริยธรรม', { indent: true }),
    paragraph(`อัตรากำลังของ${org.name} ณ วันที่ ${f.n(1)} ตุลาคม ${f.n(spec.fiscalYear - 1)} มีดังนี้`, { indent: true }),
    {
      kind: 'table',
      role: 'staff',
      columns: [65, 35],
      repeatHeader: 1,
      rows: [
        { cells: [headerCell('ประเภทบุคลากร'), headerCell('จำนวน (คน)')] },
        ...staff.map(([kind, n]) => ({ cells: [cell(kind, { valign: c.valign }), centred(f.n(n))] })),
        { cells: [cell('รวม', { header: true, align: 'center' }), centred(f.n(staff.reduce((s, [, n]) => s + n, 0)), true)] },
      ],
    },
    paragraph(`งบประมาณที่ได้รับจัดสรร${f.fy(spec.fiscalYear)} จำนวน ${f.text(budget.toLocaleString('en-US'))} บาท`, { indent: true }),
  ]
}

/**
 * v11: a two-column form per measure, as a form sent round for each unit to fill: a title row
 * (มาตรการที่ 1), the indicator, then a row per column role (its header words | its cell).
 */
function measureForms(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.period === 'gantt' || c.period === 'quarter-ticks' || c.measureRows === 'per-action') throw new Error('a measure form holds one measure, its period as text')
  const roles = measureRoles(c).filter((r) => r !== 'order' && r !== 'indicator')
  const w = wordsOf(c)
  const label = (role: Role) => (role === 'score' ? f.scoreHead(w('score')) : w(role))
  const side = (text: string) => headerCell(text, { align: 'left', valign: 'top' })
  return [
    orientation(c.measureOrientation),
    heading(2, 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', 'center'),
    paragraph(`${spec.organisation.name}ได้นำผลการประเมินมาจัดทำมาตรการเพื่อพัฒนาประเด็นที่ได้คะแนนน้อย ดังนี้`, { indent: true }),
    ...spec.measures.map((m, k): TableBlock => {
      const cells = measureRow(spec, m, roles, c, f, undefined, k + 1)[0]!.cells
      return {
        kind: 'table',
        role: 'measures',
        columns: [26, 74],
        repeatHeader: 0,
        rows: [
          { cells: [headerCell(`แบบรายงานมาตรการที่ ${f.n(k + 1)}`, { colSpan: 2 })] },
          { cells: [side(w('indicator')), cell(indicatorTitle(spec, m.printedIndicator, c, f), { valign: c.valign })] },
          ...roles.map((role, i) => ({ cells: [side(label(role)), { ...cells[i]!, align: 'left' as const }] })),
        ],
        scale: c.measureOrientation === 'portrait' ? 0.95 : 1,
      }
    }),
  ]
}

function measureTables(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const roles = measureRoles(c)
  const groups = groupMeasures(spec.measures)
  // With an indicator column, the group's first row holds the indicator cell spanning the group;
  // with a ลำดับ column, rows are numbered down the table from `first`.
  // With measureRows 'per-action' a measure takes a row per action: the indicator cell spans them all.
  const rowsOf = (m: MeasureSpec) => (c.measureRows === 'per-action' ? m.actions.length : 1)
  const groupRows = (g: (typeof groups)[number], first = 1) =>
    g.measures.flatMap((m, k) =>
      measureRow(spec, m, roles, c, f, k === 0 ? { text: indicatorTitle(spec, g.printedIndicator, c, f), span: g.measures.reduce((n, x) => n + rowsOf(x), 0) } : undefined, first + k),
    )
  if (c.pageOrientation !== 'mixed' && c.measureOrientation === 'portrait') throw new Error('a landscape document has landscape measures pages')
  const intro: Block[] = [
    orientation(c.measureOrientation),
    heading(2, 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', 'center'),
    paragraph(`${spec.organisation.name}ได้นำผลการประเมินมาจัดทำมาตรการเพื่อพัฒนาประเด็นที่ได้คะแนนน้อย ดังนี้`, { indent: true }),
  ]
  // A Gantt chart's month columns are narrow: its text is set smaller, as people fit one to a page.
  const scale = (c.measureOrientation === 'portrait' ? 0.85 : 0.92) * (c.period === 'gantt' ? 0.85 : 1)
  // One table for several indicators: each group under a title row spanning the table (or its indicator cell).
  const tableOf = (gs: typeof groups): TableBlock => {
    const header = headerRows(spec, roles, c, f, undefined)
    const rows: Row[] = [...header]
    let order = 1
    for (const g of gs) {
      if (c.measureIndicator !== 'first-column') rows.push({ cells: [cell(indicatorTitle(spec, g.printedIndicator, c, f), { header: true, colSpan: measureWidths(roles, c).length })] })
      // ๑.๑, ๑.๒ (measureOrder 'clause') start again under each indicator.
      rows.push(...groupRows(g, c.measureOrder === 'clause' ? 1 : order))
      order += g.measures.length
    }
    return { kind: 'table', role: 'measures', columns: measureWidths(roles, c), repeatHeader: header.length, rows, scale }
  }
  if (c.measureGrouping === 'single') return [...intro, tableOf(groups)]
  if (c.measureGrouping === 'per-quarter') {
    // v12: the plan year's quarters, each measure under the one it starts in (the order within a quarter kept).
    const months = ['ต.ค. - ธ.ค.', 'ม.ค. - มี.ค.', 'เม.ย. - มิ.ย.', 'ก.ค. - ก.ย.']
    return [
      ...intro,
      ...[1, 2, 3, 4].flatMap((q): Block[] => {
        const ms = spec.measures.filter((m) => fiscalQuarter(m.period.from) === q)
        return ms.length === 0 ? [] : [heading(3, `ไตรมาสที่ ${f.n(q)} (${months[q - 1]})`), tableOf(groupMeasures(ms))]
      }),
    ]
  }
  if (c.measureGrouping === 'per-unit') {
    // v14: a table per lead unit (the first responsible), units in the order they first lead a measure.
    const leads = [...new Set(spec.measures.map((m) => m.responsible[0]!))]
    return [
      ...intro,
      ...leads.flatMap((unit): Block[] => [heading(3, `${unit}`), tableOf(groupMeasures(spec.measures.filter((m) => m.responsible[0] === unit)))]),
    ]
  }
  if (c.measureGrouping === 'per-tool') {
    const tools: Tool[] = ['IIT', 'EIT', 'OIT']
    return [
      ...intro,
      ...tools.flatMap((tool): Block[] => {
        const gs = groups.filter((g) => toolOfItem(g.measures[0]!.item) === tool)
        return gs.length === 0 ? [] : [heading(3, toolName(tool, c)), tableOf(gs)]
      }),
    ]
  }
  // v9 'continued': an indicator with two or more measures breaks after half of them (rounded up), and goes on in a second table after a line of prose.
  const half = (g: (typeof groups)[number]) => Math.ceil(g.measures.length / 2)
  const parts = groups.flatMap((g, i) =>
    c.measureGrouping === 'continued' && g.measures.length >= 2
      ? [{ g: { ...g, measures: g.measures.slice(0, half(g)) }, i, first: 1, more: false }, { g: { ...g, measures: g.measures.slice(half(g)) }, i, first: half(g) + 1, more: true }]
      : [{ g, i, first: 1, more: false }],
  )
  return [
    ...intro,
    ...parts.flatMap(({ g, i, first, more }): Block[] => {
      const title = `${indicatorTitle(spec, g.printedIndicator, c, f)}${more ? ' (ต่อ)' : ''}`
      const rows: Row[] = []
      if (c.measureIndicator === 'title-row') rows.push({ cells: [cell(title, { header: true, colSpan: measureWidths(roles, c).length, align: 'left' })] })
      const header = headerRows(spec, roles, c, f, c.measureIndicator === 'first-header' ? g.printedIndicator : undefined)
      rows.push(...header)
      rows.push(...groupRows(g, first))
      return [
        ...(i > 0 && !more && c.breaks === 'sections' ? [pageBreak] : []),
        ...(more ? [paragraph('นอกจากมาตรการข้างต้น หน่วยงานได้กำหนดมาตรการเพิ่มเติมสำหรับตัวชี้วัดเดียวกัน ดังนี้', { indent: true })] : []),
        ...(c.measureIndicator === 'heading' ? [paragraph(title, { bold: true })] : []),
        { kind: 'table', role: 'measures', columns: measureWidths(roles, c), repeatHeader: header.length + (c.measureIndicator === 'title-row' ? 1 : 0), rows, scale },
      ]
    }),
  ]
}

/**
 * v14 lastYearMeasures 'before-after': before this year's measures, what last year's plan did for some of
 * the same items and how they scored before (2567) and after (this year's score, as the detail prints it).
 * Last year's measures, results and scores are of no value in the report; they come from a stream of their own.
 */
function lastYearBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.lastYearMeasures === 'none') return []
  const r = seededRandom(subSeed(spec.seed, 'last-year-measures'))
  const items = [...new Map(spec.measures.map((m) => [m.item, m])).values()].slice(0, 4)
  const v = c.valign
  const last = f.n(spec.fiscalYear - 1)
  return [
    heading(3, `ผลการดำเนินการตามมาตรการปีงบประมาณ พ.ศ. ${last}`),
    paragraph(`เพื่อให้เห็นผลของมาตรการที่ผ่านมา ${spec.organisation.shortName}ได้เปรียบเทียบคะแนนของประเด็นที่ได้กำหนดมาตรการไว้ในปีงบประมาณ พ.ศ. ${last} ดังนี้`, { indent: true }),
    {
      kind: 'table',
      role: 'last-year-measures',
      columns: [30, 30, 16, 12, 12],
      repeatHeader: 1,
      rows: [
        { cells: [headerCell('ประเด็น'), headerCell(`มาตรการปี ${last}`), headerCell('ผลการดำเนินงาน'), headerCell(`ก่อน (${last})`), headerCell(`หลัง (${f.n(spec.fiscalYear)})`)] },
        ...items.map((m) => {
          const before = Math.max(0, Math.round((m.itemScore - r.int(150, 1200) / 100) * 100) / 100)
          const tool = toolOfItem(m.item)
          return {
            cells: [
              cell(f.coded(m.item, f.text(m.itemTitle)), { valign: v }),
              cell(r.pick(V14_ACTIONS[tool]), { valign: v }),
              cell(r.pick(V14_LAST_YEAR_RESULTS), { valign: v }),
              cell(tool === 'OIT' ? f.item(m.itemScore >= 100 ? 0 : m.itemScore, tool) : f.score(before), { align: 'center', valign: 'middle' }),
              cell(f.item(m.itemScore, tool), { align: 'center', valign: 'middle' }),
            ],
          }
        }),
      ],
    },
  ]
}

/** Consecutive measures printed under the same indicator number form one table. */
function groupMeasures(measures: readonly MeasureSpec[]): { printedIndicator: number; measures: MeasureSpec[] }[] {
  const groups: { printedIndicator: number; own: string; measures: MeasureSpec[] }[] = []
  for (const m of measures) {
    const own = m.item.replace(/\d+$/, '') + m.printedIndicator
    const last = groups.at(-1)
    if (last && last.printedIndicator === m.printedIndicator && last.own === own) last.measures.push(m)
    else groups.push({ printedIndicator: m.printedIndicator, own, measures: [m] })
  }
  return groups
}

function indicatorTitle(spec: ReportSpec, number: number, c: Choices, f: Fmt): string {
  const ind = spec.indicators.find((i) => i.number === number)!
  return `${f.ind(ind)}${titleScore(spec, number, c, f)}`
}

/** " (คะแนน 75.94)" after a measures table's indicator, when the template prints it. */
function titleScore(spec: ReportSpec, number: number, c: Choices, f: Fmt): string {
  if (c.measureTitleScore === 'none') return ''
  return ` (คะแนน ${f.score(spec.indicators.find((i) => i.number === number)!.scores.measures)})`
}

/** A role's header words in the template's wording set. */
const wordsOf = (c: Choices) => (role: Role) =>
  role === 'budget' && c.measureColumns === 'budget-source' ? 'งบประมาณ/แหล่งงบประมาณ'
  // v17: beside a KPI column the target column is the target alone.
  : role === 'target' && c.measureColumns === 'kpi-target-budget' ? 'ค่าเป้าหมาย'
  : WORDINGS[role][Number(c.measureWording.slice(1))]!

/**
 * The header rows of a measures table: one row, or two when a group header (การดำเนินการ, under
 * measureHeader 'grouped') or the period's start and end columns span sub-columns.
 */
function headerRows(spec: ReportSpec, roles: readonly Role[], c: Choices, f: Fmt, indicatorInFirst: number | undefined): Row[] {
  const w = wordsOf(c)
  let k = 0
  const label = (role: Role) => {
    if (role === 'item' && indicatorInFirst !== undefined) {
      const named = c.indicatorLabel === 'name-only' ? spec.indicators.find((i) => i.number === indicatorInFirst)!.name : `ตัวชี้วัดที่ ${f.n(indicatorInFirst)}`
      return `${named}${titleScore(spec, indicatorInFirst, c, f)}`
    }
    const words = role === 'score' ? f.scoreHead(w('score')) : w(role)
    const numbered = c.measureNumbering === 'numbered' && !['order', 'item', 'score', 'indicator', 'periodTo'].includes(role)
    // The start and end columns share one number, on the period's header when there is one.
    const numberedWords = (text: string) => (numbered ? `${f.n(++k)}) ${text}` : text)
    return numberedWords(role === 'periodFrom' ? w('period') : words)
  }
  // Units: one column each, the period's start and end together.
  const units: Role[][] = []
  for (const role of roles) role === 'periodTo' ? units.at(-1)!.push(role) : units.push([role])
  const split = units.some((u) => u.length === 2)
  const grouped = c.measureHeader === 'grouped' ? groupedRun(units) : undefined
  if (c.period === 'gantt') {
    if (split || grouped) throw new Error('a Gantt chart of months has a header of its own: no start and end columns, no group header')
    return ganttHeader(spec, roles, c, f, label)
  }
  if (c.period === 'quarter-ticks') {
    if (split || grouped) throw new Error('a chart of quarters has a header of its own: no start and end columns, no group header')
    return quarterHeader(spec, roles, f, label)
  }
  if (!split && !grouped) return [{ cells: roles.map((role) => headerCell(label(role))) }]
  const top: Cell[] = []
  const below: Cell[] = []
  const sub = (unit: Role[]) => (unit.length === 2 ? unit.map((r) => headerCell(w(r))) : [headerCell(label(unit[0]!))])
  units.forEach((unit, i) => {
    if (grouped && i === grouped.start) top.push(headerCell('การดำเนินการ', { colSpan: units.slice(grouped.start, grouped.end).flat().length }))
    if (grouped && i >= grouped.start && i < grouped.end) {
      // A split period under the group has no label of its own: its start and end name themselves.
      below.push(...sub(unit))
    } else if (unit.length === 2) {
      top.push(headerCell(label(unit[0]!), { colSpan: 2 }))
      below.push(...sub(unit))
    } else top.push(headerCell(label(unit[0]!), { rowSpan: 2 }))
  })
  return [{ cells: top }, { cells: below }]
}

/**
 * v9 Gantt header: ระยะเวลาดำเนินการ over the plan year's two Buddhist years over its twelve
 * months (ต.ค. to ก.ย.); every other column's header spans the three rows.
 */
function ganttHeader(spec: ReportSpec, roles: readonly Role[], c: Choices, f: Fmt, label: (role: Role) => string): Row[] {
  const top = roles.map((role) => (role === 'period' ? headerCell(label(role), { colSpan: 12 }) : headerCell(label(role), { rowSpan: 3 })))
  const years = [headerCell(`พ.ศ. ${f.n(spec.fiscalYear)}`, { colSpan: 3 }), headerCell(`พ.ศ. ${f.n(spec.fiscalYear + 1)}`, { colSpan: 9 })]
  const months = PLAN_MONTHS.map((m) => headerCell(THAI_MONTHS.find(([n]) => n === m)![2]))
  return [{ cells: top }, { cells: years }, { cells: months }]
}

/** v17: ระยะเวลาดำเนินการ over the plan year's four quarters, each with its months; every other header spans both rows. */
function quarterHeader(spec: ReportSpec, roles: readonly Role[], f: Fmt, label: (role: Role) => string): Row[] {
  const top = roles.map((role) => (role === 'period' ? headerCell(label(role), { colSpan: 4 }) : headerCell(label(role), { rowSpan: 2 })))
  const yy = (y: number) => f.text(String(y % 100).padStart(2, '0'))
  const months = [`ต.ค. - ธ.ค. ${yy(spec.fiscalYear)}`, `ม.ค. - มี.ค. ${yy(spec.fiscalYear + 1)}`, `เม.ย. - มิ.ย. ${yy(spec.fiscalYear + 1)}`, `ก.ค. - ก.ย. ${yy(spec.fiscalYear + 1)}`]
  return [{ cells: top }, { cells: months.map((m, k) => headerCell([`ไตรมาส ${f.n(k + 1)}`, `(${m})`])) }]
}

/**
 * v17: a measure's period as ticks under the plan year's quarters; a period not of whole quarters of the
 * plan year (the plan year's own measures all are; an injected one may not be) in words across them.
 */
function quarterCells(spec: ReportSpec, p: MeasureSpec['period'], c: Choices, f: Fmt): Cell[] {
  const index = (d: PrintedDate) => (d.month >= 10 ? d.month - 10 : d.month + 2) + (d.month >= 10 ? (d.yearBE - spec.fiscalYear) * 12 : (d.yearBE - spec.fiscalYear - 1) * 12)
  const [from, to] = [index(p.from), index(p.to)]
  const lastDay = new Date(Date.UTC(p.to.yearBE - 543, p.to.month, 0)).getUTCDate()
  const whole = from % 3 === 0 && to % 3 === 2 && p.from.day === 1 && p.to.day === lastDay
  if (from < 0 || to > 11 || from > to || !whole) {
    const month = (d: PrintedDate) => `${THAI_MONTHS.find(([n]) => n === d.month)![2]} ${f.text(String(d.yearBE % 100).padStart(2, '0'))}`
    return [cell(`${month(p.from)} - ${month(p.to)}`, { colSpan: 4, align: 'center', valign: c.valign })]
  }
  return [0, 1, 2, 3].map((q) => cell(q >= from / 3 && q <= (to - 2) / 3 ? '✓' : '', { align: 'center', valign: c.valign }))
}

/** The plan year's months, October first. */
const PLAN_MONTHS = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]

/**
 * A measure's period as a Gantt chart's cells: a ✓ in each month it runs; a period that does not
 * fit the plan year's months (a contradiction) in words across them.
 */
function ganttCells(spec: ReportSpec, p: MeasureSpec['period'], c: Choices, f: Fmt): Cell[] {
  const index = (d: PrintedDate) => (d.month >= 10 ? d.month - 10 : d.month + 2) + (d.month >= 10 ? (d.yearBE - spec.fiscalYear) * 12 : (d.yearBE - spec.fiscalYear - 1) * 12)
  const [from, to] = [index(p.from), index(p.to)]
  if (from < 0 || to > 11 || from > to) {
    const month = (d: PrintedDate) => `${THAI_MONTHS.find(([n]) => n === d.month)![2]} ${f.text(String(d.yearBE % 100).padStart(2, '0'))}`
    return [cell(`${month(p.from)} - ${month(p.to)}`, { colSpan: 12, align: 'center', valign: c.valign })]
  }
  return PLAN_MONTHS.map((_, k) => cell(k >= from && k <= to ? '✓' : '', { align: 'center', valign: c.valign }))
}

/** The run of columns a group header spans: the carrying-out columns around the period. */
function groupedRun(units: readonly Role[][]): { start: number; end: number } | undefined {
  const doing = (u: readonly Role[]) => ['actions', 'steps', 'kpi', 'funding', 'period', 'periodFrom', 'responsible', 'followUp'].includes(u[0]!)
  const at = units.findIndex((u) => u[0] === 'period' || u[0] === 'periodFrom')
  if (at < 0) return undefined
  let start = at
  let end = at + 1
  while (start > 0 && doing(units[start - 1]!)) start--
  while (end < units.length && doing(units[end]!)) end++
  return end - start >= 2 ? { start, end } : undefined
}

/** Measures as numbered paragraphs: มาตรการที่ ๑ with the item, then each part under its label. */
function measureParagraphs(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.pageOrientation === 'landscape') throw new Error('measures as paragraphs are printed on portrait pages, not in a landscape document')
  const w = wordsOf(c)
  const parts = MEASURE_COLUMNS[c.measureColumns].filter((r) => r !== 'item' && r !== 'score')
  const labelled = (role: Role, lines: readonly string[]): Block[] =>
    lines.length === 1 ? [paragraph(`${w(role)} : ${lines[0]}`)] : [paragraph(w(role)), ...lines.map((l) => paragraph(l, { indent: true }))]
  const content: Partial<Record<Role, (m: MeasureSpec) => Block[]>> = {
    actions: (m) => [paragraph(w('actions')), ...listLines(m.actions, c, f).map((l) => paragraph(l, { indent: true }))],
    analysis: (m) => labelled('analysis', [m.analysis]),
    steps: (m) => [paragraph(w('steps')), ...listLines(m.steps, c, f).map((l) => paragraph(l, { indent: true }))],
    period: (m) => labelled('period', [periodText(m.period, c, f)]),
    responsible: (m) => labelled('responsible', responsibleLines(m.responsible, c, f)),
    followUp: (m) => labelled('followUp', [f.text(m.followUp)]),
    target: (m) => labelled('target', [targetText(spec, m, f)]),
    budget: (m) => labelled('budget', [budgetText(spec, m, f)]),
    kpi: (m) => labelled('kpi', [kpiText(spec, m, f)]),
    funding: (m) => labelled('funding', [fundingText(spec, m)]),
    evidence: (m) => labelled('evidence', evidenceLines(spec, m)),
    progress: (m) => labelled('progress', [progressText(spec, m, f)]),
    remarks: (m) => labelled('remarks', [remarksText(spec, m, f)]),
  }
  let k = 0
  return [
    orientation('portrait'),
    heading(2, 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', 'center'),
    paragraph(`${spec.organisation.name}ได้นำผลการประเมินมาจัดทำมาตรการเพื่อพัฒนาประเด็นที่ได้คะแนนน้อย ดังนี้`, { indent: true }),
    ...groupMeasures(spec.measures).flatMap((g) => [
      heading(3, indicatorTitle(spec, g.printedIndicator, c, f)),
      ...g.measures.flatMap((m) => {
        const item = c.measureItem === 'title-only' ? f.text(m.itemTitle) : f.coded(m.item, f.text(m.itemTitle))
        const score = `${w('score')} ${f.item(m.itemScore, toolOfItem(m.item))}`
        return [paragraph(`มาตรการที่ ${f.n(++k)} ${w('item')} : ${item} (${score})`, { bold: true }), ...parts.flatMap((r) => content[r]!(m))]
      }),
    ]),
  ]
}

/**
 * v13: the measures as a numbered outline under each indicator's heading, as a plan typed in Word:
 * "1. ประเด็น i3 ... (คะแนน 74.08)", "1.1 มาตรการ/แนวทางการพัฒนา (ผู้รับผิดชอบ : ... ระยะเวลา : ...)"
 * with its measures as 1.1.1, 1.1.2, then "1.2 ขั้นตอนการดำเนินงาน" (1.2.1 ...) and the analysis and
 * follow-up as further clauses. The outline numbers the lists whatever the template's list style.
 */
function measureOutline(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const roles = MEASURE_COLUMNS[c.measureColumns]
  const extra = roles.filter((r) => !['item', 'score', 'actions', 'steps', 'analysis', 'period', 'responsible', 'followUp'].includes(r))
  if (extra.length > 0 || c.period === 'gantt' || c.periodColumns !== 'one') throw new Error(`a measures outline has no place for ${extra.join(', ') || 'a period in columns'}`)
  if (c.list === 'bullet' || c.list === 'dash') throw new Error('a measures outline numbers its lists')
  let k = 0
  return [
    heading(2, 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร'),
    paragraph(`${spec.organisation.name}ได้กำหนดมาตรการเพื่อพัฒนาประเด็นที่ได้คะแนนน้อย ดังนี้`, { indent: true }),
    ...groupMeasures(spec.measures).flatMap((g) => [
      heading(3, indicatorTitle(spec, g.printedIndicator, c, f)),
      ...g.measures.flatMap((m) => {
        const n = f.n(++k)
        const item = c.measureItem === 'title-only' ? f.text(m.itemTitle) : f.coded(m.item, f.text(m.itemTitle))
        const owner = responsibleLines(m.responsible, c, f).join(', ')
        const clauses: [string, readonly string[]][] = [
          [`มาตรการ/แนวทางการพัฒนา (ผู้รับผิดชอบ : ${owner} ระยะเวลา : ${periodText(m.period, c, f)})`, m.actions],
          ...(roles.includes('steps') ? [['ขั้นตอนการดำเนินงาน', m.steps] as [string, readonly string[]]] : []),
          ...(roles.includes('analysis') ? [[`ผลการวิเคราะห์ : ${m.analysis}`, []] as [string, readonly string[]]] : []),
          ...(roles.includes('followUp') ? [[`การติดตามผล : ${f.text(m.followUp)}`, []] as [string, readonly string[]]] : []),
        ]
        return [
          paragraph(`${n}. ประเด็นที่ต้องพัฒนา ${item} (คะแนน ${f.item(m.itemScore, toolOfItem(m.item))})`, { bold: true }),
          ...clauses.flatMap(([line, entries], j) => [
            paragraph(`${n}.${f.n(j + 1)} ${line}`, { indent: true }),
            ...entries.map((e, i) => paragraph(`${n}.${f.n(j + 1)}.${f.n(i + 1)} ${e}`, { indent: true })),
          ]),
        ]
      }),
    ]),
  ]
}

/**
 * v16: a paragraph per item under its indicator's heading, as a plan written as a memo: the item and its
 * score, the analysis, the measures and steps inline (numbered as the template lists them), who does it
 * (ดำเนินการโดย ...) and when, and the follow-up.
 */
function measureProse(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const roles = MEASURE_COLUMNS[c.measureColumns]
  const extra = roles.filter((r) => !['item', 'score', 'actions', 'steps', 'analysis', 'period', 'responsible', 'followUp'].includes(r))
  if (extra.length > 0 || c.period === 'gantt' || c.periodColumns !== 'one') throw new Error(`measures in prose have no place for ${extra.join(', ') || 'a period in columns'}`)
  const who = (units: readonly string[]) => {
    const lines = responsibleLines(units, c, f)
    return c.responsible !== 'lines' || lines.length === 1 ? lines.join(' ') : `${lines.slice(0, -1).join(', ')} และ${lines.at(-1)}`
  }
  const sentence = (m: MeasureSpec) => {
    const item = c.measureItem === 'title-only' ? f.text(m.itemTitle) : f.coded(m.item, f.text(m.itemTitle))
    return [
      `ประเด็น ${item} ได้คะแนน ${f.item(m.itemScore, toolOfItem(m.item))} คะแนน`,
      ...(roles.includes('analysis') ? [`ผลการวิเคราะห์พบว่า ${m.analysis}`] : []),
      `จึงกำหนดมาตรการ ${listLines(m.actions, c, f).join(' ')}`,
      ...(roles.includes('steps') ? [`โดยมีขั้นตอนการดำเนินงาน ${listLines(m.steps, c, f).join(' ')}`] : []),
      `ดำเนินการโดย ${who(m.responsible)}`,
      `ระยะเวลาดำเนินการ ${periodText(m.period, c, f)}`,
      ...(roles.includes('followUp') ? [`การติดตามผล ${f.text(m.followUp)}`] : []),
    ].join(' ')
  }
  return [
    heading(2, 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร'),
    paragraph(`${spec.organisation.name} ได้นำผลการประเมินมากำหนดมาตรการพัฒนาในประเด็นที่ได้คะแนนน้อย ดังนี้`, { indent: true }),
    ...groupMeasures(spec.measures).flatMap((g) => [heading(3, indicatorTitle(spec, g.printedIndicator, c, f)), ...g.measures.map((m) => paragraph(sentence(m), { indent: true }))]),
  ]
}

const toolOfItem = (code: string): Tool => (code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT')

/** `indicator`: the indicator cell this row starts (spanning `span` rows); absent on the rows it covers. `order`: its ลำดับ. */
function measureRow(spec: ReportSpec, m: MeasureSpec, roles: readonly Role[], c: Choices, f: Fmt, indicator: { text: string; span: number } | undefined, order: number): Row[] {
  const v = c.valign
  const content: Record<Role, () => Cell> = {
    order: () => cell(c.measureOrder === 'clause' ? `${f.n(m.printedIndicator)}.${f.n(order)}` : f.n(order), { align: 'center', valign: v }),
    indicator: () => cell(indicator!.text, { rowSpan: indicator!.span, valign: v }),
    item: () => cell(`${c.measureItem === 'title-only' ? f.text(m.itemTitle) : f.coded(m.item, f.text(m.itemTitle))}${c.measureScore === 'in-item' ? ` (คะแนน ${f.item(m.itemScore, toolOfItem(m.item))})` : ''}`, { valign: v }),
    score: () => cell([f.item(m.itemScore, toolOfItem(m.item)), ...f.asOf], { align: 'center', valign: v }),
    actions: () => cell(listLines(m.actions, c, f), { valign: v }),
    analysis: () => cell(m.analysis, { valign: v }),
    steps: () => cell(listLines(m.steps, c, f), { valign: v }),
    target: () => (c.measureColumns === 'kpi-target-budget' ? cell(targetValue(spec, m, f), { align: 'center', valign: v }) : cell(targetText(spec, m, f), { valign: v })),
    budget: () => cell(c.measureColumns === 'budget-source' ? budgetSourceLines(spec, m, f) : budgetText(spec, m, f), { align: 'center', valign: v }),
    kpi: () => cell(kpiText(spec, m, f), { valign: v }),
    funding: () => cell(fundingText(spec, m), { align: 'center', valign: v }),
    period: () => cell(periodText(m.period, c, f), { align: 'center', valign: v }),
    periodFrom: () => cell(dateText(m.period.from, c, f), { align: 'center', valign: v }),
    periodTo: () => cell(dateText(m.period.to, c, f), { align: 'center', valign: v }),
    responsible: () => cell(responsibleLines(m.responsible, c, f), { valign: v }),
    followUp: () => cell(f.text(m.followUp), { valign: v }),
    evidence: () => cell(evidenceLines(spec, m), { valign: v }),
    progress: () => cell(progressText(spec, m, f), { valign: v }),
    remarks: () => cell(remarksText(spec, m, f), { valign: v }),
  }
  const cells = roles.filter((r) => r !== 'indicator' || indicator)
  const actions = listLines(m.actions, c, f)
  if (c.period === 'gantt' || c.period === 'quarter-ticks') {
    if (c.measureRows === 'per-action') throw new Error('a chart of ticks takes one row a measure')
    const ticks = c.period === 'gantt' ? ganttCells : quarterCells
    return [{ cells: cells.flatMap((r) => (r === 'period' ? ticks(spec, m.period, c, f) : [content[r]()])) }]
  }
  if (c.measureRows !== 'per-action' || actions.length === 1) return [{ cells: cells.map((r) => content[r]()) }]
  // v8: one action a row; every other cell of the measure spans its rows (the indicator cell spans its group already).
  const first = cells.map((r) => (r === 'actions' ? cell(actions[0]!, { valign: v }) : r === 'indicator' ? content[r]() : { ...content[r](), rowSpan: actions.length }))
  return [{ cells: first }, ...actions.slice(1).map((a) => ({ cells: [cell(a, { valign: v })] }))]
}

/** v8: an appendix restating the indicator scores (as the summary prints them) and the tool scores. */
function appendixBlocks(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  if (c.appendix === 'none') return []
  if (c.appendix === 'itas-sheet') return itasSheet(spec, c, f)
  const v = c.valign
  return [
    c.pageOrientation === 'landscape' ? pageBreak : orientation('portrait'),
    heading(2, 'ภาคผนวก', 'center'),
    paragraph('ตารางสรุปผลคะแนนการประเมินรายตัวชี้วัดและรายเครื่องมือ', { bold: true }),
    {
      kind: 'table',
      role: 'appendix',
      columns: [12, 50, 12, 13, 13],
      repeatHeader: 1,
      rows: [
        { cells: [headerCell('ตัวชี้วัดที่'), headerCell('ชื่อตัวชี้วัด'), headerCell('เครื่องมือ'), headerCell('คะแนนตัวชี้วัด'), headerCell('คะแนนเครื่องมือ')] },
        ...spec.indicators.map((ind, i) => {
          const tool = spec.tools.find((t) => t.tool === ind.tool)!
          const first = spec.indicators.findIndex((x) => x.tool === ind.tool) === i
          const span = spec.indicators.filter((x) => x.tool === ind.tool).length
          return {
            cells: [
              cell(f.n(ind.number), { align: 'center', valign: v }),
              cell(ind.name, { valign: v }),
              cell(ind.tool, { align: 'center', valign: v }),
              cell(f.score(ind.scores.summary), { align: 'center', valign: v }),
              ...(first ? [cell(f.score(tool.score), { align: 'center', valign: 'middle' as const, rowSpan: span })] : []),
            ],
          }
        }),
      ],
    },
  ]
}

/**
 * v16 appendix 'itas-sheet': the result sheet as the ITAS system prints it, in small type: the agency's row
 * (the tools' scores, the ITA score, the result), then the indicators' scores across by number.
 */
function itasSheet(spec: ReportSpec, c: Choices, f: Fmt): Block[] {
  const centred = (text: string) => cell(text, { align: 'center', valign: 'middle' })
  return [
    c.pageOrientation === 'landscape' ? pageBreak : orientation('portrait'),
    heading(2, c.resultsPlacement === 'annex' ? 'ภาคผนวก ข' : 'ภาคผนวก', 'center'),
    paragraph(`ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ${f.fy(spec.fiscalYear)} (จากระบบ ITAS)`, { bold: true }),
    {
      kind: 'table',
      role: 'itas-sheet',
      columns: [7, 33, 11, 11, 11, 13, 14],
      repeatHeader: 2,
      scale: 0.85,
      rows: [
        {
          cells: [
            headerCell('ลำดับ', { rowSpan: 2 }),
            headerCell('หน่วยงาน', { rowSpan: 2 }),
            headerCell('คะแนนรายเครื่องมือ', { colSpan: 3 }),
            headerCell('คะแนน ITA', { rowSpan: 2 }),
            headerCell('ผลการประเมิน', { rowSpan: 2 }),
          ],
        },
        { cells: spec.tools.map((t) => headerCell(t.tool)) },
        { cells: [centred(f.n(1)), cell(spec.organisation.name, { valign: 'middle' }), ...spec.tools.map((t) => centred(f.score(t.score))), centred(f.score(spec.total)), centred(spec.level)] },
      ],
    },
    paragraph('คะแนนรายตัวชี้วัด', { bold: true }),
    {
      kind: 'table',
      role: 'itas-indicators',
      columns: [14, ...spec.indicators.map(() => 8.6)],
      repeatHeader: 1,
      scale: 0.85,
      rows: [
        { cells: [headerCell('ตัวชี้วัดที่'), ...spec.indicators.map((ind) => headerCell(f.n(ind.number)))] },
        { cells: [cell('คะแนน', { header: true, valign: 'middle' }), ...spec.indicators.map((ind) => centred(f.score(ind.scores.summary)))] },
      ],
    },
  ]
}

/**
 * A measure's target (ค่าเป้าหมาย) and budget, from a stream of their own per measure: percentages
 * and amounts that are numbers of no value in the report.
 */
function targetText(spec: ReportSpec, m: MeasureSpec, f: Fmt): string {
  const r = seededRandom(subSeed(spec.seed, `target:${m.item}`))
  const percent = f.n(r.pick([70, 75, 80, 85, 90, 95, 100]))
  return r.pick([
    `ร้อยละ ${percent} ของบุคลากรรับทราบและถือปฏิบัติ`,
    `ผู้รับบริการพึงพอใจไม่น้อยกว่าร้อยละ ${percent}`,
    `ดำเนินการแล้วเสร็จร้อยละ ${percent} ของแผน`,
    `เผยแพร่ข้อมูลครบถ้วนทุกรายการ`,
  ])
}

/** v17: a target alone, beside its KPI (ร้อยละ 80, 4 ครั้ง, 12 เรื่อง), from a stream of its own per measure. */
function targetValue(spec: ReportSpec, m: MeasureSpec, f: Fmt): string {
  const r = seededRandom(subSeed(spec.seed, `target-value:${m.item}`))
  return r.pick([`ร้อยละ ${f.n(r.pick([80, 85, 90, 100]))}`, `${f.n(r.int(1, 4))} ครั้ง`, `${f.n(r.int(2, 12))} เรื่อง`, `ร้อยละ ${f.n(100)} ของรายการ`])
}

function budgetText(spec: ReportSpec, m: MeasureSpec, f: Fmt): string {
  const r = seededRandom(subSeed(spec.seed, `budget:${m.item}`))
  if (r.chance(0.4)) return 'ไม่ใช้งบประมาณ'
  return f.text(`${r.int(5, 60)},000`)
}

/** v10: the amount and where it comes from, in one cell (the amount, like any budget, of no value in the report). */
function budgetSourceLines(spec: ReportSpec, m: MeasureSpec, f: Fmt): string[] {
  const amount = budgetText(spec, m, f)
  if (amount === 'ไม่ใช้งบประมาณ') return [amount]
  const source = seededRandom(subSeed(spec.seed, `budget-source:${m.item}`)).pick(V7_FUNDING.filter((x) => x !== 'ไม่ใช้งบประมาณ'))
  return [`${amount} บาท`, `(${source})`]
}

/** v7: a measure's success indicator (a percentage of no value in the report) and where its money comes from. */
function kpiText(spec: ReportSpec, m: MeasureSpec, f: Fmt): string {
  const r = seededRandom(subSeed(spec.seed, `kpi:${m.item}`))
  return r.pick(V7_KPIS).replace('{p}', f.n(r.pick([60, 70, 80, 90, 100])))
}

/** v9: the evidence a measure leaves, one a line, from a stream of its own per measure. */
function evidenceLines(spec: ReportSpec, m: MeasureSpec): string[] {
  const r = seededRandom(subSeed(spec.seed, `evidence:${m.item}`))
  return r.sample(V9_EVIDENCE, r.int(1, 3))
}

/** v11: a measure's progress, from a stream of its own per measure (its percentage of no value in the report). */
function progressText(spec: ReportSpec, m: MeasureSpec, f: Fmt): string {
  const r = seededRandom(subSeed(spec.seed, `progress:${m.item}`))
  return f.text(r.pick(V11_STATUSES).replace('{p}', String(r.pick([25, 50, 60, 75, 80]))))
}

/** v11: a remark on a measure (the year in it of no value in the report). */
function remarksText(spec: ReportSpec, m: MeasureSpec, f: Fmt): string {
  return f.text(seededRandom(subSeed(spec.seed, `remarks:${m.item}`)).pick(V11_REMARKS).replace('{y}', String(spec.fiscalYear)))
}

function fundingText(spec: ReportSpec, m: MeasureSpec): string {
  return seededRandom(subSeed(spec.seed, `funding:${m.item}`)).pick(V7_FUNDING)
}

function listLines(entries: readonly string[], c: Choices, f: Fmt): string[] {
  return entries.map((e, i) => (c.list === 'bullet' ? `• ${e}` : c.list === 'dash' ? `- ${e}` : c.list === 'paren' ? `${f.n(i + 1)}) ${e}` : `${f.n(i + 1)}. ${e}`))
}

function responsibleLines(units: readonly string[], c: Choices, f: Fmt): string[] {
  if (c.responsible === 'lines') return [...units]
  if (c.responsible === 'numbered-lines') return units.map((u, i) => `${f.n(i + 1)}. ${u}`)
  if (c.responsible === 'positions') return units.map(headOf)
  if (c.responsible === 'named-persons') return units.map((u) => `${f.person(u)} ${headOf(u)}`)
  if (c.responsible === 'abbreviated-heads') return [units.map(abbreviatedHead).join(', ')]
  if (c.responsible === 'phones') return units.map((u) => `${u} โทร. ${f.phone(u)}`)
  if (c.responsible === 'lead-marked') return units.map((u, i) => `${u} (${i === 0 ? 'หลัก' : 'ร่วม'})`)
  if (c.responsible === 'lead-support') return [`หลัก : ${units[0]}`, ...(units.length > 1 ? [`สนับสนุน : ${units.slice(1).join(', ')}`] : [])]
  return [units.join(c.responsible === 'comma' ? ', ' : '/')]
}

export function periodText(p: MeasureSpec['period'], c: Choices, f: Fmt): string {
  const month = (d: PrintedDate, abbr: boolean) => THAI_MONTHS.find(([n]) => n === d.month)![abbr ? 2 : 1]
  const wholeFiscalYear = p.from.month === 10 && p.from.day === 1 && p.to.month === 9 && p.to.day === 30 && p.to.yearBE === p.from.yearBE + 1
  switch (wholeFiscalYear || c.period !== 'fiscal-year' ? c.period : 'full') {
    case 'fiscal-year':
      return `ปีงบประมาณ พ.ศ. ${f.n(p.to.yearBE)}`
    case 'abbreviated': {
      const d = (x: PrintedDate) => `${f.n(x.day)} ${month(x, true)} ${f.text(String(x.yearBE % 100).padStart(2, '0'))}`
      return `${d(p.from)} - ${d(p.to)}`
    }
    case 'slash-dates': {
      const d = (x: PrintedDate) => f.n(x.day) + '/' + f.n(x.month) + '/' + f.n(x.yearBE)
      return `${d(p.from)} - ${d(p.to)}`
    }
    case 'months':
      return `${month(p.from, false)} ${f.n(p.from.yearBE)} – ${month(p.to, false)} ${f.n(p.to.yearBE)}`
    case 'month-span': {
      const d = (x: PrintedDate) => `${month(x, true)} ${f.text(String(x.yearBE % 100).padStart(2, '0'))}`
      return `${d(p.from)} - ${d(p.to)}`
    }
    case 'year-once': {
      const y = (x: PrintedDate) => f.n(x.yearBE)
      return p.from.yearBE === p.to.yearBE ? `${month(p.from, true)} - ${month(p.to, true)} ${y(p.to)}` : `${month(p.from, true)} ${y(p.from)} - ${month(p.to, true)} ${y(p.to)}`
    }
    case 'from-until':
      return `ตั้งแต่เดือน${month(p.from, false)} ${f.n(p.from.yearBE)} ถึงเดือน${month(p.to, false)} ${f.n(p.to.yearBE)}`
    case 'duration': {
      // v15: 6 เดือน (ม.ค. 69 - มิ.ย. 69): the length in months, then the months.
      const d = (x: PrintedDate) => `${month(x, true)} ${f.text(String(x.yearBE % 100).padStart(2, '0'))}`
      const months = (p.to.yearBE - p.from.yearBE) * 12 + p.to.month - p.from.month + 1
      return `${f.n(months)} เดือน (${d(p.from)} - ${d(p.to)})`
    }
    case 'short-year-once': {
      // v14: ม.ค. - มิ.ย. 69, the two-digit year once when both ends share it.
      const y = (x: PrintedDate) => f.text(String(x.yearBE % 100).padStart(2, '0'))
      return p.from.yearBE === p.to.yearBE ? `${month(p.from, true)} - ${month(p.to, true)} ${y(p.to)}` : `${month(p.from, true)} ${y(p.from)} - ${month(p.to, true)} ${y(p.to)}`
    }
    case 'abbrev-full-year': {
      const d = (x: PrintedDate) => `${f.n(x.day)} ${month(x, true)} ${f.n(x.yearBE)}`
      return `${d(p.from)} – ${d(p.to)}`
    }
    case 'gantt':
      throw new Error('a Gantt chart prints periods as ticks under months (ganttCells), not as text')
    case 'quarter-ticks':
      throw new Error('a chart of quarters prints periods as ticks (quarterCells), not as text')
    case 'deadline':
      // v11: the whole plan year as ตลอดปีงบประมาณ, anything else by its last month alone.
      return wholeFiscalYear ? `ตลอดปีงบประมาณ พ.ศ. ${f.n(p.to.yearBE)}` : `ภายในเดือน${month(p.to, false)} ${f.n(p.to.yearBE)}`
    case 'quarter-range': {
      // v13: whole fiscal quarters, by their numbers and the fiscal year alone (no months printed).
      if (![10, 1, 4, 7].includes(p.from.month) || p.from.day !== 1 || ![12, 3, 6, 9].includes(p.to.month)) throw new Error('a quarter range prints whole fiscal quarters only')
      const [q1, q2] = [fiscalQuarter(p.from), fiscalQuarter(p.to)]
      const [y1, y2] = [fiscalYearOf(p.from), fiscalYearOf(p.to)]
      if (y1 !== y2) return `ไตรมาส ${f.n(q1)}/${f.n(y1)} - ไตรมาส ${f.n(q2)}/${f.n(y2)}`
      return `ไตรมาส ${q1 === q2 ? f.n(q1) : `${f.n(q1)}-${f.n(q2)}`} ปีงบประมาณ พ.ศ. ${f.n(y1)}`
    }
    case 'quarters': {
      const [q1, q2] = [fiscalQuarter(p.from), fiscalQuarter(p.to)]
      const d = (x: PrintedDate) => `${month(x, true)} ${f.text(String(x.yearBE % 100).padStart(2, '0'))}`
      return `ไตรมาส ${q1 === q2 ? f.n(q1) : `${f.n(q1)}-${f.n(q2)}`} (${d(p.from)} - ${d(p.to)})`
    }
    default: {
      const d = (x: PrintedDate) => `${f.n(x.day)} ${month(x, false)} ${f.n(x.yearBE)}`
      return `${d(p.from)} - ${d(p.to)}`
    }
  }
}

/** The fiscal quarter a date falls in: October-December is the first. */
const fiscalQuarter = (d: PrintedDate) => Math.floor(((d.month + 2) % 12) / 3) + 1

/** The fiscal year (BE) a date falls in: October on belongs to the next year's. */
const fiscalYearOf = (d: PrintedDate) => (d.month >= 10 ? d.yearBE + 1 : d.yearBE)

/** One date of a period, for the start and end columns, in the template's period wording. */
function dateText(d: PrintedDate, c: Choices, f: Fmt): string {
  const month = (abbr: boolean) => THAI_MONTHS.find(([n]) => n === d.month)![abbr ? 2 : 1]
  switch (c.period) {
    case 'abbreviated':
      return `${f.n(d.day)} ${month(true)} ${f.text(String(d.yearBE % 100).padStart(2, '0'))}`
    case 'quarters':
      return `ไตรมาส ${f.n(fiscalQuarter(d))} (${month(true)} ${f.text(String(d.yearBE % 100).padStart(2, '0'))})`
    case 'slash-dates':
      return `${f.n(d.day)}/${f.n(d.month)}/${f.n(d.yearBE)}`
    case 'month-span':
    case 'short-year-once':
    case 'duration':
      return `${month(true)} ${f.text(String(d.yearBE % 100).padStart(2, '0'))}`
    case 'months':
      return `${month(false)} ${f.n(d.yearBE)}`
    case 'year-once':
      return `${month(true)} ${f.n(d.yearBE)}`
    case 'abbrev-full-year':
      return `${f.n(d.day)} ${month(true)} ${f.n(d.yearBE)}`
    case 'deadline':
      throw new Error('deadlines print no start: they take one period column')
    case 'quarter-range':
      return `ไตรมาส ${f.n(fiscalQuarter(d))}/${f.n(fiscalYearOf(d))}`
    case 'from-until':
      return `เดือน${month(false)} ${f.n(d.yearBE)}`
    default:
      return `${f.n(d.day)} ${month(false)} ${f.n(d.yearBE)}`
  }
}

/**
 * Templates opened for development after their blind measure (v11: 82.8% of fields, v12: 69.1%, v13: 61.6%,
 * v14: 65.8%, v16: 82.4%), named here until they read whole; the structure tests list their inputs as todo meanwhile, rather than skip them.
 */
export const IN_DEVELOPMENT: ReadonlySet<string> = new Set<string>([
  'blind-v16-01-military-prose', 'blind-v16-02-southern-checklist', 'blind-v16-03-social-annex',
  'blind-v16-04-branch-prose', 'blind-v16-05-police-annex', 'blind-v16-06-pao-per-tool',
])
