/**
 * A page as an image: what the PDF and image readers give (scanned pages, image files) and the
 * OCR stage reads into a page of the document model. In the model, not in a stage, since readers,
 * OCR and the review's page crops all use it.
 */
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
