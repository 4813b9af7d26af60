/**
 * Connecting to Redis. BullMQ's own connections retry for ever, which is right for a worker that
 * outlives a Redis restart but not for a command started against a wrong URL: every command
 * first pings the server once, with a short time limit, and says plainly when it is unreachable.
 */
import { Redis } from 'ioredis'
import { BadArgsError, QueueUnavailableError } from '../errors.js'

export interface RedisTarget {
  /** `redis://[user:password@]host:port[/db]`, `rediss://` for TLS, or `unix:///path/to/socket`. */
  readonly url: string
}

/** Connection options for BullMQ (it creates its own ioredis clients from them). */
export function connectionOptions(target: RedisTarget): { url: string } | { path: string } {
  if (target.url.startsWith('unix://')) return { path: target.url.slice('unix://'.length) }
  if (!/^rediss?:\/\//.test(target.url)) throw new BadArgsError(`--redis must be a redis://, rediss:// or unix:// URL, got ${JSON.stringify(target.url)}`)
  return { url: target.url }
}

/** Without credentials, for messages. */
export function displayUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//')
}

/** A plain client that fails fast (for the commands' own keys and the first ping); the caller disconnects it. */
export function openRedis(target: RedisTarget, timeoutMs = 5000): Redis {
  const options = connectionOptions(target)
  const common = { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false } as const
  const client = 'url' in options ? new Redis(options.url, common) : new Redis({ ...common, path: options.path })
  client.on('error', () => {}) // the rejected command says it
  return client
}

/** Runs `fn` with a connected client; an unreachable server is a QueueUnavailableError. */
export async function withRedis<T>(target: RedisTarget, fn: (client: Redis) => Promise<T>): Promise<T> {
  const client = openRedis(target)
  try {
    try {
      await client.connect()
      await client.ping()
    } catch (cause) {
      throw new QueueUnavailableError(`cannot reach Redis at ${displayUrl(target.url)} (${(cause as Error).message})`, { cause })
    }
    return await fn(client)
  } finally {
    client.disconnect()
  }
}

/** Pings the server once; throws QueueUnavailableError when it does not answer in time. */
export function checkRedis(target: RedisTarget): Promise<void> {
  return withRedis(target, async () => {})
}
