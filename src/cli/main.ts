#!/usr/bin/env node
/**
 * The CLI: runs a command and exits with the code `exitCodeOf` (exit-code.ts) gives its outcome.
 */
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { BadArgsError, PipelineError } from '../errors.js'
import { packageVersion } from '../_internal/package-root.js'
import { commands } from './commands/index.js'
import { ExitCode, exitCodeOf, isInterruption, type Outcome } from './exit-code.js'
import { exitOnInterrupt } from './interrupt.js'
import { errorLine } from './output.js'

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'ita-extract: turn Thai ITA improvement reports (PDF, scans, OCR transcripts) into checked, structured JSON.',
    '',
    'Usage: ita-extract <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `ita-extract <command> --help` for a command\'s options.',
    'Global options: --verbose (show stack traces), --version, --help',
    '',
    'Exit codes: 0 ok, 1 checks found errors, 2 input unreadable or not a report, 3 missing dependency,',
    '            4 OCR engine failed, 5 invalid output (bug), 6 cannot write output, 8 partial success,',
    '            9 timeout, 15 other error, 64 bad arguments, 130 interrupted.',
  ].join('\n')
}

export async function runCli(argv: string[], signal: AbortSignal = new AbortController().signal): Promise<ExitCode> {
  return exitCodeOf(await runCommand(argv, signal))
}

async function runCommand(argv: string[], signal: AbortSignal): Promise<Outcome> {
  const verbose = argv.includes('--verbose')
  const args = argv.filter((a) => a !== '--verbose')
  const [name, ...rest] = args
  if (name === undefined) {
    // Usage asked for by mistake is an error: to stderr, so a pipe gets nothing.
    process.stderr.write(`${mainHelp()}\n`)
    return { type: 'no-command' }
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainHelp()}\n`)
    return { type: 'ok' }
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${packageVersion()}\n`)
    return { type: 'ok' }
  }
  const entry = commands.find((c) => c.name === name)
  try {
    if (!entry) throw new BadArgsError(`unknown command ${JSON.stringify(name)}; commands: ${commands.map((c) => c.name).join(', ')}`)
    const command = await entry.load()
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`${command.usage}\n`)
      return { type: 'ok' }
    }
    return await command.run(rest, { signal, verbose })
  } catch (error) {
    reportError(error, verbose)
    return { type: 'failed', error }
  }
}

function reportError(error: unknown, verbose: boolean): void {
  if (isInterruption(error)) {
    errorLine('interrupted')
    return
  }
  if (error instanceof PipelineError) {
    errorLine(error.message)
    if (error instanceof BadArgsError) errorLine('run `ita-extract --help` for usage')
    if (verbose && error.stack) process.stderr.write(`${error.stack}\n`)
    return
  }
  // Unknown errors are bugs: show the stack so they can be reported.
  process.stderr.write(`ita-extract: unexpected error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
}

/**
 * `ita-extract convert x.pdf | head -1`: when the reader closes the pipe early, writes fail with
 * EPIPE and Node would crash with a stack trace. Like standard Unix tools, end quietly instead:
 * the reader has said it wants no more. The command still finishes (a batch still writes its
 * files) and the exit code is the command's own. Any other stream error is still a crash.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return
    throw error
  })
}

function isMain(): boolean {
  const entry = process.argv[1]
  if (!entry) return false
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isMain()) {
  const controller = new AbortController()
  exitOnInterrupt(controller)
  endQuietlyOnClosedPipe(process.stdout)
  endQuietlyOnClosedPipe(process.stderr)
  const code = await runCli(process.argv.slice(2), controller.signal)
  process.exitCode = controller.signal.aborted ? ExitCode.interrupted : code
}
