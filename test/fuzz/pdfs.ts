/**
 * PDFs made in code for the hostile-input tests: a page holding one image of any size, colour
 * space and filter, written with pdf-lib's low-level objects (no decoding, no re-encoding).
 */
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { deflateRepeated, makePng } from '../../tools/png-images.js'

export interface ImagePageSpec {
  /** Pixels. */
  readonly width: number
  readonly height: number
  /** @default 8 */
  readonly bitsPerComponent?: number
  /** @default 'DeviceGray' */
  readonly colorSpace?: 'DeviceGray' | 'DeviceRGB' | 'DeviceCMYK'
  /** The image stream as stored; without it, rows of 0xff are deflated (FlateDecode). */
  readonly stream?: { readonly filter: string; readonly data: Uint8Array; readonly decodeParms?: Record<string, number | boolean> }
  /** Page size in points. @default A4 */
  readonly page?: readonly [number, number]
}

const COMPONENTS = { DeviceGray: 1, DeviceRGB: 3, DeviceCMYK: 4 } as const

/** A one-page PDF whose page is that image, drawn over the whole page. */
export async function makeImagePdf(spec: ImagePageSpec): Promise<Uint8Array> {
  const { width, height, bitsPerComponent = 8, colorSpace = 'DeviceGray', page = [595.28, 841.89] } = spec
  let stream = spec.stream
  if (!stream) {
    const rowBytes = Math.ceil((width * COMPONENTS[colorSpace] * bitsPerComponent) / 8)
    const rows = Math.max(1, Math.min(height, Math.floor((8 << 20) / rowBytes)))
    stream = { filter: 'FlateDecode', data: await deflateRepeated(Buffer.alloc(rows * rowBytes, 0xff), rowBytes, height) }
  }
  const doc = await PDFDocument.create()
  const dict = doc.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: bitsPerComponent,
    ColorSpace: colorSpace,
    Filter: stream.filter,
    Length: stream.data.length,
    ...(stream.decodeParms ? { DecodeParms: doc.context.obj(stream.decodeParms) } : {}),
  })
  const image = doc.context.register(PDFRawStream.of(dict, stream.data))
  const pdfPage = doc.addPage([page[0], page[1]])
  pdfPage.node.setXObject(PDFName.of('Im0'), image)
  pdfPage.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(`q ${page[0]} 0 0 ${page[1]} 0 0 cm /Im0 Do Q`)))
  return doc.save({ useObjectStreams: false })
}

/** A one-page PDF of the given size (points), covered by a tiny image: a scan-like page that would go to OCR. */
export async function makeBigPagePdf(widthPt: number, heightPt: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const pdfPage = doc.addPage([widthPt, heightPt])
  pdfPage.drawImage(await doc.embedPng(await makePng({ width: 2, height: 2 })), { x: 0, y: 0, width: widthPt, height: heightPt })
  return doc.save({ useObjectStreams: false })
}
