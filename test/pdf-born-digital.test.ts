/**
 * Issue 4's acceptance: the born-digital sample PDF converts to the same values as the transcript
 * it was typeset from, and every number says which page and box it was read from.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { convertFile } from '../pipelines/convert.js'
import { repoPath, numberValues, reportValues, seedTranscript } from './helpers.js'

describe('samples/bankum/born-digital.pdf', async () => {
  const [fromPdf, fromTranscript] = await Promise.all([convertFile(repoPath('samples', 'bankum', 'born-digital.pdf')), convertFile(seedTranscript)])

  it('is read from its text layer, every page', () => {
    expect(fromPdf.source.readBy).toEqual(Array(24).fill('pdf-text'))
    expect(fromPdf.gaps).toEqual([])
  })

  it('gives the same values and findings as the transcript path, and as samples/bankum/expected-values.json', () => {
    expect(reportValues(fromPdf)).toEqual(reportValues(fromTranscript))
    expect(reportValues(fromPdf)).toEqual(JSON.parse(readFileSync(repoPath('samples', 'bankum', 'expected-values.json'), 'utf8')))
  })

  it('gives every number its page and box', () => {
    const values = numberValues(fromPdf)
    expect(values.length).toBe(108) // 52 items, 30 indicator scores, 3 tools, 9 measures x 2, 5 title facts
    for (const { path, prov } of values) {
      expect(prov.prov.page, path).toBeGreaterThanOrEqual(1)
      expect(prov.prov.bbox, path).toBeDefined()
      expect(prov.prov.source, path).toBe('pdf-text')
    }
  })
})
