/** What every stage receives besides its input: cancellation and a progress/log sink. */
export interface StageEvent {
  stage: string
  page?: number
  /** 0-1 within the stage, when known. */
  progress?: number
  /** How many units (e.g. pages) the stage works through, when known; `progress * total` are done. */
  total?: number
  msg: string
}

export interface StageContext {
  readonly signal: AbortSignal
  readonly log: (event: StageEvent) => void
}

export function defaultContext(overrides: Partial<StageContext> = {}): StageContext {
  return { signal: new AbortController().signal, log: () => {}, ...overrides }
}

/** Runs `fn`, recording its duration in `timings[stage]` (docling-style per-stage timings). */
export async function timed<T>(stage: string, timings: Record<string, number>, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now()
  try {
    return await fn()
  } finally {
    timings[stage] = Math.round((performance.now() - start) * 10) / 10
  }
}
