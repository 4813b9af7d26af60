import type { Command } from '../command.js'

/**
 * A subcommand as `--help` lists it. Its module is loaded only when it runs: each one pulls in
 * what it needs (pdf.js and canvas, tesseract.js, BullMQ), and a command should not pay for the
 * others' at every start (`queue add` started in ~1.1 s when every command was loaded).
 */
export interface CommandEntry {
  readonly name: string
  readonly summary: string
  load(): Promise<Command>
}

/** Every subcommand, in the order `--help` lists them. */
export const commands: readonly CommandEntry[] = [
  { name: 'convert', summary: 'convert reports into JSON: one file, or folders into JSON/JSONL/CSV (resumable)', load: async () => (await import('./convert.js')).convertCommand },
  { name: 'check', summary: 'check reports for contradictions (exit 1 when errors are found)', load: async () => (await import('./check.js')).checkCommand },
  { name: 'serve', summary: 'a local web page (127.0.0.1) to drop reports on and get their reviews', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'queue', summary: 'a job queue in Redis for many machines: queue add | status | wait (with `worker`)', load: async () => (await import('./queue.js')).queueCommand },
  { name: 'worker', summary: 'convert documents from a Redis job queue until stopped (scale out over machines)', load: async () => (await import('./worker.js')).workerCommand },
]
