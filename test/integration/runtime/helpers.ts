/**
 * Shared helpers of the runtime tests: a runtime on the suite's Redis under a unique prefix, with
 * fake platform adapters around a DigestPublisher, short timings, and clean-up.
 */
import type { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { type Config, parseConfig } from '../../../src/config.js';
import type { Article } from '../../../src/model.js';
import type { Logger } from '../../../src/ports/logger.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { noopMetrics } from '../../../src/ports/metrics.js';
import type { PlatformAdapterFactory } from '../../../src/ports/platform.js';
import type { Digest, DigestPublisher, PublishContext } from '../../../src/ports/publisher.js';
import { PublishError } from '../../../src/ports/publisher.js';
import type { RuntimeTuning } from '../../../src/runtime/queues.js';
import { type RuntimeDeps, type RuntimeHandle, startRuntime } from '../../../src/runtime/runtime.js';
import { type ChannelRef, type Subscription, subscriptionId } from '../../../src/subscriptions/model.js';
import { cleanupPrefix, connect, redisUrl, uniquePrefix } from '../../support/redis.js';

/** Timings short enough for tests. */
export const FAST: Partial<RuntimeTuning> = {
  deliveryAttempts: 5,
  deliveryBackoffMs: 200,
  digestAttempts: 3,
  digestBackoffMs: 200,
  lockDurationMs: 5_000,
  stalledIntervalMs: 2_000,
  drainDelaySeconds: 1,
  engineSyncIntervalMs: 200,
  shutdownTimeoutMs: 10_000,
};

/** LOG_RUNTIME=1 shows the runtime's logs on stderr. */
export function testLogger(): Logger {
  return process.env.LOG_RUNTIME ? pino({ level: 'debug' }, process.stderr) : silentLogger;
}

/** A configuration for tests: PORT 0, no watched folders, quiet logs, plus `env`. */
export function testConfig(prefix: string, env: Record<string, string> = {}, url = redisUrl()): Config {
  return parseConfig({
    REDIS_URL: url,
    REDIS_PREFIX: `${prefix}:`,
    PORT: '0',
    WATCH_DIRS: '',
    LOG_LEVEL: 'silent',
    ...env,
  });
}

/** An adapter with nothing but a publisher (no routes, nothing to connect). */
export function fakeAdapter(publisher: DigestPublisher): PlatformAdapterFactory {
  return () => ({
    platform: publisher.platform,
    start: async () => {},
    stop: async () => {},
    publisher: () => publisher,
  });
}

export interface TestRuntime {
  prefix: string;
  config: Config;
  redis: Redis;
  runtime: RuntimeHandle;
  /** Starts another runtime on the same prefix (after `runtime` stopped: a restart). */
  restart(overrides?: Partial<RuntimeDeps>): Promise<RuntimeHandle>;
  /** Stops every runtime started and removes the prefix's keys. */
  cleanup(): Promise<void>;
}

export async function startTestRuntime(
  options: {
    label?: string;
    publishers?: DigestPublisher[];
    env?: Record<string, string>;
    tuning?: Partial<RuntimeTuning>;
    url?: string;
    prefix?: string;
    deps?: Partial<RuntimeDeps>;
  } = {},
): Promise<TestRuntime> {
  const prefix = options.prefix ?? uniquePrefix(options.label ?? 'runtime');
  const url = options.url ?? redisUrl();
  const config = testConfig(prefix, options.env, url);
  const handles: RuntimeHandle[] = [];
  const start = async (overrides: Partial<RuntimeDeps> = {}) => {
    const handle = await startRuntime(config, {
      adapters: (options.publishers ?? []).map(fakeAdapter),
      logger: testLogger(),
      metrics: noopMetrics,
      now: () => new Date(),
      tuning: { ...FAST, ...options.tuning },
      httpHost: '127.0.0.1',
      ...options.deps,
      ...overrides,
    });
    handles.push(handle);
    return handle;
  };
  const runtime = await start();
  // A client for a private server (the AOF test) keeps retrying quickly while it restarts.
  const redis = options.url ? new Redis(url, { retryStrategy: () => 200 }) : connect();
  redis.on('error', () => {});
  return {
    prefix,
    config,
    redis,
    runtime,
    restart: start,
    async cleanup() {
      for (const handle of handles) await handle.stop().catch(() => undefined);
      await cleanupPrefix(redis, prefix).catch(() => 0);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<Exclude<T, false | undefined | null>> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false && value !== null)
        return value as Exclude<T, false | undefined | null>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${options.what ?? 'a condition'}${last ? `: ${last instanceof Error ? last.message : String(last)}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}

/**
 * A BullMQ job once it has completed. A worker records a delivery as sent before BullMQ moves
 * its job to completed (and counts the last attempt), so a test that saw the record waits here.
 */
export async function completedJob(queue: Queue, jobId: string): Promise<Job> {
  return waitFor(
    async () => {
      const job = await queue.getJob(jobId);
      return job && (await job.getState()) === 'completed' ? job : undefined;
    },
    { what: `job ${jobId} to complete` },
  );
}

export const SLACK_A: ChannelRef = { platform: 'slack', teamId: 'T1', channelId: 'CA' };
export const SLACK_B: ChannelRef = { platform: 'slack', teamId: 'T1', channelId: 'CB' };
export const SLACK_C: ChannelRef = { platform: 'slack', teamId: 'T1', channelId: 'CC' };

export function subscription(overrides: Partial<Subscription> & { channel?: ChannelRef } = {}): Subscription {
  const channel = overrides.channel ?? SLACK_A;
  return {
    id: subscriptionId(channel),
    channel,
    tags: ['korea'],
    time: '08:00',
    timeZone: 'Asia/Seoul',
    days: 'daily',
    maxStories: 5,
    createdBy: 'U1',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    paused: null,
    ...overrides,
  };
}

let articleCounter = 0;

/** A Korea article published at `publishedAt`; distinct titles make distinct stories. */
export function koreaArticle(title: string, publishedAt: Date, outlet = 'Yonhap'): Article {
  articleCounter++;
  return {
    id: `rt_${articleCounter}_${Date.now().toString(36)}`,
    url: `https://news.example/${articleCounter}/${encodeURIComponent(title)}`,
    title,
    outlet,
    publishedAt: publishedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    datePrecision: 'instant',
    tags: ['korea'],
    body: `${title}. Officials in Seoul said on Tuesday that South Korea would respond. The Korean government gave no further details.`,
    origin: `test:${articleCounter}`,
  };
}

/** Ingests one document per article through the runtime (as a watched folder or feed would). */
export async function ingestArticles(runtime: RuntimeHandle, articles: Article[]): Promise<void> {
  for (const a of articles) await runtime.ingest(`test-doc-${a.id}`, [a]);
  await runtime.engineSync.catchUp();
}

/** Wraps a publisher so that the given subscriptions fail with `error` (a channel that is gone…). */
export class FailingChannels implements DigestPublisher {
  readonly platform;
  constructor(
    private readonly inner: DigestPublisher,
    private readonly failing: ReadonlyMap<string, PublishError>,
  ) {
    this.platform = inner.platform;
  }

  async publish(digest: Digest, context: PublishContext): Promise<void> {
    const error = this.failing.get(digest.subscriptionId);
    if (error) throw error;
    await this.inner.publish(digest, context);
  }
}

export function channelGone(): PublishError {
  return new PublishError('channel_not_found: the channel was deleted', {
    kind: 'permanent',
    action: 'pause',
  });
}

/** A digest of `stories` stories (one message part each) for the subscription. */
export function sampleDigest(sub: Subscription, localDate: string, stories: number): Digest {
  return {
    subscriptionId: sub.id,
    channel: sub.channel,
    tags: sub.tags,
    localDate,
    timeZone: sub.timeZone,
    briefing: {
      topic: sub.tags.join(', '),
      generatedAt: new Date().toISOString(),
      totalStories: stories,
      offset: 0,
      notice: null,
      stories: Array.from({ length: stories }, (_, i) => ({
        id: `story${i}`,
        title: `Korea story number ${i + 1}`,
        url: `https://news.example/${i}`,
        outlets: [{ name: 'Yonhap', url: `https://news.example/${i}` }],
        publishedAt: '2026-01-13T08:00:00Z',
        firstPublishedAt: '2026-01-13T08:00:00Z',
        summary: 'A summary.',
        articleIds: [`article${i}`],
        score: { relevance: 1, coverage: 1, recency: 1, diversity: 1, total: 1 },
      })),
    },
  };
}
