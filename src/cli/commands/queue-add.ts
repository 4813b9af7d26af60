import { parseArgs } from 'node:util'
import { BadArgsError } from '../../errors.js'
import { addJobs, type AddSummary } from '../../queue/add-jobs.js'
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, DEFAULT_QUEUE } from '../../queue/job.js'
import { ocrMode, parsedArgs, positiveNumber, queueArgs, requiredRedis, seconds } from '../args.js'
import type { Command } from '../command.js'
import { errorLine } from '../output.js'

export const queueAddUsage = `Usage: ita-extract queue add <files, folders or globs...> --redis <url> -o <outdir>
                             [--queue <name>] [--no-check] [--ocr MODE] [--page-timeout S]
                             [--attempts N] [--backoff S] [--retry-failed]

Adds one job per input document. Inputs are found as \`convert\` finds them (folders searched
recursively, the same document ids) and read by path: they and <outdir> must be on storage every
worker reaches at the same path. A job's id comes from the input's content hash, the ita-extract
version, the options and the document's place in <outdir>, so adding the same inputs again adds
nothing: a document already converted or already in the queue is counted, not added.

Options:
      --redis <url>       redis://host:port[/db], rediss:// (TLS) or unix:///path.sock
      --queue <name>      queue name (default: ${DEFAULT_QUEUE}); one queue writes to one <outdir>
  -o, --output <dir>      the output folder the workers write to
      --no-check          skip the consistency checks (findings stay empty)
      --ocr <mode>        auto (default), always or never, as for convert
      --page-timeout <s>  stop OCR of a page after this many seconds (default: 300)
      --attempts <n>      tries per document before it is failed (default: ${DEFAULT_ATTEMPTS}); an input
                          that cannot be read fails at once
      --backoff <s>       wait before the first retry, doubled for each next one (default: ${DEFAULT_BACKOFF_MS / 1000})
      --retry-failed      put documents that failed after their tries back in the queue

Exit codes: 0 every input added or already there, 8 some inputs could not be read (the rest
were added), 2 none could be read, 3 Redis unreachable, 64 bad arguments.`

export const queueAddCommand: Command = {
  name: 'queue add',
  usage: queueAddUsage,
  async run(argv, io) {
    const { values, positionals } = parsedArgs(() =>
      parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          ...queueArgs,
          output: { type: 'string', short: 'o' },
          'no-check': { type: 'boolean' },
          ocr: { type: 'string' },
          'page-timeout': { type: 'string' },
          attempts: { type: 'string' },
          backoff: { type: 'string' },
          'retry-failed': { type: 'boolean' },
        },
      }),
    )
    if (positionals.length === 0) throw new BadArgsError('queue add needs at least one input file, folder or glob')
    if (!values.output) throw new BadArgsError('queue add needs the output folder the workers write to: -o <outdir>')
    const ocr = ocrMode(values.ocr)
    const pageTimeoutMs = seconds('page-timeout', values['page-timeout'])
    const attempts = positiveNumber('attempts', values.attempts, true)
    const backoffMs = values.backoff === '0' ? 0 : seconds('backoff', values.backoff)
    const summary = await addJobs(positionals, {
      url: requiredRedis(values.redis),
      outDir: values.output,
      check: !values['no-check'],
      retryFailed: values['retry-failed'] ?? false,
      signal: io.signal,
      ...(values.queue === undefined ? {} : { queue: values.queue }),
      ...(ocr && { ocr }),
      ...(pageTimeoutMs === undefined ? {} : { pageTimeoutMs }),
      ...(attempts === undefined ? {} : { attempts }),
      ...(backoffMs === undefined ? {} : { backoffMs }),
    })
    report(summary)
    return { type: 'queued', inputs: summary.inputs, unreadable: summary.unreadable }
  },
}

function report(summary: AddSummary): void {
  for (const w of summary.warnings) errorLine(`warning: ${w}`)
  for (const u of summary.unreadable) errorLine(u.error.message)
  const parts = [`${summary.added} added`, `${summary.done} already done`, `${summary.queued} already queued`]
  if (summary.failed) parts.push(`${summary.failed} failed earlier (--retry-failed puts them back)`)
  if (summary.retried) parts.push(`${summary.retried} failed earlier, put back`)
  if (summary.unreadable.length) parts.push(`${summary.unreadable.length} unreadable`)
  process.stderr.write(`${summary.inputs} inputs: ${parts.join(', ')}. Output: ${summary.outDir}\n`)
}
