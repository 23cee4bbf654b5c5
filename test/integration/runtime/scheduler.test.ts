/**
 * Digest Job Schedulers on real Redis: the trigger fires the lead (DIGEST_PREPARE_SECONDS, 2 s
 * here) before the subscription's local time and the digest is posted at that time (Asia/Seoul;
 * America/New_York across the March 2026 DST change), a subscription due within the lead still gets
 * that day's digest, a changed time leaves exactly one scheduler, pausing and unsubscribing remove
 * it, and a Redis that lost its queues gets them back at start. Only `Date` is faked (advancing with
 * real time), as BullMQ's own scheduler tests do.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordingPublisher } from '../../../src/digest/recording-publisher.js';
import { nextDelivery } from '../../../src/digest/time.js';
import type { UseCaseContext } from '../../../src/subscriptions/context.js';
import { subscriptionId } from '../../../src/subscriptions/model.js';
import { pause, resume, subscribe, unsubscribe } from '../../../src/subscriptions/use-cases.js';
import { cleanupPrefix } from '../../support/redis.js';
import {
  ingestArticles,
  koreaArticle,
  SLACK_A,
  startTestRuntime,
  type TestRuntime,
  waitFor,
} from './helpers.js';

let t: TestRuntime | undefined;

afterEach(async () => {
  await t?.cleanup();
  t = undefined;
  vi.useRealTimers();
});

/** Fakes only Date, starting at `iso` and advancing with real time. */
function clockAt(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(iso));
}

function ctx(): UseCaseContext {
  return { channel: SLACK_A, userId: 'U1', now: new Date() };
}

const id = subscriptionId(SLACK_A);
/** The digest is built this long before its delivery time. */
const LEAD = 2_000;
const tuning = { digestLeadMs: LEAD };

/** The scheduler's one delayed job: its id and the instant it fires. */
async function delayedJobs() {
  const jobs = await t!.runtime.queues.digest.getDelayed();
  return jobs.map((j) => ({ id: j.id, firesAt: new Date(j.timestamp + j.delay).toISOString() }));
}

describe('digest schedulers', () => {
  it('fires at 08:00 in Asia/Seoul and delivers the digest of that local date', async () => {
    clockAt('2026-01-13T22:59:57Z'); // 07:59:57 on 14 January in Seoul
    const publisher = new RecordingPublisher('slack');
    t = await startTestRuntime({ label: 'rt-seoul', publishers: [publisher], tuning });
    const result = await subscribe(
      { tags: ['korea'], time: '08:00', timeZone: 'Asia/Seoul' },
      ctx(),
      t.runtime.subscriptions,
    );
    expect(result.ok).toBe(true);

    const due = Date.parse('2026-01-13T23:00:00Z');
    // The digest job runs the lead before 08:00: at 07:59:58.
    expect(await delayedJobs()).toEqual([
      { id: `repeat:${id}:${due - LEAD}`, firesAt: '2026-01-13T22:59:58.000Z' },
    ]);
    expect(await t.runtime.scheduler.get(id)).toMatchObject({
      pattern: '0 8 * * *',
      tz: 'Asia/Seoul',
      next: due - LEAD,
    });

    await ingestArticles(t.runtime, [
      koreaArticle('Korea and Japan agree on shuttle diplomacy', new Date('2026-01-13T20:00:00Z')),
    ]);
    await waitFor(() => publisher.delivered(id).length > 0, { what: 'the digest', timeoutMs: 15_000 });
    const [post] = publisher.delivered(id);
    expect(post?.localDate).toBe('2026-01-14');
    // Built ahead, posted at 08:00 itself, not before.
    expect(Date.now()).toBeGreaterThanOrEqual(due);
    // The next trigger is the lead before 08:00 the next day in Seoul.
    const next = Date.parse('2026-01-14T23:00:00Z') - LEAD;
    await waitFor(async () => (await t!.runtime.scheduler.get(id))?.next === next, { what: 'the next run' });
    expect(await delayedJobs()).toEqual([
      { id: `repeat:${id}:${next}`, firesAt: '2026-01-14T22:59:58.000Z' },
    ]);
  });

  it('keeps 08:00 local time in America/New_York across the March 2026 DST change', async () => {
    clockAt('2026-03-07T12:59:57Z'); // 07:59:57 EST on Saturday 7 March
    const publisher = new RecordingPublisher('slack');
    t = await startTestRuntime({ label: 'rt-dst', publishers: [publisher], tuning });
    await subscribe(
      { tags: ['korea'], time: '08:00', timeZone: 'America/New_York' },
      ctx(),
      t.runtime.subscriptions,
    );
    const before = Date.parse('2026-03-07T13:00:00Z'); // 08:00 EST (UTC−5)
    const after = Date.parse('2026-03-08T12:00:00Z'); // 08:00 EDT (UTC−4), clocks went forward at 02:00
    expect(after - before).toBe(23 * 3_600_000);
    expect((await t.runtime.scheduler.get(id))?.next).toBe(before - LEAD);

    await ingestArticles(t.runtime, [
      koreaArticle('Korea chip exports rise again', new Date('2026-03-07T10:00:00Z')),
    ]);
    await waitFor(() => publisher.delivered(id).length > 0, { what: 'the first digest' });
    expect(publisher.delivered(id)[0]?.localDate).toBe('2026-03-07');
    await waitFor(async () => (await t!.runtime.scheduler.get(id))?.next === after - LEAD, {
      what: 'the post-DST run',
    });
    expect(
      nextDelivery(
        { time: '08:00', timeZone: 'America/New_York', days: 'daily' },
        new Date(before),
      ).at.getTime(),
    ).toBe(after);

    // A restart just before the next run: schedulers are re-upserted (unchanged) and it fires.
    await t.runtime.stop();
    vi.setSystemTime(new Date('2026-03-08T11:59:57Z'));
    const again = await t.restart();
    expect((await again.scheduler.get(id))?.next).toBe(after - LEAD);
    expect((await again.queues.digest.getDelayed()).map((j) => j.id)).toEqual([
      `repeat:${id}:${after - LEAD}`,
    ]);
    await ingestArticles(again, [
      koreaArticle('Korea unveils new rocket engine', new Date('2026-03-08T10:00:00Z')),
    ]);
    await waitFor(() => publisher.delivered(id).length > 1, { what: 'the second digest' });
    expect(publisher.delivered(id).map((p) => p.localDate)).toEqual(['2026-03-07', '2026-03-08']);
    expect(Date.now()).toBeGreaterThanOrEqual(after);
  });

  it("a subscription due within the lead still gets that day's digest, at its time", async () => {
    clockAt('2026-01-13T22:59:57Z'); // 07:59:57 in Seoul, 3 s before 08:00
    const publisher = new RecordingPublisher('slack');
    t = await startTestRuntime({
      label: 'rt-soon',
      publishers: [publisher],
      tuning: { digestLeadMs: 5_000 },
    });
    await ingestArticles(t.runtime, [
      koreaArticle('Korea and Japan agree on shuttle diplomacy', new Date('2026-01-13T20:00:00Z')),
    ]);
    await subscribe(
      { tags: ['korea'], time: '08:00', timeZone: 'Asia/Seoul' },
      ctx(),
      t.runtime.subscriptions,
    );
    const due = Date.parse('2026-01-13T23:00:00Z');
    // The scheduler's first run is tomorrow's; today's digest has a job of its own.
    expect((await t.runtime.scheduler.get(id))?.next).toBe(Date.parse('2026-01-14T23:00:00Z') - 5_000);

    await waitFor(() => publisher.delivered(id).length > 0, { what: 'the digest', timeoutMs: 15_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(due);
    expect(publisher.delivered(id).map((p) => p.localDate)).toEqual(['2026-01-14']);
  });

  it('changing the time leaves exactly one scheduler, with the new pattern and next run', async () => {
    t = await startTestRuntime({ label: 'rt-change', tuning });
    const deps = t.runtime.subscriptions;
    await subscribe({ tags: ['korea'], time: '08:00', timeZone: 'Asia/Seoul' }, ctx(), deps);
    await subscribe({ tags: ['korea'], time: '09:30', timeZone: 'Asia/Seoul' }, ctx(), deps);
    await subscribe(
      { tags: ['japan'], time: '09:30', timeZone: 'Asia/Seoul', days: 'weekdays' },
      ctx(),
      deps,
    );

    const schedulers = await t.runtime.queues.digest.getJobSchedulers();
    const next =
      nextDelivery({ time: '09:30', timeZone: 'Asia/Seoul', days: 'weekdays' }, new Date()).at.getTime() -
      LEAD;
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ key: id, pattern: '30 9 * * 1-5', tz: 'Asia/Seoul', next });
    expect(await delayedJobs()).toEqual([
      { id: `repeat:${id}:${next}`, firesAt: new Date(next).toISOString() },
    ]);

    await pause(ctx(), deps);
    expect(await t.runtime.queues.digest.getJobSchedulers()).toEqual([]);
    expect(await delayedJobs()).toEqual([]);
    await resume(ctx(), deps);
    expect(await t.runtime.queues.digest.getJobSchedulers()).toHaveLength(1);
    await unsubscribe('all', ctx(), deps);
    expect(await t.runtime.queues.digest.getJobSchedulers()).toEqual([]);
    expect(await delayedJobs()).toEqual([]);
  });

  it('re-creates every scheduler at start when Redis lost the queues', async () => {
    t = await startTestRuntime({ label: 'rt-lost', tuning });
    await subscribe(
      { tags: ['korea'], time: '07:15', timeZone: 'Europe/Paris' },
      ctx(),
      t.runtime.subscriptions,
    );
    await t.runtime.stop();
    // Everything of BullMQ gone (a Redis restarted without persistence of the queues, FLUSH…).
    expect(await cleanupPrefix(t.redis, `${t.prefix}:bull:`)).toBeGreaterThan(0);
    const again = await t.restart();
    const schedulers = await again.queues.digest.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({
      key: id,
      pattern: '15 7 * * *',
      tz: 'Europe/Paris',
      next:
        nextDelivery({ time: '07:15', timeZone: 'Europe/Paris', days: 'daily' }, new Date()).at.getTime() -
        LEAD,
    });
  });

  it('removes at start a scheduler whose subscription is gone', async () => {
    t = await startTestRuntime({ label: 'rt-orphan' });
    await subscribe({ tags: ['korea'] }, ctx(), t.runtime.subscriptions);
    await t.runtime.queues.digest.upsertJobScheduler('slack.T9.C9', { pattern: '0 8 * * *', tz: 'UTC' });
    await t.runtime.stop();
    const again = await t.restart();
    expect((await again.queues.digest.getJobSchedulers()).map((s) => s.key)).toEqual([id]);
  });
});
