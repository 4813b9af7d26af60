import { BadArgsError } from '../../errors.js'
import type { Command } from '../command.js'
import { queueAddCommand, queueAddUsage } from './queue-add.js'
import { queueStatusCommand, queueStatusUsage } from './queue-status.js'
import { queueWaitCommand, queueWaitUsage } from './queue-wait.js'

const subcommands = [queueAddCommand, queueStatusCommand, queueWaitCommand]

const usage = `ita-extract queue: convert an archive on many machines, with a job queue in Redis (BullMQ).
Add the documents, start \`ita-extract worker\` on each machine, wait. docs/scale.md says how.

${queueAddUsage}

${queueStatusUsage}

${queueWaitUsage}`

export const queueCommand: Command = {
  name: 'queue',
  usage,
  run(argv, io) {
    const [name, ...rest] = argv
    const sub = subcommands.find((c) => c.name === `queue ${name}`)
    if (!sub) throw new BadArgsError(`queue needs a subcommand: ${subcommands.map((c) => c.name.split(' ')[1]).join(', ')}${name ? `; got ${JSON.stringify(name)}` : ''}`)
    return sub.run(rest, io)
  },
}
