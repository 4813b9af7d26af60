/**
 * The one place exit codes are chosen. Commands return an `Outcome` (what happened, as data the
 * library gave them); `exitCodeOf` turns it into the code of the README's table, modelled on
 * OCRmyPDF's ExitCode.
 */
import { PipelineError, type FailureKind } from '../errors.js'
import type { BatchSummary } from '../batch/run-batch.js'
import type { CheckResult } from '../stages/check/format/result.js'

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

const CODE_OF_KIND: Record<FailureKind, ExitCode> = {
  'input-file': ExitCode.inputFile,
  'missing-dependency': ExitCode.missingDependency,
  'ocr-engine': ExitCode.ocrEngine,
  'invalid-output': ExitCode.invalidOutput,
  'file-access': ExitCode.fileAccess,
  'bad-args': ExitCode.badArgs,
  timeout: ExitCode.timeout,
  other: ExitCode.otherError,
}

/** What a command did, as far as its exit code is concerned. */
export type Outcome =
  /** Done, nothing to report (help, a server or worker stopped by SIGTERM, queue status). */
  | { type: 'ok' }
  /** Stopped by Ctrl-C or SIGTERM before it finished. */
  | { type: 'interrupted' }
  /** No command given: the usage was printed to stderr. */
  | { type: 'no-command' }
  /** The command threw. */
  | { type: 'failed'; error: unknown }
  /** One file converted: `partial` when sections, indicators or pages could not be read. */
  | { type: 'converted'; partial: boolean }
  /** `check`'s results, one per input. */
  | { type: 'checked'; results: readonly CheckResult[] }
  /** A batch (`convert` of many files, `queue wait`). */
  | { type: 'batch'; summary: BatchSummary }
  /** `queue add`: how many inputs there were, and which could not be queued. */
  | { type: 'queued'; inputs: number; unreadable: readonly { error: { kind: FailureKind } }[] }

export function exitCodeOf(outcome: Outcome): ExitCode {
  switch (outcome.type) {
    case 'ok':
      return ExitCode.ok
    case 'interrupted':
      return ExitCode.interrupted
    case 'no-command':
      return ExitCode.badArgs
    case 'failed':
      return errorCode(outcome.error)
    case 'converted':
      return outcome.partial ? ExitCode.partialSuccess : ExitCode.ok
    case 'checked':
      return checkCode(outcome.results)
    case 'batch':
      return batchCode(outcome.summary)
    case 'queued':
      if (outcome.unreadable.length === 0) return ExitCode.ok
      return outcome.unreadable.length < outcome.inputs ? ExitCode.partialSuccess : ExitCode.inputFile
  }
}

/** Ctrl-C or SIGTERM aborted the command's signal, and what was running threw its reason. */
export function isInterruption(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

function errorCode(error: unknown): ExitCode {
  if (error instanceof PipelineError) return CODE_OF_KIND[error.kind]
  if (isInterruption(error)) return ExitCode.interrupted
  return ExitCode.otherError
}

/** 2 when an input could not be read, else 1 when any report has error findings, else 0. */
function checkCode(results: readonly CheckResult[]): ExitCode {
  if (results.some((r) => r.error)) return ExitCode.inputFile
  if (results.some((r) => r.findings.some((f) => f.severity === 'error'))) return ExitCode.checksFailed
  return ExitCode.ok
}

/** 0 all converted, 8 some failed (or their reviews could not be written), else the failures' one code (2 when they differ), 130 interrupted. */
function batchCode(summary: BatchSummary): ExitCode {
  if (summary.interrupted) return ExitCode.interrupted
  if (summary.failures.length === 0) return (summary.reviews?.failed.length ?? 0) > 0 ? ExitCode.partialSuccess : ExitCode.ok
  if (summary.documents > 0) return ExitCode.partialSuccess
  const codes = new Set(summary.failures.map((f) => CODE_OF_KIND[f.error.kind]))
  return codes.size === 1 ? [...codes][0]! : ExitCode.inputFile
}
