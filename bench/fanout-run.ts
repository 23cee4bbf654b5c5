/**
 * One run of `npm run bench:fanout` (see fanout.bench.ts): under a fresh key prefix, real articles
 * and N subscriptions (with their daily Job Schedulers) seeded in Redis; W worker processes
 * (test/fixtures/scale/worker.ts: the real startRuntime with ROLES=worker); every subscription's
 * scheduler re-pointed at one instant; the fake rate-limited platform
 * (test/fixtures/scale/platform.ts) recording what each channel shows; optionally one worker
 * SIGKILLed once a share of the digests was shown. Returns the figures and removes its keys.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { Redis } from 'ioredis';
import { parseConfig } from '../src/config.js';
import { noopMetrics } from '../src/ports/metrics.js';
import { createRedisStores } from '../src/redis/index.js';
import { BullDigestScheduler } from '../src/runtime/digest-scheduler.js';
import { createIngest } from '../src/runtime/ingest.js';
import { bullPrefix, createQueues, type RuntimeTuning, runtimeTuning } from '../src/runtime/queues.js';
import {
  addDigestJobsAt,
  type DeliveryVerdict,
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
  usedMemory,
  verifyDeliveries,
  type WorkerProcess,
} from '../test/fixtures/scale/harness.js';
import type { PlatformStats, RateLimitedPlatform } from '../test/fixtures/scale/platform.js';
import { jobTimeline, redisCommandTime, startCommandLog } from './fanout-diag.js';

export interface RunOptions {
  label: string;
  redisUrl: string;
  /** Process id of the Redis server when it runs here (for its CPU time). */
  redisPid?: number;
  platform: RateLimitedPlatform;
  subscriptions: number;
  workers: number;
  /** SIGKILL the first worker once this share of the digests was shown (0.5), or never. */
  killAtShare?: number;
  /** SLACK_RATE_PER_SECOND of the workers: the deliver queue's limiter. */
  limiterRate: number;
  /** WORKER_CONCURRENCY of the workers. */
  concurrency: number;
  tuning: Partial<RuntimeTuning>;
  /** `schedulers`: every subscription's Job Scheduler fires at one instant; `jobs`: digest jobs added. */
  trigger: 'schedulers' | 'jobs';
  /** Scheduling priority given to the worker processes (null: leave it). */
  workerNice: number | null;
  /** Give up waiting for the deliveries this long after the fire time. */
  timeoutMs: number;
  /** Extra node arguments of the workers (e.g. --cpu-prof). */
  nodeArgs: readonly string[];
  diag: boolean;
  log(line: string): void;
}

export interface RunResult {
  label: string;
  subscriptions: number;
  workers: number;
  trigger: RunOptions['trigger'];
  killed: { worker: string; atShown: number; atMs: number } | null;
  /** Fire time → last message shown, ms. */
  wallMs: number;
  /** Fire time → first message shown, ms. */
  firstMs: number;
  /** Fire time → no digest job waiting or active (every deliver job queued), ms. */
  digestsBuiltMs: number | null;
  /** Messages shown per second over the wall time. */
  achievedRate: number;
  /** Messages per second between 10 % and 90 % shown. */
  steadyRate: number;
  /** Messages shown per whole second after the fire time: the fewest and most in one second. */
  perSecond: { min: number; max: number };
  verdict: DeliveryVerdict;
  /** Subscriptions whose delivery record for the day says sent. */
  sentInLog: number;
  platform: PlatformStats;
  /** Deliver and digest jobs taken over from a dead worker (BullMQ stalledCounter > 0). */
  recovered: { deliver: number; digest: number };
  failedJobs: { deliver: number; digest: number };
  /** Redis used_memory: before seeding, after the articles, after the subscriptions, after the run. */
  memory: { baseline: number; articles: number; seeded: number; afterRun: number };
  /** Worker start-up times (ms) as they reported them (includes re-upserting every scheduler). */
  startupMs: number[];
  /** PING round trips to Redis during the run, ms. */
  redisPingMs: { p50: number; p99: number; max: number };
  /** CPU seconds from the fire time to the last message: workers, Redis, this process, and the rest of the machine. */
  cpu: { workers: number; redis: number; bench: number; others: number };
}

/** CPU seconds (user + system, all threads) a process used so far (/proc, Linux); 0 elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds the machine spent busy so far, all cores, steal included (/proc/stat); 0 elsewhere. */
export function machineBusySeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100;
  } catch {
    return 0;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

export async function runFanout(options: RunOptions): Promise<RunResult> {
  const { platform, log } = options;
  platform.reset();
  const prefix = `nbbench:fanout:${options.label}:${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(options.redisUrl, { connectionName: 'bench-fanout' });
  const config = parseConfig({ REDIS_URL: options.redisUrl, REDIS_PREFIX: prefix });
  const tuning = runtimeTuning(config, options.tuning);
  const stores = createRedisStores(redis, { prefix });
  const queues = createQueues({ connection: redis, prefix: bullPrefix(prefix), tuning });
  const scheduler = new BullDigestScheduler(queues.digest, tuning);
  const workers: WorkerProcess[] = [];
  try {
    // Seed: the articles (shared by all), then the subscriptions with their daily triggers, as
    // /news subscribe stores them.
    const memBaseline = await usedMemory(redis);
    const seededAt = new Date();
    const docs = await seedDocuments(seededAt);
    const ingest = createIngest({
      articles: stores.articles,
      metrics: noopMetrics,
      now: () => new Date(),
      summaryMaxChars: config.SUMMARY_MAX_CHARS,
    });
    const articles = await ingestDocuments(ingest, docs);
    const memArticles = await usedMemory(redis);
    const tags = digestTags(docs, new Date(seededAt.getTime() + 10 * 60_000));
    const subs = makeSubscriptions(options.subscriptions, tags, seededAt);
    let t = performance.now();
    await putSubscriptions(stores, scheduler, subs);
    const memSeeded = await usedMemory(redis);
    log(
      `  seeded ${articles} articles and ${subs.length} subscriptions on ${tags.length} tags (${Math.round(performance.now() - t)} ms)`,
    );

    // The workers.
    t = performance.now();
    const env = {
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: prefix,
      PLATFORM_URL: platform.url,
      SLACK_RATE_PER_SECOND: String(options.limiterRate),
      WORKER_CONCURRENCY: String(options.concurrency),
      LOG_LEVEL: process.env.FANOUT_LOG_LEVEL ?? 'warn',
      RUNTIME_TUNING: JSON.stringify(options.tuning),
    };
    for (let i = 0; i < options.workers; i++) workers.push(spawnWorker(`w${i + 1}`, env, options.nodeArgs));
    if (options.workerNice !== null) {
      for (const w of workers) if (w.child.pid) setPriority(w.child.pid, options.workerNice);
    }
    const startupMs = await Promise.all(workers.map((w) => w.ready));
    log(`  ${workers.length} workers ready (${Math.round(performance.now() - t)} ms)`);

    // Every digest fires at one instant, a few seconds from now.
    t = performance.now();
    // Scheduler triggers are due the lead before the delivery time (the digests are built then).
    const lead = options.trigger === 'jobs' ? 0 : tuning.digestLeadMs;
    const fireAt = new Date(Math.ceil((Date.now() + 1_500 + subs.length * 0.5 + lead) / 1000) * 1000);
    if (options.trigger === 'jobs') await addDigestJobsAt(queues.digest, subs, fireAt, tuning);
    else await fireSchedulersAt(queues.digest, subs, fireAt, tuning);
    const trigger = fireAt.getTime();
    log(
      `  ${options.trigger === 'jobs' ? 'digest jobs added' : 'schedulers re-pointed'} for ${fireAt.toISOString()} (${Math.round(performance.now() - t)} ms)`,
    );
    if (options.diag) await startCommandLog(redis);
    await sleep(Math.max(0, trigger - lead - Date.now()));

    // A killed worker's /proc entry goes away: keep the last figure read for each.
    const lastCpu = new Map<WorkerProcess, number>();
    const workerCpuNow = () =>
      workers.reduce((sum, w) => {
        const now = w.alive() ? cpuSeconds(w.child.pid) : 0;
        const known = Math.max(now, lastCpu.get(w) ?? 0);
        lastCpu.set(w, known);
        return sum + known;
      }, 0);
    const cpuNow = () => ({
      workers: workerCpuNow(),
      redis: cpuSeconds(options.redisPid),
      bench: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
      machine: machineBusySeconds(),
    });
    const cpuStart = cpuNow();
    // Redis round trips as a client sees them, every 50 ms during the run.
    const pings: number[] = [];
    const pinger = new Redis(options.redisUrl, { connectionName: 'bench-fanout-ping' });
    let pinging = true;
    const pingLoop = (async () => {
      while (pinging) {
        const t0 = performance.now();
        await pinger.ping();
        pings.push(performance.now() - t0);
        await sleep(50);
      }
    })();

    // Watch: progress once a second, when the digests are built, the kill.
    let killed: RunResult['killed'] = null;
    let digestsBuiltMs: number | null = null;
    const killAt = options.killAtShare === undefined ? null : Math.ceil(subs.length * options.killAtShare);
    const deadline = trigger + options.timeoutMs;
    let lastShown = 0;
    let lastTick = trigger;
    let nextProgress = trigger + 1000;
    let nextDigestCheck = trigger - lead + 200;
    for (;;) {
      const stats = platform.stats();
      const now = Date.now();
      if (killAt !== null && killed === null && stats.shown >= killAt) {
        const victim = workers[0];
        if (victim) {
          cpuNow();
          victim.child.kill('SIGKILL');
          killed = { worker: victim.name, atShown: stats.shown, atMs: now - trigger };
          log(`  SIGKILL ${victim.name} at ${stats.shown} shown (${((now - trigger) / 1000).toFixed(1)} s)`);
        }
      }
      if (digestsBuiltMs === null && now >= nextDigestCheck) {
        nextDigestCheck = now + 200;
        const counts = await queues.digest.getJobCounts('completed', 'failed');
        if ((counts.completed ?? 0) + (counts.failed ?? 0) >= subs.length) digestsBuiltMs = now - trigger;
      }
      if (now >= nextProgress) {
        const rate = ((stats.shown - lastShown) * 1000) / Math.max(1, now - lastTick);
        log(
          `  ${((now - trigger) / 1000).toFixed(0).padStart(3)} s: ${String(stats.shown).padStart(6)} shown, ${String(Math.round(rate)).padStart(4)}/s, 429s ${stats.rateLimited}, repeats ${stats.repeats}`,
        );
        lastShown = stats.shown;
        lastTick = now;
        nextProgress += 1000;
      }
      if (stats.shown >= subs.length || now > deadline) break;
      const next = killAt !== null && killed === null ? killAt : subs.length;
      await Promise.race([platform.whenShown(next), sleep(20)]);
    }
    const cpuEnd = cpuNow();
    pinging = false;
    await pingLoop;
    pinger.disconnect();

    // Settle: the deliver queue drains; a late repeat or duplicate would show up now.
    const settleUntil = Date.now() + 30_000;
    while (Date.now() < settleUntil) {
      const d = await queues.deliver.slack.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if ((d.waiting ?? 0) + (d.active ?? 0) + (d.delayed ?? 0) + (d.prioritized ?? 0) === 0) break;
      await sleep(200);
    }
    await sleep(1_000);
    const memAfterRun = await usedMemory(redis);

    const shown = platform.shown();
    const times = shown.map((m) => m.at - trigger).sort((a, b) => a - b);
    const last = times[times.length - 1] ?? Number.NaN;
    const perSecond = new Map<number, number>();
    for (const x of times)
      perSecond.set(Math.floor(x / 1000), (perSecond.get(Math.floor(x / 1000)) ?? 0) + 1);
    const fullSeconds = [...perSecond.entries()]
      .filter(([second]) => second < Math.floor(last / 1000))
      .map(([, n]) => n);
    pings.sort((a, b) => a - b);
    if (options.diag) {
      await redisCommandTime(redis, subs.length, log);
      await jobTimeline(queues, trigger, log);
    }
    const workerCpu = cpuEnd.workers - cpuStart.workers;
    const redisCpu = cpuEnd.redis - cpuStart.redis;
    const benchCpu = cpuEnd.bench - cpuStart.bench;
    return {
      label: options.label,
      subscriptions: subs.length,
      workers: options.workers,
      trigger: options.trigger,
      killed,
      wallMs: last,
      firstMs: times[0] ?? Number.NaN,
      digestsBuiltMs,
      achievedRate: (shown.length * 1000) / last,
      steadyRate: (times.length * 0.8 * 1000) / Math.max(1, percentile(times, 0.9) - percentile(times, 0.1)),
      perSecond: {
        min: fullSeconds.length > 0 ? Math.min(...fullSeconds) : 0,
        max: fullSeconds.length > 0 ? Math.max(...fullSeconds) : 0,
      },
      verdict: verifyDeliveries(shown, subs, fireAt),
      sentInLog: await sentInDeliveryLog(stores, subs, fireAt),
      platform: platform.stats(),
      recovered: {
        deliver: await stalledRecoveries(queues.deliver.slack),
        digest: await stalledRecoveries(queues.digest),
      },
      failedJobs: {
        deliver: (await queues.deliver.slack.getJobCounts('failed')).failed ?? 0,
        digest: (await queues.digest.getJobCounts('failed')).failed ?? 0,
      },
      memory: { baseline: memBaseline, articles: memArticles, seeded: memSeeded, afterRun: memAfterRun },
      startupMs,
      redisPingMs: {
        p50: percentile(pings, 0.5),
        p99: percentile(pings, 0.99),
        max: pings[pings.length - 1] ?? 0,
      },
      cpu: {
        workers: workerCpu,
        redis: redisCpu,
        bench: benchCpu,
        others: Math.max(0, cpuEnd.machine - cpuStart.machine - workerCpu - redisCpu - benchCpu),
      },
    };
  } finally {
    await stopWorkers(workers);
    for (const w of workers) {
      const { code, signal } = await w.exit;
      if (signal !== 'SIGKILL' && code !== 0) log(`  ${w.name} exited with ${code}:\n${w.output()}`);
    }
    await queues.close();
    await removeKeys(redis, prefix);
    await redis.quit().catch(() => redis.disconnect());
  }
}

/** Deletes every key under the run's prefix. */
async function removeKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 2000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}
