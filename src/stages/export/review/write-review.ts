/** A review file beside a converted report (`convert --html`): `<document>.review.html`. */
import { readFile, stat } from 'node:fs/promises'
import type { Report } from '../../../report/schema.js'
import { writeFileAtomic } from '../atomic-file.js'
import { reviewSource } from './source.js'

export const REVIEW_SUFFIX = '.review.html'

/**
 * Writes the review of `report` (converted from the file at `input`) to `path`, unless a review
 * at least as new as `reportPath` is already there. Returns whether it wrote one.
 */
export async function writeReviewIfStale(path: string, report: Report, input: string, reportPath: string): Promise<boolean> {
  const [review, json] = await Promise.all([stat(path).catch(() => undefined), stat(reportPath).catch(() => undefined)])
  if (review && json && review.mtimeMs >= json.mtimeMs) return false
  const bytes = await readFile(input).catch(() => undefined)
  // Loaded when a review is written: it renders page images (pdf.js, canvas), which a batch
  // runner or a queue command that writes no review should not pay for at every start.
  const { buildReview } = await import('./build-review.js')
  await writeFileAtomic(path, await buildReview([{ report, findings: report.findings, source: reviewSource(report, bytes) }]))
  return true
}
