import { parseArgs } from 'node:util'
import { BadArgsError } from '../../errors.js'
import type { Outcome } from '../exit-code.js'
import { displayUrl } from '../../queue/connection.js'
import { DEFAULT_QUEUE } from '../../queue/job.js'
import { startQueueWorker, type QueueWorkerEvent } from '../../queue/worker.js'
import { OCR_ENGINE_HELP, ocrEngineArg, parsedArgs, positiveNumber, queueArgs, requiredRedis, seconds } from '../args.js'
import type { Command } from '../command.js'

const DEFAULT_GRACE_S = 5

const usage = `Usage: ita-extract worker --redis <url> [--queue <name>] [--jobs N] [--timeout S]
                          [--lock-duration S] [--grace S] [--ocr-engine auto|js|native]

Takes documents from the queue (see \`ita-extract queue\`) and converts them until stopped,
each in its own process as \`convert\` does, writing <document>.json and a record into the
queue's output folder (which this machine must reach at the same path, as the inputs).
A document that fails for a reason that may pass (time limit, crashed converter) is retried
with backoff; one that cannot be read fails at once. Run one worker per machine, on as many
machines as you like: docs/scale.md.

Options:
      --redis <url>       redis://host:port[/db], rediss:// (TLS) or unix:///path.sock
      --queue <name>      queue name (default: ${DEFAULT_QUEUE})
  -j, --jobs <n>          documents at once, each in its own process (default: 1); their pages
                          share one OCR engine with a worker per CPU core
      --timeout <s>       stop a document after this many seconds (default: 600), plus 60 s for
                          every page it finishes; it is retried, then failed
      --lock-duration <s> a job whose worker stops answering (killed, frozen, cut off) this long
                          is taken again by another worker (default: 30)
      --grace <s>         on SIGTERM, time running documents get to finish before they are
                          handed back to the queue (default: ${DEFAULT_GRACE_S})
${OCR_ENGINE_HELP.replace(/^ {6}--ocr-engine <e>  /, '      --ocr-engine <e>    ').replace(/\n {24}/g, '\n                          ')}
  -h, --help              show this help

Stopping: SIGTERM stops taking documents, lets running ones finish for --grace seconds, hands
the others back to the queue and exits 0. Ctrl-C hands them back at once and exits 130. A
worker killed with -9 loses nothing: its documents are taken again after --lock-duration.
Exit codes: 0 stopped, 3 Redis unreachable, 64 bad arguments, 130 interrupted.`

export const workerCommand: Command = {
  name: 'worker',
  usage,
  async run(argv, io) {
    const { values, positionals } = parsedArgs(() =>
      parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          ...queueArgs,
          jobs: { type: 'string', short: 'j' },
          timeout: { type: 'string' },
          'lock-duration': { type: 'string' },
          grace: { type: 'string' },
          'ocr-engine': { type: 'string' },
        },
      }),
    )
    if (positionals.length > 0) throw new BadArgsError(`worker takes no inputs (they come from the queue), got ${positionals.join(' ')}`)
    const redis = requiredRedis(values.redis)
    const jobs = positiveNumber('jobs', values.jobs, true) ?? 1
    const timeoutMs = seconds('timeout', values.timeout)
    const lockDurationMs = seconds('lock-duration', values['lock-duration'])
    const ocrEngineChoice = await ocrEngineArg(values['ocr-engine'])
    const graceMs = values.grace === '0' ? 0 : (seconds('grace', values.grace) ?? DEFAULT_GRACE_S * 1000)
    const worker = await startQueueWorker({
      url: redis,
      jobs,
      onEvent: logEvent,
      ...(values.queue === undefined ? {} : { queue: values.queue }),
      ...(ocrEngineChoice && { ocrEngineChoice }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(lockDurationMs === undefined ? {} : { lockDurationMs }),
    })
    process.stderr.write(`worker ${worker.name}: taking documents from queue ${values.queue ?? DEFAULT_QUEUE} at ${displayUrl(redis)}, ${jobs} at a time\n`)
    return new Promise<Outcome>((resolve) => {
      const stop = (graceMs: number, outcome: Outcome) => () => {
        process.off('SIGTERM', onTerm)
        io.signal.removeEventListener('abort', onAbort)
        process.stderr.write(`worker ${worker.name}: stopping${graceMs ? ` (running documents get ${graceMs / 1000} s to finish)` : ''}\n`)
        resolve(worker.stop(graceMs).then(() => outcome))
      }
      const onTerm = stop(graceMs, { type: 'ok' })
      const onAbort = stop(0, { type: 'interrupted' })
      process.once('SIGTERM', onTerm)
      if (io.signal.aborted) onAbort()
      else io.signal.addEventListener('abort', onAbort, { once: true })
    })
  },
}

function logEvent(event: QueueWorkerEvent): void {
  const line = (() => {
    switch (event.type) {
      case 'started':
        return undefined
      case 'done': {
        const r = event.result
        if (r.alreadyWritten) return `ok      ${r.document}  (written by an earlier delivery of the same job)`
        return `ok      ${r.document}  (${r.pages} p, ${(r.ms / 1000).toFixed(1)} s, ${r.findings} findings${r.pagesFailed ? `, ${r.pagesFailed} pages failed` : ''})`
      }
      case 'failed':
        return `${event.willRetry ? 'retry  ' : 'FAILED '} ${event.document}  ${event.error.code}: ${event.error.message}${event.willRetry ? ` (attempt ${event.attempt}; it will be tried again)` : ''}`
      case 'handed-back':
        return `back    ${event.document}  (handed back to the queue)`
      case 'other-version':
        return `skip    ${event.document}  (queued for ${event.pipeline}; left for a worker of that version)`
      case 'error':
        return `warning: ${event.message}`
    }
  })()
  if (line) process.stderr.write(`${line}\n`)
}
