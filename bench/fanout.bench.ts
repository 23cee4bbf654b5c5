/**
 * `npm run bench:fanout`: the daily digest fan-out at scale. 10,000 subscriptions on real articles,
 * worker processes on one Redis (each the real startRuntime with ROLES=worker), every
 * subscription's Job Scheduler firing at the same instant, delivered to a fake platform that allows
 * 500 messages in any 1 s (429 + Retry-After above that) and honours the idempotency key. Two runs:
 *
 * Every digest is due at one delivery time; its scheduler fires FANOUT_LEAD_SECONDS earlier (as
 * DIGEST_PREPARE_SECONDS does in production), the digests are built then, and the deliveries start
 * at the delivery time.
 *
 * 1. "normal": 2 workers, nothing killed;
 * 2. "kill": 3 workers, one SIGKILLed when half of the digests were delivered.
 *
 * Prints per run: wall time (delivery time → last message shown), achieved rate as a share of the
 * platform's limit (target ≥ 95 %), duplicates (target 0), losses (target 0), 429s, re-posts the
 * idempotency key absorbed, the work split per worker, Redis used_memory per subscription, CPU
 * used, and the machine.
 *
 * Redis: REDIS_URL when set (keys under a unique prefix, removed at the end; the memory figures
 * then count whatever else uses that Redis), else a private redis-server from PATH on a free port,
 * stopped at the end. The bench waits (up to FANOUT_WAIT_QUIET seconds) for the machine to be idle
 * before each run and raises its own processes' priority (FANOUT_NICE, when allowed), because on a
 * small shared machine other work costs more than anything tuned here; what the rest of the machine
 * used during a run is printed.
 *
 * Environment (all optional): FANOUT_SUBSCRIPTIONS (10000), FANOUT_WORKERS (2: run 1),
 * FANOUT_KILL_WORKERS (3: run 2), FANOUT_RUNS ("normal,kill"), FANOUT_PLATFORM_RATE (500),
 * FANOUT_LIMITER_RATE (490: SLACK_RATE_PER_SECOND), FANOUT_CONCURRENCY (50: WORKER_CONCURRENCY),
 * FANOUT_DIGEST_CONCURRENCY (production's 16), FANOUT_WINDOW_MS (production's 50: the limiter window), FANOUT_LATENCY_MS
 * (20: the platform's answer time), FANOUT_TRIGGER (schedulers | jobs), FANOUT_NICE (-10; 0 = off),
 * FANOUT_LEAD_SECONDS (30: digests are built this long before the delivery time), FANOUT_WAIT_QUIET (60), FANOUT_LOG_LEVEL (warn), FANOUT_WORKER_NODE_ARGS (e.g. --cpu-prof),
 * FANOUT_DIAG=1 (job timeline and Redis time per command; slows Redis). Not part of `npm test`.
 */
import { cpus, setPriority, totalmem } from 'node:os';
import type { RuntimeTuning } from '../src/runtime/queues.js';
import { startRateLimitedPlatform } from '../test/fixtures/scale/platform.js';
import { type RedisServerHandle, startRedisServer } from '../test/support/redis-server.js';
import { printReport } from './fanout-report.js';
import { machineBusySeconds, type RunResult, runFanout } from './fanout-run.js';

function numberEnv(
  name: string,
  fallback: number,
  { allowZero = false, allowNegative = false } = {},
): number {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || (n === 0 && !allowZero) || (n < 0 && !allowNegative)) {
    throw new Error(`${name} must be a ${allowNegative ? '' : 'positive '}number (got "${raw}")`);
  }
  return n;
}

const SUBSCRIPTIONS = numberEnv('FANOUT_SUBSCRIPTIONS', 10_000);
const WORKERS = numberEnv('FANOUT_WORKERS', 2);
const KILL_WORKERS = numberEnv('FANOUT_KILL_WORKERS', 3);
const RUNS = (process.env.FANOUT_RUNS ?? 'normal,kill').split(',').map((s) => s.trim());
const PLATFORM_RATE = numberEnv('FANOUT_PLATFORM_RATE', 500);
const LIMITER_RATE = numberEnv('FANOUT_LIMITER_RATE', 490);
const CONCURRENCY = numberEnv('FANOUT_CONCURRENCY', 50);
const LATENCY_MS = numberEnv('FANOUT_LATENCY_MS', 20, { allowZero: true });
const NICE = numberEnv('FANOUT_NICE', -10, { allowZero: true, allowNegative: true });
const WAIT_QUIET_S = numberEnv('FANOUT_WAIT_QUIET', 60, { allowZero: true });
const TRIGGER = process.env.FANOUT_TRIGGER === 'jobs' ? 'jobs' : 'schedulers';

/**
 * The runtime options of the bench's workers: production's (runtimeTuning: the deliver limiter in
 * 50 ms windows, 16 digest jobs at a time per worker beside WORKER_CONCURRENCY=50 deliveries),
 * except for short locks, so that a SIGKILLed worker's jobs are back in the queue within ~5 s
 * (default 30 s). FANOUT_WINDOW_MS and FANOUT_DIGEST_CONCURRENCY override the first two.
 */
const TUNING: Partial<RuntimeTuning> = {
  ...(process.env.FANOUT_WINDOW_MS ? { rateLimitWindowMs: numberEnv('FANOUT_WINDOW_MS', 100) } : {}),
  ...(process.env.FANOUT_DIGEST_CONCURRENCY
    ? { digestConcurrency: numberEnv('FANOUT_DIGEST_CONCURRENCY', 16) }
    : {}),
  lockDurationMs: 5_000,
  stalledIntervalMs: 2_000,
  // Digests built this long before their delivery time (production: DIGEST_PREPARE_SECONDS, 60 s;
  // shorter here to keep the bench short, and ample for 10,000 digests).
  digestLeadMs: numberEnv('FANOUT_LEAD_SECONDS', 30) * 1000,
};

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Raises a process's priority; false when not allowed (not root / no CAP_SYS_NICE). */
function prioritise(pid: number, nice: number): boolean {
  try {
    setPriority(pid, nice);
    return true;
  } catch {
    return false;
  }
}

/** Waits until the machine is idle (under 0.3 busy cores over 2 s), at most `seconds`. */
async function waitForQuiet(seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const before = machineBusySeconds();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const busy = (machineBusySeconds() - before) / 2;
    if (busy < 0.3) return;
    if (Date.now() > until) {
      log(`  the machine is still busy (${busy.toFixed(1)} cores used by other work): running anyway`);
      return;
    }
  }
}

async function main(): Promise<void> {
  let server: RedisServerHandle | null = null;
  let redisUrl = process.env.REDIS_URL?.trim();
  let redisNote: string;
  const niceOk = NICE === 0 ? false : prioritise(process.pid, NICE);
  if (!redisUrl) {
    server = await startRedisServer();
    redisUrl = server.url;
    const reniced = niceOk && prioritise(server.pid, NICE);
    redisNote = `private redis-server ${redisUrl}${reniced ? ` (nice ${NICE})` : ''}`;
  } else redisNote = `REDIS_URL ${redisUrl.replace(/\/\/[^@]*@/, '//***@')}`;
  log(`Redis: ${redisNote}; bench and workers at ${niceOk ? `nice ${NICE}` : 'normal priority'}`);
  const platform = await startRateLimitedPlatform({ ratePerSecond: PLATFORM_RATE, latencyMs: LATENCY_MS });
  const results: RunResult[] = [];
  const started = Date.now();
  try {
    for (const run of RUNS) {
      const kill = run === 'kill';
      const workers = kill ? KILL_WORKERS : WORKERS;
      log(
        `\n== run "${run}": ${SUBSCRIPTIONS} subscriptions, ${workers} workers${kill ? ', one SIGKILLed at 50 %' : ''}`,
      );
      if (WAIT_QUIET_S > 0) await waitForQuiet(WAIT_QUIET_S);
      results.push(
        await runFanout({
          label: run,
          redisUrl,
          ...(server ? { redisPid: server.pid } : {}),
          platform,
          subscriptions: SUBSCRIPTIONS,
          workers,
          ...(kill ? { killAtShare: 0.5 } : {}),
          limiterRate: LIMITER_RATE,
          concurrency: CONCURRENCY,
          tuning: TUNING,
          trigger: TRIGGER,
          workerNice: niceOk ? NICE : null,
          timeoutMs: Math.max(60_000, (SUBSCRIPTIONS / PLATFORM_RATE) * 4_000),
          nodeArgs: (process.env.FANOUT_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean),
          diag: Boolean(process.env.FANOUT_DIAG),
          log,
        }),
      );
    }
  } finally {
    await platform.close();
    await server?.stop();
  }
  printReport(results, {
    platformRate: PLATFORM_RATE,
    limiterRate: LIMITER_RATE,
    concurrency: CONCURRENCY,
    latencyMs: LATENCY_MS,
    tuning: TUNING,
    redis: redisNote,
    priority: niceOk ? `nice ${NICE}` : 'normal priority',
    machine: `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}`,
    totalSeconds: (Date.now() - started) / 1000,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:fanout failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
