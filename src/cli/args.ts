/** Command-line argument helpers shared by the commands: every bad value is a BadArgsError (exit 64). */
import { BadArgsError } from '../errors.js'

/** Runs node's `parseArgs` (passed as a thunk, which keeps its precise result type); its errors become BadArgsError. */
export function parsedArgs<T>(parse: () => T): T {
  try {
    return parse()
  } catch (cause) {
    throw new BadArgsError((cause as Error).message, { cause })
  }
}

const OCR_MODES = ['auto', 'always', 'never'] as const

export function ocrMode(text: string | undefined): (typeof OCR_MODES)[number] | undefined {
  if (text === undefined) return undefined
  const mode = OCR_MODES.find((m) => m === text)
  if (!mode) throw new BadArgsError(`--ocr must be one of ${OCR_MODES.join(', ')}, got ${JSON.stringify(text)}`)
  return mode
}

export function positiveNumber(name: string, text: string | undefined, integer: boolean): number | undefined {
  if (text === undefined) return undefined
  const n = Number(text)
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new BadArgsError(`--${name} must be a ${integer ? 'whole ' : ''}number > 0, got ${JSON.stringify(text)}`)
  return n
}

/** Seconds on the command line, milliseconds in the options. */
export function seconds(name: string, text: string | undefined): number | undefined {
  const s = positiveNumber(name, text, false)
  return s === undefined ? undefined : s * 1000
}

export function requiredRedis(url: string | undefined): string {
  if (!url) throw new BadArgsError('--redis <url> is required (e.g. redis://127.0.0.1:6379)')
  return url
}

/** `--redis` and `--queue`, taken by every queue command. */
export const queueArgs = {
  redis: { type: 'string' },
  queue: { type: 'string' },
} as const
