/**
 * What a queue job is: one input document, by reference. Job data holds paths and options only,
 * never the document's bytes (a PDF in Redis takes ~5x its size as a JSON number array), so the
 * inputs and the output folder live on storage every worker can reach, at the same paths.
 *
 * A job's id is derived from everything that decides its result: the input's content hash, the
 * pipeline version, the conversion options, and where the result goes (output folder and
 * document id). Adding the same input again, or a whole archive again, therefore finds the same
 * ids and adds nothing; a changed file, version or option is new work.
 */
import { createHash } from 'node:crypto'
import * as z from 'zod'
import type { DefaultJobOptions } from 'bullmq'
import { OcrModeSchema } from '../model/document.js'

export const DEFAULT_QUEUE = 'ita-extract'

export const QueueJobOptionsSchema = z.object({
  check: z.boolean().optional(),
  ocr: OcrModeSchema.optional(),
  pageTimeoutMs: z.number().positive().optional(),
})

export const QueueJobDataSchema = z.object({
  /** Absolute path of the input, as every worker sees it. */
  input: z.string().min(1),
  /** Document id: the input's path relative to the common folder of `queue add`'s arguments. */
  document: z.string().min(1),
  /** Absolute path of the output folder (shared by all workers). */
  outDir: z.string().min(1),
  /** SHA-256 of the input when it was added; a worker refuses a file that changed since. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** `ita-extract@<version>` that the job is for. */
  pipeline: z.string(),
  /** The options key (`conversionOptionsKey`), part of the job id. */
  optionsKey: z.string(),
  options: QueueJobOptionsSchema,
})
export type QueueJobData = z.output<typeof QueueJobDataSchema>

/** What a worker returns for a converted document (kept in Redis with the completed job). */
export const QueueJobResultSchema = z.object({
  document: z.string(),
  outDir: z.string(),
  output: z.string(),
  pages: z.number().int(),
  findings: z.number().int(),
  /** Findings of severity `error`: with `pages` and `findings`, what `queue wait` shows without reading the report. */
  errors: z.number().int(),
  pagesFailed: z.number().int(),
  ms: z.number(),
  maxRssKb: z.number(),
  worker: z.string(),
  /** True when an earlier delivery of the same job had already written the result. */
  alreadyWritten: z.boolean(),
})
export type QueueJobResult = z.output<typeof QueueJobResultSchema>

/** The progress a worker reports while converting (`job.updateProgress`). */
export interface QueueJobProgress {
  document: string
  /** Pages finished so far. */
  pages: number
}

export function jobIdFor(data: Pick<QueueJobData, 'sha256' | 'pipeline' | 'optionsKey' | 'outDir' | 'document'>): string {
  const key = JSON.stringify([data.sha256, data.pipeline, data.optionsKey, data.outDir, data.document])
  return createHash('sha256').update(key).digest('hex')
}

export interface JobLimits {
  /** Attempts per job, the first included; a job that still fails is recorded as failed. @default 3 */
  readonly attempts?: number
  /** Delay before the first retry; it doubles for each further retry. @default 10_000 */
  readonly backoffMs?: number
}

export const DEFAULT_ATTEMPTS = 3
export const DEFAULT_BACKOFF_MS = 10_000

/**
 * Finished jobs are removed from Redis after a while so it does not grow with the archive; the
 * output folder's records (batch/manifest-d.ts) keep what was done, and `queue add` reads them.
 */
export const KEEP_COMPLETED = { age: 24 * 3600, count: 10_000 } as const
export const KEEP_FAILED = { age: 30 * 24 * 3600, count: 10_000 } as const

export function jobOptions(limits: JobLimits = {}): DefaultJobOptions {
  const { attempts = DEFAULT_ATTEMPTS, backoffMs = DEFAULT_BACKOFF_MS } = limits
  if (!Number.isInteger(attempts) || attempts < 1) throw new TypeError(`Expected \`attempts\` to be an integer >= 1, got \`${attempts}\` (${typeof attempts})`)
  if (!(backoffMs >= 0)) throw new TypeError(`Expected \`backoffMs\` to be a number >= 0, got \`${backoffMs}\` (${typeof backoffMs})`)
  return { attempts, backoff: { type: 'exponential', delay: backoffMs }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED }
}
