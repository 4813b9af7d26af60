/**
 * The OCR engine as a converter process sees it in a batch: every image is sent to the runner,
 * which recognises it with the batch's one tesseract engine (ocr-host.ts), and the reply is
 * awaited. Pages behave as with a local engine: `withPage` holds a place in the engine for the
 * page, and the page's AbortSignal (its time limit, or the file being cancelled) stops the
 * waiting at once and tells the runner to drop what it has not started.
 */
import { OcrEngineError } from '../errors.js'
import type { OcrEngine, OcrSession, RecognisedText } from '../stages/ocr/engine.js'
import { ForwardedError } from './error-record.js'
import type { OcrReplyMessage, OcrRequestMessage } from './worker-protocol.js'

export interface RemoteOcrEngine extends OcrEngine {
  /** Asks the runner to start its engine (once; later calls share the answer). Rejects with the runner's error. */
  open(): Promise<void>
  /** Feed a reply from the runner. */
  receive(message: OcrReplyMessage): void
  /** Images sent and not answered yet. */
  readonly pending: number
}

interface Waiting {
  readonly lease: number | undefined
  resolve(value: unknown): void
  reject(error: unknown): void
}

export function createRemoteOcrEngine(send: (message: OcrRequestMessage) => void): RemoteOcrEngine {
  const waiting = new Map<number, Waiting>()
  let nextReq = 1
  let nextLease = 1
  let workers = 1
  let name = 'unknown'
  let opened: Promise<void> | undefined
  let closed = false

  function request<T>(message: OcrRequestMessage & { req: number }, lease: number | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      waiting.set(message.req, { lease, resolve: resolve as (value: unknown) => void, reject })
      send(message)
    })
  }

  /** Stops waiting for the images of a page that is over; the runner drops them on `ocr-release`. */
  function forgetLease(lease: number, reason: unknown): void {
    for (const [req, w] of waiting) {
      if (w.lease !== lease) continue
      waiting.delete(req)
      w.reject(reason)
    }
  }

  const engine: RemoteOcrEngine = {
    kind: 'tesseract',
    get workers() {
      return workers
    },
    get name() {
      return name
    },
    get capacity() {
      return workers
    },
    get generations() {
      return opened ? 1 : 0
    },
    get pending() {
      return waiting.size
    },
    open() {
      opened ??= request<{ workers: number; name: string }>({ type: 'ocr-open', req: nextReq++ }, undefined).then(
        (engine) => {
          workers = engine.workers
          name = engine.name
        },
        (error: unknown) => {
          opened = undefined // a later file may try again
          throw error
        },
      )
      return opened
    },
    receive(message) {
      const w = waiting.get(message.req)
      if (!w) return // cancelled meanwhile
      waiting.delete(message.req)
      if (!message.ok) return w.reject(new ForwardedError(message.error))
      w.resolve(message.type === 'ocr-opened' ? { workers: message.workers, name: message.name } : message.text)
    },
    async withPage(page, signal, fn) {
      signal.throwIfAborted()
      if (closed) throw new OcrEngineError('The OCR engine is closed', { stage: 'ocr', page })
      await engine.open()
      const lease = nextLease++
      let over = false
      const session: OcrSession = {
        recognise(image, options = {}) {
          signal.throwIfAborted()
          // A cell still running after its page failed must not reopen the page in the runner.
          if (over) return Promise.reject(new OcrEngineError(`OCR of page ${page} was abandoned`, { stage: 'ocr', page }))
          const req = nextReq++
          const answer = request<RecognisedText>({ type: 'ocr-recognise', req, lease, page, image, options }, lease)
          return new Promise<RecognisedText>((resolve, reject) => {
            const onAbort = () => {
              if (waiting.delete(req)) send({ type: 'ocr-cancel', req })
              reject(signal.reason)
            }
            signal.addEventListener('abort', onAbort, { once: true })
            answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
          })
        },
      }
      try {
        return await fn(session)
      } finally {
        over = true
        // Images of this page still out (a sibling cell failed first) are not waited for.
        forgetLease(lease, new OcrEngineError(`OCR of page ${page} was abandoned`, { stage: 'ocr', page }))
        send({ type: 'ocr-release', lease })
      }
    },
    async close() {
      closed = true
    },
  }
  return engine
}
