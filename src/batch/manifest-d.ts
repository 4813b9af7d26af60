/**
 * The queue's manifest: what each job left in the output folder, one small JSON file per result
 * in `<outDir>/manifest.d/`, in the batch manifest's entry format (manifest.ts) plus the job id
 * and the worker.
 *
 * Not one appended file as in a batch: workers on several machines share the folder, and
 * appending to one file from several NFS clients can interleave or lose lines. A `done` record is
 * created with link(2), which fails when the file exists, so however often a job is delivered
 * (BullMQ delivers at least once: a worker killed after writing but before telling Redis), its
 * result is recorded exactly once. The report JSON itself is written before the record, by
 * rename, so a record always points to a complete file.
 */
import { link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { FileAccessError } from '../errors.js'
import * as z from 'zod'
import { DoneEntrySchema, FailedEntrySchema, parseJsonAs } from './manifest.js'
import { tempPathFor, writeFileAtomic } from '../stages/export/atomic-file.js'

export const RECORDS_DIR = 'manifest.d'

const recordFields = {
  /** The BullMQ job id. */
  job: z.string(),
  /** The worker that wrote it (`host:pid`). */
  worker: z.string(),
}
const QueueRecordSchema = z.discriminatedUnion('event', [DoneEntrySchema.extend(recordFields), FailedEntrySchema.extend(recordFields)])
export type QueueRecord = z.infer<typeof QueueRecordSchema>

const recordPath = (outDir: string, job: string, event: 'done' | 'failed') => join(outDir, RECORDS_DIR, `${job}.${event}.json`)

function accessError(path: string, cause: unknown): FileAccessError {
  return new FileAccessError(`${path}: cannot write the record (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { file: path, cause })
}

/** Records a done job unless it is already recorded; says whether this call recorded it. */
export async function recordDone(outDir: string, record: Extract<QueueRecord, { event: 'done' }>): Promise<boolean> {
  const path = recordPath(outDir, record.job, 'done')
  const tmp = tempPathFor(path)
  try {
    await mkdir(join(outDir, RECORDS_DIR), { recursive: true })
    await writeFile(tmp, `${JSON.stringify(record)}\n`)
    await link(tmp, path)
    return true
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw accessError(path, cause)
  } finally {
    await rm(tmp, { force: true })
  }
}

/** Records a job's final failure (replacing an earlier one of the same job). */
export async function recordFailed(outDir: string, record: Extract<QueueRecord, { event: 'failed' }>): Promise<void> {
  await writeFileAtomic(recordPath(outDir, record.job, 'failed'), `${JSON.stringify(record)}\n`)
}

/** The done record of a job whose report is still in place, if there is one. */
export async function findDone(outDir: string, job: string): Promise<Extract<QueueRecord, { event: 'done' }> | undefined> {
  const text = await readFile(recordPath(outDir, job, 'done'), 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  const record = parseRecord(text)
  if (record?.event !== 'done') return undefined
  const present = await stat(join(outDir, record.output)).then(() => true, () => false)
  return present ? record : undefined
}

export function parseRecord(text: string): QueueRecord | undefined {
  return parseJsonAs(QueueRecordSchema, text)
}

/** Every record in the folder: the latest per input (a done record wins a tie). */
export async function readRecords(outDir: string): Promise<Map<string, QueueRecord>> {
  const dir = join(outDir, RECORDS_DIR)
  const names = await readdir(dir).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === 'ENOENT') return [] as string[]
    throw cause
  })
  const latest = new Map<string, QueueRecord>()
  for (const name of names) {
    if (!name.endsWith('.done.json') && !name.endsWith('.failed.json')) continue
    const record = parseRecord(await readFile(join(dir, name), 'utf8').catch(() => ''))
    if (!record) continue
    const current = latest.get(record.input)
    if (!current || record.at > current.at || (record.at === current.at && record.event === 'done')) latest.set(record.input, record)
  }
  return latest
}
