import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { convertBytes } from '../../../../pipelines/convert.js'
import type { Finding, Report } from '../../../report/schema.js'
import { cropWindow } from './evidence.js'
import { bi, escapeHtml, html } from './html.js'
import { verdictOf } from './render-header.js'
import { buildReview, findReviewSource, reviewSource } from './index.js'

const finding = (severity: Finding['severity']): Finding => ({ rule: 'missing-item', severity, message: { en: 'e', th: 't' }, values: [] })
const report = (gaps = 0) => ({ gaps: Array.from({ length: gaps }, () => ({ code: 'section-missing', message: 'm' })) }) as unknown as Report

describe('html', () => {
  it('escapes everything interpolated, so document text never becomes markup', () => {
    const hostile = '<img src=x onerror="alert(1)">&\''
    expect(html`<td title="${hostile}">${hostile}</td>`.text).toBe(`<td title="${escapeHtml(hostile)}">${escapeHtml(hostile)}</td>`)
    expect(html`${hostile}`.text).not.toContain('<img')
  })

  it('nests built fragments as they are and joins lists', () => {
    expect(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.text).toBe('<ul><li>a</li><li>b</li></ul>')
    expect(bi({ th: 'ไทย', en: 'English' }).text).toBe('<span class="th" lang="th">ไทย</span><span class="en" lang="en">English</span>')
  })
})

describe('verdictOf', () => {
  it.each([
    [[finding('error'), finding('error'), finding('warning')], 0, 'fix', 'ต้องแก้ไข 2 จุด'],
    [[finding('warning'), finding('info')], 0, 'check', 'ควรตรวจสอบ 1 จุด'],
    [[finding('info')], 2, 'check', 'ตรวจได้ไม่ครบ'],
    [[finding('info')], 0, 'ready', 'พร้อมส่ง'],
  ] as const)('%#: %s', (findings, gaps, kind, th) => {
    const v = verdictOf(findings, report(gaps))
    expect(v.kind).toBe(kind)
    expect(v.headline.th).toBe(th)
  })
})

describe('cropWindow', () => {
  const a4 = { width: 595, height: 842 }
  it('shows the row around a value, more of it to the left (where its label is)', () => {
    const w = cropWindow({ x0: 353, y0: 401, x1: 388, y1: 416 }, a4)
    expect(w.x1 - w.x0).toBe(420)
    expect(w.x0).toBeLessThan(353 - 200)
    expect(w.y0).toBeLessThan(401)
    expect(w.y1).toBeGreaterThan(416)
  })
  it('stays on the page, and holds a tall cell whole', () => {
    const edge = cropWindow({ x0: 560, y0: 820, x1: 590, y1: 835 }, a4)
    expect(edge).toMatchObject({ x1: 595, y1: 842 })
    const tall = cropWindow({ x0: 637, y0: 207, x1: 714, y1: 493 }, { width: 842, height: 595 })
    expect(tall.y0).toBeLessThanOrEqual(207)
    expect(tall.y1).toBeGreaterThanOrEqual(493)
  })
})

describe('the source of a review', () => {
  const bytes = new TextEncoder().encode('content')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const r = { source: { file: 'scans/report.pdf', sha256 } } as Report

  it('is used only when its bytes are the ones converted', () => {
    expect(reviewSource(r, bytes).kind).toBe('file')
    expect(reviewSource(r, new TextEncoder().encode('changed'))).toMatchObject({ kind: 'missing', reason: { en: expect.stringMatching(/has changed/) } })
  })

  it('is found beside a JSON report when the path it names is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-review-src-'))
    expect((await findReviewSource(r, join(dir, 'report.json'))).kind).toBe('missing')
    writeFileSync(join(dir, 'report.pdf'), bytes)
    expect(await findReviewSource(r, join(dir, 'report.json'))).toEqual({ kind: 'file', bytes: expect.any(Uint8Array) })
  })
})

describe('buildReview', () => {
  it('lists the inputs that could not be read, with the reason', async () => {
    const out = await buildReview([], [{ file: 'letter.txt', message: 'letter.txt: not an ITA improvement report' }])
    expect(out).toContain('อ่านไฟล์ไม่ได้')
    expect(out).toContain('letter.txt: not an ITA improvement report')
  })

  it('a transcript review marks each cited value in its raw line; without the original it says why there is none', async () => {
    const seed = await import('node:fs').then((fs) => fs.readFileSync(new URL('../../../../samples/bankum/transcript.txt', import.meta.url)))
    const converted = await convertBytes(seed, 'transcript.txt')
    const out = await buildReview([{ report: converted, findings: converted.findings, source: reviewSource(converted, undefined) }])
    expect(out).toContain('the original file transcript.txt was not found')
    expect(out).not.toContain('<figure')
    const withLines = await buildReview([{ report: converted, findings: converted.findings, source: reviewSource(converted, seed) }])
    expect(withLines.match(/<figure class="evidence line"/g)!.length).toBeGreaterThan(20)
    expect(withLines).toMatch(/<mark>๙๑\.๗๔<\/mark>/)
  })
})
