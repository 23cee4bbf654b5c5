/**
 * The feed store of the `newsbrief feeds` CLI: the Redis store at REDIS_URL, wrapped so that every
 * add, re-enable and remove also updates the feed's Job Scheduler (running workers pick it up at
 * once). Throws RedisUnavailableError (URL redacted, what to do) when Redis can't be reached.
 */
import { Queue } from 'bullmq';
import type { Config } from '../config.js';
import type { FeedStore } from '../ports/feed-store.js';
import { connectRedis } from '../redis/connection.js';
import { RedisFeedStore } from '../redis/feed-store.js';
import { FeedSchedulers, SchedulingFeedStore } from './feed-schedulers.js';
import { bullPrefix, FEEDS_QUEUE, feedJobOptions } from './queues.js';

export async function openFeedStore(
  config: Pick<Config, 'REDIS_URL' | 'REDIS_PREFIX' | 'FEED_INTERVAL_MINUTES'>,
  options: { connectTimeoutMs?: number } = {},
): Promise<{ store: FeedStore; close(): Promise<void> }> {
  const redis = await connectRedis(config.REDIS_URL, {
    role: 'command',
    connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
  });
  const queue = new Queue(FEEDS_QUEUE, {
    connection: redis,
    prefix: bullPrefix(config.REDIS_PREFIX),
    defaultJobOptions: feedJobOptions(),
  });
  const schedulers = new FeedSchedulers(queue, config.FEED_INTERVAL_MINUTES * 60_000);
  return {
    store: new SchedulingFeedStore(new RedisFeedStore(redis, config.REDIS_PREFIX), schedulers),
    async close() {
      await queue.close().catch(() => undefined);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
