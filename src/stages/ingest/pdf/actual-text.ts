/**
 * Recovers `/ActualText` from a page's marked content, which pdf.js parses but does not return.
 *
 * Why: Chromium/Skia prints a shaped Thai cluster whose glyphs have no one-to-one Unicode (a tone
 * mark moved left or down over an upper vowel, as in ที่ or น้ำ; sara am drawn as nikhahit +
 * sara aa) as `/Span <</ActualText <FEFF...>>> BDC ... EMC` and maps those glyphs to U+0000 in
 * the font's ToUnicode CMap. pdf.js decodes glyph by glyph, so it returns NUL where the mark was
 * and nikhahit + sara aa for sara am. poppler honours ActualText, which is why pdftotext kept
 * every mark. We list the marked-content events in content order here; `text-runs.ts` lines them
 * up with pdf.js's own marked-content items and swaps in the ActualText.
 */
import { inflateSync } from 'node:zlib'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFStream, PDFString, decodePDFRawStream, type PDFObject } from 'pdf-lib'
import { quietly, quietlySync } from '../../../_internal/quiet-console.js'
import { decodePdfTextString, parseContentStream, type PdfValue } from './content-stream.js'
import { decryptPdf } from './decrypt.js'

export type MarkedContentEvent = { readonly kind: 'begin'; readonly tag: string; readonly actualText?: string } | { readonly kind: 'end' }

const MAX_FORM_DEPTH = 12

/** Marked-content events of every page, in the order pdf.js's getTextContent meets them. */
export function markedContentEvents(doc: PDFDocument, pageIndex: number): MarkedContentEvent[] {
  const page = doc.getPage(pageIndex)
  const resources = page.node.Resources()
  const contents = page.node.Contents()
  const streams: PDFStream[] = []
  if (contents instanceof PDFStream) streams.push(contents)
  else if (contents instanceof PDFArray) {
    for (let k = 0; k < contents.size(); k++) {
      const s = contents.lookup(k)
      if (s instanceof PDFStream) streams.push(s)
    }
  }
  const data = concat(streams.map(decodeStream))
  const events: MarkedContentEvent[] = []
  walk(data, resources, events, { level: 0 }, 0)
  return events
}

function walk(data: Uint8Array, resources: PDFDict | undefined, events: MarkedContentEvent[], state: { level: number }, depth: number): void {
  for (const { op, operands } of parseContentStream(data)) {
    switch (op) {
      case 'BMC':
        state.level++
        events.push({ kind: 'begin', tag: nameOf(operands[0]) ?? '' })
        break
      case 'BDC': {
        state.level++
        const props = propertiesOf(operands[1], resources)
        const actualText = props?.actualText
        events.push({ kind: 'begin', tag: nameOf(operands[0]) ?? '', ...(actualText === undefined ? {} : { actualText }) })
        break
      }
      case 'EMC':
        if (state.level > 0) {
          state.level--
          events.push({ kind: 'end' })
        }
        break
      case 'Do': {
        if (depth >= MAX_FORM_DEPTH) break
        const name = nameOf(operands[0])
        const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)
        const form = name === undefined ? undefined : xobjects?.lookupMaybe(PDFName.of(name), PDFStream)
        if (!form || form.dict.get(PDFName.of('Subtype'))?.toString() !== '/Form') break
        const formResources = form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources
        walk(decodeStream(form), formResources, events, state, depth + 1)
        break
      }
    }
  }
}

function propertiesOf(operand: PdfValue | undefined, resources: PDFDict | undefined): { actualText?: string } | undefined {
  if (operand && typeof operand === 'object' && 'dict' in operand) {
    const raw = operand.dict.get('ActualText')
    return raw && typeof raw === 'object' && 'bytes' in raw ? { actualText: decodePdfTextString(raw.bytes) } : {}
  }
  const name = nameOf(operand)
  if (name === undefined) return undefined
  const dict = resources?.lookupMaybe(PDFName.of('Properties'), PDFDict)?.lookupMaybe(PDFName.of(name), PDFDict)
  const text = dict?.lookup(PDFName.of('ActualText'))
  return text instanceof PDFString || text instanceof PDFHexString ? { actualText: text.decodeText() } : {}
}

function nameOf(v: PdfValue | undefined): string | undefined {
  return v && typeof v === 'object' && 'name' in v ? v.name : undefined
}

/** A stream's decoded bytes (filters applied); pdf-lib's own messages about damage are muted. */
export function decodeStream(stream: PDFObject): Uint8Array {
  if (stream instanceof PDFRawStream) {
    // zlib is many times faster than pdf-lib's JavaScript inflate; use it for the common case.
    const filter = stream.dict.lookup(PDFName.of('Filter'))
    if (filter instanceof PDFName && filter.asString() === '/FlateDecode' && !stream.dict.has(PDFName.of('DecodeParms'))) {
      try {
        return inflateSync(stream.contents)
      } catch {
        // fall through to pdf-lib, which tolerates some damaged streams
      }
    }
    return quietlySync(() => decodePDFRawStream(stream).decode())
  }
  if (stream instanceof PDFStream) return stream.getContents()
  return new Uint8Array()
}

function concat(parts: Uint8Array[]): Uint8Array {
  // Content streams split across an array are one stream joined by white space.
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    out[at + p.length] = 0x0a
    at += p.length + 1
  }
  return out
}

/**
 * Loads a PDF with pdf-lib for raw-object access (ActualText, embedded image bytes), decrypted
 * when it opens without a password (decrypt.ts). An encrypted file pdf-lib cannot decrypt is
 * refused: its raw objects would be ciphertext.
 */
export async function loadRawPdf(bytes: Uint8Array): Promise<PDFDocument> {
  // Parsed in one go (no yielding between objects), so the console is muted for pdf-lib alone.
  return quietly(async () => {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false, parseSpeed: Number.POSITIVE_INFINITY })
    if ((await decryptPdf(doc)) === 'unsupported') throw new Error('encrypted with a security handler pdf-lib cannot decrypt')
    return doc
  })
}
