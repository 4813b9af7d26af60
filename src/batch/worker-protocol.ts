/**
 * Messages between the batch runner and its converter processes (the loop a converter process
 * runs is serve-conversions.ts). One process converts one file at a time; the parent decides
 * when to kill it.
 *
 * OCR is not done in the converter processes: they send each image to recognise to the runner,
 * which owns the one tesseract engine of the batch (ocr-host.ts), and await its reply
 * (remote-ocr-engine.ts). Images cross as Uint8Array thanks to `serialization: 'advanced'`.
 */
import * as z from 'zod'
import { OcrModeSchema } from '../model/document.js'
import type { StageEvent } from '../model/stage.js'
import type { Report } from '../report/schema.js'
import type { RecogniseOptions, RecognisedText } from '../stages/ocr/engine.js'
import { ErrorRecordSchema } from './manifest.js'
import type { ReportDigest } from './report-digest.js'

/** Options that cross to the worker: plain data only. */
export const WorkerConvertOptionsSchema = z.object({
  check: z.boolean().optional(),
  ocr: OcrModeSchema.optional(),
  /**
   * Pages of one file OCR'd at once; their images queue in the shared OCR pool, so two keep it
   * busy while the converter prepares the next page. @default 2
   */
  ocrPagesInFlight: z.number().optional(),
  /** A page whose OCR takes longer than this fails (a `page-failed` issue), the file goes on. @default the OCR stage's 300 s */
  pageTimeoutMs: z.number().optional(),
})
export type WorkerConvertOptions = Readonly<z.infer<typeof WorkerConvertOptionsSchema>>

/**
 * How a converted report comes back: `report`, the object (the batch and the library API use it);
 * `file`, the bytes of its JSON file and its digest, for a caller that only writes it (a queue
 * worker): no object to copy across, decode and encode again in the parent.
 */
export const ReplyKindSchema = z.enum(['report', 'file'])
export type ReplyKind = z.infer<typeof ReplyKindSchema>

export const ConvertRequestSchema = z.object({
  type: z.literal('convert'),
  id: z.number(),
  /** Path as the report should name it (relative to the working folder when inside it). */
  file: z.string(),
  options: WorkerConvertOptionsSchema,
  reply: ReplyKindSchema.optional(),
})
export type ConvertRequest = z.infer<typeof ConvertRequestSchema>

/**
 * Payloads made by this package on the other side (a report validated there, a stage event, OCR
 * text) are taken as they are: the envelope is parsed, not every field of what it carries.
 */
const object = <T>() => z.custom<T>((value) => typeof value === 'object' && value !== null)

const WorkerReplySchema = z.union([
  /** The process is listening: its start-up does not count against a file's time. */
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('event'), id: z.number(), event: object<StageEvent>() }),
  z.object({ type: z.literal('result'), id: z.number(), ok: z.literal(true), report: object<Report>(), maxRssKb: z.number() }),
  z.object({ type: z.literal('result'), id: z.number(), ok: z.literal(true), file: z.custom<Uint8Array>((value) => value instanceof Uint8Array), digest: object<ReportDigest>(), maxRssKb: z.number() }),
  z.object({ type: z.literal('result'), id: z.number(), ok: z.literal(false), error: ErrorRecordSchema, maxRssKb: z.number() }),
])
export type WorkerReply = z.infer<typeof WorkerReplySchema>

/**
 * OCR requests, converter -> runner. A `lease` is one page holding the engine (`withPage`);
 * `req` numbers one image. Numbers are per converter process.
 */
const OcrRequestMessageSchema = z.union([
  /** Start the engine if it is not running yet, and say how many workers it has. */
  z.object({ type: z.literal('ocr-open'), req: z.number() }),
  z.object({ type: z.literal('ocr-recognise'), req: z.number(), lease: z.number(), page: z.number(), image: z.custom<Uint8Array>((value) => value instanceof Uint8Array), options: object<RecogniseOptions>() }),
  /** The converter stopped waiting for this image: drop it if it has not started. */
  z.object({ type: z.literal('ocr-cancel'), req: z.number() }),
  /** The page is finished (or abandoned): drop its queued images and free its place in the engine. */
  z.object({ type: z.literal('ocr-release'), lease: z.number() }),
])
export type OcrRequestMessage = z.infer<typeof OcrRequestMessageSchema>

/** OCR replies, runner -> converter: exactly one per `ocr-open` and per `ocr-recognise` not cancelled. */
const OcrReplyMessageSchema = z.union([
  z.object({ type: z.literal('ocr-opened'), req: z.number(), ok: z.literal(true), workers: z.number(), name: z.string() }),
  z.object({ type: z.literal('ocr-opened'), req: z.number(), ok: z.literal(false), error: ErrorRecordSchema }),
  z.object({ type: z.literal('ocr-result'), req: z.number(), ok: z.literal(true), text: object<RecognisedText>() }),
  z.object({ type: z.literal('ocr-result'), req: z.number(), ok: z.literal(false), error: ErrorRecordSchema }),
])
export type OcrReplyMessage = z.infer<typeof OcrReplyMessageSchema>

/** A message from a converter process that is one of its replies, parsed; undefined for anything else. */
export function parseWorkerReply(message: unknown): WorkerReply | undefined {
  const parsed = WorkerReplySchema.safeParse(message)
  return parsed.success ? parsed.data : undefined
}

export function parseOcrRequest(message: unknown): OcrRequestMessage | undefined {
  const parsed = OcrRequestMessageSchema.safeParse(message)
  return parsed.success ? parsed.data : undefined
}

export function parseOcrReply(message: unknown): OcrReplyMessage | undefined {
  const parsed = OcrReplyMessageSchema.safeParse(message)
  return parsed.success ? parsed.data : undefined
}
