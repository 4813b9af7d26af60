import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MissingDependencyError } from '../../errors.js'
import { ExitCode } from '../../cli/exit-code.js'
import { prepareLangPath, resolveTrainedData } from './lang-data.js'

const cacheDir = mkdtempSync(join(tmpdir(), 'ita-ocr-lang-'))
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }))

describe('OCR language data', () => {
  it('puts Thai and English under one langPath', async () => {
    const dir = await prepareLangPath(['tha', 'eng'], { cacheDir })
    expect(readdirSync(dir).sort()).toEqual(['eng.traineddata.gz', 'tha.traineddata.gz'])
    // Idempotent, and concurrent calls agree.
    const again = await Promise.all([prepareLangPath(['tha', 'eng'], { cacheDir }), prepareLangPath(['tha', 'eng'], { cacheDir })])
    expect(again).toEqual([dir, dir])
    expect(readdirSync(dir)).toHaveLength(2)
  })

  it('resolves the data from the installed packages', () => {
    expect(existsSync(resolveTrainedData('tha'))).toBe(true)
  })

  it('missing language data is a MissingDependencyError (exit 3)', async () => {
    const error = await prepareLangPath(['tha', 'xxq'], { cacheDir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MissingDependencyError)
    expect((error as MissingDependencyError).kind).toBe('missing-dependency')
    expect((error as Error).message).toContain('@tesseract.js-data/xxq')
  })
})
