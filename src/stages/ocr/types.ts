/**
 * What the OCR stage gives: a page image (`model/page-image.ts`) goes in; a page of the shared
 * document model (lines and tables with OCR provenance) comes out.
 */
import type { DocIssue, Page } from '../../model/document.js'

export interface OcrResult {
  /** One page per input image, in input order. A page that failed is absent and has an issue. */
  readonly pages: Page[]
  readonly issues: DocIssue[]
  /** The engine that read the pages (`OcrEngine.name`). */
  readonly engine?: string
}
