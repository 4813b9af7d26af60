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
import type { ExitCode } from '../errors.js'

export const MANIFEST_FILE = 'manifest.jsonl'
export const MANIFEST_VERSION = 1

export interface EntryKey {
  /** Absolute path of the input. */
  input: string
  /** Document id (input path relative to the batch root). */
  document: string
  /** SHA-256 of the input's bytes when the attempt started. */
  sha256: string
  /** `ita-extract@<version>`: a new version re-converts everything. */
  pipeline: string
  /** The conversion options that change the output, as a canonical JSON string. */
  options: string
}

export interface ErrorRecord {
  name: string
  code: string
  exitCode: ExitCode
  message: string
  stage?: string
  page?: number
}

export type ManifestEntry =
  | { v: 1; event: 'run'; at: string; inputs: number; jobs: number; pipeline: string; options: string }
  | ({ v: 1; event: 'start'; at: string; attempt: number } & EntryKey)
  | ({
      v: 1
      event: 'done'
      at: string
      attempt: number
      ms: number
      output: string
      pages: number
      findings: number
      /** Pages the report lists as failed (`page-failed`), e.g. over the page time limit. Absent: 0. */
      pagesFailed?: number
      /** The page time limit the report was made with, when one was set. */
      pageTimeoutMs?: number
      /** Peak resident memory of the converter process that made it, kB (it may have converted files before). */
      maxRssKb?: number
    } & EntryKey)
  | ({ v: 1; event: 'failed'; at: string; attempt: number; ms: number; error: ErrorRecord; maxRssKb?: number } & EntryKey)

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
    let entry: ManifestEntry
    try {
      entry = JSON.parse(line) as ManifestEntry
    } catch {
      continue // a line cut short by a kill; its attempt is simply retried
    }
    if (entry.v !== MANIFEST_VERSION || entry.event === 'run') continue
    const state = states.get(entry.input) ?? { attempts: 0 }
    if (entry.event === 'start') state.attempts = Math.max(state.attempts, entry.attempt)
    else state.last = entry
    states.set(entry.input, state)
  }
  return states
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
