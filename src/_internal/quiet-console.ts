/**
 * pdf-lib reports what it tolerates in a damaged PDF with console.warn, and its inflate prints
 * debug codes with console.log: to stderr and, worse, into the JSON on stdout. Its calls run
 * through here with the console muted (the CLI itself writes to the streams, never the console).
 */
const MUTED = ['log', 'warn', 'info', 'debug'] as const

export async function quietly<T>(fn: () => T | Promise<T>): Promise<T> {
  const saved = MUTED.map((name) => console[name])
  for (const name of MUTED) console[name] = () => {}
  try {
    return await fn()
  } finally {
    MUTED.forEach((name, i) => (console[name] = saved[i]!))
  }
}

/** `quietly` for a synchronous call. */
export function quietlySync<T>(fn: () => T): T {
  const saved = MUTED.map((name) => console[name])
  for (const name of MUTED) console[name] = () => {}
  try {
    return fn()
  } finally {
    MUTED.forEach((name, i) => (console[name] = saved[i]!))
  }
}
