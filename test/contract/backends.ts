/**
 * The two implementations of the storage ports, as factories the contract suites run against.
 * `setup()` registers the hooks of one describe block: the Redis backend opens a client for the
 * block, gives every store set a fresh key prefix, and deletes those keys after each test.
 */
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { IndexedArticle } from '../../src/model.js';
import {
  type ArticleStore,
  type DeliveryLog,
  type FeedStore,
  type KeyValueStore,
  MemoryArticleStore,
  MemoryDeliveryLog,
  MemoryFeedStore,
  MemoryKeyValueStore,
  MemorySubscriptionStore,
  type SubscriptionStore,
} from '../../src/ports/index.js';
import { createRedisStores } from '../../src/redis/index.js';
import type { ChannelRef, Subscription } from '../../src/subscriptions/model.js';
import { subscriptionId } from '../../src/subscriptions/model.js';
import { cleanupPrefix, connect, uniquePrefix } from '../support/redis.js';

export interface Stores {
  subscriptions: SubscriptionStore;
  articles: ArticleStore;
  feeds: FeedStore;
  deliveries: DeliveryLog;
  keyValues: KeyValueStore;
}

export interface BackendContext {
  /** A fresh, empty set of stores. */
  make(): Stores;
  /**
   * `n` store sets over the same data, as `n` processes would have (Redis: one connection each).
   * Call inside a test.
   */
  makeShared(n: number): Promise<Stores[]>;
}

export interface Backend {
  name: 'memory' | 'redis';
  setup(): BackendContext;
}

export const memoryBackend: Backend = {
  name: 'memory',
  setup() {
    const make = (): Stores => ({
      subscriptions: new MemorySubscriptionStore(),
      articles: new MemoryArticleStore(),
      feeds: new MemoryFeedStore(),
      deliveries: new MemoryDeliveryLog(),
      keyValues: new MemoryKeyValueStore(),
    });
    return {
      make,
      async makeShared(n) {
        const stores = make();
        return Array.from({ length: n }, () => stores);
      },
    };
  },
};

export const redisBackend: Backend = {
  name: 'redis',
  setup() {
    let redis: Redis | undefined;
    const prefixes: string[] = [];
    const extraClients: Redis[] = [];
    beforeAll(() => {
      redis = connect();
    });
    afterEach(async () => {
      await Promise.all(extraClients.splice(0).map((c) => c.quit()));
      for (const prefix of prefixes.splice(0)) if (redis) await cleanupPrefix(redis, prefix);
    });
    afterAll(async () => {
      await redis?.quit();
    });
    const fresh = (): string => {
      const prefix = uniquePrefix('contract');
      prefixes.push(prefix);
      return `${prefix}:`;
    };
    return {
      make() {
        if (!redis) throw new Error('make() must be called inside a test');
        return createRedisStores(redis, { prefix: fresh() });
      },
      async makeShared(n) {
        const prefix = fresh();
        const clients = Array.from({ length: n }, () => connect());
        extraClients.push(...clients);
        await Promise.all(clients.map((c) => c.ping()));
        return clients.map((c) => createRedisStores(c, { prefix }));
      },
    };
  },
};

export const backends: Backend[] = [memoryBackend, redisBackend];

/** A subscription for a channel; `over` replaces any field. */
export function subscription(
  channel: Partial<ChannelRef> = {},
  over: Partial<Subscription> = {},
): Subscription {
  const ref: ChannelRef = { platform: 'slack', teamId: 'T1', channelId: 'C1', ...channel };
  return {
    id: subscriptionId(ref),
    channel: ref,
    tags: ['korea', 'semiconductors'],
    time: '08:30',
    timeZone: 'Asia/Seoul',
    days: 'weekdays',
    maxStories: 5,
    createdBy: 'U1',
    createdAt: '2026-01-10T00:00:00.000Z',
    updatedAt: '2026-01-10T00:00:00.000Z',
    paused: null,
    ...over,
  };
}

/** An article with a given id; `over` replaces any field. */
export function article(id: string, over: Partial<IndexedArticle> = {}): IndexedArticle {
  return {
    id,
    url: `https://example.com/${id}`,
    title: `Title ${id}`,
    outlet: 'Example News',
    publishedAt: '2026-01-13T08:30:00Z',
    datePrecision: 'instant',
    tags: ['korea'],
    body: `Body of ${id}.\n\nSecond paragraph — with “quotes” and ünïcödé 🙂.`,
    origin: 'https://example.com/feed.xml',
    summary: `Body of ${id}.`,
    clusterKey: `cluster-${id}`,
    ...over,
  };
}
