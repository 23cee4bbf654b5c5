import { describe, expect, it } from 'vitest';
import { deliveryJobId } from '../../../src/digest/ids.js';
import { RecordingPublisher } from '../../../src/digest/recording-publisher.js';
import { type DeliveryOutcome, runDelivery } from '../../../src/digest/run-delivery.js';
import type { BriefingStory } from '../../../src/model.js';
import { type Digest, PublishError } from '../../../src/ports/publisher.js';
import type { Subscription } from '../../../src/subscriptions/model.js';
import { DISCORD_CHANNEL, memoryPorts, subscription } from './fixtures.js';

const NOW = new Date('2026-01-13T23:00:05Z');
const LATER = new Date('2026-01-13T23:01:00Z');

function story(n: number): BriefingStory {
  return {
    id: `s_${n}`,
    title: `Story ${n} about Korea`,
    url: `https://news.example/${n}`,
    outlets: [{ name: 'Yonhap', url: `https://news.example/${n}` }],
    publishedAt: '2026-01-13T02:00:00Z',
    firstPublishedAt: '2026-01-13T02:00:00Z',
    summary: '',
    articleIds: [`a_${n}`, `a_${n}_b`],
    score: { relevance: 1, coverage: 1, recency: 1, diversity: 1, total: 1 - n / 100 },
  };
}

function digestFor(sub: Subscription, stories = 5): Digest {
  return {
    subscriptionId: sub.id,
    channel: sub.channel,
    tags: sub.tags,
    localDate: '2026-01-14',
    timeZone: sub.timeZone,
    briefing: {
      topic: sub.tags.join(', '),
      generatedAt: '2026-01-13T23:00:00.000Z',
      stories: Array.from({ length: stories }, (_, i) => story(i + 1)),
      totalStories: stories,
      offset: 0,
      notice: null,
    },
  };
}

async function setup(subs: Subscription[] = [subscription()]) {
  const ports = memoryPorts();
  for (const sub of subs) {
    await ports.subscriptions.put(sub);
    await ports.scheduler.upsert(sub);
  }
  // 5 stories, 2 per part: parts 0, 1, 2.
  const publisher = new RecordingPublisher('slack', { storiesPerPart: 2 });
  const run = (digest: Digest, now = NOW): Promise<DeliveryOutcome> =>
    runDelivery(digest, { ...ports, publishers: { slack: publisher }, now });
  return { ports, publisher, run };
}

/** Each part shown exactly once, in order, and every story of the digest shown once. */
function expectShownOnce(publisher: RecordingPublisher, digest: Digest): void {
  expect(publisher.delivered(digest.subscriptionId).map((p) => p.index)).toEqual([0, 1, 2]);
  expect(publisher.storiesShown(digest.subscriptionId)).toEqual(digest.briefing.stories.map((s) => s.id));
}

describe('runDelivery', () => {
  it('posts every part once, records the delivery and is a no-op when run again', async () => {
    const { ports, publisher, run } = await setup();
    const digest = digestFor(subscription());
    expect(await run(digest)).toEqual({
      kind: 'delivered',
      localDate: '2026-01-14',
      attempts: 1,
      resumed: false,
    });
    expectShownOnce(publisher, digest);
    expect(publisher.calls[0]).toMatchObject({
      idempotencyKey: deliveryJobId(digest.subscriptionId, '2026-01-14'),
    });

    const record = await ports.deliveries.get(digest.subscriptionId, '2026-01-14');
    expect(record).toMatchObject({
      status: 'sent',
      sentParts: [0, 1, 2],
      storyIds: ['s_1', 's_2', 's_3', 's_4', 's_5'],
    });
    expect((await ports.deliveries.deliveredArticleIds(digest.subscriptionId)).has('a_3_b')).toBe(true);
    expect(await ports.deliveries.lastDeliveredAt(digest.subscriptionId)).toEqual(NOW);

    expect(await run(digest, LATER)).toEqual({ kind: 'already-sent', localDate: '2026-01-14' });
    expect(publisher.calls).toHaveLength(1);
    expect(publisher.posts).toHaveLength(3);
  });

  it('resumes after a crash between parts without posting the sent parts again', async () => {
    const { ports, publisher, run } = await setup();
    const digest = digestFor(subscription());
    publisher.failNext({ kind: 'crash' }, { afterParts: 1 });
    await expect(run(digest)).rejects.toThrow('worker crashed');
    expect(await ports.deliveries.get(digest.subscriptionId, '2026-01-14')).toMatchObject({
      status: 'sending',
      sentParts: [0],
    });

    expect(await run(digest, LATER)).toMatchObject({ kind: 'delivered', attempts: 2, resumed: true });
    expect(publisher.calls[1]).toMatchObject({ sentParts: [0], resumed: true });
    expect(publisher.posts.map((p) => [p.index, p.repeat])).toEqual([
      [0, false],
      [1, false],
      [2, false],
    ]);
    expectShownOnce(publisher, digest);
  });

  it('relies on the idempotency key for a part that went out but was not recorded', async () => {
    const { publisher, run } = await setup();
    const digest = digestFor(subscription());
    publisher.failNext({ kind: 'crash' }, { afterParts: 1, partReached: true });
    await expect(run(digest)).rejects.toThrow();
    await run(digest, LATER);
    // Part 1 was posted twice with the same key: the platform recognised the repeat.
    expect(publisher.posts.filter((p) => p.repeat).map((p) => p.index)).toEqual([1]);
    expectShownOnce(publisher, digest);
  });

  it('returns rate-limited with the wait, keeps the subscription, and delivers once on the retry', async () => {
    const { ports, publisher, run } = await setup();
    const digest = digestFor(subscription());
    publisher.failNext({ kind: 'rate-limited', retryAfterMs: 1500 }, { afterParts: 2 });
    expect(await run(digest)).toMatchObject({ kind: 'rate-limited', retryAfterMs: 1500 });
    expect((await ports.subscriptions.get(digest.subscriptionId))?.paused).toBeNull();
    expect(await ports.deliveries.get(digest.subscriptionId, '2026-01-14')).toMatchObject({
      status: 'sending',
    });

    expect(await run(digest, LATER)).toMatchObject({ kind: 'delivered', attempts: 2 });
    expect(publisher.calls[1]?.sentParts).toEqual([0, 1]);
    expectShownOnce(publisher, digest);
  });

  it('returns retry for a transient failure (5xx twice), then delivers once', async () => {
    const { publisher, run } = await setup();
    const digest = digestFor(subscription());
    publisher
      .failNext({ kind: 'server-error', status: 502 })
      .failNext({ kind: 'server-error' }, { afterParts: 1 });
    const first = await run(digest);
    expect(first.kind).toBe('retry');
    expect(first.kind === 'retry' && first.error).toBeInstanceOf(PublishError);
    expect(first.kind === 'retry' && first.error.failure).toEqual({ kind: 'transient' });
    expect((await run(digest, LATER)).kind).toBe('retry');
    expect(await run(digest, LATER)).toMatchObject({ kind: 'delivered', attempts: 3, resumed: true });
    expectShownOnce(publisher, digest);
  });

  it('pauses a channel that cannot receive, with the reason, while another channel is delivered', async () => {
    const bad = subscription();
    const good = subscription({
      channel: { platform: 'slack', teamId: 'T1', channelId: 'C2' },
      id: 'slack.T1.C2',
    });
    const { ports, publisher, run } = await setup([bad, good]);
    publisher.failNext({ kind: 'permanent', message: 'the channel was archived' });

    expect(await run(digestFor(bad))).toEqual({
      kind: 'permanent',
      action: 'pause',
      reason: 'the channel was archived',
    });
    expect(await run(digestFor(good))).toMatchObject({ kind: 'delivered' });

    const paused = await ports.subscriptions.get(bad.id);
    expect(paused?.paused).toEqual({
      reason: 'the channel was archived',
      at: NOW.toISOString(),
      by: 'system',
    });
    expect(ports.scheduler.schedules.has(bad.id)).toBe(false);
    expect(ports.scheduler.schedules.has(good.id)).toBe(true);
    expect(publisher.delivered(bad.id)).toEqual([]);
    expect(publisher.delivered(good.id).map((p) => p.index)).toEqual([0, 1, 2]);
    // A later run for the paused channel does not post.
    expect(await run(digestFor(bad), LATER)).toMatchObject({ kind: 'skipped', reason: 'paused' });
  });

  it("removes the subscription when the failure's action is remove", async () => {
    const { ports, publisher, run } = await setup();
    const sub = subscription();
    publisher.failNext({ kind: 'permanent', action: 'remove', message: 'the app was uninstalled' });
    expect(await run(digestFor(sub))).toMatchObject({ kind: 'permanent', action: 'remove' });
    expect(await ports.subscriptions.get(sub.id)).toBeNull();
    expect(ports.scheduler.schedules.size).toBe(0);
    expect(await ports.deliveries.get(sub.id, '2026-01-14')).toBeNull();
    expect(await run(digestFor(sub), LATER)).toMatchObject({ kind: 'skipped', reason: 'missing' });
  });

  it("uses the channel platform's publisher and refuses a platform without one", async () => {
    const sub = subscription({ channel: DISCORD_CHANNEL, id: 'discord.111.222' });
    const ports = memoryPorts();
    await ports.subscriptions.put(sub);
    const slack = new RecordingPublisher('slack');
    const discord = new RecordingPublisher('discord');
    const digest = digestFor(sub, 1);
    await expect(runDelivery(digest, { ...ports, publishers: { slack }, now: NOW })).rejects.toThrow(
      /discord/,
    );
    expect(await runDelivery(digest, { ...ports, publishers: { slack, discord }, now: NOW })).toMatchObject({
      kind: 'delivered',
    });
    expect(discord.delivered()).toHaveLength(1);
    expect(slack.posts).toHaveLength(0);
  });

  it('delivers an empty digest as one part and records it', async () => {
    const { ports, publisher, run } = await setup();
    const digest = digestFor(subscription(), 0);
    expect(await run(digest)).toMatchObject({ kind: 'delivered' });
    expect(publisher.posts).toHaveLength(1);
    expect(publisher.posts[0]?.text).toContain('No new stories on korea');
    expect(await ports.deliveries.get(digest.subscriptionId, '2026-01-14')).toMatchObject({ status: 'sent' });
  });
});
