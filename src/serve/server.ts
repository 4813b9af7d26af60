/**
 * `ita-extract serve`: a local web page on 127.0.0.1 where an officer drops reports and gets the
 * review. node:http only; uploads are the raw file as the request body (no multipart), streamed
 * to a temporary folder with a size limit, converted one at a time (`JobQueue`), and deleted
 * once converted; the whole temporary folder goes when the server stops.
 *
 *   GET  /                         the page
 *   POST /jobs?name=<file name>    upload (header `x-ita-extract-upload`), -> 202 { id }
 *   GET  /jobs/<id>                status and progress (JobStatus)
 *   GET  /jobs/<id>/report.json    the report
 *   GET  /jobs/<id>/review.html    the review (?download=1: as an attachment)
 */
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { JobQueue } from './jobs.js'
import { UPLOAD_HEADER, uploadPage } from './upload-page.js'

export interface ServeOptions {
  /** TCP port; 0 picks a free one. @default 8765 */
  readonly port?: number
  /** Interface to listen on. @default '127.0.0.1' (this computer only) */
  readonly host?: string
  /** Largest upload accepted, bytes. @default 200 MiB (the PDF limit) */
  readonly maxUploadBytes?: number
  /** OCR worker threads. @default CPU cores */
  readonly ocrWorkers?: number
  /** Where unexpected errors are logged. @default stderr */
  readonly log?: (line: string) => void
}

export interface RunningServer {
  readonly url: string
  readonly port: number
  /** The temporary folder uploads are kept in while they convert (removed by `close`). */
  readonly tempDir: string
  /** Stops accepting, stops the running conversion, removes the temporary folder. */
  close(): Promise<void>
}

export const DEFAULT_PORT = 8765
export const DEFAULT_MAX_UPLOAD = 200 * 1024 * 1024

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const { port = DEFAULT_PORT, host = '127.0.0.1', maxUploadBytes = DEFAULT_MAX_UPLOAD } = options
  const log = options.log ?? ((line: string) => process.stderr.write(`ita-extract serve: ${line}\n`))
  const tempDir = await mkdtemp(join(tmpdir(), 'ita-extract-serve-'))
  const jobs = new JobQueue({ log, ...(options.ocrWorkers ? { ocrWorkers: options.ocrWorkers } : {}) })
  const page = uploadPage(maxUploadBytes)
  let allowedHosts = new Set<string>()

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message })
      log(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      sendJson(res, 500, { error: 'unexpected error; see the server log' })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: answer only requests addressed to this server by a local name.
    if (!allowedHosts.has(req.headers.host ?? '')) throw new HttpError(403, 'requests must be addressed to 127.0.0.1 or localhost')
    const url = new URL(req.url ?? '/', 'http://localhost')
    const parts = url.pathname.split('/').filter(Boolean)
    if ((req.method === 'GET' || req.method === 'HEAD') && parts.length === 0) return send(res, 200, 'text/html; charset=utf-8', page)
    if (parts[0] !== 'jobs') throw new HttpError(404, 'not found')
    if (parts.length === 1) {
      if (req.method !== 'POST') throw new HttpError(405, 'upload with POST')
      return receive(req, res, url.searchParams.get('name'))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'only GET here')
    const id = parts[1]!
    const status = jobs.status(id)
    if (!status) throw new HttpError(404, 'no such conversion (the server keeps the last 20)')
    if (parts.length === 2) return sendJson(res, 200, status)
    const stem = status.name.replace(/\.[^.]*$/, '')
    if (parts[2] === 'report.json') return sendResult(res, jobs.result(id, 'json'), 'application/json; charset=utf-8', `${stem}.json`, true)
    if (parts[2] === 'review.html') return sendResult(res, jobs.result(id, 'review'), 'text/html; charset=utf-8', `${stem}.review.html`, url.searchParams.has('download'))
    throw new HttpError(404, 'not found')
  }

  async function receive(req: IncomingMessage, res: ServerResponse, rawName: string | null): Promise<void> {
    if (req.headers[UPLOAD_HEADER] === undefined) throw new HttpError(403, `uploads need the ${UPLOAD_HEADER} header (sent by the page)`)
    const name = uploadName(rawName)
    const declared = Number(req.headers['content-length'] ?? Number.NaN)
    if (declared > maxUploadBytes) {
      // Read the body to the end (and drop it) so the client gets the answer, not a reset connection.
      req.resume()
      res.setHeader('connection', 'close')
      throw new HttpError(413, tooLarge(name, declared, maxUploadBytes))
    }
    const id = jobs.newId()
    const folder = join(tempDir, id)
    await mkdir(folder)
    const path = join(folder, name)
    let received = 0
    // Past the limit, the rest of the body is read and dropped: nothing more reaches the disk.
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length
        done(null, received > maxUploadBytes ? undefined : chunk)
      },
    })
    try {
      await pipeline(req, limit, createWriteStream(path))
    } catch {
      await rm(folder, { recursive: true, force: true })
      throw new HttpError(400, `${name}: the upload did not complete`)
    }
    if (received > maxUploadBytes) {
      await rm(folder, { recursive: true, force: true })
      throw new HttpError(413, tooLarge(name, received, maxUploadBytes))
    }
    sendJson(res, 202, jobs.add(id, name, received, folder, path))
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  }).catch(async (error: unknown) => {
    await rm(tempDir, { recursive: true, force: true })
    throw error
  })
  const actual = (server.address() as AddressInfo).port
  allowedHosts = new Set([`127.0.0.1:${actual}`, `localhost:${actual}`, `[::1]:${actual}`, `${host}:${actual}`])
  let closing: Promise<void> | undefined
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}/`,
    port: actual,
    tempDir,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeAllConnections()
        await jobs.close()
        await stopped
        await rm(tempDir, { recursive: true, force: true })
      })()
      return closing
    },
  }
}

/** The uploaded file's own name, safe as a file name: no folders, no control characters. */
export function uploadName(raw: string | null): string {
  const name = basename((raw ?? '').replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200)
  return name === '' || name === '.' || name === '..' ? 'upload' : name
}

function tooLarge(name: string, bytes: number, limit: number): string {
  return `${name}: the upload is ${mib(bytes)}, over the ${mib(limit)} limit`
}

function mib(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MiB`
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) return void res.end()
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value))
}

function sendResult(res: ServerResponse, body: string | undefined, type: string, fileName: string, attachment: boolean): void {
  if (body === undefined) throw new HttpError(409, 'not converted (yet): see the status')
  const disposition = `${attachment ? 'attachment' : 'inline'}; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
  send(res, 200, type, body, { 'content-disposition': disposition })
}
