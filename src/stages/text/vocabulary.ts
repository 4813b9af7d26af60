/**
 * The words reports use for their parts, as data: what a header cell, a tool, a total or last
 * year's comparison is called, across agencies and with the damage OCR does (dropped tone marks,
 * spaces anywhere). Structure extraction finds sections by what they contain; these lists are
 * what "contains" means. Add a phrasing here, not a regex in an extractor.
 */
import type { Tool } from '../../report/schema.js'

/** Regex sources tolerant of a space OCR or a line wrap put between any two characters. */
const spaced = (word: string) => [...word].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(String.raw`\s*`)
const anyOf = (...words: string[]) => new RegExp(words.map(spaced).join('|'))

/** Measures-table columns, named by what they hold. `ignored` columns are read and kept out of the other fields. */
export const MEASURE_COLUMNS = {
  score: anyOf('ผลการประเมิน', 'คะแนน'),
  actions: anyOf('มาตรการ', 'แนวทางการพัฒนา', 'แนวทางการดำเนินการ', 'โครงการ', 'กิจกรรม', 'แนวทางแก้ไข'),
  analysis: anyOf('วิเคราะห์', 'ผลการวิเคราะห์', 'สภาพปัญหา', 'สาเหตุ'),
  steps: anyOf('ขั้นตอน', 'วิธีการ', 'วิธีดำเนินการ'),
  period: anyOf('ระยะเวลา', 'ห้วงเวลา', 'กำหนดเวลา', 'ช่วงเวลา', 'วันที่เริ่ม', 'วันเริ่ม', 'วันที่สิ้นสุด', 'วันสิ้นสุด', 'กำหนดแล้วเสร็จ', 'วันที่แล้วเสร็จ'),
  // "รับผิดชอบ" alone: a header broken before it ("ผู้" / "รับผิดชอบ", read in either order), "ส่วนงานที่รับผิดชอบ".
  responsible: anyOf('ผู้รับผิดชอบ', 'หน่วยงานที่รับผิดชอบ', 'ผู้ดำเนินการ', 'หน่วยงานรับผิดชอบ', 'รับผิดชอบ', 'ดำเนินการโดย'),
  // What shows a measure done (evidence, outputs) is how it is followed up, as a KPI or a target is; so is
  // what is reported on it since (its status, progress, remarks), never a unit responsible for it.
  followUp: anyOf('การกำกับติดตาม', 'ติดตามผล', 'การติดตาม', 'ตัวชี้วัดความสำเร็จ', 'เป้าหมาย', 'หลักฐาน', 'ผลผลิต', 'สถานะ', 'ความก้าวหน้า', 'ผลการดำเนินงาน', 'ผลการดำเนินการ', 'หมายเหตุ'),
  budget: anyOf('งบประมาณ', 'ค่าใช้จ่าย'),
  /** A column naming each row's indicator ("ตัวชี้วัด" alone, not "ตัวชี้วัดที่ 4"). */
  indicator: /^\s*ตัว\s*ชี้\s*วัด\s*$/,
  // "ข้อคำถามที่ได้คะแนนต่ำ": the item, not its score.
  item: anyOf('ประเด็นที่ต้องพัฒนา', 'ประเด็นที่ต้องปรับปรุง', 'ประเด็นการประเมิน', 'ข้อเสนอแนะ', 'ประเด็นที่ควรพัฒนา', 'ประเด็น', 'ข้อคำถาม'),
} as const
export type MeasureColumn = keyof typeof MEASURE_COLUMNS

/**
 * The order in which measure column words are tried: the specific before the general ("ผลการวิเคราะห์" is the
 * analysis column, not the score's; "วิธีการดำเนินการ" the steps', not the actions').
 */
export const MEASURE_COLUMN_ORDER: readonly MeasureColumn[] = ['indicator', 'period', 'responsible', 'followUp', 'steps', 'analysis', 'actions', 'item', 'score', 'budget']

/**
 * The part of a measure a label names where a form or a paragraph prints the label before its value
 * ("ประเด็นที่ต้องพัฒนา", "มาตรการ/แนวทางการพัฒนา", "๓. ระยะเวลาดำเนินการ :", "ผู้รับผิดชอบ (Responsible)"):
 * the words of a measures table's column heading, in a short text with no number of its own (a list
 * number before it aside), so that a value using one of the words ("ตัวชี้วัดที่ 2 ...", an item's title) is none.
 */
export function measurePartLabel(text: string): MeasureColumn | undefined {
  const label = withoutGloss(text).replace(LIST_NUMBER, '').replace(/\s*[:：]\s*$/, '').trim()
  if (!label || label.length > PART_LABEL_LENGTH || /\d/.test(label)) return undefined
  if (FORM_INDICATOR_LABEL.test(label)) return 'indicator'
  return MEASURE_COLUMN_ORDER.find((column) => MEASURE_COLUMNS[column].test(label))
}
/**
 * A form's row labelled "ตัวชี้วัดที่" beside the indicator's number and name. Not a column header: in a
 * table, "ตัวชี้วัดที่" alone is a title row whose number OCR lost (samples/nongbua, indicator 9).
 */
const FORM_INDICATOR_LABEL = /^\s*ตัว\s*ชี้\s*วัด\s*ที่\s*$/
const LIST_NUMBER = /^\s*(?:\(?\d{1,2}[.)]|[ก-ฮ][.)])\s*/
/** Labels are short: a heading's words, not a sentence. */
const PART_LABEL_LENGTH = 40

/**
 * The label naming the item a measure improves, opening a measure printed as a clause of an outline or a
 * paragraph ("1. ประเด็นที่ต้องพัฒนา i1 ... (คะแนน 98.37)"): an item "to develop", not any ประเด็น (a detail
 * list's "ประเด็นการประเมิน", an analysis's "ประเด็นที่ได้คะแนนต่ำสุด").
 */
export const IMPROVED_ITEM_LABEL = new RegExp(
  String.raw`^(?:${['ประเด็นที่ต้องพัฒนา', 'ประเด็นที่ต้องปรับปรุง', 'ประเด็นที่ควรพัฒนา', 'ประเด็นที่ควรปรับปรุง', 'ประเด็นที่จะพัฒนา', 'ประเด็นการพัฒนา', 'ข้อคำถามที่ต้องพัฒนา'].map(spaced).join('|')})\s*[:：]?\s*`,
)

/**
 * The parts of a measure written as running prose, one paragraph for the measure ("ประเด็น i1 ... ได้คะแนน 67.68 คะแนน
 * ผลการวิเคราะห์พบว่า ... จึงกำหนดมาตรการ 1) ... โดยมีขั้นตอนการดำเนินงาน 1) ... ดำเนินการโดย กองคลัง ระยะเวลาดำเนินการ
 * ..."), each opened by a word of its own: a measures column's word (`MEASURE_COLUMNS`), maybe after a connective
 * ("จึง", "โดยมี") and before the words that round it off ("พบว่า", "การดำเนินงาน"). Only a whole word counts: Thai runs a
 * sentence's words together, so the same words inside a longer run ("ตามขั้นตอนและระยะเวลา") are the text's.
 */
export const MEASURE_PROSE_PARTS = ['analysis', 'actions', 'steps', 'responsible', 'period', 'followUp', 'budget'] as const
export type MeasureProsePart = (typeof MEASURE_PROSE_PARTS)[number]
const PROSE_CONNECTIVES = ['จากการ', 'จึงได้กำหนด', 'จึงกำหนด', 'จึงได้', 'จึง', 'ได้กำหนด', 'กำหนด', 'โดยกำหนด', 'โดยมี', 'โดย', 'และมี', 'และ', 'ซึ่งมี', 'มี']
const PROSE_ROUNDING = ['พบว่า', 'ว่า', 'ในการดำเนินการ', 'ในการดำเนินงาน', 'การดำเนินการ', 'การดำเนินงาน', 'ดำเนินการ', 'ดำเนินงาน', 'การพัฒนา', 'ที่ใช้', 'ที่ได้รับ']
/**
 * Each part's opening word, wherever it stands whole in a text (a line's wrap may have put a space inside it: "ผล" /
 * "การวิเคราะห์พบว่า", "ระยะเวลา" / "ดำเนินการ").
 */
export const MEASURE_PROSE_CUES = Object.fromEntries(
  MEASURE_PROSE_PARTS.map((part) => [
    part,
    new RegExp(String.raw`(?<=^|[\s(])(?:(?:${PROSE_CONNECTIVES.map(spaced).join('|')})\s*)?(?:${MEASURE_COLUMNS[part].source})(?:\s*(?:${PROSE_ROUNDING.map(spaced).join('|')}))?\s*[:：]?(?=\s|$)`, 'g'),
  ]),
) as Record<MeasureProsePart, RegExp>

/** The numbered column labels of the most common layout: "๑) มาตรการ ... ๕) ผู้รับผิดชอบ". */
export const NUMBERED_MEASURE_COLUMNS: Readonly<Record<string, MeasureColumn>> = { '1)': 'actions', '2)': 'analysis', '3)': 'steps', '4)': 'period', '5)': 'responsible' }

/**
 * English words at the end of a text, groups set apart by "/", "(" or ")". Each group starts only after
 * one of those, never inside a run of words, so a long English run that does not reach the end is given up
 * in linear time (a pattern letting a run split into groups anywhere backtracked for minutes on one line).
 */
const ENGLISH_GLOSS = /(?:\s*[/(])?\s*[A-Za-z][A-Za-z.&'\s-]*(?:(?:[/(]|\)(?:\s*[/(])?)\s*[A-Za-z][A-Za-z.&'\s-]*)*\)?\s*$/

/**
 * A header cell's Thai words without the English printed beside them ("ลำดับ No.", "คะแนน / Score",
 * "ตัวชี้วัด (Indicator)"): bilingual reports gloss their headers, and a word matched whole must
 * still match. A cell with no Thai is kept as it is ("No.", "IIT").
 */
export function withoutGloss(text: string): string {
  const thai = text.replace(ENGLISH_GLOSS, '')
  return /[ก-๛]/.test(thai) ? thai : text
}

/** The three assessment tools, by their code or their Thai name. */
export const TOOL_NAMES: Readonly<Record<Tool, RegExp>> = {
  IIT: new RegExp(String.raw`\bIIT\b|${anyOf('ส่วนได้ส่วนเสียภายใน', 'ผู้มีส่วนได้เสียภายใน').source}`),
  EIT: new RegExp(String.raw`\bEIT\b|${anyOf('ส่วนได้ส่วนเสียภายนอก', 'ผู้มีส่วนได้เสียภายนอก').source}`),
  OIT: new RegExp(String.raw`\bOIT\b|${anyOf('เปิดเผยข้อมูลสาธารณะ').source}`),
}

/** The tools a text names, in IIT, EIT, OIT order. */
export const toolsNamed = (text: string): Tool[] => (Object.keys(TOOL_NAMES) as Tool[]).filter((tool) => TOOL_NAMES[tool].test(text))

/** Header cells of the tables that list scores. */
export const TABLE_HEADER_WORDS = {
  indicator: anyOf('ตัวชี้วัด'),
  item: anyOf('ประเด็นการประเมิน', 'ประเด็นคำถาม', 'ข้อคำถาม'),
  tool: anyOf('เครื่องมือ', 'แบบวัด', 'แบบตรวจ'),
  score: anyOf('คะแนน', 'ผลการประเมิน', 'ร้อยละ'),
  ordinal: /^(?:ลำดับ(?:ที่)?|ที่|ข้อ|รหัส|no\.?)$/i,
} as const

/**
 * A detail list's row giving an indicator's score after its items: "คะแนนเฉลี่ยตัวชี้วัดที่ 1",
 * "ค่าเฉลี่ย", "รวม", "ผลคะแนนรวมตัวชี้วัด". What follows the words (an indicator label) is read apart.
 */
/**
 * An OIT item's answer to "is it published?", printed in words or marks: มี or a tick (✓) is yes, ไม่มี or a
 * cross (✗, ❌) is no, in text or emoji presentation. Nothing else is: a dash is no answer.
 */
export const PUBLISHED_YES = /^\s*(?:มี|[✓✔☑√]\uFE0F?)\s*$/u
export const PUBLISHED_NO = /^\s*(?:ไม่\s*มี|[✗✘☒✕×❌]\uFE0F?)\s*$/u
/** A tick or a cross alone, not the words: in a checklist's answer columns, its column is the answer. */
export const ANSWER_MARK = /^\s*[✓✔☑√✗✘☒✕×❌]\uFE0F?\s*$/u

export const SUBTOTAL_WORDS = /^\s*(?:ผล\s*)?(?:ค่า\s*)?(?:คะแนน\s*)?(?:เฉลี่?ย|รวม)/

/** A verdict printed beside a score: pass or fail, a level word, or a grade ("AA", "B+"). */
export const VERDICT = /^\s*(?:ผ่าน|ไม่\s*ผ่าน|ดี\s*เยี่ยม|ดี\s*มาก|ดี|พอ\s*ใช้|ปรับปรุง|ต้อง\s*ปรับปรุง|[A-F][A+-]?)\s*$/

/**
 * A level as a whole word: the grades of up to 2565 (AA, A ... F), the levels from 2566 (ผ่านดีเยี่ยม, ผ่านดี,
 * ผ่าน, ต้องปรับปรุง, ต้องปรับปรุงโดยด่วน), ไม่ผ่าน, and the verdict words reports print beside a score (ดีมาก,
 * พอใช้). "สูงกว่าปีที่ผ่านมา" (higher than last year) is a comparison, not a level.
 */
export const LEVEL_WORD = /^(?:ไม่\s*ผ่าน|ผ่าน(?:\s*ดี(?:\s*เยี่ยม)?)?|ต้อง\s*ปรับปรุง(?:\s*โดย\s*ด่วน)?|ดี(?:\s*(?:มาก|เยี่ยม))?|พอ\s*ใช้|AA|[A-F][+-]?)$/

/**
 * A heading over the overall result ("สรุปผลการประเมิน", "ผลการประเมินในภาพรวม", "บทสรุป"), wherever the report
 * puts it: first, or closing the report after the measures. Not one over the per-indicator or per-tool scores.
 */
export const OVERALL_HEADING = /^(?!.*ราย\s*(?:ตัวชี้วัด|เครื่องมือ|ประเด็น|ข้อ))(?:.*(?:ภาพ\s*รวม|โดย\s*รวม)|\s*(?:บท\s*)?สรุป)/

/**
 * A target or pass mark, not a score: "ค่าเป้าหมาย", "เป้าหมาย", "เกณฑ์ (ผ่าน)", "Target". A column headed so
 * holds what the agency aimed at (95, 85), not what it got.
 */
export const TARGET_WORDS = /เป้า\s*หมาย|เกณฑ์|target|goal/i

/**
 * Words that put an indicator's label inside a sentence, before it ("... ส่วนตัวชี้วัดที่ได้คะแนนต่ำสุด คือ
 * ตัวชี้วัดที่ 7 ..." wrapped after "ต่ำ"): a line going on so is prose, not a heading naming the indicator.
 */
export const LABEL_IN_SENTENCE = /(?:คือ|ได้แก่|ส่วน|และ|หรือ|ของ|ใน|จาก|กับ|ว่า|เช่น|ยกเว้น)\s*$/

/**
 * The report's own title, "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร" (OCR's spaces allowed): the one wording
 * a cover opens with. Not `REPORT_TITLE_LINE`: the wider wordings ("รายงานการวิเคราะห์ผลการประเมินคุณธรรม...")
 * wrap onto a second line and often stand under the agency's name, so the short lines after them are no
 * agency (with it, train-05's Chromium PDF read the title's wrapped "งานภาครัฐ (ITA)" as the agency).
 */
export const REPORT_TITLE = /การ\s*นำ\s*ผล\s*การ\s*ประเมิน.{0,40}?ไป\s*สู่\s*การ\s*พัฒนา\s*องค์\s*กร/

/**
 * The report's own title opening a line, in the wordings reports title themselves with (wider than
 * `REPORT_TITLE`, the one wording a cover opens with): "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร", "รายงานการวิเคราะห์ผลการประเมิน
 * คุณธรรมและความโปร่งใส...", "รายงานผลการนำผลการประเมินคุณธรรม...", "รายงานผลการประเมิน ITA". The words after it must name the assessment
 * (ITA, คุณธรรม) or its purpose (ไปสู่...), so a section heading ("การวิเคราะห์ผลการประเมินรายตัวชี้วัด") is none.
 */
export const REPORT_TITLE_LINE =
  /^(?:รายงาน\s*(?:ผล\s*)?(?:การ\s*)?(?:(?:นำ|วิเคราะห์)\s*ผล\s*)?|(?:การ\s*)?(?:นำ|วิเคราะห์)\s*ผล\s*)การ\s*ประเมิน(?!.*ราย\s*(?:ตัวชี้วัด|เครื่องมือ|ประเด็น|ข้อ)).*(?:ITA|คุณธรรม|ไป\s*สู่)/

/** A table's caption: "ตารางที่ 3 ...", "ตาราง 3.1 ...". */
export const TABLE_CAPTION = /^\s*ตาราง\s*(?:ที่)?\s*[\d.]+/

/** A line saying a table goes on from the page before: "(ต่อ)", "ตารางที่ 2 (ต่อ)", "สารบัญ (ต่อ)". */
export const CONTINUED = /[(（]\s*ต่อ\s*[)）]\**\s*$/

/** Words before a number that make it the report's total score. */
export const TOTAL_WORDS = /ผล\s*คะแนน|คะแนน\s*(?:เฉลี่?ย|รวม|ภาพรวม|ITA)|ได้\s*คะแนน|ได้\s*$|ได้\s*รับ|เท่ากับ|อยู่ที่|ผลการประเมิน|(?:ITA|การประเมิน)\s*คือ/
/** Words that make a number last year's: a year before the report's, or one of these. */
export const PREVIOUS_WORDS = /ปี\s*ที่?\s*ผ่าน\s*มา|ปี\s*ก่อน|ปี\s*ที่\s*แล้ว|เทียบ|ครั้ง\s*ก่อน/
/** Words (or arrows: "▲ 3.21", "▼ 3.21") that make a number the difference from last year; the lower ones make it negative. */
export const DIFFERENCE_HIGHER = /สูง\s*(?:ขึ้น|กว่า)|มากกว่า|เพิ่ม\s*ขึ้น|ดีขึ้น|[▲△↑⬆⇧]/
export const DIFFERENCE_LOWER = /ต[ั่]*ำ\s*(?:ลง|กว่า)|น้อยกว่า|ลด\s*ลง|[▼▽↓⬇⇩]/
/** Words for a difference whose sign is printed with the number ("ผลต่าง -1.97"). */
export const DIFFERENCE_SIGNED = /ผล\s*ต่าง|ต่าง\s*กัน|เปลี่ยนแปลง/
/** A year in the Buddhist Era, as printed in prose. */
export const BE_YEAR = /(?<!\d)(25\d\d)(?!\d)/g
/** Words that make a number an indicator's or a tool's, not the total. */
/** A period printed as two columns: "วันที่เริ่มต้น" | "วันที่สิ้นสุด" (under "ระยะเวลาดำเนินการ"). */
export const PERIOD_START = anyOf('เริ่ม')
export const PERIOD_END = anyOf('สิ้นสุด', 'แล้วเสร็จ')
/**
 * A deadline, not a period: the words before a single date that make it the end only ("ภายในเดือน
 * มีนาคม 2569", "ก่อนวันที่ 31 มีนาคม 2569", "แล้วเสร็จภายใน", "ไม่เกิน"), the start not printed.
 */
export const DEADLINE_BEFORE = /(?:ภายใน|ก่อน|ไม่\s*เกิน(?:\s*กว่า)?)\s*(?:วันที่|วัน|สิ้น)?\s*$/

/** A fiscal year named in a period: "ปีงบประมาณ พ.ศ. 2569", "ปีงบประมาณ: 2569" (the year in group 1, BE). */
export const FISCAL_YEAR_NAMED = /ปี\s*งบ\s*ประมาณ\s*[:：]?\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*[:：]?\s*(25\d\d)/
/**
 * Quarters of the fiscal year named in a period: "ไตรมาส 2", "ไตรมาสที่ 1-2", "ไตรมาส 3 ถึงไตรมาส 4", "Q2", "Q1-Q2"
 * (the first quarter in group 1 or 3, the last, when a range, in group 2 or 4).
 */
export const FISCAL_QUARTERS =
  /ไตร\s*มาส\s*(?:ที่)?\s*([1-4])(?:\s*(?:[-–—]|ถึง|และ)\s*(?:ไตร\s*มาส\s*(?:ที่)?\s*)?([1-4]))?|(?<![A-Za-z])Q\s*([1-4])(?:\s*[-–—]\s*Q?\s*([1-4]))?(?![\d])/i
/** A quarter with its own fiscal year, "ไตรมาส 1/2569" (October to December 2568), as a range over two years prints each end. */
export const QUARTER_OF_YEAR = /ไตร\s*มาส\s*(?:ที่)?\s*([1-4])\s*\/\s*(25\d\d)(?!\d)/g
/** Halves of the fiscal year named in a period ("ครึ่งปีแรก", "ครึ่งปีหลัง"): the first half in group 1, the second in group 2. */
export const FISCAL_HALF = /ครึ่ง\s*ปี\s*(?:งบ\s*ประมาณ\s*)?(?:(แรก)|(หลัง))/
/**
 * Words a period may print around a fiscal year without narrowing it ("ตลอดปีงบประมาณ", "ทั้งปี", "ระยะเวลา
 * ดำเนินการ", "12 เดือน"): anything else beside the year (a month, a round, a term) is a part of the year that
 * is not read, so the period is not the whole year.
 */
export const WHOLE_YEAR_WORDS = /ตลอด|ทั้ง|ประจำ|ปี|ระยะ\s*เวลา|ดำเนิน\s*การ|(?:12|๑๒)\s*เดือน|พ\s*\.\s*ศ\s*\.?/g

// "ตช. 3" is ตัวชี้วัดที่ 3 abbreviated.
export const NOT_TOTAL_WORDS = /ตัวชี้วัด|ต\s*ช\s*(?:\.|\s\d)|ราย\s*เครื่องมือ|IIT|EIT|OIT|แบบวัด|แบบตรวจ|ข้อที่/
/**
 * A pass mark, not a score: "ได้คะแนนตั้งแต่ 85.00 คะแนนขึ้นไป", "ไม่น้อยกว่า 85", "เกณฑ์ 85.00", and the
 * mark items are listed under ("ประเด็นที่ได้คะแนนต่ำกว่า 85.00 คะแนน": below a mark, not a change).
 */
export const THRESHOLD_BEFORE = /(?:ตั้ง\s*แต่|ไม่\s*น้อย\s*กว่า|ไม่\s*ต่ำ\s*กว่า|เกณฑ์\S{0,12}|เต็ม|คะแนน\s*(?:ต่ำ|น้อย)\s*กว่า)\s*(?:ร้อยละ\s*)?$/
export const THRESHOLD_AFTER = /^\s*(?:คะแนน\s*)?ขึ้น\s*ไป/

/**
 * The pass level: "อยู่ในระดับ ผ่าน", "ระดับผลการประเมิน: ผ่านดี", "อยู่ในเกณฑ์ "ไม่ผ่าน"" (after เกณฑ์ only a
 * known level), "ถือว่าไม่ผ่านเกณฑ์การประเมิน" (the verdict before the word for the pass mark), "... ของศาลจังหวัด
 * ไม่ผ่านเกณฑ์การประเมิน*" (the verdict closing the sentence, its score in a footnote or in brackets). "อยู่ในระดับ
 * ที่น่าพอใจ" ("at a satisfying level") is prose, not a level; "เกณฑ์ผ่าน 85.00" is the pass mark.
 */
export const LEVEL = new RegExp(
  String.raw`อยู่\s*ใน\s*ระดับ\s*["'“”]?\s*(ไม่\s*ผ่าน|(?!ที่)[^\s\d()[\]"'“”,.:;]+)|(?:ระดับ\s*(?:ผล\s*การ\s*ประเมิน|คะแนน)?|เกณฑ์(?!\s*ผ่าน\s*[:：]?\s*\d))\s*[:：]?\s*["'“”]?\s*((?:ไม่\s*)?ผ่าน[^\s\d()[\]"'“”,.:;]*|ต้องปรับปรุง[^\s\d()[\]"'“”,.:;]*|AA|[A-F](?![A-Za-z]))|(?:(?:ถือ\s*ว่า|จึง|ซึ่ง|โดย)\s*|(?<=\s)(?=(?:ไม่\s*)?ผ่าน\s*เกณฑ์\s*การ\s*ประเมิน\s*(?:[*(]|$)))((?:ไม่\s*)?ผ่าน)\s*เกณฑ์`,
)
