/** A seeded random source for the layout generator: the same seed gives the same choices. */
import { mulberry32 } from '../degrade-page.js'

export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** `n` distinct items, in the order they were drawn. */
  sample<T>(items: readonly T[], n: number): T[]
  /** A number in [min, max] with two decimals. */
  score(min: number, max: number): number
}

export function seededRandom(seed: number): Random {
  const next = mulberry32(seed)
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list')
      return items[int(0, items.length - 1)]!
    },
    sample: (items, n) => {
      const pool = [...items]
      const out = []
      while (out.length < n && pool.length > 0) out.push(pool.splice(int(0, pool.length - 1), 1)[0]!)
      return out
    },
    score: (min, max) => int(Math.round(min * 100), Math.round(max * 100)) / 100,
  }
}

/** Derives a stable seed for a sub-stream (per template, per draw) from a base seed and a name. */
export function subSeed(seed: number, name: string): number {
  let h = 2166136261 ^ seed
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619)
  return h >>> 0
}
