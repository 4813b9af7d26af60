/**
 * CSV formatting per RFC 4180: fields separated by commas, records ended by CRLF, a field quoted
 * when it holds a comma, a double quote, CR or LF, and quotes inside doubled. Text is UTF-8;
 * the optional byte-order mark makes Excel read Thai as UTF-8 instead of the ANSI code page.
 */

export type CsvValue = string | number | boolean | null | undefined

export const UTF8_BOM = '\uFEFF'
export const CSV_RECORD_END = '\r\n'

const NEEDS_QUOTES = /[",\r\n]/

/** One field: `null`/`undefined` become an empty field; numbers are written in full precision. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'string' ? value : String(value)
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * Characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a formula
 * or command (OWASP "CSV Injection"): `=`, `+`, `-`, `@`, tab and carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Neutralises spreadsheet formula injection: a string a spreadsheet would evaluate gets a leading
 * `'`, so it is shown as text. Only strings are touched: numbers (a score of `-1.5`), booleans and
 * empty values are returned as they are, since we wrote them and they cannot carry a formula.
 */
export function escapeFormula(value: CsvValue): CsvValue {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value
}

/** One record, including its CRLF terminator. */
export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + CSV_RECORD_END
}
