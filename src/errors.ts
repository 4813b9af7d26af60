/**
 * One exit-code table for the whole CLI (modelled on OCRmyPDF's ExitCode) and the error classes
 * that carry those codes. The library throws these; only `cli/main.ts` turns them into exit codes.
 */
export const ExitCode = {
  ok: 0,
  /** `check` found error-severity findings: the document contradicts itself. */
  checksFailed: 1,
  /** An input could not be read: empty, corrupt, encrypted, not an ITA report. */
  inputFile: 2,
  /** Something the pipeline needs is not installed (e.g. Thai OCR data). */
  missingDependency: 3,
  /** The OCR engine crashed or a worker died. */
  ocrEngine: 4,
  /** The result failed the report schema: a bug in a stage, never the user's fault. */
  invalidOutput: 5,
  /** The output could not be written. */
  fileAccess: 6,
  /** Output written, but some pages or sections could not be read. */
  partialSuccess: 8,
  timeout: 9,
  otherError: 15,
  /** Bad command-line arguments (sysexits EX_USAGE). */
  badArgs: 64,
  interrupted: 130,
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

export interface ErrorDetails {
  /** The input file the error is about, when there is one. */
  file?: string
  stage?: string
  page?: number
  cause?: unknown
}

export class PipelineError extends Error {
  readonly exitCode: ExitCode = ExitCode.otherError
  readonly code: string = 'E_PIPELINE'
  readonly file?: string
  readonly stage?: string
  readonly page?: number
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = new.target.name
    this.file = details.file
    this.stage = details.stage
    this.page = details.page
  }
}

export class InputFileError extends PipelineError {
  override readonly exitCode: ExitCode = ExitCode.inputFile
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
  override readonly exitCode: ExitCode = ExitCode.missingDependency
  override readonly code: string = 'E_MISSING_DEPENDENCY'
}

/** The queue's Redis server cannot be reached (exit 3, like any missing dependency). */
export class QueueUnavailableError extends MissingDependencyError {
  override readonly code: string = 'E_QUEUE_UNAVAILABLE'
}

export class OcrEngineError extends PipelineError {
  override readonly exitCode: ExitCode = ExitCode.ocrEngine
  override readonly code: string = 'E_OCR_ENGINE'
}

export class InvalidOutputError extends PipelineError {
  override readonly exitCode: ExitCode = ExitCode.invalidOutput
  override readonly code: string = 'E_INVALID_OUTPUT'
}

export class FileAccessError extends PipelineError {
  override readonly exitCode: ExitCode = ExitCode.fileAccess
  override readonly code: string = 'E_FILE_ACCESS'
}

export class BadArgsError extends PipelineError {
  override readonly exitCode: ExitCode = ExitCode.badArgs
  override readonly code: string = 'E_BAD_ARGS'
}

export class TimeoutError extends PipelineError {
  override readonly exitCode: ExitCode = ExitCode.timeout
  override readonly code: string = 'E_TIMEOUT'
}

/** A batch converter process died while converting a file (native crash, out of memory, exit). */
export class WorkerCrashedError extends PipelineError {
  override readonly code: string = 'E_WORKER_CRASHED'
}
