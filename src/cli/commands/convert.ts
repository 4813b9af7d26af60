import { stat } from 'node:fs/promises'
import { sep } from 'node:path'
import { isDynamicPattern } from 'tinyglobby'
import { BadArgsError } from '../../errors.js'
import { createReporter } from '../../batch/progress.js'
import { runBatch } from '../../batch/run-batch.js'
import { writeFileAtomic } from '../../stages/export/atomic-file.js'
import { REVIEW_SUFFIX, writeReviewIfStale } from '../../stages/export/review/write-review.js'
import { OCR_ENGINE_HELP, ocrEngineArg, ocrMode, parseCommandArgs, positiveNumber } from '../args.js'
import type { Command, CommandIO } from '../command.js'
import type { Outcome } from '../exit-code.js'
import { gapSummary } from '../gaps.js'
import { errorLine } from '../output.js'
import { reportFileText } from '../../stages/export/report-json.js'

const usage = `Usage: ita-extract convert <file> [-o out.json]
       ita-extract convert <files, folders or globs...> -o <outdir> [--jobs N] [--bom] [--force]
                           [--timeout S] [--page-timeout S] [--html] [--ocr-engine auto|js|native]

Convert ITA reports into structured JSON (the schema is schemas/ita-report.schema.json).
Inputs: PDFs, images, Word and Writer files (.docx, .odt), OCR transcripts (.txt, .md, .html).

One file, and no -o or -o <file>.json: the JSON goes to standard output or that file.
Several inputs, a folder, a glob, or -o <folder>: a resumable batch. Folders are searched
recursively; <outdir> gets one <input>.json per input (mirroring the folders), all.jsonl,
documents.csv, indicators.csv, items.csv, measures.csv, findings.csv and manifest.jsonl.
Re-running the same command skips inputs already converted with the same bytes, version and
options. CSV columns: docs/csv-columns.md (in the package's folder).

Options:
  -o, --output <path>   a .json file (one input) or an output folder (batch)
      --no-check        skip the consistency checks (findings stay empty)
      --html            also write a review for officers beside each JSON: <name>.review.html,
                        one self-contained HTML file (findings with the page crops of the
                        numbers that disagree, the score tables); opens offline, prints on A4
      --ocr <mode>      auto: OCR pages without a trustworthy text layer (default);
                        always: OCR every page; never: read text layers only
${OCR_ENGINE_HELP}
  -j, --jobs <n>        batch: files converted at once, one process each (default: CPU cores);
                        their pages share one OCR engine with a worker per CPU core
      --timeout <s>     batch: stop a file after this many seconds (default: 600), plus 60 s
                        for every page it finishes (a long scan that keeps going is not stopped)
      --page-timeout <s>
                        stop OCR of a page after this many seconds (default: 300); the page
                        is tried once more, then reported as a page-failed gap, and the file
                        goes on. A batch re-run converts again reports with failed pages
                        when this value changes.
      --force           batch: convert everything again, even inputs already done
      --bom             batch: start the CSVs with a UTF-8 byte-order mark (for Excel)
      --no-csv-escape   batch: write CSV text exactly as read (no ' before a leading = + - @)
  -h, --help            show this help

Batch exit codes: 0 all converted, 8 some inputs failed (see the summary and manifest.jsonl),
2 no input could be converted (all unreadable), 64 bad arguments, 130 interrupted (re-run to
continue).

Examples:
  ita-extract convert report.ocr.txt -o report.json
  ita-extract convert report.md | jq '.indicators[].scores'
  ita-extract convert reports/ 'more/**/*.pdf' -o out/ --jobs 4 --bom
  ita-extract convert scans/ -o out/ --html`

export const convertCommand: Command = {
  name: 'convert',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseConvertArgs(argv)
    if (positionals.length === 0) throw new BadArgsError('convert needs at least one input file, folder or glob')
    if (await isBatch(positionals, values.output)) return stopOnSigterm(io, (batchIo) => runBatchCommand(positionals, values, batchIo))
    const input = positionals[0]!
    if (values.html && !values.output) throw new BadArgsError('--html needs -o <file>.json (the review is written beside it)')
    const ocr = ocrMode(values.ocr)
    const ocrEngineChoice = await ocrEngineArg(values['ocr-engine'])
    const pageTimeout = positiveNumber('page-timeout', values['page-timeout'], false)
    // A batch's runner only hands documents to converter processes: the pipeline (pdf.js, canvas,
    // tesseract.js) is loaded here, for the one file converted in this process.
    const { convertFile } = await import('../../../pipelines/convert.js')
    const report = await convertFile(input, {
      check: !values['no-check'],
      signal: io.signal,
      ...(ocr && { ocr }),
      ...(ocrEngineChoice && { ocrEngineChoice }),
      ...(pageTimeout === undefined ? {} : { pageTimeoutMs: pageTimeout * 1000 }),
    })
    const json = reportFileText(report)
    if (values.output) await writeFileAtomic(values.output, json)
    else process.stdout.write(json)
    if (values.html) await writeReviewIfStale(reviewPathFor(values.output!), report, input, values.output!)
    const { partial, lines } = gapSummary(report)
    for (const line of lines) errorLine(line)
    return { type: 'converted', partial }
  },
}

function parseConvertArgs(argv: string[]) {
  return parseCommandArgs('convert', argv, {
    output: { type: 'string', short: 'o' },
    'no-check': { type: 'boolean' },
    html: { type: 'boolean' },
    ocr: { type: 'string' },
    'ocr-engine': { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    timeout: { type: 'string' },
    'page-timeout': { type: 'string' },
    force: { type: 'boolean' },
    bom: { type: 'boolean' },
    'no-csv-escape': { type: 'boolean' },
  })
}

type ConvertArgs = ReturnType<typeof parseConvertArgs>['values']

/**
 * SIGTERM (a service manager, `timeout`, `docker stop`) stops a batch as Ctrl-C does: running
 * files are abandoned, finished ones kept, the summary written, exit 130.
 */
async function stopOnSigterm<T>(io: CommandIO, run: (io: CommandIO) => Promise<T>): Promise<T> {
  const terminated = new AbortController()
  const onTerm = () => terminated.abort(new DOMException('terminated (SIGTERM)', 'AbortError'))
  process.once('SIGTERM', onTerm)
  try {
    return await run({ ...io, signal: AbortSignal.any([io.signal, terminated.signal]) })
  } finally {
    process.off('SIGTERM', onTerm)
  }
}

/** One input that is a file, and no output or a .json output: today's single-file behaviour. */
async function isBatch(positionals: string[], output: string | undefined): Promise<boolean> {
  if (positionals.length > 1) return true
  const input = positionals[0]!
  if (isDynamicPattern(input.split(sep).join('/'))) return true
  if ((await stat(input).catch(() => undefined))?.isDirectory()) return true
  return output !== undefined && !/\.json$/i.test(output)
}

/** `out/report.json` -> `out/report.review.html`. */
function reviewPathFor(jsonPath: string): string {
  return `${jsonPath.replace(/\.json$/i, '')}${REVIEW_SUFFIX}`
}

async function runBatchCommand(inputs: string[], values: ConvertArgs, io: CommandIO): Promise<Outcome> {
  if (!values.output) throw new BadArgsError('converting several inputs or a folder needs an output folder: -o <outdir>')
  const jobs = positiveNumber('jobs', values.jobs, true)
  const timeout = positiveNumber('timeout', values.timeout, false)
  const pageTimeout = positiveNumber('page-timeout', values['page-timeout'], false)
  const ocr = ocrMode(values.ocr)
  const ocrEngineChoice = await ocrEngineArg(values['ocr-engine'])
  const summary = await runBatch(inputs, {
    ...(ocr && { ocr }),
    ...(ocrEngineChoice && { ocrEngineChoice }),
    outDir: values.output,
    check: !values['no-check'],
    force: values.force ?? false,
    bom: values.bom ?? false,
    csvEscape: !values['no-csv-escape'],
    html: values.html ?? false,
    signal: io.signal,
    reporter: createReporter(process.stderr),
    ...(jobs === undefined ? {} : { jobs }),
    ...(timeout === undefined ? {} : { timeoutMs: timeout * 1000 }),
    ...(pageTimeout === undefined ? {} : { pageTimeoutMs: pageTimeout * 1000 }),
  })
  return { type: 'batch', summary }
}
