import { describe, expect, it } from 'vitest'
import { loadDigitModel } from '../../src/stages/ocr/digits/index.js'
import { resolveFontFiles } from './fonts.js'
import { DEFAULT_TRAIN_PARAMS, buildDigitModel, modelKey } from './train.js'

const fonts = resolveFontFiles()

describe('digit model', () => {
  it('committed model matches the current font list, parameters and trainer (else rebuild it)', () => {
    expect(loadDigitModel().file.key, 'run `npm run build:digit-model`').toBe(modelKey(fonts, DEFAULT_TRAIN_PARAMS))
  })

  it('training is deterministic', () => {
    const small = fonts.filter((f) => f.family === 'sarabun').slice(0, 1)
    const params = { ...DEFAULT_TRAIN_PARAMS, cellsPerFont: 6, touchingPerFont: 2, garbagePerFont: 2, epochs: 1, hidden: 8 }
    expect(buildDigitModel(small, params)).toEqual(buildDigitModel(small, params))
  })
})
