/**
 * Redis helpers for tests in the `integration` project (test/contract, test/integration), whose
 * globalSetup (./redis-global-setup.ts) finds or starts the Redis.
 *
 *   const prefix = uniquePrefix('subs');          // nbtest:subs:<run>-<random>
 *   const redis = connect();                       // ioredis client to that Redis
 *   ...                                            // use `${prefix}:` as the store key prefix
 *   await cleanupPrefix(redis, prefix); await redis.quit();
 */
import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { inject } from 'vitest';

export {
  findRedisServer,
  type RedisServerHandle,
  type StartRedisServerOptions,
  startRedisServer,
} from './redis-server.js';

/** The URL of the suite's Redis. */
export function redisUrl(): string {
  const url = inject('redisUrl');
  if (!url) {
    throw new Error(
      'No Redis URL was provided: Redis tests must live under test/contract or test/integration (the Vitest project whose globalSetup is test/support/redis-global-setup.ts).',
    );
  }
  return url;
}

/**
 * A key prefix no other test (or run) uses: `nbtest:<label>:<run>-<random>`, without a trailing
 * separator (BullMQ adds its own ':'; stores want `${prefix}:`).
 */
export function uniquePrefix(label: string): string {
  const safe = label.replace(/[^A-Za-z0-9_-]/g, '-') || 'test';
  const run = inject('redisRunId') ?? 'norun';
  return `nbtest:${safe}:${run}-${randomBytes(6).toString('hex')}`;
}

/** An ioredis client to the suite's Redis. Never set keyPrefix (BullMQ forbids it); quit() it after. */
export function connect(options: Omit<RedisOptions, 'keyPrefix'> = {}): Redis {
  return new Redis(redisUrl(), { connectionName: 'nbtest', ...options });
}

/** Deletes every key starting with `prefix` (SCAN + UNLINK); returns how many. */
export async function cleanupPrefix(redis: Redis, prefix: string): Promise<number> {
  if (prefix.length < 4) throw new Error(`Refusing to delete keys under the short prefix "${prefix}"`);
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let cursor = '0';
  let removed = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) removed += await redis.unlink(...keys);
  } while (cursor !== '0');
  return removed;
}
