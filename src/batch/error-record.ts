import { ExitCode, PipelineError } from '../errors.js'
import type { ErrorRecord } from './manifest.js'

/** An error as data, so it can cross a process boundary and be written to the manifest. */
export function toErrorRecord(error: unknown, file: string): ErrorRecord {
  if (error instanceof PipelineError) {
    return {
      name: error.name,
      code: error.code,
      exitCode: error.exitCode,
      message: error.message,
      ...(error.stage === undefined ? {} : { stage: error.stage }),
      ...(error.page === undefined ? {} : { page: error.page }),
    }
  }
  const name = error instanceof Error ? error.name : 'Error'
  const message = error instanceof Error ? error.message : String(error)
  // Not a PipelineError: a bug. Keep the file name in the one-line message.
  return { name, code: 'E_UNEXPECTED', exitCode: ExitCode.otherError, message: message.includes(file) ? message : `${file}: ${message}` }
}

/** An error that happened in another process, thrown again here with its code and exit code. */
export class ForwardedError extends PipelineError {
  override readonly exitCode: ExitCode
  override readonly code: string
  constructor(record: ErrorRecord) {
    super(record.message, { ...(record.stage === undefined ? {} : { stage: record.stage }), ...(record.page === undefined ? {} : { page: record.page }) })
    this.name = record.name
    this.code = record.code
    this.exitCode = record.exitCode
  }
}
