/**
 * One queue, one output folder: `queue wait` exports a folder when its queue is drained, so a
 * queue that fed two folders could never say when one of them is complete. The folder is stored
 * in Redis beside the queue's own keys on the first `queue add` and checked by every later one.
 */
import { BadArgsError } from '../errors.js'
import { withRedis, type RedisTarget } from './connection.js'

/** BullMQ's default key prefix, followed by the queue name, as BullMQ names the queue's keys. */
const folderKey = (queue: string) => `bull:${queue}:ita-extract:out`

export function claimOutputFolder(target: RedisTarget, queue: string, outDir: string): Promise<void> {
  return withRedis(target, async (client) => {
    await client.set(folderKey(queue), outDir, 'NX')
    const owner = await client.get(folderKey(queue))
    if (owner !== outDir) throw new BadArgsError(`queue ${JSON.stringify(queue)} writes to ${owner}; use another --queue for ${outDir}`)
  })
}

/** The output folder of the queue, if anything was ever added to it. */
export function outputFolderOf(target: RedisTarget, queue: string): Promise<string | undefined> {
  return withRedis(target, async (client) => (await client.get(folderKey(queue))) ?? undefined)
}
