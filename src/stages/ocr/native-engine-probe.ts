/**
 * Is the system's tesseract there, with the languages we read? Kept apart from the engines so
 * that a batch can choose its engine (and key its results by it) without loading tesseract.js.
 */
import { execFile } from 'node:child_process'
import type { OcrEngineOptions } from './engine.js'

/** The engine choice users make (`--ocr-engine`): `js` is tesseract.js, `native` the system's tesseract. */
export type OcrEngineChoice = 'auto' | 'js' | 'native'
export const OCR_ENGINE_CHOICES: readonly OcrEngineChoice[] = ['auto', 'js', 'native']
const KIND_OF_CHOICE = { auto: 'auto', js: 'tesseract', native: 'native' } as const satisfies Record<OcrEngineChoice, OcrEngineOptions['kind']>

/** Engine options for a user's choice (the engines call tesseract.js `tesseract`). */
export function engineOptionsFor(choice: OcrEngineChoice = 'auto'): { kind: OcrEngineOptions['kind'] } {
  return { kind: KIND_OF_CHOICE[choice] }
}

export interface NativeTesseract {
  /** e.g. `tesseract 5.3.0` */
  readonly version: string
  readonly langs: readonly string[]
}

/** `tesseract --list-langs` takes a few milliseconds; a machine under heavy load may take seconds. */
const PROBE_TIMEOUT_MS = 30_000
const probes = new Map<string, Promise<NativeTesseract | { missing: string }>>()

/**
 * Whether `command` runs and has every language of `langs`; each command is asked once per
 * process. Never rejects: `missing` says what is not there and how to install it.
 */
export function probeNativeTesseract(command = 'tesseract', langs: readonly string[] = ['tha', 'eng']): Promise<NativeTesseract | { missing: string }> {
  let probe = probes.get(command)
  if (!probe) {
    probe = Promise.all([runQuietly(command, ['--version']), runQuietly(command, ['--list-langs'])]).then(
      ([version, list]) => ({
        version: version.split('\n')[0]!.trim(),
        langs: list
          .split('\n')
          .slice(1)
          .map((l) => l.trim())
          .filter(Boolean),
      }),
      (error: NodeJS.ErrnoException & { killed?: boolean }) => {
        // Only a missing program is remembered: a probe that failed otherwise (a machine so loaded
        // that it timed out) is asked again next time.
        if (error.code !== 'ENOENT') probes.delete(command)
        const why = error.killed ? `took over ${PROBE_TIMEOUT_MS / 1000} s` : error.message.split('\n')[0]
        return { missing: error.code === 'ENOENT' ? `\`${command}\` is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-tha)` : `\`${command} --list-langs\` failed: ${why}` }
      },
    )
    probes.set(command, probe)
  }
  return probe.then((found) => {
    if ('missing' in found) return found
    const absent = langs.filter((l) => !found.langs.includes(l))
    if (absent.length) return { missing: `${command} has no language data for ${absent.join(', ')} (Debian: apt-get install ${absent.map((l) => `tesseract-ocr-${l}`).join(' ')})` }
    return found
  })
}

/** `auto` made definite: `native` when the system's tesseract has the languages, else `js`. */
export async function resolveEngineChoice(choice: OcrEngineChoice = 'auto', langs: readonly string[] = ['tha', 'eng']): Promise<Exclude<OcrEngineChoice, 'auto'>> {
  if (choice !== 'auto') return choice
  return 'missing' in (await probeNativeTesseract('tesseract', langs)) ? 'js' : 'native'
}

/** stdout, or stderr when stdout is empty (tesseract 4 printed `--version` on stderr). */
function runQuietly(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout, stderr) => (error ? reject(error) : resolve(stdout || stderr)))
  })
}
