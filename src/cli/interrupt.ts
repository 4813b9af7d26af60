/**
 * Ctrl-C always works. The first SIGINT aborts the command's signal, so it stops cleanly (a
 * batch keeps what it finished and prints its summary). Should anything not stop within
 * `graceMs` (a native call that ignores cancellation), or on a second Ctrl-C, the process says
 * so in one line and exits 130 at once.
 */
import { ExitCode } from './exit-code.js'
import { errorLine } from './output.js'

export interface InterruptOptions {
  /** Time the command gets to stop by itself after the first Ctrl-C. @default 5000 */
  readonly graceMs?: number
  readonly signals?: readonly NodeJS.Signals[]
}

export function exitOnInterrupt(controller: AbortController, options: InterruptOptions = {}): void {
  const { graceMs = 5000, signals = ['SIGINT'] } = options
  const forceExit = (why: string) => {
    errorLine(`interrupted (${why})`)
    process.exit(ExitCode.interrupted)
  }
  const onSignal = () => {
    if (controller.signal.aborted) return forceExit('second Ctrl-C')
    controller.abort(new DOMException('interrupted', 'AbortError'))
    // unref: a command that stops by itself exits without waiting for this timer.
    setTimeout(() => forceExit(`still stopping after ${graceMs / 1000} s`), graceMs).unref()
  }
  for (const signal of signals) process.on(signal, onSignal)
}
