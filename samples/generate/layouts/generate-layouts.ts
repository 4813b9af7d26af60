/**
 * Writes samples/layouts/<template>/ for every template: one file per producer (producers.ts:
 * transcript.md, born-digital.pdf), expected.json (the truth: values and findings) and spec.json
 * (the content).
 *
 *   npm run samples:layouts                 all templates, their committed seeds
 *   npm run samples:layouts -- train-02     the named templates only
 *   npm run samples:layouts -- --missing    only the files a folder lacks (a producer added later)
 *   npm run samples:layouts -- --kind pdf   only one producer's files (producers.ts kinds)
 *
 * Needs the Debian packages chromium and libreoffice-writer-nogui. Every file is deterministic for a
 * seed: PDF metadata and Chromium's tagged-PDF structure ids are fixed (print-pdf.ts), LibreOffice's
 * per-run ids and dates too (render-odt.ts), so making a folder again leaves it as it was.
 */
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { PRODUCERS, type Producer } from './producers.js'
import { subSeed } from './random.js'
import { perturbDoc, type Perturbation } from './perturb.js'
import { renderTemplate, templateSpec, TEMPLATES, truthLayout, type Template } from './templates.js'
import { truthOf, type Truth } from './truth.js'

const here = dirname(fileURLToPath(import.meta.url))
export const LAYOUTS_DIR = join(here, '..', '..', 'layouts')

/** The seed a template's committed sample is made from. */
export const committedSeed = (tpl: Template) => subSeed(2568, tpl.name)

/** What expected.json holds. */
export interface Expected extends Truth {
  readonly template: string
  readonly split: Template['split']
  readonly seed: number
}

export interface GeneratedLayout {
  readonly dir: string
  readonly expected: Expected
  /** Bytes written per producer kind. */
  readonly sizes: Readonly<Record<string, number>>
}

/** `missing`: write only the files the folder lacks, leaving the others as they are. */
export async function generateLayout(tpl: Template, seed: number, dir: string, producers: readonly Producer[] = PRODUCERS, options: { missing?: boolean; perturb?: Perturbation } = {}): Promise<GeneratedLayout> {
  const spec = templateSpec(tpl, seed)
  const rendered = renderTemplate(spec, tpl)
  // A perturbation changes how values are printed, never what they are: the truth stays the spec's.
  const doc = options.perturb ? perturbDoc(rendered, options.perturb) : rendered
  const expected: Expected = { template: tpl.name, split: tpl.split, seed, ...truthOf(spec, truthLayout(tpl)) }
  const wanted = (file: string) => !options.missing || !existsSync(join(dir, file))
  await mkdir(dir, { recursive: true })
  if (wanted('spec.json')) await writeFile(join(dir, 'spec.json'), `${JSON.stringify(spec, null, 1)}\n`)
  if (wanted('expected.json')) await writeFile(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`)
  const sizes: Record<string, number> = {}
  for (const producer of producers.filter((p) => wanted(p.file))) {
    const bytes = await producer.produce(doc, tpl, seed)
    await writeFile(join(dir, producer.file), bytes)
    sizes[producer.kind] = bytes.length
  }
  return { dir, expected, sizes }
}

export async function generateLayouts(names: readonly string[] = [], log: (msg: string) => void = console.log, options: { missing?: boolean; kind?: string } = {}): Promise<void> {
  const producers = PRODUCERS.filter((p) => options.kind === undefined || p.kind === options.kind)
  if (producers.length === 0) throw new Error(`Unknown producer kind ${options.kind}; known: ${PRODUCERS.map((p) => p.kind).join(', ')}`)
  const unknown = names.filter((n) => !TEMPLATES.some((t) => t.name === n))
  if (unknown.length > 0) throw new Error(`Unknown template ${unknown.join(', ')}; known: ${TEMPLATES.map((t) => t.name).join(', ')}`)
  for (const tpl of TEMPLATES) {
    if (names.length > 0 && !names.includes(tpl.name)) continue
    const seed = committedSeed(tpl)
    const out = await generateLayout(tpl, seed, join(LAYOUTS_DIR, tpl.name), producers, options)
    const sizes = Object.entries(out.sizes).map(([kind, bytes]) => `${kind} ${Math.round(bytes / 1024)} KB`)
    log(`${relative(process.cwd(), out.dir)}: seed ${seed}, ${out.expected.findings.length} findings, ${sizes.join(', ')}`)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({ options: { missing: { type: 'boolean', default: false }, kind: { type: 'string' } }, allowPositionals: true })
  generateLayouts(positionals, console.log, { missing: values.missing, ...(values.kind && { kind: values.kind }) }).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
