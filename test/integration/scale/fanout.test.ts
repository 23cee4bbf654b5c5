/**
 * Scale-out: three worker processes (test/fixtures/scale/worker.ts, the real startRuntime with
 * ROLES=worker) on one Redis deliver the digests of 1,000 subscriptions whose Job Schedulers all
 * fire at the same instant, to a fake platform that limits the rate and honours the idempotency
 * key. Each channel shows its digest exactly once, every worker delivers a share, and SIGKILLing
 * one worker half way (with posts in flight) changes neither: its jobs are taken over as stalled
 * jobs and their re-posts are recognised by the key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { noopMetrics } from '../../../src/ports/metrics.js';
import { createRedisStores } from '../../../src/redis/index.js';
import { BullDigestScheduler } from '../../../src/runtime/digest-scheduler.js';
import { createIngest } from '../../../src/runtime/ingest.js';
import { bullPrefix, createQueues, type RuntimeTuning, runtimeTuning } from '../../../src/runtime/queues.js';
import {
  digestTags,
  fireSchedulersAt,
  ingestDocuments,
  makeSubscriptions,
  putSubscriptions,
  seedDocuments,
  sentInDeliveryLog,
  spawnWorker,
  stalledRecoveries,
  stopWorkers,
  verifyDeliveries,
  type WorkerProcess,
} from '../../fixtures/scale/harness.js';
import { type RateLimitedPlatform, startRateLimitedPlatform } from '../../fixtures/scale/platform.js';
import { cleanupPrefix, connect, redisUrl, uniquePrefix } from '../../support/redis.js';

const SUBSCRIPTIONS = 1_000;
const WORKERS = ['w1', 'w2', 'w3'] as const;
/**
 * Short locks: a killed worker's jobs are back in the queue within ~2 s. Digests are built 3 s
 * before their delivery time (production: DIGEST_PREPARE_SECONDS, 60 s).
 */
const TUNING: Partial<RuntimeTuning> = {
  digestLeadMs: 3_000,
  lockDurationMs: 2_000,
  stalledIntervalMs: 500,
  rateLimitWindowMs: 100,
  digestConcurrency: 5,
  drainDelaySeconds: 1,
};

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

interface Scenario {
  /** The delivery time every digest is due at. */
  fireAt: Date;
  platform: RateLimitedPlatform;
  workers: WorkerProcess[];
  split: Record<string, number>;
  verdict: ReturnType<typeof verifyDeliveries>;
  sentInLog: number;
  recovered: number;
  failed: number;
}

/**
 * Seeds 1,000 subscriptions, starts the three workers, fires every scheduler at once and waits
 * until each channel has a digest and the deliver queue is empty. `duringRun` runs once the
 * schedulers fired (the kill).
 */
async function fanOut(
  label: string,
  platform: RateLimitedPlatform,
  duringRun?: (workers: WorkerProcess[]) => Promise<void>,
): Promise<Scenario> {
  const prefix = `${uniquePrefix(label)}:`;
  const redis = connect();
  cleanups.push(async () => {
    await cleanupPrefix(redis, prefix);
    await redis.quit();
  });
  const config = parseConfig({ REDIS_URL: redisUrl(), REDIS_PREFIX: prefix });
  const tuning = runtimeTuning(config, TUNING);
  const stores = createRedisStores(redis, { prefix });
  const queues = createQueues({ connection: redis, prefix: bullPrefix(prefix), tuning });
  cleanups.push(() => queues.close());

  const now = new Date();
  const docs = await seedDocuments(now);
  await ingestDocuments(
    createIngest({
      articles: stores.articles,
      metrics: noopMetrics,
      now: () => new Date(),
      summaryMaxChars: 320,
    }),
    docs,
  );
  const subs = makeSubscriptions(SUBSCRIPTIONS, digestTags(docs, new Date(now.getTime() + 5 * 60_000)), now);
  await putSubscriptions(stores, new BullDigestScheduler(queues.digest, tuning), subs);

  const workers = WORKERS.map((name) =>
    spawnWorker(name, {
      REDIS_URL: redisUrl(),
      REDIS_PREFIX: prefix,
      PLATFORM_URL: platform.url,
      SLACK_RATE_PER_SECOND: '250',
      WORKER_CONCURRENCY: '10',
      LOG_LEVEL: 'warn',
      RUNTIME_TUNING: JSON.stringify(TUNING),
    }),
  );
  cleanups.push(() => stopWorkers(workers, 5_000));
  await Promise.all(workers.map((w) => w.ready));

  const fireAt = new Date(Math.ceil((Date.now() + 2_000 + tuning.digestLeadMs) / 1000) * 1000);
  await fireSchedulersAt(queues.digest, subs, fireAt, tuning);
  await duringRun?.(workers);
  await Promise.race([
    platform.whenShown(SUBSCRIPTIONS),
    sleep(45_000).then(() => {
      throw new Error(`only ${platform.stats().shown} of ${SUBSCRIPTIONS} digests shown after 45 s`);
    }),
  ]);
  await until(
    async () => {
      const c = await queues.deliver.slack.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) === 0;
    },
    'the deliver queue to drain',
    20_000,
  );
  await sleep(500); // a late duplicate would arrive now

  return {
    fireAt,
    platform,
    workers,
    split: platform.stats().shownByWorker,
    verdict: verifyDeliveries(platform.shown(), subs, fireAt),
    sentInLog: await sentInDeliveryLog(stores, subs, fireAt),
    recovered: await stalledRecoveries(queues.deliver.slack),
    failed: (await queues.deliver.slack.getJobCounts('failed')).failed ?? 0,
  };
}

function expectExactlyOnce(s: Scenario): void {
  expect(s.verdict.lost).toEqual([]);
  expect(s.verdict.duplicated).toEqual([]);
  expect(s.verdict.unexpected).toBe(0);
  expect(s.verdict.exactlyOnce).toBe(SUBSCRIPTIONS);
  expect(s.platform.stats().duplicates).toBe(0);
  expect(s.platform.stats().shown).toBe(SUBSCRIPTIONS);
  expect(s.sentInLog).toBe(SUBSCRIPTIONS);
  expect(s.failed).toBe(0);
}

describe('digest fan-out over three worker processes', () => {
  it('delivers 1,000 digests exactly once, shared by every worker', { timeout: 90_000 }, async () => {
    const platform = await startRateLimitedPlatform({ ratePerSecond: 300, latencyMs: 20 });
    cleanups.push(() => platform.close());
    const s = await fanOut('scale-share', platform);

    expectExactlyOnce(s);
    expect(s.platform.stats().repeats).toBe(0);
    // Built ahead, posted from the delivery time on, never before it.
    const earliest = Math.min(...s.platform.shown().map((m) => m.at));
    expect(earliest).toBeGreaterThanOrEqual(s.fireAt.getTime());
    console.info(`[scale] 1,000 digests, 3 workers: ${JSON.stringify(s.split)}`);
    for (const name of WORKERS) expect(s.split[name] ?? 0).toBeGreaterThan(0);
    expect(Object.values(s.split).reduce((a, b) => a + b, 0)).toBe(SUBSCRIPTIONS);

    // A graceful stop: every worker exits 0.
    await stopWorkers(s.workers, 10_000);
    for (const w of s.workers) expect(await w.exit).toEqual({ code: 0, signal: null });
  });

  it('a worker SIGKILLed half way with posts in flight: still exactly once, none lost', {
    timeout: 90_000,
  }, async () => {
    // w1's posts take 300 ms to be answered, so it always has some in flight when it is killed.
    const platform = await startRateLimitedPlatform({
      ratePerSecond: 300,
      latencyMs: 20,
      latencyFor: (worker) => (worker === 'w1' ? 300 : undefined),
    });
    cleanups.push(() => platform.close());
    let killedAt = 0;
    let inFlight = 0;
    const s = await fanOut('scale-kill', platform, async (workers) => {
      const victim = workers[0];
      if (!victim) throw new Error('no worker');
      await platform.whenShown(SUBSCRIPTIONS / 2);
      await until(() => platform.unanswered(victim.name) > 0, 'w1 to have a post in flight', 20_000);
      inFlight = platform.unanswered(victim.name);
      killedAt = platform.stats().shown;
      victim.child.kill('SIGKILL');
      expect(await victim.exit).toEqual({ code: null, signal: 'SIGKILL' });
    });

    expectExactlyOnce(s);
    const stats = s.platform.stats();
    console.info(
      `[scale] killed w1 at ${killedAt} shown with ${inFlight} posts in flight; split ${JSON.stringify(s.split)}; ` +
        `deliveries taken over ${s.recovered}, re-posts recognised by the key ${stats.repeats}`,
    );
    // w1's posts in flight reached the platform but were never recorded: other workers took the
    // jobs over (stalled) and posted again under the same key, which the platform recognised.
    expect(s.recovered).toBeGreaterThanOrEqual(1);
    expect(stats.repeats).toBeGreaterThanOrEqual(1);
    expect(s.split.w1 ?? 0).toBeGreaterThan(0);
    expect(s.split.w2 ?? 0).toBeGreaterThan(0);
    expect(s.split.w3 ?? 0).toBeGreaterThan(0);
  });
});
