/**
 * Digests through the real Web API client against the fake Slack: message limits, escaping, rate
 * limits, permanent failures and resumed deliveries, driven by the core's delivery use case.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DeliveryDeps, runDelivery } from '../../../src/digest/run-delivery.js';
import type { BriefingStory } from '../../../src/model.js';
import type { Digest, PublishContext } from '../../../src/ports/publisher.js';
import { PublishError } from '../../../src/ports/publisher.js';
import type { Subscription } from '../../../src/subscriptions/index.js';
import { engineOf, expectNoPings, NOW, type SlackHarness, startSlack, textsOf } from './harness.js';

type Block = { type: string; text?: { type: string; text: string }; elements?: Array<{ text?: string }> };

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlack();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.fake.reset();
});

function subscription(channelId: string, tags = ['korea']): Subscription {
  return {
    id: `slack.T1.${channelId}`,
    channel: { platform: 'slack', teamId: 'T1', channelId },
    tags,
    time: '08:00',
    timeZone: 'Asia/Seoul',
    days: 'daily',
    maxStories: 5,
    createdBy: 'U1',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    paused: null,
  };
}

async function subscribed(channelId: string): Promise<Subscription> {
  const sub = subscription(channelId);
  await h.subscriptions.subscriptions.put(sub);
  await h.subscriptions.scheduler.upsert(sub);
  return sub;
}

function story(i: number, size: 'short' | 'long' = 'short'): BriefingStory {
  const long = size === 'long';
  return {
    id: `s${i}`,
    title: `Story ${i}: ${long ? 'a very long headline about korea '.repeat(15) : 'korea news'}`,
    url: `https://news.example/${i}${long ? `?${'q=1&'.repeat(100)}` : ''}`,
    outlets: Array.from({ length: long ? 12 : 2 }, (_, j) => ({
      name: `Outlet ${j} & Co`,
      url: `https://outlet${j}.example/${i}${long ? `/${'x'.repeat(150)}` : ''}`,
    })),
    publishedAt: '2026-01-14T06:00:00Z',
    firstPublishedAt: '2026-01-14T05:00:00Z',
    summary: long ? 'A summary sentence with <angle> & ampersands. '.repeat(80) : `Summary of story ${i}.`,
    articleIds: [`a${i}`],
    score: { relevance: 1, coverage: 1, recency: 1, diversity: 1, total: 1 - i / 1000 },
  };
}

function digestOf(sub: Subscription, stories: BriefingStory[]): Digest {
  return {
    subscriptionId: sub.id,
    channel: sub.channel,
    tags: sub.tags,
    localDate: '2026-01-14',
    timeZone: sub.timeZone,
    briefing: {
      topic: sub.tags.join(', '),
      generatedAt: NOW.toISOString(),
      stories,
      totalStories: stories.length,
      offset: 0,
      notice: null,
    },
  };
}

function deliveryDeps(): DeliveryDeps {
  return {
    deliveries: h.subscriptions.deliveries,
    publishers: { slack: h.adapter.publisher() },
    subscriptions: h.subscriptions.subscriptions,
    scheduler: h.subscriptions.scheduler,
    now: NOW,
  };
}

/** Checks one chat.postMessage against Slack's limits; returns its section texts. */
function expectValidMessage(body: Record<string, unknown>): string[] {
  const blocks = body.blocks as Block[];
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(50);
  let total = 0;
  const sections: string[] = [];
  for (const b of blocks) {
    if (b.type === 'header') expect(b.text?.text.length).toBeLessThanOrEqual(150);
    if (b.type === 'section') {
      const text = b.text?.text ?? '';
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(3000);
      sections.push(text);
    }
    for (const t of textsOf(b)) total += t.length;
  }
  expect(total).toBeLessThanOrEqual(12_000);
  expect(String(body.text).length).toBeGreaterThan(0);
  expect(String(body.text).length).toBeLessThanOrEqual(40_000);
  expect(body.unfurl_links).toBe('false');
  expect(body.unfurl_media).toBe('false');
  return sections;
}

describe('digest messages', () => {
  it('a 60-story digest of long stories goes out as several valid messages, every story once, in order', async () => {
    const sub = await subscribed('CBIG');
    const stories = Array.from({ length: 60 }, (_, i) => story(i, i % 3 === 0 ? 'long' : 'short'));
    const outcome = await runDelivery(digestOf(sub, stories), deliveryDeps());
    expect(outcome).toMatchObject({ kind: 'delivered' });
    const calls = h.fake.callsOf('chat.postMessage');
    expect(calls.length).toBeGreaterThan(1);
    const seen: number[] = [];
    calls.forEach((call, index) => {
      expect(call.token).toBe('xoxb-test');
      expect(call.body.channel).toBe('CBIG');
      const sections = expectValidMessage(call.body);
      expect(call.body.metadata).toEqual({
        event_type: 'newsbrief_digest',
        event_payload: { key: 'deliver.slack.T1.CBIG.2026-01-14', part: index, of: calls.length },
      });
      for (const s of sections) {
        const m = /Story (\d+):/.exec(s);
        if (m) seen.push(Number(m[1]));
      }
    });
    expect(seen).toEqual(stories.map((_, i) => i));
    expect((await h.subscriptions.deliveries.get(sub.id, '2026-01-14'))?.sentParts).toEqual(
      calls.map((_, i) => i),
    );
  });

  it('escapes article text: nothing in the payload can ping or hide a link', async () => {
    const engine = engineOf([
      {
        title: 'Korea <!channel> @here <@U123> <https://evil.example|click here> & <!everyone>',
        outlet: '<!here> Times',
        url: 'https://news.example/evil?a=1&b=<x>|y',
        body: 'Korea officials met on Tuesday with <!subteam^S123> and @channel to discuss <#C999> and more. The korea talks went on for hours in Seoul.',
      },
      { title: 'Korea story with a script link', url: 'javascript:alert(1)', outlet: '@everyone News' },
    ]);
    const sub = await subscribed('CEVIL');
    const briefing = engine.brief('korea', { now: NOW, limit: 5 });
    expect(briefing.stories.length).toBe(2);
    await runDelivery({ ...digestOf(sub, briefing.stories) }, deliveryDeps());
    const [call] = h.fake.callsOf('chat.postMessage');
    expect(call).toBeDefined();
    expectNoPings(call?.body ?? {});
    expect(call?.body.parse).toBe('none');
    expect(call?.body.link_names).toBe('false');
  });
});

describe('delivery failures', () => {
  it('429 then success: the delivery waits Retry-After, then the message goes out once', async () => {
    const sub = await subscribed('CRATE');
    h.fake.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const digest = digestOf(sub, [story(1), story(2)]);
    const first = await runDelivery(digest, deliveryDeps());
    expect(first).toEqual({ kind: 'rate-limited', retryAfterMs: 1000, message: 'Slack ratelimited' });
    expect(h.fake.messages).toHaveLength(0);
    // The deliver job is delayed by retryAfterMs; then it runs again.
    await new Promise((r) => setTimeout(r, first.kind === 'rate-limited' ? first.retryAfterMs : 0));
    const second = await runDelivery(digest, deliveryDeps());
    expect(second).toMatchObject({ kind: 'delivered', attempts: 2 });
    expect(h.fake.callsOf('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(h.fake.messages.filter((m) => m.channel === 'CRATE')).toHaveLength(1);
    expect(await runDelivery(digest, deliveryDeps())).toEqual({
      kind: 'already-sent',
      localDate: '2026-01-14',
    });
  });

  it('not_in_channel pauses the subscription with how to invite the bot, shown by /news list', async () => {
    const sub = await subscribed('CPRIV');
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const outcome = await runDelivery(digestOf(sub, [story(1)]), deliveryDeps());
    expect(outcome).toMatchObject({ kind: 'permanent', action: 'pause' });
    const paused = await h.subscriptions.subscriptions.get(sub.id);
    expect(paused?.paused).toMatchObject({ by: 'system' });
    expect(paused?.paused?.reason).toContain('invite it with /invite @newsbrief, then run /news resume');
    expect(h.subscriptions.scheduler.schedules.has(sub.id)).toBe(false);

    const { hook } = await h.command('list', { channelId: 'CPRIV' });
    const reply = await h.fake.waitForHook(hook);
    expect(textsOf(reply.body).join('\n')).toContain('/invite @newsbrief');
  });

  it.each([
    ['channel_not_found', 'pause'],
    ['is_archived', 'pause'],
    ['account_inactive', 'remove'],
    ['token_revoked', 'remove'],
  ] as const)('%s → the subscription is %sd with the reason', async (error, action) => {
    const sub = await subscribed(`C_${error}`);
    h.fake.script('chat.postMessage', { body: { ok: false, error } });
    const outcome = await runDelivery(digestOf(sub, [story(1)]), deliveryDeps());
    expect(outcome).toMatchObject({ kind: 'permanent', action });
    const after = await h.subscriptions.subscriptions.get(sub.id);
    if (action === 'remove') expect(after).toBeNull();
    else expect(after?.paused?.by).toBe('system');
  });

  it('a 500 is transient: the job is retried, the subscription untouched', async () => {
    const sub = await subscribed('C500');
    h.fake.script('chat.postMessage', { status: 500, body: { ok: false } });
    const outcome = await runDelivery(digestOf(sub, [story(1)]), deliveryDeps());
    expect(outcome.kind).toBe('retry');
    if (outcome.kind === 'retry') expect(outcome.error.failure).toEqual({ kind: 'transient' });
    expect((await h.subscriptions.subscriptions.get(sub.id))?.paused).toBeNull();
  });

  it('a re-run after a failure mid-digest posts only the parts not yet sent', async () => {
    const sub = await subscribed('CRESUME');
    const digest = digestOf(
      sub,
      Array.from({ length: 30 }, (_, i) => story(i, 'long')),
    );
    h.fake.script('chat.postMessage', {}, { status: 503, body: { ok: false } });
    const first = await runDelivery(digest, deliveryDeps());
    expect(first.kind).toBe('retry');
    expect(h.fake.messages).toHaveLength(1);
    const second = await runDelivery(digest, deliveryDeps());
    expect(second).toMatchObject({ kind: 'delivered', resumed: true });
    const parts = h.fake.messages.map(
      (m) => (m.metadata as { event_payload: { part: number } }).event_payload.part,
    );
    expect(parts).toEqual([...parts.keys()]);
    expect(parts.length).toBeGreaterThan(2);
  });

  it('a resumed delivery finds a part that reached Slack but was not recorded, and does not repost it', async () => {
    const sub = await subscribed('CCRASH');
    const digest = digestOf(
      sub,
      Array.from({ length: 30 }, (_, i) => story(i, 'long')),
    );
    const publisher = h.adapter.publisher();
    const recorded: number[] = [];
    // The worker dies right after Slack confirmed part 0, before recording it.
    const crashing: PublishContext = {
      idempotencyKey: 'deliver.slack.T1.CCRASH.2026-01-14',
      sentParts: new Set(),
      resumed: false,
      recordPart: async () => {
        throw new Error('worker died');
      },
    };
    await expect(publisher.publish(digest, crashing)).rejects.toThrow('worker died');
    expect(h.fake.messages).toHaveLength(1);
    const resumed: PublishContext = {
      ...crashing,
      resumed: true,
      recordPart: async (i) => {
        recorded.push(i);
      },
    };
    await publisher.publish(digest, resumed);
    expect(h.fake.callsOf('conversations.history')).toHaveLength(1);
    const parts = h.fake.messages.map(
      (m) => (m.metadata as { event_payload: { part: number } }).event_payload.part,
    );
    expect(parts).toEqual([...parts.keys()]);
    expect(recorded).toEqual([...parts.keys()]);
  });

  it('a workspace without a token is a permanent failure that removes the subscription', async () => {
    const other = await startSlack({
      fake: h.fake,
      env: {
        SLACK_BOT_TOKEN: undefined,
        SLACK_CLIENT_ID: 'cid',
        SLACK_CLIENT_SECRET: 'csecret',
        SLACK_STATE_SECRET: 'ssecret',
      },
    });
    try {
      const sub = subscription('CGONE');
      await expect(
        other.adapter.publisher().publish(digestOf(sub, [story(1)]), {
          idempotencyKey: 'k',
          sentParts: new Set(),
          resumed: false,
          recordPart: async () => {},
        }),
      ).rejects.toSatisfy((e) => e instanceof PublishError && e.failure.kind === 'permanent');
    } finally {
      await other.close();
    }
  });
});
