/**
 * Word-processor files written by LibreOffice itself (Debian package libreoffice-writer-nogui):
 * `soffice --headless --convert-to <format>` in a private profile, then the few bytes LibreOffice
 * makes different on every run (change-tracking ids, session rsids, zip entry times) fixed, so
 * regenerating gives the same files.
 *
 * - `produceOdt`: our .docx (render-docx.ts) opened and saved as .odt by LibreOffice.
 * - `produceLibreOfficeDocx`, `produceLibreOfficeOdt`: the Chromium producer's HTML opened by
 *   LibreOffice Writer and saved as .docx / .odt, so the reader is measured on files that our
 *   writer did not make.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import type { LayoutDoc } from './blocks.js'
import { produceDocx, ZIP_DATE } from './render-docx.js'
import { FONTS, renderHtml } from './render-html.js'
import type { Template } from './templates.js'

const run = promisify(execFile)

export interface SofficeOptions {
  /** The LibreOffice executable. @default 'soffice' */
  readonly soffice?: string
  /** Give up after this long. @default 120_000 */
  readonly timeoutMs?: number
  /** The environment soffice runs in (e.g. FONTCONFIG_FILE naming extra fonts). @default process.env */
  readonly env?: NodeJS.ProcessEnv
}

/**
 * Converts one file with LibreOffice; `filter` is what `--convert-to` takes (`odt`, `docx:"MS Word
 * 2007 XML"`, `pdf`). A profile of its own per call: sessions sharing one block each other.
 */
export async function sofficeConvert(input: Uint8Array, inputName: string, filter: string, options: SofficeOptions & { infilter?: string } = {}): Promise<Uint8Array> {
  const { soffice = 'soffice', timeoutMs = 120_000 } = options
  const work = await mkdtemp(join(tmpdir(), 'ita-soffice-'))
  try {
    const inPath = join(work, inputName)
    await writeFile(inPath, input)
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
      '--convert-to',
      filter,
      '--outdir',
      join(work, 'out'),
      inPath,
    ]
    await run(soffice, args, { timeout: timeoutMs, killSignal: 'SIGKILL', ...(options.env && { env: options.env }) })
    const ext = filter.split(':')[0]!
    const outPath = join(work, 'out', `${inputName.replace(/\.[^.]+$/, '')}.${ext}`)
    return new Uint8Array(await readFile(outPath).catch((cause: unknown) => {
      throw new Error(`soffice wrote no ${ext} for ${inputName}`, { cause })
    }))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Our .docx saved as .odt by LibreOffice. */
export async function produceOdt(doc: LayoutDoc, tpl: Template, seed: number, options: SofficeOptions & { revisions?: boolean } = {}): Promise<Uint8Array> {
  const docx = produceDocx(doc, tpl, seed, { revisions: options.revisions ?? false })
  return fixOdt(await sofficeConvert(docx, 'report.docx', 'odt', options))
}

/** The Chromium producer's HTML opened in LibreOffice Writer and saved as .docx. */
export async function produceLibreOfficeDocx(doc: LayoutDoc, tpl: Template, _seed: number, options: SofficeOptions = {}): Promise<Uint8Array> {
  return fixDocx(await htmlInWriter(doc, tpl, 'docx:MS Word 2007 XML', options))
}

/** The same HTML saved as .odt by LibreOffice Writer. */
export async function produceLibreOfficeOdt(doc: LayoutDoc, tpl: Template, _seed: number, options: SofficeOptions = {}): Promise<Uint8Array> {
  return fixOdt(await htmlInWriter(doc, tpl, 'odt', options))
}

function htmlInWriter(doc: LayoutDoc, tpl: Template, filter: string, options: SofficeOptions): Promise<Uint8Array> {
  const html = renderHtml(doc, FONTS[tpl.choices.font]!)
  return sofficeConvert(new TextEncoder().encode(html), 'report.html', filter, { ...options, infilter: 'HTML (StarWriter)' })
}

/** Same content, same bytes: LibreOffice's per-run ids and times replaced by fixed ones. */
export function fixOdt(odt: Uint8Array): Uint8Array {
  const entries = unzipSync(odt)
  const files: Zippable = {}
  // ODF requires `mimetype` first and stored, so that `file` can tell the type from the bytes.
  files['mimetype'] = [entries['mimetype'] ?? strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }]
  for (const [name, data] of Object.entries(entries)) {
    if (name === 'mimetype' || name.endsWith('/')) continue
    files[name] = name.endsWith('.xml') ? strToU8(fixXml(strFromU8(data))) : data
  }
  return zipSync(files, { level: 6, mtime: ZIP_DATE })
}

export function fixDocx(docx: Uint8Array): Uint8Array {
  const entries = unzipSync(docx)
  const files: Zippable = {}
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue
    files[name] = name.endsWith('.xml') || name.endsWith('.rels') ? strToU8(fixXml(strFromU8(data))) : data
  }
  return zipSync(files, { level: 6, mtime: ZIP_DATE })
}

function fixXml(xml: string): string {
  const ids = new Map<string, string>()
  return xml
    .replace(/\bct\d{6,}\b/g, (id) => ids.get(id) ?? (ids.set(id, `ct${ids.size + 1}`), `ct${ids.size}`))
    .replace(/(config:name="Rsid(?:Root)?" config:type="int">)\d+/g, '$11')
    .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$12025-10-15T03:00:00Z')
    .replace(/(<(?:meta:creation-date|dc:date)>)[^<]*/g, '$12025-10-15T03:00:00')
    .replace(/<meta:editing-duration>[^<]*<\/meta:editing-duration>/g, '')
    .replace(/(<meta:generator>)[^<]*/g, '$1LibreOffice')
}
