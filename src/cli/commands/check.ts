import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { isDynamicPattern } from 'tinyglobby'
import * as z from 'zod'
import { BadArgsError, InputFileError, NotAReportError } from '../../errors.js'
import { convertBytes } from '../../../pipelines/convert.js'
import { ReportSchema, type Report } from '../../report/schema.js'
import { checkReport } from '../../stages/check/check-report.js'
import { formatJson } from '../../stages/check/format/json.js'
import { formatMarkdown } from '../../stages/check/format/markdown.js'
import type { CheckResult } from '../../stages/check/format/result.js'
import { formatTerminal } from '../../stages/check/format/terminal.js'
import { writeFileAtomic } from '../../stages/export/atomic-file.js'
import { buildReview, findReviewSource, reviewSource, type ReviewSource } from '../../stages/export/review/index.js'
import type { Command, CommandIO } from '../command.js'
import { displayPath, fsReason } from '../../_internal/fs.js'
import { discoverInputs, INPUT_EXTENSIONS } from '../../batch/discover-inputs.js'
import { OCR_ENGINE_HELP, ocrEngineArg, parseCommandArgs } from '../args.js'
import type { OcrEngineChoice } from '../../stages/ocr/native-engine-probe.js'
import { errorLine, isTTY } from '../output.js'

const FORMATS = ['text', 'json', 'markdown', 'html'] as const
type Format = (typeof FORMATS)[number]

const usage = `Usage: ita-extract check <file...> [--format text|json|markdown|html] [-o <file>]

Check ITA reports for numbers that contradict each other (the same score printed differently
in two sections, tool and total scores that do not follow from the indicator scores, measures
filed under the wrong indicator or planned for the wrong year, ...).
Inputs: JSON written by \`ita-extract convert\` (instant; for a JSON, the html review finds the
original file it names when its SHA-256 still matches), transcripts (.txt, .md, .html), Word and
Writer files (.docx, .odt), PDFs and page images (PNG, JPEG), converted first: pages that need OCR take seconds to minutes each.
Folders are searched recursively for all of these; globs work too.

Options:
  -f, --format <fmt>   text (default; colour on a terminal), json, markdown (Thai, for officers),
                       or html: one self-contained review (Thai, English toggle) with a crop of
                       the page at each number that disagrees, boxed; opens offline, prints on A4
${OCR_ENGINE_HELP.replace(/^ {6}/, '      ').replace(/\n {24}/g, '\n                       ')}
  -o, --output <file>  write the results to this file instead of standard output (same formats,
                       no colour); the file appears complete or not at all
  -h, --help           show this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 an input could not be read.
            6 the -o file could not be written, 64 bad arguments.

Examples:
  ita-extract check report.ocr.txt
  ita-extract check report.json --format markdown -o check-report.md
  ita-extract check scan.pdf --format html -o review.html
  ita-extract check reports/*.txt --format json | jq '.files[] | select(.ok | not) | .file'`

export const checkCommand: Command = {
  name: 'check',
  usage,
  async run(argv, io) {
    const { format, files, output, engine } = parseCheckArgs(argv)
    const ocrEngineChoice = await ocrEngineArg(engine)
    const checked: Checked[] = []
    for (const arg of files) {
      const expanded = await expandFolder(arg)
      if (Array.isArray(expanded)) for (const file of expanded) checked.push(await checkOne(file, io, format === 'html', ocrEngineChoice))
      else checked.push({ result: expanded })
    }
    const results = checked.map((c) => c.result)
    const colour = output === undefined && isTTY()
    const text =
      format === 'html'
        ? await formatHtml(checked)
        : format === 'json'
          ? formatJson(results)
          : format === 'markdown'
            ? formatMarkdown(results)
            : formatTerminal(results, { colour })
    if (output === undefined) process.stdout.write(text)
    else await writeFileAtomic(output, text)
    return { type: 'checked', results }
  },
}

/** A folder or glob becomes the reports in it (JSON and every input `convert` reads); a file stays itself. */
async function expandFolder(arg: string): Promise<string[] | CheckResult> {
  const isFolder = (await stat(arg).catch(() => undefined))?.isDirectory()
  if (!isFolder && !isDynamicPattern(arg.split(sep).join('/'))) return [arg]
  try {
    const { inputs } = await discoverInputs([arg], { extensions: [...INPUT_EXTENSIONS, '.json'] })
    return inputs.map((i) => displayPath(i.path))
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error
    errorLine(error.message)
    return { file: arg, findings: [], error: { code: error.code, message: error.message } }
  }
}

/** One input's result, with the file it was read from when a review needs it. */
interface Checked {
  readonly result: CheckResult
  readonly source?: ReviewSource
}

async function checkOne(file: string, io: CommandIO, wantSource: boolean, ocrEngineChoice: OcrEngineChoice | undefined): Promise<Checked> {
  try {
    const { report, bytes } = await readReport(file, io, ocrEngineChoice)
    const findings = checkReport(report)
    const result = { file, report, findings }
    if (!wantSource) return { result }
    return { result, source: bytes ? reviewSource(report, bytes) : await findReviewSource(report, file) }
  } catch (error) {
    // One unreadable input must not hide the results of the others; anything else is a bug or an environment failure.
    if (error instanceof InputFileError) {
      errorLine(error.message)
      // The result names the file already: its message need not say it again.
      const message = error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message
      return { result: { file, findings: [], error: { code: error.code, message } } }
    }
    throw error
  }
}

function formatHtml(checked: readonly Checked[]): Promise<string> {
  return buildReview(
    checked.flatMap(({ result, source }) => (result.report && source ? [{ report: result.report, findings: result.findings, source }] : [])),
    checked.flatMap(({ result }) => (result.error ? [{ file: result.file, message: result.error.message }] : [])),
  )
}

/**
 * A report from a JSON file written by `convert` (no `bytes`), or converted from any other input
 * (with the input's bytes).
 */
async function readReport(file: string, io: CommandIO, ocrEngineChoice: OcrEngineChoice | undefined): Promise<{ report: Report; bytes?: Uint8Array }> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (cause) {
    throw new InputFileError(`${file}: cannot read the file (${fsReason(cause)})`, { file, cause })
  }
  if (!looksLikeJson(file, bytes)) return { report: await convertBytes(bytes, file, { check: false, signal: io.signal, ...(ocrEngineChoice && { ocrEngineChoice }) }), bytes }
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch (cause) {
    throw new NotAReportError(`${file}: not valid JSON (${(cause as Error).message})`, { file, cause })
  }
  const parsed = ReportSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first?.path.length ? ` at ${first.path.join('.')}` : ''
    throw new NotAReportError(`${file}: JSON is not an ita-extract report (schemaVersion 1)${where}: ${first?.message ?? z.prettifyError(parsed.error)}`, {
      file,
      cause: parsed.error,
    })
  }
  return { report: parsed.data }
}

function looksLikeJson(file: string, bytes: Uint8Array): boolean {
  if (extname(file).toLowerCase() === '.json') return true
  const head = Buffer.from(bytes.subarray(0, 64)).toString('utf8').trimStart()
  return head.startsWith('{')
}

function parseCheckArgs(argv: string[]): { format: Format; files: string[]; output: string | undefined; engine: string | undefined } {
  const parsed = parseCommandArgs('check', argv, { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, 'ocr-engine': { type: 'string' } })
  const format = parsed.values.format ?? 'text'
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new BadArgsError(`--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(format)}`)
  }
  if (parsed.positionals.length === 0) throw new BadArgsError('check needs at least one input file or folder')
  const output = parsed.values.output
  if (output === '') throw new BadArgsError('--output needs a file name')
  if (output !== undefined && parsed.positionals.some((file) => resolve(file) === resolve(output))) {
    throw new BadArgsError(`--output ${JSON.stringify(output)} is also an input; refusing to overwrite it`)
  }
  return { format: format as Format, files: parsed.positionals, output, engine: parsed.values['ocr-engine'] }
}
