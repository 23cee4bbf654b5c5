/**
 * Digest and delivery through real BullMQ workers on real Redis, with a recording publisher:
 * retries on 5xx, delays on 429, a permanent failure pausing only its subscription, and stories a
 * channel has seen never sent again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deliveryJobId } from '../../../src/digest/ids.js';
import { RecordingPublisher } from '../../../src/digest/recording-publisher.js';
import { localDateAt } from '../../../src/digest/time.js';
import type { DigestPublisher } from '../../../src/ports/publisher.js';
import type { DigestJobData } from '../../../src/runtime/digest-scheduler.js';
import type { Subscription } from '../../../src/subscriptions/model.js';
import {
  channelGone,
  completedJob,
  FailingChannels,
  ingestArticles,
  koreaArticle,
  SLACK_A,
  SLACK_B,
  SLACK_C,
  sampleDigest,
  startTestRuntime,
  subscription,
  type TestRuntime,
  waitFor,
} from './helpers.js';

const HOUR = 3_600_000;
let t: TestRuntime | undefined;

afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function subscribe(sub: Subscription): Promise<void> {
  await t!.runtime.stores.subscriptions.put(sub);
  await t!.runtime.scheduler.upsert(sub);
}

/** Runs the digest job of `sub` for `firedAt` (as its scheduler would) and waits until it is delivered. */
async function fire(sub: Subscription, firedAt: Date): Promise<void> {
  const data: DigestJobData = { subscriptionId: sub.id, firedAt: firedAt.toISOString() };
  await t!.runtime.queues.digest.add('digest', data, { jobId: `manual.${sub.id}.${firedAt.getTime()}` });
}

async function sent(sub: Subscription, localDate: string) {
  return waitFor(
    async () => {
      const record = await t!.runtime.stores.deliveries.get(sub.id, localDate);
      return record?.status === 'sent' ? record : undefined;
    },
    { what: `the digest of ${sub.id} for ${localDate} to be sent` },
  );
}

describe('delivery', () => {
  it('retries 5xx with backoff and delivers once', async () => {
    const publisher = new RecordingPublisher('slack', { storiesPerPart: 1 })
      .failNext({ kind: 'server-error', status: 502 }, { afterParts: 1 })
      .failNext({ kind: 'server-error', status: 503 });
    t = await startTestRuntime({ label: 'rt-5xx', publishers: [publisher] });
    const now = new Date();
    const sub = subscription();
    await subscribe(sub);
    await ingestArticles(t.runtime, [
      koreaArticle('South Korea raises rates to curb inflation', new Date(now.getTime() - 2 * HOUR)),
      koreaArticle('Korean exporters brace for tariff talks', new Date(now.getTime() - 3 * HOUR)),
    ]);
    await fire(sub, now);
    const localDate = localDateAt(now, sub.timeZone);
    const record = await sent(sub, localDate);

    expect(publisher.calls.map((c) => c.result)).toEqual(['server-error', 'server-error', 'ok']);
    // The second and third attempts resumed after the part the first one got out.
    expect(publisher.calls.map((c) => c.sentParts)).toEqual([[], [0], [0]]);
    const shown = publisher.delivered(sub.id);
    expect(shown.map((p) => p.index)).toEqual([0, 1]);
    expect(publisher.posts.filter((p) => p.repeat)).toEqual([]);
    expect(record.attempts).toBe(3);

    const job = await completedJob(t.runtime.queues.deliver.slack, deliveryJobId(sub.id, localDate));
    // BullMQ counts the successful attempt too: two failed, the third delivered.
    expect(job.attemptsMade).toBe(3);
  });

  it('delays a 429 by its Retry-After without using an attempt, then delivers once', async () => {
    const publisher = new RecordingPublisher('slack').failNext({ kind: 'rate-limited', retryAfterMs: 1_500 });
    t = await startTestRuntime({
      label: 'rt-429',
      publishers: [publisher],
      tuning: { deliveryAttempts: 1 },
    });
    const now = new Date();
    const sub = subscription();
    await subscribe(sub);
    await ingestArticles(t.runtime, [
      koreaArticle('Seoul stocks rally on chip exports', new Date(now.getTime() - HOUR)),
    ]);
    await fire(sub, now);
    const localDate = localDateAt(now, sub.timeZone);
    const jobId = deliveryJobId(sub.id, localDate);

    const delayed = await waitFor(
      async () => {
        const job = await t!.runtime.queues.deliver.slack.getJob(jobId);
        return job && (await job.getState()) === 'delayed' ? job : undefined;
      },
      { what: 'the deliver job to be delayed' },
    );
    const firstCall = Date.now();
    expect(delayed.attemptsMade).toBe(0);
    expect(publisher.calls).toHaveLength(1);

    await sent(sub, localDate);
    // With attempts: 1, a retry would have failed the job: the 429 did not count as an attempt.
    expect(Date.now() - firstCall).toBeGreaterThanOrEqual(1_000);
    expect(publisher.calls.map((c) => c.result)).toEqual(['rate-limited', 'ok']);
    expect(publisher.delivered(sub.id)).toHaveLength(1);
    await completedJob(t.runtime.queues.deliver.slack, jobId);
  });

  it('pauses a subscription whose channel is gone and still delivers the others', async () => {
    const recorder = new RecordingPublisher('slack');
    const a = subscription({ channel: SLACK_A });
    const b = subscription({ channel: SLACK_B });
    const c = subscription({ channel: SLACK_C });
    const publisher = new FailingChannels(recorder, new Map([[b.id, channelGone()]]));
    t = await startTestRuntime({ label: 'rt-permanent', publishers: [publisher] });
    for (const sub of [a, b, c]) await subscribe(sub);
    const now = new Date();
    await ingestArticles(t.runtime, [
      koreaArticle('Korea unveils new space launch plan', new Date(now.getTime() - HOUR)),
    ]);
    for (const sub of [a, b, c]) await fire(sub, now);
    const localDate = localDateAt(now, a.timeZone);

    await sent(a, localDate);
    await sent(c, localDate);
    const paused = await waitFor(
      async () => {
        const s = await t!.runtime.stores.subscriptions.get(b.id);
        return s?.paused ? s : undefined;
      },
      { what: 'subscription B to be paused' },
    );
    expect(paused.paused).toMatchObject({
      by: 'system',
      reason: expect.stringContaining('channel_not_found'),
    });
    // A paused subscription has no trigger; the others keep theirs.
    expect(await t.runtime.scheduler.get(b.id)).toBeUndefined();
    expect(await t.runtime.scheduler.get(a.id)).toBeDefined();
    expect(recorder.delivered(a.id)).toHaveLength(1);
    expect(recorder.delivered(c.id)).toHaveLength(1);
    expect(recorder.delivered(b.id)).toHaveLength(0);
    // The job completed after its one attempt: nothing retries a channel that can't receive.
    const job = await completedJob(t.runtime.queues.deliver.slack, deliveryJobId(b.id, localDate));
    expect(job.attemptsMade).toBe(1);
  });

  it('leaves out stories the channel has already received', async () => {
    const publisher = new RecordingPublisher('slack');
    t = await startTestRuntime({ label: 'rt-seen', publishers: [publisher] });
    const sub = subscription({ timeZone: 'UTC' });
    await subscribe(sub);
    const day1 = new Date();
    await ingestArticles(t.runtime, [
      koreaArticle('Korean won hits two-year high against dollar', new Date(day1.getTime() - 30 * 60_000)),
      koreaArticle('North Korea fires missile into the East Sea', new Date(day1.getTime() - 40 * 60_000)),
    ]);
    await fire(sub, day1);
    await sent(sub, localDateAt(day1, 'UTC'));
    const firstStories = publisher.storiesShown(sub.id);
    expect(firstStories.length).toBe(2);

    // The next day: a new story, while the old ones are still inside the window (published within
    // the overlap before the previous digest).
    const day2 = new Date(day1.getTime() + 24 * HOUR);
    await ingestArticles(t.runtime, [
      koreaArticle('Korea Hyundai opens battery plant in Georgia', new Date(day1.getTime() + HOUR)),
    ]);
    await fire(sub, day2);
    await sent(sub, localDateAt(day2, 'UTC'));
    const secondPosts = publisher.delivered(sub.id).filter((p) => p.localDate === localDateAt(day2, 'UTC'));
    const secondStories = secondPosts.flatMap((p) => p.storyIds);
    expect(secondStories).toHaveLength(1);
    expect(secondStories.some((id) => firstStories.includes(id))).toBe(false);
    expect(secondPosts[0]?.text).toContain('Hyundai');
  });

  it('keeps deliveries within the platform rate, across the queue', async () => {
    const publisher = new RecordingPublisher('slack');
    t = await startTestRuntime({
      label: 'rt-rate',
      publishers: [publisher],
      env: { SLACK_RATE_PER_SECOND: '5' },
    });
    const subs = Array.from({ length: 15 }, (_, i) =>
      subscription({ channel: { platform: 'slack', teamId: 'T1', channelId: `C${i}` } }),
    );
    for (const sub of subs) await t.runtime.stores.subscriptions.put(sub);
    const localDate = '2026-01-14';
    await t.runtime.queues.deliver.slack.addBulk(
      subs.map((sub) => ({
        name: 'deliver',
        data: sampleDigest(sub, localDate, 1),
        opts: { jobId: deliveryJobId(sub.id, localDate) },
      })),
    );
    for (const sub of subs) await sent(sub, localDate);
    const jobs = await Promise.all(
      subs.map((sub) => t!.runtime.queues.deliver.slack.getJob(deliveryJobId(sub.id, localDate))),
    );
    const started = jobs.map((j) => j?.processedOn ?? 0).sort((a, b) => a - b);
    // 15 jobs at 5 per second: three windows, so the last starts at least ~2 s after the first.
    expect(started[14]! - started[0]!).toBeGreaterThanOrEqual(1_900);
    expect(publisher.delivered()).toHaveLength(15);
  });

  it('bounds a graceful stop by the shutdown timeout when a send hangs', async () => {
    let calls = 0;
    const hanging: DigestPublisher = {
      platform: 'slack',
      publish: () => {
        calls++;
        return new Promise<void>(() => {});
      },
    };
    t = await startTestRuntime({
      label: 'rt-bounded',
      publishers: [hanging],
      tuning: { shutdownTimeoutMs: 1_000 },
    });
    const sub = subscription();
    await t.runtime.stores.subscriptions.put(sub);
    await t.runtime.queues.deliver.slack.add('deliver', sampleDigest(sub, '2026-01-14', 1), {
      jobId: deliveryJobId(sub.id, '2026-01-14'),
    });
    await waitFor(() => calls > 0, { what: 'the send to start' });
    const started = Date.now();
    expect(await t.runtime.stop()).toEqual({ forced: true });
    expect(Date.now() - started).toBeLessThan(4_000);
    // The job is left active: another worker resumes it once its lock expires.
    const finishedOn = await t.redis.hget(
      `${t.prefix}:bull:deliver-slack:${deliveryJobId(sub.id, '2026-01-14')}`,
      'finishedOn',
    );
    expect(finishedOn).toBeNull();
  });
});
