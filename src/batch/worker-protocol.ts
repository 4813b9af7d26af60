/**
 * Messages between the batch runner and its converter processes, and the loop a converter
 * process runs. One process converts one file at a time; the parent decides when to kill it.
 */
import type { StageEvent } from '../model/stage.js'
import type { Report } from '../report/schema.js'
import { toErrorRecord } from './error-record.js'
import type { ErrorRecord } from './manifest.js'

/** Options that cross to the worker: plain data only. */
export interface WorkerConvertOptions {
  readonly check?: boolean
  readonly ocr?: 'auto' | 'always' | 'never'
  /** OCR worker threads per file. @default CPU cores / jobs (at least 1), so parallel files share the cores */
  readonly ocrWorkers?: number
}

export interface ConvertRequest {
  type: 'convert'
  id: number
  /** Path as the report should name it (relative to the working folder when inside it). */
  file: string
  options: WorkerConvertOptions
}

export type WorkerReply =
  | { type: 'event'; id: number; event: StageEvent }
  | { type: 'result'; id: number; ok: true; report: Report; maxRssKb: number }
  | { type: 'result'; id: number; ok: false; error: ErrorRecord; maxRssKb: number }

export type ConvertOne = (file: string, options: WorkerConvertOptions & { log: (event: StageEvent) => void }) => Promise<Report>

function send(message: WorkerReply): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve()
    process.send(message, undefined, {}, () => resolve())
  })
}

/** The body of a converter process: answer each `convert` request with one `result`. */
export function serveConversions(convert: ConvertOne): void {
  if (!process.send) throw new Error('serveConversions must run in a process started with an IPC channel (child_process.fork)')
  // The parent died or closed the channel (even by kill -9): nobody will read our results.
  process.on('disconnect', () => process.exit(0))
  // Ctrl-C reaches the whole process group; the parent decides what to stop and kills us itself,
  // so an interrupted file is not mistaken for a crashed one.
  process.on('SIGINT', () => {})
  process.on('message', (message: ConvertRequest) => {
    if (message?.type !== 'convert') return
    const { id, file, options } = message
    const log = (event: StageEvent) => {
      if (event.page !== undefined) void send({ type: 'event', id, event })
    }
    convert(file, { ...options, log }).then(
      (report) => send({ type: 'result', id, ok: true, report, maxRssKb: process.resourceUsage().maxRSS }),
      (error: unknown) => send({ type: 'result', id, ok: false, error: toErrorRecord(error, file), maxRssKb: process.resourceUsage().maxRSS }),
    )
  })
}
