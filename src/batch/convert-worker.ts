/** Entry point of a batch converter process (started by the process pool with child_process.fork). */
import { convertFile } from '../../pipelines/convert.js'
import { serveConversions } from './serve-conversions.js'

/** Two pages of a file in flight keep the shared OCR pool busy while this process prepares the next one. */
const DEFAULT_PAGES_IN_FLIGHT = 2

serveConversions((file, options) => convertFile(file, { ...options, ocrPagesInFlight: options.ocrPagesInFlight ?? DEFAULT_PAGES_IN_FLIGHT }))
