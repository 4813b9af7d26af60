/**
 * Offline language data for tesseract.js. tesseract.js takes ONE `langPath` for all languages, but
 * each language ships in its own npm package (@tesseract.js-data/tha, /eng). We resolve those
 * packages from here (createRequire, so it works when ita-extract is itself a dependency) and
 * link (or copy) their `.traineddata.gz` files into one cache folder.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, rename, stat, symlink } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { makeDirs } from '../../_internal/fs.js'
import { MissingDependencyError } from '../../errors.js'

/**
 * Which model folder of each data package to use. Both chosen folders hold LSTM-only models
 * (we run `OEM.LSTM_ONLY`); for English that is the 5 MB `best_int` build instead of the 23 MB
 * legacy+LSTM one. Thai ships LSTM-only models in both folders.
 */
const MODEL_FOLDER: Record<string, string> = { tha: '4.0.0', eng: '4.0.0_best_int' }
const DEFAULT_MODEL_FOLDER = '4.0.0_best_int'

const require = createRequire(import.meta.url)

/** The gzipped traineddata file for `lang` inside node_modules, or a MissingDependencyError. */
export function resolveTrainedData(lang: string): string {
  const pkg = `@tesseract.js-data/${lang}`
  let root: string
  try {
    root = dirname(require.resolve(`${pkg}/package.json`))
  } catch (cause) {
    throw new MissingDependencyError(`OCR language data for "${lang}" is not installed (npm package ${pkg}); install it with: npm install ${pkg}`, {
      stage: 'ocr',
      cause,
    })
  }
  const file = join(root, MODEL_FOLDER[lang] ?? DEFAULT_MODEL_FOLDER, `${lang}.traineddata.gz`)
  if (!existsSync(file)) {
    throw new MissingDependencyError(`OCR language data for "${lang}" is incomplete: ${file} is missing; reinstall ${pkg}`, { stage: 'ocr' })
  }
  return file
}

export interface LangPathOptions {
  /** Parent folder for the prepared language folder. @default `<os.tmpdir()>/ita-extract` */
  readonly cacheDir?: string
}

/**
 * A folder holding `<lang>.traineddata.gz` for every language in `langs`, ready to be passed as
 * tesseract.js `langPath` with `gzip: true`. The folder name hashes the sources, so different
 * installs never share a folder with stale links. Safe to call concurrently.
 */
export async function prepareLangPath(langs: readonly string[], options: LangPathOptions = {}): Promise<string> {
  const sources = langs.map((lang) => ({ lang, file: resolveTrainedData(lang) }))
  const sizes = await Promise.all(sources.map(async (s) => (await stat(s.file)).size))
  const key = createHash('sha256')
    .update(JSON.stringify(sources.map((s, i) => [s.file, sizes[i]])))
    .digest('hex')
    .slice(0, 16)
  const dir = join(options.cacheDir ?? join(tmpdir(), 'ita-extract'), `tessdata-${key}`)
  try {
    await makeDirs(dir)
    for (const { lang, file } of sources) {
      const target = join(dir, `${lang}.traineddata.gz`)
      if (existsSync(target)) continue
      await linkOrCopy(file, target)
    }
  } catch (cause) {
    throw new MissingDependencyError(`Cannot prepare the OCR language folder ${dir}: ${(cause as Error).message}`, { stage: 'ocr', cause })
  }
  return dir
}

/** Symlink (cheap); where links are not allowed, copy through a temporary name (atomic rename). */
async function linkOrCopy(source: string, target: string): Promise<void> {
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}`
  try {
    await symlink(source, temp)
  } catch {
    await copyFile(source, temp)
  }
  try {
    await rename(temp, target)
  } catch (error) {
    // Another process won the race and the target now exists: fine.
    if (!existsSync(target)) throw error
  }
}
