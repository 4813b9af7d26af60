/**
 * ita-extract's library API. Everything here is public and stable; anything else is internal.
 *
 *   import { convertFile } from 'ita-extract'
 *   const report = await convertFile('report.pdf')
 *   for (const indicator of report.indicators) console.log(indicator.number, indicator.scores.summary?.value)
 */
export { convertFile, convertBytes, detectInputKind, type ConvertOptions, type InputKind } from '../pipelines/convert.js'
export { runTranscriptPipeline } from '../pipelines/transcript.js'
export { runOfficePipeline } from '../pipelines/office.js'
export { docToReport, type StructureOptions } from '../pipelines/structure.js'

export * from './report/schema.js'
export { reportJsonSchema } from './report/json-schema.js'
export * from './model/document.js'
export { defaultContext, type StageContext, type StageEvent } from './model/stage.js'
export * from './errors.js'

export { loadCatalogue, catalogueYears, type Catalogue, type CatalogueItem } from './catalogue/catalogue.js'
export { readTranscript, type ReadTranscriptOptions } from './stages/ingest/read-transcript.js'
export { readOfficeDocument } from './stages/ingest/read-office.js'
export { readDocx } from './stages/ingest/read-docx.js'
export { readOdt } from './stages/ingest/read-odt.js'
export type { ReadOfficeOptions } from './stages/ingest/office-document.js'
export { normaliseText, thaiDigitsToAscii, fixSaraAm, type NormaliseOptions } from './stages/normalise/normalise-thai.js'
export { normaliseDoc } from './stages/normalise/normalise-doc.js'
export { requireOneReport, type ReadRows } from './stages/segment/one-report.js'
export { segmentRows, type Sections } from './stages/segment/segment.js'
export { extractReport, type ExtractOptions } from './stages/extract/extract-report.js'
export { checkReport, type CheckOptions } from './stages/check/check-report.js'
export { rules as checkRules } from './stages/check/rules/index.js'
export type { Rule as CheckRule } from './stages/check/rule.js'
export { validateReport } from './stages/validate/validate-report.js'

export { convertMany, convertInputs, type BatchResult, type ConvertManyOptions } from './batch/convert-many.js'
export { discoverInputs, type BatchInput, type Discovery } from './batch/discover-inputs.js'
export { runBatch, type RunBatchOptions, type BatchSummary, type BatchReporter, type BatchFailure, type FinishedDocument } from './batch/run-batch.js'
export type { ReportDigest } from './batch/report-digest.js'
export type { ManifestEntry, ErrorRecord } from './batch/manifest.js'
export type { OcrHostStats } from './batch/ocr-host.js'
export { csvTables, type CsvTable, type CsvColumn, type ExportDocument } from './stages/export/csv-tables.js'

export { addJobs, type AddJobsOptions, type AddSummary } from './queue/add-jobs.js'
export { startQueueWorker, type QueueWorker, type QueueWorkerOptions, type QueueWorkerEvent } from './queue/worker.js'
export { queueStatus, type QueueStatus, type QueueStatusOptions } from './queue/status.js'
export { waitForQueue, type WaitOptions } from './queue/wait.js'
export { QueueJobDataSchema, QueueJobResultSchema, type QueueJobData, type QueueJobResult } from './queue/job.js'
export { buildReview, findReviewSource, reviewSource, verdictOf, type ReviewDocument, type ReviewSource, type UnreadableInput, type Verdict } from './stages/export/review/index.js'
export { startServer, type ServeOptions, type RunningServer } from './serve/server.js'
