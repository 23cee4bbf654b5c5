/**
 * FANOUT_DIAG=1 diagnostics of `npm run bench:fanout` (not needed for the figures):
 * - a timeline per 500 ms of digest and deliver jobs due / started / finished, and how long jobs
 *   took from being taken by a worker to being finished;
 * - Redis command time per subscription by command and Lua script, from a SLOWLOG that records
 *   every command during the run (this slows Redis down: the run's own figures suffer).
 */
import type { Redis } from 'ioredis';
import type { Queues } from '../src/runtime/queues.js';

/** Makes Redis log every command from now on (see redisCommandTime). */
export async function startCommandLog(redis: Redis): Promise<void> {
  await redis.config('SET', 'slowlog-log-slower-than', '0');
  await redis.config('SET', 'slowlog-max-len', '3000000');
  await redis.slowlog('RESET');
}

/** Redis time per subscription by command (EVALSHA by script sha), from the log started above. */
export async function redisCommandTime(
  redis: Redis,
  subscriptions: number,
  log: (line: string) => void,
): Promise<void> {
  await redis.config('SET', 'slowlog-log-slower-than', '10000');
  const entries = (await redis.call('SLOWLOG', 'GET', '-1')) as Array<[number, number, number, string[]]>;
  await redis.slowlog('RESET');
  const groups = new Map<string, { n: number; us: number }>();
  for (const [, , us, args] of entries) {
    const command = String(args[0]).toLowerCase();
    const what = command === 'evalsha' ? `evalsha ${String(args[1]).slice(0, 8)}` : command;
    const g = groups.get(what) ?? { n: 0, us: 0 };
    g.n++;
    g.us += us;
    groups.set(what, g);
  }
  const total = [...groups.values()].reduce((sum, g) => sum + g.us, 0);
  log(
    `  Redis command time: ${(total / subscriptions).toFixed(0)} µs per subscription (logging inflates it)`,
  );
  for (const [what, g] of [...groups].sort((a, b) => b[1].us - a[1].us).slice(0, 15)) {
    log(
      `    ${what.padEnd(18)} ${(g.n / subscriptions).toFixed(2)}/sub × ${(g.us / g.n).toFixed(1)} µs = ${(g.us / subscriptions).toFixed(0)} µs/sub`,
    );
  }
}

/** Per 500 ms after the trigger: digest jobs due/started/finished, deliver jobs added/started/finished. */
export async function jobTimeline(
  queues: Pick<Queues, 'digest' | 'deliver'>,
  trigger: number,
  log: (line: string) => void,
): Promise<void> {
  const slot = 500;
  const table = new Map<number, number[]>();
  const count = (t: number | undefined, column: number) => {
    if (t === undefined || t === 0) return;
    const key = Math.floor((t - trigger) / slot);
    const row = table.get(key) ?? [0, 0, 0, 0, 0, 0];
    row[column] = (row[column] ?? 0) + 1;
    table.set(key, row);
  };
  const durations: number[][] = [[], []];
  for (const [i, queue] of [queues.digest, queues.deliver.slack].entries()) {
    for (let start = 0; ; start += 1000) {
      const jobs = await queue.getJobs(['completed'], start, start + 999, true);
      for (const job of jobs) {
        if (job.finishedOn && job.processedOn) durations[i]?.push(job.finishedOn - job.processedOn);
        count(job.timestamp + (job.delay ?? 0), i * 3);
        count(job.processedOn, i * 3 + 1);
        count(job.finishedOn, i * 3 + 2);
      }
      if (jobs.length < 1000) break;
    }
  }
  for (const [i, d] of durations.entries()) {
    d.sort((a, b) => a - b);
    const q = (f: number) => d[Math.floor(d.length * f)] ?? 0;
    log(
      `  ${i === 0 ? 'digest' : 'deliver'} jobs, taken → finished: p10 ${q(0.1)} p50 ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)} ms`,
    );
  }
  const cells = (row: number[]) => row.map((n) => String(n).padStart(7)).join('');
  log('    t ms   digest: due  started finished   deliver: added started finished');
  for (const key of [...table.keys()].sort((a, b) => a - b)) {
    const r = table.get(key) ?? [];
    log(`  ${String(key * slot).padStart(6)}  ${cells(r.slice(0, 3))}   ${cells(r.slice(3))}`);
  }
}
