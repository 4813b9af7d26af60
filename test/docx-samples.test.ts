/**
 * Word and Writer files end to end (issue 19): the bundled reports as .docx and .odt give exactly
 * their transcript's values and findings; every committed layout template's .docx (ours), .odt
 * (LibreOffice's conversion of it) and .docx and .odt written by LibreOffice from the template's HTML give
 * every field and finding of the truth; and files that cannot be read get one line and exit 2.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { convertFile } from '../pipelines/convert.js'
import { LAYOUTS_DIR } from '../samples/generate/layouts/generate-layouts.js'
import { scoreValues } from '../samples/generate/layouts/score.js'
import { IN_DEVELOPMENT, TEMPLATES } from '../samples/generate/layouts/templates.js'
import { reportValues } from '../samples/generate/report-values.js'
import { runCli } from '../src/cli/main.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { repoPath } from './helpers.js'

describe.each(['bankum', 'nongbua'])('samples/%s as .docx and .odt', (sample) => {
  const expected = JSON.parse(readFileSync(repoPath('samples', sample, 'expected-values.json'), 'utf8'))

  it.each(['report.docx', 'report.odt'])('%s gives exactly the transcript values and findings', async (file) => {
    const report = await convertFile(repoPath('samples', sample, file))
    expect(reportValues(report)).toEqual(expected)
    expect(report.source).toMatchObject({ kind: file.slice(-4) === 'docx' ? 'docx' : 'odt' })
    const score = report.indicators[0]!.scores.summary!
    expect(score.prov.place).toMatchObject({ table: 1, row: 2 })
  })

  it('the .docx holds what the reader must get right: tracked changes, a merged tool-score cell, automatic Thai numbering, landscape measures', () => {
    const xml = strFromU8(unzipSync(readFileSync(repoPath('samples', sample, 'report.docx')))['word/document.xml']!)
    expect(xml).toMatch(/<w:del [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText/)
    expect(xml).toContain('<w:vMerge w:val="restart"/>')
    expect(xml).toContain('<w:numPr>')
    expect(xml).toContain('w:orient="landscape"')
    const numbering = strFromU8(unzipSync(readFileSync(repoPath('samples', sample, 'report.docx')))['word/numbering.xml']!)
    expect(numbering).toContain('w:val="thaiNumbers"')
    const content = strFromU8(unzipSync(readFileSync(repoPath('samples', sample, 'report.odt')))['content.xml']!)
    expect(content).toContain('<text:deletion>')
  })
})

// Blind held-out templates (v15) are judged by their figures in `npm run bench:layouts` only.
const leftOut = new Set(TEMPLATES.filter((t) => t.blind).map((t) => t.name))
const templates = readdirSync(LAYOUTS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !leftOut.has(d.name))
  .map((d) => d.name)

describe.each(templates)('samples/layouts/%s as word-processor files', (template) => {
  const dir = join(LAYOUTS_DIR, template)
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'))

  const files = ['report.docx', 'report.odt', 'libreoffice.docx', 'libreoffice.odt']
  if (IN_DEVELOPMENT.has(template)) {
    for (const file of files) it.todo(`${file}: in development (issue 20), held to every field when it reads whole`)
    return
  }
  // Files LibreOffice has not made yet for a template (npm run samples:layouts makes them) are listed, not skipped silently.
  for (const file of files.filter((f) => !existsSync(join(dir, f)))) it.todo(`${file}: not generated yet (npm run samples:layouts)`)

  it.each(files.filter((f) => existsSync(join(dir, f))))('%s: every field and finding of the truth, nothing wrong', async (file) => {
    const score = scoreValues(expected.values, reportValues(await convertFile(join(dir, file))))
    expect(score.fields.filter((f) => f.state !== 'exact').map((f) => `${f.path}: ${f.state}, expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`)).toEqual([])
    expect(score.findings.equal, JSON.stringify(score.findings)).toBe(true)
  })
})

describe('ita-extract convert on word-processor files that cannot be read: one line, exit 2, no output', () => {
  let dir: string
  let stderr: string[]
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ita-docx-errors-'))
    stderr = []
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true))
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  })
  afterEach(() => vi.restoreAllMocks())

  const docx = readFileSync(repoPath('samples', 'nongbua', 'report.docx'))
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4088)])
  const entries = unzipSync(docx)
  const damagedXml = zipSync({ ...entries, 'word/document.xml': strToU8(strFromU8(entries['word/document.xml']!).replace('</w:body>', '')) })

  it.each([
    ['a legacy .doc (OLE compound file)', 'report.doc', ole, /legacy Word \.doc or a password-protected Office file.*soffice --headless --convert-to docx report\.doc/],
    ['a password-protected .docx (OLE compound file)', 'locked.docx', ole, /password-protected.*remove the password/],
    ['a truncated .docx', 'cut.docx', docx.subarray(0, docx.length >> 1), /damaged zip archive/],
    ['a .docx with damaged XML', 'broken.docx', damagedXml, /damaged XML in word\/document\.xml/],
    ['a zip that is not a document', 'sheet.docx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), /an Excel workbook, not a Word \(\.docx\) or Writer \(\.odt\) document/],
  ])('%s', async (_what, name, bytes, reason) => {
    const input = join(dir, name)
    writeFileSync(input, bytes)
    const out = join(dir, 'out.json')
    expect(await runCli(['convert', input, '-o', out])).toBe(ExitCode.inputFile)
    expect(existsSync(out)).toBe(false)
    const message = stderr.join('')
    expect(message.trim().split('\n')).toHaveLength(1)
    expect(message).toContain(name)
    expect(message).toMatch(reason)
  })
})
