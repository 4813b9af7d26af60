import { BadArgsError } from '../../errors.js'
import { DEFAULT_MAX_UPLOAD, DEFAULT_PORT, startServer } from '../../serve/server.js'
import { parseCommandArgs } from '../args.js'
import type { Command } from '../command.js'

const usage = `Usage: ita-extract serve [--port N] [--max-upload-mb N]

A local web page for officers: drop one or more reports (PDF, image or transcript), watch each
convert (OCR progress page by page), open the review, and download the JSON and the review.
Listens on 127.0.0.1 only (this computer). Uploads are kept in a temporary folder only until
they are converted, and the folder is removed when the server stops. Stop with Ctrl-C.

Options:
  -p, --port <n>          TCP port (default: ${DEFAULT_PORT}; 0 picks a free one)
      --max-upload-mb <n> largest upload accepted, MiB (default: ${DEFAULT_MAX_UPLOAD / 1024 / 1024})
  -h, --help              show this help

Example:
  ita-extract serve --port 8080     then open http://127.0.0.1:8080/`

export const serveCommand: Command = {
  name: 'serve',
  usage,
  async run(argv, io) {
    const { port, maxUploadBytes } = parseServeArgs(argv)
    let server
    try {
      server = await startServer({ port, maxUploadBytes })
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code
      if (code === 'EADDRINUSE' || code === 'EACCES') throw new BadArgsError(`port ${port} is ${code === 'EADDRINUSE' ? 'in use' : 'not allowed'}; choose another with --port`, { cause })
      throw cause
    }
    process.stdout.write(`ita-extract serve: open ${server.url} (Ctrl-C to stop)\n`)
    const stop = new AbortController()
    const onTerm = () => stop.abort()
    process.once('SIGTERM', onTerm)
    try {
      await new Promise<void>((resolve) => {
        const done = () => resolve()
        if (io.signal.aborted || stop.signal.aborted) return resolve()
        io.signal.addEventListener('abort', done, { once: true })
        stop.signal.addEventListener('abort', done, { once: true })
      })
    } finally {
      process.off('SIGTERM', onTerm)
      await server.close()
    }
    return { type: 'interrupted' }
  },
}

function parseServeArgs(argv: string[]): { port: number; maxUploadBytes: number } {
  const parsed = parseCommandArgs('serve', argv, { port: { type: 'string', short: 'p' }, 'max-upload-mb': { type: 'string' } })
  if (parsed.positionals.length > 0) throw new BadArgsError(`serve takes no files (drop them on the page), got ${JSON.stringify(parsed.positionals[0])}`)
  const port = Number(parsed.values.port ?? DEFAULT_PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BadArgsError(`--port must be a whole number from 0 to 65535, got ${JSON.stringify(parsed.values.port)}`)
  const mb = Number(parsed.values['max-upload-mb'] ?? DEFAULT_MAX_UPLOAD / 1024 / 1024)
  if (!Number.isFinite(mb) || mb <= 0) throw new BadArgsError(`--max-upload-mb must be a number > 0, got ${JSON.stringify(parsed.values['max-upload-mb'])}`)
  return { port, maxUploadBytes: Math.round(mb * 1024 * 1024) }
}
