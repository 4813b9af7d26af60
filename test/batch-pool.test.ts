import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convertInputs, type BatchResult } from '../src/batch/convert-many.js'
import { ExitCode } from '../src/cli/exit-code.js'

const workerModule = fileURLToPath(new URL('./batch-fixtures/misbehaving-worker.ts', import.meta.url))

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ita-pool-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function inputs(spec: Record<string, string>) {
  const list = []
  for (const [name, content] of Object.entries(spec)) {
    await writeFile(join(dir, name), content)
    list.push({ path: join(dir, name), document: name })
  }
  return list
}

async function collect(iterable: AsyncIterable<BatchResult>): Promise<Map<string, BatchResult>> {
  const results = new Map<string, BatchResult>()
  for await (const r of iterable) {
    expect(results.has(r.input.document), `${r.input.document} reported twice`).toBe(false)
    results.set(r.input.document, r)
  }
  return results
}

describe('convertInputs (process isolation)', () => {
  it('a hang, a busy loop, an exit and an abort cost only their own file', async () => {
    const list = await inputs({
      'a.txt': 'ok องค์การบริหารส่วนตำบลหนึ่ง',
      'hang.txt': 'hang',
      'b.txt': 'ok เทศบาลตำบลสอง',
      'spin.txt': 'spin',
      'exit.txt': 'exit',
      'c.txt': 'bad',
      'abort.txt': 'abort',
      'd.txt': 'ok เทศบาลเมืองสาม',
    })
    const events: string[] = []
    const results = await collect(
      convertInputs(list, { jobs: 2, timeoutMs: 3000, workerModule, onEvent: (input, e) => events.push(`${input.document}:${e.page}`) }),
    )
    expect(results.size).toBe(list.length)
    const status = (name: string) => results.get(name)!
    for (const name of ['a.txt', 'b.txt', 'd.txt']) expect(status(name).status, name).toBe('done')
    const done = status('b.txt')
    expect(done.status === 'done' && done.report.organization.name?.value).toBe('เทศบาลตำบลสอง')
    const code = (name: string) => {
      const r = status(name)
      return r.status === 'failed' ? r.error.code : 'done'
    }
    expect(code('hang.txt')).toBe('E_TIMEOUT')
    expect(code('spin.txt')).toBe('E_TIMEOUT')
    expect(code('exit.txt')).toBe('E_WORKER_CRASHED')
    expect(code('abort.txt')).toBe('E_WORKER_CRASHED')
    expect(code('c.txt')).toBe('E_INPUT_FILE')
    const bad = status('c.txt')
    expect(bad.status === 'failed' && bad.error.kind).toBe('input-file')
    const crashed = status('exit.txt')
    expect(crashed.status === 'failed' && crashed.error.message).toMatch(/exit\.txt.*exit code 7/)
    expect(events).toContain('a.txt:2')
  })

  it('a long file that keeps finishing pages earns time; one that stalls is stopped', async () => {
    // Base limit 1 s from when the converter is listening (its start-up is not counted), +1 s per
    // finished page: 8 pages at 0.25 s take 2 s and finish (each page earns 4 times what it costs,
    // so a busy machine does not change the outcome); 2 pages then a stall are stopped at 1 + 2 s.
    const list = await inputs({ 'long.txt': 'slow 8 250', 'stalled.txt': 'stall 2 250' })
    const started = Date.now()
    const results = await collect(convertInputs(list, { jobs: 2, timeoutMs: 1000, timePerPageMs: 1000, workerModule }))
    expect(results.get('long.txt')!.status).toBe('done')
    const stalled = results.get('stalled.txt')!
    expect(stalled.status === 'failed' && stalled.error.code).toBe('E_TIMEOUT')
    expect(stalled.status === 'failed' && stalled.error.message).toMatch(/stalled\.txt.*3 s \(1 s \+ 1 s for each of the 2 page/)
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000)
  })

  it('a converter that passes its memory limit is stopped; its file fails alone (exit 2), the others convert', async () => {
    const list = await inputs({ 'hog.txt': 'hog 1024', 'heap.txt': 'heap', 'fine.txt': 'ok เทศบาลตำบลสอง' })
    const results = await collect(convertInputs(list, { jobs: 2, timeoutMs: 60_000, maxRssMb: 300, maxOldSpaceMb: 64, workerModule }))
    expect(results.get('fine.txt')!.status).toBe('done')
    for (const [name, reason] of [
      ['hog.txt', /hog\.txt: converting it needed more than 300 MB of memory \(\d+ MB when stopped\), the limit for one file/],
      ['heap.txt', /heap\.txt: converting it needed more than the 64 MB of heap a converter may use/],
    ] as const) {
      const r = results.get(name)!
      expect(r.status === 'failed' && r.error.code, name).toBe('E_INPUT_TOO_LARGE')
      expect(r.status === 'failed' && r.error.kind, name).toBe('input-file')
      expect(r.status === 'failed' && r.error.message, name).toMatch(reason)
    }
  })

  it('stops and kills its processes when the consumer breaks early', async () => {
    const list = await inputs(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`e${i}.txt`, i === 0 ? 'ok x' : 'hang'])))
    let seen = 0
    for await (const r of convertInputs(list, { jobs: 2, timeoutMs: 60_000, workerModule })) {
      seen += 1
      expect(r.status).toBe('done')
      break
    }
    expect(seen).toBe(1)
  })

  it('throws the abort reason when the signal fires', async () => {
    const list = await inputs({ 'h1.txt': 'hang', 'h2.txt': 'hang' })
    const controller = new AbortController()
    const iterate = collect(convertInputs(list, { jobs: 2, timeoutMs: 60_000, workerModule, onStart: () => setTimeout(() => controller.abort(), 50), signal: controller.signal }))
    await expect(iterate).rejects.toThrow(/abort/i)
  })

  it('rejects bad options with the value received', async () => {
    await expect(collect(convertInputs([], { jobs: 0 }))).rejects.toThrow('Expected `jobs` to be an integer >= 1, got `0` (number)')
  })
})
