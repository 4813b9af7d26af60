/**
 * The original file a report was read from, which the review shows: page images for PDFs and
 * image files, the raw lines for transcripts. A report converted earlier (a JSON file) names its
 * source; it is used only when its bytes still hash to the report's `source.sha256`.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import type { Report } from '../../../report/schema.js'

export type ReviewSource =
  | { readonly kind: 'file'; readonly bytes: Uint8Array }
  /** Why there is nothing to show from the original (it was not found, or it changed). */
  | { readonly kind: 'missing'; readonly reason: { readonly en: string; readonly th: string } }

/** The bytes `report` was converted from, or why they are not shown. */
export function reviewSource(report: Report, bytes: Uint8Array | undefined): ReviewSource {
  if (!bytes) return missing(report)
  if (sha256(bytes) !== report.source.sha256) {
    return {
      kind: 'missing',
      reason: {
        en: `${report.source.file} has changed since it was converted (its SHA-256 differs), so no page images or lines are shown`,
        th: `ไฟล์ ${report.source.file} เปลี่ยนไปหลังการแปลง จึงไม่แสดงภาพหน้าเอกสารหรือบรรทัดต้นฉบับ`,
      },
    }
  }
  return { kind: 'file', bytes }
}

/**
 * The source of a report read from a JSON file: the file it names, relative to the working
 * folder or to the JSON's folder, or one of that name beside the JSON; the first whose hash
 * matches.
 */
export async function findReviewSource(report: Report, jsonPath: string): Promise<ReviewSource> {
  const named = report.source.file
  const candidates = [...new Set([resolve(named), resolve(dirname(jsonPath), named), resolve(dirname(jsonPath), basename(named))])]
  for (const path of candidates) {
    const bytes = await readFile(path).catch(() => undefined)
    if (bytes && sha256(bytes) === report.source.sha256) return { kind: 'file', bytes }
  }
  return missing(report)
}

function missing(report: Report): ReviewSource {
  return {
    kind: 'missing',
    reason: {
      en: `the original file ${report.source.file} was not found beside the report, so no page images or lines are shown`,
      th: `ไม่พบไฟล์ต้นฉบับ ${report.source.file} จึงไม่แสดงภาพหน้าเอกสารหรือบรรทัดต้นฉบับ`,
    },
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
