/**
 * A converter process for the pool tests: it speaks the real worker protocol but its behaviour is
 * chosen by the input file's first line, so timeouts and crashes can be produced on demand.
 *   ok <organisation>  -> a valid report (two pages of progress events)
 *   same               -> like `ok`, with the file's own SHA-256 (a queue worker takes it as this file's report)
 *   bad                -> throws an InputFileError, like an unreadable file
 *   hang               -> never answers (an endless await)
 *   spin               -> never answers (a synchronous endless loop)
 *   exit               -> the process exits with code 7
 *   abort              -> the process aborts (SIGABRT, like a native crash)
 *   slow <n> <ms>      -> finishes a page every <ms> milliseconds, n pages, then a valid report
 *   stall <n> <ms>     -> finishes n pages like `slow`, then never answers
 *   hog <mb>           -> holds <mb> MB of native memory (Buffers, touched so they are resident), then never answers
 *   heap               -> fills the JavaScript heap until V8 gives up
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { InputFileError } from '../../src/errors.js'
import { serveConversions } from '../../src/batch/serve-conversions.js'
import { sampleReport } from '../export-sample-report.js'

serveConversions(async (file, { log }) => {
  const [command = '', ...rest] = (await readFile(file, 'utf8')).trim().split(/\s+/)
  switch (command) {
    case 'ok':
      log({ stage: 'fake', page: 1, msg: 'page 1' })
      log({ stage: 'fake', page: 2, msg: 'page 2' })
      return { ...sampleReport(rest.join(' ') || undefined), source: { ...sampleReport().source, file } }
    case 'same': {
      const sha256 = createHash('sha256').update(await readFile(file)).digest('hex')
      log({ stage: 'fake', page: 1, progress: 0.5, msg: 'page 1' })
      log({ stage: 'fake', page: 2, progress: 1, msg: 'page 2' })
      return { ...sampleReport(), source: { ...sampleReport().source, file, sha256 } }
    }
    case 'slow':
    case 'stall': {
      const [pages = '1', ms = '100'] = rest
      for (let page = 1; page <= Number(pages); page++) {
        await new Promise((resolve) => setTimeout(resolve, Number(ms)))
        log({ stage: 'ocr', page, progress: page / Number(pages), msg: `page ${page}` })
      }
      if (command === 'stall') return new Promise(() => {})
      return { ...sampleReport(), source: { ...sampleReport().source, file } }
    }
    case 'hog': {
      const held: Buffer[] = []
      for (let mb = 0; mb < Number(rest[0] ?? 1024); mb += 16) held.push(Buffer.alloc(16 << 20, 1))
      ;(globalThis as { held?: unknown }).held = held
      return new Promise(() => {})
    }
    case 'heap': {
      const held: unknown[] = []
      for (;;) held.push({ filler: new Array(1000).fill(held.length) })
    }
    case 'bad':
      throw new InputFileError(`${file}: not a report`, { file })
    case 'hang':
      return new Promise(() => {})
    case 'spin':
      for (;;) {}
    case 'exit':
      process.exit(7)
    case 'abort':
      process.abort()
    default:
      throw new Error(`unknown command ${command}`)
  }
})
