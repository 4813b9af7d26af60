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
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'

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
  renumberStructureIds(doc)
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
 * Chromium names tagged-PDF structure elements after DOM node ids (`/ID (node00000021)`, referred
 * to by table cells' `/Headers`), and the numbers shift between otherwise identical prints. They
 * are renumbered in the order the elements are stored (node00000001, node00000002 ...), references
 * with them, and the /IDTree rebuilt from the new ids, so the same HTML gives the same bytes and the
 * cells keep their headers.
 */
function renumberStructureIds(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  if (!root) return
  const renamed = new Map<string, string>()
  const rename = (id: string) => renamed.get(id) ?? (renamed.set(id, `node${String(renamed.size + 1).padStart(8, '0')}`), renamed.get(id)!)
  const elements = doc.context.enumerateIndirectObjects().filter((e): e is [PDFRef, PDFDict] => e[1] instanceof PDFDict && e[1].get(PDFName.of('Type')) === PDFName.of('StructElem'))
  const owners: [string, PDFRef][] = []
  for (const [ref, element] of elements) {
    const id = element.get(PDFName.of('ID'))
    if (id instanceof PDFString || id instanceof PDFHexString) {
      const renumbered = rename(id.decodeText())
      element.set(PDFName.of('ID'), PDFString.of(renumbered))
      owners.push([renumbered, ref])
    }
  }
  for (const [, element] of elements) {
    const attributes = element.lookup(PDFName.of('A'))
    for (const a of attributes instanceof PDFArray ? attributes.asArray().map((x) => doc.context.lookup(x)) : [attributes]) {
      const headers = a instanceof PDFDict ? a.lookupMaybe(PDFName.of('Headers'), PDFArray) : undefined
      if (!headers) continue
      headers.asArray().forEach((h, i) => {
        if (h instanceof PDFString || h instanceof PDFHexString) headers.set(i, PDFString.of(rename(h.decodeText())))
      })
    }
  }
  dropTree(doc, root.get(PDFName.of('IDTree')))
  root.delete(PDFName.of('IDTree'))
  if (owners.length === 0) return
  owners.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const names = doc.context.obj(owners.flatMap(([id, ref]) => [PDFString.of(id), ref]))
  root.set(PDFName.of('IDTree'), doc.context.register(doc.context.obj({ Names: names })))
}

/** Deletes a name tree's nodes (an /IDTree about to be rebuilt). */
function dropTree(doc: PDFDocument, node: unknown): void {
  const dict = node instanceof PDFRef ? doc.context.lookup(node) : node
  if (dict instanceof PDFDict) dict.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray().forEach((kid) => dropTree(doc, kid))
  if (node instanceof PDFRef) doc.context.delete(node)
}
