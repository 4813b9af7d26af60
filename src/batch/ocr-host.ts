/**
 * The batch's one OCR engine, in the runner process, serving the converter processes.
 *
 * The engine is started on the first request (a batch of transcripts never starts tesseract) and
 * closed with the host. Images wait in one p-queue in front of it, as many running as the engine
 * can take at once (its `capacity`: one per tesseract.js worker, a list per native process), so
 * an image whose page was abandoned can still be dropped before it starts. A converter with
 * fewer images waiting goes first, so a 500-page file does not hold up the 2-page files behind it. When a converter goes away (its file timed out, it crashed, it was
 * recycled), its waiting images are dropped, and answers to its running ones are thrown away
 * rather than sent into a closed channel.
 */
import { availableParallelism } from 'node:os'
import PQueue from 'p-queue'
import type { AutoEngineOptions, OcrEngine, OcrEngineOptions, OcrSession } from '../stages/ocr/engine.js'
import { OcrEngineError } from '../errors.js'
import { toErrorRecord } from './error-record.js'
import type { OcrReplyMessage, OcrRequestMessage } from './worker-protocol.js'

export interface OcrHostOptions {
  /** Worker threads of the shared engine. @default os.availableParallelism() */
  readonly workers?: number
  /** Engine options besides `workers` (which engine, languages, recycling); without a `kind`, `auto`. */
  readonly engine?: Omit<AutoEngineOptions, 'kind' | 'workers'> & { readonly kind?: OcrEngineOptions['kind'] }
  /** Called when the engine has started (at most once per host). */
  readonly onEngineStarted?: (info: { workers: number }) => void
}

export interface OcrHostStats {
  /** Engines started (0 or 1). */
  engines: number
  workers: number
  /** Pages that held the engine (`withPage`), across all converters. */
  pages: number
  /** Images recognised and answered. */
  recognised: number
  /** Images given up because their page or converter went away (waiting, or while being read). */
  dropped: number
  /** Answers thrown away because their page or converter was gone by then. */
  discarded: number
}

export function emptyOcrStats(): OcrHostStats {
  return { engines: 0, workers: 0, pages: 0, recognised: 0, dropped: 0, discarded: 0 }
}

/** One converter's connection to the host. */
export interface OcrConnection {
  /** Handle a message from the converter. */
  receive(message: OcrRequestMessage): void
  /** The converter is gone: drop its images, release its pages, send it nothing more. */
  detach(): void
}

export interface OcrHost {
  /** Serves a converter; `send` delivers replies to it. */
  attach(send: (message: OcrReplyMessage) => void): OcrConnection
  readonly stats: Readonly<OcrHostStats>
  /** Waits for running images to finish, then stops the engine (if it was started). */
  close(): Promise<void>
}

interface Lease {
  readonly controller: AbortController
  /** Settles when the engine gives the page a session. */
  readonly session: Promise<OcrSession>
  /** Images of this page being recognised. */
  readonly running: Set<Promise<unknown>>
  /** Ends the page's `withPage`. */
  end(): void
}

export function createOcrHost(options: OcrHostOptions = {}): OcrHost {
  const workers = options.workers ?? availableParallelism()
  if (!Number.isInteger(workers) || workers < 1) throw new TypeError(`Expected \`workers\` to be an integer >= 1, got \`${workers}\` (${typeof workers})`)
  const stats = emptyOcrStats()
  const queue = new PQueue({ concurrency: workers })
  const connections = new Set<() => void>()
  let engine: Promise<OcrEngine> | undefined
  let closing = false

  function startEngine(): Promise<OcrEngine> {
    engine ??= (async () => {
      // Loaded here: a batch without OCR never loads tesseract.js.
      const { createOcrEngine } = await import('../stages/ocr/engine.js')
      const started = await createOcrEngine({ kind: 'auto', ...options.engine, workers } as OcrEngineOptions)
      stats.engines += 1
      stats.workers = started.workers
      queue.concurrency = started.capacity
      options.onEngineStarted?.({ workers: started.workers })
      return started
    })().catch((error: unknown) => {
      engine = undefined // the next file tries again (and most likely reports the same error)
      throw error
    })
    return engine
  }

  function attach(send: (message: OcrReplyMessage) => void): OcrConnection {
    let attached = true
    const leases = new Map<number, Lease>()
    /** Pages already released: a late image of one is refused instead of reopening it. */
    const released = new Set<number>()
    /** Images waiting or running, by request number, with the controller that drops them. */
    const requests = new Map<number, AbortController>()
    const reply = (message: OcrReplyMessage) => {
      if (attached) send(message)
      else stats.discarded += 1
    }

    function openLease(id: number, page: number): Lease {
      const controller = new AbortController()
      let end!: () => void
      const ended = new Promise<void>((resolve) => (end = resolve))
      const session = new Promise<OcrSession>((resolve, reject) => {
        startEngine()
          .then((e) =>
            e.withPage(page, controller.signal, async (s) => {
              stats.pages += 1
              resolve(s)
              await ended
            }),
          )
          // Settles the session only if the engine never gave one (start-up failed, page released while waiting).
          .then(() => reject(new OcrEngineError(`OCR of page ${page} was released before it started`, { stage: 'ocr', page })), reject)
      })
      session.catch(() => undefined) // a lease released before any image asked for its session
      const lease: Lease = { controller, session, running: new Set(), end }
      leases.set(id, lease)
      return lease
    }

    async function releaseLease(id: number): Promise<void> {
      released.add(id)
      const lease = leases.get(id)
      if (!lease) return
      leases.delete(id)
      lease.controller.abort()
      // Let images already inside tesseract finish first: the engine may recycle its workers as
      // soon as no page holds them, and a job on a terminated worker never settles.
      await Promise.allSettled(lease.running)
      lease.end()
    }

    async function recognise(message: Extract<OcrRequestMessage, { type: 'ocr-recognise' }>): Promise<void> {
      const { req, lease: leaseId, page, image, options: recogniseOptions } = message
      if (released.has(leaseId)) return reply({ type: 'ocr-result', req, ok: false, error: toErrorRecord(new OcrEngineError(`OCR of page ${page} was already released`, { stage: 'ocr', page }), `page ${page}`) })
      const lease = leases.get(leaseId) ?? openLease(leaseId, page)
      const controller = new AbortController()
      requests.set(req, controller)
      const signal = AbortSignal.any([controller.signal, lease.controller.signal])
      try {
        const session = await lease.session
        signal.throwIfAborted()
        const outstanding = requests.size
        const text = await queue.add(
          () => {
            const job = session.recognise(image, recogniseOptions)
            lease.running.add(job)
            return job.finally(() => lease.running.delete(job))
          },
          // Fewer images out, sooner served: files share the workers fairly.
          { signal, priority: -outstanding },
        )
        if (!requests.delete(req)) return void (stats.discarded += 1)
        stats.recognised += 1
        reply({ type: 'ocr-result', req, ok: true, text })
      } catch (error) {
        if (!requests.delete(req) || signal.aborted) {
          stats.dropped += 1
          return
        }
        reply({ type: 'ocr-result', req, ok: false, error: toErrorRecord(error, `page ${page}`, { stack: true }) })
      }
    }

    async function open(req: number): Promise<void> {
      try {
        const e = await startEngine()
        reply({ type: 'ocr-opened', req, ok: true, workers: e.workers, name: e.name })
      } catch (error) {
        reply({ type: 'ocr-opened', req, ok: false, error: toErrorRecord(error, 'OCR engine', { stack: true }) })
      }
    }

    const detach = () => {
      if (!attached) return
      attached = false
      connections.delete(detach)
      for (const controller of requests.values()) controller.abort()
      requests.clear()
      for (const id of [...leases.keys()]) void releaseLease(id)
    }
    connections.add(detach)

    return {
      receive(message) {
        if (!attached) return
        switch (message.type) {
          case 'ocr-open':
            if (closing) return reply({ type: 'ocr-opened', req: message.req, ok: false, error: toErrorRecord(new OcrEngineError('The OCR engine is closed: the batch is ending', { stage: 'ocr' }), 'OCR engine') })
            return void open(message.req)
          case 'ocr-recognise':
            return void recognise(message)
          case 'ocr-cancel': {
            const controller = requests.get(message.req)
            requests.delete(message.req)
            controller?.abort()
            return
          }
          case 'ocr-release':
            return void releaseLease(message.lease)
        }
      },
      detach,
    }
  }

  return {
    attach,
    stats,
    async close() {
      closing = true
      for (const detach of [...connections]) detach()
      await queue.onIdle()
      const started = engine
      engine = undefined
      if (started) await started.then((e) => e.close(), () => undefined)
    },
  }
}
