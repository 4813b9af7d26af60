/**
 * XML of word-processor files (.docx, .odt) parsed with fast-xml-parser into an ordered tree.
 * No entity expansion: a document type declaration is refused (neither format uses one), and only
 * XML's five predefined entities and character references are decoded, by us.
 */
import { XMLParser } from 'fast-xml-parser'
import { CorruptDocumentError } from '../../errors.js'

/** An element: its qualified name, attributes by qualified name, children in document order. */
export interface XElement {
  readonly name: string
  /** Local name (`p` for `w:p`, `table-cell` for `table:table-cell`). */
  readonly local: string
  readonly attrs: Readonly<Record<string, string>>
  readonly children: readonly XNode[]
}
export type XNode = XElement | string

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Tables nest in cells: deep documents are legal, but a cap keeps a hostile one from recursing without end.
  maxNestedTags: 1000,
  jPath: false,
} as ConstructorParameters<typeof XMLParser>[0])

/** Parses one part; damaged XML is a CorruptDocumentError naming the part. */
export function parseXml(bytes: Uint8Array, file: string, part: string): XElement {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (cause) {
    throw new CorruptDocumentError(`${file}: ${part} is not valid UTF-8`, { file, stage: 'ingest', cause })
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new CorruptDocumentError(`${file}: ${part} declares a document type or entities, which word-processor files never do`, { file, stage: 'ingest' })
  }
  let raw: unknown
  try {
    raw = parser.parse(text, true)
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new CorruptDocumentError(`${file}: damaged XML in ${part} (${reason})`, { file, stage: 'ingest', cause })
  }
  const root = toNodes(raw as RawNode[]).find((n): n is XElement => typeof n !== 'string')
  if (!root) throw new CorruptDocumentError(`${file}: ${part} has no XML element`, { file, stage: 'ingest' })
  return root
}

type RawNode = Record<string, unknown>

function toNodes(raw: readonly RawNode[]): XNode[] {
  const out: XNode[] = []
  for (const node of raw) {
    if ('#text' in node) {
      out.push(decodeEntities(String(node['#text'])))
      continue
    }
    const name = Object.keys(node).find((k) => k !== ':@')
    if (name === undefined || name.startsWith('?') || name === '#comment') continue
    const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>
    const attrs: Record<string, string> = {}
    for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = decodeEntities(String(v))
    out.push({ name, local: localName(name), attrs, children: toNodes((node[name] ?? []) as RawNode[]) })
  }
  return out
}

export const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1)

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** XML's predefined entities and character references; anything else is left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (!ref.startsWith('#')) return NAMED[ref]!
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/** An attribute by local name (`val` finds `w:val`). */
export function attr(el: XElement, local: string): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) if (localName(k) === local) return v
  return undefined
}

export const elements = (el: XElement): XElement[] => el.children.filter((c): c is XElement => typeof c !== 'string')

/** The first child element with this local name. */
export const child = (el: XElement | undefined, local: string): XElement | undefined => el?.children.find((c): c is XElement => typeof c !== 'string' && c.local === local)

/** Every descendant element with this local name, not looking inside matches. */
export function descendants(el: XElement, local: string): XElement[] {
  const out: XElement[] = []
  for (const c of elements(el)) {
    if (c.local === local) out.push(c)
    else out.push(...descendants(c, local))
  }
  return out
}
