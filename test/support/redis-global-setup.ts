/**
 * Vitest globalSetup of the `integration` project: finds a Redis for the run and provides its URL
 * (`inject('redisUrl')`, see ./redis.ts). In order:
 * 1. REDIS_URL when set (it must answer, else the run stops with an error naming it, password hidden);
 * 2. a Redis answering PING on 127.0.0.1:6379;
 * 3. a private `redis-server` from PATH on a free port (no persistence, temp dir), stopped at teardown;
 * 4. else the run stops at once, saying what to install.
 * On a shared Redis (1, 2) tests write only under `nbtest:` prefixes and teardown removes what this
 * run left behind.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';
import { checkRedis, redactRedisUrl } from '../../src/redis/connection.js';
import {
  findRedisServer,
  INSTALL_HINT,
  pingPort,
  type RedisServerHandle,
  startRedisServer,
} from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Redis the tests use (see test/support/redis-global-setup.ts). */
    redisUrl: string;
    /** Unique per `vitest run`; part of every uniquePrefix() so teardown can find leftovers. */
    redisRunId: string;
  }
}

const DEFAULT_URL = 'redis://127.0.0.1:6379';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(4).toString('hex');
  let url: string;
  let server: RedisServerHandle | null = null;
  let source: string;

  const fromEnv = process.env.REDIS_URL?.trim();
  if (fromEnv) {
    const check = await checkRedis(fromEnv, { timeoutMs: 3_000 });
    if (!check.ok) throw new Error(`REDIS_URL is set but unusable for the tests. ${check.error}`);
    url = fromEnv;
    source = 'REDIS_URL';
  } else if ((await pingPort(6379)) && (await checkRedis(DEFAULT_URL, { timeoutMs: 1_000 })).ok) {
    url = DEFAULT_URL;
    source = 'the Redis already running on 127.0.0.1:6379';
  } else if (findRedisServer()) {
    server = await startRedisServer();
    url = server.url;
    source = `a private redis-server (pid ${server.pid}) started for this run`;
  } else {
    throw new Error(
      `No Redis for the integration tests: REDIS_URL is not set, nothing answers on 127.0.0.1:6379 and redis-server is not on PATH. ${INSTALL_HINT}`,
    );
  }

  console.info(`[redis] tests use ${redactRedisUrl(url)} (${source})`);
  project.provide('redisUrl', url);
  project.provide('redisRunId', runId);

  return async () => {
    if (server) {
      await server.stop();
      return;
    }
    await removeLeftovers(url, `nbtest:*:${runId}-*`);
  };
}

/** Deletes keys a crashed or careless test of this run left on a shared Redis. */
async function removeLeftovers(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    let cursor = '0';
    let removed = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) removed += await redis.unlink(...keys);
    } while (cursor !== '0');
    if (removed > 0) console.warn(`[redis] removed ${removed} keys left behind by tests (${pattern})`);
  } catch (err) {
    console.warn(
      `[redis] could not clean up ${pattern}: ${err instanceof Error ? err.message : String(err)}`,
    );
  } finally {
    redis.disconnect();
  }
}
