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
   * (`prose-thai`) Arabic in tables and Thai in headings and prose, or (`table-thai`, v6) the reverse:
   * Thai in tables, Arabic in headings and prose.
   */
  digits: { thai: 'train', arabic: 'train', mixed: 'held-out', 'prose-thai': 'held-out', 'table-thai': 'held-out',
    /** v9: tables pasted together from several files: every other body row of a table in Thai digits, the rest (and prose) in Arabic. */
    'row-mixed': 'held-out' },
  /** Item codes: as in the catalogue (i3) or upper case (I3). */
  codeCase: { catalogue: 'train', upper: 'train' },
  /** Digits in item codes: i3 or i๓ (as typed with a Thai keyboard layout). */
  codeDigits: { arabic: 'train', thai: 'train' },
  /** A dot after the code ("i3."). */
  codeDot: { none: 'train', dot: 'held-out' },
  /** Item codes as typed (i3), with a hyphen (i-3), or in square brackets ([i3]). */
  codeForm: { plain: 'train', hyphen: 'held-out', bracket: 'held-out',
    /** v9: the tool's name and a two-digit number (IIT-03, EIT-01, OIT-12), as agencies' own checklists number the items. */
    'tool-prefix': 'held-out',
    /**
     * v16: no catalogue code: the item numbered within its indicator (1.1, 1.2, 1.3 for indicator 1's items), as agencies number
     * ข้อคำถาม; detail `numbered-titles` numbers the two-column list's titles so, this is every place a code is printed (a ข้อ
     * column, the measures).
     */
    'item-number': 'held-out' },
  /** The title block on a cover page of its own, or at the top of the first page. */
  cover: { none: 'train', page: 'train' },
  /** Title block wording and order. */
  title: { classic: 'train', 'agency-first': 'train', 'single-line': 'held-out' },
  /** Where the fiscal year is printed. */
  fiscalYear: { 'thai-full': 'train', short: 'train', 'sentence-only': 'held-out' },
  /**
   * Summary table layout. `with-previous`: ตัวชี้วัด | last year's score | this year's | the change
   * (+/-), last year's indicator scores being numbers of no value in the report.
   */
  summary: {
    'tool-span': 'train', 'numbered-tool': 'train', 'number-column': 'train', 'names-only': 'held-out', transposed: 'held-out', 'with-previous': 'held-out',
    /** v7: ลำดับ (rank) | ตัวชี้วัด | เครื่องมือ | คะแนน, the indicators in score order, highest first. */
    ranked: 'held-out',
    /** v7: two tables, the perception surveys' indicators (IIT, EIT) and the open-data ones (OIT), each under its own line. */
    split: 'held-out',
    /** v8: a chart's data table: the indicators' names across (narrow columns, wrapped), one score row under them. */
    'chart-table': 'held-out',
    /** v9: no table: a numbered list of sentences, one an indicator (๑. ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ได้คะแนน 89.41 คะแนน). */
    'sentence-list': 'held-out',
    /** v10: ตัวชี้วัด | คะแนน for only the indicators below the pass mark; a sentence says the others passed, without their scores. */
    'below-pass': 'held-out',
    /**
     * v11: an outline: ที่ | เครื่องมือ/ตัวชี้วัด | คะแนน, each tool a row of its own (1, 2, 3) with its score, its
     * indicators nested under it by name alone (1.1, 1.2 ...: the outline's numbers, not the indicators').
     */
    'tool-outline': 'held-out',
    /**
     * v12: a two-row table with the indicators across by number alone (ตัวชี้วัดที่ | 1 | 2 ... | 10, then คะแนน | scores),
     * their names in a legend (คำอธิบาย) of one line each under it.
     */
    'number-across': 'held-out',
    /** v13: no table: a plain numbered list of the indicators by name, a dot leader to each score (1. การปฏิบัติหน้าที่ .......... 95.12). */
    'leader-list': 'held-out',
    /**
     * v14: a matrix: ตัวชี้วัด | IIT | EIT | OIT, an indicator a row, its score only under its own tool's column
     * (the others a dash), the tools' scores in a last row under their columns when toolScores is `column`.
     */
    'tool-matrix': 'held-out',
    /**
     * v15: this year against last year, this year's column first (ตัวชี้วัด | ปี 2568 | ปี 2567 | ผลต่าง), as
     * reports that lead with the current result print it; last year's indicator scores of no value in the report.
     */
    'current-first': 'held-out',
    /**
     * v16: a small table per tool (ตัวชี้วัด | คะแนน) under a bold line naming the tool, with its score there when
     * toolScores is `column` (๑) แบบวัด... (IIT) คะแนน 85.20 คะแนน).
     */
    'per-tool-tables': 'held-out',
    /**
     * v17: three fiscal years side by side and the change (ตัวชี้วัด | ปี 2566 | ปี 2567 | ปี 2568 | ผลต่าง), as agencies
     * that track a trend print it; the earlier years' indicator scores and the change of no value in the report.
     */
    'three-years': 'held-out',
  },
  /** v7: a result column in the summary, per indicator: ผ่าน / ไม่ผ่าน (85), or a grade (AA 95, A 85, B 75, C 65, D 55, E 50, F). */
  indicatorResult: { none: 'train', 'pass-fail': 'held-out', grade: 'held-out',
    /** v12: a ค่าเป้าหมาย (target) column after the score: the next year's target, a whole number (85, 95, 100) of no value in the report. */
    target: 'held-out' },
  /** v7: summary indicator scores marked: an asterisk on those below 85 with a note under the table, or printed as 89.41/100. */
  scoreMark: { none: 'train', asterisk: 'held-out', 'out-of-100': 'held-out',
    /** v9: summary indicator scores with a percent sign (89.41%). */
    'percent-sign': 'held-out',
    /** v17: an arrow after the score in its cell, ▲ above last year's indicator score or ▼ below it (89.41 ▲); last year's not printed. */
    arrow: 'held-out' },
  /** A last summary row with the total. */
  summaryTotalRow: { none: 'train', row: 'train' },
  /** Where tool scores are printed. */
  /** `after-rows`: a row of its own after each tool's indicators (คะแนนเฉลี่ย IIT | 85.20), not a spanning cell. */
  /** `across` (v8): a small table after the summary with the tools across (เครื่องมือ | IIT | EIT | OIT) and one score row. */
  /** `weighted` (v9): a tool table after the summary with each tool's weight and weighted score (เครื่องมือ | คะแนนที่ได้ | น้ำหนัก | คะแนนถ่วงน้ำหนัก) and a total row. */
  /** `chart-data` (v13): a chart's title and its data table (ตารางข้อมูลประกอบแผนภูมิ: ชุดข้อมูล | ค่า), the three tools and the total as its rows. */
  toolScores: { column: 'train', 'table-before': 'train', 'table-after': 'train', sentences: 'held-out', 'group-rows': 'held-out', 'after-rows': 'held-out', across: 'held-out', weighted: 'held-out', 'chart-data': 'held-out' },
  /**
   * Detail list layout (`full-marks-column`: ข้อ | ประเด็นการประเมิน | คะแนนเต็ม | คะแนนที่ได้, every full mark 100;
   * `tool-tables`: a 2-column table per tool, each under a caption line with the tool's score).
   */
  detail: {
    'two-col': 'train', 'three-col': 'train', 'per-tool': 'held-out', 'indicator-span': 'held-out', 'numbered-titles': 'held-out', 'full-marks-column': 'held-out', 'tool-tables': 'held-out',
    /** v7: only the items scoring below 85 (the threshold stated above the table), under their indicators' rows. */
    'below-threshold': 'held-out',
    /** v8: each indicator as a title row without a score, its items, then its score on a row after them (คะแนนเฉลี่ยตัวชี้วัดที่ 1). */
    'subtotal-after': 'held-out',
    /** v10: a ลำดับ | ประเด็นการประเมิน | คะแนน table under each tool's sub-heading, the items numbered 1, 2, 3 ... on across the tools. */
    'running-numbers': 'held-out',
    /** v11: ข้อ | ประเด็นการประเมิน | ปี 2567 | ปี 2568, last year's item and indicator scores (of no value in the report) beside this year's. */
    'with-previous-year': 'held-out',
    /** v12: only the items scoring below full marks (100), a sentence saying so above the table; an indicator whose items all scored 100 prints no row. */
    'below-full': 'held-out',
    /** v13: a small table per indicator (ข้อ 1, 2, 3 | ประเด็นการประเมิน | คะแนน) under a line naming it with its mean score. */
    'per-indicator-tables': 'held-out',
    /** v14: no table: a line per indicator with its score, then a sentence per item (ข้อ i1 ... ได้คะแนน 85.71 คะแนน). */
    'item-sentences': 'held-out',
    /**
     * v16: the perception tools' items in a two-column list, the OIT items as the disclosure checklist prints them
     * (ข้อ | รายการข้อมูล | มี | ไม่มี, a ✓ in one), each OIT indicator a title row with its score.
     */
    'oit-checklist': 'held-out',
    /**
     * v17: the three-column list (ข้อ | ประเด็นการประเมิน | คะแนน) split in two halves set side by side in one six-column
     * table, the second half starting at the indicator nearest the middle, as people fit a long list to one page.
     */
    'two-up': 'held-out',
  },
  /** Where the overall analysis (total, level, last year) sits. */
  /** `conclusion` (v10): in a closing section (สรุปผลการประเมิน) after the measures. */
  overallPosition: { 'after-detail': 'train', 'before-summary': 'train', conclusion: 'held-out' },
  /** How the total is phrased. */
  total: { average: 'train', sum: 'train', overall: 'held-out', result: 'held-out', 'mean-of-tools': 'held-out', percent: 'held-out', received: 'held-out', weighted: 'held-out',
    /** v8: คะแนนรวม (ITA Score) ของ... = 89.41 คะแนน. */
    equals: 'held-out',
    /** v9: ... มีผลคะแนน ITA อยู่ที่ 86.10 คะแนน. */
    'stands-at': 'held-out',
    /** v10: ... ได้คะแนน 86.10 คะแนน จากคะแนนเต็ม 100 คะแนน. */
    'out-of-full': 'held-out',
    /** v13: the verdict first, the total in brackets after it (... ผ่านเกณฑ์การประเมิน (86.10 คะแนน)). */
    'verdict-paren': 'held-out',
    /** v14: only the verdict in the sentence (... ผ่านเกณฑ์การประเมิน*), the total in a footnote under it (* คะแนนรวม 86.10 คะแนน). */
    'level-footnote': 'held-out',
    /**
     * v15: the headline figures in a small box of label | value rows before the prose (คะแนนรวม (ITA Score) | 86.10,
     * ระดับผลการประเมิน | ผ่าน, อันดับ | 12 จาก 76), as the ITAS result card prints them; the sentence then names no total.
     */
    'key-figures': 'held-out' },
  /** How the level is phrased. */
  /** `criterion` (v9): ถือว่าผ่านเกณฑ์การประเมิน (ตั้งแต่ 85.00 คะแนนขึ้นไป), the pass mark printed beside it. */
  level: { 'in-level': 'train', 'result-level': 'train', labelled: 'held-out', quoted: 'held-out', criterion: 'held-out' },
  /** How last year's comparison is printed. */
  /** `label-colon`: ปีงบประมาณ พ.ศ. 2567 : 80.12 คะแนน ผลต่าง : เพิ่มขึ้น 3.21 คะแนน. */
  /** `three-years` (v7): a table of the last three years' totals, no difference printed. */
  previous: { 'compare-first': 'train', 'difference-first': 'train', 'from-year': 'held-out', table: 'held-out', signed: 'held-out', 'last-year-first': 'held-out', 'label-colon': 'held-out', 'three-years': 'held-out',
    /** v8: the change as an arrow, ▲ 3.21 or ▼ 3.21, after last year's score. */
    arrow: 'held-out',
    /** v9: the change in points and as a percentage of last year's score (เพิ่มขึ้น 3.21 คะแนน คิดเป็นร้อยละ 3.85). */
    'with-percent': 'held-out',
    /** v10: only a footnote (marked * after the total) prints last year's total; no difference. */
    footnote: 'held-out',
    /** v11: both years' totals in one sentence, "... ได้ 80.12 และ 83.33 คะแนน ตามลำดับ", then the change. */
    respectively: 'held-out',
    /** v15: the change from last year's total to this year's (คะแนนเพิ่มขึ้นจาก 80.12 คะแนน เป็น 86.10 คะแนน (เพิ่มขึ้น 3.21 คะแนน)). */
    'from-to': 'held-out',
    /** v17: a line a year, last year's total then this year's with the change in brackets (ปีงบประมาณ พ.ศ. 2568 ได้คะแนน 86.10 คะแนน (เพิ่มขึ้น 5.98 คะแนน)). */
    'year-lines': 'held-out' },
  /** Per-indicator analysis headings. */
  /** `score-line`: the indicator alone in the heading, the score on a line of its own under it (ผลคะแนนที่ได้ : 89.41 คะแนน). */
  analysis: { 'score-suffix': 'train', paren: 'train', numbered: 'train', colon: 'held-out', inline: 'held-out', table: 'held-out', equals: 'held-out', percent: 'held-out', clause: 'held-out', 'score-line': 'held-out', 'out-of-full': 'held-out',
    /** v8: the score after a dot leader (ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ............ 89.41 คะแนน). */
    leader: 'held-out',
    /** v9: the indicator alone in the heading; the prose under it opens with the score (ตัวชี้วัดนี้ได้คะแนน 89.41 คะแนน ...). */
    'score-sentence': 'held-out',
    /**
     * v11: a table ตัวชี้วัด | จุดแข็ง | จุดที่ต้องพัฒนา | แนวทางการพัฒนา, the score under the indicator's
     * name in its cell ((89.41 คะแนน)), the analysis prose as the points to develop.
     */
    'strengths-table': 'held-out' },
  /** Measures columns (roles and order); `nine` adds a target (ค่าเป้าหมาย) and a budget column. */
  /** `kpi-funding` (v7): a success-indicator (KPI) column and a funding-source column. */
  measureColumns: { seed7: 'train', issue6: 'train', five: 'train', eight: 'held-out', reordered: 'held-out', nine: 'held-out', 'kpi-funding': 'held-out',
    /** v9: a last column of the evidence each measure leaves (หลักฐาน/ผลผลิต: คำสั่งแต่งตั้ง, ภาพถ่ายกิจกรรม ...). */
    evidence: 'held-out',
    /** v10: a budget column with the amount and its source in one cell (๒๐,๐๐๐ บาท (เงินงบประมาณรายจ่ายประจำปี)). */
    'budget-source': 'held-out',
    /** v11: a last column of each measure's progress (ผลการดำเนินงาน: ดำเนินการแล้วเสร็จ, อยู่ระหว่างดำเนินการ (ร้อยละ 50)). */
    progress: 'held-out',
    /** v11: a last หมายเหตุ column of remarks (ต่อเนื่องจากปีงบประมาณ พ.ศ. 2568, บูรณาการร่วมกับ..., -). */
    remarks: 'held-out',
    /**
     * v17: a success indicator (ตัวชี้วัดความสำเร็จ (KPI)), its target in a column of its own (ค่าเป้าหมาย: ร้อยละ 80, 4 ครั้ง) and
     * a budget column (งบประมาณ (บาท)), the numbers in them of no value in the report.
     */
    'kpi-target-budget': 'held-out' },
  /** The measures item score in a column of its own, or only in the item's cell: i3 ประเด็น... (คะแนน 74.08). */
  measureScore: { column: 'train', 'in-item': 'held-out' },
  /** Header wording set for the measures columns (index into each role's wordings). */
  measureWording: { w0: 'train', w1: 'train', w2: 'held-out' },
  /** "๑) ... ๕)" before the measures column headers. */
  measureNumbering: { numbered: 'train', plain: 'train' },
  /** Where a measures table names its indicator. */
  measureIndicator: { 'first-header': 'train', 'title-row': 'train', heading: 'held-out', 'first-column': 'held-out' },
  /** One measures table per indicator, one for all, or one per tool (under the tool's name, its indicators as title rows). */
  /** `continued` (v9): per indicator, but an indicator with two or more measures breaks after half of them: a paragraph, then a second table (ตัวชี้วัดที่ ๑ ... (ต่อ)). */
  /** `per-quarter` (v12): a table per fiscal quarter (ไตรมาสที่ 1 (ต.ค. - ธ.ค.) ...), each measure under the quarter it starts in, its indicators as title rows. */
  /** `per-unit` (v14): a table per lead responsible unit (the first named), under the unit's name, its indicators as title rows. */
  measureGrouping: { 'per-indicator': 'train', single: 'held-out', 'per-tool': 'held-out', continued: 'held-out', 'per-quarter': 'held-out', 'per-unit': 'held-out' },
  /** The item cell of a measures row. */
  measureItem: { 'code-title': 'train', 'title-only': 'held-out' },
  /** The indicator score printed where a measures table names its indicator. */
  measureTitleScore: { none: 'train', printed: 'held-out' },
  /** Page orientation of the measures. */
  measureOrientation: { landscape: 'train', portrait: 'train' },
  /**
   * How periods are printed (`quarters`: ไตรมาส ๑-๔ (ต.ค. ๖๘ - ก.ย. ๖๙), fiscal quarters with the months they cover;
   * `month-span`: ต.ค. ๖๘ - ก.ย. ๖๙, abbreviated months without days).
   */
  /** v7: `year-once` (ม.ค. - มี.ค. ๒๕๖๙, the year once when both ends share it), `from-until` (ตั้งแต่เดือนตุลาคม ๒๕๖๘ ถึงเดือนกันยายน ๒๕๖๙). */
  period: { full: 'train', abbreviated: 'train', 'fiscal-year': 'train', months: 'held-out', 'slash-dates': 'held-out', quarters: 'held-out', 'month-span': 'held-out', 'year-once': 'held-out', 'from-until': 'held-out',
    /** v9: a Gantt chart: the plan year's twelve months as columns under their years, a ✓ in each month a measure runs (a period outside the plan year in words across them). */
    gantt: 'held-out',
    /** v10: abbreviated months with the full Buddhist year and an en dash (1 ต.ค. 2568 – 30 ก.ย. 2569). */
    'abbrev-full-year': 'held-out',
    /**
     * v11: deadlines, not periods: ตลอดปีงบประมาณ พ.ศ. 2569 for the whole plan year, otherwise ภายในเดือนมีนาคม 2569
     * (no start printed: a perfect reader has the end only).
     */
    deadline: 'held-out',
    /** v13: fiscal quarters of the plan year alone, no months (ไตรมาส 2-3 ปีงบประมาณ พ.ศ. 2569; across years ไตรมาส 1/2569 - ไตรมาส 1/2570). */
    'quarter-range': 'held-out',
    /** v14: abbreviated months and a two-digit year, the year once when both ends share it (ม.ค. - มิ.ย. 69; ต.ค. 68 - ก.ย. 69). */
    'short-year-once': 'held-out',
    /** v15: the measure's length in months first, the months after it in brackets (6 เดือน (ม.ค. 69 - มิ.ย. 69)); the length of no value in the report. */
    duration: 'held-out',
    /**
     * v17: a chart of the plan year's four quarters, ไตรมาส 1 (ต.ค. - ธ.ค. 68) ... as columns with a ✓ under each quarter
     * a measure runs; a period not of whole quarters of the plan year in words across them, as the Gantt chart does.
     */
    'quarter-ticks': 'held-out' },
  /** How steps and actions are listed in their cells. */
  list: { dot: 'train', paren: 'train', bullet: 'held-out', dash: 'held-out' },
  /** How responsible units are separated (`phones`: one a line, each with its telephone number). */
  /** `lead-support` (v7): หลัก : the first unit, then สนับสนุน : the others, comma-separated. */
  responsible: { lines: 'train', comma: 'train', slash: 'held-out', 'numbered-lines': 'held-out', positions: 'held-out', phones: 'held-out', 'lead-support': 'held-out',
    /** v10: a person a line, by name and position (นายสมชาย ใจดี ผู้อำนวยการกองคลัง). */
    'named-persons': 'held-out',
    /** v13: the heads' positions as offices abbreviate them, joined on one line (ผอ.กองคลัง, หน.สำนักปลัด). */
    'abbreviated-heads': 'held-out',
    /** v17: a unit a line, the lead one marked (หลัก) and the others (ร่วม): กองคลัง (หลัก), กองช่าง (ร่วม). */
    'lead-marked': 'held-out' },
  /** Vertical alignment of table cells (`bottom`: every body cell, so a score sits on its wrapped name's last line). */
  valign: { top: 'train', middle: 'train', bottom: 'held-out' },
  /** Table rows kept whole on a page, or split across pages (Word's default). */
  rowBreaks: { avoid: 'train', split: 'train' },
  /** Table header rows repeated on every page a table runs onto, or printed once. */
  headerRepeat: { repeat: 'train', once: 'train' },
  /** Page numbers in the page margin (PDF and word-processor files only): - ๒ - at the top or bottom, or หน้า ๒ จาก ๙ at the bottom. */
  pageNumbers: { none: 'train', top: 'train', bottom: 'train', 'page-of': 'held-out' },
  /** A signature block (name, position, date) after the measures, or three (ผู้รายงาน, ผู้ตรวจสอบ, ผู้อนุมัติ), each ลงชื่อ ... ตำแหน่ง .... */
  /**
   * `endorsement` (v16): the officer's signature as ผู้รายงาน, then the head's endorsement (ความเห็นของผู้บังคับบัญชา: ☑ ทราบ
   * ☑ เห็นชอบ ...) and his signature, as a report sent up the line of command carries it.
   */
  signature: { none: 'train', signed: 'train', 'three-signers': 'held-out', endorsement: 'held-out' },
  /** Sections start on a new page, or flow on. */
  breaks: { sections: 'train', flow: 'train' },
  /** Section headings numbered: not at all, ส่วนที่ ๑ ... , or ๑. with ๑.๑ sub-sections. */
  /** `chapter` (v9): บทที่ ๑, บทที่ ๒ ... on a line of their own above each section heading. */
  /** `thai-letters` (v16): ก. ข. ค. before the section headings, as Thai documents letter their parts. */
  sectionNumbering: { none: 'train', part: 'held-out', clause: 'held-out', chapter: 'held-out', 'thai-letters': 'held-out' },
  /** Before the title block: nothing, a memo (บันทึกข้อความ: ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน), or a preface and table of contents. */
  /** `letter` (v10): an external letter (หนังสือภายนอก: ที่, the agency's address, the date, เรื่อง, เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย) sending the report. */
  /**
   * `executive-summary` (v12): a page บทสรุปผู้บริหาร restating in prose the total and level, the three tools' scores, the highest and
   * lowest indicators with their scores, and how many items the measures address.
   */
  /** `appointment-order` (v13): the agency's order appointing its ITA working group (คำสั่ง ... ที่ 45/2568 เรื่อง แต่งตั้งคณะทำงาน ...), members by position. */
  /**
   * `profile` (v15): ส่วนที่ ... ข้อมูลทั่วไปของหน่วยงาน: the vision and missions, a staff table (ประเภทบุคลากร | จำนวน (คน), a
   * total row) and the year's budget in baht; none of its numbers of value in the report.
   */
  front: { none: 'train', memo: 'held-out', contents: 'held-out', letter: 'held-out', 'executive-summary': 'held-out', 'appointment-order': 'held-out', profile: 'held-out' },
  /** A running header with the agency and the report on every page (PDF margin; the top of each transcript page). */
  /** `logo-text` (v12): the text of the agency's (or its parent's) emblem atop every page, Thai and English (การไฟฟ้าส่วนภูมิภาค PROVINCIAL ELECTRICITY AUTHORITY). */
  /**
   * `form-code` (v17): a document-control line atop every page, as agencies certified to a quality standard print on their
   * forms (เอกสารหมายเลข FM-ITA-01 แก้ไขครั้งที่ 02 วันที่บังคับใช้ 1 ต.ค. 2567); its numbers of no value in the report.
   */
  runningHeader: { none: 'train', agency: 'held-out', 'logo-text': 'held-out', 'form-code': 'held-out' },
  /** หมายเหตุ notes under the summary and detail tables (full marks, the pass mark, how OIT is scored). */
  /** `source` (v17): a ที่มา line under the summary and detail tables (ที่มา : ระบบ ITAS ... ข้อมูล ณ วันที่ 30 กันยายน 2568). */
  notes: { none: 'train', footnote: 'held-out', source: 'held-out' },
  /** Table rulings (PDF only: a transcript has no rules): every cell, only horizontal rules, none. */
  tableRules: { full: 'train', horizontal: 'held-out', none: 'held-out' },
  /** Score column headers: plain (คะแนน), with the full marks (คะแนน (เต็ม ๑๐๐)), or as a percentage (คะแนน (ร้อยละ)). */
  scoreHeader: { plain: 'train', 'full-marks': 'held-out', percent: 'held-out' },
  /** OIT item scores: 100.00 / 0.00, 100 / 0, or มี / ไม่มี. */
  /** v14 `check-marks`: ✓ for an item published (100), ✗ for one not (0), as OIT checklists tick them. */
  /** v17 `pass-fail`: ผ่าน for an item published (100), ไม่ผ่าน for one not (0), as some agencies' OIT self-checks print them. */
  oitItems: { decimals: 'train', integer: 'held-out', 'yes-no': 'held-out', 'check-marks': 'held-out', 'pass-fail': 'held-out' },
  /** Measures as tables, or as numbered paragraphs with labelled parts (วิธีการ ... ผู้รับผิดชอบ ... ระยะเวลา ...). */
  /** `form` (v11): a two-column form per measure (หัวข้อ | รายละเอียด: ตัวชี้วัด, ประเด็น, คะแนน, มาตรการ ... one a row), as a form sent round for each unit to fill. */
  /**
   * `outline` (v13): a numbered outline per measure: 1. the item and its score, 1.1 the measures (each with the
   * responsible and the period in brackets), 1.1.1 their steps; the analysis as 1.2.
   */
  /**
   * `prose` (v16): a paragraph per item under its indicator's heading, every part in running text: the item and its score,
   * the analysis, the measures and steps inline, then ดำเนินการโดย ... and the period (ระยะเวลา ...).
   */
  measureLayout: { table: 'train', paragraphs: 'held-out', form: 'held-out', outline: 'held-out', prose: 'held-out' },
  /** Measures header in one row, or two: a group header (การดำเนินการ) spanning its sub-columns. */
  measureHeader: { single: 'train', grouped: 'held-out' },
  /** The period in one column, or two (เริ่มต้น / สิ้นสุด under ระยะเวลาดำเนินการ). */
  periodColumns: { one: 'train', 'start-end': 'held-out' },
  /** How detail rows, analysis headings and measures titles name an indicator: ตัวชี้วัดที่ ๓ การใช้อำนาจ, or the name alone. */
  /** `abbreviated` (v10): ตช. ๓ การใช้อำนาจ. */
  /** `colon` (v17): ตัวชี้วัดที่ ๓ : การใช้อำนาจ, a colon between the number and the name. */
  indicatorLabel: { numbered: 'train', 'name-only': 'held-out', abbreviated: 'held-out', colon: 'held-out' },
  /** Item codes before their title (i3 ประเด็น...) or after it in brackets (ประเด็น... (i3)), where code and title share a cell. */
  codePosition: { before: 'train', after: 'held-out' },
  /** A ลำดับ column (1, 2, 3 ... down each table) first in the measures tables. */
  /** `clause` (v8): the ลำดับ column numbers the measures under each indicator 1.1, 1.2 (the printed indicator's number first). */
  measureOrder: { none: 'train', column: 'held-out', clause: 'held-out' },
  /** Notes inside cells: (ข้อมูล ณ วันที่ ...) under the summary and detail score headers and in the measures score cells. */
  cellNotes: { none: 'train', 'as-of': 'held-out' },
  /** Captions before the tables: ตารางที่ ๑ ผลคะแนน... */
  captions: { none: 'train', numbered: 'held-out' },
  /** v7: the kind of agency, with its own names, units, measures and prose (spec.ts); `local` is every earlier template's draw. */
  agency: { local: 'train', faculty: 'held-out', department: 'held-out', 'state-enterprise': 'held-out', 'province-office': 'held-out',
    /** v8: a school (its district and province printed), a police station (สภ., its province only), a provincial administration (อบจ.). */
    school: 'held-out', 'police-station': 'held-out', pao: 'held-out',
    /** v9: a provincial court (ศาลจังหวัด), a university hospital, a state enterprise's district branch, a กรม's provincial office. */
    court: 'held-out', 'university-hospital': 'held-out', 'enterprise-branch': 'held-out', 'department-province': 'held-out',
    /** v10: a public organisation (องค์การมหาชน) under its ministry, a Rajabhat university (its province only), a sub-district health promoting hospital (รพ.สต.). */
    'public-organisation': 'held-out', rajabhat: 'held-out', 'health-promoting': 'held-out',
    /** v11: a police training centre (ศูนย์ฝึกอบรมตำรวจภูธรภาค 4), a national museum, a land office branch, a hospital under กรมการแพทย์; working groups (คณะทำงาน ...) among the responsible. */
    'police-training': 'held-out', 'national-museum': 'held-out', 'land-office': 'held-out', 'dms-hospital': 'held-out',
    /**
     * v12: a PEA branch office (การไฟฟ้าส่วนภูมิภาคอำเภอ...), a national park, a Thai embassy (its consular section's
     * report), a technical college, a district office (ที่ว่าการอำเภอ), with their own pools.
     */
    'pea-branch': 'held-out', 'national-park': 'held-out', consular: 'held-out', 'vocational-college': 'held-out', 'district-office': 'held-out',
    /**
     * v13: a provincial prison (เรือนจำจังหวัด), a provincial public-health office (สสจ.), a Royal Irrigation project
     * office (โครงการชลประทาน), a city municipality (เทศบาลนคร), with their own pools.
     */
    prison: 'held-out', 'provincial-health': 'held-out', 'irrigation-project': 'held-out', 'city-municipality': 'held-out',
    /**
     * v14: a customs checkpoint (ด่านศุลกากร), a community college (วิทยาลัยชุมชน), a waterworks authority's
     * regional office (การประปาส่วนภูมิภาคเขต), with their own pools.
     */
    'customs-checkpoint': 'held-out', 'community-college': 'held-out', 'waterworks-region': 'held-out',
    /**
     * v15: a Bangkok district office (สำนักงานเขต), an area revenue office (สำนักงานสรรพากรพื้นที่), a primary
     * educational service area office (สำนักงานเขตพื้นที่การศึกษาประถมศึกษา ... เขต 2), with their own pools.
     */
    'bangkok-district': 'held-out', 'revenue-area': 'held-out', 'education-area': 'held-out',
    /**
     * v16: a military unit's welfare office (แผนกสวัสดิการ มณฑลทหารบกที่ 42), a Tambon municipality in the south (its
     * district and province printed), a provincial social development and human security office (พมจ.), with their own pools.
     */
    'military-welfare': 'held-out', 'southern-tambon': 'held-out', 'social-development': 'held-out',
    /**
     * v17: a กรม's provincial offices, named after their province and printed with their กรม: disaster prevention and
     * mitigation (ปภ.จ.), agricultural extension (สำนักงานเกษตรจังหวัด), probation (สำนักงานคุมประพฤติจังหวัด), with their own pools.
     */
    'disaster-prevention': 'held-out', 'agriculture-office': 'held-out', 'probation-office': 'held-out' },
  /** v7: measures pages only in landscape, or the whole document. */
  /**
   * v14 `slides`: a slide deck exported to PDF: every page landscape, each heading opening a page of its own
   * (one topic a slide), prose as short bullet lines (•).
   */
  pageOrientation: { mixed: 'train', landscape: 'held-out', slides: 'held-out' },
  /** v7: header cells broken over two lines at odd places (คะแนน / ที่ได้, ผู้รับ / ผิดชอบ). */
  headerBreaks: { none: 'train', odd: 'held-out' },
  /** v8: the decimal mark of scores: 89.41, or 89,41 as a spreadsheet set to a European locale prints them. */
  decimalMark: { point: 'train', comma: 'held-out' },
  /** v8: scores in headings and prose rounded to one decimal (89.4), two in tables. */
  /** v12 `three`: every score in three decimals (89.410, 100.000), as a spreadsheet set to three places prints them. */
  /** v14 `one`: every score in one decimal (89.4, 100.0), tables and prose alike: the truth is what is printed. */
  scorePrecision: { two: 'train', 'prose-one': 'held-out', three: 'held-out', one: 'held-out' },
  /** v8: English beside the Thai in section headings and table header cells (ผลการประเมินในภาพรวม (Overall Result)). */
  headingLanguage: { thai: 'train', bilingual: 'held-out' },
  /** v8: an item's measures one action a row, the item, score and other cells spanning its rows. */
  measureRows: { one: 'train', 'per-action': 'held-out' },
  /** v10: tools named with their abbreviation ((IIT)) or by their Thai name alone (แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน). */
  /** v12 `short`: the short Thai forms agencies write (แบบวัด IIT, แบบวัด EIT, แบบตรวจ OIT). */
  /** v17 `english`: the tools by their English names (Internal Integrity and Transparency Assessment (IIT)). */
  toolLabel: { 'name-code': 'train', 'thai-only': 'held-out', short: 'held-out', english: 'held-out' },
  /** v10: score cells printed with their unit (๘๙.๔๑ คะแนน). */
  /** v16 `out-of-100`: every score cell of the summary, detail, tool and measures tables with its full marks (89.41/100); scoreMark `out-of-100` marks the summary's only. */
  cellUnit: { none: 'train', points: 'held-out', 'out-of-100': 'held-out' },
  /** v8: an appendix (ภาคผนวก) after the signature restating the indicator and tool scores in a table. */
  /**
   * v16 `itas-sheet`: the appendix as the ITAS system's result sheet (ผลการประเมินจากระบบ ITAS): a row for the agency with
   * the tools' scores, the ITA score and its result, then the indicators' scores across by number, small type.
   */
  appendix: { none: 'train', scores: 'held-out', 'itas-sheet': 'held-out' },
  /**
   * v14: before this year's measures, a before / after table of last year's measures (มาตรการปี 2567 | ผลการดำเนินงาน |
   * ผลลัพธ์): what was done and how the item scored after it; last year's measures and their results are of no value
   * in the report.
   */
  lastYearMeasures: { none: 'train', 'before-after': 'held-out' },
  /** v15: indicators named in Thai, or with their English name in brackets after it (การปฏิบัติหน้าที่ (Performance of Duty)). */
  indicatorLanguage: { thai: 'train', bilingual: 'held-out' },
  /** v15: a ผลการพิจารณา column in the detail list: ผ่าน for an item at the pass mark or above, ต้องปรับปรุง below it. */
  itemVerdict: { none: 'train', column: 'held-out' },
  /** v15: the agency's rank among the agencies of its group, in a sentence after the total (อันดับที่ 12 จาก 76 หน่วยงาน); of no value in the report. */
  ranking: { none: 'train', sentence: 'held-out' },
  /**
   * v15: before the measures, a corruption-risk assessment (ตารางประเมินความเสี่ยงการทุจริต: เหตุการณ์ความเสี่ยง | โอกาส |
   * ผลกระทบ | คะแนนความเสี่ยง | ระดับ), scores 1-5 and their products; none of its numbers of value in the report.
   */
  riskTable: { none: 'train', matrix: 'held-out' },
  /** v15: after the measures, a budget table (ที่ | มาตรการ/โครงการ | งบประมาณ (บาท) | แหล่งงบประมาณ) and its total; of no value in the report. */
  budgetSummary: { none: 'train', table: 'held-out' },
  /**
   * v15: the per-indicator analysis (headings and prose) set in two newspaper columns under its full-width title, as
   * a word processor's columns section prints it (PDF and word-processor files; a transcript reads one column, then the other).
   */
  analysisColumns: { one: 'train', two: 'held-out' },
  /**
   * v16: the report in two halves: the analysis and measures first (and the signature), the assessment results (summary,
   * detail list, overall result) after them as an annex (ภาคผนวก ก ผลการประเมิน ITA).
   */
  resultsPlacement: { body: 'train', annex: 'held-out' },
  /**
   * v16: before the summary, what the three tools are (คำอธิบายเครื่องมือการประเมิน): each tool's full name, English name,
   * the indicators it covers and its weight; none of its numbers of value in the report.
   */
  glossary: { none: 'train', tools: 'held-out' },
  /** Font (an @expo-google-fonts package). */
  font: { sarabun: 'train', 'noto-sans-thai': 'train', taviraj: 'train', 'ibm-plex-sans-thai': 'train', 'chakra-petch': 'held-out', k2d: 'held-out', pridi: 'held-out', niramit: 'held-out', trirong: 'held-out',
    kanit: 'held-out', athiti: 'held-out', 'bai-jamjuree': 'held-out', anuphan: 'held-out', 'noto-sans-thai-looped': 'held-out', mitr: 'held-out',
    prompt: 'held-out', kodchasan: 'held-out', mali: 'held-out', charm: 'held-out', sriracha: 'held-out' },
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
