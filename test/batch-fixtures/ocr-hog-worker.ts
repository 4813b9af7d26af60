/**
 * A converter process for the shared-OCR tests: the real converter, except for a text file that
 * reads `ocr-then-hang`, which never answers and keeps small images out at the runner's shared OCR
 * engine at every moment (a new one sent as each is answered), so that whenever the pool kills it
 * on timeout, requests of its are still out: the test does not depend on how fast the machine is.
 */
import { readFile } from 'node:fs/promises'
import { createCanvas } from '@napi-rs/canvas'
import { convertFile } from '../../pipelines/convert.js'
import { serveConversions } from '../../src/batch/serve-conversions.js'
import type { OcrSession } from '../../src/stages/ocr/engine.js'

/**
 * Images kept out at once. Two, so that one is still out while the other's answer and its successor
 * cross; no more, since the runner serves a converter with fewer images out first, and more would
 * keep both workers from the other files. Small, so that each costs the engine little time.
 */
const IMAGES_OUT = 2

function smallImage(): Uint8Array {
  const canvas = createCanvas(240, 60)
  const context = canvas.getContext('2d')
  context.fillStyle = 'white'
  context.fillRect(0, 0, 240, 60)
  context.fillStyle = 'black'
  context.font = '32px sans-serif'
  context.fillText('ITA 2569', 12, 42)
  return canvas.toBuffer('image/png')
}

function keepRecognising(session: OcrSession): Promise<never> {
  const image = smallImage()
  const again = (): void => void session.recognise(image).then(again, again)
  for (let i = 0; i < IMAGES_OUT; i++) again()
  return new Promise<never>(() => {})
}

serveConversions(async (file, options) => {
  if (file.endsWith('.txt') && (await readFile(file, 'utf8')).trim() === 'ocr-then-hang') {
    const engine = await options.ocrEngine()
    void engine.withPage(1, new AbortController().signal, keepRecognising)
    return new Promise(() => {})
  }
  return convertFile(file, { ...options, ocrPagesInFlight: 2 })
})
