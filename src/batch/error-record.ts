import { PipelineError } from '../errors.js'
import type { ErrorRecord } from './manifest.js'

/**
 * An error as data, so it can cross a process boundary and be written to the manifest. With
 * `stack`, the record keeps the error's stack (for a process that throws it again, not for the
 * manifest).
 */
export function toErrorRecord(error: unknown, file: string, { stack = false } = {}): ErrorRecord {
  const withStack = stack && error instanceof Error && error.stack !== undefined ? { stack: error.stack } : {}
  if (error instanceof PipelineError) {
    return {
      name: error.name,
      code: error.code,
      kind: error.kind,
      message: error.message,
      ...(error.stage === undefined ? {} : { stage: error.stage }),
      ...(error.page === undefined ? {} : { page: error.page }),
      ...withStack,
    }
  }
  const name = error instanceof Error ? error.name : 'Error'
  const message = error instanceof Error ? error.message : String(error)
  // Not a PipelineError: a bug. Keep the file name in the one-line message.
  return { name, code: 'E_UNEXPECTED', kind: 'other', message: message.includes(file) ? message : `${file}: ${message}`, ...withStack }
}

/** An error that happened in another process, thrown again here with its code, kind and (when the record has it) stack. */
export class ForwardedError extends PipelineError {
  override readonly kind: ErrorRecord['kind']
  override readonly code: string
  constructor(record: ErrorRecord) {
    super(record.message, { ...(record.stage === undefined ? {} : { stage: record.stage }), ...(record.page === undefined ? {} : { page: record.page }) })
    this.name = record.name
    this.code = record.code
    this.kind = record.kind
    if (record.stack !== undefined) this.stack = record.stack
  }
}
