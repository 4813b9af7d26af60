/**
 * Word's symbol-font ticks (issue 12): OIT items ticked ✓ or crossed ✗ with Word's Insert Symbol
 * (`<w:sym w:font="Wingdings" w:char="F0FC"/>`, `F0FB`) read as ticks and crosses, so each item
 * scores 100 or 0 by the `score-from-yes-no` repair, from the .docx and from LibreOffice's PDF of it,
 * whose text layer holds the private-use code points U+F0FC / U+F0FB
 * (test/fixtures/pdf/symbol-ticks.*, made by make-symbol-ticks-fixture.ts).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { convertFile } from '../pipelines/convert.js'
import { LAYOUTS_DIR } from '../samples/generate/layouts/generate-layouts.js'
import { scoreValues } from '../samples/generate/layouts/score.js'
import { reportValues } from '../samples/generate/report-values.js'
import { mapSymbolFontMarks } from '../src/stages/ingest/symbol-fonts.js'
import { repoPath } from './helpers.js'

const expected = JSON.parse(readFileSync(join(LAYOUTS_DIR, 'blind-v14-04-local-decimal', 'expected.json'), 'utf8'))
const fixture = (ext: string) => repoPath('test', 'fixtures', 'pdf', `symbol-ticks.${ext}`)

describe('ticks typed from a symbol font', () => {
  it('maps the marks each symbol font draws, and nothing of another font', () => {
    expect(mapSymbolFontMarks('\uF0FC \uF0FB', 'Wingdings')).toEqual({ text: '✓ ✗', mapped: 2 })
    expect(mapSymbolFontMarks('\uF0FC', 'BCDEFG+Wingdings-Regular').text).toBe('✓')
    // LibreOffice without Wingdings draws it from OpenSymbol and keeps Wingdings' code points.
    expect(mapSymbolFontMarks('\uF0FC', 'CAAAAA+OpenSymbol').text).toBe('✓')
    expect(mapSymbolFontMarks('\uF050 \uF04F', 'Wingdings 2').text).toBe('✓ ✗')
    expect(mapSymbolFontMarks('\uF0D6', 'Symbol').text).toBe('√')
    expect(mapSymbolFontMarks('\uF0FC', 'Sarabun')).toEqual({ text: '\uF0FC', mapped: 0 })
    expect(mapSymbolFontMarks('\uF0FC', 'Wingdings 3')).toEqual({ text: '\uF0FC', mapped: 0 })
    // Wingdings' other symbols are left as printed.
    expect(mapSymbolFontMarks('\uF0D8', 'Wingdings')).toEqual({ text: '\uF0D8', mapped: 0 })
  })

  it('the fixture types its ticks as Word does', () => {
    const xml = strFromU8(unzipSync(readFileSync(fixture('docx')))['word/document.xml']!)
    expect(xml).toContain('<w:sym w:font="Wingdings" w:char="F0FC"/>')
    expect(xml).toContain('<w:sym w:font="Wingdings" w:char="F0FB"/>')
    expect(xml).not.toMatch(/[✓✗]/)
  })

  it.each(['docx', 'pdf'])('symbol-ticks.%s gives every field and finding of the truth, the OIT items as ticks', async (ext) => {
    const report = await convertFile(fixture(ext))
    const score = scoreValues(expected.values, reportValues(report))
    expect(score.fields.filter((f) => f.state !== 'exact').map((f) => `${f.path}: ${f.state}, expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`)).toEqual([])
    expect(score.findings.equal, JSON.stringify(score.findings)).toBe(true)
    const oit = report.indicators.flatMap((i) => i.items).filter((item) => item.code?.startsWith('o'))
    expect(oit.length).toBeGreaterThan(0)
    for (const item of oit) expect(item.score?.prov.repairs?.map((r) => r.kind)).toContain('score-from-yes-no')
    if (ext === 'pdf') {
      expect(report.source).toMatchObject({ kind: 'pdf' })
      expect(oit.every((item) => item.score?.prov.reader === 'pdfjs, symbol-font marks mapped')).toBe(true)
    }
  })
})
