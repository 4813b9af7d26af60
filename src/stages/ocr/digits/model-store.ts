/**
 * Loads the committed digit model (`model/digit-model.json`, built by
 * `scripts/build-digit-model.ts`) once per process.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as z from 'zod'
import { packageRoot } from '../../../_internal/package-root.js'
import { MissingDependencyError } from '../../../errors.js'
import { CLASSES, type CompiledMlp, type Mlp, compileMlp, deserialiseMlp } from './classifier.js'
import { FEATURE_SIZE, GRID } from './features.js'

const SerialisedMlpSchema = z.object({
  inputSize: z.number().int(),
  hiddenSize: z.number().int(),
  outputSize: z.number().int(),
  mean: z.string(),
  invStd: z.string(),
  w1: z.string(),
  b1: z.string(),
  w2: z.string(),
  b2: z.string(),
})

export const DigitModelFileSchema = z.object({
  format: z.literal('ita-extract/digit-model@1'),
  /** Hash of fonts + training parameters + trainer version (see `modelKey`). */
  key: z.string(),
  classes: z.array(z.string()),
  grid: z.number().int(),
  trainedOn: z.array(z.string()),
  heldOut: z.array(z.string()),
  samples: z.number().int(),
  params: z.record(z.string(), z.number()),
  mlp: SerialisedMlpSchema,
})
export type DigitModelFile = z.output<typeof DigitModelFileSchema>

export interface DigitModel {
  readonly file: DigitModelFile
  readonly mlp: Mlp
  /** `mlp` prepared for fast inference. */
  readonly compiled: CompiledMlp
}

/** Path of the committed model, relative to the package root (also listed in package.json `files`). */
export const DIGIT_MODEL_PATH = 'src/stages/ocr/digits/model/digit-model.json'

export function parseDigitModel(json: unknown, source: string): DigitModel {
  const parsed = DigitModelFileSchema.safeParse(json)
  if (!parsed.success) throw new MissingDependencyError(`${source}: not a digit model (${z.prettifyError(parsed.error)})`)
  const file = parsed.data
  if (file.grid !== GRID || file.mlp.inputSize !== FEATURE_SIZE || file.classes.join() !== CLASSES.join()) {
    throw new MissingDependencyError(
      `${source}: digit model was built for other features; rebuild it with \`npm run build:digit-model\``,
    )
  }
  const mlp = deserialiseMlp(file.mlp)
  return { file, mlp, compiled: compileMlp(mlp) }
}

let cached: DigitModel | undefined

/** The committed model, read and decoded on first use. */
export function loadDigitModel(): DigitModel {
  if (cached) return cached
  const path = join(packageRoot(), DIGIT_MODEL_PATH)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new MissingDependencyError(`${path}: digit model missing; run \`npm run build:digit-model\``, { cause })
  }
  cached = parseDigitModel(JSON.parse(text), path)
  return cached
}
