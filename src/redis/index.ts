import type { Redis } from 'ioredis';
import { RedisArticleStore } from './article-store.js';
import { RedisDeliveryLog } from './delivery-log.js';
import { RedisFeedStore } from './feed-store.js';
import { RedisKeyValueStore } from './key-value-store.js';
import { RedisSubscriptionStore } from './subscription-store.js';
import { DEFAULT_PREFIX, DEFAULT_RETENTION_MS } from './util.js';

export { capBody, MAX_STORED_BODY_CHARS, RedisArticleStore } from './article-store.js';
export {
  type ConnectRedisOptions,
  checkRedis,
  connectRedis,
  MIN_REDIS_VERSION,
  type RedisCheck,
  type RedisRole,
  RedisUnavailableError,
  redactRedisUrl,
  redisOptions,
} from './connection.js';
export { RedisDeliveryLog } from './delivery-log.js';
export { RedisFeedStore } from './feed-store.js';
export { RedisKeyValueStore } from './key-value-store.js';
export { RedisSubscriptionStore } from './subscription-store.js';
export { DEFAULT_PREFIX, DEFAULT_RETENTION_MS } from './util.js';

export interface RedisStoreOptions {
  /** Prepended to every key, separator included (default 'newsbrief:'). Not an ioredis keyPrefix. */
  prefix?: string;
  /** Article dedupe window and delivery-history retention (default 30 days). */
  retentionMs?: number;
}

export interface RedisStores {
  subscriptions: RedisSubscriptionStore;
  articles: RedisArticleStore;
  feeds: RedisFeedStore;
  deliveries: RedisDeliveryLog;
  keyValues: RedisKeyValueStore;
}

/** The four storage ports on one `command` client (see connectRedis). */
export function createRedisStores(redis: Redis, options: RedisStoreOptions = {}): RedisStores {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  return {
    subscriptions: new RedisSubscriptionStore(redis, prefix),
    articles: new RedisArticleStore(redis, prefix, retentionMs),
    feeds: new RedisFeedStore(redis, prefix),
    deliveries: new RedisDeliveryLog(redis, prefix, retentionMs),
    keyValues: new RedisKeyValueStore(redis, prefix),
  };
}
