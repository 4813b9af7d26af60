import { parseArgs } from 'node:util'
import { createReporter } from '../../batch/progress.js'
import { waitForQueue } from '../../queue/wait.js'
import { parsedArgs, queueArgs, requiredRedis } from '../args.js'
import type { Command } from '../command.js'

export const queueWaitUsage = `Usage: ita-extract queue wait --redis <url> [-o <outdir>] [--queue <name>] [--bom] [--no-csv-escape]

Waits until the queue is drained (nothing waiting, running or waiting for a retry), showing the
workers' progress as a batch does, then writes all.jsonl and the CSVs into the queue's output
folder as \`convert\` does for a folder. -o, when given, must be the folder given to queue add.
Exit codes: 0 all converted, 8 some failed (listed, with their reasons), 2 none could be read,
3 Redis unreachable, 64 bad arguments, 130 interrupted (nothing exported; run it again).`

export const queueWaitCommand: Command = {
  name: 'queue wait',
  usage: queueWaitUsage,
  async run(argv, io) {
    const { values } = parsedArgs(() =>
      parseArgs({
        args: argv,
        allowPositionals: false,
        options: { ...queueArgs, output: { type: 'string', short: 'o' }, bom: { type: 'boolean' }, 'no-csv-escape': { type: 'boolean' } },
      }),
    )
    const summary = await waitForQueue({
      url: requiredRedis(values.redis),
      signal: io.signal,
      reporter: createReporter(process.stderr),
      bom: values.bom ?? false,
      csvEscape: !values['no-csv-escape'],
      ...(values.queue === undefined ? {} : { queue: values.queue }),
      ...(values.output === undefined ? {} : { outDir: values.output }),
    })
    return { type: 'batch', summary }
  },
}
