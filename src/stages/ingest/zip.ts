/**
 * Reading parts out of a zip (.docx, .odt) with caps, so that no archive can exhaust memory: the
 * entry count, and the uncompressed size of the parts actually read. fflate inflates an entry into
 * a buffer of the size its header declares and writes nothing past it, so capping the declared
 * sizes caps the memory even when a header lies.
 */
import { unzipSync } from 'fflate'
import { CorruptDocumentError, InputTooLargeError } from '../../errors.js'
import { formatBytes } from './limits.js'

export interface ZipLimits {
  /** Entries in the archive. */
  readonly maxEntries: number
  /** Uncompressed bytes of the parts read, together. */
  readonly maxUncompressedBytes: number
}

export interface ZipEntry {
  readonly name: string
  /** Uncompressed size, as the archive declares it. */
  readonly size: number
}

export interface Zip {
  readonly entries: readonly ZipEntry[]
  has(name: string): boolean
  /** The part's bytes, or undefined when the archive has no such entry. Counts against the size cap. */
  read(name: string): Uint8Array | undefined
}

/** Opens a zip; throws CorruptDocumentError when it is not one, InputTooLargeError over a cap. */
export function openZip(bytes: Uint8Array, file: string, limits: ZipLimits): Zip {
  const entries: ZipEntry[] = []
  attempt(file, () =>
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.originalSize })
        if (entries.length > limits.maxEntries) {
          throw new InputTooLargeError(`${file}: the archive has over ${limits.maxEntries} entries (a word-processor report has about 20)`, { file, stage: 'ingest' })
        }
        return false
      },
    }),
  )
  const byName = new Map(entries.map((e) => [e.name, e]))
  let used = 0
  return {
    entries,
    has: (name) => byName.has(name),
    read(name) {
      const entry = byName.get(name)
      if (!entry) return undefined
      used += entry.size
      if (used > limits.maxUncompressedBytes) {
        throw new InputTooLargeError(
          `${file}: the document's parts unpack to over ${formatBytes(limits.maxUncompressedBytes)} (a real report's are under 2 MiB); a zip bomb or not a report`,
          { file, stage: 'ingest' },
        )
      }
      const out = attempt(file, () => unzipSync(bytes, { filter: (f) => f.name === name }))[name]
      if (!out) throw new CorruptDocumentError(`${file}: the archive's entry ${name} cannot be read`, { file, stage: 'ingest' })
      return out
    },
  }
}

function attempt<T>(file: string, f: () => T): T {
  try {
    return f()
  } catch (cause) {
    if (cause instanceof InputTooLargeError) throw cause
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new CorruptDocumentError(`${file}: damaged zip archive (${reason})`, { file, stage: 'ingest', cause })
  }
}
