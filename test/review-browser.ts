/// <reference lib="dom" />
/**
 * Shared by the browser tests: Debian's Chromium driven by playwright-core (nothing downloaded),
 * a page that records console errors and every request it makes, and the evidence figures of a
 * review read back out of the page.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { repoPath } from './helpers.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const haveChromium = existsSync(CHROMIUM)
if (!haveChromium) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`)

/** Where the tests leave their screenshots and PDFs (git-ignored). */
export const SCREENSHOTS = repoPath('.tmp', 'browser-tests')

export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  // Root needs --no-sandbox (engine-notes.md).
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
}

export interface WatchedPage {
  readonly page: Page
  readonly consoleErrors: string[]
  /** Every URL the page asked for, data: URIs excluded. */
  readonly requests: string[]
}

export async function watchedPage(browser: Browser, viewport = { width: 1100, height: 1400 }): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport, acceptDownloads: true })
  const consoleErrors: string[] = []
  const requests: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => consoleErrors.push(String(e)))
  page.on('request', (r) => {
    if (!r.url().startsWith('data:')) requests.push(r.url())
  })
  return { page, consoleErrors, requests }
}

/** A crop figure as the page shows it: its image (data URI), the box on it, and what it stands for. */
export interface CropFigure {
  readonly finding: string
  readonly severity: string
  readonly label: string
  readonly value: string
  readonly raw: string
  readonly fitted: boolean
  readonly image: string
  readonly box: { x0: number; y0: number; x1: number; y1: number }
  /** The box as drawn, CSS pixels relative to the figure's image. */
  readonly drawn: { x: number; y: number; width: number; height: number }
}

export function cropFigures(page: Page): Promise<CropFigure[]> {
  return page.$$eval('figure.evidence.crop', (figures) =>
    figures.map((f) => {
      const finding = f.closest('.finding') as HTMLElement
      const rect = f.querySelector('rect.box') as SVGRectElement
      const use = f.querySelector('use') as SVGUseElement
      const image = document.querySelector(use.getAttribute('href')!) as SVGImageElement
      const svg = f.querySelector('svg')!.getBoundingClientRect()
      const r = rect.getBoundingClientRect()
      const x = Number(rect.getAttribute('x'))
      const y = Number(rect.getAttribute('y'))
      return {
        finding: finding.id,
        severity: finding.dataset.severity!,
        label: (f as HTMLElement).dataset.label!,
        value: (f as HTMLElement).dataset.value!,
        raw: (f as HTMLElement).dataset.raw!,
        fitted: (f as HTMLElement).dataset.fitted === 'true',
        image: image.getAttribute('href')!,
        box: { x0: x, y0: y, x1: x + Number(rect.getAttribute('width')), y1: y + Number(rect.getAttribute('height')) },
        drawn: { x: r.x - svg.x, y: r.y - svg.y, width: r.width, height: r.height },
      }
    }),
  )
}
