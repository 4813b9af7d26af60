import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { readFileSync } from 'node:fs'
const data = new Uint8Array(readFileSync('samples/bankum/born-digital.pdf'))
const doc = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise
const p = await doc.getPage(1)
const tc = await p.getTextContent()
console.log(JSON.stringify(tc.items.slice(0,60).map((i: any) => i.str)))
