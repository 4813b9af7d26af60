/**
 * Messages between the batch runner and its converter processes, and the loop a converter
 * process runs. One process converts one file at a time; the parent decides when to kill it.
 *
 * OCR is not done in the converter processes: they send each image to recognise to the runner,
 * which owns the one tesseract engine of the batch (ocr-host.ts), and await its reply
 * (remote-ocr-engine.ts). Images cross as Uint8Array thanks to `serialization: 'advanced'`.
 */
import type { OcrMode } from '../model/document.js'
import type { StageEvent } from '../model/stage.js'
import type { Report } from '../report/schema.js'
import type { OcrEngine, RecognizeOptions, RecognizedText } from '../stages/ocr/engine.js'
import { toErrorRecord } from './error-record.js'
import type { ErrorRecord } from './manifest.js'
import { createRemoteOcrEngine } from './remote-ocr-engine.js'

/** Options that cross to the worker: plain data only. */
export interface WorkerConvertOptions {
  readonly check?: boolean
  readonly ocr?: OcrMode
  /**
   * Pages of one file OCR'd at once; their images queue in the shared OCR pool, so two keep it
   * busy while the converter prepares the next page. @default 2
   */
  readonly ocrPagesInFlight?: number
  /** A page whose OCR takes longer than this fails (a `page-failed` issue), the file goes on. @default the OCR stage's 300 s */
  readonly pageTimeoutMs?: number
}

export interface ConvertRequest {
  type: 'convert'
  id: number
  /** Path as the report should name it (relative to the working folder when inside it). */
  file: string
  options: WorkerConvertOptions
}

export type WorkerReply =
  /** The process is listening: its start-up does not count against a file's time. */
  | { type: 'ready' }
  | { type: 'event'; id: number; event: StageEvent }
  | { type: 'result'; id: number; ok: true; report: Report; maxRssKb: number }
  | { type: 'result'; id: number; ok: false; error: ErrorRecord; maxRssKb: number }

/**
 * OCR requests, converter -> runner. A `lease` is one page holding the engine (`withPage`);
 * `req` numbers one image. Numbers are per converter process.
 */
export type OcrRequestMessage =
  /** Start the engine if it is not running yet, and say how many workers it has. */
  | { type: 'ocr-open'; req: number }
  | { type: 'ocr-recognize'; req: number; lease: number; page: number; image: Uint8Array; options: RecognizeOptions }
  /** The converter stopped waiting for this image: drop it if it has not started. */
  | { type: 'ocr-cancel'; req: number }
  /** The page is finished (or abandoned): drop its queued images and free its place in the engine. */
  | { type: 'ocr-release'; lease: number }

/** OCR replies, runner -> converter: exactly one per `ocr-open` and per `ocr-recognize` not cancelled. */
export type OcrReplyMessage =
  | { type: 'ocr-opened'; req: number; ok: true; workers: number; name: string }
  | { type: 'ocr-opened'; req: number; ok: false; error: ErrorRecord }
  | { type: 'ocr-result'; req: number; ok: true; text: RecognizedText }
  | { type: 'ocr-result'; req: number; ok: false; error: ErrorRecord }

export function isOcrRequest(message: unknown): message is OcrRequestMessage {
  const type = (message as { type?: unknown } | null)?.type
  return type === 'ocr-open' || type === 'ocr-recognize' || type === 'ocr-cancel' || type === 'ocr-release'
}

export function isOcrReply(message: unknown): message is OcrReplyMessage {
  const type = (message as { type?: unknown } | null)?.type
  return type === 'ocr-opened' || type === 'ocr-result'
}

export type ConvertOne = (
  file: string,
  options: WorkerConvertOptions & {
    log: (event: StageEvent) => void
    /** The batch's shared OCR engine (in the runner); started on the first call. */
    ocrEngine: () => Promise<OcrEngine>
  },
) => Promise<Report>

function send(message: WorkerReply | OcrRequestMessage): Promise<void> {
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
  process.on('SIGTERM', () => {})
  const remote = createRemoteOcrEngine((message) => void send(message))
  const ocrEngine = async () => {
    await remote.open()
    return remote
  }
  process.on('message', (message: ConvertRequest | OcrReplyMessage) => {
    if (isOcrReply(message)) return remote.receive(message)
    if (message?.type !== 'convert') return
    const { id, file, options } = message
    const log = (event: StageEvent) => {
      if (event.page !== undefined) void send({ type: 'event', id, event })
    }
    convert(file, { ...options, log, ocrEngine }).then(
      (report) => send({ type: 'result', id, ok: true, report, maxRssKb: process.resourceUsage().maxRSS }),
      (error: unknown) => send({ type: 'result', id, ok: false, error: toErrorRecord(error, file), maxRssKb: process.resourceUsage().maxRSS }),
    )
  })
  void send({ type: 'ready' })
}
