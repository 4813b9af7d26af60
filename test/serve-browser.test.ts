/// <reference lib="dom" />
/**
 * `ita-extract serve` driven from Debian's Chromium: upload a short scan (three pages of the 200 dpi
 * sample, test/fixtures/pdf/README.md), watch the OCR progress page by page, open the review,
 * download the JSON; a file that is not a PDF gets the CLI's own message; the upload limit holds;
 * the uploads' temporary folder is emptied after each conversion and removed on close.
 */
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../src/cli/main.js'
import { ExitCode } from '../src/cli/exit-code.js'
import { ReportSchema } from '../src/report/schema.js'
import { startServer, type RunningServer } from '../src/serve/server.js'
import { repoPath } from './helpers.js'
import { haveChromium, launchChromium, SCREENSHOTS, watchedPage, type WatchedPage } from './review-browser.js'

const SCAN = repoPath('test', 'fixtures', 'pdf', 'bankum-scan-200dpi-p1-2-7.pdf')
const LIMIT = 2 * 1024 * 1024

let browser: Browser
let server: RunningServer
let view: WatchedPage
const work = mkdtempSync(join(tmpdir(), 'ita-serve-'))

describe.skipIf(!haveChromium)('ita-extract serve in Chromium', () => {
  beforeAll(async () => {
    server = await startServer({ port: 0, maxUploadBytes: LIMIT, log: () => {} })
    browser = await launchChromium()
    view = await watchedPage(browser, { width: 1000, height: 900 })
    await view.page.goto(server.url)
  })
  afterAll(async () => {
    await browser?.close()
    if (server) {
      await server.close()
      expect(existsSync(server.tempDir), 'temporary folder removed on close').toBe(false)
    }
  })

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('converts an uploaded scan, showing OCR progress page by page, and offers the review and the JSON', { timeout: 600_000 }, async () => {
    const { page } = view
    const progress: string[] = []
    page.on('response', async (r) => {
      if (!/\/jobs\/[0-9a-f]+$/.test(r.url())) return
      const s = (await r.json().catch(() => undefined)) as { state: string; ocr?: { done: number; total: number } } | undefined
      if (s?.ocr) progress.push(`${s.ocr.done}/${s.ocr.total}`)
    })
    await page.setInputFiles('#drop input', SCAN)
    const job = page.locator('.job').first()
    await expect(job.locator('progress').waitFor({ state: 'visible', timeout: 300_000 })).resolves.toBeUndefined()
    await page.screenshot({ path: join(SCREENSHOTS, 'serve-progress.png') })
    await job.locator('a.json').waitFor({ timeout: 600_000 })
    await page.screenshot({ path: join(SCREENSHOTS, 'serve-done.png') })
    // Progress went page by page through the three OCR'd pages.
    expect(progress).toContain('3/3')
    expect(progress.some((p) => p === '1/3' || p === '2/3')).toBe(true)
    await expect(job.locator('.verdict').textContent()).resolves.toMatch(/ต้องแก้ไข \d+ จุด/)

    const [download] = await Promise.all([page.waitForEvent('download'), job.locator('a.json').click()])
    expect(download.suggestedFilename()).toBe('bankum-scan-200dpi-p1-2-7.json')
    const report = ReportSchema.parse(JSON.parse(readFileSync(await download.path(), 'utf8')))
    expect(report.source).toMatchObject({ file: 'bankum-scan-200dpi-p1-2-7.pdf', pages: 3, readBy: ['ocr', 'ocr', 'ocr'] })
    expect(report.findings.filter((f) => f.rule === 'indicator-score-mismatch').map((f) => f.indicator)).toEqual(expect.arrayContaining([5, 6]))

    const [reviewFile] = await Promise.all([page.waitForEvent('download'), job.locator('a.review').click()])
    expect(reviewFile.suggestedFilename()).toBe('bankum-scan-200dpi-p1-2-7.review.html')

    const [review] = await Promise.all([page.context().waitForEvent('page'), job.locator('a.open').click()])
    const errors: string[] = []
    review.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await review.waitForLoadState()
    await expect(review.locator('figure.evidence.crop').count()).resolves.toBeGreaterThan(5)
    await review.screenshot({ path: join(SCREENSHOTS, 'serve-review.png') })
    expect(errors).toEqual([])
    await review.close()

    // The upload is gone once converted.
    expect(readdirSync(server.tempDir)).toEqual([])
    expect(view.consoleErrors).toEqual([])
  })

  it("refuses a file that is not a PDF with the CLI's own message", async () => {
    const { page } = view
    const bytes = Buffer.from('minutes of the meeting, not a report\n')
    // What the CLI says about the same file, run where the file is.
    writeFileSync(join(work, 'minutes.pdf'), bytes)
    const stderr: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true))
    const cwd = process.cwd()
    try {
      process.chdir(work)
      expect(await runCli(['convert', 'minutes.pdf', '-o', join(work, 'out.json')])).toBe(ExitCode.inputFile)
    } finally {
      process.chdir(cwd)
      spy.mockRestore()
    }
    const cliLine = stderr.join('').trim()
    expect(cliLine).toMatch(/^ita-extract: minutes\.pdf: /)

    await page.setInputFiles('#drop input', { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: bytes })
    const job = page.locator('.job').first()
    await job.locator('.status.error').waitFor({ timeout: 60_000 })
    await expect(job.locator('.status.error').textContent()).resolves.toBe(cliLine.replace(/^ita-extract: /, ''))
    await expect(job.getAttribute('data-state')).resolves.toBe('failed')
    expect(readdirSync(server.tempDir)).toEqual([])
  })

  it('refuses an upload over the size limit, in the page and at the server', async () => {
    const { page } = view
    const big = Buffer.alloc(LIMIT + 512 * 1024, 0x20)
    const message = 'huge.pdf: the upload is 2.5 MiB, over the 2.0 MiB limit'
    await page.setInputFiles('#drop input', { name: 'huge.pdf', mimeType: 'application/pdf', buffer: big })
    await expect(page.locator('.job').first().locator('.status.error').textContent()).resolves.toBe(message)
    // A client that does not check first is stopped by the server.
    const res = await fetch(new URL('jobs?name=huge.pdf', server.url), { method: 'POST', headers: { 'x-ita-extract-upload': '1' }, body: big })
    expect(res.status).toBe(413)
    await expect(res.json()).resolves.toEqual({ error: message })
    // Without a declared length (chunked), the server counts as it reads.
    const chunked = await fetch(new URL('jobs?name=huge.pdf', server.url), {
      method: 'POST',
      headers: { 'x-ita-extract-upload': '1' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(413)
    expect(readdirSync(server.tempDir)).toEqual([])
  })

  it('answers only requests addressed to a local name, and uploads only from its own page', async () => {
    // fetch will not send another Host; a DNS-rebinding page would.
    const foreign = await new Promise<number>((resolve, reject) => {
      request(server.url, { headers: { host: 'attacker.example' } }, (res) => {
        res.resume()
        resolve(res.statusCode!)
      })
        .on('error', reject)
        .end()
    })
    expect(foreign).toBe(403)
    const bare = await fetch(new URL('jobs?name=x.pdf', server.url), { method: 'POST', body: 'x' })
    expect(bare.status).toBe(403)
  })
})

describe('ita-extract serve (the command)', () => {
  it('prints its local address, serves the page, and stops cleanly on Ctrl-C (exit 130)', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', repoPath('src', 'cli', 'main.ts'), 'serve', '--port', '0'], { cwd: repoPath(), stdio: ['ignore', 'pipe', 'pipe'] })
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const m = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)
        if (m) resolve(m[1]!)
      })
      child.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening: ${out}`)))
    })
    const page = await fetch(url)
    expect(page.status).toBe(200)
    await expect(page.text()).resolves.toContain('id="drop"')
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGINT')
    await expect(exited).resolves.toBe(ExitCode.interrupted)
  })

  it('a bad port is a bad argument (exit 64)', async () => {
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      expect(await runCli(['serve', '--port', 'eighty'])).toBe(ExitCode.badArgs)
    } finally {
      spy.mockRestore()
    }
  })
})
