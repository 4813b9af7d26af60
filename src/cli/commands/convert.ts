import { rename, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { BadArgsError, FileAccessError } from '../../errors.js'
import { convertFile } from '../../../pipelines/convert.js'
import type { Command } from '../command.js'
import { gapSummary } from '../gaps.js'
import { errorLine } from '../output.js'

const usage = `Usage: ita-extract convert <file> [-o out.json]

Convert one ITA report into structured JSON (the schema is schemas/ita-report.schema.json).
Inputs: an OCR transcript (.txt, .md, .html).

Options:
  -o, --output <file>   write the JSON here instead of to standard output
      --no-check        skip the consistency checks (findings stay empty)
  -h, --help            show this help

Examples:
  ita-extract convert report.ocr.txt -o report.json
  ita-extract convert report.md | jq '.indicators[].scores'`

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a report (transcript) into JSON',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseConvertArgs(argv)
    if (positionals.length !== 1) throw new BadArgsError(`convert takes one input file, got ${positionals.length}`)
    const input = positionals[0]!
    const report = await convertFile(input, { check: !values['no-check'], signal: io.signal })
    const json = `${JSON.stringify(report, null, 2)}\n`
    if (values.output) await writeAtomically(values.output, json)
    else process.stdout.write(json)
    const { exitCode, lines } = gapSummary(report)
    for (const line of lines) errorLine(line)
    return exitCode
  },
}

function parseConvertArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, 'no-check': { type: 'boolean' } },
    })
  } catch (cause) {
    throw new BadArgsError((cause as Error).message, { cause })
  }
}

/** Write to a temporary file, then rename: a crash never leaves a half-written output. */
async function writeAtomically(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`
  try {
    await writeFile(tmp, data)
    await rename(tmp, path)
  } catch (cause) {
    throw new FileAccessError(`${path}: cannot write the output (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { file: path, cause })
  }
}
