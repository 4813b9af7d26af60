/**
 * Messages between the batch runner and its converter processes (the loop a converter process
 * runs is serve-conversions.ts). One process converts one file at a time; the parent decides
 * when to kill it.
 *
 * OCR is not done in the converter processes: they send each image to recognise to the runner,
 * which owns the one tesseract engine of the batch (ocr-host.ts), and await its reply
 * (remote-ocr-engine.ts). Images cross as Uint8Array thanks to `serialization: 'advanced'`.
 */
import type { StageEvent } from '../model/stage.js'
import type { Report } from '../report/schema.js'
import type { RecognizeOptions, RecognizedText } from '../stages/ocr/engine.js'
import type { ErrorRecord } from './manifest.js'

/** Options that cross to the worker: plain data only. */
export interface WorkerConvertOptions {
  readonly check?: boolean
  readonly ocr?: 'auto' | 'always' | 'never'
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
