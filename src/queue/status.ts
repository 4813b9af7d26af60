/**
 * `queue status`: how far a queue is. Counts come from BullMQ; the rate is measured on the jobs
 * that finished in the last ten minutes (their start and finish times), and the ETA divides what
 * is left by it.
 */
import { Queue, type Job } from 'bullmq'
import { connectionOptions, type RedisTarget } from './connection.js'
import { DEFAULT_QUEUE, type QueueJobData, type QueueJobProgress, type QueueJobResult } from './job.js'
import { outputFolderOf } from './queue-folder.js'

export interface QueueStatus {
  queue: string
  /** The queue's output folder (absent before the first `queue add`). */
  outDir?: string
  /** `waiting` includes prioritized jobs; `retrying` are failed attempts waiting for their backoff. */
  counts: { waiting: number; active: number; retrying: number; done: number; failed: number }
  workers: number
  /** Documents finished (done or failed) per minute over the last ten minutes; null when none finished. */
  perMinute: number | null
  /** Time until the queue is drained at that rate; null when unknown. */
  etaMs: number | null
  active: { document: string; pages: number; worker?: string }[]
  /** The most recent final failures, with their reasons. */
  failures: { document: string; reason: string; attempts: number }[]
}

export const RATE_WINDOW_MS = 10 * 60_000
const LIST = 50

export interface QueueStatusOptions extends RedisTarget {
  readonly queue?: string
}

export async function queueStatus(options: QueueStatusOptions): Promise<QueueStatus> {
  const name = options.queue ?? DEFAULT_QUEUE
  const outDir = await outputFolderOf(options, name) // reaches Redis first: a wrong URL fails fast
  const queue = new Queue<QueueJobData, QueueJobResult>(name, { connection: connectionOptions(options) })
  try {
    const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed')
    const counts = { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, retrying: c.delayed ?? 0, done: c.completed ?? 0, failed: c.failed ?? 0 }
    const now = Date.now()
    const recent = (await queue.getJobs(['completed', 'failed'], 0, 499)).filter((j) => (j.finishedOn ?? 0) >= now - RATE_WINDOW_MS)
    const perMinute = rate(recent, now)
    const left = counts.waiting + counts.active + counts.retrying
    const active = (await queue.getActive(0, LIST - 1)).map((j) => ({
      document: j.data.document,
      pages: (j.progress as Partial<QueueJobProgress> | undefined)?.pages ?? 0,
      ...(j.processedBy ? { worker: j.processedBy } : {}),
    }))
    const failures = (await queue.getFailed(0, LIST - 1)).map((j) => ({ document: j.data.document, reason: j.failedReason, attempts: j.attemptsMade }))
    return {
      queue: name,
      ...(outDir ? { outDir } : {}),
      counts,
      workers: await queue.getWorkersCount(),
      perMinute,
      etaMs: left === 0 ? 0 : perMinute ? (left / perMinute) * 60_000 : null,
      active,
      failures,
    }
  } finally {
    await queue.close()
  }
}

function rate(jobs: Job[], now: number): number | null {
  if (jobs.length === 0) return null
  const since = Math.max(now - RATE_WINDOW_MS, Math.min(...jobs.map((j) => j.processedOn ?? j.finishedOn ?? now)))
  return (jobs.length / Math.max(now - since, 1000)) * 60_000
}
