/**
 * The interface between page sources (PDF pages, image files) and the OCR stage. A page image
 * goes in; a page of the shared document model (lines and tables with OCR provenance) comes out.
 */
import type { DocIssue, Page } from '../../model/document.js'

export interface PageImage {
  /** 1-based page number in the source document. */
  readonly page: number
  /** Page size in PDF points (for converting pixel boxes to points). */
  readonly width: number
  readonly height: number
  /** Resolution of `image`, pixels per inch. */
  readonly dpi: number
  /** Encoded image bytes. */
  readonly image: Uint8Array
  readonly mime: 'image/png' | 'image/jpeg' | 'image/tiff'
}

export interface OcrResult {
  /** One page per input image, in input order. A page that failed is absent and has an issue. */
  readonly pages: Page[]
  readonly issues: DocIssue[]
  /** The engine that read the pages (`OcrEngine.name`). */
  readonly engine?: string
}
