import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jobIdFor } from '../queue/job.js'
import { findDone, readRecords, recordDone, recordFailed, RECORDS_DIR, type QueueRecord } from './manifest-d.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-records-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const key = { input: '/in/a.txt', document: 'a.txt', sha256: 'a'.repeat(64), pipeline: 'ita-extract@1', options: '{}', worker: 'h:1', attempt: 1 }
const done = (job: string, at: string): Extract<QueueRecord, { event: 'done' }> => ({ v: 1, event: 'done', at, ...key, job, ms: 5, output: 'a.txt.json', pages: 1, findings: 0 })
const failed = (job: string, at: string): Extract<QueueRecord, { event: 'failed' }> => ({ v: 1, event: 'failed', at, ...key, job, ms: 5, error: { name: 'TimeoutError', code: 'E_TIMEOUT', kind: 'timeout', message: 'too long' } })

describe('queue records', () => {
  it('a done record is written once however many deliveries race to write it', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => recordDone(dir, done('j1', '2026-01-01T00:00:00.000Z'))))
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(readdirSync(join(dir, RECORDS_DIR))).toEqual(['j1.done.json']) // no temporary file left
  })

  it('findDone needs the report to be in place', async () => {
    await recordDone(dir, done('j1', '2026-01-01T00:00:00.000Z'))
    expect(await findDone(dir, 'j1')).toBeUndefined()
    writeFileSync(join(dir, 'a.txt.json'), '{}')
    expect(await findDone(dir, 'j1')).toMatchObject({ event: 'done', job: 'j1' })
  })

  it('readRecords keeps the latest result per input', async () => {
    await recordFailed(dir, failed('old', '2026-01-01T00:00:00.000Z'))
    await recordDone(dir, done('new', '2026-01-02T00:00:00.000Z'))
    await recordFailed(dir, failed('older', '2025-12-31T00:00:00.000Z'))
    writeFileSync(join(dir, RECORDS_DIR, 'x.done.json'), '{"cut short')
    const records = await readRecords(dir)
    expect([...records.values()].map((r) => r.job)).toEqual(['new'])
  })

  it('job ids follow content, version, options and destination', () => {
    const base = { sha256: 'a'.repeat(64), pipeline: 'ita-extract@1', optionsKey: '{}', outDir: '/out', document: 'a.txt' }
    expect(jobIdFor(base)).toBe(jobIdFor({ ...base }))
    for (const change of [{ sha256: 'b'.repeat(64) }, { pipeline: 'ita-extract@2' }, { optionsKey: '{"ocr":"never"}' }, { outDir: '/out2' }, { document: 'b.txt' }]) {
      expect(jobIdFor({ ...base, ...change })).not.toBe(jobIdFor(base))
    }
    expect(jobIdFor(base)).toMatch(/^[0-9a-f]{64}$/)
  })
})
