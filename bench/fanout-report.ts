/** The table `npm run bench:fanout` prints (see fanout.bench.ts). */
import type { RuntimeTuning } from '../src/runtime/queues.js';
import type { RunResult } from './fanout-run.js';

export interface ReportContext {
  platformRate: number;
  limiterRate: number;
  concurrency: number;
  latencyMs: number;
  tuning: Partial<RuntimeTuning>;
  redis: string;
  priority: string;
  machine: string;
  totalSeconds: number;
}

export const RATE_TARGET = 0.95;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

/** The figures of a run that have targets, and whether they are met. */
export function targets(r: RunResult, platformRate: number) {
  const share = r.achievedRate / platformRate;
  const duplicates = r.verdict.extraMessages + r.verdict.unexpected + r.platform.duplicates;
  const losses = r.verdict.lost.length;
  return {
    share,
    duplicates,
    losses,
    rateOk: share >= RATE_TARGET,
    duplicatesOk: duplicates === 0,
    lossesOk: losses === 0 && r.sentInLog === r.subscriptions,
  };
}

export function printReport(results: readonly RunResult[], ctx: ReportContext): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const rows: string[][] = [];
  const row = (label: string, cell: (r: RunResult) => string) => rows.push([label, ...results.map(cell)]);
  const perSub = (r: RunResult, bytes: number) => kb(bytes / r.subscriptions);
  row('run', (r) => (r.killed ? `${r.workers} workers, 1 SIGKILLed` : `${r.workers} workers`));
  row('subscriptions (digests fired at once)', (r) => `${r.subscriptions} (${r.trigger})`);
  row('wall time, delivery time → last message', (r) => `${(r.wallMs / 1000).toFixed(2)} s`);
  row(`achieved rate / ${ctx.platformRate}/s (target ≥ 95 %)`, (r) => {
    const t = targets(r, ctx.platformRate);
    return `${r.achievedRate.toFixed(1)}/s = ${(t.share * 100).toFixed(1)} % ${verdict(t.rateOk)}`;
  });
  row('duplicates (target 0)', (r) => {
    const t = targets(r, ctx.platformRate);
    return `${t.duplicates} ${verdict(t.duplicatesOk)}`;
  });
  row('losses (target 0)', (r) => {
    const t = targets(r, ctx.platformRate);
    return `${t.losses} ${verdict(t.lossesOk)}`;
  });
  row('channels shown exactly 1 / log "sent"', (r) => `${r.verdict.exactlyOnce} / ${r.sentInLog}`);
  row('429s answered by the platform', (r) => String(r.platform.rateLimited));
  row('re-posts absorbed by the key', (r) => String(r.platform.repeats));
  row('most messages in any 1 s', (r) => String(r.platform.peakInWindow));
  row('first message after the delivery time', (r) => `${Math.round(r.firstMs)} ms`);
  row('all digests built, relative to the delivery time', (r) =>
    r.digestsBuiltMs === null ? 'n/a' : `${(r.digestsBuiltMs / 1000).toFixed(1)} s`,
  );
  row('steady rate (10 % → 90 % shown)', (r) => `${r.steadyRate.toFixed(1)}/s`);
  row('messages per second, min / max', (r) => `${r.perSecond.min} / ${r.perSecond.max}`);
  row('killed', (r) =>
    r.killed
      ? `${r.killed.worker} at ${r.killed.atShown} shown (${(r.killed.atMs / 1000).toFixed(1)} s)`
      : '-',
  );
  row('jobs taken over (stalled) deliver / digest', (r) => `${r.recovered.deliver} / ${r.recovered.digest}`);
  row('failed jobs deliver / digest', (r) => `${r.failedJobs.deliver} / ${r.failedJobs.digest}`);
  row('messages per worker', (r) =>
    Object.entries(r.platform.shownByWorker)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([w, n]) => `${w} ${n}`)
      .join(', '),
  );
  row('Redis: the articles (shared)', (r) => mb(r.memory.articles - r.memory.baseline));
  row('Redis per subscription, at rest', (r) => perSub(r, r.memory.seeded - r.memory.articles));
  row('Redis per subscription, after its digest', (r) => perSub(r, r.memory.afterRun - r.memory.articles));
  row('CPU s: workers / Redis / bench / rest of machine', (r) =>
    [r.cpu.workers, r.cpu.redis, r.cpu.bench, r.cpu.others].map((s) => s.toFixed(1)).join(' / '),
  );
  row('CPU ms per subscription (workers + Redis)', (r) =>
    (((r.cpu.workers + r.cpu.redis) * 1000) / r.subscriptions).toFixed(2),
  );
  row(
    'Redis PING p50 / p99 / max',
    (r) =>
      [r.redisPingMs.p50, r.redisPingMs.p99, r.redisPingMs.max].map((ms) => ms.toFixed(1)).join(' / ') +
      ' ms',
  );
  row('worker start-up', (r) => r.startupMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', '));

  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  out();
  out('## Digest fan-out');
  out();
  for (const [i, r] of rows.entries()) {
    out(`| ${r.map((cell, j) => cell.padEnd(widths[j] ?? 0)).join(' | ')} |`);
    if (i === 0) out(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  }
  out();
  out(
    `Platform: ${ctx.platformRate} messages in any 1 s, answers after ${ctx.latencyMs} ms. Workers: SLACK_RATE_PER_SECOND=${ctx.limiterRate}, WORKER_CONCURRENCY=${ctx.concurrency}, tuning ${JSON.stringify(ctx.tuning)}, LOG_LEVEL=warn.`,
  );
  out(`Redis: ${ctx.redis}; processes at ${ctx.priority}.`);
  out(`Machine: ${ctx.machine}. The bench took ${ctx.totalSeconds.toFixed(0)} s.`);
  const all = results.map((r) => targets(r, ctx.platformRate));
  out(
    all.every((t) => t.rateOk && t.duplicatesOk && t.lossesOk)
      ? 'All targets met.'
      : `Targets missed: ${results
          .flatMap((r, i) => {
            const t = all[i];
            if (!t) return [];
            return [
              ...(t.rateOk ? [] : [`${r.label}: rate`]),
              ...(t.duplicatesOk ? [] : [`${r.label}: duplicates`]),
              ...(t.lossesOk ? [] : [`${r.label}: losses`]),
            ];
          })
          .join(', ')}.`,
  );
}
