/**
 * Digest delivery to Discord: the real runDelivery with the Discord publisher (@discordjs/rest only,
 * no gateway) against the fake REST API: limits and splitting, 429s, 5xx, permanent errors that
 * pause one subscription without blocking others, and idempotent re-runs through the nonce.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPublisherRest, DiscordPublisher, partNonce } from '../../../adapters/discord/publisher.js';
import { withinLimits } from '../../../adapters/discord/render/message.js';
import { buildDigest } from '../../../src/digest/build.js';
import { deliveryJobId } from '../../../src/digest/ids.js';
import { type DeliveryDeps, runDelivery } from '../../../src/digest/run-delivery.js';
import type { BriefingStory } from '../../../src/model.js';
import {
  MemoryDeliveryLog,
  MemoryDigestScheduler,
  MemorySubscriptionStore,
} from '../../../src/ports/index.js';
import type { Digest } from '../../../src/ports/publisher.js';
import { type Subscription, subscriptionId } from '../../../src/subscriptions/model.js';
import { type FakeDiscord, snowflake, startFakeDiscord } from '../../fakes/discord-api.js';
import { NOW, testEngine } from './harness.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

interface World {
  deps: DeliveryDeps & {
    subscriptions: MemorySubscriptionStore;
    scheduler: MemoryDigestScheduler;
    deliveries: MemoryDeliveryLog;
  };
  publisher: DiscordPublisher;
}

let world: World;
beforeEach(() => {
  fake.reset();
  const rest = createPublisherRest(fake.apiUrl, 'test-token', {
    maxRateLimitWaitMs: 3_000,
    retries: 2,
    timeoutMs: 2_000,
  });
  const publisher = new DiscordPublisher(rest);
  world = {
    publisher,
    deps: {
      deliveries: new MemoryDeliveryLog(),
      subscriptions: new MemorySubscriptionStore(),
      scheduler: new MemoryDigestScheduler(),
      publishers: { discord: publisher },
      now: NOW,
    },
  };
});

async function subscribed(tags: string[] = ['korea']): Promise<Subscription> {
  const channel = { platform: 'discord' as const, teamId: snowflake(), channelId: snowflake() };
  const sub: Subscription = {
    id: subscriptionId(channel),
    channel,
    tags,
    time: '08:00',
    timeZone: 'Asia/Seoul',
    days: 'daily',
    maxStories: 5,
    createdBy: '1',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    paused: null,
  };
  await world.deps.subscriptions.put(sub);
  await world.deps.scheduler.upsert(sub);
  return sub;
}

async function digestFor(sub: Subscription): Promise<Digest> {
  const digest = buildDigest(await testEngine(), sub, {
    now: NOW,
    since: new Date(NOW.getTime() - 7 * 86_400_000),
  });
  if (digest === null) throw new Error('no digest');
  return digest;
}

const postsTo = (channelId: string) => fake.requestsTo(`/api/v10/channels/${channelId}/messages`, 'POST');
const messagesIn = (channelId: string) => fake.channelMessages.filter((m) => m.channel_id === channelId);

describe('posting a digest', () => {
  it('posts one embed per story with allowed_mentions parse [], a nonce and enforce_nonce', async () => {
    const sub = await subscribed(['korea', 'zebrafish']);
    const digest = await digestFor(sub);
    const outcome = await runDelivery(digest, world.deps);
    expect(outcome).toMatchObject({ kind: 'delivered' });
    const [post] = postsTo(sub.channel.channelId);
    const body = post!.body as {
      content: string;
      embeds: unknown[];
      allowed_mentions: unknown;
      nonce: string;
      enforce_nonce: boolean;
    };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce).toBe(partNonce(deliveryJobId(sub.id, digest.localDate), 0));
    expect(body.nonce.length).toBeLessThanOrEqual(25);
    expect(body.content).toMatch(/^\*\*News digest: korea and zebrafish\*\* · Wednesday, 14 January 2026/);
    expect(body.embeds).toHaveLength(digest.briefing.stories.length);
    expect(JSON.stringify(body)).not.toMatch(/@(everyone|here)|<@[!&]?\d+>/);
    expect(post!.headers.authorization).toBe('Bot test-token');
  });

  it('splits a digest larger than one message into messages within the limits', async () => {
    const sub = await subscribed(['korea']);
    const big: BriefingStory[] = Array.from({ length: 14 }, (_, i) => ({
      id: `s${i}`,
      title: `Story ${i} ${'headline '.repeat(40)}`,
      url: `https://news.example/${i}`,
      outlets: Array.from({ length: 12 }, (_, j) => ({
        name: `Outlet ${j}`,
        url: `https://o${j}.example/${i}`,
      })),
      publishedAt: '2026-01-14T07:00:00Z',
      firstPublishedAt: '2026-01-14T07:00:00Z',
      summary: 'A long summary sentence. '.repeat(80),
      articleIds: [`a${i}`],
      score: { relevance: 1, coverage: 1, recency: 1, diversity: 1, total: 1 - i / 100 },
    }));
    const digest: Digest = {
      subscriptionId: sub.id,
      channel: sub.channel,
      tags: sub.tags,
      localDate: '2026-01-14',
      timeZone: sub.timeZone,
      briefing: {
        topic: 'korea',
        generatedAt: NOW.toISOString(),
        stories: big,
        totalStories: 14,
        offset: 0,
        notice: null,
      },
    };
    expect(await runDelivery(digest, world.deps)).toMatchObject({ kind: 'delivered' });
    const posts = postsTo(sub.channel.channelId);
    expect(posts.length).toBeGreaterThan(2);
    let stories = 0;
    for (const post of posts) {
      const body = post.body as { content: string; embeds: never[] };
      expect(withinLimits(body)).toBe(true);
      stories += body.embeds.length;
    }
    expect(stories).toBe(14);
    const record = await world.deps.deliveries.get(sub.id, '2026-01-14');
    expect(record?.sentParts).toEqual(posts.map((_, i) => i));
  });
});

describe('rate limits', () => {
  it('a 429 on a digest post is waited out and the digest delivered once', async () => {
    const sub = await subscribed();
    fake.rateLimitNext(`/api/v10/channels/${sub.channel.channelId}/messages`, 1);
    const started = performance.now();
    const outcome = await runDelivery(await digestFor(sub), world.deps);
    expect(outcome).toMatchObject({ kind: 'delivered' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(postsTo(sub.channel.channelId).map((r) => r.status)).toEqual([429, 200]);
    expect(messagesIn(sub.channel.channelId)).toHaveLength(1);
  });

  it('a long rate limit goes back to the queue as rate-limited, and the re-run delivers once', async () => {
    const sub = await subscribed();
    fake.rateLimitNext(`/api/v10/channels/${sub.channel.channelId}/messages`, 4, { global: true });
    const digest = await digestFor(sub);
    const first = await runDelivery(digest, world.deps);
    expect(first).toMatchObject({ kind: 'rate-limited' });
    expect(first.kind === 'rate-limited' && first.retryAfterMs).toBeGreaterThanOrEqual(3_900);
    expect(messagesIn(sub.channel.channelId)).toHaveLength(0);
    // The job comes back after the delay, in a fresh worker.
    const rest = createPublisherRest(fake.apiUrl, 'test-token');
    const again = await runDelivery(digest, {
      ...world.deps,
      publishers: { discord: new DiscordPublisher(rest) },
    });
    expect(again).toMatchObject({ kind: 'delivered' });
    expect(messagesIn(sub.channel.channelId)).toHaveLength(1);
  });
});

describe('failures', () => {
  it.each([
    [
      50001,
      403,
      'Missing Access',
      /^newsbrief lost access to <#\d+>: give it View Channel and Send Messages there, then \/digest resume\.$/,
    ],
    [
      50013,
      403,
      'Missing Permissions',
      /^newsbrief may not post in <#\d+>: give it View Channel, Send Messages and Embed Links/,
    ],
    [10003, 404, 'Unknown Channel', /^the channel <#\d+> was deleted or newsbrief can no longer see it/],
  ])(
    '%i %s pauses that subscription with the reason and never blocks others',
    async (code, status, message, reason) => {
      const broken = await subscribed();
      const fine = await subscribed();
      fake.errorNext(`/api/v10/channels/${broken.channel.channelId}/messages`, status, code, message);
      const [a, b] = await Promise.all([
        runDelivery(await digestFor(broken), world.deps),
        runDelivery(await digestFor(fine), world.deps),
      ]);
      expect(a).toMatchObject({ kind: 'permanent', action: 'pause' });
      expect(b).toMatchObject({ kind: 'delivered' });
      const paused = await world.deps.subscriptions.get(broken.id);
      expect(paused?.paused).toMatchObject({ by: 'system' });
      expect(paused?.paused?.reason).toMatch(reason);
      expect(world.deps.scheduler.schedules.has(broken.id)).toBe(false);
      expect(postsTo(broken.channel.channelId)).toHaveLength(1);
      expect(messagesIn(fine.channel.channelId)).toHaveLength(1);
    },
  );

  it('5xx are retried by REST; a lasting 5xx is a transient failure for the queue to retry', async () => {
    const sub = await subscribed();
    const path = `/api/v10/channels/${sub.channel.channelId}/messages`;
    fake.respondNext({ path, status: 502, body: { message: 'Bad Gateway' }, times: 2 });
    expect(await runDelivery(await digestFor(sub), world.deps)).toMatchObject({ kind: 'delivered' });
    expect(messagesIn(sub.channel.channelId)).toHaveLength(1);

    const other = await subscribed();
    fake.respondNext({
      path: `/api/v10/channels/${other.channel.channelId}/messages`,
      status: 503,
      times: 3,
    });
    const outcome = await runDelivery(await digestFor(other), world.deps);
    expect(outcome.kind).toBe('retry');
    expect(world.deps.subscriptions.get(other.id)).resolves.toMatchObject({ paused: null });
  });

  it('a post whose answer was lost is not shown twice: the retry carries the same nonce', async () => {
    const sub = await subscribed();
    const path = `/api/v10/channels/${sub.channel.channelId}/messages`;
    // Discord takes the message but answers after the client gave up (timeout 2 s).
    fake.respondNext({ path, delayMs: 2_500 });
    expect(await runDelivery(await digestFor(sub), world.deps)).toMatchObject({ kind: 'delivered' });
    const posts = postsTo(sub.channel.channelId);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts.map((p) => (p.body as { nonce: string }).nonce)).size).toBe(1);
    expect(messagesIn(sub.channel.channelId)).toHaveLength(1);
  });
});
