import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fsReason, makeDirs } from './fs.js'

const dir = mkdtempSync(join(tmpdir(), 'ita-fs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('makeDirs', () => {
  it('creates missing folders, and accepts existing ones', async () => {
    const deep = join(dir, 'a', 'b', 'c')
    await makeDirs(deep)
    await makeDirs(deep)
    expect(statSync(deep).isDirectory()).toBe(true)
  })

  it('many callers at once all succeed', async () => {
    const deep = join(dir, 'race', 'x', 'y')
    await Promise.all(Array.from({ length: 8 }, () => makeDirs(deep)))
    expect(statSync(deep).isDirectory()).toBe(true)
  })

  it('a file in the way fails, naming the folder', async () => {
    writeFileSync(join(dir, 'file'), 'x')
    const error = await makeDirs(join(dir, 'file', 'sub')).catch((e: unknown) => e)
    expect(fsReason(error)).toBe('a part of the path is not a folder')
  })

  it.runIf(process.platform === 'linux')('a folder the system refuses (/proc/sub) fails at once instead of looping', async () => {
    const error = await makeDirs('/proc/sub/x').catch((e: unknown) => e)
    expect(fsReason(error)).toBe('cannot create the folder /proc/sub: the system does not allow a folder there')
    expect(fsReason(error, '/proc/sub')).toBe('the system does not allow a folder there')
  })
})

describe('fsReason', () => {
  it.each([
    ['ENOENT', 'no such file or folder'],
    ['EACCES', 'permission denied'],
    ['EISDIR', 'it is a folder'],
    ['EWHATEVER', 'system error EWHATEVER'],
  ])('%s -> %s', (code, words) => {
    expect(fsReason(Object.assign(new Error('x'), { code }))).toBe(words)
  })
})
