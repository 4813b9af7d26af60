/**
 * A pool of converter processes. Each file is converted in a child process so that whatever a
 * file does to its converter (a native crash in the PDF renderer, running out of memory, an
 * endless loop) costs that file only: the pool kills the process on timeout or when it passes its
 * memory limit, records the reason, and starts a fresh one. A process's start-up does not count
 * against its first file's time. Processes are recycled after `maxTasksPerWorker` files to bound
 * whatever grows in a long-lived converter (PDF renderer caches, heap fragmentation). OCR is not
 * done here: with an `ocr` host, each process's OCR requests are served by the runner's shared
 * engine, and a process being killed is cut off from it first, so no answer goes to a dead channel.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { InputTooLargeError, TimeoutError, WorkerCrashedError } from '../errors.js'
import type { StageEvent } from '../model/stage.js'
import type { Report } from '../report/schema.js'
import { toErrorRecord } from './error-record.js'
import type { ErrorRecord } from './manifest.js'
import type { OcrConnection, OcrHost } from './ocr-host.js'
import type { ReportDigest } from './report-digest.js'
import { parseOcrRequest, parseWorkerReply, type ConvertRequest, type ReplyKind, type WorkerConvertOptions } from './worker-protocol.js'

export interface ProcessPoolOptions {
  /** Path of the worker module (a `.ts` module is run through tsx). */
  readonly module: string
  /** Number of processes. */
  readonly size: number
  /**
   * Kill a conversion after this many milliseconds, plus `timePerPageMs` for every page it has
   * finished: a long scan that keeps turning pages is not stopped, one that stalls is.
   */
  readonly timeoutMs: number
  /** Time a finished page adds to its file's limit. @default 60_000 */
  readonly timePerPageMs?: number
  /** Time a new process has to start (load its modules) before its first file; not counted in the file's time. @default 120_000 */
  readonly startupTimeoutMs?: number
  /** Start a fresh process after this many files. @default 25 */
  readonly maxTasksPerWorker?: number
  /** V8 heap limit of each process in MB; a file that needs more fails alone. @default Node's default */
  readonly maxOldSpaceMb?: number
  /**
   * Resident memory a process may use, in MB, checked every second (where /proc exists: Linux);
   * a file that needs more is stopped and fails alone (native memory, e.g. decoded images, is
   * not bounded by the heap limit). @default no limit
   */
  readonly maxRssMb?: number
  /** Serves the processes' OCR requests (the batch's shared engine). Without it, OCR requests go unanswered. */
  readonly ocr?: OcrHost
}

/** What a converted file comes back as, by the reply kind asked for (worker-protocol.ts). */
interface Converted {
  report: { report: Report }
  file: { file: Uint8Array; digest: ReportDigest }
}

export type TaskOutcome<K extends ReplyKind = 'report'> =
  | ({ ok: true; maxRssKb: number; pid: number } & Converted[K])
  | { ok: false; error: ErrorRecord; maxRssKb?: number; pid?: number }

interface Slot {
  readonly child: ChildProcess
  readonly exited: Promise<void>
  /** True when the process says it is listening; false if it exits first. */
  readonly ready: Promise<boolean>
  tasks: number
  busy: boolean
  stderrTail: string
  /** Its connection to the OCR host, cut as soon as the process is being killed or has exited. */
  readonly ocr: OcrConnection | undefined
}

export interface ProcessPool {
  /**
   * Converts one file in a pool process, its report coming back as `replyKind` asks (the object by
   * default). Never rejects except with the signal's reason.
   */
  run<K extends ReplyKind = 'report'>(file: string, options: WorkerConvertOptions, signal: AbortSignal, onEvent?: (event: StageEvent) => void, replyKind?: K): Promise<TaskOutcome<K>>
  close(): Promise<void>
  /** Starts all `size` processes now rather than on demand: a long-running worker is ready before its first file. */
  prestart(): void
  /** Largest peak resident memory reported by any pool process so far, in kB. */
  readonly peakWorkerRssKb: number
}

const STDERR_TAIL = 2000
/** What V8 prints when a process runs out of heap. */
const OUT_OF_HEAP = /heap out of memory|Reached heap limit/
const MEMORY_CHECK_MS = 1000

/** Calls `over` with the process's resident memory in MB whenever it is above `limitMb` (checked every second). */
function watchMemory(pid: number, limitMb: number, over: (mb: number) => void): NodeJS.Timeout {
  const watch = setInterval(() => {
    void residentMb(pid).then((mb) => {
      if (mb !== undefined && mb > limitMb) over(mb)
    })
  }, MEMORY_CHECK_MS)
  watch.unref()
  return watch
}

/** Resident memory of a process in MB, from /proc (Linux); undefined where that cannot be read. */
async function residentMb(pid: number): Promise<number | undefined> {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024)
  } catch {
    return undefined
  }
}

function workerExecArgv(module: string, maxOldSpaceMb?: number): string[] {
  const args: string[] = []
  if (module.endsWith('.ts')) {
    // Running from source (tests, `node --import tsx`): the child needs the same loader.
    const require = createRequire(import.meta.url)
    args.push('--import', pathToFileURL(require.resolve('tsx')).href)
  }
  if (maxOldSpaceMb) args.push(`--max-old-space-size=${maxOldSpaceMb}`)
  return args
}

export function createProcessPool(options: ProcessPoolOptions): ProcessPool {
  const { module, size, timeoutMs, maxTasksPerWorker = 25, timePerPageMs = 60_000, startupTimeoutMs = 120_000 } = options
  if (!Number.isInteger(size) || size < 1) throw new TypeError(`Expected \`size\` to be an integer >= 1, got \`${size}\` (${typeof size})`)
  if (!(timeoutMs > 0)) throw new TypeError(`Expected \`timeoutMs\` to be a number > 0, got \`${timeoutMs}\` (${typeof timeoutMs})`)
  const execArgv = workerExecArgv(module, options.maxOldSpaceMb)
  const slots = new Set<Slot>()
  const dying = new Set<Promise<void>>()
  let nextId = 1
  let peakWorkerRssKb = 0
  let closed = false

  function spawn(): Slot {
    const child = fork(module, [], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' })
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    const ready = new Promise<boolean>((resolve) => {
      const onReady = (message: unknown) => {
        if (parseWorkerReply(message)?.type !== 'ready') return
        child.off('message', onReady)
        resolve(true)
      }
      child.on('message', onReady)
      void exited.then(() => resolve(false))
    })
    const ocr = options.ocr?.attach((message) => {
      // The callback swallows the error of a channel that closed meanwhile (instead of an 'error' event).
      if (child.connected) child.send(message, undefined, {}, () => {})
    })
    const slot: Slot = { child, exited, ready, tasks: 0, busy: false, stderrTail: '', ocr }
    if (ocr)
      child.on('message', (message: unknown) => {
        const request = parseOcrRequest(message)
        if (request) ocr.receive(request)
      })
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      slot.stderrTail = (slot.stderrTail + chunk).slice(-STDERR_TAIL)
    })
    void exited.then(() => {
      slot.ocr?.detach()
      slots.delete(slot)
    })
    slots.add(slot)
    return slot
  }

  function acquire(): Slot {
    for (const slot of slots) if (!slot.busy && slot.child.exitCode === null && slot.child.signalCode === null) return slot
    if (slots.size >= size) throw new Error('process pool: more tasks than processes (callers must limit concurrency to `size`)')
    return spawn()
  }

  /** Takes the process out of the pool at once (so it is never handed a task again) and kills it. */
  function kill(slot: Slot): Promise<void> {
    slots.delete(slot)
    slot.ocr?.detach()
    dying.add(slot.exited)
    slot.child.kill('SIGKILL')
    return slot.exited.finally(() => dying.delete(slot.exited))
  }

  async function run<K extends ReplyKind = 'report'>(file: string, taskOptions: WorkerConvertOptions, signal: AbortSignal, onEvent?: (event: StageEvent) => void, replyKind?: K): Promise<TaskOutcome<K>> {
    signal.throwIfAborted()
    if (closed) throw new Error('process pool: closed')
    const slot = acquire()
    slot.busy = true
    slot.tasks += 1
    const id = nextId++
    const pid = slot.child.pid
    try {
      return await new Promise<TaskOutcome<K>>((resolve, reject) => {
        let settled = false
        let timer: NodeJS.Timeout | undefined
        let memoryWatch: NodeJS.Timeout | undefined
        const cleanup = () => {
          settled = true
          clearTimeout(timer)
          clearInterval(memoryWatch)
          slot.child.off('message', onMessage)
          slot.child.off('exit', onExit)
          signal.removeEventListener('abort', onAbort)
        }
        const fail = (error: unknown) => {
          cleanup()
          resolve({ ok: false, error: toErrorRecord(error, file), ...(pid === undefined ? {} : { pid }) })
        }
        const onMessage = (message: unknown) => {
          const reply = parseWorkerReply(message)
          if (!reply || reply.type === 'ready' || reply.id !== id) return
          if (reply.type === 'event') {
            // A page finished (events with progress are per finished page): the file earns more time.
            const { page, progress } = reply.event
            if (page !== undefined && progress !== undefined && !pagesDone.has(page)) {
              pagesDone.add(page)
              limitMs += timePerPageMs
              rearm()
            }
            return onEvent?.(reply.event)
          }
          cleanup()
          peakWorkerRssKb = Math.max(peakWorkerRssKb, reply.maxRssKb)
          if (!reply.ok) return resolve({ ok: false, error: reply.error, maxRssKb: reply.maxRssKb, ...(pid === undefined ? {} : { pid }) })
          const converted: Converted[ReplyKind] = 'report' in reply ? { report: reply.report } : { file: reply.file, digest: reply.digest }
          // The reply is of the kind the request asked for (serve-conversions.ts).
          const outcome: TaskOutcome<ReplyKind> = { ok: true, ...converted, maxRssKb: reply.maxRssKb, pid: pid ?? 0 }
          resolve(outcome as TaskOutcome<K>)
        }
        const onExit = (code: number | null, sig: NodeJS.Signals | null) => {
          if (OUT_OF_HEAP.test(slot.stderrTail)) {
            return fail(new InputTooLargeError(`${file}: converting it needed more than the ${options.maxOldSpaceMb ?? "Node's default"} MB of heap a converter may use, and was stopped`, { file }))
          }
          const lastLine = slot.stderrTail.trim().split('\n').filter(Boolean).at(-1)
          const how = sig ? `signal ${sig}` : `exit code ${code}`
          fail(new WorkerCrashedError(`${file}: the converter process died (${how})${lastLine ? `: ${lastLine}` : ''}`, { file }))
        }
        const onAbort = () => {
          cleanup()
          void kill(slot)
          reject(signal.reason)
        }
        let started = Date.now()
        const pagesDone = new Set<number>()
        let limitMs = timeoutMs
        const expire = () => {
          void kill(slot)
          const pages = pagesDone.size ? ` (${timeoutMs / 1000} s + ${timePerPageMs / 1000} s for each of the ${pagesDone.size} page(s) it finished)` : ''
          fail(new TimeoutError(`${file}: conversion took longer than ${Math.round(limitMs / 100) / 10} s${pages} and was stopped`, { file }))
        }
        const rearm = () => {
          clearTimeout(timer)
          timer = setTimeout(expire, Math.max(0, started + limitMs - Date.now()))
        }
        const overMemory = (mb: number) => {
          if (settled) return
          void kill(slot)
          fail(new InputTooLargeError(`${file}: converting it needed more than ${options.maxRssMb} MB of memory (${mb} MB when stopped), the limit for one file`, { file }))
        }
        /** The process is listening: the file's time starts now, not when the process was started. */
        const begin = () => {
          if (settled) return
          clearTimeout(timer)
          started = Date.now()
          timer = setTimeout(expire, limitMs)
          if (options.maxRssMb !== undefined && pid !== undefined) memoryWatch = watchMemory(pid, options.maxRssMb, overMemory)
          const request: ConvertRequest = { type: 'convert', id, file, options: taskOptions, ...(replyKind === undefined ? {} : { reply: replyKind }) }
          slot.child.send(request, (error) => {
            if (error) fail(new WorkerCrashedError(`${file}: could not reach the converter process (${error.message})`, { file, cause: error }))
          })
        }
        slot.child.on('message', onMessage)
        slot.child.once('exit', onExit)
        signal.addEventListener('abort', onAbort, { once: true })
        // Start-up has its own limit (a loaded machine can take many seconds to load the converter's modules).
        timer = setTimeout(() => {
          void kill(slot)
          fail(new TimeoutError(`${file}: the converter process did not start within ${startupTimeoutMs / 1000} s`, { file }))
        }, startupTimeoutMs)
        void slot.ready.then((ok) => ok && begin())
      })
    } finally {
      slot.busy = false
      if (slot.tasks >= maxTasksPerWorker && slot.child.exitCode === null) void kill(slot)
    }
  }

  return {
    run,
    prestart() {
      while (!closed && slots.size < size) spawn()
    },
    get peakWorkerRssKb() {
      return peakWorkerRssKb
    },
    async close() {
      closed = true
      await Promise.all([...[...slots].map((slot) => kill(slot)), ...dying])
    },
  }
}
