import type { ExitCode } from '../errors.js'

/** One subcommand: `ita-extract <name> ...`. `run` returns the exit code; it throws PipelineErrors. */
export interface Command {
  readonly name: string
  readonly usage: string
  run(argv: string[], io: CommandIO): Promise<ExitCode>
}

export interface CommandIO {
  readonly signal: AbortSignal
  readonly verbose: boolean
}
