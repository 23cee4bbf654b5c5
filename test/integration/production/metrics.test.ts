/**
 * /metrics, /healthz and /readyz of the real runtime on real Redis: every metric family with its
 * labels after a command, an ingest, a feed fetch and a delivery; a worker-only process serves them
 * too; with Redis gone /readyz answers 503 (and /healthz 200) while /metrics still answers at once,
 * and the reconnection is counted when Redis is back.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingPublisher } from '../../../src/digest/recording-publisher.js';
import { localDateAt } from '../../../src/digest/time.js';
import { PrometheusMetrics, QUEUE_STATES } from '../../../src/metrics/index.js';
import type { DigestJobData } from '../../../src/runtime/digest-scheduler.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis.js';
import {
  ingestArticles,
  koreaArticle,
  startTestRuntime,
  subscription,
  type TestRuntime,
  waitFor,
} from '../runtime/helpers.js';
import { fakeCommandAdapter, parseMetrics, sampleValue } from './support.js';

const RSS = readFileSync(
  fileURLToPath(new URL('../../fixtures/feeds/rss-news.xml', import.meta.url)),
  'utf8',
);
const FEED = 'https://feeds.example/world.xml';
const HOUR = 3_600_000;
const QUEUES = ['digest', 'feeds', 'deliver-slack', 'deliver-discord'];

let t: TestRuntime | undefined;
let server: RedisServerHandle | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
  await server?.stop();
  server = undefined;
});

const feedFetch: typeof fetch = async () =>
  new Response(RSS, { status: 200, headers: { 'content-type': 'application/rss+xml' } });

async function scrape(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(await res.text());
}

describe('/metrics', () => {
  it('exposes every family with its labels after a command, an ingest, a feed fetch and a delivery', async () => {
    const publisher = new RecordingPublisher('slack');
    const metrics = new PrometheusMetrics();
    t = await startTestRuntime({
      label: 'prod-metrics',
      env: { FEEDS: FEED },
      deps: { adapters: [fakeCommandAdapter(publisher)], metrics, fetch: feedFetch },
    });
    const { runtime } = t;
    const base = `http://127.0.0.1:${runtime.port}`;
    const now = new Date();

    // An ingest, and the same document again (skipped).
    const article = koreaArticle('Seoul stocks rally on chip exports', new Date(now.getTime() - HOUR));
    await ingestArticles(runtime, [article]);
    expect(await runtime.ingest(`test-doc-${article.id}`, [article])).toBe(false);
    // A feed fetch: FEEDS is synced at start and polled at once.
    await waitFor(async () => (await runtime.stores.feeds.get(FEED))?.lastOutcome?.startsWith('200'), {
      what: 'the first poll of the feed',
    });
    // Commands over HTTP, as a platform would send them.
    expect((await fetch(`${base}/fake/news?text=korea`)).status).toBe(200);
    expect((await fetch(`${base}/fake/news?text=`)).status).toBe(400);
    // A digest delivered.
    const sub = subscription();
    await runtime.stores.subscriptions.put(sub);
    const data: DigestJobData = { subscriptionId: sub.id, firedAt: now.toISOString() };
    await runtime.queues.digest.add('digest', data, { jobId: `manual.${sub.id}.${now.getTime()}` });
    const localDate = localDateAt(now, sub.timeZone);
    await waitFor(async () => (await runtime.stores.deliveries.get(sub.id, localDate))?.status === 'sent', {
      what: 'the digest to be delivered',
    });

    const { samples, types } = await scrape(runtime.port);
    expect(Object.fromEntries([...types].filter(([name]) => name.startsWith('newsbrief_')))).toEqual({
      newsbrief_commands_total: 'counter',
      newsbrief_briefing_duration_seconds: 'histogram',
      newsbrief_articles_ingested_total: 'counter',
      newsbrief_articles_skipped_total: 'counter',
      newsbrief_feed_fetches_total: 'counter',
      newsbrief_digests_total: 'counter',
      newsbrief_redis_reconnects_total: 'counter',
      newsbrief_queue_jobs: 'gauge',
      newsbrief_queue_jobs_collect_ok: 'gauge',
    });
    // prom-client's process and Node.js metrics.
    expect(types.get('process_cpu_seconds_total')).toBe('counter');
    expect(types.get('nodejs_heap_size_used_bytes')).toBe('gauge');

    const value = (name: string, labels: Record<string, string> = {}) => sampleValue(samples, name, labels);
    expect(value('newsbrief_commands_total', { platform: 'slack', command: 'news', outcome: 'ok' })).toBe(1);
    expect(
      value('newsbrief_commands_total', { platform: 'slack', command: 'news', outcome: 'bad_input' }),
    ).toBe(1);
    expect(value('newsbrief_briefing_duration_seconds_count')).toBe(1);
    expect(value('newsbrief_briefing_duration_seconds_bucket', { le: '+Inf' })).toBe(1);
    expect(value('newsbrief_articles_ingested_total')).toBeGreaterThanOrEqual(2); // ours + the feed's
    expect(value('newsbrief_articles_skipped_total')).toBe(1);
    expect(value('newsbrief_feed_fetches_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(value('newsbrief_feed_fetches_total', { outcome: 'failed' })).toBe(0);
    expect(value('newsbrief_digests_total', { platform: 'slack', outcome: 'delivered' })).toBe(1);
    for (const outcome of ['failed', 'paused', 'skipped', 'rate_limited']) {
      expect(value('newsbrief_digests_total', { platform: 'slack', outcome })).toBe(0);
    }
    expect(value('newsbrief_redis_reconnects_total')).toBe(0);
    expect(value('newsbrief_queue_jobs_collect_ok')).toBe(1);
    for (const queue of QUEUES) {
      for (const state of QUEUE_STATES) {
        expect(value('newsbrief_queue_jobs', { queue, state }), `${queue} ${state}`).toBeGreaterThanOrEqual(
          0,
        );
      }
    }
    // The feed's scheduler holds its next poll as a delayed job.
    expect(value('newsbrief_queue_jobs', { queue: 'feeds', state: 'delayed' })).toBe(1);
  });

  it('queue depths count waiting jobs at scrape time', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    t = await startTestRuntime({ label: 'prod-depth', env: { ROLES: 'bot' }, deps: { metrics } });
    const sub = subscription();
    for (const day of ['2026-01-01', '2026-01-02', '2026-01-03']) {
      await t.runtime.queues.deliver.slack.add('deliver', { subscriptionId: sub.id, day }, { jobId: day });
    }
    const { samples } = await scrape(t.runtime.port);
    expect(sampleValue(samples, 'newsbrief_queue_jobs', { queue: 'deliver-slack', state: 'waiting' })).toBe(
      3,
    );
    expect(sampleValue(samples, 'newsbrief_queue_jobs', { queue: 'deliver-slack', state: 'active' })).toBe(0);
  });

  it('a worker-only process serves /healthz, /readyz and /metrics but no adapter routes', async () => {
    const publisher = new RecordingPublisher('slack');
    t = await startTestRuntime({
      label: 'prod-worker',
      env: { ROLES: 'worker' },
      deps: { adapters: [fakeCommandAdapter(publisher)], metrics: new PrometheusMetrics() },
    });
    const base = `http://127.0.0.1:${t.runtime.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const { types } = await scrape(t.runtime.port);
    expect(types.get('newsbrief_digests_total')).toBe('counter');
    expect((await fetch(`${base}/fake/news?text=korea`)).status).toBe(404);
  });

  it('without Prometheus metrics (noopMetrics) there is no /metrics route', async () => {
    t = await startTestRuntime({ label: 'prod-nometrics', env: { ROLES: 'bot' } });
    expect((await fetch(`http://127.0.0.1:${t.runtime.port}/metrics`)).status).toBe(404);
  });
});

describe('Redis unreachable', () => {
  it('/readyz 503 naming Redis, /healthz 200, /metrics answers at once; the reconnection is counted', async () => {
    server = await startRedisServer();
    const metrics = new PrometheusMetrics({ queueTimeoutMs: 500 });
    t = await startTestRuntime({ label: 'prod-redis-down', url: server.url, deps: { metrics } });
    const base = `http://127.0.0.1:${t.runtime.port}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    await server.kill('SIGKILL');
    const down = await waitFor(
      async () => {
        const res = await fetch(`${base}/readyz`);
        return res.status === 503
          ? ((await res.json()) as { status: string; failed: Record<string, string> })
          : undefined;
      },
      { what: '/readyz to answer 503' },
    );
    expect(down.status).toBe('not-ready');
    expect(Object.keys(down.failed)).toContain('redis');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    const started = Date.now();
    const { samples } = await scrape(t.runtime.port);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(sampleValue(samples, 'newsbrief_queue_jobs_collect_ok')).toBe(0);
    expect(samples.filter((s) => s.name === 'newsbrief_queue_jobs')).toEqual([]);

    await server.restart();
    await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, {
      what: '/readyz to answer 200 again',
      timeoutMs: 30_000,
    });
    const after = await scrape(t.runtime.port);
    expect(sampleValue(after.samples, 'newsbrief_redis_reconnects_total')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after.samples, 'newsbrief_queue_jobs_collect_ok')).toBe(1);
  });
});
