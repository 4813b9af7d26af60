/** Splitting table cells into lists: numbered steps/actions and responsible units. */

export interface NumberedEntry {
  readonly number: number | null
  readonly text: string
}

/**
 * "1. จัดประชุม ... 2. เสนอรายงาน ..." -> entries. A marker is a 1-2 digit number followed by "." or
 * ")" at the start or after a space, and not followed by a digit (so 93.55 is no marker).
 * Numbers are kept as printed: lists that restart or skip across a page break stay that way.
 */
export function splitNumbered(text: string): NumberedEntry[] {
  const markers = [...text.matchAll(/(?:^|\s)(\d{1,2})\s?[.)](?!\d)\s*/g)].filter((m) => Number(m[1]) >= 1 && Number(m[1]) <= 40)
  if (markers.length === 0) return splitBulleted(text)
  const entries: NumberedEntry[] = []
  const lead = text.slice(0, markers[0]!.index).trim()
  if (lead) entries.push({ number: null, text: lead })
  markers.forEach((m, i) => {
    const start = m.index + m[0].length
    const end = markers[i + 1]?.index ?? text.length
    const body = text.slice(start, end).trim()
    if (body) entries.push({ number: Number(m[1]), text: body })
  })
  return entries
}

/** A bullet that opens a list entry: "•", "▪", "◦", "●", "○", "➢", "✓", or a "-" opening the text. */
const BULLET = /(?:^|\s)[•▪◦●○➢✓]\s*|^\s*-\s+/g
/** In a text that opens with "- ", each " - " opens an entry too (lines of dashes joined with spaces). */
const DASH_BULLET = /(?:^|\s)-\s+/g

/** "• อบรม ... • ประชาสัมพันธ์ ...", "- อบรม ... - ประชาสัมพันธ์ ..." -> unnumbered entries; text without bullets is one entry. */
function splitBulleted(text: string): NumberedEntry[] {
  const parts = text.split(/^\s*-\s+/.test(text) ? DASH_BULLET : BULLET).map((p) => p.trim()).filter(Boolean)
  return parts.map((part) => ({ number: null, text: part }))
}

/** Words that start a unit, or a position heading one ("ผู้อำนวยการกองคลัง", "หัวหน้าสำนักปลัด"). */
// A unit may be a body named by what it is: a volunteers' corps, an infirmary, a station, an institute, a hospital, a school.
const UNIT_WORDS = ['กอง', 'สำนักงาน', 'สำนัก', 'ฝ่าย', 'แผนก', 'งาน', 'กลุ่ม', 'ศูนย์', 'หน่วย', 'คณะ', 'ส่วน(?!ราชการ)', 'ภาควิชา', 'สาขาวิชา', 'อาสาสมัคร', 'สถานพยาบาล', 'สถานี', 'สถาบัน', 'โรงพยาบาล', 'โรงเรียน']
const POSITION_WORDS = ['ผู้อำนวยการ', 'หัวหน้า', 'ปลัด', 'รองปลัด', 'นายก', 'รองนายก', 'เลขานุการ', 'ผู้บริหาร', 'ประธาน', 'รองประธาน', 'ผู้ช่วย', 'ผู้ประสานงาน', 'ผู้จัดการ', 'นัก(?!ศึกษา|เรียน)', 'พนักงาน', 'เจ้าพนักงาน', 'เจ้าหน้าที่']
/** Tolerant of a space a wrapped line put inside a word ("ผู้อำนวย การ" in a narrow column). */
const spacedWord = (word: string) => word.replace(/(?<=[ก-๛])(?=[ก-๛])/g, String.raw`\s?`)
/** A person's title before the name: "นาย", "นางสาว", "ดร.", "ผศ." ("นายก", the mayor, is a position). */
const PERSON_TITLES = [String.raw`นาย(?!ก\s*(?:เทศมนตรี|องค์การ|อบต|อบจ))`, 'นางสาว', 'นาง', String.raw`น\.\s*ส\.`, String.raw`ดร\.`, String.raw`[ผร]ศ\.`, String.raw`ศ\.`, 'ว่าที่']
/** Where the next unit (or person) starts in units printed with only spaces between them; not inside a title ("ผศ. ดร."). */
const UNIT_START = new RegExp(String.raw`(?<!ตำแหน่ง|[ผร]?ศ\.|ดร\.|ว่าที่)\s+(?:และ\s*)?(?=${[...UNIT_WORDS, ...POSITION_WORDS].map(spacedWord).join('|')}|${PERSON_TITLES.join('|')})(?<!การ\s+(?=เจ้าหน้าที่))`)
/**
 * A piece that is a position or a unit's word and nothing else ("หัวหน้า", "สำนักงาน", "หัวหน้ากลุ่ม"): what follows
 * it is the unit it heads or the rest of its name (a line wrapped in a narrow column).
 */
const WORD_ALONE = new RegExp(String.raw`^(?:(?:${POSITION_WORDS.map(spacedWord).join('|')})\s?(?:${UNIT_WORDS.map(spacedWord).join('|')})?|${UNIT_WORDS.map(spacedWord).join('|')})$`)
/** A text opening with a unit's or a position's word: it names who answers for a measure ("ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ"). */
export const opensWithUnit = (text: string) => UNIT_OPENING.test(text)
const UNIT_OPENING = new RegExp(String.raw`^\s*(?:${[...UNIT_WORDS, ...POSITION_WORDS].map(spacedWord).join('|')})`)
/**
 * A person by name and nothing else: a title, a given name and a surname ("นายสมชาย ใจดี", "ดร.อรุณี แก้วมณี",
 * "ผศ. วิเชียร บุญมา"). The position printed after the name ("นายสมชาย ใจดี ผู้อำนวยการกองคลัง") is that
 * person's, so the two are one responsible entry. "นายก" (the mayor) is a position, not a title.
 */
const PERSON_NAME = new RegExp(String.raw`^(?:ว่าที่\s*(?:ร\.?\s*[ตทอ]\.?\s*)?)?(?:${PERSON_TITLES.slice(0, -1).join('|')})\s*(?:ดร\.\s*)?[ก-๛]+(?:\s+[ก-๛]+){0,3}$`)
/** A short label and a colon before units: "หลัก :", "สนับสนุน:", "หน่วยงานหลัก :". */
const ROLE_LABEL = /(?:^|\s+)[ก-๛]{2,24}\s*[:：]\s*/
const NUMBERED_UNIT = /^\s*[\d๐-๙]{1,2}\s*[.)]\s*\S/
const UNIT_NUMBER = /(?:^|\s+)[\d๐-๙]{1,2}\s*[.)]\s*/

/**
 * Between units listed with marks ("กองคลัง, กองช่าง และกองการศึกษา"): the marks, and "และ" before the last unit, set
 * apart by a space before it and maybe run into the unit after it, as Thai writes it.
 */
const LISTED_UNITS = new RegExp(String.raw`\s*[/,;]\s*|\s+-\s+|\s+และ\s*(?=${UNIT_WORDS.map(spacedWord).join('|')})`)

/**
 * "ทุกส่วนราชการ (สำนักปลัด อบต./กองคลัง/กองช่าง)" -> ["สำนักปลัด อบต.", "กองคลัง", "กองช่าง"].
 * Units are separated by "/", ",", ";" or new bullets; a group label outside the brackets is kept
 * only when there is nothing inside them.
 */
export function splitResponsible(whole: string): string[] {
  // A note after the units ("หมายเหตุ : ระยะเวลาอาจปรับเปลี่ยน...") names no unit; responsibleText keeps it.
  const text = whole.replace(/\s*หมายเหตุ\s*[:：].*$/s, '')
  // Units under role labels ("หลัก : งานพัฒนานักศึกษา สนับสนุน : สำนักงานคณบดี, งานวิจัย"): each label's units, the labels dropped.
  if (ROLE_LABEL.test(text)) return text.split(ROLE_LABEL).flatMap((part) => (part.trim() ? splitResponsible(part) : []))
  const inner = /\(([^()]*)\)?\s*$/.exec(text)
  const body = inner && inner[1]!.trim() ? inner[1]! : text
  // Numbered units ("1. กองคลัง 2. กองช่าง"): the numbers are where they split, and not part of them.
  if (NUMBERED_UNIT.test(body)) return body.split(UNIT_NUMBER).map((s) => s.trim()).filter((s) => s.length > 1)
  // Units printed with only spaces between them ("สำนักปลัด กองคลัง กองช่าง") split where the next unit starts.
  const separator = /[/,;]|\s-\s/.test(body) ? LISTED_UNITS : UNIT_START
  const pieces = body
    .split(separator)
    .map((s) => s.replace(/^[-•*]\s*/, '').trim())
    .filter((s) => s.length > 1)
  const units: string[] = []
  pieces.forEach((piece, i) => {
    const before = pieces[i - 1]
    if (before !== undefined && goesOn(before, piece)) units[units.length - 1] = `${units.at(-1)} ${piece}`
    else units.push(piece)
  })
  return units
}

/**
 * Whether `piece` goes on the entry `before` (the piece before it) is part of: after a position or a unit's word
 * alone, after a person's name (the position is theirs), or after a word that cannot end a name ("และ").
 */
const goesOn = (before: string, piece: string) => WORD_ALONE.test(before) || (PERSON_NAME.test(before) && !PERSON_NAME.test(piece)) || OPEN_END.test(before)
// "ทุก" (every) always takes the noun after it: "ภาควิชาทุก" / "ภาควิชา" is one unit a narrow column wrapped.
const OPEN_END = /(?:และ|หรือ|ทุก)$/
