import type { Command } from '../command.js'
import { checkCommand } from './check.js'
import { convertCommand } from './convert.js'
import { queueCommand } from './queue.js'
import { serveCommand } from './serve.js'
import { workerCommand } from './worker.js'

/** Every subcommand, in the order `--help` lists them. */
export const commands: readonly Command[] = [convertCommand, checkCommand, serveCommand, queueCommand, workerCommand]
