/** A .docx or .odt, told apart by content (the zip's `mimetype`, or `word/document.xml`). */
import type { Doc } from '../../model/document.js'
import { openOfficeFile, type ReadOfficeOptions } from './office-document.js'
import { readDocx } from './read-docx.js'
import { readOdt } from './read-odt.js'

export function readOfficeDocument(bytes: Uint8Array, options: ReadOfficeOptions): Doc {
  return openOfficeFile(bytes, options).kind === 'odt' ? readOdt(bytes, options) : readDocx(bytes, options)
}
