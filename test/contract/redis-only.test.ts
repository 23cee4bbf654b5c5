/** What only the Redis stores promise: durability across processes, retention, clear connection errors. */
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkRedis,
  connectRedis,
  createRedisStores,
  MAX_STORED_BODY_CHARS,
  RedisUnavailableError,
} from '../../src/redis/index.js';
import {
  cleanupPrefix,
  connect,
  type RedisServerHandle,
  redisUrl,
  startRedisServer,
  uniquePrefix,
} from '../support/redis.js';
import { freePort } from '../support/redis-server.js';
import { article, subscription } from './backends.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Redis stores', () => {
  let redis: Redis;
  let prefix: string;

  beforeAll(() => {
    redis = connect();
  });
  afterEach(async () => {
    await cleanupPrefix(redis, prefix);
  });
  afterAll(async () => {
    await redis.quit();
  });
  const fresh = (retentionMs?: number) => {
    prefix = uniquePrefix('redis-only');
    return createRedisStores(redis, { prefix: `${prefix}:`, ...(retentionMs ? { retentionMs } : {}) });
  };

  it('keeps everything for a restarted bot: a new connection sees all of it', async () => {
    const before = fresh();
    const sub = subscription({ channelId: 'C1' });
    await before.subscriptions.put(sub, { maxPerTeam: 1 });
    await before.articles.append('doc-1', [article('a1')], new Date());
    await before.feeds.put({
      url: 'https://example.com/rss',
      addedAt: '2026-01-14T09:00:00.000Z',
      etag: '"e1"',
      lastModified: null,
      lastFetchedAt: '2026-01-14T09:00:00.000Z',
      lastSuccessAt: null,
      lastOutcome: 'timeout',
      consecutiveFailures: 1,
      nextAttemptAt: '2026-01-14T09:05:00.000Z',
      disabledReason: null,
      lastError: 'timeout after 10 s',
      articlesSeen: 0,
    });
    const done = new Date(Date.now() - 1000);
    await before.deliveries.begin(sub.id, '2026-01-13', { storyIds: ['s1'], articleIds: ['a1'] }, done);
    await before.deliveries.complete(sub.id, '2026-01-13', done);
    await before.deliveries.begin(sub.id, '2026-01-14', { storyIds: ['s2'], articleIds: ['a2'] }, done);
    await before.deliveries.markPartSent(sub.id, '2026-01-14', 0);

    const other = connect();
    try {
      const after = createRedisStores(other, { prefix: `${prefix}:` });
      expect(await after.subscriptions.listAll()).toEqual([sub]);
      // The team cap still counts the stored subscription.
      expect(await after.subscriptions.put(subscription({ channelId: 'C2' }), { maxPerTeam: 1 })).toEqual({
        ok: false,
        reason: 'team-cap',
      });
      const [batch] = await after.articles.read('', 10);
      expect(batch?.articles).toEqual([article('a1')]);
      expect(await after.articles.append('doc-1', [article('a1')], new Date())).toBe(false);
      expect((await after.feeds.list()).map((f) => f.lastError)).toEqual(['timeout after 10 s']);
      expect(await after.deliveries.deliveredArticleIds(sub.id)).toEqual(new Set(['a1']));
      expect((await after.deliveries.lastDeliveredAt(sub.id))?.toISOString()).toBe(done.toISOString());
      const interrupted = await after.deliveries.begin(
        sub.id,
        '2026-01-14',
        { storyIds: [], articleIds: [] },
        new Date(),
      );
      expect(interrupted).toMatchObject({
        attempts: 2,
        sentParts: [0],
        status: 'sending',
        articleIds: ['a2'],
      });
    } finally {
      await other.quit();
    }
  });

  it('keeps stores with different prefixes apart', async () => {
    const one = fresh();
    const onePrefix = prefix;
    const twoPrefix = uniquePrefix('redis-only');
    const two = createRedisStores(redis, { prefix: `${twoPrefix}:` });
    await one.subscriptions.put(subscription());
    await one.articles.append('doc', [article('a')], new Date());
    expect(await two.subscriptions.listAll()).toEqual([]);
    expect(await two.articles.read('', 10)).toEqual([]);
    expect(await two.articles.append('doc', [article('a')], new Date())).toBe(true);
    await cleanupPrefix(redis, twoPrefix);
    expect(await one.subscriptions.listAll()).toHaveLength(1);
    await cleanupPrefix(redis, onePrefix);
    expect(await one.subscriptions.listAll()).toEqual([]);
  });

  it('forgets document keys after the retention, so the document can be stored again', async () => {
    const stores = fresh(300);
    expect(await stores.articles.append('doc', [article('a')], new Date())).toBe(true);
    expect(await stores.articles.append('doc', [article('a')], new Date())).toBe(false);
    await sleep(450);
    expect(await stores.articles.append('doc', [article('a')], new Date())).toBe(true);
  });

  it('forgets delivered article ids after the retention, per article', async () => {
    // Retention 600 ms: 'old' is delivered at 0, 'new' at ~350 ms, checked at ~650 ms and ~1000 ms.
    const stores = fresh(600);
    const log = stores.deliveries;
    const sub = 'slack.T1.C1';
    await log.begin(sub, '2026-01-13', { storyIds: ['s1'], articleIds: ['old'] }, new Date());
    await log.complete(sub, '2026-01-13', new Date());
    await sleep(350);
    await log.begin(sub, '2026-01-14', { storyIds: ['s2'], articleIds: ['new'] }, new Date());
    await log.complete(sub, '2026-01-14', new Date());
    expect(await log.deliveredArticleIds(sub)).toEqual(new Set(['old', 'new']));
    await sleep(300);
    expect(await log.deliveredArticleIds(sub)).toEqual(new Set(['new']));
    await sleep(350);
    expect(await log.deliveredArticleIds(sub)).toEqual(new Set());
    // The records themselves expire too.
    expect(await log.get(sub, '2026-01-13')).toBeNull();
    expect(await redis.exists(`${prefix}:delivered:${sub}`)).toBe(0);
  });

  it('caps stored article bodies and leaves short ones alone', async () => {
    const stores = fresh();
    const paragraph = `${'word '.repeat(199)}end.`;
    const long = Array.from({ length: 20 }, () => paragraph).join('\n\n');
    expect(long.length).toBeGreaterThan(2 * MAX_STORED_BODY_CHARS);
    await stores.articles.append('doc', [article('long', { body: long }), article('short')], new Date());
    const [batch] = await stores.articles.read('', 1);
    const [storedLong, storedShort] = batch!.articles;
    expect(storedLong!.body.length).toBeLessThanOrEqual(MAX_STORED_BODY_CHARS);
    expect(storedLong!.body.length).toBeGreaterThan(MAX_STORED_BODY_CHARS * 0.8);
    expect(long.startsWith(storedLong!.body)).toBe(true);
    expect(storedLong!.body.endsWith('end.')).toBe(true);
    expect(storedLong!.summary).toBe(article('long').summary);
    expect(storedShort).toEqual(article('short'));
  });

  it('rejects a cursor that is not one of its own', async () => {
    const stores = fresh();
    await expect(stores.articles.read('000000000001', 10)).rejects.toThrow(/Invalid article cursor/);
  });
});

describe('checkRedis and connectRedis', () => {
  it('reports a reachable Redis with its version', async () => {
    const result = await checkRedis(redisUrl());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.version).toMatch(/^\d+\.\d+/);
  });

  it('names the URL without its password and says what to do when nothing listens', async () => {
    const port = await freePort();
    const url = `redis://:s3cret-pw@127.0.0.1:${port}/0`;
    const started = Date.now();
    const result = await checkRedis(url, { timeoutMs: 1_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.url).toBe(`redis://:***@127.0.0.1:${port}/0`);
    expect(result.error).toContain(`redis://:***@127.0.0.1:${port}/0`);
    expect(result.error).toContain('ECONNREFUSED');
    expect(result.error).toMatch(/redis-server/);
    expect(result.error).toMatch(/REDIS_URL/);
    expect(result.error).not.toContain('s3cret');
  });

  it('refuses to connect with the same clear error', async () => {
    const port = await freePort();
    const url = `redis://user:s3cret-pw@127.0.0.1:${port}`;
    const attempt = connectRedis(url, { role: 'command', connectTimeoutMs: 1_000 });
    await expect(attempt).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(attempt).rejects.toThrow(`redis://user:***@127.0.0.1:${port}`);
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });

  it('says the password is wrong rather than telling the user to install Redis', async () => {
    const server = await startRedisServer({ args: ['--requirepass', 'right-pw'] });
    try {
      const wrong = await checkRedis(`redis://:wrong-pw@127.0.0.1:${server.port}`);
      expect(wrong.ok).toBe(false);
      if (!wrong.ok) {
        expect(wrong.error).toContain(`redis://:***@127.0.0.1:${server.port}`);
        expect(wrong.error).toMatch(/password in REDIS_URL/);
        expect(wrong.error).not.toMatch(/wrong-pw|apt-get/);
      }
      const right = await connectRedis(`redis://:right-pw@127.0.0.1:${server.port}`, { role: 'command' });
      expect(await right.ping()).toBe('PONG');
      right.disconnect();
    } finally {
      await server.stop();
    }
  });

  describe('while Redis restarts', () => {
    let server: RedisServerHandle;
    beforeAll(async () => {
      server = await startRedisServer();
    });
    afterAll(async () => {
      await server.stop();
    });

    it('fails command clients fast and lets worker clients wait, then both recover', async () => {
      const ignore = () => {};
      const command = await connectRedis(server.url, { role: 'command', onError: ignore });
      const worker = await connectRedis(server.url, { role: 'worker', onError: ignore });
      try {
        await command.set('k', 'before');
        await server.kill('SIGKILL');
        await sleep(100);

        const started = Date.now();
        await expect(command.get('k')).rejects.toThrow();
        expect(Date.now() - started).toBeLessThan(1_000);

        const waiting = worker.set('k', 'after');
        await sleep(300);
        await server.restart();
        await expect(waiting).resolves.toBe('OK');
        // The command client reconnects by itself (within its 1–20 s backoff).
        for (let i = 0; i < 60 && command.status !== 'ready'; i++) await sleep(100);
        expect(await command.get('k')).toBe('after');
      } finally {
        command.disconnect();
        worker.disconnect();
      }
    });
  });
});
