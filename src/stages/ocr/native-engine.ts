/**
 * The native OCR engine: the system's `tesseract` (Debian's tesseract-ocr + tesseract-ocr-tha)
 * run through execFile from a helper process (native-engine-launcher.ts), one single-threaded
 * process per core (`OMP_THREAD_LIMIT=1`: with its OpenMP threads, two processes on two cores spin
 * each other to a crawl).
 *
 * A `tha+eng` process costs 0.3-0.45 CPU-s to start, so images are not read one process each.
 * Most of it is English and no option removes it: about half is the legacy engine's universal
 * ambiguity table, built for every language's character set even with `--oem 1` (Debian's build
 * has the legacy engine), and the rest reading the 4 MB model and its word list. `-c load_*_dawg=0`
 * does not reach the LSTM's dictionary, and a model without the word list reads differently.
 * So: images asked for within a few milliseconds of each other, or while
 * every process is busy, go to one process as a list file (tesseract reads a list of image files
 * in one run), and each answer is cut out of its TSV (`page_num` is the image's place in the
 * list) and text output (images separated by form feeds). The text output gives each line as
 * tesseract.js gives it (Thai words touching or spaced as printed); the TSV gives the word boxes
 * and confidences, and `alignLine` joins them exactly as for tesseract.js.
 *
 * A batch whose process fails (an image it cannot read stops the whole list) is read again one
 * image per process, so one bad image fails alone.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { MissingDependencyError, OcrEngineError } from '../../errors.js'
import { createLauncher } from './native-engine-launcher.js'
import { probeNativeTesseract } from './native-engine-probe.js'
import type { PixelBox } from './image.js'
import { alignLine, type OcrEngine, type OcrLine, type OcrSession, type OcrWord, type RecognisedText, type RecogniseOptions } from './engine.js'

export interface NativeEngineOptions {
  readonly kind: 'native'
  /** tesseract language codes; each must be in `tesseract --list-langs`. @default ['tha', 'eng'] */
  readonly langs?: readonly string[]
  /** tesseract processes at once. @default os.availableParallelism() */
  readonly workers?: number
  /** The tesseract executable. @default 'tesseract' */
  readonly command?: string
  /** Most images given to one process. @default 32 */
  readonly maxBatch?: number
  /** Time allowed per image of a batch, on top of `startTimeoutMs`. @default 10_000 */
  readonly imageTimeoutMs?: number
  /** Time allowed for a process to start (load its models). @default 30_000 */
  readonly startTimeoutMs?: number
}

const PSM = { auto: '3', block: '6', line: '7', word: '8' } as const
/** How long images are gathered, when a process is free, before a batch starts. */
const GATHER_MS = 15

interface Job {
  readonly image: Uint8Array
  readonly key: string
  readonly args: readonly string[]
  readonly page: number
  readonly signal: AbortSignal
  /** The images of its page not answered yet (this one included). */
  readonly outstanding: ReadonlySet<Job>
  resolve(text: RecognisedText): void
  reject(error: unknown): void
  done: boolean
}

export async function createNativeEngine(options: NativeEngineOptions): Promise<OcrEngine> {
  const langs = options.langs ?? ['tha', 'eng']
  const command = options.command ?? 'tesseract'
  const workers = options.workers ?? availableParallelism()
  const maxBatch = options.maxBatch ?? 32
  const imageTimeoutMs = options.imageTimeoutMs ?? 10_000
  const startTimeoutMs = options.startTimeoutMs ?? 30_000
  for (const [name, value] of Object.entries({ workers, maxBatch })) {
    if (!Number.isInteger(value) || value < 1) throw new TypeError(`Expected \`${name}\` to be an integer >= 1, got \`${value}\` (${typeof value})`)
  }
  const found = await probeNativeTesseract(command, langs)
  if ('missing' in found) throw new MissingDependencyError(`Native OCR engine unavailable: ${found.missing}`, { stage: 'ocr' })
  const dir = await mkdtemp(join(tmpdir(), 'ita-extract-native-'))
  const launcher = createLauncher()

  const pending: Job[] = []
  let running = 0
  let batches = 0
  let gathering: NodeJS.Timeout | undefined
  let closed = false
  const idle: Array<() => void> = []

  function schedule(): void {
    if (gathering || running >= workers) return
    gathering = setTimeout(() => {
      gathering = undefined
      pump()
    }, GATHER_MS)
  }

  /**
   * Starts batches while processes are free: the waiting images split evenly over them, the
   * images of pages with fewer out first (a page with two lines left is not held up by another
   * file's fifty, as in the batch's OCR host).
   */
  function pump(): void {
    for (let i = pending.length - 1; i >= 0; i--) if (pending[i]!.done || pending[i]!.signal.aborted) pending.splice(i, 1)
    pending.sort((a, b) => a.outstanding.size - b.outstanding.size)
    while (running < workers && pending.length > 0) {
      const key = pending[0]!.key
      const same = pending.filter((j) => j.key === key).length
      const size = Math.min(maxBatch, Math.ceil(same / (workers - running)))
      const batch: Job[] = []
      for (let i = 0; i < pending.length && batch.length < size; ) {
        if (pending[i]!.key === key) batch.push(...pending.splice(i, 1))
        else i++
      }
      running += 1
      void readBatch(batch).finally(() => {
        running -= 1
        if (running === 0) for (const wake of idle.splice(0)) wake()
        pump()
      })
    }
  }

  async function readBatch(batch: Job[]): Promise<void> {
    const id = batches++
    const controller = new AbortController()
    // Every image of the batch given up (its page failed or was cancelled): stop the process.
    const onAbort = () => {
      if (batch.every((j) => j.done || j.signal.aborted)) controller.abort()
    }
    const signals = new Set(batch.map((j) => j.signal))
    for (const signal of signals) signal.addEventListener('abort', onAbort, { once: true })
    const files = batch.map((_, i) => join(dir, `${id}-${i}.img`))
    const list = join(dir, `${id}.list`)
    const out = join(dir, `${id}-out`)
    try {
      await Promise.all(batch.map((job, i) => writeFile(files[i]!, job.image)))
      await writeFile(list, files.join('\n') + '\n')
      const timeoutMs = startTimeoutMs + imageTimeoutMs * batch.length
      let texts: RecognisedText[]
      try {
        const args = [list, out, '-l', langs.join('+'), '--oem', '1', ...batch[0]!.args, '-c', 'preserve_interword_spaces=1', '-c', 'tessedit_create_txt=1', '-c', 'tessedit_create_tsv=1']
        await launcher.run(command, args, { timeoutMs, env: { OMP_THREAD_LIMIT: '1' }, signal: controller.signal })
        const [txt, tsv] = await Promise.all([readFile(`${out}.txt`, 'utf8'), readFile(`${out}.tsv`, 'utf8')])
        texts = parseTesseractOutput(txt, tsv, batch.length)
      } catch (error) {
        if (controller.signal.aborted) return
        if (batch.length > 1) {
          // One image tesseract cannot read stops the list: read them one by one, each failing alone.
          for (const job of batch) if (!job.done) enqueueAlone(job)
          return
        }
        const timedOut = (error as { killed?: boolean }).killed === true
        const message = timedOut ? `native tesseract took over ${Math.round(timeoutMs / 1000)} s on one image` : `native tesseract failed: ${reason(error)}`
        return settle(batch[0]!, () => batch[0]!.reject(new OcrEngineError(`OCR failed on page ${batch[0]!.page}: ${message}`, { stage: 'ocr', page: batch[0]!.page, cause: error })))
      }
      batch.forEach((job, i) => settle(job, () => job.resolve(texts[i]!)))
    } finally {
      for (const signal of signals) signal.removeEventListener('abort', onAbort)
      await Promise.all([list, `${out}.txt`, `${out}.tsv`, ...files].map((f) => rm(f, { force: true })))
    }
  }

  /** Reads a job in a batch of its own, ahead of the others (it has waited once already). */
  function enqueueAlone(job: Job): void {
    const alone: Job = { ...job, key: `${job.key}|alone|${Math.random()}` }
    // The copy settles the original.
    alone.resolve = (text) => settle(job, () => job.resolve(text))
    alone.reject = (error) => settle(job, () => job.reject(error))
    pending.unshift(alone)
  }

  function settle(job: Job, fn: () => void): void {
    if (job.done) return
    job.done = true
    fn()
  }

  function recognise(page: number, signal: AbortSignal, waiting: Set<Job>, image: Uint8Array, recogniseOptions: RecogniseOptions = {}): Promise<RecognisedText> {
    signal.throwIfAborted()
    if (closed) return Promise.reject(new OcrEngineError('The OCR engine is closed', { stage: 'ocr', page }))
    const psm = PSM[recogniseOptions.segmentation ?? 'block']
    const dpi = recogniseOptions.dpi ? String(Math.round(recogniseOptions.dpi)) : undefined
    const args = ['--psm', psm, ...(dpi ? ['--dpi', dpi] : [])]
    return new Promise<RecognisedText>((resolve, reject) => {
      const job: Job = {
        image,
        key: args.join(' '),
        args,
        page,
        signal,
        outstanding: waiting,
        resolve: (text) => (waiting.delete(job), resolve(text)),
        reject: (error) => (waiting.delete(job), reject(error)),
        done: false,
      }
      waiting.add(job)
      pending.push(job)
      schedule()
    })
  }

  return {
    kind: 'native',
    name: `${found.version} (native)`,
    workers,
    capacity: workers * maxBatch,
    generations: 1,
    async withPage(page, signal, fn) {
      signal.throwIfAborted()
      if (closed) throw new OcrEngineError('The OCR engine is closed', { stage: 'ocr', page })
      // One listener per page, not per image: a page asks for a hundred images.
      const waiting = new Set<Job>()
      const onAbort = () => {
        for (const job of [...waiting]) settle(job, () => job.reject(signal.reason))
      }
      signal.addEventListener('abort', onAbort, { once: true })
      try {
        return await fn({ recognise: (image, o) => recognise(page, signal, waiting, image, o) })
      } finally {
        signal.removeEventListener('abort', onAbort)
      }
    },
    async close() {
      closed = true
      if (gathering) clearTimeout(gathering)
      gathering = undefined
      for (const job of pending.splice(0)) settle(job, () => job.reject(new OcrEngineError('The OCR engine is closed', { stage: 'ocr', page: job.page })))
      if (running > 0) await new Promise<void>((resolve) => idle.push(resolve))
      await launcher.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * tesseract's `txt` and `tsv` output for a list of `count` images -> one RecognisedText each.
 * Lines pair up in order: the text output has one line of text per TSV line that has words
 * (paragraphs are separated by empty lines). Where they do not pair up, a line's text is its
 * words joined by spaces.
 */
export function parseTesseractOutput(txt: string, tsv: string, count: number): RecognisedText[] {
  const pages = txt.split('\f')
  if (pages.length === count + 1 && pages.at(-1)!.trim() === '') pages.pop()
  if (pages.length !== count) throw new OcrEngineError(`native tesseract returned text for ${pages.length} of ${count} images`, { stage: 'ocr' })
  /** Page (1-based place in the list) -> line key -> the line's box and words. */
  const lines = new Map<number, Map<string, { bbox: PixelBox; words: OcrWord[] }>>()
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t')
    if (f.length < 12 || (f[0] !== '4' && f[0] !== '5')) continue
    const [left, top, width, height] = f.slice(6, 10).map(Number) as [number, number, number, number]
    const bbox = { x0: left, y0: top, x1: left + width, y1: top + height }
    const page = Number(f[1])
    const key = `${f[2]}.${f[3]}.${f[4]}`
    const pageLines = lines.get(page) ?? new Map<string, { bbox: PixelBox; words: OcrWord[] }>()
    lines.set(page, pageLines)
    if (f[0] === '4') {
      pageLines.set(key, { bbox, words: [] })
      continue
    }
    const text = f.slice(11).join('\t').trim()
    // Whole percent, as tesseract.js gives it.
    if (text !== '') pageLines.get(key)?.words.push({ text, confidence: clamp01(Math.round(Number(f[10])) / 100), bbox })
  }
  return pages.map((pageText, i) => {
    const tsvLines = [...(lines.get(i + 1)?.values() ?? [])].filter((l) => l.words.length > 0)
    const textLines = pageText.split('\n').filter((l) => l.trim() !== '')
    const paired = textLines.length === tsvLines.length
    const read: OcrLine[] = tsvLines.map((l, k) => alignLine(paired ? textLines[k]! : l.words.map((w) => w.text).join(' '), l.words, l.bbox))
    const confidences = read.flatMap((l) => l.words.map((w) => w.confidence))
    return { text: read.map((l) => l.text).join('\n'), lines: read, confidence: confidences.length ? Math.min(...confidences) : 0 }
  })
}

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').filter((l) => !l.startsWith('Page ')).at(-1)
  return stderr ? `${error.message.split('\n')[0]} (${stderr})` : error.message.split('\n')[0]!
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0
}
