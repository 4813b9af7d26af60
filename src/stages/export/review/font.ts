/**
 * Sarabun (the family of the government's TH Sarabun face), embedded as data URIs: a fresh
 * machine has no Thai font, and a review must not fetch one. Thai and Latin subsets, regular and
 * bold: about 40 KB.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const SUBSETS = [
  { name: 'thai', range: 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC' },
  { name: 'latin', range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD' },
] as const
const WEIGHTS = [400, 700] as const

let cached: string | undefined

/** `@font-face` rules for the family `Sarabun`. */
export function sarabunFontFaces(): string {
  if (cached) return cached
  const files = join(dirname(createRequire(import.meta.url).resolve('@fontsource/sarabun/package.json')), 'files')
  cached = SUBSETS.flatMap(({ name, range }) =>
    WEIGHTS.map((weight) => {
      const data = readFileSync(join(files, `sarabun-${name}-${weight}-normal.woff2`)).toString('base64')
      return `@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range}}`
    }),
  ).join('\n')
  return cached
}
