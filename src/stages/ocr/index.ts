/**
 * The OCR stage: page images in, pages of the document model out (lines and ruled tables with
 * OCR provenance). Pages run concurrently through p-queue on one tesseract.js scheduler; results
 * keep the input order; a page that fails is retried once on its own, then reported as a
 * `page-failed` issue. Only cancellation (the context's AbortSignal) stops the whole document.
 */
import PQueue from 'p-queue'
import type { DocIssue, Page } from '../../model/document.js'
import type { StageContext } from '../../model/stage.js'
import { withOcrEngine, type AutoEngineOptions, type OcrEngine, type OcrEngineOptions } from './engine.js'
import { digitReader, type ReadNumber } from './number-reader.js'
import { ocrPage, type PageOcrDiagnostics, type PreprocessOptions } from './ocr-page.js'
import type { PageImage } from '../../model/page-image.js'
import type { OcrResult } from './types.js'

export type { OcrResult } from './types.js'
export { createOcrEngine, withOcrEngine, type OcrEngine, type OcrEngineOptions, type OcrSession } from './engine.js'
export { engineOptionsFor, OCR_ENGINE_CHOICES, resolveEngineChoice, type OcrEngineChoice } from './native-engine-probe.js'
export type { PageOcrDiagnostics, PreprocessOptions } from './ocr-page.js'
export { prepareLangPath } from './lang-data.js'

export interface OcrPagesOptions {
  /** An engine to use (and leave open); without one, an engine is created and closed here. */
  readonly engine?: OcrEngine
  /** Options for the engine created here (ignored with `engine`); without a `kind`, `auto`. */
  readonly engineOptions?: OcrEngineOptions | Omit<AutoEngineOptions, 'kind'>
  /**
   * Pages being worked on at once; cells of these pages share the workers. One more page than
   * workers keeps them busy while a page is cleaned up on the main thread. @default engine workers + 1
   */
  readonly pagesInFlight?: number
  /** A page taking longer than this fails (and is retried once). @default 300_000 */
  readonly pageTimeoutMs?: number
  readonly preprocess?: PreprocessOptions
  /** Find ruled tables and OCR them cell by cell. @default true */
  readonly tables?: boolean
  /**
   * Re-read numbers with the digit reader: `'auto'` uses the built-in one (`src/stages/ocr/digits`),
   * `false` keeps tesseract's digits, a function is used as the reader. @default 'auto'
   */
  readonly numberReader?: 'auto' | false | ReadNumber
  /** Called for each page read, with what the page clean-up found (for artifacts, benchmarks). */
  readonly onPage?: (page: Page, diagnostics: PageOcrDiagnostics) => void
}

const STAGE = 'ocr'

export async function ocrPageImages(images: readonly PageImage[], ctx: StageContext, options: OcrPagesOptions = {}): Promise<OcrResult> {
  ctx.signal.throwIfAborted()
  if (images.length === 0) return { pages: [], issues: [] }
  if (options.engine) return ocrWithEngine(images, options.engine, ctx, options)
  const engineOptions: OcrEngineOptions = options.engineOptions && 'kind' in options.engineOptions ? options.engineOptions : { kind: 'auto', ...options.engineOptions }
  return withOcrEngine(engineOptions, (engine) => ocrWithEngine(images, engine, ctx, options))
}

async function ocrWithEngine(images: readonly PageImage[], engine: OcrEngine, ctx: StageContext, options: OcrPagesOptions): Promise<OcrResult> {
  const pagesInFlight = options.pagesInFlight ?? engine.workers + 1
  if (!Number.isInteger(pagesInFlight) || pagesInFlight < 1) {
    throw new TypeError(`Expected \`pagesInFlight\` to be an integer >= 1, got \`${pagesInFlight}\` (${typeof pagesInFlight})`)
  }
  const pageTimeoutMs = options.pageTimeoutMs ?? 300_000
  const reader = options.numberReader === false ? undefined : typeof options.numberReader === 'function' ? options.numberReader : digitReader
  if (!reader) ctx.log({ stage: STAGE, msg: "digit reader turned off: numbers keep tesseract's reading" })
  const readNumber = reader ? guardReader(reader, ctx) : undefined

  ctx.log({ stage: STAGE, progress: 0, total: images.length, msg: `OCR of ${images.length} page(s) started` })
  const results: (Page | undefined)[] = new Array(images.length)
  const issues: DocIssue[] = []
  const queue = new PQueue({ concurrency: pagesInFlight })
  let done = 0

  const readOnce = async (image: PageImage) => {
    // Per-page deadline as a signal, so a slow page also stops queueing its remaining cells.
    const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(pageTimeoutMs)])
    return engine.withPage(image.page, signal, (session) =>
      ocrPage(image, session, {
        ...(options.preprocess ? { preprocess: options.preprocess } : {}),
        ...(options.tables === false ? { tables: false } : {}),
        ...(readNumber ? { readNumber } : {}),
      }),
    )
  }

  const accept = (image: PageImage, index: number, outcome: Awaited<ReturnType<typeof readOnce>>) => {
    results[index] = outcome.page
    const { unread } = outcome.diagnostics
    if (unread.length > 0) {
      const where = unread.map((b) => `(${Math.round(b.x0)}, ${Math.round(b.y0)})`).join(', ')
      issues.push({ code: 'ocr-unread-ink', severity: 'warning', page: image.page, stage: STAGE, message: `Page ${image.page}: ${unread.length} line(s) of ink outside the tables gave no text in OCR, at ${where} (points from the top left)` })
    }
    options.onPage?.(outcome.page, outcome.diagnostics)
    done += 1
    ctx.log({ stage: STAGE, page: image.page, progress: done / images.length, total: images.length, msg: `page ${image.page}: ${outcome.diagnostics.tables.length} table(s), ${outcome.page.blocks.length} block(s)` })
  }

  const failed: { image: PageImage; index: number }[] = []
  const tasks: Promise<void>[] = []
  for (const [index, image] of images.entries()) {
    if (ctx.signal.aborted) break
    // Feed the queue a page at a time: a handful of pages waiting, not the whole document
    // (each waiting task also holds a listener on the caller's signal).
    await queue.onSizeLessThan(queue.concurrency)
    tasks.push(
      queue.add(
        async () => {
          try {
            accept(image, index, await readOnce(image))
          } catch (error) {
            if (ctx.signal.aborted) throw error
            ctx.log({ stage: STAGE, page: image.page, msg: `page ${image.page} failed (${describe(error)}); will retry it alone` })
            failed.push({ image, index })
          }
        },
        { signal: ctx.signal },
      ),
    )
  }
  const settled = await Promise.allSettled(tasks)
  await queue.onIdle()
  ctx.signal.throwIfAborted()
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (rejected) throw rejected.reason

  // Second chance, one page at a time, so a page that failed under load gets the engine to itself.
  for (const { image, index } of failed.sort((a, b) => a.index - b.index)) {
    try {
      accept(image, index, await readOnce(image))
    } catch (error) {
      ctx.signal.throwIfAborted()
      issues.push({ code: 'page-failed', severity: 'error', page: image.page, stage: STAGE, message: `Page ${image.page} could not be OCR'd: ${describe(error)}` })
    }
  }
  return { pages: results.filter((p): p is Page => p !== undefined), issues, engine: engine.name }
}

/**
 * A digit reader that fails (e.g. its model file is missing) must not fail the page: the number
 * keeps tesseract's reading, marked uncertain, and the failure is logged once.
 */
function guardReader(read: ReadNumber, ctx: StageContext): ReadNumber {
  let reported = false
  return async (image, pattern, options) => {
    try {
      return await read(image, pattern, options)
    } catch (error) {
      if (!reported) ctx.log({ stage: STAGE, msg: `digit reader failed (${describe(error)}); numbers keep tesseract's reading` })
      reported = true
      return { text: '', value: null, confidence: 0, uncertain: true }
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.name === 'TimeoutError' ? 'timed out' : error.message
  return String(error)
}
