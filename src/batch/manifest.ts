/**
 * The batch manifest: `<outDir>/manifest.jsonl`, an append-only log with one JSON object per line.
 * Appending (never rewriting) keeps every finished result safe when the process is killed at any
 * moment: at worst the last line is cut short, and the reader skips a line it cannot parse.
 *
 * A `start` line is written before each attempt and a `done` or `failed` line after it, so the
 * manifest also counts attempts: an input whose conversion was killed has a `start` and no result.
 */
import { createReadStream } from 'node:fs'
import { appendFile, open, stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import * as z from 'zod'
import { FailureKindSchema } from '../errors.js'

export const MANIFEST_FILE = 'manifest.jsonl'
export const MANIFEST_VERSION = 1

const EntryKeySchema = z.object({
  /** Absolute path of the input. */
  input: z.string(),
  /** Document id (input path relative to the batch root). */
  document: z.string(),
  /** SHA-256 of the input's bytes when the attempt started. */
  sha256: z.string(),
  /** `ita-extract@<version>`: a new version re-converts everything. */
  pipeline: z.string(),
  /** The conversion options that change the output, as a canonical JSON string. */
  options: z.string(),
})
export type EntryKey = z.infer<typeof EntryKeySchema>

export const ErrorRecordSchema = z.object({
  name: z.string(),
  code: z.string(),
  /** What kind of failure it was; the CLI maps it to an exit code. */
  kind: FailureKindSchema,
  message: z.string(),
  stage: z.string().optional(),
  page: z.number().optional(),
  /** Only in messages between processes (an error thrown again on the other side), never in the manifest. */
  stack: z.string().optional(),
})
export type ErrorRecord = z.infer<typeof ErrorRecordSchema>

const head = { v: z.literal(MANIFEST_VERSION), at: z.string() }

const RunEntrySchema = z.object({ ...head, event: z.literal('run'), inputs: z.number(), jobs: z.number(), pipeline: z.string(), options: z.string() })
const StartEntrySchema = z.object({ ...head, event: z.literal('start'), attempt: z.number(), ...EntryKeySchema.shape })
export const DoneEntrySchema = z.object({
  ...head,
  event: z.literal('done'),
  attempt: z.number(),
  ms: z.number(),
  output: z.string(),
  pages: z.number(),
  findings: z.number(),
  /** Pages the report lists as failed (`page-failed`), e.g. over the page time limit. Absent: 0. */
  pagesFailed: z.number().optional(),
  /** The page time limit the report was made with, when one was set. */
  pageTimeoutMs: z.number().optional(),
  /** Peak resident memory of the converter process that made it, kB (it may have converted files before). */
  maxRssKb: z.number().optional(),
  ...EntryKeySchema.shape,
})
export const FailedEntrySchema = z.object({ ...head, event: z.literal('failed'), attempt: z.number(), ms: z.number(), error: ErrorRecordSchema, maxRssKb: z.number().optional(), ...EntryKeySchema.shape })

const ManifestEntrySchema = z.discriminatedUnion('event', [RunEntrySchema, StartEntrySchema, DoneEntrySchema, FailedEntrySchema])
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>

type Distribute<T> = T extends unknown ? Omit<T, 'v' | 'at'> : never
export type NewManifestEntry = Distribute<ManifestEntry>
export type ResultEntry = Extract<ManifestEntry, { event: 'done' | 'failed' }>

/** What the manifest knows about one input. */
export interface InputState {
  attempts: number
  /** The last `done` or `failed` line. */
  last?: ResultEntry
}

export async function readManifest(path: string): Promise<Map<string, InputState>> {
  const states = new Map<string, InputState>()
  const exists = await stat(path).then(() => true, () => false)
  if (!exists) return states
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })
  for await (const line of lines) {
    if (!line.trim()) continue
    const entry = parseManifestLine(line)
    // Not an entry of this format: a line cut short by a kill (its attempt is simply retried), or another version's.
    if (!entry || entry.event === 'run') continue
    const state = states.get(entry.input) ?? { attempts: 0 }
    if (entry.event === 'start') state.attempts = Math.max(state.attempts, entry.attempt)
    else state.last = entry
    states.set(entry.input, state)
  }
  return states
}

/** The entry a line holds, or undefined when it is not one (cut short, damaged, another format). */
export function parseManifestLine(line: string): ManifestEntry | undefined {
  return parseJsonAs(ManifestEntrySchema, line)
}

/** JSON text read with `schema`, or undefined when it is not JSON or not of that shape. */
export function parseJsonAs<S extends z.ZodType>(schema: S, text: string): z.output<S> | undefined {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return undefined
  }
  const parsed = schema.safeParse(json)
  return parsed.success ? parsed.data : undefined
}

export interface ManifestWriter {
  append(entry: NewManifestEntry): Promise<void>
}

/** Opens the manifest for appending; repairs a last line cut short so the next line starts clean. */
export async function openManifest(path: string): Promise<ManifestWriter> {
  const size = await stat(path).then((s) => s.size, () => 0)
  if (size > 0) {
    const handle = await open(path, 'r')
    try {
      const last = Buffer.alloc(1)
      await handle.read(last, 0, 1, size - 1)
      if (last[0] !== 0x0a) await appendFile(path, '\n')
    } finally {
      await handle.close()
    }
  }
  let chain = Promise.resolve()
  return {
    append(entry) {
      const line = `${JSON.stringify({ v: MANIFEST_VERSION, at: new Date().toISOString(), ...entry })}\n`
      // One write per line, in order, even when results arrive together.
      chain = chain.then(() => appendFile(path, line))
      return chain
    },
  }
}
