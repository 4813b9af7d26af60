/**
 * `queue add`: one job per input document. Inputs are found as `convert` finds them (files,
 * folders, globs; the same document ids), hashed, and added with ids that say what the result
 * would be (job.ts), so a document already converted into the output folder, or already waiting
 * in the queue, is not added again.
 */
import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Queue } from 'bullmq'
import { discoverInputs, type BatchInput } from '../batch/discover-inputs.js'
import { toErrorRecord } from '../batch/error-record.js'
import type { ErrorRecord } from '../batch/manifest.js'
import type { OcrMode } from '../model/document.js'
import { conversionOptionsKey, pipelineId, sha256File } from '../batch/run-batch.js'
import { FileAccessError } from '../errors.js'
import { connectionOptions, type RedisTarget } from './connection.js'
import { DEFAULT_QUEUE, jobIdFor, jobOptions, type JobLimits, type QueueJobData } from './job.js'
import { claimOutputFolder } from './queue-folder.js'
import { findDone } from '../batch/manifest-d.js'

export interface AddJobsOptions extends RedisTarget, JobLimits {
  /** The output folder every worker writes to (on shared storage). */
  readonly outDir: string
  /** Queue name. @default 'ita-extract' */
  readonly queue?: string
  /** Folder relative arguments are resolved against. @default process.cwd() */
  readonly cwd?: string
  readonly check?: boolean
  readonly ocr?: OcrMode
  readonly pageTimeoutMs?: number
  /** Put jobs that failed (after their retries) back in the queue. @default false */
  readonly retryFailed?: boolean
  readonly signal?: AbortSignal
}

export interface AddSummary {
  inputs: number
  /** Jobs added by this call. */
  added: number
  /** Converted already: a record in the output folder, or a completed job. */
  done: number
  /** In the queue already: waiting, running, or waiting for a retry. */
  queued: number
  /** Failed after their retries; left alone unless `retryFailed`. */
  failed: number
  /** Failed jobs put back in the queue (`retryFailed`). */
  retried: number
  /** Inputs that could not be read (not added). */
  unreadable: { document: string; error: ErrorRecord }[]
  warnings: string[]
  outDir: string
}

/** Inputs hashed and looked up at once: enough to keep Redis and the disk busy, few enough that workers start at once. */
const CHUNK = 16

export async function addJobs(args: readonly string[], options: AddJobsOptions): Promise<AddSummary> {
  const limits = jobOptions(options) // validates before anything is touched
  const cwd = resolve(options.cwd ?? process.cwd())
  const outDir = resolve(cwd, options.outDir)
  const discovery = await discoverInputs(args, { cwd, exclude: [outDir] })
  await mkdir(outDir, { recursive: true }).catch((cause: NodeJS.ErrnoException) => {
    throw new FileAccessError(`${outDir}: cannot create the output folder (${cause.code})`, { file: outDir, cause })
  })
  const name = options.queue ?? DEFAULT_QUEUE
  await claimOutputFolder(options, name, outDir) // reaches Redis first: a wrong URL fails fast
  const queue = new Queue<QueueJobData>(name, { connection: connectionOptions(options) })
  try {
    const summary: AddSummary = { inputs: discovery.inputs.length, added: 0, done: 0, queued: 0, failed: 0, retried: 0, unreadable: [], warnings: discovery.emptyGlobs.map((g) => `${g}: matched no files`), outDir }
    const pipeline = pipelineId()
    const conversion = {
      ...(options.check === undefined ? {} : { check: options.check }),
      ...(options.ocr === undefined ? {} : { ocr: options.ocr }),
      ...(options.pageTimeoutMs === undefined ? {} : { pageTimeoutMs: options.pageTimeoutMs }),
    }
    const optionsKey = conversionOptionsKey(conversion)

    const describe = async (input: BatchInput): Promise<QueueJobData | undefined> => {
      try {
        return { input: input.path, document: input.document, outDir, sha256: await sha256File(input.path), pipeline, optionsKey, options: conversion }
      } catch (cause) {
        const error = new FileAccessError(`${input.path}: cannot read the file (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { file: input.path, cause })
        summary.unreadable.push({ document: input.document, error: toErrorRecord(error, input.path) })
        return undefined
      }
    }

    for (let i = 0; i < discovery.inputs.length; i += CHUNK) {
      options.signal?.throwIfAborted()
      const described = await Promise.all(discovery.inputs.slice(i, i + CHUNK).map(describe))
      const toAdd: QueueJobData[] = []
      await Promise.all(
        described.map(async (data) => {
          if (!data) return
          const outcome = await placeJob(queue, data, options.retryFailed ?? false)
          if (outcome === 'new') toAdd.push(data)
          else summary[outcome] += 1
        }),
      )
      await queue.addBulk(toAdd.map((data) => ({ name: 'convert', data, opts: { ...limits, jobId: jobIdFor(data) } })))
      summary.added += toAdd.length
    }
    return summary
  } finally {
    await queue.close()
  }
}

/** Where a document stands: already converted, in the queue, failed, or new work. */
async function placeJob(queue: Queue<QueueJobData>, data: QueueJobData, retryFailed: boolean): Promise<'new' | 'done' | 'queued' | 'failed' | 'retried'> {
  const id = jobIdFor(data)
  if (await findDone(data.outDir, id)) return 'done'
  const job = await queue.getJob(id)
  if (!job) return 'new'
  const state = await job.getState()
  if (state === 'failed') {
    if (!retryFailed) return 'failed'
    await job.retry('failed')
    return 'retried'
  }
  if (state !== 'completed') return 'queued'
  // Completed, but its report is gone from the folder (deleted since): convert it again.
  await job.remove()
  return 'new'
}
