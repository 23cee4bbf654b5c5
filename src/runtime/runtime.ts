/**
 * The newsbrief process: `startRuntime(config, deps)` starts the roles the configuration asks for
 * on one Redis and returns a handle whose `stop()` shuts them down gracefully.
 *
 * - every process: Redis clients, stores, the queues, an engine fed from the article log (replay,
 *   then follow), the HTTP server (/healthz, /readyz, /metrics when `metrics` is a
 *   PrometheusMetrics, the queue dashboard when ADMIN_USER/ADMIN_PASSWORD are set: operations.ts);
 * - `bot`: the platform adapters' routes on the HTTP server and `adapter.start()` (gateway, Socket
 *   Mode);
 * - `worker`: every digest Job Scheduler re-upserted from the subscription store, FEEDS synced and
 *   one scheduler per feed, the digest, deliver (one per enabled platform) and feed workers, the
 *   watched folders, and retention of the shared article log.
 *
 * Nothing lives only in this process: subscriptions, feeds, articles, delivery records and the
 * schedulers are in Redis, and the schedulers are rebuilt from the stores at every start.
 */
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { NewsEngine } from '../briefing/engine.js';
import { type Config, describeConfig } from '../config.js';
import { loadFeedList, syncFeeds } from '../feeds/feed-list.js';
import { ingestFile } from '../feeds/ingest-file.js';
import { type FolderWatch, watchFolders } from '../feeds/watch-folders.js';
import { bundledSeedsDir } from '../paths.js';
import type { Logger } from '../ports/logger.js';
import type { Metrics } from '../ports/metrics.js';
import type { PlatformAdapter, PlatformAdapterFactory, PlatformContext } from '../ports/platform.js';
import { checkRedis, connectRedis, createRedisStores, type RedisStores } from '../redis/index.js';
import type { SubscriptionDeps } from '../subscriptions/context.js';
import type { Platform } from '../subscriptions/model.js';
import { syncSchedules } from '../subscriptions/system.js';
import { createDeliverWorker } from './deliver-worker.js';
import { BullDigestScheduler } from './digest-scheduler.js';
import { createDigestWorker } from './digest-worker.js';
import type { EngineSync } from './engine-sync.js';
import { FeedSchedulers } from './feed-schedulers.js';
import { createFeedWorker } from './feed-worker.js';
import { type HttpServer, startHttpServer } from './http-server.js';
import { createIngest, type Ingest } from './ingest.js';
import { mountOperations } from './operations.js';
import { digestOptions, subscriptionDeps, syncedEngine } from './platform-context.js';
import { bullPrefix, createQueues, type Queues, type RuntimeTuning, runtimeTuning } from './queues.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Start failed for a reason the operator must fix (Redis unreachable…): print the message, exit 1. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export interface RuntimeDeps {
  /** Factories of the enabled platforms (a platform without configuration is simply not listed). */
  adapters: readonly PlatformAdapterFactory[];
  logger: Logger;
  metrics: Metrics;
  now(): Date;
  /** Shorter timings for tests. */
  tuning?: Partial<RuntimeTuning>;
  /** The fetch feeds are polled with (tests). */
  fetch?: typeof fetch;
  /** Interface the HTTP server binds; all by default. */
  httpHost?: string;
  /** Extra HTTP routes (metrics, dashboard): see HttpServerOptions.extend. */
  extendHttp?: Parameters<typeof startHttpServer>[0]['extend'];
}

export interface StopResult {
  /** True when active jobs did not finish within SHUTDOWN_TIMEOUT_SECONDS and were left to stall. */
  forced: boolean;
}

export interface RuntimeHandle {
  readonly config: Config;
  readonly tuning: RuntimeTuning;
  /** The HTTP port actually bound (PORT=0 picks a free one). */
  readonly port: number;
  readonly engine: NewsEngine;
  readonly engineSync: EngineSync;
  readonly stores: RedisStores;
  readonly queues: Queues;
  readonly scheduler: BullDigestScheduler;
  readonly feedSchedulers: FeedSchedulers;
  readonly subscriptions: SubscriptionDeps;
  readonly ingest: Ingest;
  readonly adapters: readonly PlatformAdapter[];
  readonly workers: readonly Worker[];
  /** Resolves when the folders' first scan is done (immediately without the worker role). */
  readonly folders: FolderWatch | null;
  /** Graceful shutdown; idempotent. */
  stop(): Promise<StopResult>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Logs a connection's loss once per outage, and counts reconnections: an outage starts with an
 * error or a reconnect attempt (ioredis `reconnecting`, also when Redis comes back before any
 * attempt failed) and ends when the connection is `ready` again.
 */
function watchConnection(redis: Redis, name: string, logger: Logger, metrics: Metrics): void {
  let down = false;
  const lost = (reason: string) => {
    if (down) return;
    down = true;
    logger.warn({ connection: name, err: reason }, 'Redis connection lost; reconnecting');
  };
  redis.on('error', (error: Error) => lost(error.message));
  redis.on('reconnecting', () => lost('connection closed'));
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    metrics.redisReconnected();
    logger.info({ connection: name }, 'Redis connection restored');
  });
}

export async function startRuntime(config: Config, deps: RuntimeDeps): Promise<RuntimeHandle> {
  const logger = deps.logger;
  const tuning = runtimeTuning(config, deps.tuning);
  const roles = new Set(config.ROLES);
  const isWorker = roles.has('worker');
  const isBot = roles.has('bot');
  logger.info({ roles: config.ROLES, config: describeConfig(config) }, 'starting newsbrief');

  const check = await checkRedis(config.REDIS_URL, { timeoutMs: 3_000 });
  if (!check.ok) throw new StartupError(check.error);
  for (const warning of check.warnings) logger.warn({ redis: check.url }, warning);
  logger.info({ redis: check.url, version: check.version }, 'Redis reachable');

  // Everything opened so far, closed in reverse order if the start fails half way.
  const undo: Array<() => Promise<unknown>> = [];
  const unwind = async () => {
    for (const step of undo.reverse()) await step().catch(() => undefined);
  };
  try {
    const redis = await connectRedis(config.REDIS_URL, { role: 'command' });
    undo.push(() => redis.quit().catch(() => redis.disconnect()));
    watchConnection(redis, 'command', logger, deps.metrics);
    const workerRedis = await connectRedis(config.REDIS_URL, { role: 'worker' });
    undo.push(() => workerRedis.quit().catch(() => workerRedis.disconnect()));
    watchConnection(workerRedis, 'worker', logger, deps.metrics);

    const retentionMs = config.RETENTION_DAYS * DAY_MS;
    const stores = createRedisStores(redis, { prefix: config.REDIS_PREFIX, retentionMs });
    const prefix = bullPrefix(config.REDIS_PREFIX);
    const queues = createQueues({ connection: redis, prefix, tuning });
    undo.push(() => queues.close());
    for (const queue of queues.all()) {
      queue.on('error', (error: Error) =>
        logger.warn({ queue: queue.name, err: error.message }, 'queue error'),
      );
    }
    const scheduler = new BullDigestScheduler(queues.digest, tuning);
    const feedSchedulers = new FeedSchedulers(queues.feeds, config.FEED_INTERVAL_MINUTES * 60_000);
    const subscriptions = subscriptionDeps(config, stores, scheduler);
    const digestOpts = digestOptions(config);

    const { engine, sync: engineSync } = syncedEngine(config, stores.articles, tuning, {
      trimStore: isWorker,
      now: deps.now,
      logger,
    });
    undo.push(() => engineSync.stop());
    const ingest = createIngest({
      articles: stores.articles,
      metrics: deps.metrics,
      now: deps.now,
      summaryMaxChars: config.SUMMARY_MAX_CHARS,
    });

    const context: PlatformContext = {
      config,
      logger,
      metrics: deps.metrics,
      now: deps.now,
      engine: () => engine,
      subscriptions,
      digestOptions: digestOpts,
      keyValues: stores.keyValues,
    };
    const adapters: PlatformAdapter[] = [];
    for (const factory of deps.adapters) {
      const adapter = await factory(context);
      if (adapters.some((a) => a.platform === adapter.platform)) {
        throw new Error(`two adapters for the platform ${adapter.platform}`);
      }
      adapters.push(adapter);
    }
    const platforms = new Set<Platform>(adapters.map((a) => a.platform));
    if (adapters.length === 0) {
      logger.warn(
        {},
        'no chat platform is configured (set SLACK_BOT_TOKEN or SLACK_CLIENT_ID…, or DISCORD_TOKEN and DISCORD_APP_ID): digests are built but not delivered',
      );
    }

    await engineSync.start();

    const workers: Worker[] = [];
    let ready = false;
    const routers = isBot
      ? await Promise.all(adapters.flatMap((a) => (a.router ? [Promise.resolve(a.router())] : [])))
      : [];
    const http: HttpServer = await startHttpServer({
      port: config.PORT,
      ...(deps.httpHost ? { host: deps.httpHost } : {}),
      logger,
      routers,
      extend: async (app) => {
        await mountOperations(app, { config, metrics: deps.metrics, queues: queues.all(), logger });
        await deps.extendHttp?.(app);
      },
      checks: {
        started: async () => (ready ? null : 'starting'),
        redis: async () => {
          const pong = await redis.ping();
          return pong === 'PONG' ? null : `PING answered ${pong}`;
        },
        workers: async () => {
          const down = workers.filter((w) => !w.isRunning()).map((w) => w.name);
          return down.length === 0 ? null : `not running: ${down.join(', ')}`;
        },
      },
    });
    undo.push(() => http.close(1_000));

    const feedAbort = new AbortController();
    let folders: FolderWatch | null = null;
    if (isWorker) {
      const count = await syncSchedules(subscriptions);
      const all = await stores.subscriptions.listAll();
      const orphans = await scheduler.removeOrphans(new Set(all.map((s) => s.id)));
      logger.info(
        {
          subscriptions: count,
          paused: all.filter((s) => s.paused !== null).length,
          orphansRemoved: orphans.length,
        },
        'digest schedulers re-upserted from the subscription store',
      );

      const list = await loadFeedList(config.FEEDS);
      for (const error of list.errors) logger.warn({ source: list.source }, `FEEDS: ${error}`);
      const synced = await syncFeeds(list.urls, stores.feeds, deps.now());
      const scheduled = await feedSchedulers.sync(stores.feeds);
      logger.info(
        { added: synced.added.length, listed: list.urls.length, ...scheduled },
        'feeds synced and scheduled',
      );

      const common = {
        connection: workerRedis,
        prefix,
        tuning,
        logger,
        metrics: deps.metrics,
        concurrency: config.WORKER_CONCURRENCY,
      };
      workers.push(
        createDigestWorker({
          ...common,
          queues,
          scheduler,
          subscriptions: stores.subscriptions,
          deliveries: stores.deliveries,
          engine,
          catchUp: () => engineSync.catchUp(),
          digestOptions: digestOpts,
          platforms,
        }),
      );
      for (const adapter of adapters) {
        workers.push(
          createDeliverWorker({
            ...common,
            publisher: adapter.publisher(),
            deliveries: stores.deliveries,
            subscriptions: stores.subscriptions,
            scheduler,
            now: deps.now,
            ratePerSecond:
              adapter.platform === 'slack' ? config.SLACK_RATE_PER_SECOND : config.DISCORD_RATE_PER_SECOND,
          }),
        );
      }
      workers.push(
        createFeedWorker({
          ...common,
          feeds: stores.feeds,
          schedulers: feedSchedulers,
          ingest,
          pollOptions: {
            maxConsecutiveFailures: config.FEED_MAX_FAILURES,
            timeoutMs: config.FEED_TIMEOUT_SECONDS * 1000,
            maxBytes: config.FEED_MAX_BYTES,
          },
          ...(deps.fetch ? { fetch: deps.fetch } : {}),
          signal: feedAbort.signal,
          now: deps.now,
        }),
      );
      undo.push(() => Promise.allSettled(workers.map((w) => w.close(true))));

      const dirs = config.WATCH_DIRS ?? [bundledSeedsDir()];
      if (dirs.length > 0) {
        const folderLog = logger.child({ component: 'folders' });
        // The first scan reads every file: one summary line for it, then a line per changed file.
        let firstPass = true;
        const firstTotals = { files: 0, skipped: 0, newDocuments: 0, newArticles: 0 };
        folders = await watchFolders(
          dirs,
          async (file) => {
            const report = await ingestFile(file, ingest);
            if (firstPass) {
              firstTotals.files++;
              if (report.skipped) firstTotals.skipped++;
              firstTotals.newDocuments += report.newDocuments;
              firstTotals.newArticles += report.newArticles;
            }
            const log = (fields: object, msg: string) =>
              firstPass ? folderLog.debug(fields, msg) : folderLog.info(fields, msg);
            if (report.skipped) folderLog.warn({ file, reason: report.skipped }, 'file skipped');
            else
              log(
                {
                  file,
                  format: report.format,
                  documents: report.documents,
                  newDocuments: report.newDocuments,
                  newArticles: report.newArticles,
                  ...(report.warnings.length > 0 ? { warnings: report.warnings.slice(0, 5) } : {}),
                },
                'file ingested',
              );
          },
          {
            intervalMs: config.WATCH_INTERVAL_SECONDS * 1000,
            onError: (error, where) =>
              folderLog.warn({ where, err: message(error) }, 'folder watching problem'),
          },
        );
        firstPass = false;
        const watch = folders;
        undo.push(() => watch.close());
        logger.info({ dirs, ...firstTotals }, 'folders ingested; watching them for changes');
        await engineSync.catchUp();
      }
    }

    if (isBot) {
      for (const adapter of adapters) {
        await adapter.start();
        undo.push(() => adapter.stop());
        logger.info({ platform: adapter.platform }, 'platform adapter started');
      }
    }
    ready = true;
    logger.info(
      {
        roles: config.ROLES,
        port: http.port,
        platforms: [...platforms],
        workers: workers.map((w) => w.name),
      },
      'newsbrief started',
    );

    let stopped: Promise<StopResult> | null = null;
    const stop = (): Promise<StopResult> => {
      stopped ??= (async () => {
        ready = false;
        const deadline = Date.now() + tuning.shutdownTimeoutMs;
        logger.info({ timeoutMs: tuning.shutdownTimeoutMs }, 'shutting down: finishing active jobs');
        http.draining();
        const httpClosed = http.close(Math.min(5_000, tuning.shutdownTimeoutMs));
        await folders?.close().catch(() => undefined);
        await engineSync.stop();

        let timer: NodeJS.Timeout | undefined;
        const closing = Promise.allSettled(workers.map((w) => w.close()));
        const forced = await Promise.race([
          closing.then(() => false),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(true), Math.max(0, deadline - Date.now()));
          }),
        ]);
        clearTimeout(timer);
        if (forced) {
          logger.warn(
            { timeoutMs: tuning.shutdownTimeoutMs },
            'active jobs did not finish in time; leaving them to another worker (they are retried as stalled jobs)',
          );
          feedAbort.abort();
        }
        await httpClosed;
        for (const adapter of adapters) {
          await adapter
            .stop()
            .catch((error: unknown) =>
              logger.warn({ platform: adapter.platform, err: message(error) }, 'adapter stop failed'),
            );
        }
        await queues.close();
        if (forced) {
          redis.disconnect();
          workerRedis.disconnect();
        } else {
          await redis.quit().catch(() => redis.disconnect());
          await workerRedis.quit().catch(() => workerRedis.disconnect());
        }
        logger.info({ forced }, 'newsbrief stopped');
        return { forced };
      })();
      return stopped;
    };

    return {
      config,
      tuning,
      port: http.port,
      engine,
      engineSync,
      stores,
      queues,
      scheduler,
      feedSchedulers,
      subscriptions,
      ingest,
      adapters,
      workers,
      folders,
      stop,
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}
