/**
 * The bridge to the digit reader (`./digits/`, built separately). It is loaded on first use and
 * is optional: when it is not there (or fails to load), numbers keep tesseract's reading.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { GreyImage } from './image.js'

export type NumberPattern = 'score' | 'integer' | 'any'

export interface NumberReading {
  readonly text: string
  readonly value: number | null
  /** 0-1. */
  readonly confidence: number
  readonly uncertain: boolean
  /** Positions in `text` of digits cut out of touching digits. */
  readonly cut?: readonly number[]
}

/** `script: 'ascii'`: read the glyphs as Arabic digits only (by default the glyphs vote on the script). */
export type ReadNumber = (image: GreyImage, pattern: NumberPattern, options?: { readonly script?: 'ascii' }) => Promise<NumberReading>

interface DigitsModule {
  readNumber(
    crop: { data: Uint8Array; width: number; height: number; channels: number },
    options: { pattern: NumberPattern; script?: 'ascii' },
  ): (NumberReading & { glyphs?: readonly { split?: boolean }[] }) | Promise<NumberReading & { glyphs?: readonly { split?: boolean }[] }>
}

let loading: Promise<ReadNumber | undefined> | undefined

/** The digit reader, or undefined when it is not available in this build. */
export function loadNumberReader(): Promise<ReadNumber | undefined> {
  loading ??= (async () => {
    // Present as .ts when run from source (tsx, vitest), as .js when built.
    const base = fileURLToPath(new URL('./digits/index', import.meta.url))
    if (!existsSync(`${base}.js`) && !existsSync(`${base}.ts`)) return undefined
    // A computed specifier: the reader is optional, so the compiler must not require it.
    const specifier = './digits/index.js'
    const mod = (await import(specifier)) as Partial<DigitsModule>
    const read = mod.readNumber
    if (typeof read !== 'function') return undefined
    return async (image: GreyImage, pattern: NumberPattern, options?: { readonly script?: 'ascii' }) => {
      const r = await read({ data: image.data, width: image.width, height: image.height, channels: 1 }, { pattern, ...(options?.script && { script: options.script }) })
      const cut = (r.glyphs ?? []).flatMap((g, i) => (g.split ? [i] : []))
      return { text: r.text, value: r.value, confidence: r.confidence, uncertain: r.uncertain, ...(cut.length && { cut }) }
    }
  })()
  return loading
}
