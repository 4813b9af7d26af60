/**
 * Turns the command line's files, folders and globs into a sorted list of inputs, each with a
 * stable document id: its path relative to the common folder of the arguments. The id names the
 * per-document JSON (`<outDir>/<document>.json`) and keys the CSV rows.
 *
 * Globbing uses tinyglobby: `fs.glob` only arrived in Node 22 and this package supports Node 20;
 * tinyglobby is small (two dependencies, fdir and picomatch, no install scripts) and already in
 * the tree through vitest.
 */
import { stat } from 'node:fs/promises'
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { BadArgsError, InputFileError } from '../errors.js'

export interface BatchInput {
  /** Absolute path of the input file. */
  readonly path: string
  /** Id of the document: the path relative to the batch root, `/`-separated. */
  readonly document: string
}

export interface DiscoverOptions {
  /** Folder to resolve relative arguments against. @default process.cwd() */
  readonly cwd?: string
  /** Folders never searched (the output folder, so a re-run does not read its own JSON). */
  readonly exclude?: readonly string[]
  /** File extensions taken when walking a folder. @default INPUT_EXTENSIONS */
  readonly extensions?: readonly string[]
}

export interface Discovery {
  readonly inputs: BatchInput[]
  /** The folder document ids are relative to. */
  readonly root: string
  /** Glob arguments that matched nothing (worth a warning, not an error). */
  readonly emptyGlobs: string[]
}

/** File extensions picked up when walking a folder. Files named explicitly are always taken. */
export const INPUT_EXTENSIONS: readonly string[] = ['.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff', '.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.odt']

const toPosix = (p: string) => p.split(sep).join('/')

/** The non-magic leading folders of a glob (`in/2568/**\/*.pdf` -> `in/2568`). */
export function globBase(pattern: string): string {
  const parts = toPosix(pattern).split('/')
  const fixed: string[] = []
  for (const part of parts.slice(0, -1)) {
    if (isDynamicPattern(part)) break
    fixed.push(part)
  }
  if (fixed.length === 1 && fixed[0] === '') return '/'
  return fixed.length === 0 ? '.' : fixed.join('/')
}

function commonFolder(folders: readonly string[]): string {
  const split = folders.map((f) => f.split(sep))
  const first = split[0] ?? []
  let n = 0
  while (n < first.length && split.every((s) => s[n] === first[n])) n++
  return first.slice(0, n).join(sep) || sep
}

const isExcluded = (path: string, exclude: readonly string[]) =>
  exclude.some((folder) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep))

export async function discoverInputs(args: readonly string[], options: DiscoverOptions = {}): Promise<Discovery> {
  if (args.length === 0) throw new BadArgsError('no inputs given')
  const cwd = resolve(options.cwd ?? process.cwd())
  const exclude = (options.exclude ?? []).map((f) => resolve(cwd, f))
  const extensions = options.extensions ?? INPUT_EXTENSIONS
  const bases: string[] = []
  const found = new Set<string>()
  const emptyGlobs: string[] = []

  for (const arg of args) {
    if (isDynamicPattern(toPosix(arg))) {
      const base = resolve(cwd, globBase(arg))
      bases.push(base)
      const pattern = isAbsolute(arg) ? toPosix(relative(base, arg)) : toPosix(relative(globBase(arg), arg))
      const matches = await glob([pattern], { cwd: base, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: true })
      const kept = matches.map((m) => resolve(m)).filter((m) => !isExcluded(m, exclude))
      if (kept.length === 0) emptyGlobs.push(arg)
      for (const m of kept) found.add(m)
      continue
    }
    const path = resolve(cwd, arg)
    const info = await stat(path).catch(() => undefined)
    if (!info) throw new BadArgsError(`${arg}: no such file or folder`)
    if (info.isDirectory()) {
      bases.push(path)
      const matches = await glob(['**/*'], { cwd: path, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: true })
      for (const m of matches) {
        const abs = resolve(m)
        if (extensions.includes(extname(abs).toLowerCase()) && !isExcluded(abs, exclude)) found.add(abs)
      }
    } else {
      bases.push(dirname(path))
      found.add(path)
    }
  }

  const root = commonFolder(bases)
  const inputs = [...found]
    .map((path) => ({ path, document: toPosix(relative(root, path)) }))
    .sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0))
  if (inputs.length === 0) throw new InputFileError(`no inputs found in ${args.join(', ')} (folders are searched for ${extensions.join(' ')})`)
  return { inputs, root, emptyGlobs }
}
