/**
 * The body of a converter process: it answers the runner's `convert` requests (worker-protocol.ts)
 * one at a time, its OCR going to the runner's engine through remote-ocr-engine.ts.
 */
import type { StageEvent } from '../model/stage.js'
import type { Report } from '../report/schema.js'
import type { OcrEngine } from '../stages/ocr/engine.js'
import { toErrorRecord } from './error-record.js'
import { digestOf } from './report-digest.js'
import { reportFileText } from '../stages/export/report-json.js'
import { createRemoteOcrEngine } from './remote-ocr-engine.js'
import { ConvertRequestSchema, parseOcrReply, type OcrRequestMessage, type WorkerConvertOptions, type WorkerReply } from './worker-protocol.js'

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
  process.on('message', (message: unknown) => {
    const reply = parseOcrReply(message)
    if (reply) return remote.receive(reply)
    const request = ConvertRequestSchema.safeParse(message)
    if (!request.success) return
    const { id, file, options, reply: replyKind = 'report' } = request.data
    const log = (event: StageEvent) => {
      if (event.page !== undefined) void send({ type: 'event', id, event })
    }
    const result = (report: Report): WorkerReply => {
      const maxRssKb = process.resourceUsage().maxRSS
      if (replyKind === 'report') return { type: 'result', id, ok: true, report, maxRssKb }
      return { type: 'result', id, ok: true, file: Buffer.from(reportFileText(report)), digest: digestOf(report), maxRssKb }
    }
    convert(file, { ...options, log, ocrEngine }).then(result).then(
      send,
      (error: unknown) => send({ type: 'result', id, ok: false, error: toErrorRecord(error, file), maxRssKb: process.resourceUsage().maxRSS }),
    )
  })
  void send({ type: 'ready' })
}
