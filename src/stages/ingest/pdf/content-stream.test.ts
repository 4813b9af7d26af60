import { describe, expect, it } from 'vitest'
import { decodePdfTextString, parseContentStream } from './content-stream.js'

const enc = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'))

describe('parseContentStream', () => {
  it('reads marked content with inline property dictionaries and ActualText', () => {
    const ops = parseContentStream(enc('BT /Span<</ActualText <feff0e190e33> >> BDC 12 0 Td <0022> Tj EMC /P <</MCID 3>> BDC (a\\)b) Tj EMC ET'))
    expect(ops.map((o) => o.op)).toEqual(['BT', 'BDC', 'Td', 'Tj', 'EMC', 'BDC', 'Tj', 'EMC', 'ET'])
    const props = ops[1]!.operands[1] as { dict: Map<string, { bytes: Uint8Array }> }
    expect(decodePdfTextString(props.dict.get('ActualText')!.bytes)).toBe('นำ')
    expect(ops[6]!.operands).toEqual([{ bytes: enc('a)b') }])
  })

  it('skips inline image data and comments', () => {
    const ops = parseContentStream(enc('q BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EMC\xff EI Q % EMC in a comment\n/Artifact BMC EMC'))
    expect(ops.map((o) => o.op)).toEqual(['q', 'BI', 'Q', 'BMC', 'EMC'])
  })

  it('never throws on junk', () => {
    expect(() => parseContentStream(enc('<< /A [1 2 (unterminated'))).not.toThrow()
    expect(() => parseContentStream(enc(') ] >> }{ 1.2.3 -'))).not.toThrow()
  })
})
