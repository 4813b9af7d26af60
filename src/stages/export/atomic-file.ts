/**
 * Crash-safe output files: everything is written to a temporary file beside the target and
 * renamed into place when complete, so a killed process leaves either the old file, the new
 * file, or a `*.ita-extract.tmp` that the next batch run sweeps away; never half a file.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fsReason, makeDirs } from '../../_internal/fs.js'
import { FileAccessError } from '../../errors.js'

/** Every temporary file ita-extract writes ends with this, so leftovers can be found and removed. */
export const TEMP_SUFFIX = '.ita-extract.tmp'

export function tempPathFor(target: string): string {
  return `${target}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`
}

function accessError(path: string, cause: unknown): FileAccessError {
  return new FileAccessError(`${path}: cannot write the output (${fsReason(cause)})`, { file: path, cause })
}

/** Writes `data` to `path` via a temporary file and a rename. Creates missing parent folders. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const file = await openAtomic(path)
  try {
    await file.write(data)
    await file.commit()
  } catch (error) {
    await file.discard()
    throw error
  }
}

export interface AtomicFile {
  readonly path: string
  write(data: string | Uint8Array): Promise<void>
  /** Closes the temporary file and renames it over `path`. */
  commit(): Promise<void>
  /** Closes and deletes the temporary file; `path` is left as it was. */
  discard(): Promise<void>
}

/** A file written in several steps (streamed exports) that appears at `path` only on `commit`. */
export async function openAtomic(path: string): Promise<AtomicFile> {
  const tmp = tempPathFor(path)
  let handle: FileHandle
  try {
    await makeDirs(dirname(path))
    handle = await open(tmp, 'w')
  } catch (cause) {
    throw accessError(path, cause)
  }
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await handle.close()
  }
  return {
    path,
    async write(data) {
      try {
        if (typeof data === 'string') await handle.write(data)
        else await handle.write(data)
      } catch (cause) {
        throw accessError(path, cause)
      }
    },
    async commit() {
      try {
        await close()
        await rename(tmp, path)
      } catch (cause) {
        await rm(tmp, { force: true })
        throw accessError(path, cause)
      }
    },
    async discard() {
      await close().catch(() => {})
      await rm(tmp, { force: true })
    },
  }
}
