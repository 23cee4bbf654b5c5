/**
 * The pieces of a PlatformContext every process builds the same way: the subscription use-case
 * dependencies and the briefing engine, from the configuration. Used by the runtime and by Discord
 * shard processes (app/discord-shard-context.ts), which answer commands without running workers.
 */
import { NewsEngine } from '../briefing/engine.js';
import { DEFAULT_RANKING } from '../briefing/rank.js';
import type { Config } from '../config.js';
import type { DigestOptions } from '../digest/index.js';
import type { ArticleStore } from '../ports/article-store.js';
import type { DigestScheduler } from '../ports/digest-scheduler.js';
import type { Logger } from '../ports/logger.js';
import type { Metrics } from '../ports/metrics.js';
import type { PlatformContext } from '../ports/platform.js';
import { connectRedis, createRedisStores, type RedisStores } from '../redis/index.js';
import type { SubscriptionDeps } from '../subscriptions/index.js';
import { BullDigestScheduler } from './digest-scheduler.js';
import { EngineSync } from './engine-sync.js';
import { bullPrefix, createQueues, type RuntimeTuning, runtimeTuning } from './queues.js';

const DAY_MS = 86_400_000;

export function subscriptionDeps(
  config: Config,
  stores: Pick<RedisStores, 'subscriptions' | 'deliveries'>,
  scheduler: DigestScheduler,
): SubscriptionDeps {
  return {
    subscriptions: stores.subscriptions,
    scheduler,
    deliveries: stores.deliveries,
    options: {
      maxPerTeam: config.TEAM_SUBSCRIPTION_LIMIT,
      defaultTime: config.DIGEST_DEFAULT_TIME,
      defaultTimeZone: config.DIGEST_DEFAULT_TIME_ZONE,
      defaultMaxStories: config.DIGEST_MAX_STORIES,
    },
  };
}

export function digestOptions(config: Config): Partial<DigestOptions> {
  return { sendEmptyDigests: config.DIGEST_SEND_EMPTY };
}

export function briefingEngine(config: Config): NewsEngine {
  return new NewsEngine({
    ranking: { ...DEFAULT_RANKING, halfLifeHours: config.BRIEFING_HALF_LIFE_HOURS },
    summary: { maxChars: config.SUMMARY_MAX_CHARS },
  });
}

/**
 * The config's engine and the sync that keeps it in step with the shared article log (its sync
 * and retention intervals from `tuning`, its retention from RETENTION_DAYS); the caller starts
 * and stops the sync. `trimStore`: whether this process also trims the shared log.
 */
export function syncedEngine(
  config: Config,
  articles: ArticleStore,
  tuning: RuntimeTuning,
  opts: { trimStore: boolean; now(): Date; logger: Logger },
): { engine: NewsEngine; sync: EngineSync } {
  const engine = briefingEngine(config);
  const sync = new EngineSync(articles, engine, {
    intervalMs: tuning.engineSyncIntervalMs,
    retentionMs: config.RETENTION_DAYS * DAY_MS,
    retentionIntervalMs: tuning.retentionIntervalMs,
    trimStore: opts.trimStore,
    now: opts.now,
    logger: opts.logger.child({ component: 'engine-sync' }),
  });
  return { engine, sync };
}

/**
 * A bot-only context on Redis: stores, the digest scheduler (so /news subscribe schedules digests)
 * and an engine that follows the shared article log. `close()` releases everything.
 */
export async function openBotContext(
  config: Config,
  deps: { logger: Logger; metrics: Metrics; now(): Date },
): Promise<PlatformContext & { close(): Promise<void> }> {
  const redis = await connectRedis(config.REDIS_URL, { role: 'command' });
  const retentionMs = config.RETENTION_DAYS * DAY_MS;
  const stores = createRedisStores(redis, { prefix: config.REDIS_PREFIX, retentionMs });
  const tuning = runtimeTuning(config);
  const queues = createQueues({ connection: redis, prefix: bullPrefix(config.REDIS_PREFIX), tuning });
  const { engine, sync } = syncedEngine(config, stores.articles, tuning, {
    trimStore: false,
    now: deps.now,
    logger: deps.logger,
  });
  await sync.start();
  return {
    config,
    logger: deps.logger,
    metrics: deps.metrics,
    now: deps.now,
    engine: () => engine,
    subscriptions: subscriptionDeps(config, stores, new BullDigestScheduler(queues.digest, tuning)),
    digestOptions: digestOptions(config),
    keyValues: stores.keyValues,
    async close() {
      await sync.stop();
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
