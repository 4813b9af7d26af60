/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML review of each bundled sample (transcript, born-digital PDF, 200 dpi scan), made by
 * `ita-extract check --format html` and opened in Debian's Chromium: no console errors, no
 * requests, every error and warning finding with its evidence, each box on the printed digits
 * (the boxed pixels read again by the digit reader give the finding's value), the English toggle,
 * A4 print. The scan is converted once (real OCR, the slow part) and every assertion reuses it.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PDFDocument } from 'pdf-lib'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../src/cli/main.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { cropRaster, decodeImage, readNumber } from '../src/stages/ocr/digits/index.js'
import { repoPath } from './helpers.js'
import { cropFigures, haveChromium, launchChromium, SCREENSHOTS, watchedPage, type WatchedPage } from './review-browser.js'

const SAMPLES = [
  { name: 'transcript', input: repoPath('samples', 'bankum', 'transcript.txt'), images: false },
  { name: 'born-digital', input: repoPath('samples', 'bankum', 'born-digital.pdf'), images: true },
  { name: 'scanned-200dpi', input: repoPath('samples', 'bankum', 'scanned-200dpi.pdf'), images: true },
] as const

const dir = mkdtempSync(join(tmpdir(), 'ita-review-'))
let browser: Browser

describe.skipIf(!haveChromium)('the HTML review in Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  describe.each(SAMPLES)('samples/bankum: $name', ({ name, input, images }) => {
    const out = join(dir, `${name}.review.html`)
    let view: WatchedPage

    beforeAll(async () => {
      const quiet = [vi.spyOn(process.stderr, 'write').mockImplementation(() => true), vi.spyOn(process.stdout, 'write').mockImplementation(() => true)]
      try {
        // Exit 1: the sample's contradictions are errors.
        expect(await runCli(['check', input, '--format', 'html', '-o', out])).toBe(ExitCode.checksFailed)
      } finally {
        for (const spy of quiet) spy.mockRestore()
      }
      view = await watchedPage(browser)
      await view.page.goto(pathToFileURL(out).href)
      await view.page.evaluate(() => document.fonts.ready)
    }, 900_000)

    it('opens with no console errors, loads nothing, and draws its Thai in the embedded Sarabun', async () => {
      expect(view.consoleErrors).toEqual([])
      expect(view.requests).toEqual([pathToFileURL(out).href])
      const sarabun = await view.page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/['"]/g, '') === 'Sarabun' && f.status === 'loaded').length)
      expect(sarabun).toBeGreaterThan(0)
      const size = statSync(out).size
      console.log(`${name}: review ${(size / 1024).toFixed(0)} KB`)
      expect(size).toBeLessThan(10 * 1024 * 1024)
      await view.page.screenshot({ path: join(SCREENSHOTS, `review-${name}.png`) })
    })

    it('says what to do: a verdict with the number of errors to fix', async () => {
      const verdict = view.page.locator('.verdict')
      await expect(verdict.getAttribute('data-verdict')).resolves.toBe('fix')
      const errors = await view.page.locator('.finding[data-severity=error]').count()
      await expect(verdict.locator('.th').first().textContent()).resolves.toBe(`ต้องแก้ไข ${errors} จุด`)
      expect(errors).toBeGreaterThanOrEqual(9)
    })

    it('shows the evidence of every printed value of every error and warning finding', async () => {
      const findings = await view.page.$$eval('.finding[data-severity=error], .finding[data-severity=warning]', (nodes) =>
        nodes.map((n) => ({
          id: n.id,
          printed: n.querySelectorAll('table.values tr[data-printed=true]').length,
          crops: n.querySelectorAll('figure.evidence.crop').length,
          lines: n.querySelectorAll('figure.evidence.line').length,
          marked: [...n.querySelectorAll('figure.evidence.line')].filter((f) => f.querySelector('mark') !== null).length,
        })),
      )
      expect(findings.length).toBeGreaterThan(0)
      for (const f of findings) {
        expect(f.printed, f.id).toBeGreaterThan(0)
        if (images) expect([f.id, f.crops]).toEqual([f.id, f.printed])
        else expect([f.id, f.lines, f.marked]).toEqual([f.id, f.printed, f.printed])
      }
    })

    it.runIf(images)('boxes each number on its printed digits: the boxed pixels read again give the finding\'s value', async () => {
      const figures = await cropFigures(view.page)
      const numbers = figures.filter((f) => /^[0-9๐-๙]+([.,][0-9๐-๙]+)?$/.test(f.raw.trim()))
      expect(numbers.length).toBeGreaterThan(20)
      let certain = 0
      const wrong: string[] = []
      for (const f of numbers) {
        expect(f.fitted, `${f.finding} ${f.label}: box fitted to the digits`).toBe(true)
        expect(f.drawn.width).toBeGreaterThan(5)
        const image = await decodeImage(Buffer.from(f.image.slice(f.image.indexOf(',') + 1), 'base64'))
        const reading = readNumber(cropRaster(image, f.box), { pattern: /[.,]/.test(f.raw) ? 'score' : 'integer' })
        if (reading.uncertain) continue
        certain += 1
        if (reading.value !== Number(f.value)) wrong.push(`${f.finding} ${f.label}: boxed ${reading.text}, finding says ${f.value}`)
      }
      console.log(`${name}: ${certain} of ${numbers.length} boxed numbers read again with certainty, ${wrong.length} different`)
      expect(wrong).toEqual([])
      expect(certain).toBeGreaterThanOrEqual(Math.ceil(0.9 * numbers.length))
    })

    it('switches to English and back', async () => {
      const { page } = view
      await page.click('#lang')
      await expect(page.locator('.verdict .big .en').isVisible()).resolves.toBe(true)
      await expect(page.locator('.verdict .big .th').isVisible()).resolves.toBe(false)
      await expect(page.locator('.verdict .big .en').textContent()).resolves.toMatch(/^\d+ to fix$/)
      await page.locator('.finding').first().screenshot({ path: join(SCREENSHOTS, `review-${name}-finding-en.png`) })
      await page.click('#lang')
      await expect(page.locator('.verdict .big .th').isVisible()).resolves.toBe(true)
      expect(view.consoleErrors).toEqual([])
    })

    it('prints on A4', async () => {
      const pdf = await view.page.pdf({ preferCSSPageSize: true, printBackground: true })
      writeFileSync(join(SCREENSHOTS, `review-${name}.pdf`), pdf)
      const doc = await PDFDocument.load(pdf)
      expect(doc.getPageCount()).toBeGreaterThan(2)
      for (const p of doc.getPages()) {
        expect(p.getWidth()).toBeCloseTo(595.28, 0)
        expect(p.getHeight()).toBeCloseTo(841.89, 0)
      }
    })
  })
})

afterAll(() => {
  if (haveChromium) console.log(`review screenshots and PDFs: ${SCREENSHOTS}`)
})
