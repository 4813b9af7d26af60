/**
 * The closed vocabulary of `finding.values[].label` and its Thai translation. Rules build labels
 * only through these helpers, so every label a formatter meets has a Thai form.
 */
import type { Prov, Section, Tool } from '../../report/schema.js'

export const SECTION_TH: Record<Section, string> = {
  title: 'ส่วนหัวรายงาน',
  summary: 'ตารางสรุปผลรายตัวชี้วัด',
  detail: 'รายการประเด็นการประเมิน',
  overall: 'ผลการวิเคราะห์ภาพรวม',
  analysis: 'ผลการวิเคราะห์รายตัวชี้วัด',
  measures: 'ตารางมาตรการ',
}

export const SECTION_EN: Record<Section, string> = {
  title: 'title block',
  summary: 'summary table',
  detail: 'detail list',
  overall: 'overall analysis',
  analysis: 'per-indicator analysis',
  measures: 'measures table',
}

export const TOOL_TH: Record<Tool, string> = {
  IIT: 'IIT (แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน)',
  EIT: 'EIT (แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก)',
  OIT: 'OIT (แบบวัดการเปิดเผยข้อมูลสาธารณะ)',
}

/** Fixed labels, English (as stored in findings) -> Thai. */
const FIXED: Record<string, string> = {
  summary: SECTION_TH.summary,
  detail: SECTION_TH.detail,
  analysis: SECTION_TH.analysis,
  measures: SECTION_TH.measures,
  'mean of items': 'ค่าเฉลี่ยคะแนนประเด็น (คำนวณ)',
  'printed tool score': 'คะแนนรายเครื่องมือที่พิมพ์',
  'mean of indicators': 'ค่าเฉลี่ยคะแนนตัวชี้วัด (คำนวณ)',
  'printed total': 'คะแนนรวมที่พิมพ์',
  'weighted total': 'คะแนนรวมถ่วงน้ำหนัก (คำนวณ)',
  'weighted total from printed tool scores': 'คะแนนรวมจากคะแนนรายเครื่องมือที่พิมพ์ (คำนวณ)',
  'printed indicator number': 'เลขตัวชี้วัดที่พิมพ์ในหัวตาราง',
  "item's indicator": 'ตัวชี้วัดที่ประเด็นนี้สังกัด',
  period: 'ระยะเวลาดำเนินการ',
  'plan year': 'ปีงบประมาณที่ต้องดำเนินการ (คำนวณ)',
  'report fiscal year': 'ปีงบประมาณของรายงาน',
  'previous year as printed': 'ปีที่ผ่านมาตามที่พิมพ์',
  'previous year expected': 'ปีที่ผ่านมาที่ถูกต้อง',
  'current total': 'คะแนนปีนี้',
  'previous total': 'คะแนนปีที่ผ่านมา',
  'printed difference': 'ผลต่างที่พิมพ์',
  'computed difference': 'ผลต่างที่คำนวณ',
  'printed level': 'ระดับผลการประเมินที่พิมพ์',
  'minimum total for the level': 'คะแนนรวมขั้นต่ำของระดับ',
  'minimum tool score for the level': 'คะแนนรายเครื่องมือขั้นต่ำของระดับ',
  'level by the scores': 'ระดับตามคะแนน (คำนวณ)',
  'unreadable value': 'ค่าที่อ่านไม่ได้',
  'uncertain value': 'ค่าที่อ่านไม่แน่ชัด',
}

export const label = {
  section: (section: Section): string => section,
  itemsMean: (): string => 'mean of items',
  printedTool: (): string => 'printed tool score',
  indicatorsMean: (): string => 'mean of indicators',
  /** One indicator's score in one section, e.g. `indicator 6 (summary)`. */
  indicatorIn: (indicator: number, section: Section): string => `indicator ${indicator} (${section})`,
  /** An item's score in the detail list, e.g. `item e4`. */
  item: (code: string): string => `item ${code}`,
  /** A tool's computed mean, e.g. `IIT mean`. */
  toolMean: (tool: Tool): string => `${tool} mean`,
  printedTotal: (): string => 'printed total',
  weightedTotal: (): string => 'weighted total',
  weightedTotalFromPrinted: (): string => 'weighted total from printed tool scores',
  printedIndicator: (): string => 'printed indicator number',
  itemIndicator: (): string => "item's indicator",
  period: (): string => 'period',
  planYear: (): string => 'plan year',
  fiscalYear: (): string => 'report fiscal year',
  previousYearPrinted: (): string => 'previous year as printed',
  previousYearExpected: (): string => 'previous year expected',
  currentTotal: (): string => 'current total',
  previousTotal: (): string => 'previous total',
  printedDifference: (): string => 'printed difference',
  computedDifference: (): string => 'computed difference',
  printedLevel: (): string => 'printed level',
  levelMinTotal: (): string => 'minimum total for the level',
  levelMinTool: (): string => 'minimum tool score for the level',
  levelByScores: (): string => 'level by the scores',
  /** One tool's printed score, e.g. `printed EIT score`. */
  printedToolOf: (tool: Tool): string => `printed ${tool} score`,
  unreadable: (): string => 'unreadable value',
  uncertain: (): string => 'uncertain value',
}

/** Thai form of a label; unknown labels are returned unchanged. */
export function thaiLabel(text: string): string {
  const fixed = FIXED[text]
  if (fixed) return fixed
  const indicatorIn = /^indicator (\d+) \((\w+)\)$/.exec(text)
  if (indicatorIn) {
    const section = indicatorIn[2] as Section
    return `ตัวชี้วัดที่ ${indicatorIn[1]} (${SECTION_TH[section] ?? section})`
  }
  const item = /^item ([ieo]\d+)$/.exec(text)
  if (item) return `ประเด็น ${item[1]}`
  const printedTool = /^printed (IIT|EIT|OIT) score$/.exec(text)
  if (printedTool) return `คะแนน ${printedTool[1]} ที่พิมพ์`
  const toolMean = /^(IIT|EIT|OIT) mean$/.exec(text)
  if (toolMean) return `ค่าเฉลี่ย ${toolMean[1]} (คำนวณ)`
  return text
}

const PLACE_EN = { paragraph: 'paragraph', table: 'table', row: 'row', cell: 'cell' } as const
const PLACE_TH = { paragraph: 'ย่อหน้า', table: 'ตาราง', row: 'แถว', cell: 'ช่อง' } as const

/** `table 4 row 3 cell 2` / `paragraph 12`: where in a word-processor file. */
function placeText(prov: Prov, words: Record<'paragraph' | 'table' | 'row' | 'cell', string>): string | undefined {
  const place = prov.place
  if (!place) return undefined
  return (['paragraph', 'table', 'row', 'cell'] as const).flatMap((k) => (place[k] === undefined ? [] : [`${words[k]} ${place[k]}`])).join(' ')
}

/**
 * Where a value was read: `summary table, page 1, line 20` (plus the OCR confidence for OCR'd
 * values; the table, row and cell, or paragraph, in a .docx or .odt).
 */
export function whereEn(prov: Prov | undefined): string {
  if (!prov) return 'computed'
  const confidence = ocrPercent(prov)
  return [SECTION_EN[prov.section], `page ${prov.page}`, prov.line !== undefined ? `line ${prov.line}` : undefined, placeText(prov, PLACE_EN), confidence && `OCR confidence ${confidence}`]
    .filter(Boolean)
    .join(', ')
}

/** Where a value was read, in Thai: `ตารางสรุปผลรายตัวชี้วัด หน้า 1 บรรทัด 20`. */
export function whereTh(prov: Prov | undefined): string {
  if (!prov) return 'คำนวณจากค่าอื่น'
  const confidence = ocrPercent(prov)
  return [SECTION_TH[prov.section], `หน้า ${prov.page}`, prov.line !== undefined ? `บรรทัด ${prov.line}` : undefined, placeText(prov, PLACE_TH), confidence && `(ความมั่นใจ OCR ${confidence})`]
    .filter(Boolean)
    .join(' ')
}

/** `83%` for values read by OCR, so a person knows which numbers to distrust first. */
function ocrPercent(prov: Prov): string | undefined {
  return prov.source === 'ocr' && prov.confidence !== undefined ? `${Math.round(prov.confidence * 100)}%` : undefined
}
