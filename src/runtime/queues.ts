/**
 * The BullMQ queues of newsbrief, their names, key prefix and job options. Every process creates
 * the queues it produces to; workers consume them (see the *-worker.ts files).
 *
 * | queue             | jobs                                   | produced by                        |
 * |-------------------|----------------------------------------|------------------------------------|
 * | `digest`          | `digest` {subscriptionId}              | one Job Scheduler per subscription |
 * | `deliver-slack`   | `deliver` Digest, id deliveryJobId(…)  | the digest worker                  |
 * | `deliver-discord` | `deliver` Digest, id deliveryJobId(…)  | the digest worker                  |
 * | `feeds`           | `poll` {url}                           | one Job Scheduler per feed         |
 *
 * One deliver queue per platform, so that each has its own global rate limiter (a Worker `limiter`
 * holds for every worker of its queue, on every machine).
 */
import type { BackoffOptions, ConnectionOptions, DefaultJobOptions, KeepJobs, RepeatStrategy } from 'bullmq';
import { defaultRepeatStrategy, Queue } from 'bullmq';
import type { Config } from '../config.js';
import type { Platform } from '../subscriptions/model.js';

export const DIGEST_QUEUE = 'digest';
export const FEEDS_QUEUE = 'feeds';
export const PLATFORMS: readonly Platform[] = ['slack', 'discord'];

/** `deliver-slack`, `deliver-discord`. */
export function deliverQueueName(platform: Platform): string {
  return `deliver-${platform}`;
}

/**
 * BullMQ's key prefix for a REDIS_PREFIX: `newsbrief:` → `newsbrief:bull` (BullMQ adds `:<queue>:…`),
 * so every key newsbrief writes starts with REDIS_PREFIX and one prefix isolates a deployment (or a
 * test).
 */
export function bullPrefix(redisPrefix: string): string {
  const base = redisPrefix.replace(/:+$/, '');
  return base === '' ? 'bull' : `${base}:bull`;
}

const HOUR_S = 3600;
const DAY_S = 24 * HOUR_S;

/**
 * Timings and limits of the queues and workers. Production values come from the configuration
 * (`runtimeTuning`); tests shorten them.
 */
export interface RuntimeTuning {
  /** Attempts of a deliver job for transient failures (5xx, timeouts); 429s don't count. */
  deliveryAttempts: number;
  /** First retry delay of a deliver job; doubles with each attempt. */
  deliveryBackoffMs: number;
  digestAttempts: number;
  digestBackoffMs: number;
  /** How long a worker owns an active job without renewing its lock. */
  lockDurationMs: number;
  /** How often workers look for jobs whose worker died (stalled jobs go back to waiting). */
  stalledIntervalMs: number;
  /** Times a job may stall (its worker died) before it fails. */
  maxStalledCount: number;
  /** Seconds an idle worker blocks waiting for a job. */
  drainDelaySeconds: number;
  /**
   * How long before its delivery time a digest job runs (DIGEST_PREPARE_SECONDS): the digest is
   * built then and its deliver job waits for the time itself (see digestRepeatStrategy).
   */
  digestLeadMs: number;
  /** How often the engine reads new articles from the shared log. */
  engineSyncIntervalMs: number;
  /** How often retention runs (article log trim, engine expiry). */
  retentionIntervalMs: number;
  /** Upper bound of a graceful shutdown before workers are forced to close. */
  shutdownTimeoutMs: number;
  /** Completed jobs are kept this long (seconds), at most `keepCompletedCount` of them. */
  keepCompletedSeconds: number;
  keepCompletedCount: number;
  /** Failed jobs are kept this long (seconds). */
  keepFailedSeconds: number;
  /**
   * Window of the deliver queues' rate limiter: {PLATFORM}_RATE_PER_SECOND is enforced as
   * `rate × window / 1000` jobs per window (see deliveryLimiter). A 1 s window lets a whole second's
   * budget out in a burst at the start of each window, so two windows back to back can put up to
   * twice the rate into one second of a platform that counts over a sliding second; a shorter window
   * spreads the same rate evenly. @defaultValue 50 (runtimeTuning)
   */
  rateLimitWindowMs?: number;
  /**
   * Digest jobs in parallel per process; WORKER_CONCURRENCY when unset. Digest jobs are short and
   * bound by CPU and Redis round trips, deliver jobs mostly wait for the platform, so one number
   * rarely suits both: when every subscription fires at once, the digests must be built faster
   * than the platform takes them. @defaultValue 16 (runtimeTuning)
   */
  digestConcurrency?: number;
}

export function runtimeTuning(config: Config, overrides: Partial<RuntimeTuning> = {}): RuntimeTuning {
  return {
    deliveryAttempts: config.DELIVERY_ATTEMPTS,
    deliveryBackoffMs: config.DELIVERY_BACKOFF_SECONDS * 1000,
    digestAttempts: 5,
    digestBackoffMs: 10_000,
    lockDurationMs: 30_000,
    stalledIntervalMs: 30_000,
    maxStalledCount: 2,
    drainDelaySeconds: 5,
    digestLeadMs: config.DIGEST_PREPARE_SECONDS * 1000,
    engineSyncIntervalMs: 1_500,
    retentionIntervalMs: 10 * 60_000,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    keepCompletedSeconds: 2 * DAY_S,
    keepCompletedCount: 50_000,
    keepFailedSeconds: config.RETENTION_DAYS * DAY_S,
    // 50 ms windows spread each second's budget evenly (see rateLimitWindowMs); 16 digest builds
    // at a time keep ahead of a 500 messages/s platform without starving the deliveries
    // (bench/fanout.bench.ts measured both).
    rateLimitWindowMs: 50,
    digestConcurrency: 16,
    ...overrides,
  };
}

function exponential(delay: number): BackoffOptions {
  return { type: 'exponential', delay };
}

function keep(tuning: RuntimeTuning): { removeOnComplete: KeepJobs; removeOnFail: KeepJobs } {
  return {
    removeOnComplete: { age: tuning.keepCompletedSeconds, count: tuning.keepCompletedCount },
    removeOnFail: { age: tuning.keepFailedSeconds },
  };
}

/** Options of every deliver job: generous attempts with exponential backoff. */
export function deliverJobOptions(tuning: RuntimeTuning): DefaultJobOptions {
  return {
    attempts: tuning.deliveryAttempts,
    backoff: exponential(tuning.deliveryBackoffMs),
    ...keep(tuning),
  };
}

/** Options of every digest job (the scheduler's template). */
export function digestJobOptions(tuning: RuntimeTuning): DefaultJobOptions {
  return { attempts: tuning.digestAttempts, backoff: exponential(tuning.digestBackoffMs), ...keep(tuning) };
}

/** Options of feed poll jobs: one attempt (the next poll is the retry; pollFeed backs off itself). */
export function feedJobOptions(): DefaultJobOptions {
  return {
    attempts: 1,
    removeOnComplete: { age: HOUR_S, count: 1_000 },
    removeOnFail: { age: DAY_S, count: 1_000 },
  };
}

/**
 * The repeat strategy of the digest queue's Job Schedulers: each scheduler's job is due `leadMs`
 * before the next occurrence of its cron pattern in its time zone (BullMQ's own cron and DST rules,
 * shifted on both sides by the lead), so that the digest is built ahead and posted at the time
 * itself. The Queue (which upserts schedulers) and the digest Worker (which schedules each next
 * run) must both use it.
 */
export function digestRepeatStrategy(leadMs: number): RepeatStrategy {
  if (leadMs <= 0) return defaultRepeatStrategy;
  return (millis, opts) => {
    const next = defaultRepeatStrategy(millis + leadMs, opts);
    return next === undefined ? undefined : next - leadMs;
  };
}

export interface QueueSettings {
  connection: ConnectionOptions;
  prefix: string;
  tuning: RuntimeTuning;
}

/** The queues a process produces to. `close()` closes them all (not the shared connection). */
export interface Queues {
  digest: Queue;
  feeds: Queue;
  deliver: Record<Platform, Queue>;
  all(): Queue[];
  close(): Promise<void>;
}

export function createQueues(settings: QueueSettings): Queues {
  const { connection, prefix, tuning } = settings;
  const make = (name: string, defaultJobOptions: DefaultJobOptions) =>
    new Queue(name, { connection, prefix, defaultJobOptions });
  const digest = new Queue(DIGEST_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: digestJobOptions(tuning),
    settings: { repeatStrategy: digestRepeatStrategy(tuning.digestLeadMs) },
  });
  const feeds = make(FEEDS_QUEUE, feedJobOptions());
  const deliver = {
    slack: make(deliverQueueName('slack'), deliverJobOptions(tuning)),
    discord: make(deliverQueueName('discord'), deliverJobOptions(tuning)),
  };
  const all = () => [digest, feeds, deliver.slack, deliver.discord];
  return {
    digest,
    feeds,
    deliver,
    all,
    async close() {
      await Promise.allSettled(all().map((q) => q.close()));
    },
  };
}
