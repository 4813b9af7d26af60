/**
 * Prints an HTML file to PDF with headless Chromium, then rewrites the PDF's metadata (dates,
 * producer, document ID) to fixed values so that the same HTML gives the same bytes.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib'

const run = promisify(execFile)

export interface PrintOptions {
  /** Chromium executable. @default 'chromium' */
  readonly chromium?: string
  /** Give up after this long. @default 120_000 */
  readonly timeoutMs?: number
}

export async function printHtmlToPdf(htmlPath: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const { chromium = 'chromium', timeoutMs = 120_000 } = options
  const work = await mkdtemp(join(tmpdir(), 'ita-samples-chromium-'))
  const out = join(work, 'out.pdf')
  try {
    await run(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--font-render-hinting=none',
        `--user-data-dir=${join(work, 'profile')}`,
        `--print-to-pdf=${out}`,
        `file://${htmlPath}`,
      ],
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
    ).catch((cause: unknown) => {
      throw new Error(`Chromium could not print ${htmlPath} (is the Debian package "chromium" installed?)`, { cause })
    })
    return new Uint8Array(await readFile(out))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

export interface FixedMetadata {
  readonly title: string
  readonly subject?: string
  readonly creator: string
  readonly producer: string
  readonly date: Date
  /** Seeds the document ID, e.g. a hash of the input. */
  readonly idSeed: string
}

/** Replaces the Info dictionary and trailer ID with fixed values; drops any XMP stream. */
export async function withFixedMetadata(pdf: Uint8Array, meta: FixedMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  setFixedMetadata(doc, meta)
  return doc.save({ useObjectStreams: false })
}

export function setFixedMetadata(doc: PDFDocument, meta: FixedMetadata): void {
  doc.catalog.delete(PDFName.of('Metadata'))
  dropStructureIds(doc)
  doc.setTitle(meta.title)
  if (meta.subject) doc.setSubject(meta.subject)
  doc.setCreator(meta.creator)
  doc.setProducer(meta.producer)
  doc.setCreationDate(meta.date)
  doc.setModificationDate(meta.date)
  const id = createHash('md5').update(meta.idSeed).digest('hex')
  const ids = PDFArray.withContext(doc.context)
  ids.push(PDFHexString.of(id))
  ids.push(PDFHexString.of(id))
  doc.context.trailerInfo.ID = ids
}

/**
 * Chromium names tagged-PDF structure elements after DOM node ids (`/ID (node00000021)`), which
 * vary by one between otherwise identical prints. The ids are optional (only an /IDTree uses
 * them), so they go, with the tree.
 */
function dropStructureIds(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  const tree = root?.get(PDFName.of('IDTree'))
  if (!root || tree === undefined) return
  root.delete(PDFName.of('IDTree'))
  const drop = (node: unknown): void => {
    const dict = node instanceof PDFRef ? doc.context.lookup(node) : node
    if (dict instanceof PDFDict) dict.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray().forEach(drop)
    if (node instanceof PDFRef) doc.context.delete(node)
  }
  drop(tree)
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('StructElem')) object.delete(PDFName.of('ID'))
  }
}
