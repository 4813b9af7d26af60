/**
 * The shared OCR engine's two ends, joined in one process by a channel that copies each message
 * (as IPC does) and delivers it on a later turn; the engine is the real tesseract.js one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOcrHost, type OcrConnection, type OcrHost } from './ocr-host.js'
import { createRemoteOcrEngine, type RemoteOcrEngine } from './remote-ocr-engine.js'
import type { OcrReplyMessage, OcrRequestMessage } from './worker-protocol.js'

/** A white PGM image with a black bar: quick to recognise, nothing to read. */
function blankPgm(width = 160, height = 40): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`)
  const pixels = new Uint8Array(width * height).fill(255)
  for (let x = 20; x < 140; x++) pixels[20 * width + x] = 0
  const out = new Uint8Array(header.length + pixels.length)
  out.set(header)
  out.set(pixels, header.length)
  return out
}

interface Pair {
  remote: RemoteOcrEngine
  connection: OcrConnection
  /** Replies the host sent, by type. */
  replies: OcrReplyMessage[]
}

function connect(host: OcrHost): Pair {
  const replies: OcrReplyMessage[] = []
  let remote!: RemoteOcrEngine
  const connection = host.attach((message) => {
    replies.push(message)
    const copy = structuredClone(message)
    setImmediate(() => remote.receive(copy))
  })
  remote = createRemoteOcrEngine((message: OcrRequestMessage) => {
    const copy = structuredClone(message)
    setImmediate(() => connection.receive(copy))
  })
  return { remote, connection, replies }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

let host: OcrHost
beforeAll(() => {
  host = createOcrHost({ workers: 1 })
})
afterAll(async () => {
  await host.close()
})

describe('shared OCR engine: host and remote engine', () => {
  it('starts no engine until asked', () => {
    expect(host.stats.engines).toBe(0)
  })

  it('recognises an image sent by a converter, with one engine however many converters', async () => {
    const a = connect(host)
    const b = connect(host)
    const signal = new AbortController().signal
    const [ra, rb] = await Promise.all([
      a.remote.withPage(1, signal, (session) => session.recognise(blankPgm(), { segmentation: 'line', dpi: 300 })),
      b.remote.withPage(7, signal, (session) => session.recognise(blankPgm(), { segmentation: 'line', dpi: 300 })),
    ])
    expect(ra).toMatchObject({ lines: expect.any(Array), confidence: expect.any(Number) })
    expect(rb.text).toBe(ra.text)
    expect(a.remote.workers).toBe(1)
    expect(host.stats).toMatchObject({ engines: 1, workers: 1, pages: 2, recognised: 2 })
    a.connection.detach()
    b.connection.detach()
  })

  it('a page aborted (its time limit) stops waiting at once, and its queued images are dropped, never answered', async () => {
    const { remote, connection, replies } = connect(host)
    await remote.open()
    const before = { ...host.stats }
    const controller = new AbortController()
    const page = remote.withPage(3, controller.signal, (session) => Promise.all(Array.from({ length: 6 }, () => session.recognise(blankPgm()))))
    try {
      // Abort on the next turn: the images have been sent; a fast engine may have answered one.
      await new Promise((resolve) => setImmediate(resolve))
      const answeredBefore = replies.filter((r) => r.type === 'ocr-result').length
      controller.abort(new DOMException('page time limit', 'TimeoutError'))
      await expect(page).rejects.toThrow('page time limit')
      expect(remote.pending).toBe(0)
      await settle()
      await host.close() // waits for whatever was running
      // The queued images are dropped: after the abort, only the image already inside the single
      // worker may still be answered (before the host hears of the abort, over the channel).
      const answered = replies.filter((r) => r.type === 'ocr-result').length
      expect(answered - answeredBefore).toBeLessThanOrEqual(1)
      expect(host.stats.dropped + host.stats.discarded - before.dropped - before.discarded).toBe(6 - answered)
      expect(answered).toBeLessThan(6)
    } finally {
      connection.detach()
      host = createOcrHost({ workers: 1 })
    }
  })

  it('a converter that goes away gets no answer, and the engine goes on serving the others', async () => {
    const gone = connect(host)
    const stays = connect(host)
    const signal = new AbortController().signal
    await gone.remote.open()
    void gone.remote.withPage(1, signal, (session) => Promise.all([session.recognise(blankPgm()), session.recognise(blankPgm())])).catch(() => undefined)
    await new Promise((resolve) => setImmediate(resolve))
    gone.connection.detach()
    const text = await stays.remote.withPage(2, signal, (session) => session.recognise(blankPgm()))
    expect(text.confidence).toBeGreaterThanOrEqual(0)
    await settle()
    expect(gone.replies.filter((r) => r.type === 'ocr-result')).toEqual([])
    expect(host.stats.engines).toBe(1)
    stays.connection.detach()
  })

  it('an image asked for after its page is over is refused, and does not reopen the page', async () => {
    const { remote, connection } = connect(host)
    const signal = new AbortController().signal
    const kept = await remote.withPage(4, signal, async (session) => {
      await session.recognise(blankPgm())
      return session
    })
    const pages = host.stats.pages
    await expect(kept.recognise(blankPgm())).rejects.toThrow(/abandoned/)
    await settle()
    expect(host.stats.pages).toBe(pages)
    connection.detach()
  })

  it('a closed host starts no engine and says why', async () => {
    const closed = createOcrHost({ workers: 1 })
    await closed.close()
    const { remote } = connect(closed)
    await expect(remote.open()).rejects.toThrow(/engine is closed/)
    expect(closed.stats.engines).toBe(0)
  })
})
