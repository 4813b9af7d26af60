/**
 * Runs the CLI (from source, through tsx) as a real child process, for tests about what a user
 * sees: exit codes, stderr lines, signals, time. Every run has a deadline: a CLI that hangs is
 * killed (-9) and the run says so (`killed: true`) instead of stalling the test suite.
 */
import { spawn } from 'node:child_process'
import { repoPath } from './helpers.js'

export interface CliRun {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
  /** The deadline passed and the process was killed. */
  readonly killed: boolean
}

export interface CliRunOptions {
  /** Kill the process (SIGKILL) after this many ms. @default 60_000 */
  readonly deadlineMs?: number
  /** Signals to send, each after its delay from the start (or, with `afterStderr`, from the first stderr output matching it). */
  readonly signals?: readonly { readonly signal: NodeJS.Signals; readonly afterMs: number; readonly afterStderr?: RegExp }[]
  readonly cwd?: string
  readonly env?: NodeJS.ProcessEnv
  /** A script to run instead of the CLI (path, run through tsx like the CLI). */
  readonly script?: string
}

export function runCliProcess(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const { deadlineMs = 60_000, signals = [], cwd = repoPath() } = options
  const entry = options.script ?? repoPath('src', 'cli', 'main.ts')
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...options.env },
    })
    let stdout = ''
    let stderr = ''
    let killed = false
    const timers: NodeJS.Timeout[] = []
    const schedule = (signal: NodeJS.Signals, ms: number) => timers.push(setTimeout(() => child.kill(signal), ms))
    const waiting = signals.filter((s) => s.afterStderr)
    for (const s of signals) if (!s.afterStderr) schedule(s.signal, s.afterMs)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      for (const s of [...waiting]) {
        if (!s.afterStderr!.test(stderr)) continue
        waiting.splice(waiting.indexOf(s), 1)
        schedule(s.signal, s.afterMs)
      }
    })
    timers.push(
      setTimeout(() => {
        killed = true
        child.kill('SIGKILL')
      }, deadlineMs),
    )
    child.on('error', reject)
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t)
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, killed })
    })
  })
}

/** The stderr lines of a run, without blank ones. */
export const stderrLines = (run: CliRun): string[] => run.stderr.split('\n').filter((l) => l.trim() !== '')

/** No stack trace and no raw Node error text in what the user saw. */
export const NO_STACK = /\n\s+at |\bat .*\(.*:\d+:\d+\)|TypeError|ReferenceError|RangeError/
