/**
 * Starts the native engine's tesseract processes from a small helper process instead of from the
 * converter. Node starts a child with fork(), whose cost grows with the parent's memory: from a
 * converter holding page images (300+ MB) one start blocked its main thread for 80-180 ms, from a
 * 50 MB process 15-30 ms. A page needs a few processes, so the helper, started once per engine,
 * keeps that time off the pages' main thread.
 *
 * The helper is plain Node (no loader) speaking over the IPC channel: `run` a command with a
 * timeout, `kill` one. It kills its processes and exits when the converter goes away.
 */
import { spawn, type ChildProcess } from 'node:child_process'

export interface RunResult {
  readonly stdout: string
  readonly stderr: string
}

export interface Launcher {
  /**
   * Runs `command` with `args` and `env` added to the environment; rejects like execFile (an Error
   * with `killed` when the timeout struck, `stderr`), or with the signal's reason when aborted.
   */
  run(command: string, args: readonly string[], options: { timeoutMs: number; env: Record<string, string>; signal?: AbortSignal }): Promise<RunResult>
  /** Ends the helper (after the runs under way) and waits for it to exit. */
  close(): Promise<void>
}

type Request = { type: 'run'; id: number; command: string; args: readonly string[]; timeoutMs: number; env: Record<string, string> } | { type: 'kill'; id: number }
interface Reply {
  id: number
  stdout: string
  stderr: string
  error?: { message: string; code?: string | number; killed?: boolean; signal?: string }
}

const HELPER = `
const { execFile } = require('node:child_process')
const running = new Map()
process.on('message', (m) => {
  if (m.type === 'kill') return void running.get(m.id)?.kill('SIGKILL')
  const child = execFile(m.command, m.args, { timeout: m.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, ...m.env } }, (error, stdout, stderr) => {
    running.delete(m.id)
    const e = error && { message: error.message, code: error.code, killed: error.killed, signal: error.signal }
    if (process.connected) process.send({ id: m.id, stdout, stderr, ...(e ? { error: e } : {}) })
  })
  running.set(m.id, child)
})
process.on('disconnect', () => {
  for (const child of running.values()) child.kill('SIGKILL')
  process.exit(0)
})
`

export function createLauncher(): Launcher {
  let helper: ChildProcess | undefined
  let nextId = 0
  const waiting = new Map<number, { resolve(r: RunResult): void; reject(e: unknown): void }>()

  function start(): ChildProcess {
    const child: ChildProcess = spawn(process.execPath, ['-e', HELPER], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
    child.on('message', (reply: Reply) => {
      const w = waiting.get(reply.id)
      if (!w) return
      waiting.delete(reply.id)
      idle()
      if (!reply.error) return w.resolve({ stdout: reply.stdout, stderr: reply.stderr })
      w.reject(Object.assign(new Error(reply.error.message), reply.error, { stderr: reply.stderr }))
    })
    // A helper that died takes its processes' answers with it: each fails, and the next run starts a new one.
    child.on('exit', () => {
      if (helper === child) helper = undefined
      for (const [id, w] of waiting) {
        waiting.delete(id)
        w.reject(new Error('the process that starts native tesseract exited'))
      }
    })
    child.on('error', () => undefined)
    return child
  }

  /** Only a helper with work keeps the converter alive. */
  function idle(): void {
    if (waiting.size > 0 || !helper) return
    helper.unref()
    ;(helper.channel as { unref?: () => void } | undefined)?.unref?.()
  }

  return {
    run(command, args, { timeoutMs, env, signal }) {
      return new Promise<RunResult>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason)
        const child = (helper ??= start())
        child.ref()
        ;(child.channel as { ref?: () => void } | undefined)?.ref?.()
        const id = nextId++
        const onAbort = () => {
          if (!waiting.delete(id)) return
          child.send({ type: 'kill', id } satisfies Request)
          idle()
          reject(signal!.reason)
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        const done = () => signal?.removeEventListener('abort', onAbort)
        waiting.set(id, { resolve: (r) => (done(), resolve(r)), reject: (e) => (done(), reject(e)) })
        child.send({ type: 'run', id, command, args, timeoutMs, env } satisfies Request)
      })
    },
    async close() {
      const child = helper
      helper = undefined
      if (!child || child.exitCode !== null || child.signalCode !== null) return
      // Waited for, so that its processes' CPU time is counted as the converter's children's.
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.ref() // an idle helper is unref'd: without this, nothing would wait for its exit
      if (child.connected) child.disconnect()
      else child.kill('SIGKILL')
      await exited
    },
  }
}
