import { EventEmitter } from 'node:events';
import { DelayedError } from 'bullmq';
import { describe, expect, it, vi } from 'vitest';
import { NewsEngine } from '../../../src/briefing/engine.js';
import { parseConfig } from '../../../src/config.js';
import { RecordingPublisher } from '../../../src/digest/recording-publisher.js';
import { MemoryArticleStore } from '../../../src/ports/article-store.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { noopMetrics } from '../../../src/ports/metrics.js';
import { PublishError } from '../../../src/ports/publisher.js';
import { settleDelivery } from '../../../src/runtime/deliver-worker.js';
import { digestDeliveryTime, scheduledFireTime } from '../../../src/runtime/digest-scheduler.js';
import { EngineSync } from '../../../src/runtime/engine-sync.js';
import { feedIntervalMs, feedSchedulerId } from '../../../src/runtime/feed-schedulers.js';
import { createIngest } from '../../../src/runtime/ingest.js';
import { bullPrefix, digestRepeatStrategy, runtimeTuning } from '../../../src/runtime/queues.js';
import { runUntilSignal, type SignalSource } from '../../../src/runtime/shutdown.js';

describe('queues', () => {
  it('derives the BullMQ prefix from REDIS_PREFIX', () => {
    expect(bullPrefix('newsbrief:')).toBe('newsbrief:bull');
    expect(bullPrefix('nbtest:x:1:')).toBe('nbtest:x:1:bull');
    expect(bullPrefix('')).toBe('bull');
  });

  it('takes attempts, backoff and the shutdown bound from the configuration', () => {
    const tuning = runtimeTuning(
      parseConfig({ DELIVERY_ATTEMPTS: '7', DELIVERY_BACKOFF_SECONDS: '3', SHUTDOWN_TIMEOUT_SECONDS: '9' }),
    );
    expect(tuning).toMatchObject({ deliveryAttempts: 7, deliveryBackoffMs: 3000, shutdownTimeoutMs: 9000 });
  });
});

describe('scheduledFireTime', () => {
  const job = (id: string, extra: object = {}) => ({
    id,
    opts: {},
    timestamp: 1_000,
    delay: 500,
    data: { subscriptionId: 's' },
    ...extra,
  });
  it('reads the fire time from a scheduler job id', () => {
    expect(scheduledFireTime(job('repeat:slack.T1.C1:1768345200000')).toISOString()).toBe(
      '2026-01-13T23:00:00.000Z',
    );
  });
  it('prefers an explicit firedAt, then prevMillis, then timestamp + delay', () => {
    expect(
      scheduledFireTime(
        job('x', { data: { subscriptionId: 's', firedAt: '2026-01-01T00:00:00Z' } }),
      ).getTime(),
    ).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(scheduledFireTime(job('x', { opts: { prevMillis: 42 } })).getTime()).toBe(42);
    expect(scheduledFireTime(job('x')).getTime()).toBe(1_500);
  });
});

describe('digests built ahead of their time', () => {
  const at = (iso: string) => Date.parse(iso);
  const iso = (ms: number | undefined) => (ms === undefined ? 'none' : new Date(ms).toISOString());
  const ahead = digestRepeatStrategy(60_000);

  it('fires the lead before each occurrence of the cron pattern in its zone, then the next day', async () => {
    const seoul = { pattern: '0 8 * * *', tz: 'Asia/Seoul' };
    expect(iso(await ahead(at('2026-01-13T12:00:00Z'), seoul))).toBe('2026-01-13T22:59:00.000Z');
    // From its own fire time (as the worker asks for the next run): the next day, not the same one.
    expect(iso(await ahead(at('2026-01-13T22:59:00Z'), seoul))).toBe('2026-01-14T22:59:00.000Z');
    // Inside the lead the next build is tomorrow's (the scheduler adds a job of its own for today).
    expect(iso(await ahead(at('2026-01-13T22:59:30Z'), seoul))).toBe('2026-01-14T22:59:00.000Z');
  });

  it('keeps the cron rules: a weekday digest at midnight is built on Sunday evening, DST is followed', async () => {
    const monday = { pattern: '0 0 * * 1-5', tz: 'UTC' };
    expect(iso(await ahead(at('2026-01-10T12:00:00Z'), monday))).toBe('2026-01-11T23:59:00.000Z');
    const newYork = { pattern: '0 8 * * *', tz: 'America/New_York' };
    expect(iso(await ahead(at('2026-03-07T13:00:00Z'), newYork))).toBe('2026-03-08T11:59:00.000Z');
    // No lead: BullMQ's own strategy.
    expect(
      iso(
        await digestRepeatStrategy(0)(at('2026-01-13T12:00:00Z'), { pattern: '0 8 * * *', tz: 'Asia/Seoul' }),
      ),
    ).toBe('2026-01-13T23:00:00.000Z');
  });

  it('gives each job the delivery time it was built for, and whether its delivery waits for it', () => {
    const scheduled = {
      id: `repeat:s:${at('2026-01-13T22:59:00Z')}`,
      opts: { attempts: 5, repeat: { pattern: '0 8 * * *', tz: 'Asia/Seoul' } },
      timestamp: 0,
      delay: 0,
      data: { subscriptionId: 's' },
    };
    expect(digestDeliveryTime(scheduled)).toEqual({ at: new Date('2026-01-13T23:00:00Z'), hold: true });
    // A job that ran late (a worker was down) is still for its own 08:00.
    expect(
      digestDeliveryTime({
        ...scheduled,
        id: `repeat:s:${at('2026-01-13T22:59:00Z')}`,
        timestamp: at('2026-01-14T03:00:00Z'),
      }).at,
    ).toEqual(new Date('2026-01-13T23:00:00Z'));
    const byHand = {
      id: 'x',
      opts: {},
      timestamp: 0,
      delay: 0,
      data: { subscriptionId: 's', firedAt: '2026-01-20T08:00:00Z' },
    };
    expect(digestDeliveryTime(byHand)).toEqual({ at: new Date('2026-01-20T08:00:00Z'), hold: false });
    expect(digestDeliveryTime({ ...byHand, data: { ...byHand.data, ahead: true } }).hold).toBe(true);
  });
});

describe('feed schedulers', () => {
  it('jitters the interval by at most 10 %, the same way for a URL every time', () => {
    const base = 15 * 60_000;
    const values = Array.from({ length: 200 }, (_, i) =>
      feedIntervalMs(`https://feeds.example/${i}.xml`, base),
    );
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(base * 0.9);
      expect(v).toBeLessThanOrEqual(base * 1.1);
    }
    expect(new Set(values).size).toBeGreaterThan(150);
    expect(feedIntervalMs('https://a.example/x', base)).toBe(feedIntervalMs('https://a.example/x', base));
  });
  it('gives feeds scheduler ids without ":"', () => {
    expect(feedSchedulerId('https://a.example:8080/x')).toMatch(/^feed\.[0-9a-f]{24}$/);
  });
});

describe('settleDelivery', () => {
  const deps = { logger: silentLogger, metrics: noopMetrics, publisher: new RecordingPublisher('slack') };
  it('delays a rate-limited job without failing it', async () => {
    const moveToDelayed = vi.fn(async () => {});
    const before = Date.now();
    await expect(
      settleDelivery(
        { kind: 'rate-limited', retryAfterMs: 3_000, message: '429' },
        { id: 'j', moveToDelayed },
        'tok',
        deps,
      ),
    ).rejects.toBeInstanceOf(DelayedError);
    const [at, token] = moveToDelayed.mock.calls[0] as unknown as [number, string];
    expect(at).toBeGreaterThanOrEqual(before + 3_000);
    expect(token).toBe('tok');
  });
  it('throws transient errors for a retry and completes the rest', async () => {
    const job = { id: 'j', moveToDelayed: vi.fn(async () => {}) };
    const error = new PublishError('HTTP 503', { kind: 'transient' });
    await expect(settleDelivery({ kind: 'retry', error }, job, undefined, deps)).rejects.toBe(error);
    await expect(
      settleDelivery({ kind: 'permanent', action: 'pause', reason: 'gone' }, job, undefined, deps),
    ).resolves.toBe('permanent: pause');
    await expect(
      settleDelivery(
        { kind: 'delivered', localDate: '2026-01-14', attempts: 1, resumed: false },
        job,
        undefined,
        deps,
      ),
    ).resolves.toBe('delivered');
    expect(job.moveToDelayed).not.toHaveBeenCalled();
  });
});

describe('EngineSync', () => {
  const article = (id: string, title: string, publishedAt: string) => ({
    id,
    url: `https://news.example/${id}`,
    title,
    outlet: 'Yonhap',
    publishedAt,
    datePrecision: 'instant' as const,
    tags: [],
    body: `${title}. More text about the Korean economy follows here.`,
    origin: 'test',
  });

  it('replays the log, follows it, and expires articles older than the retention', async () => {
    const store = new MemoryArticleStore();
    let now = new Date('2026-01-20T00:00:00Z');
    const ingest = createIngest({
      articles: store,
      metrics: noopMetrics,
      now: () => now,
      summaryMaxChars: 320,
    });
    await ingest('d1', [article('a1', 'Korea exports rise', '2026-01-19T00:00:00Z')]);
    await ingest('d2', [article('a2', 'Korea stocks fall', '2026-01-01T00:00:00Z')]);
    expect(await ingest('d1', [article('a1', 'Korea exports rise', '2026-01-19T00:00:00Z')])).toBe(false);
    const engine = new NewsEngine();
    const sync = new EngineSync(store, engine, {
      intervalMs: 10,
      retentionMs: 10 * 24 * 3_600_000,
      retentionIntervalMs: 60_000,
      trimStore: true,
      now: () => now,
      logger: silentLogger,
    });
    await sync.start();
    // a2 is older than 10 days: expired at start.
    expect(engine.size).toBe(1);
    expect(engine.article('a1')?.summary).not.toBe('');
    await ingest('d3', [article('a3', 'Korea opens spaceport', '2026-01-19T12:00:00Z')]);
    await vi.waitFor(() => expect(engine.size).toBe(2));
    now = new Date('2026-02-20T00:00:00Z');
    expect(await sync.retention()).toBe(2);
    expect(await store.read('', 10)).toEqual([]);
    await sync.stop();
  });

  it('shares one read between concurrent catch-ups', async () => {
    const store = new MemoryArticleStore();
    const read = vi.spyOn(store, 'read');
    const sync = new EngineSync(store, new NewsEngine(), {
      intervalMs: 1_000,
      retentionMs: 1_000,
      retentionIntervalMs: 1_000,
      trimStore: false,
      now: () => new Date(),
      logger: silentLogger,
    });
    await Promise.all([sync.catchUp(), sync.catchUp(), sync.catchUp(), sync.catchUp()]);
    // One read, then one more for everything that asked while it ran.
    expect(read).toHaveBeenCalledTimes(2);
  });
});

describe('runUntilSignal', () => {
  it('stops on the first signal and resolves 0; a second signal forces exit 1', async () => {
    const source = new EventEmitter() as EventEmitter & SignalSource;
    let release: () => void = () => {};
    const stop = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const forceExit = vi.fn();
    const done = runUntilSignal(stop, { logger: silentLogger, source, forceExit });
    source.emit('SIGTERM', 'SIGTERM');
    expect(stop).toHaveBeenCalledTimes(1);
    source.emit('SIGINT', 'SIGINT');
    expect(forceExit).toHaveBeenCalledWith(1);
    release();
    expect(await done).toBe(0);
    expect(stop).toHaveBeenCalledTimes(1);
  });
  it('resolves 1 when stopping fails', async () => {
    const source = new EventEmitter() as EventEmitter & SignalSource;
    const done = runUntilSignal(() => Promise.reject(new Error('x')), {
      logger: silentLogger,
      source,
      forceExit: () => {},
    });
    source.emit('SIGINT', 'SIGINT');
    expect(await done).toBe(1);
  });
});
