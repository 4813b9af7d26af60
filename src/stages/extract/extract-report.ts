import type { Doc } from '../../model/document.js'
import type { Report } from '../../report/schema.js'

export interface ExtractOptions {
  readonly pipeline: string
}

/** Work in progress: the structure stage is being written. */
export function extractReport(_doc: Doc, _options: ExtractOptions): Report {
  throw new Error('extractReport: not written yet')
}
