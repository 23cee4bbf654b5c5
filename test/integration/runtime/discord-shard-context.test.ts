/**
 * What a Discord shard process builds for itself in production (app/discord-shard-context.ts): a
 * context on the deployment's Redis whose engine follows the shared article log and whose
 * subscriptions are the deployment's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordShardContext } from '../../../app/discord-shard-context.js';
import { parseConfig } from '../../../src/config.js';
import { createRedisStores } from '../../../src/redis/index.js';
import { cleanupPrefix, connect, redisUrl, uniquePrefix } from '../../support/redis.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('the production Discord shard context', () => {
  it('reads the articles and subscriptions of the deployment from Redis, and schedules digests', async () => {
    const prefix = `${uniquePrefix('shard')}:`;
    const redis = connect();
    try {
      const stores = createRedisStores(redis, { prefix });
      const publishedAt = new Date(Date.now() - 3_600_000).toISOString();
      await stores.articles.append(
        'doc-1',
        [
          {
            id: 'a_1',
            url: 'https://example.com/1',
            title: 'Volcano erupts near small town in Iceland',
            outlet: 'Example Wire',
            publishedAt,
            datePrecision: 'instant',
            tags: [],
            body: 'A volcano erupted on Monday, officials said.',
            origin: 'test',
            summary: 'A volcano erupted on Monday, officials said.',
          },
        ],
        new Date(),
      );
      Object.assign(process.env, {
        REDIS_URL: redisUrl(),
        REDIS_PREFIX: prefix,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DISCORD_TOKEN: 'test-token',
        DISCORD_APP_ID: '100',
        DISCORD_SHARDS: '2',
      });
      const context = await createDiscordShardContext();
      try {
        expect(context.config).toEqual(parseConfig(process.env));
        const briefing = context.engine().brief('volcano', { now: new Date() });
        expect(briefing.stories.map((s) => s.title)).toEqual(['Volcano erupts near small town in Iceland']);
        const channel = { platform: 'discord' as const, teamId: 'G1', channelId: 'C1' };
        const { subscribe } = await import('../../../src/subscriptions/index.js');
        const done = await subscribe(
          { tags: ['volcano'], time: '08:00', timeZone: 'Asia/Seoul' },
          { channel, userId: 'U1', now: new Date() },
          context.subscriptions,
        );
        expect(done.ok).toBe(true);
        expect((await stores.subscriptions.listAll()).map((s) => s.tags)).toEqual([['volcano']]);
        const schedulers = await redis.keys(`${prefix}bull:digest:repeat:*`);
        expect(schedulers.length).toBeGreaterThan(0);
      } finally {
        await context.close();
      }
    } finally {
      await cleanupPrefix(redis, prefix);
      await redis.quit();
    }
  });
});
