import type { Report } from '../../report/schema.js'

/** A report's JSON file as every command writes it (convert, batch, queue, serve): indented, with a final line break. */
export function reportFileText(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
