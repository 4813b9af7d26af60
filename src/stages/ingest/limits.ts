/**
 * Caps on what one input may hold. Each is far beyond any real ITA report (a transcript of about
 * 100 KB, 300-1,500 lines, 10-30 pages scanned at 200-300 dpi) and small enough that no input can
 * exhaust the converter's memory or time. An input over a cap is refused with a message that
 * states the cap (exit 2); the PDF page-count and file-size limits are in `pdf/open-pdf.ts`.
 */
export interface InputLimits {
  /** Bytes of a transcript file. @default 5 MiB (a real report: about 100 KB) */
  readonly maxTranscriptBytes?: number
  /** Text lines and table rows of one document. @default 20,000 (a real report: 300-1,500) */
  readonly maxRows?: number
  /** Table cells of one document, spans counted. @default 200,000 (a real report: about 3,000) */
  readonly maxCells?: number
  /** Pixels of one page image, decoded or rendered. @default 100 million (A3 at 600 dpi is 70 million) */
  readonly maxPagePixels?: number
  /** Bytes of a .docx or .odt file. @default 200 MiB (a real report: 20-200 KB, more with pictures) */
  readonly maxDocumentBytes?: number
  /** Entries in a .docx or .odt archive. @default 10,000 (a real report: about 20) */
  readonly maxArchiveEntries?: number
  /** Uncompressed bytes of the parts read from a .docx or .odt. @default 100 MiB (a real report: under 2 MiB) */
  readonly maxArchiveBytes?: number
}

export const DEFAULT_INPUT_LIMITS = {
  maxTranscriptBytes: 5 * 1024 * 1024,
  maxRows: 20_000,
  maxCells: 200_000,
  maxPagePixels: 100_000_000,
  maxDocumentBytes: 200 * 1024 * 1024,
  maxArchiveEntries: 10_000,
  maxArchiveBytes: 100 * 1024 * 1024,
} as const satisfies Required<InputLimits>

/** `1.5 MiB`, `830 bytes`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${(n / 1024 / 1024).toFixed(1)} MiB`
}

/** `900 megapixels`, `0.4 megapixels`. */
export function formatPixels(n: number): string {
  const mp = n / 1_000_000
  return `${mp >= 10 ? Math.round(mp) : Number(mp.toFixed(1))} megapixels`
}
