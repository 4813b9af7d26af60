/**
 * Renders PDF pages to greyscale rasters with poppler's pdftoppm (Debian package poppler-utils).
 * Only the sample generator uses it; the converter itself never shells out to poppler.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { GreyImage } from './degrade-page.js'

const run = promisify(execFile)

/** Renders one page (1-based) at `dpi` to an 8-bit grey raster. */
export async function rasterisePage(pdfPath: string, page: number, dpi: number): Promise<GreyImage> {
  const work = await mkdtemp(join(tmpdir(), 'ita-samples-pdftoppm-'))
  try {
    const prefix = join(work, 'page')
    await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdfPath, prefix], {
      timeout: 120_000,
    }).catch((cause: unknown) => {
      throw new Error(`pdftoppm could not render page ${page} of ${pdfPath} (is poppler-utils installed?)`, { cause })
    })
    return parsePgm(new Uint8Array(await readFile(`${prefix}.pgm`)))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Parses a binary (P5) PGM with maxval 255. */
export function parsePgm(bytes: Uint8Array): GreyImage {
  let pos = 0
  const token = (): string => {
    for (;;) {
      while (pos < bytes.length && /\s/.test(String.fromCharCode(bytes[pos]!))) pos++
      if (bytes[pos] !== 0x23) break // '#': comment to end of line
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos++
    }
    const start = pos
    while (pos < bytes.length && !/\s/.test(String.fromCharCode(bytes[pos]!))) pos++
    return String.fromCharCode(...bytes.subarray(start, pos))
  }
  const magic = token()
  const width = Number(token())
  const height = Number(token())
  const maxval = Number(token())
  pos++ // the single whitespace byte before the raster
  if (magic !== 'P5' || maxval !== 255 || !(width > 0) || !(height > 0) || bytes.length - pos < width * height) {
    throw new Error(`Not an 8-bit binary PGM (magic ${magic}, ${width}x${height}, maxval ${maxval}, ${bytes.length} bytes)`)
  }
  return { width, height, data: bytes.slice(pos, pos + width * height) }
}
