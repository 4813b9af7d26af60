/**
 * The OCR engine: one tesseract.js scheduler with a worker per core, Thai+English, fully offline.
 *
 * Pages borrow the engine through `withPage`, which lets the engine recycle its workers between
 * pages (tesseract.js workers grow in memory over long runs, issues #678 and #977): after
 * `recycleAfterPages` pages the current scheduler stops taking new pages, finishes the pages it
 * has, is terminated, and a fresh one starts.
 */
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { createScheduler, createWorker, OEM, type Page as TesseractPage, type Scheduler, type Worker } from 'tesseract.js'
import { OcrEngineError, PipelineError } from '../../errors.js'
import { prepareLangPath } from './lang-data.js'
import type { PixelBox } from './image.js'
import { createNativeEngine, type NativeEngineOptions } from './native-engine.js'
import { probeNativeTesseract } from './native-engine-probe.js'

/** Page segmentation modes we use, by what is in the image. */
export type Segmentation = 'auto' | 'block' | 'line' | 'word'
const PSM: Record<Segmentation, string> = { auto: '3', block: '6', line: '7', word: '8' }

export interface OcrWord {
  readonly text: string
  /** 0-1 (tesseract's 0-100 / 100). */
  readonly confidence: number
  /** Pixels of the image that was recognised. */
  readonly bbox: PixelBox
}

export interface OcrLine {
  /** tesseract's text for the line, runs of spaces collapsed to one. */
  readonly text: string
  /** Words in reading order; `start`/`end` index into `text`. */
  readonly words: Array<OcrWord & { readonly start: number; readonly end: number }>
  readonly bbox: PixelBox
}

export interface RecognisedText {
  /** tesseract's text, lines joined with `\n`, trimmed. */
  readonly text: string
  readonly lines: OcrLine[]
  /** Lowest word confidence, 0-1; 0 when nothing was read. */
  readonly confidence: number
  /** Lines of ink (page pixels) tesseract read nothing from: said, never dropped silently. */
  readonly unread?: readonly PixelBox[]
}

export interface RecogniseOptions {
  /** @default 'block' */
  readonly segmentation?: Segmentation
  /** Resolution of the image; tesseract guesses (often wrongly) without it. */
  readonly dpi?: number
}

/** What a page gets while it holds the engine. */
export interface OcrSession {
  /** Recognise one encoded image (PNG, JPEG, PGM...). Rejects with OcrEngineError or an AbortError. */
  recognise(image: Uint8Array, options?: RecogniseOptions): Promise<RecognisedText>
}

export interface OcrEngine {
  /** `tesseract`: tesseract.js (WebAssembly, embedded); `native`: the system's tesseract. */
  readonly kind: 'tesseract' | 'native'
  /** What reads the pages, with its version, for the report's `source.ocrEngine` (e.g. `tesseract.js 7.0.0`). */
  readonly name: string
  /** Worker threads (or processes) recognising in parallel. */
  readonly workers: number
  /**
   * Images worth handing it at once: a caller that queues images (the batch's OCR host) keeps the
   * rest, where they can still be dropped or reordered. tesseract.js: one per worker; native
   * tesseract: a list of images per process, so that its start-up is paid once per list.
   */
  readonly capacity: number
  /** How many sets of workers have been started so far (1 + recycles). */
  readonly generations: number
  withPage<T>(page: number, signal: AbortSignal, fn: (session: OcrSession) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface TesseractEngineOptions {
  readonly kind: 'tesseract'
  /** tesseract language codes; each needs an @tesseract.js-data/<code> package. @default ['tha', 'eng'] */
  readonly langs?: readonly string[]
  /** Worker threads. @default os.availableParallelism() */
  readonly workers?: number
  /** Replace the workers after this many pages (memory growth in long-lived workers). @default 20 */
  readonly recycleAfterPages?: number
  /** Where the combined language folder is prepared. @default `<os.tmpdir()>/ita-extract` */
  readonly cacheDir?: string
}
/** The native engine when the system's tesseract has the languages, else tesseract.js (options for both). */
export interface AutoEngineOptions extends Omit<TesseractEngineOptions, 'kind'>, Omit<NativeEngineOptions, 'kind'> {
  readonly kind: 'auto'
}
export type OcrEngineOptions = TesseractEngineOptions | NativeEngineOptions | AutoEngineOptions

async function createAutoEngine(options: AutoEngineOptions): Promise<OcrEngine> {
  const { kind: _auto, ...rest } = options
  const native = await probeNativeTesseract(options.command, options.langs)
  return 'missing' in native ? createTesseractEngine({ ...rest, kind: 'tesseract' }) : createNativeEngine({ ...rest, kind: 'native' })
}

const engines = {
  tesseract: createTesseractEngine,
  native: createNativeEngine,
  auto: createAutoEngine,
} satisfies { [K in OcrEngineOptions['kind']]: (o: Extract<OcrEngineOptions, { kind: K }>) => Promise<OcrEngine> }

export async function createOcrEngine(options: OcrEngineOptions = { kind: 'auto' }): Promise<OcrEngine> {
  const factory = engines[options.kind] as ((o: OcrEngineOptions) => Promise<OcrEngine>) | undefined
  if (!factory) throw new PipelineError(`Unknown OCR engine ${JSON.stringify(options.kind)}; known: ${Object.keys(engines).join(', ')}`, { stage: 'ocr' })
  return factory(options)
}

/** Opens an engine, runs `fn`, and always awaits `close()`, whatever `fn` did. */
export async function withOcrEngine<T>(options: OcrEngineOptions, fn: (engine: OcrEngine) => Promise<T>): Promise<T> {
  const engine = await createOcrEngine(options)
  try {
    return await fn(engine)
  } finally {
    await engine.close()
  }
}

interface Generation {
  readonly scheduler: Scheduler
  readonly workers: Worker[]
  pagesStarted: number
  leases: number
  idleWaiters: Array<() => void>
}

export async function createTesseractEngine(options: TesseractEngineOptions): Promise<OcrEngine> {
  const langs = options.langs ?? ['tha', 'eng']
  const workerCount = options.workers ?? availableParallelism()
  const recycleAfterPages = options.recycleAfterPages ?? 20
  if (!Number.isInteger(workerCount) || workerCount < 1) throw new TypeError(`Expected \`workers\` to be an integer >= 1, got \`${workerCount}\` (${typeof workerCount})`)
  if (!Number.isInteger(recycleAfterPages) || recycleAfterPages < 1) {
    throw new TypeError(`Expected \`recycleAfterPages\` to be an integer >= 1, got \`${recycleAfterPages}\` (${typeof recycleAfterPages})`)
  }
  const langPath = await prepareLangPath(langs, options.cacheDir ? { cacheDir: options.cacheDir } : {})

  async function startGeneration(): Promise<Generation> {
    const started = await Promise.allSettled(
      Array.from({ length: workerCount }, () =>
        createWorker([...langs], OEM.LSTM_ONLY, {
          langPath,
          gzip: true,
          // 'none': do not write `<lang>.traineddata` into the working directory.
          cacheMethod: 'none',
          // tesseract.js otherwise throws these from inside its worker listener.
          errorHandler: () => {},
        }),
      ),
    )
    const workers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failed) {
      await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)))
      throw new OcrEngineError(`Could not start tesseract.js for ${langs.join('+')}: ${reason(failed.reason)}`, { stage: 'ocr', cause: failed.reason })
    }
    const scheduler = createScheduler()
    for (const w of workers) scheduler.addWorker(w)
    generations += 1
    return { scheduler, workers, pagesStarted: 0, leases: 0, idleWaiters: [] }
  }

  let generations = 0
  let current: Generation | undefined = await startGeneration()
  let replacing: Promise<Generation> | undefined
  let closed = false

  async function terminate(gen: Generation): Promise<void> {
    // Scheduler.terminate() does not wait for its workers (forEach(async ...)); terminate them ourselves.
    await Promise.all(gen.workers.map((w) => w.terminate().catch(() => undefined)))
  }

  function whenIdle(gen: Generation): Promise<void> {
    return gen.leases === 0 ? Promise.resolve() : new Promise((resolve) => gen.idleWaiters.push(resolve))
  }

  async function acquire(): Promise<Generation> {
    for (;;) {
      if (closed) throw new OcrEngineError('The OCR engine is closed', { stage: 'ocr' })
      if (replacing) {
        await replacing
        continue
      }
      if (current && current.pagesStarted < recycleAfterPages) {
        current.pagesStarted += 1
        current.leases += 1
        return current
      }
      const old = current
      current = undefined
      replacing = (async () => {
        if (old) await whenIdle(old).then(() => terminate(old))
        const fresh = await startGeneration()
        current = fresh
        return fresh
      })().finally(() => {
        replacing = undefined
      })
    }
  }

  function release(gen: Generation): void {
    gen.leases -= 1
    if (gen.leases === 0) for (const wake of gen.idleWaiters.splice(0)) wake()
  }

  return {
    kind: 'tesseract',
    name: `tesseract.js ${TESSERACT_JS_VERSION}`,
    workers: workerCount,
    capacity: workerCount,
    get generations() {
      return generations
    },
    async withPage(page, signal, fn) {
      signal.throwIfAborted()
      const gen = await acquire()
      try {
        const session: OcrSession = {
          async recognise(image, recogniseOptions = {}) {
            signal.throwIfAborted()
            const psm = PSM[recogniseOptions.segmentation ?? 'block']
            let data: TesseractPage
            try {
              // Parameters passed with the job apply to this job only (the worker restores them).
              // preserve_interword_spaces is the Thai model's own 1, set explicitly: tesseract.js
              // starts workers with 0, which puts a space between every Thai character.
              const params = {
                tessedit_pageseg_mode: psm,
                preserve_interword_spaces: '1',
                ...(recogniseOptions.dpi ? { user_defined_dpi: String(Math.round(recogniseOptions.dpi)) } : {}),
              }
              const result = await gen.scheduler.addJob('recognize', toBuffer(image), params as never, { blocks: true, text: true })
              data = result.data
            } catch (cause) {
              throw new OcrEngineError(`OCR failed on page ${page}: ${reason(cause)}`, { stage: 'ocr', page, cause })
            }
            signal.throwIfAborted()
            return toRecognisedText(data)
          },
        }
        return await fn(session)
      } finally {
        release(gen)
      }
    },
    async close() {
      closed = true
      if (replacing) await replacing.catch(() => undefined)
      const gen = current
      current = undefined
      if (gen) {
        await whenIdle(gen)
        await terminate(gen)
      }
    },
  }
}

const TESSERACT_JS_VERSION = (createRequire(import.meta.url)('tesseract.js/package.json') as { version: string }).version

function toBuffer(image: Uint8Array): Buffer {
  return Buffer.isBuffer(image) ? image : Buffer.from(image.buffer, image.byteOffset, image.byteLength)
}

function reason(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

/** tesseract's block tree -> lines of words, confidences 0-1. */
export function toRecognisedText(data: TesseractPage): RecognisedText {
  const lines: OcrLine[] = []
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({ text: w.text.trim(), confidence: clamp01(w.confidence / 100), bbox: { ...w.bbox } }))
        if (words.length > 0) lines.push(alignLine(line.text, words, { ...line.bbox }))
      }
    }
  }
  const confidences = lines.flatMap((l) => l.words.map((w) => w.confidence))
  return {
    text: lines.map((l) => l.text).join('\n'),
    lines,
    confidence: confidences.length ? Math.min(...confidences) : 0,
  }
}

/**
 * Locate each word in the line's text. tesseract's Thai "words" are often single characters and
 * only its line text knows where the printed spaces are, so the line text is the truth and the
 * words give the boxes.
 */
export function alignLine(lineText: string, words: readonly OcrWord[], bbox: PixelBox): OcrLine {
  let text = lineText.replace(/\s+/g, ' ').trim()
  if (text === '') text = words.map((w) => w.text).join(' ')
  const aligned: Array<OcrWord & { start: number; end: number }> = []
  let pos = 0
  for (const w of words) {
    const found = text.indexOf(w.text, pos)
    const start = found >= 0 && found - pos <= 2 ? found : Math.min(pos, text.length)
    const end = Math.min(text.length, start + w.text.length)
    aligned.push({ ...w, start, end })
    pos = end
  }
  return { text, words: aligned, bbox }
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0
}
