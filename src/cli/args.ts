/**
 * Command-line parsing for every command: node:util's parseArgs, with its errors reworded into
 * one plain line (its own text has an unclosed quote and advice about `--` that does not apply).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { BadArgsError, MissingDependencyError } from '../errors.js'
import { OcrModeSchema, type OcrMode } from '../model/document.js'
import { OCR_ENGINE_CHOICES, probeNativeTesseract, type OcrEngineChoice } from '../stages/ocr/native-engine-probe.js'

type Options = NonNullable<ParseArgsConfig['options']>
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O; strict: true }>>

export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options, strict: true })
  } catch (cause) {
    throw new BadArgsError(`${command}: ${reword(cause as NodeJS.ErrnoException)}`, { cause })
  }
}

function reword(error: NodeJS.ErrnoException): string {
  const option = /'(-[^',\s]*)(?:, (--[^'\s]+))?/.exec(error.message)
  const name = option?.[2] ?? option?.[1]
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name) return `unknown option ${name}`
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name) {
    return /does not take an argument/.test(error.message) ? `${name} takes no value` : `${name} needs a value`
  }
  return error.message
}

/**
 * Runs a command's own `parseArgs` call (passed as a thunk, which keeps its precise result type);
 * its errors become one plain BadArgsError line, as in parseCommandArgs.
 */
export function parsedArgs<T>(parse: () => T): T {
  try {
    return parse()
  } catch (cause) {
    throw new BadArgsError(reword(cause as NodeJS.ErrnoException), { cause })
  }
}

export function ocrMode(text: string | undefined): OcrMode | undefined {
  if (text === undefined) return undefined
  const mode = OcrModeSchema.safeParse(text)
  if (!mode.success) throw new BadArgsError(`--ocr must be one of ${OcrModeSchema.options.join(', ')}, got ${JSON.stringify(text)}`)
  return mode.data
}

/**
 * `--ocr-engine`: `auto`, `js` or `native`. `native` is checked here, before any file is read: a
 * machine without the system's tesseract (or its Thai data) stops with one line, exit 3.
 */
export async function ocrEngineArg(text: string | undefined): Promise<OcrEngineChoice | undefined> {
  if (text === undefined) return undefined
  const choice = OCR_ENGINE_CHOICES.find((c) => c === text)
  if (!choice) throw new BadArgsError(`--ocr-engine must be one of ${OCR_ENGINE_CHOICES.join(', ')}, got ${JSON.stringify(text)}`)
  if (choice === 'native') {
    const found = await probeNativeTesseract()
    if ('missing' in found) throw new MissingDependencyError(`--ocr-engine native: ${found.missing}`, { stage: 'ocr' })
  }
  return choice
}

/** `--ocr-engine` in every command's help. */
export const OCR_ENGINE_HELP = `      --ocr-engine <e>  auto: the system's tesseract when it is installed with Thai and English
                        (Debian: tesseract-ocr tesseract-ocr-tha), else tesseract.js (default);
                        js: tesseract.js (embedded, nothing to install); native: the system's
                        tesseract (exit 3 when it is missing). Reports name it in source.ocrEngine`

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
