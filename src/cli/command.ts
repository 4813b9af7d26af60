import type { Outcome } from './exit-code.js'

/** One subcommand: `ita-extract <name> ...`. `run` returns what happened (main.ts maps it to the exit code); it throws PipelineErrors. */
export interface Command {
  readonly name: string
  readonly usage: string
  run(argv: string[], io: CommandIO): Promise<Outcome>
}

export interface CommandIO {
  readonly signal: AbortSignal
  readonly verbose: boolean
}
