/**
 * Character error rate: Levenshtein distance between two texts (by code point) divided by the
 * reference length. Used to measure text extraction against a known source.
 */
export function levenshtein(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const cur = [i]
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[y.length]!
}

/** CER of `hypothesis` against `reference`; both compared without white space (Thai has no word spaces to agree on). */
export function charErrorRate(reference: string, hypothesis: string): number {
  const ref = reference.replace(/\s+/g, '')
  const hyp = hypothesis.replace(/\s+/g, '')
  return ref.length === 0 ? (hyp.length === 0 ? 0 : 1) : levenshtein(ref, hyp) / [...ref].length
}

/**
 * `charErrorRate` when it is at most `limit`, else a number above `limit`: the edit distance is
 * computed only within a band of `limit` times the reference length around the diagonal, so a
 * whole report (tens of thousands of characters) is compared in milliseconds, not seconds.
 */
export function charErrorRateWithin(reference: string, hypothesis: string, limit: number): number {
  const x = [...reference.replace(/\s+/g, '')]
  const y = [...hypothesis.replace(/\s+/g, '')]
  if (x.length === 0) return y.length === 0 ? 0 : 1
  const band = Math.ceil(limit * x.length) + 1
  if (Math.abs(x.length - y.length) > band) return Math.abs(x.length - y.length) / x.length
  const far = band + 1
  let prev = Array.from({ length: y.length + 1 }, (_, j) => (j <= band ? j : far))
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(far)
    if (i <= band) cur[0] = i
    for (let j = Math.max(1, i - band); j <= Math.min(y.length, i + band); j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1), far)
    }
    prev = cur
  }
  return prev[y.length]! / x.length
}
