/**
 * File-system helpers every command shares: creating output folders without hanging, and one
 * plain wording for file-system errors (no raw errno codes in messages).
 */
import { mkdir, stat } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve } from 'node:path'

type FsError = NodeJS.ErrnoException

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EBUSY: 'the file is busy',
  EIO: 'input/output error',
  EFBIG: 'the file is too large',
  EXDEV: 'it is on another device',
}

/**
 * Why a file-system call failed, in words: `no such file or folder`, `permission denied`, ...
 * A folder that could not be created is named unless it is `subject`, the path the message is about.
 */
export function fsReason(cause: unknown, subject?: string): string {
  const error = cause as FsError
  const code = error?.code
  const reason = (code && REASONS[code]) ?? (code ? `system error ${code}` : error instanceof Error ? error.message : String(cause))
  if (error?.syscall !== 'mkdir' || !error.path) return reason
  const why = code === 'ENOENT' ? 'the system does not allow a folder there' : reason
  return subject !== undefined && resolve(error.path) === resolve(subject) ? why : `cannot create the folder ${error.path}: ${why}`
}

/**
 * `mkdir -p`, one folder at a time. Node's `mkdir(path, { recursive: true })` never returns on
 * some paths (under /proc, mkdir answers ENOENT while the parent exists, and Node retries for
 * ever, deaf to Ctrl-C); here such a folder fails with that error (syscall `mkdir`, its path).
 */
export async function makeDirs(path: string): Promise<void> {
  const missing: string[] = []
  let dir = resolve(path)
  for (;;) {
    const info = await stat(dir).catch((error: FsError) => {
      if (error.code !== 'ENOENT') throw error
      return undefined
    })
    if (info?.isDirectory()) break
    if (info) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: dir })
    const parent = dirname(dir)
    if (parent === dir) break
    missing.push(dir)
    dir = parent
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder)
    } catch (error) {
      // Another process made it meanwhile: fine, as long as it is a folder.
      if ((error as FsError).code === 'EEXIST' && (await stat(folder)).isDirectory()) continue
      throw error
    }
  }
}

/** How messages and reports name a file: relative to the working folder when it is inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}
