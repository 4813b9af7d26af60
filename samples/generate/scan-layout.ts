/**
 * Scans of the layout generator's born-digital PDFs (issue 11): the Chromium PDF of a template
 * "printed and scanned" with `scanPdf` at 200 or 300 dpi, with damage drawn from the seed (skew up
 * to ±1.5° per page, blur, noise, uneven paper, JPEG quality 50-70). The born-digital PDF is the
 * truth its scan is compared with (scripts/layout-oracle.ts), so no hand-made truth is needed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { mulberry32, type DegradeOptions } from './degrade-page.js'
import { scanPdf } from './scan-pdf.js'

export const LAYOUT_SCAN_DPIS = [200, 300] as const

export interface LayoutScanSettings {
  readonly dpi: number
  /** Seed of the whole scan; pages derive theirs from it (`pageSeed`). */
  readonly seed: number
  readonly quality: number
  readonly degrade: Omit<DegradeOptions, 'seed'>
}

/** The damage of one scan, drawn from its seed: the same seed gives the same scan. */
export function layoutScanSettings(dpi: number, seed: number): LayoutScanSettings {
  const random = mulberry32(seed ^ 0x5ca11ed)
  const between = (lo: number, hi: number) => lo + random() * (hi - lo)
  return {
    dpi,
    seed,
    quality: Math.round(between(50, 70)),
    degrade: {
      maxSkewDegrees: 1.5,
      maxShift: 0.006,
      blur: round2(between(0.4, 0.85)),
      noiseSigma: round2(between(2, 5)),
      paper: Math.round(between(232, 248)),
      ink: Math.round(between(24, 44)),
      lightingFalloff: Math.round(between(6, 18)),
    },
  }
}

/** The born-digital PDF's pages rasterised (pdftoppm), degraded and JPEG-compressed: a PDF with no text layer. */
export async function scanLayoutPdf(bornDigital: Uint8Array, settings: LayoutScanSettings, title: string): Promise<Uint8Array> {
  const work = await mkdtemp(join(tmpdir(), 'ita-layout-scan-'))
  try {
    const path = join(work, 'born-digital.pdf')
    await writeFile(path, bornDigital)
    const source = await PDFDocument.load(bornDigital, { updateMetadata: false })
    return await scanPdf(path, source, {
      dpi: settings.dpi,
      seed: settings.seed,
      quality: settings.quality,
      degrade: settings.degrade,
      metadata: {
        title,
        subject: `ITA layout sample scanned at ${settings.dpi} dpi, seed ${settings.seed}, JPEG quality ${settings.quality}`,
        creator: 'ita-extract samples/generate/scan-layout.ts',
        producer: 'ita-extract samples/generate (pdftoppm, degrade-page, pdf-lib)',
        date: new Date('2025-10-15T03:00:00Z'),
        idSeed: `${title}\n${settings.dpi}\n${settings.seed}`,
      },
    })
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
