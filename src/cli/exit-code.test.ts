import { describe, expect, it } from 'vitest'
import { ForwardedError, toErrorRecord } from '../batch/error-record.js'
import { BadArgsError, EncryptedPdfError, FailureKindSchema, FileAccessError, MissingDependencyError, OcrEngineError, PipelineError, TimeoutError, WorkerCrashedError } from '../errors.js'
import type { Finding } from '../report/schema.js'
import { ExitCode, exitCodeOf } from './exit-code.js'

describe('exitCodeOf', () => {
  it.each([
    [new EncryptedPdfError('x.pdf: encrypted'), ExitCode.inputFile],
    [new MissingDependencyError('no tha.traineddata'), ExitCode.missingDependency],
    [new OcrEngineError('crashed'), ExitCode.ocrEngine],
    [new FileAccessError('read-only'), ExitCode.fileAccess],
    [new BadArgsError('--jobs zero'), ExitCode.badArgs],
    [new TimeoutError('slow'), ExitCode.timeout],
    [new WorkerCrashedError('died'), ExitCode.otherError],
    [new DOMException('interrupted', 'AbortError'), ExitCode.interrupted],
    [new TypeError('a bug'), ExitCode.otherError],
  ])('%s -> %i', (error, code) => {
    expect(exitCodeOf({ type: 'failed', error })).toBe(code)
  })

  it('gives every kind of failure its own code of the table, none 0', () => {
    const codes = FailureKindSchema.options.map((kind) => exitCodeOf({ type: 'failed', error: new ForwardedError({ name: 'E', code: 'E', kind, message: 'm' }) }))
    expect(codes).not.toContain(ExitCode.ok)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('check: 2 for an unreadable input before 1 for error findings', () => {
    const error = { rule: 'total-score-mismatch', severity: 'error' } as Finding
    expect(exitCodeOf({ type: 'checked', results: [{ file: 'a', findings: [] }] })).toBe(ExitCode.ok)
    expect(exitCodeOf({ type: 'checked', results: [{ file: 'a', findings: [error] }] })).toBe(ExitCode.checksFailed)
    expect(exitCodeOf({ type: 'checked', results: [{ file: 'a', findings: [error] }, { file: 'b', findings: [], error: { code: 'E', message: 'm' } }] })).toBe(ExitCode.inputFile)
  })

  it('convert and queue add: partial results are 8, nothing done is 2', () => {
    expect(exitCodeOf({ type: 'converted', partial: true })).toBe(ExitCode.partialSuccess)
    expect(exitCodeOf({ type: 'converted', partial: false })).toBe(ExitCode.ok)
    const unreadable = { error: { kind: 'input-file' as const } }
    expect(exitCodeOf({ type: 'queued', inputs: 2, unreadable: [unreadable] })).toBe(ExitCode.partialSuccess)
    expect(exitCodeOf({ type: 'queued', inputs: 1, unreadable: [unreadable] })).toBe(ExitCode.inputFile)
  })
})

describe('ForwardedError', () => {
  it('keeps the kind, code and stack of the error thrown in the other process', () => {
    const original = new OcrEngineError('tesseract died', { stage: 'ocr', page: 3 })
    const forwarded = new ForwardedError(toErrorRecord(original, 'page 3', { stack: true }))
    expect(forwarded).toBeInstanceOf(PipelineError)
    expect(forwarded).toMatchObject({ name: 'OcrEngineError', code: 'E_OCR_ENGINE', kind: 'ocr-engine', page: 3, message: 'tesseract died' })
    expect(forwarded.stack).toBe(original.stack)
  })

  it('the manifest record has no stack', () => {
    expect(toErrorRecord(new OcrEngineError('x'), 'f')).not.toHaveProperty('stack')
  })
})
