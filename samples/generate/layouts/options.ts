/**
 * The layout dimensions a template chooses from, and which option values are kept out of
 * development (`held-out`): only held-out templates use them, so the bench's held-out figures
 * measure how the extractor does on wording and layouts it was not tuned on.
 */

export type Split = 'train' | 'held-out'

/** Every dimension, each option value with its split. */
export const OPTIONS = {
  /**
   * How numbers are printed: all Thai, all Arabic, scores Arabic and everything else Thai, or
   * (`prose-thai`) Arabic in tables and Thai in headings and prose.
   */
  digits: { thai: 'train', arabic: 'train', mixed: 'held-out', 'prose-thai': 'held-out' },
  /** Item codes: as in the catalogue (i3) or upper case (I3). */
  codeCase: { catalogue: 'train', upper: 'train' },
  /** Digits in item codes: i3 or i๓ (as typed with a Thai keyboard layout). */
  codeDigits: { arabic: 'train', thai: 'train' },
  /** A dot after the code ("i3."). */
  codeDot: { none: 'train', dot: 'held-out' },
  /** The title block on a cover page of its own, or at the top of the first page. */
  cover: { none: 'train', page: 'train' },
  /** Title block wording and order. */
  title: { classic: 'train', 'agency-first': 'train', 'single-line': 'held-out' },
  /** Where the fiscal year is printed. */
  fiscalYear: { 'thai-full': 'train', short: 'train', 'sentence-only': 'held-out' },
  /** Summary table layout. */
  summary: { 'tool-span': 'train', 'numbered-tool': 'train', 'number-column': 'train', 'names-only': 'held-out', transposed: 'held-out' },
  /** A last summary row with the total. */
  summaryTotalRow: { none: 'train', row: 'train' },
  /** Where tool scores are printed. */
  toolScores: { column: 'train', 'table-before': 'train', 'table-after': 'train', sentences: 'held-out', 'group-rows': 'held-out' },
  /** Detail list layout. */
  detail: { 'two-col': 'train', 'three-col': 'train', 'per-tool': 'held-out', 'indicator-span': 'held-out', 'numbered-titles': 'held-out' },
  /** Where the overall analysis (total, level, last year) sits. */
  overallPosition: { 'after-detail': 'train', 'before-summary': 'train' },
  /** How the total is phrased. */
  total: { average: 'train', sum: 'train', overall: 'held-out', result: 'held-out', 'mean-of-tools': 'held-out', percent: 'held-out' },
  /** How the level is phrased. */
  level: { 'in-level': 'train', 'result-level': 'train', labelled: 'held-out', quoted: 'held-out' },
  /** How last year's comparison is printed. */
  previous: { 'compare-first': 'train', 'difference-first': 'train', 'from-year': 'held-out', table: 'held-out', signed: 'held-out', 'last-year-first': 'held-out' },
  /** Per-indicator analysis headings. */
  analysis: { 'score-suffix': 'train', paren: 'train', numbered: 'train', colon: 'held-out', inline: 'held-out', table: 'held-out', equals: 'held-out', percent: 'held-out', clause: 'held-out' },
  /** Measures columns (roles and order). */
  measureColumns: { seed7: 'train', issue6: 'train', five: 'train', eight: 'held-out', reordered: 'held-out' },
  /** Header wording set for the measures columns (index into each role's wordings). */
  measureWording: { w0: 'train', w1: 'train', w2: 'held-out' },
  /** "๑) ... ๕)" before the measures column headers. */
  measureNumbering: { numbered: 'train', plain: 'train' },
  /** Where a measures table names its indicator. */
  measureIndicator: { 'first-header': 'train', 'title-row': 'train', heading: 'held-out', 'first-column': 'held-out' },
  /** One measures table per indicator, or one for all. */
  measureGrouping: { 'per-indicator': 'train', single: 'held-out' },
  /** The item cell of a measures row. */
  measureItem: { 'code-title': 'train', 'title-only': 'held-out' },
  /** The indicator score printed where a measures table names its indicator. */
  measureTitleScore: { none: 'train', printed: 'held-out' },
  /** Page orientation of the measures. */
  measureOrientation: { landscape: 'train', portrait: 'train' },
  /** How periods are printed. */
  period: { full: 'train', abbreviated: 'train', 'fiscal-year': 'train', months: 'held-out', 'slash-dates': 'held-out' },
  /** How steps and actions are listed in their cells. */
  list: { dot: 'train', paren: 'train', bullet: 'held-out' },
  /** How responsible units are separated. */
  responsible: { lines: 'train', comma: 'train', slash: 'held-out', 'numbered-lines': 'held-out', positions: 'held-out' },
  /** Vertical alignment of table cells. */
  valign: { top: 'train', middle: 'train' },
  /** Table rows kept whole on a page, or split across pages (Word's default). */
  rowBreaks: { avoid: 'train', split: 'train' },
  /** Table header rows repeated on every page a table runs onto, or printed once. */
  headerRepeat: { repeat: 'train', once: 'train' },
  /** Page numbers in the page margin (PDF only). */
  pageNumbers: { none: 'train', top: 'train', bottom: 'train' },
  /** A signature block (name, position, date) after the measures. */
  signature: { none: 'train', signed: 'train' },
  /** Sections start on a new page, or flow on. */
  breaks: { sections: 'train', flow: 'train' },
  /** Section headings numbered: not at all, ส่วนที่ ๑ ... , or ๑. with ๑.๑ sub-sections. */
  sectionNumbering: { none: 'train', part: 'held-out', clause: 'held-out' },
  /** Before the title block: nothing, a memo (บันทึกข้อความ: ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน), or a preface and table of contents. */
  front: { none: 'train', memo: 'held-out', contents: 'held-out' },
  /** A running header with the agency and the report on every page (PDF margin; the top of each transcript page). */
  runningHeader: { none: 'train', agency: 'held-out' },
  /** หมายเหตุ notes under the summary and detail tables (full marks, the pass mark, how OIT is scored). */
  notes: { none: 'train', footnote: 'held-out' },
  /** Table rulings (PDF only: a transcript has no rules): every cell, only horizontal rules, none. */
  tableRules: { full: 'train', horizontal: 'held-out', none: 'held-out' },
  /** Score column headers: plain (คะแนน) or with the full marks (คะแนน (เต็ม ๑๐๐)). */
  scoreHeader: { plain: 'train', 'full-marks': 'held-out' },
  /** OIT item scores: 100.00 / 0.00, 100 / 0, or มี / ไม่มี. */
  oitItems: { decimals: 'train', integer: 'held-out', 'yes-no': 'held-out' },
  /** Measures as tables, or as numbered paragraphs with labelled parts (วิธีการ ... ผู้รับผิดชอบ ... ระยะเวลา ...). */
  measureLayout: { table: 'train', paragraphs: 'held-out' },
  /** Measures header in one row, or two: a group header (การดำเนินการ) spanning its sub-columns. */
  measureHeader: { single: 'train', grouped: 'held-out' },
  /** The period in one column, or two (เริ่มต้น / สิ้นสุด under ระยะเวลาดำเนินการ). */
  periodColumns: { one: 'train', 'start-end': 'held-out' },
  /** Font (an @expo-google-fonts package). */
  font: { sarabun: 'train', 'noto-sans-thai': 'train', taviraj: 'train', 'ibm-plex-sans-thai': 'train', 'chakra-petch': 'held-out', k2d: 'held-out', pridi: 'held-out', niramit: 'held-out', trirong: 'held-out',
    kanit: 'held-out', athiti: 'held-out', 'bai-jamjuree': 'held-out', anuphan: 'held-out', 'noto-sans-thai-looped': 'held-out', mitr: 'held-out' },
} as const satisfies Record<string, Record<string, Split>>

export type Dimension = keyof typeof OPTIONS
export type Choice<D extends Dimension> = keyof (typeof OPTIONS)[D] & string
export type Choices = { readonly [D in Dimension]: Choice<D> }

/** The held-out option values a set of choices uses, as `dimension=value`. */
export function heldOutValues(choices: Choices): string[] {
  return (Object.keys(OPTIONS) as Dimension[]).flatMap((d) => {
    const value = choices[d]
    return (OPTIONS[d] as Record<string, Split>)[value] === 'held-out' ? [`${d}=${value}`] : []
  })
}
