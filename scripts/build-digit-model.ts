/**
 * Builds the digit reader's model from the Thai font packages and writes
 * src/stages/ocr/digits/model/digit-model.json. Deterministic; rerun after changing the font list,
 * training parameters or trainer code (the digit tests fail when the committed model is stale).
 *
 *   npm run build:digit-model
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../src/_internal/package-root.js'
import { resolveFontFiles } from '../tools/digit-model/fonts.js'
import { DIGIT_MODEL_PATH } from '../src/stages/ocr/digits/model-store.js'
import { buildDigitModel } from '../tools/digit-model/train.js'

const t0 = performance.now()
const model = buildDigitModel(resolveFontFiles(), undefined, (msg) => console.error(msg))
const out = join(packageRoot(), DIGIT_MODEL_PATH)
writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`)
console.error(`wrote ${out} (key ${model.key}, ${model.samples} samples) in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
