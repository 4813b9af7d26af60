/**
 * A converter process for the shared-OCR tests: the real converter, except for a text file that
 * reads `ocr-then-hang <pdf>`, which keeps converting that PDF (its pages go to the runner's
 * shared OCR engine) and never answers, so the pool kills it on timeout while its OCR requests
 * are still out.
 */
import { readFile } from 'node:fs/promises'
import { convertFile } from '../../pipelines/convert.js'
import { serveConversions } from '../../src/batch/serve-conversions.js'

serveConversions(async (file, options) => {
  if (file.endsWith('.txt')) {
    const [command, pdf] = (await readFile(file, 'utf8')).trim().split(/\s+/)
    if (command === 'ocr-then-hang' && pdf) {
      // Converts the PDF over and over, so that OCR requests are out whenever the pool kills it
      // (one pass may finish within the time limit on a fast machine).
      void (async () => {
        for (;;) await convertFile(pdf, { ...options, ocrPagesInFlight: 2 }).catch(() => undefined)
      })()
      return new Promise(() => {})
    }
  }
  return convertFile(file, { ...options, ocrPagesInFlight: 2 })
})
