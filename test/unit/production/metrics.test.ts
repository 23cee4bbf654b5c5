/**
 * PrometheusMetrics on its own: one Registry per instance (never the global one), the metric
 * names, types and labels, and queue depths read at scrape time within a timeout.
 */
import { register as globalRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { type CountableQueue, PrometheusMetrics, QUEUE_STATES } from '../../../src/metrics/index.js';
import { parseMetrics, sampleValue } from '../../integration/production/support.js';

function queue(name: string, counts: () => Promise<Record<string, number>>): CountableQueue {
  return { name, getJobCounts: () => counts() };
}

async function scrape(metrics: PrometheusMetrics) {
  return parseMetrics(await metrics.render());
}

describe('PrometheusMetrics', () => {
  it('reports each event with its labels', async () => {
    const m = new PrometheusMetrics({ defaultMetrics: false });
    m.commandHandled('slack', 'news', 'ok');
    m.commandHandled('slack', 'news', 'ok');
    m.commandHandled('discord', 'digest.subscribe', 'bad_input');
    m.briefingBuilt(0.042);
    m.briefingBuilt(Number.NaN);
    m.briefingBuilt(-1);
    m.articlesIngested(3);
    m.articlesSkipped(2);
    m.articlesSkipped(0);
    m.feedFetched('ok');
    m.feedFetched('failed');
    m.digestOutcome('slack', 'delivered');
    m.digestOutcome('discord', 'paused');
    m.redisReconnected();
    const { samples, types } = await scrape(m);
    const v = (name: string, labels: Record<string, string> = {}) => sampleValue(samples, name, labels);
    expect(v('newsbrief_commands_total', { platform: 'slack', command: 'news', outcome: 'ok' })).toBe(2);
    expect(
      v('newsbrief_commands_total', {
        platform: 'discord',
        command: 'digest.subscribe',
        outcome: 'bad_input',
      }),
    ).toBe(1);
    expect(v('newsbrief_briefing_duration_seconds_count')).toBe(1);
    expect(v('newsbrief_briefing_duration_seconds_bucket', { le: '0.05' })).toBe(1);
    expect(v('newsbrief_briefing_duration_seconds_bucket', { le: '0.025' })).toBe(0);
    expect(v('newsbrief_articles_ingested_total')).toBe(3);
    expect(v('newsbrief_articles_skipped_total')).toBe(2);
    expect(v('newsbrief_feed_fetches_total', { outcome: 'ok' })).toBe(1);
    expect(v('newsbrief_feed_fetches_total', { outcome: 'failed' })).toBe(1);
    expect(v('newsbrief_feed_fetches_total', { outcome: 'not-modified' })).toBe(0);
    expect(v('newsbrief_digests_total', { platform: 'slack', outcome: 'delivered' })).toBe(1);
    expect(v('newsbrief_digests_total', { platform: 'discord', outcome: 'paused' })).toBe(1);
    expect(v('newsbrief_digests_total', { platform: 'discord', outcome: 'failed' })).toBe(0);
    expect(v('newsbrief_redis_reconnects_total')).toBe(1);
    expect(types.get('newsbrief_briefing_duration_seconds')).toBe('histogram');
    expect(types.get('newsbrief_queue_jobs')).toBe('gauge');
    // No queues observed: no depths, and the collection is reported as not done.
    expect(samples.filter((s) => s.name === 'newsbrief_queue_jobs')).toEqual([]);
    expect(v('newsbrief_queue_jobs_collect_ok')).toBe(0);
    expect(m.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('keeps each instance separate, off the global registry', async () => {
    const a = new PrometheusMetrics();
    const b = new PrometheusMetrics();
    a.digestOutcome('slack', 'delivered');
    expect(sampleValue((await scrape(a)).samples, 'newsbrief_digests_total', { outcome: 'delivered' })).toBe(
      1,
    );
    expect(sampleValue((await scrape(b)).samples, 'newsbrief_digests_total', { outcome: 'delivered' })).toBe(
      0,
    );
    expect(await globalRegistry.metrics()).not.toContain('newsbrief_');
    // Default metrics are per instance too.
    expect((await scrape(a)).types.get('process_cpu_seconds_total')).toBe('counter');
    expect(
      (await scrape(new PrometheusMetrics({ defaultMetrics: false }))).types.has('process_cpu_seconds_total'),
    ).toBe(false);
  });

  it('reads the queue depths at scrape time', async () => {
    const m = new PrometheusMetrics({ defaultMetrics: false });
    let waiting = 4;
    m.observeQueues([
      queue('digest', async () => ({ waiting, active: 1, delayed: 7, failed: 0, prioritized: 0 })),
      queue('deliver-slack', async () => ({ waiting: 0, active: 2 })),
    ]);
    let { samples } = await scrape(m);
    expect(sampleValue(samples, 'newsbrief_queue_jobs', { queue: 'digest', state: 'waiting' })).toBe(4);
    expect(sampleValue(samples, 'newsbrief_queue_jobs', { queue: 'digest', state: 'delayed' })).toBe(7);
    // A state the queue didn't report is 0.
    expect(sampleValue(samples, 'newsbrief_queue_jobs', { queue: 'deliver-slack', state: 'failed' })).toBe(0);
    expect(samples.filter((s) => s.name === 'newsbrief_queue_jobs')).toHaveLength(2 * QUEUE_STATES.length);
    expect(sampleValue(samples, 'newsbrief_queue_jobs_collect_ok')).toBe(1);
    waiting = 9;
    ({ samples } = await scrape(m));
    expect(sampleValue(samples, 'newsbrief_queue_jobs', { queue: 'digest', state: 'waiting' })).toBe(9);
  });

  it('never hangs a scrape on a slow or failing Redis', async () => {
    const m = new PrometheusMetrics({ defaultMetrics: false, queueTimeoutMs: 100 });
    m.observeQueues([queue('digest', () => new Promise(() => {}))]);
    const started = Date.now();
    let { samples } = await scrape(m);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(samples.filter((s) => s.name === 'newsbrief_queue_jobs')).toEqual([]);
    expect(sampleValue(samples, 'newsbrief_queue_jobs_collect_ok')).toBe(0);
    // The other metrics are still there.
    expect(sampleValue(samples, 'newsbrief_redis_reconnects_total')).toBe(0);

    m.observeQueues([queue('digest', () => Promise.reject(new Error('Connection is closed.')))]);
    ({ samples } = await scrape(m));
    expect(sampleValue(samples, 'newsbrief_queue_jobs_collect_ok')).toBe(0);
  });
});
