import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { InputTooLargeError, SeveralReportsError } from '../../errors.js'
import { packageRoot } from '../../_internal/package-root.js'
import { readTranscript } from '../ingest/read-transcript.js'
import { normaliseDoc } from '../normalise/normalise-doc.js'
import { requireOneReport } from './one-report.js'

const seed = readFileSync(`${packageRoot()}/samples/bankum/transcript.txt`, 'utf8')
const nongbua = readFileSync(`${packageRoot()}/test/fixtures/transcripts/nongbua-2568.md`, 'utf8')
const doc = (text: string) => normaliseDoc(readTranscript(Buffer.from(text), { file: 'x.txt' }))

describe('requireOneReport', () => {
  it.each([
    ['the seed', seed],
    ['nongbua (Markdown and HTML tables)', nongbua],
  ])('%s is one report', (_name, text) => {
    expect(() => requireOneReport(doc(text))).not.toThrow()
  })

  /** Line of the second report's summary table header, when `second` follows `first` and a newline. */
  const secondHeader = (first: string, second: string) => first.split('\n').length + second.split('\n').findIndex((l) => l.includes('คะแนนราย')) + 1

  it.each([
    ['the seed twice', `${seed}\n${seed}`, 2, secondHeader(seed, seed)],
    ['another agency (Markdown and HTML tables) twice', `${nongbua}\n${nongbua}`, 2, secondHeader(nongbua, nongbua)],
    ['the seed five times', [seed, seed, seed, seed, seed].join('\n'), 5, secondHeader(seed, seed)],
  ])('%s is several reports, said with where the second starts', (_name, text, count, line) => {
    expect(() => requireOneReport(doc(text))).toThrow(SeveralReportsError)
    expect(() => requireOneReport(doc(text))).toThrow(`x.txt: holds ${count} reports one after another (a summary table starts again after the measures tables, at line ${line})`)
  })

  it('measures tables headed in two rows, the upper one naming the indicator and a score column, are one report', () => {
    const header = (n: number) =>
      `<table>\n<tr><th rowspan="2">ตัวชี้วัดที่ ${n}</th><th rowspan="2">คะแนน</th><th rowspan="2">1) ผลการวิเคราะห์</th><th colspan="3">การดำเนินการ</th></tr>\n` +
      `<tr><th>2) มาตรการ/แนวทางการพัฒนา</th><th>4) ผู้รับผิดชอบ</th><th>5) ระยะเวลาดำเนินการ</th></tr>\n` +
      `<tr><td>i${n} ประเด็นที่ต้องพัฒนา</td><td>80.00</td><td>วิเคราะห์</td><td>มาตรการ</td><td>กองคลัง</td><td>ต.ค. 2568 - ก.ย. 2569</td></tr>\n</table>\n`
    const text = `${nongbua}\n${[1, 2, 4, 6].map(header).join('\n')}`
    expect(() => requireOneReport(doc(text))).not.toThrow()
  })

  it('a copy of the first page appended after the measures tables is not a second report', () => {
    const firstPage = seed.split('\n').slice(0, 40).join('\n')
    expect(() => requireOneReport(doc(`${seed}\n${firstPage}`))).not.toThrow()
  })

  it('more rows than any report is refused, stating the cap', () => {
    expect(() => requireOneReport(doc(seed), { maxRows: 100 })).toThrow(InputTooLargeError)
    expect(() => requireOneReport(doc(seed), { maxRows: 100 })).toThrow(/over the 100 limit for one report/)
  })
})
