/** Entry point of a batch converter process (started by the process pool with child_process.fork). */
import { convertFile } from '../../pipelines/convert.js'
import { serveConversions } from './worker-protocol.js'

serveConversions((file, options) => convertFile(file, options))
