import { describe, expect, it } from 'vitest'
import type { Gap, Report } from '../report/schema.js'
import { gapSummary } from './gaps.js'

const report = (gaps: Gap[]) => ({ source: { file: 'scan.pdf' }, gaps }) as unknown as Report

describe('gapSummary', () => {
  it('a complete report is not partial and says nothing', () => {
    expect(gapSummary(report([{ code: 'item-unidentified', message: 'item 3 not identified' }]))).toEqual({ partial: false, lines: [] })
  })

  it('a missing section or a failed page makes the result partial, one line each naming the file', () => {
    const { partial, lines } = gapSummary(
      report([
        { code: 'section-missing', section: 'measures', message: 'measures tables not found' },
        { code: 'page-failed', page: 3, message: "Page 3 could not be OCR'd: timed out" },
        { code: 'page-needs-ocr', page: 4, message: 'page 4 was not read: it needs OCR (image-only page) and no OCR stage was run' },
      ]),
    )
    expect(partial).toBe(true)
    // Page gaps name their page already: no "page N:" before them, whatever the words.
    expect(lines).toEqual([
      'scan.pdf: partial result: measures tables not found',
      "scan.pdf: partial result: Page 3 could not be OCR'd: timed out",
      'scan.pdf: partial result: page 4 was not read: it needs OCR (image-only page) and no OCR stage was run',
    ])
  })

  it('warning gaps are said without making the result partial', () => {
    const { partial, lines } = gapSummary(report([{ code: 'catalogue-missing', severity: 'warning', message: 'no item catalogue for fiscal year 2567' }]))
    expect(partial).toBe(false)
    expect(lines).toEqual(['scan.pdf: warning: no item catalogue for fiscal year 2567'])
  })
})
