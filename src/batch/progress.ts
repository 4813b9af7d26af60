/**
 * Progress of a batch on the terminal (standard error, so standard output stays for data):
 * on a TTY one live line with files and pages done, rate and ETA; otherwise one plain line per
 * finished file, which reads well in CI logs and `tee`. Both end with the same summary.
 */
import type { StageEvent } from '../model/stage.js'
import type { BatchInput } from './discover-inputs.js'
import type { BatchReporter, BatchSummary, FinishedDocument } from './run-batch.js'

export interface ProgressStream {
  write(text: string): unknown
  readonly isTTY?: boolean
  readonly columns?: number
}

/** Counts shared by both reporters. */
class Tally {
  total = 0
  skipped = 0
  finished = 0
  failed = 0
  pagesFinished = 0
  readonly pagesActive = new Map<string, number>()
  readonly startedAt = performance.now()

  get done() {
    return this.skipped + this.finished
  }
  get pages() {
    let active = 0
    for (const n of this.pagesActive.values()) active += n
    return this.pagesFinished + active
  }
  /** Documents per minute in this run. */
  rate(now = performance.now()) {
    const minutes = (now - this.startedAt) / 60_000
    return minutes > 0 ? this.finished / minutes : 0
  }
  etaMs(now = performance.now()) {
    if (this.finished === 0) return undefined
    return ((now - this.startedAt) / this.finished) * (this.total - this.done)
  }
  page(input: BatchInput, event: StageEvent) {
    if (event.page !== undefined) this.pagesActive.set(input.path, Math.max(this.pagesActive.get(input.path) ?? 0, event.page))
  }
  finish(result: FinishedDocument) {
    this.pagesActive.delete(result.input.path)
    this.finished += 1
    if (result.status === 'done') this.pagesFinished += result.digest.pages
    else this.failed += 1
  }
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`
}

function resultLine(result: FinishedDocument): string {
  if (result.status === 'done') {
    const { pages, findings, errors } = result.digest
    return `ok      ${result.input.document}  (${pages} p, ${(result.ms / 1000).toFixed(1)} s, ${findings} findings${errors ? `, ${errors} errors` : ''})`
  }
  return `FAILED  ${result.input.document}  ${result.error.code}: ${result.error.message}`
}

export function formatSummary(summary: BatchSummary, outDir: string): string {
  const lines: string[] = []
  const { documents, failures, converted, skipped } = summary
  const queue = summary.by === 'queue'
  const records = queue ? 'manifest.d/' : 'manifest.jsonl'
  lines.push(
    summary.interrupted
      ? queue
        ? `Stopped waiting after ${formatDuration(summary.elapsedMs)}: ${converted} converted meanwhile; the workers go on, run queue wait again to export.`
        : `Interrupted after ${formatDuration(summary.elapsedMs)}: ${converted} converted in this run; re-run the same command to continue.`
      : queue
        ? `Converted ${documents} of ${summary.inputs} documents in the queue's folder (${converted} while waiting, ${skipped} before), ${summary.pages} pages, waited ${formatDuration(summary.elapsedMs)}.`
        : `Converted ${documents} of ${summary.inputs} inputs (${converted} in this run, ${skipped} unchanged since an earlier run), ${summary.pages} pages, in ${formatDuration(summary.elapsedMs)}.`,
  )
  if (failures.length > 0) {
    lines.push(`Failed: ${failures.length}`)
    const byCode = new Map<string, BatchSummary['failures']>()
    for (const f of failures) byCode.set(f.error.code, [...(byCode.get(f.error.code) ?? []), f])
    for (const [code, list] of [...byCode].sort((a, b) => b[1].length - a[1].length)) {
      lines.push(`  ${code} (${list.length})`)
      for (const f of list.slice(0, 10)) lines.push(`    ${f.document}: ${f.error.message}`)
      if (list.length > 10) lines.push(`    ... and ${list.length - 10} more (see ${records})`)
    }
  }
  if (summary.reviews) {
    lines.push(`Reviews: ${summary.reviews.written} written (<document>.review.html)${summary.reviews.failed.length > 0 ? `, ${summary.reviews.failed.length} failed` : ''}.`)
    for (const f of summary.reviews.failed.slice(0, 10)) lines.push(`  ${f.document}: ${f.error.message}`)
  }
  if (summary.ocr.engines > 0) lines.push(`OCR: ${summary.ocr.pages} pages read by the batch's shared engine (${summary.ocr.workers} workers).`)
  const rules = Object.entries(summary.findingsByRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  if (rules.length > 0) {
    lines.push('Findings by rule:')
    for (const [rule, n] of rules) lines.push(`  ${String(n).padStart(6)}  ${rule}`)
  }
  if (!summary.interrupted) lines.push(`Output: ${outDir} (per-document JSON, all.jsonl, documents/indicators/items/measures/findings.csv, ${records})`)
  return `${lines.join('\n')}\n`
}

/** One line per finished file; for logs and pipes. */
export function createLineReporter(stream: ProgressStream): BatchReporter {
  const tally = new Tally()
  let outDir = ''
  return {
    begin(info) {
      tally.total = info.total
      outDir = info.outDir
      for (const w of info.warnings) stream.write(`warning: ${w}\n`)
      stream.write(`${info.total} inputs under ${info.root}\n`)
    },
    skipped() {
      tally.skipped += 1
    },
    started() {},
    page: (input, event) => tally.page(input, event),
    finished(result) {
      tally.finish(result)
      stream.write(`[${tally.done}/${tally.total}] ${resultLine(result)}\n`)
    },
    end(summary) {
      stream.write(formatSummary(summary, outDir))
    },
  }
}

const BAR_WIDTH = 24
const REDRAW_MS = 200

/** A live status line, redrawn in place; failures are printed above it as they happen. */
export function createTtyReporter(stream: ProgressStream): BatchReporter {
  const tally = new Tally()
  let outDir = ''
  let lastDraw = 0
  let timer: NodeJS.Timeout | undefined
  const active = new Set<string>()

  const line = () => {
    const fraction = tally.total ? tally.done / tally.total : 1
    const filled = Math.round(fraction * BAR_WIDTH)
    const eta = tally.etaMs()
    const parts = [
      `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`,
      `${tally.done}/${tally.total} files`,
      `${tally.pages} pages`,
      `${tally.rate().toFixed(1)} docs/min`,
      `ETA ${eta === undefined ? '?' : formatDuration(eta)}`,
    ]
    if (tally.failed) parts.push(`${tally.failed} failed`)
    const current = [...active].at(-1)
    if (current) parts.push(current)
    const text = parts.join('  ')
    const width = (stream.columns ?? 100) - 1
    return text.length > width ? `${text.slice(0, width - 1)}…` : text
  }
  const draw = (force = false) => {
    const now = performance.now()
    if (!force && now - lastDraw < REDRAW_MS) return
    lastDraw = now
    stream.write(`\r\x1b[2K${line()}`)
  }
  const above = (text: string) => stream.write(`\r\x1b[2K${text}\n`)

  return {
    begin(info) {
      tally.total = info.total
      outDir = info.outDir
      for (const w of info.warnings) above(`warning: ${w}`)
      // Keep the rate and ETA moving while a long file is converting.
      timer = setInterval(() => draw(true), 1000)
      timer.unref()
      draw(true)
    },
    skipped() {
      tally.skipped += 1
      draw()
    },
    started(input) {
      active.add(input.document)
      draw()
    },
    page(input, event) {
      tally.page(input, event)
      draw()
    },
    finished(result) {
      active.delete(result.input.document)
      tally.finish(result)
      if (result.status === 'failed') above(resultLine(result))
      draw(true)
    },
    end(summary) {
      if (timer) clearInterval(timer)
      stream.write('\r\x1b[2K')
      stream.write(formatSummary(summary, outDir))
    },
  }
}

export function createReporter(stream: ProgressStream = process.stderr): BatchReporter {
  return stream.isTTY ? createTtyReporter(stream) : createLineReporter(stream)
}
