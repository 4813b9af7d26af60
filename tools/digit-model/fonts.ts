/**
 * The Thai font files the digit model is trained and tested on. They come from the
 * `@expo-google-fonts/*` packages (TTF files; devDependencies: only building the model and the
 * synthetic test set need them, reading numbers does not).
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../../src/_internal/package-root.js'
import { MissingDependencyError } from '../../src/errors.js'

export interface FontFamily {
  /** Package name under `@expo-google-fonts/`. */
  readonly family: string
  /** Weight folders/file suffixes, e.g. `400Regular`. */
  readonly weights: readonly string[]
  /** `train`: in the model. `held-out`: only in the test set, to measure generalisation. */
  readonly use: 'train' | 'held-out'
}

const regularBold = ['400Regular', '700Bold'] as const

/**
 * Sarabun is the family of TH Sarabun PSK/New, the face Thai government documents must use, so
 * it gets more weights. Niramit (TH Niramit AS, also one of the 13 national fonts) is held out.
 * Charm is left out: a calligraphic face no report sets numbers in.
 */
export const DIGIT_FONT_FAMILIES: readonly FontFamily[] = [
  { family: 'sarabun', weights: ['300Light', '400Regular', '500Medium', '600SemiBold', '700Bold'], use: 'train' },
  { family: 'noto-sans-thai', weights: regularBold, use: 'train' },
  { family: 'noto-sans-thai-looped', weights: regularBold, use: 'train' },
  { family: 'ibm-plex-sans-thai', weights: regularBold, use: 'train' },
  { family: 'kanit', weights: regularBold, use: 'train' },
  { family: 'prompt', weights: regularBold, use: 'train' },
  { family: 'taviraj', weights: regularBold, use: 'train' },
  { family: 'trirong', weights: regularBold, use: 'train' },
  { family: 'pridi', weights: ['300Light', '600SemiBold'], use: 'train' },
  { family: 'chakra-petch', weights: regularBold, use: 'train' },
  { family: 'bai-jamjuree', weights: regularBold, use: 'train' },
  { family: 'k2d', weights: regularBold, use: 'train' },
  { family: 'anuphan', weights: regularBold, use: 'train' },
  { family: 'mitr', weights: ['300Light', '500Medium'], use: 'train' },
  { family: 'athiti', weights: ['500Medium', '700Bold'], use: 'train' },
  { family: 'mali', weights: regularBold, use: 'train' },
  { family: 'kodchasan', weights: regularBold, use: 'train' },
  { family: 'sriracha', weights: ['400Regular'], use: 'train' },
  { family: 'niramit', weights: regularBold, use: 'held-out' },
]

export interface FontFile {
  readonly family: string
  readonly weight: string
  readonly path: string
  readonly use: FontFamily['use']
  /** Name to register with the canvas, unique per file. */
  readonly alias: string
}

function findTtf(dir: string, suffix: string): string | undefined {
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry)
    if (statSync(p).isDirectory()) {
      const hit = findTtf(p, suffix)
      if (hit) return hit
    } else if (entry.endsWith(suffix)) return p
  }
  return undefined
}

/** Resolve every font file of the list; throws MissingDependencyError naming what is missing. */
export function resolveFontFiles(families: readonly FontFamily[] = DIGIT_FONT_FAMILIES): FontFile[] {
  const files: FontFile[] = []
  for (const f of families) {
    const dir = join(packageRoot(), 'node_modules', '@expo-google-fonts', f.family)
    if (!existsSync(dir)) {
      throw new MissingDependencyError(
        `Font package @expo-google-fonts/${f.family} is not installed (needed to build or test the digit model); run \`npm install\``,
        { stage: 'ocr' },
      )
    }
    for (const weight of f.weights) {
      const path = findTtf(dir, `_${weight}.ttf`)
      if (!path) {
        throw new MissingDependencyError(`No ${weight} TTF in @expo-google-fonts/${f.family}`, { stage: 'ocr' })
      }
      files.push({ family: f.family, weight, path, use: f.use, alias: `digitfont-${f.family}-${weight}` })
    }
  }
  return files
}
