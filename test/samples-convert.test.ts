/**
 * Every committed layout sample that no value test reads must still convert, in bounded time: the
 * LibreOffice PDFs of every template (held-out ones are measured only by `npm run bench:layouts`) and
 * every file of the blind and in-development templates. One LibreOffice PDF of a blind set once hung
 * the structure stage for minutes on an exponential regex, and only a stalled bench run showed it.
 *
 * The files go through one real batch (`ita-extract convert ... --ocr never`), whose per-file time
 * limit turns a hang into a failed input instead of a stalled suite. Only file names and failure
 * reasons are printed: a blind template's values are never read here.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LAYOUTS_DIR } from '../samples/generate/layouts/generate-layouts.js'
import { IN_DEVELOPMENT, TEMPLATES } from '../samples/generate/layouts/templates.js'
import { MANIFEST_FILE, readManifest } from '../src/batch/manifest.js'
import { runCliProcess } from './cli-process.js'

const LIBREOFFICE_PDFS = ['libreoffice.pdf', 'libreoffice-hrules.pdf', 'libreoffice-borderless.pdf']
const EVERY_INPUT = ['transcript.md', 'born-digital.pdf', 'report.docx', 'report.odt', 'libreoffice.docx', 'libreoffice.odt', ...LIBREOFFICE_PDFS]

const unread = new Set(TEMPLATES.filter((t) => t.blind || IN_DEVELOPMENT.has(t.name)).map((t) => t.name))

function inputsNoValueTestReads(): string[] {
  return readdirSync(LAYOUTS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const present = new Set(readdirSync(join(LAYOUTS_DIR, d.name)))
      return (unread.has(d.name) ? EVERY_INPUT : LIBREOFFICE_PDFS).filter((f) => present.has(f)).map((f) => join(LAYOUTS_DIR, d.name, f))
    })
}

/** A sample converts in a few seconds; the limit only separates a hang from work. */
const FILE_LIMIT_S = 120

describe('committed layout samples that no value test reads', () => {
  const out = mkdtempSync(join(tmpdir(), 'ita-samples-convert-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('all convert from their text layers, none failed or over the time limit', async () => {
    const inputs = inputsNoValueTestReads()
    expect(inputs.length).toBeGreaterThan(300)
    const run = await runCliProcess(['convert', ...inputs, '-o', out, '--ocr', 'never', '--timeout', String(FILE_LIMIT_S), '--jobs', '2'], { deadlineMs: 40 * 60_000 })
    const states = await readManifest(join(out, MANIFEST_FILE))
    const unconverted = inputs.flatMap((input) => {
      const last = states.get(input)?.last
      if (last?.event === 'done') return []
      return [`${input.slice(LAYOUTS_DIR.length + 1)}: ${last?.event === 'failed' ? last.error.message : 'no result'}`]
    })
    expect(unconverted).toEqual([])
    expect({ code: run.code, killed: run.killed }).toEqual({ code: 0, killed: false })
  }, 41 * 60_000)
})
