/**
 * The Metrics port on prom-client, served as `/metrics` by every newsbrief process (bot and
 * worker). Each instance has its own Registry (never prom-client's global one), so tests can create
 * several; `defaultMetrics` adds prom-client's process and Node.js metrics (process_*, nodejs_*).
 *
 * | metric                                  | type      | labels                    |
 * |-----------------------------------------|-----------|---------------------------|
 * | newsbrief_commands_total                | counter   | platform, command, outcome|
 * | newsbrief_briefing_duration_seconds     | histogram | –                         |
 * | newsbrief_articles_ingested_total       | counter   | –                         |
 * | newsbrief_articles_skipped_total        | counter   | –                         |
 * | newsbrief_feed_fetches_total            | counter   | outcome                   |
 * | newsbrief_digests_total                 | counter   | platform, outcome         |
 * | newsbrief_redis_reconnects_total        | counter   | –                         |
 * | newsbrief_queue_jobs                    | gauge     | queue, state              |
 * | newsbrief_queue_jobs_collect_ok         | gauge     | –                         |
 *
 * Queue depths are read from Redis when Prometheus scrapes (one `getJobCounts` per queue), bounded
 * by `queueTimeoutMs`: a slow or unreachable Redis leaves them out of that scrape (and sets
 * newsbrief_queue_jobs_collect_ok to 0) instead of hanging /metrics. See the README (Metrics).
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { CommandOutcome, Metrics } from '../ports/metrics.js';
import type { Platform } from '../subscriptions/model.js';

/** The job states reported per queue. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** What the queue gauge needs of a BullMQ Queue. */
export interface CountableQueue {
  readonly name: string;
  getJobCounts(...types: QueueState[]): Promise<Record<string, number>>;
}

/** Every digest outcome the runtime reports (see DeliverWorker / DigestWorker). */
export const DIGEST_OUTCOMES = ['delivered', 'failed', 'paused', 'skipped', 'rate_limited'] as const;
type DigestOutcome = (typeof DIGEST_OUTCOMES)[number];

/** Every outcome of a feed poll (PollOutcome in src/feeds/poll-feed.ts). */
export const FEED_OUTCOMES = [
  'ok',
  'not-modified',
  'failed',
  'disabled',
  'ingest-failed',
  'skipped-disabled',
  'skipped-backoff',
  'skipped-unknown',
] as const;

const PLATFORMS: readonly Platform[] = ['slack', 'discord'];

/** Briefing latency buckets (seconds): the platforms' 3-second deadline sits between 2.5 and 5. */
export const BRIEFING_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

export interface PrometheusMetricsOptions {
  /** prom-client's default process and Node.js metrics. @defaultValue true */
  defaultMetrics?: boolean;
  /** Longest wait for the queue counts on a scrape. @defaultValue 1000 */
  queueTimeoutMs?: number;
  /** Constant labels on every metric (e.g. `{ role: 'worker' }`). */
  labels?: Record<string, string>;
}

export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly commands: Counter<'platform' | 'command' | 'outcome'>;
  private readonly briefing: Histogram;
  private readonly ingested: Counter;
  private readonly skipped: Counter;
  private readonly feeds: Counter<'outcome'>;
  private readonly digests: Counter<'platform' | 'outcome'>;
  private readonly reconnects: Counter;
  private readonly queueTimeoutMs: number;
  private queues: readonly CountableQueue[] = [];

  constructor(options: PrometheusMetricsOptions = {}) {
    this.queueTimeoutMs = options.queueTimeoutMs ?? 1_000;
    if (options.labels) this.registry.setDefaultLabels(options.labels);
    const registers = [this.registry];
    this.commands = new Counter({
      name: 'newsbrief_commands_total',
      help: 'Chat commands and interactions handled, by platform, command and outcome (ok, bad_input, error).',
      labelNames: ['platform', 'command', 'outcome'],
      registers,
    });
    this.briefing = new Histogram({
      name: 'newsbrief_briefing_duration_seconds',
      help: 'Time to build one briefing page from the engine (search, ranking, summaries).',
      buckets: BRIEFING_BUCKETS,
      registers,
    });
    this.ingested = new Counter({
      name: 'newsbrief_articles_ingested_total',
      help: 'Articles appended to the shared article log (new documents from folders and feeds).',
      registers,
    });
    this.skipped = new Counter({
      name: 'newsbrief_articles_skipped_total',
      help: 'Articles not appended because their document was ingested before (by any worker).',
      registers,
    });
    this.feeds = new Counter({
      name: 'newsbrief_feed_fetches_total',
      help: 'Feed polls by outcome (ok, not-modified, failed, disabled, ingest-failed, skipped-*).',
      labelNames: ['outcome'],
      registers,
    });
    this.digests = new Counter({
      name: 'newsbrief_digests_total',
      help: 'Digest outcomes by platform: delivered, failed (for good), paused (channel gone), skipped, rate_limited (a 429, retried later).',
      labelNames: ['platform', 'outcome'],
      registers,
    });
    this.reconnects = new Counter({
      name: 'newsbrief_redis_reconnects_total',
      help: "Times one of this process's Redis connections came back after it was lost.",
      registers,
    });
    const timeoutMs = this.queueTimeoutMs;
    const observed = () => this.queues;
    // Registered in this order on purpose: the registry starts every collect() in registration
    // order, in the same tick, so the counts' collect() has set `scrape` when collect_ok's runs.
    let scrape: Promise<boolean> = Promise.resolve(false);
    new Gauge<'queue' | 'state'>({
      name: 'newsbrief_queue_jobs',
      help: 'Jobs per queue and state (waiting, active, delayed, failed, prioritized), read from Redis at scrape time; the same in every process.',
      labelNames: ['queue', 'state'],
      registers,
      collect() {
        scrape = (async () => {
          this.reset();
          const queues = observed();
          if (queues.length === 0) return false;
          const counts = await withTimeout(
            Promise.all(queues.map((q) => q.getJobCounts(...QUEUE_STATES))),
            timeoutMs,
          );
          if (!counts) return false;
          queues.forEach((queue, i) => {
            for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[i]?.[state] ?? 0);
          });
          return true;
        })();
        return scrape.then(() => undefined);
      },
    });
    new Gauge({
      name: 'newsbrief_queue_jobs_collect_ok',
      help: 'Whether this scrape read the queue counts from Redis (1) or not: Redis did not answer within the timeout (0).',
      registers,
      async collect() {
        this.set((await scrape) ? 1 : 0);
      },
    });
    // Series that exist from the start, so that rate() and alerts see a 0 before the first event.
    for (const platform of PLATFORMS)
      for (const outcome of DIGEST_OUTCOMES) this.digests.inc({ platform, outcome }, 0);
    for (const outcome of FEED_OUTCOMES) this.feeds.inc({ outcome }, 0);
    this.ingested.inc(0);
    this.skipped.inc(0);
    this.reconnects.inc(0);
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** The queues whose depths /metrics reports (the runtime's queues). */
  observeQueues(queues: readonly CountableQueue[]): void {
    this.queues = [...queues];
  }

  /** The exposition text for a scrape. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  commandHandled(platform: Platform, command: string, outcome: CommandOutcome): void {
    this.commands.inc({ platform, command, outcome });
  }

  briefingBuilt(seconds: number): void {
    if (Number.isFinite(seconds) && seconds >= 0) this.briefing.observe(seconds);
  }

  articlesIngested(count: number): void {
    if (count > 0) this.ingested.inc(count);
  }

  articlesSkipped(count: number): void {
    if (count > 0) this.skipped.inc(count);
  }

  feedFetched(outcome: string): void {
    this.feeds.inc({ outcome });
  }

  digestOutcome(platform: Platform, outcome: DigestOutcome): void {
    this.digests.inc({ platform, outcome });
  }

  redisReconnected(): void {
    this.reconnects.inc();
  }
}

/** The promise's value, or undefined when it takes longer than `ms` or fails. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise.catch(() => undefined),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
