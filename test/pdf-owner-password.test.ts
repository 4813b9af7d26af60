/**
 * PDFs protected with an owner password only (they open without a password, as most "protected
 * against editing" government PDFs do) read like the unprotected file: pdf.js decrypts the text,
 * and the raw-object reader (ActualText, scan JPEGs) reads through decrypt.ts. Fixtures made with
 * qpdf (test/fixtures/pdf/README.md).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { convertFile } from '../pipelines/convert.js'
import type { Report } from '../src/report/schema.js'
import type { Doc } from '../src/model/document.js'
import { readPdf } from '../src/stages/ingest/pdf/read-pdf.js'

const fixtures = join(import.meta.dirname, 'fixtures', 'pdf')

const blocksOf = (doc: Doc) => doc.pages.map((p) => ({ readBy: p.readBy, blocks: p.blocks }))

/** The report without what names the file itself. */
const content = (r: Report) => ({ ...r, source: { ...r.source, file: '', sha256: '' } })

describe('owner-password PDFs', () => {
  const original = readPdf(readFileSync(join(fixtures, 'thai-born-digital.pdf')), { file: 'thai-born-digital.pdf' })

  it.each(['owner-rc4-40', 'owner-rc4-128', 'owner-aes-128', 'owner-aes-256'])('%s reads exactly like the unprotected file, ActualText included', async (name) => {
    const { doc, needsOcr } = await readPdf(readFileSync(join(fixtures, `${name}.pdf`)), { file: `${name}.pdf` })
    expect(needsOcr).toEqual([])
    expect(doc.issues.filter((i) => i.severity !== 'info')).toEqual([])
    expect(blocksOf(doc)).toEqual(blocksOf((await original).doc))
  })

  it('an owner-password copy of the bundled born-digital sample (AES-256, object streams) converts to the same JSON', async () => {
    const protectedCopy = await convertFile(join(fixtures, 'bankum-owner-password.pdf'), { ocr: 'auto' })
    const plain = await convertFile(join(import.meta.dirname, '..', 'samples', 'bankum', 'born-digital.pdf'), { ocr: 'auto' })
    expect(protectedCopy.source.readBy.every((r) => r === 'pdf-text')).toBe(true)
    expect(content(protectedCopy)).toEqual(content(plain))
  }, 120_000)
})
