/**
 * The batch-wide outputs: `all.jsonl` (one report per line) and the flat CSV tables. Documents
 * are added one at a time and written straight to temporary files, so memory does not grow with
 * the batch; the files appear under their real names only when `commit` renames them.
 */
import { join } from 'node:path'
import { openAtomic, type AtomicFile } from './atomic-file.js'
import { csvRecord, UTF8_BOM } from './csv.js'
import { csvHeader, csvRows, csvTables, type CsvTable, type ExportDocument } from './csv-tables.js'

export interface BatchExportOptions {
  /** Start each CSV with a UTF-8 byte-order mark, so Excel reads Thai correctly. @default false */
  readonly bom?: boolean
  /**
   * Prefix CSV text cells that start with `=`, `+`, `-`, `@`, tab or CR with `'` (OWASP CSV
   * injection), so text from untrusted PDFs is never run as a formula. Turn off only for programs
   * that read the CSVs and need the text exactly as printed. @default true
   */
  readonly escapeFormulas?: boolean
}

export interface BatchExportCounts {
  documents: number
  /** Data rows written per CSV file name. */
  rows: Record<string, number>
}

export interface BatchExporter {
  add(doc: ExportDocument): Promise<void>
  commit(): Promise<BatchExportCounts>
  discard(): Promise<void>
}

export const JSONL_FILE = 'all.jsonl'

export async function createBatchExporter(outDir: string, options: BatchExportOptions = {}): Promise<BatchExporter> {
  const opened: AtomicFile[] = []
  try {
    const jsonl = await openAtomic(join(outDir, JSONL_FILE))
    opened.push(jsonl)
    const tables: { table: CsvTable<unknown>; file: AtomicFile }[] = []
    for (const table of csvTables as readonly CsvTable<unknown>[]) {
      const file = await openAtomic(join(outDir, table.file))
      opened.push(file)
      await file.write((options.bom ? UTF8_BOM : '') + csvRecord(csvHeader(table)))
      tables.push({ table, file })
    }
    const counts: BatchExportCounts = { documents: 0, rows: Object.fromEntries(tables.map((t) => [t.table.file, 0])) }
    return {
      async add(doc) {
        await jsonl.write(`${JSON.stringify(doc.report)}\n`)
        for (const { table, file } of tables) {
          let chunk = ''
          for (const row of csvRows(table, doc, { escapeFormulas: options.escapeFormulas ?? true })) {
            chunk += csvRecord(row)
            counts.rows[table.file]! += 1
          }
          if (chunk) await file.write(chunk)
        }
        counts.documents += 1
      },
      async commit() {
        for (const file of opened) await file.commit()
        return counts
      },
      async discard() {
        await Promise.all(opened.map((f) => f.discard()))
      },
    }
  } catch (error) {
    await Promise.all(opened.map((f) => f.discard()))
    throw error
  }
}
