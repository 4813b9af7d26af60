import { describe, expect, it } from 'vitest'
import { parseManifestLine } from './manifest.js'

const key = { input: '/in/a.pdf', document: 'a.pdf', sha256: 'ab', pipeline: 'ita-extract@0.1.0', options: '{}' }
const failed = (error: object) => JSON.stringify({ v: 1, at: '2026-01-01T00:00:00.000Z', event: 'failed', attempt: 1, ms: 5, error, ...key })

describe('parseManifestLine', () => {
  it('reads a failed line, with the kind of its error', () => {
    expect(parseManifestLine(failed({ name: 'EncryptedPdfError', code: 'E_ENCRYPTED_PDF', kind: 'input-file', message: 'a.pdf: encrypted' }))).toMatchObject({
      event: 'failed',
      error: { code: 'E_ENCRYPTED_PDF', kind: 'input-file' },
    })
  })

  it('skips a line of the older format (exitCode, no kind), so its input is converted again', () => {
    expect(parseManifestLine(failed({ name: 'EncryptedPdfError', code: 'E_ENCRYPTED_PDF', exitCode: 2, message: 'a.pdf: encrypted' }))).toBeUndefined()
  })

  it('skips a line cut short, another version and an unknown event', () => {
    const done = JSON.stringify({ v: 1, at: 'x', event: 'done', attempt: 1, ms: 5, output: 'a.pdf.json', pages: 2, findings: 0, ...key })
    expect(parseManifestLine(done)).toMatchObject({ event: 'done', output: 'a.pdf.json' })
    expect(parseManifestLine(done.slice(0, -10))).toBeUndefined()
    expect(parseManifestLine(done.replace('"v":1', '"v":2'))).toBeUndefined()
    expect(parseManifestLine(done.replace('"done"', '"paused"'))).toBeUndefined()
  })
})
