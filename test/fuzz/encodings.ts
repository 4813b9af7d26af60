/** Encoders Node lacks, for tests: the legacy Thai encoding and big-endian UTF-16. */

/** Windows-874 (TIS-620) bytes of `text`, from the decoder's own table. */
export function encodeWindows874(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-874')
  const table = new Map<string, number>()
  for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b)
  return Uint8Array.from([...text].map((ch) => {
    const byte = ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : table.get(ch)
    if (byte === undefined) throw new RangeError(`${JSON.stringify(ch)} has no Windows-874 byte`)
    return byte
  }))
}

export const encodeUtf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16()
