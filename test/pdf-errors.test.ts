/**
 * Bad PDF inputs through the CLI: each gets one line naming the file and the reason, exit code 2
 * (input could not be read), and no output file. Fixtures: test/fixtures/pdf/README.md.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../src/cli/main.js'
import { CorruptPdfError, EmptyPdfError, EncryptedPdfError, PdfTooLargeError } from '../src/errors.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { readPdf } from '../src/stages/ingest/pdf/read-pdf.js'

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', 'pdf', name)

let dir: string
let stderr: string[]
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-pdf-errors-'))
  stderr = []
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true))
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(() => vi.restoreAllMocks())

describe('ita-extract convert on PDFs that cannot be read', () => {
  it.each([
    ['an encrypted PDF (qpdf --encrypt)', 'encrypted.pdf', /encrypted and needs a password/],
    ['a truncated PDF', 'truncated.pdf', /damaged or truncated/],
    ['a PDF with zero pages', 'zero-pages.pdf', /has no pages/],
    ['a text file named .pdf', 'not-a-pdf.pdf', /not a PDF/],
  ])('%s -> exit 2, one line naming the file and the reason, no output', async (_what, name, reason) => {
    const out = join(dir, 'out.json')
    expect(await runCli(['convert', fixture(name), '-o', out])).toBe(ExitCode.inputFile)
    expect(existsSync(out)).toBe(false)
    const message = stderr.join('')
    expect(message.trim().split('\n')).toHaveLength(1)
    expect(message).toContain(name)
    expect(message).toMatch(reason)
  })

  it('a PDF that looks fine for 1 KiB and then is junk -> exit 2', async () => {
    const head = readFileSync(fixture('thai-born-digital.pdf')).subarray(0, 1024)
    const input = join(dir, 'junk.pdf')
    writeFileSync(input, Buffer.concat([head, Buffer.alloc(4096, 0x41)]))
    expect(await runCli(['convert', input, '-o', join(dir, 'out.json')])).toBe(ExitCode.inputFile)
  })
})

describe('readPdf errors carry their class and code', () => {
  it.each([
    ['encrypted.pdf', EncryptedPdfError, 'E_ENCRYPTED_PDF'],
    ['truncated.pdf', CorruptPdfError, 'E_CORRUPT_PDF'],
    ['zero-pages.pdf', EmptyPdfError, 'E_EMPTY_PDF'],
    ['not-a-pdf.pdf', CorruptPdfError, 'E_CORRUPT_PDF'],
  ])('%s', async (name, errorClass, code) => {
    const error = await readPdf(readFileSync(fixture(name)), { file: name }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(errorClass)
    expect(error).toMatchObject({ code, kind: 'input-file', file: name })
  })

  it('refuses PDFs over the page limit or the size limit, before reading pages', async () => {
    const bytes = readFileSync(fixture('thai-born-digital.pdf'))
    await expect(readPdf(bytes, { file: 'big.pdf', limits: { maxPages: 1 } })).rejects.toThrow(PdfTooLargeError)
    await expect(readPdf(bytes, { file: 'big.pdf', limits: { maxPages: 1 } })).rejects.toThrow(/2 pages, over the 1-page limit/)
    await expect(readPdf(bytes, { file: 'big.pdf', limits: { maxBytes: 1000 } })).rejects.toThrow(/big\.pdf: the PDF is \d+ bytes, over the 1000 bytes limit/)
  })
})
