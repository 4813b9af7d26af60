import { parseArgs } from 'node:util'
import { formatDuration } from '../../batch/progress.js'
import { queueStatus, type QueueStatus } from '../../queue/status.js'
import { parsedArgs, queueArgs, requiredRedis } from '../args.js'
import type { Command } from '../command.js'

export const queueStatusUsage = `Usage: ita-extract queue status --redis <url> [--queue <name>] [--json]

How far the queue is: documents waiting, being converted (with pages done and by which worker),
waiting for a retry, done and failed; the rate over the last ten minutes and an ETA; the latest
failures with their reasons. --json prints the same as one JSON object.
Exit codes: 0, 3 Redis unreachable, 64 bad arguments.`

export const queueStatusCommand: Command = {
  name: 'queue status',
  usage: queueStatusUsage,
  async run(argv) {
    const { values } = parsedArgs(() => parseArgs({ args: argv, allowPositionals: false, options: { ...queueArgs, json: { type: 'boolean' } } }))
    const status = await queueStatus({ url: requiredRedis(values.redis), ...(values.queue === undefined ? {} : { queue: values.queue }) })
    process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status))
    return { type: 'ok' }
  },
}

export function formatStatus(s: QueueStatus): string {
  const { counts } = s
  const lines = [
    `queue ${s.queue}: ${s.outDir ? `output ${s.outDir}` : 'nothing added yet'}`,
    `  waiting ${counts.waiting}, active ${counts.active}, retrying ${counts.retrying}, done ${counts.done}, failed ${counts.failed}; workers ${s.workers}`,
    `  ${s.perMinute === null ? 'no document finished in the last 10 minutes' : `${s.perMinute.toFixed(1)} documents/min over the last 10 minutes`}; ETA ${s.etaMs === null ? '?' : formatDuration(s.etaMs)}`,
  ]
  if (s.active.length) lines.push('active:', ...s.active.map((a) => `  ${a.document}  ${a.pages} pages done${a.worker ? `  on ${a.worker}` : ''}`))
  if (s.failures.length) lines.push(`failed (latest ${s.failures.length}):`, ...s.failures.map((f) => `  ${f.document}  ${f.reason}  (${f.attempts} attempts)`))
  return `${lines.join('\n')}\n`
}
