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
