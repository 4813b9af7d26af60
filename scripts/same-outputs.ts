/**
 * `node --import tsx scripts/same-outputs.ts write <dir>` converts every bundled sample and test
 * fixture (samples/, test/fixtures/) with the library and writes one file per input into <dir>:
 * the report's JSON with the ita-extract version masked, or the error's class, exit-relevant
 * fields and message for an input that cannot be converted.
 *
 * `node --import tsx scripts/same-outputs.ts compare <before> <after>` lists every input whose
 * output differs, and exits 1 when any does. A change meant to keep behaviour (issue 16) writes
 * the outputs before and after it and compares them.
 *
 *   --ocr-engine E   js | native | auto (default auto, as `convert`)
 *   --only TEXT      only inputs whose path contains TEXT (repeatable)
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { convertFile, detectInputKind } from '../pipelines/convert.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const INPUT_FOLDERS = ['samples', 'test/fixtures']
/** Files beside the inputs that are not inputs: code, truths, notes, and the HTML a PDF fixture was printed from. */
const NOT_INPUTS = /\.(ts|json|html)$/

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'ocr-engine': { type: 'string', default: 'auto' }, only: { type: 'string', multiple: true } },
})

async function listInputs(): Promise<string[]> {
  const found: string[] = []
  for (const folder of INPUT_FOLDERS) {
    for (const entry of await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const path = relative(ROOT, join(entry.parentPath, entry.name))
      if (isInput(path)) found.push(path)
    }
  }
  return found.filter((path) => !args.only || args.only.some((text) => path.includes(text))).sort()
}

function isInput(path: string): boolean {
  if (path.includes('/generate/') || path.endsWith('README.md') || NOT_INPUTS.test(path)) return false
  // A layout folder's other Markdown files are notes; its report is transcript.md.
  if (path.startsWith('samples/layouts/') && path.endsWith('.md')) return path.endsWith('/transcript.md')
  return detectInputKind(path, new Uint8Array()) !== undefined
}

async function outputOf(path: string): Promise<string> {
  try {
    const report = await convertFile(join(ROOT, path), { ocrEngineChoice: args['ocr-engine'] as 'auto' | 'js' | 'native' })
    const stable = { ...report, source: { ...report.source, file: path, version: '<version>' } }
    return `${JSON.stringify(stable, null, 2)}\n`
  } catch (error) {
    const e = error as Error & Record<string, unknown>
    const fields = Object.fromEntries(Object.entries(e).filter(([key, v]) => key !== 'cause' && key !== 'file' && typeof v !== 'object'))
    return `${JSON.stringify({ error: e.constructor.name, message: e.message.replaceAll(ROOT, '<root>'), fields }, null, 2)}\n`
  }
}

async function write(dir: string): Promise<void> {
  const inputs = await listInputs()
  for (const [i, path] of inputs.entries()) {
    const started = Date.now()
    const out = join(dir, `${path}.json`)
    await mkdir(dirname(out), { recursive: true })
    await writeFile(out, await outputOf(path))
    console.log(`${i + 1}/${inputs.length} ${path} ${Date.now() - started} ms`)
  }
}

async function compare(before: string, after: string): Promise<number> {
  const list = async (dir: string) =>
    (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)))
  const names = [...new Set([...(await list(before)), ...(await list(after))])].sort()
  let differ = 0
  for (const name of names) {
    const [a, b] = await Promise.all([before, after].map((dir) => readFile(join(dir, name), 'utf8').catch(() => '<absent>')))
    if (a === b) continue
    differ++
    console.log(`differs: ${name}`)
  }
  console.log(`${names.length} outputs, ${differ} differ`)
  return differ === 0 ? 0 : 1
}

const [command, ...dirs] = positionals
if (command === 'write' && dirs.length === 1) await write(dirs[0]!)
else if (command === 'compare' && dirs.length === 2) process.exitCode = await compare(dirs[0]!, dirs[1]!)
else {
  console.error('usage: same-outputs.ts write <dir> | compare <before> <after> [--ocr-engine E] [--only TEXT]')
  process.exitCode = 2
}
