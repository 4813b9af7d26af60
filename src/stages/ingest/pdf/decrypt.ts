/**
 * Decrypts a PDF that opens without a password (an owner password only: "protected against
 * editing", common in government archives) inside pdf-lib's object graph, so the raw-object
 * readers (`/ActualText`, embedded scan JPEGs) see what pdf.js sees. pdf.js decrypts by itself;
 * pdf-lib does not, and without this the ActualText spans are ciphertext.
 *
 * The PDF standard security handler with the empty user password (ISO 32000-2 7.6.4): revisions
 * 2-4 (RC4 40-128 bit, AES-128) and 5-6 (AES-256). A file that needs a user password never gets
 * here: pdf.js refuses it first (EncryptedPdfError).
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto'
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFInvalidObject,
  PDFObjectParser,
  PDFObjectStreamParser,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib'

export type DecryptResult = 'not-encrypted' | 'decrypted' | 'unsupported'

type Method = 'rc4' | 'aes-128' | 'aes-256' | 'identity'

interface Handler {
  readonly key: Uint8Array
  readonly streams: Method
  readonly strings: Method
  readonly encryptMetadata: boolean
  readonly revision: number
}

/** PDF's password padding string (Algorithm 2, step a). */
const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
])

export async function decryptPdf(doc: PDFDocument): Promise<DecryptResult> {
  const encryptRef = doc.context.trailerInfo.Encrypt
  if (!encryptRef) return 'not-encrypted'
  const encrypt = encryptRef instanceof PDFRef ? doc.context.lookup(encryptRef) : encryptRef
  if (!(encrypt instanceof PDFDict)) return 'unsupported'
  const handler = standardHandler(encrypt, firstId(doc))
  if (!handler) return 'unsupported'
  const objectStreams: PDFRawStream[] = []
  for (const [ref, found] of doc.context.enumerateIndirectObjects()) {
    if (found === encrypt) continue
    const object = found instanceof PDFInvalidObject ? reparse(found, doc) : found
    if (object instanceof PDFRawStream) {
      const type = object.dict.lookup(PDFName.of('Type'))
      if (type === PDFName.of('XRef')) continue
      decryptStrings(object.dict, handler, ref)
      const skip = (type === PDFName.of('Metadata') && !handler.encryptMetadata) || hasIdentityCrypt(object.dict)
      const stream = skip ? object : PDFRawStream.of(object.dict, decrypt(object.contents, handler.streams, handler, ref))
      doc.context.assign(ref, stream)
      if (type === PDFName.of('ObjStm')) objectStreams.push(stream)
    } else decryptStrings(object, handler, ref)
  }
  // Objects inside an object stream could not be parsed while it was ciphertext; they are plain inside it.
  for (const stream of objectStreams) await PDFObjectStreamParser.forStream(stream).parseIntoContext()
  delete doc.context.trailerInfo.Encrypt
  return 'decrypted'
}

/**
 * pdf-lib parses an object stream as it loads, which fails on ciphertext: the stream is kept as an
 * invalid object holding its bytes (`<< ... >> stream ... endstream`). Parse them again as a stream.
 */
function reparse(invalid: PDFInvalidObject, doc: PDFDocument): PDFObject {
  const bytes = new Uint8Array(invalid.sizeInBytes())
  invalid.copyBytesInto(bytes, 0)
  try {
    return PDFObjectParser.forBytes(bytes, doc.context).parseObject()
  } catch {
    return invalid
  }
}

function firstId(doc: PDFDocument): Uint8Array {
  const ids = doc.context.trailerInfo.ID
  const array = ids instanceof PDFRef ? doc.context.lookup(ids) : ids
  const first = array instanceof PDFArray ? array.lookup(0) : undefined
  return first instanceof PDFHexString || first instanceof PDFString ? first.asBytes() : new Uint8Array()
}

function standardHandler(encrypt: PDFDict, id: Uint8Array): Handler | undefined {
  if (encrypt.lookup(PDFName.of('Filter')) !== PDFName.of('Standard')) return undefined
  const num = (key: string): number | undefined => {
    const v = encrypt.lookup(PDFName.of(key))
    return v instanceof PDFNumber ? v.asNumber() : undefined
  }
  const bytes = (key: string): Uint8Array => {
    const v = encrypt.lookup(PDFName.of(key))
    return v instanceof PDFHexString || v instanceof PDFString ? v.asBytes() : new Uint8Array()
  }
  const v = num('V') ?? 0
  const revision = num('R') ?? 0
  const encryptMetadata = encrypt.lookup(PDFName.of('EncryptMetadata'))?.toString() !== 'false'
  const methodOf = (filterKey: string): Method => {
    if (v < 4) return 'rc4'
    const name = encrypt.lookup(PDFName.of(filterKey))
    if (!(name instanceof PDFName) || name === PDFName.of('Identity')) return 'identity'
    const cf = encrypt.lookup(PDFName.of('CF'))
    const filter = cf instanceof PDFDict ? cf.lookup(name) : undefined
    const cfm = filter instanceof PDFDict ? filter.lookup(PDFName.of('CFM')) : undefined
    if (cfm === PDFName.of('AESV2')) return 'aes-128'
    if (cfm === PDFName.of('AESV3')) return 'aes-256'
    if (cfm === PDFName.of('V2')) return 'rc4'
    return 'identity'
  }
  const [streams, strings] = [methodOf('StmF'), methodOf('StrF')]
  const o = bytes('O')
  const u = bytes('U')
  if (revision >= 5) {
    const key = aes256Key(u, bytes('UE'), revision)
    return key && { key, streams, strings, encryptMetadata, revision }
  }
  const length = revision === 2 ? 5 : (num('Length') ?? 40) / 8
  const key = rc4Key(o, num('P') ?? 0, id, length, revision, encryptMetadata)
  return userKeyMatches(key, u, id, revision) ? { key, streams, strings, encryptMetadata, revision } : undefined
}

/** Algorithm 2: the file key from the (empty) user password. */
function rc4Key(o: Uint8Array, p: number, id: Uint8Array, length: number, revision: number, encryptMetadata: boolean): Uint8Array {
  const pBytes = Buffer.alloc(4)
  pBytes.writeInt32LE(p | 0)
  const md5 = createHash('md5').update(PAD).update(o.subarray(0, 32)).update(pBytes).update(id)
  if (revision >= 4 && !encryptMetadata) md5.update(Buffer.from([0xff, 0xff, 0xff, 0xff]))
  let hash: Uint8Array = md5.digest()
  if (revision >= 3) for (let k = 0; k < 50; k++) hash = createHash('md5').update(hash.subarray(0, length)).digest()
  return hash.subarray(0, length)
}

/** Algorithms 4 and 5: the empty password is the user password when U is what it makes. */
function userKeyMatches(key: Uint8Array, u: Uint8Array, id: Uint8Array, revision: number): boolean {
  if (revision === 2) return Buffer.from(rc4(key, PAD)).equals(Buffer.from(u.subarray(0, 32)))
  let x: Uint8Array = rc4(key, createHash('md5').update(PAD).update(id).digest())
  for (let i = 1; i <= 19; i++) x = rc4(key.map((b) => b ^ i), x)
  return Buffer.from(x).equals(Buffer.from(u.subarray(0, 16)))
}

/** Algorithm 2.A with the empty password: check U's validation salt, then unwrap UE. */
function aes256Key(u: Uint8Array, ue: Uint8Array, revision: number): Uint8Array | undefined {
  const empty = new Uint8Array()
  if (u.length < 48 || ue.length < 32) return undefined
  if (!Buffer.from(hash2B(empty, u.subarray(32, 40), revision)).equals(Buffer.from(u.subarray(0, 32)))) return undefined
  const intermediate = hash2B(empty, u.subarray(40, 48), revision)
  const decipher = createDecipheriv('aes-256-cbc', intermediate, Buffer.alloc(16))
  decipher.setAutoPadding(false)
  return Buffer.concat([decipher.update(ue.subarray(0, 32)), decipher.final()])
}

/** Algorithm 2.B (revision 6); plain SHA-256 for revision 5. User password, so no U data mixed in. */
function hash2B(password: Uint8Array, salt: Uint8Array, revision: number): Uint8Array {
  let k: Uint8Array = createHash('sha256').update(password).update(salt).digest()
  if (revision === 5) return k
  for (let round = 0; ; round++) {
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([password, k])))
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32))
    cipher.setAutoPadding(false)
    const e = Buffer.concat([cipher.update(k1), cipher.final()])
    const mod = e.subarray(0, 16).reduce((s, b) => s + b, 0) % 3
    k = createHash(['sha256', 'sha384', 'sha512'][mod]!).update(e).digest()
    if (round >= 63 && e[e.length - 1]! <= round - 31) break
  }
  return k.subarray(0, 32)
}

function objectKey(handler: Handler, method: Method, ref: PDFRef): Uint8Array {
  if (method === 'aes-256') return handler.key
  const extra = Buffer.alloc(5)
  extra.writeUIntLE(ref.objectNumber, 0, 3)
  extra.writeUIntLE(ref.generationNumber, 3, 2)
  const md5 = createHash('md5').update(handler.key).update(extra)
  if (method === 'aes-128') md5.update('sAlT')
  return md5.digest().subarray(0, Math.min(handler.key.length + 5, 16))
}

function decrypt(data: Uint8Array, method: Method, handler: Handler, ref: PDFRef): Uint8Array {
  if (method === 'identity' || data.length === 0) return data
  const key = objectKey(handler, method, ref)
  if (method === 'rc4') return rc4(key, data)
  if (data.length < 32 || data.length % 16 !== 0) return new Uint8Array() // an IV and no whole block: nothing to read
  const decipher = createDecipheriv(method === 'aes-256' ? 'aes-256-cbc' : 'aes-128-cbc', key, data.subarray(0, 16))
  try {
    return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()])
  } catch {
    // Bad padding: keep the blocks as they are (a damaged stream reads as damaged, not as nothing).
    const raw = createDecipheriv(method === 'aes-256' ? 'aes-256-cbc' : 'aes-128-cbc', key, data.subarray(0, 16))
    raw.setAutoPadding(false)
    return Buffer.concat([raw.update(data.subarray(16)), raw.final()])
  }
}

/** RC4 (node's OpenSSL no longer offers it). */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, k) => k)
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff
    ;[s[i], s[j]] = [s[j]!, s[i]!]
  }
  const out = new Uint8Array(data.length)
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff
    j = (j + s[i]!) & 0xff
    ;[s[i], s[j]] = [s[j]!, s[i]!]
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!
  }
  return out
}

/** Strings in an object are encrypted one by one with its object's key; they are replaced in place. */
function decryptStrings(object: PDFObject, handler: Handler, ref: PDFRef): void {
  const plain = (v: PDFObject): PDFObject | undefined =>
    v instanceof PDFString || v instanceof PDFHexString ? PDFHexString.of(Buffer.from(decrypt(v.asBytes(), handler.strings, handler, ref)).toString('hex')) : undefined
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const replaced = plain(value)
      if (replaced) object.set(key, replaced)
      else decryptStrings(value, handler, ref)
    }
  } else if (object instanceof PDFArray) {
    for (let k = 0; k < object.size(); k++) {
      const value = object.get(k)
      const replaced = plain(value)
      if (replaced) object.set(k, replaced)
      else decryptStrings(value, handler, ref)
    }
  }
}

function hasIdentityCrypt(dict: PDFDict): boolean {
  const filter = dict.lookup(PDFName.of('Filter'))
  const names = filter instanceof PDFArray ? filter.asArray() : [filter]
  return names.some((n) => n === PDFName.of('Crypt'))
}
