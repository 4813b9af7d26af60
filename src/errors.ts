/**
 * The error classes the library throws. Each says what kind of failure it is (`kind`, data the
 * CLI maps to an exit code in `cli/exit-code.ts`, the one place exit codes are chosen) and a
 * stable `code` (`E_...`) for records and scripts.
 */
import * as z from 'zod'

/** What kind of failure an error is: one value per row of the README's exit-code table that an error can cause. */
export const FailureKindSchema = z.enum([
  /** An input could not be read: empty, corrupt, encrypted, not an ITA report. */
  'input-file',
  /** Something the pipeline needs is not installed or not reachable (Thai OCR data, the queue's Redis). */
  'missing-dependency',
  /** The OCR engine crashed or a worker died. */
  'ocr-engine',
  /** The result failed the report schema: a bug in a stage, never the user's fault. */
  'invalid-output',
  /** The output could not be written. */
  'file-access',
  'bad-args',
  'timeout',
  'other',
])
export type FailureKind = z.infer<typeof FailureKindSchema>

export interface ErrorDetails {
  /** The input file the error is about, when there is one. */
  file?: string
  stage?: string
  page?: number
  cause?: unknown
}

export class PipelineError extends Error {
  readonly kind: FailureKind = 'other'
  readonly code: string = 'E_PIPELINE'
  readonly file: string | undefined
  readonly stage: string | undefined
  readonly page: number | undefined
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = new.target.name
    this.file = details.file
    this.stage = details.stage
    this.page = details.page
  }
}

export class InputFileError extends PipelineError {
  override readonly kind: FailureKind = 'input-file'
  override readonly code: string = 'E_INPUT_FILE'
}

/** The input is empty (zero bytes or only white space). */
export class EmptyInputError extends InputFileError {
  override readonly code: string = 'E_EMPTY_INPUT'
}

/** The input is not a kind of file ita-extract reads (binary where text was expected, unknown format). */
export class UnsupportedInputError extends InputFileError {
  override readonly code: string = 'E_UNSUPPORTED_INPUT'
}

/** The input was read, but it is not an ITA improvement report. */
export class NotAReportError extends InputFileError {
  override readonly code: string = 'E_NOT_A_REPORT'
}

/** The input is over one of the caps in `stages/ingest/limits.ts` (size, lines, cells, pixels). */
export class InputTooLargeError extends InputFileError {
  override readonly code: string = 'E_INPUT_TOO_LARGE'
}

/** The document holds several reports one after another (a merged archive): each needs its own file. */
export class SeveralReportsError extends InputFileError {
  override readonly code: string = 'E_SEVERAL_REPORTS'
}

/** The PDF needs a password to open. */
export class EncryptedPdfError extends InputFileError {
  override readonly code: string = 'E_ENCRYPTED_PDF'
}

/** The file claims to be a PDF (or is named like one) but cannot be parsed: truncated, damaged, or not a PDF at all. */
export class CorruptPdfError extends InputFileError {
  override readonly code: string = 'E_CORRUPT_PDF'
}

/** A .docx or .odt whose zip or XML is damaged. */
export class CorruptDocumentError extends InputFileError {
  override readonly code: string = 'E_CORRUPT_DOCUMENT'
}

/** A legacy binary Word file or a password-protected Office file (both OLE compound files). */
export class OleDocumentError extends InputFileError {
  override readonly code: string = 'E_OLE_DOCUMENT'
}

/** The PDF opens but has no pages. */
export class EmptyPdfError extends InputFileError {
  override readonly code: string = 'E_EMPTY_PDF'
}

/** The PDF is over the page-count or file-size limit. */
export class PdfTooLargeError extends InputFileError {
  override readonly code: string = 'E_PDF_TOO_LARGE'
}

export class MissingDependencyError extends PipelineError {
  override readonly kind: FailureKind = 'missing-dependency'
  override readonly code: string = 'E_MISSING_DEPENDENCY'
}

/** The queue's Redis server cannot be reached (a missing dependency). */
export class QueueUnavailableError extends MissingDependencyError {
  override readonly code: string = 'E_QUEUE_UNAVAILABLE'
}

export class OcrEngineError extends PipelineError {
  override readonly kind: FailureKind = 'ocr-engine'
  override readonly code: string = 'E_OCR_ENGINE'
}

export class InvalidOutputError extends PipelineError {
  override readonly kind: FailureKind = 'invalid-output'
  override readonly code: string = 'E_INVALID_OUTPUT'
}

export class FileAccessError extends PipelineError {
  override readonly kind: FailureKind = 'file-access'
  override readonly code: string = 'E_FILE_ACCESS'
}

export class BadArgsError extends PipelineError {
  override readonly kind: FailureKind = 'bad-args'
  override readonly code: string = 'E_BAD_ARGS'
}

export class TimeoutError extends PipelineError {
  override readonly kind: FailureKind = 'timeout'
  override readonly code: string = 'E_TIMEOUT'
}

/** A batch converter process died while converting a file (native crash, out of memory, exit). */
export class WorkerCrashedError extends PipelineError {
  override readonly code: string = 'E_WORKER_CRASHED'
}
