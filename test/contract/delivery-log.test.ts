import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';

const SUB = 'slack.T1.C1';
const OTHER = 'discord.G1.C9';
/** Recent times, inside the Redis log's default 30-day retention. */
const started = new Date(Date.now() - 60_000);
const finished = new Date(Date.now() - 30_000);
const content = { storyIds: ['s1', 's2'], articleIds: ['a1', 'a2', 'a3'] };

describe.each(backends)('DeliveryLog contract ($name)', (backend) => {
  const ctx = backend.setup();

  it('knows nothing about a digest that never started', async () => {
    const { deliveries } = ctx.make();
    expect(await deliveries.get(SUB, '2026-01-14')).toBeNull();
    expect(await deliveries.deliveredArticleIds(SUB)).toEqual(new Set());
    expect(await deliveries.lastDeliveredAt(SUB)).toBeNull();
  });

  it('creates a sending record on the first begin', async () => {
    const { deliveries } = ctx.make();
    const record = await deliveries.begin(SUB, '2026-01-14', content, started);
    const expected = {
      subscriptionId: SUB,
      localDate: '2026-01-14',
      status: 'sending',
      sentParts: [],
      storyIds: ['s1', 's2'],
      articleIds: ['a1', 'a2', 'a3'],
      startedAt: started.toISOString(),
      completedAt: null,
      attempts: 1,
    };
    expect(record).toEqual(expected);
    expect(await deliveries.get(SUB, '2026-01-14')).toEqual(expected);
  });

  it('counts a re-run and keeps the content and parts of the first attempt', async () => {
    const { deliveries } = ctx.make();
    await deliveries.begin(SUB, '2026-01-14', content, started);
    await deliveries.markPartSent(SUB, '2026-01-14', 0);
    const again = await deliveries.begin(SUB, '2026-01-14', { storyIds: ['x'], articleIds: ['y'] }, finished);
    expect(again.attempts).toBe(2);
    expect(again.storyIds).toEqual(['s1', 's2']);
    expect(again.articleIds).toEqual(['a1', 'a2', 'a3']);
    expect(again.startedAt).toBe(started.toISOString());
    expect(again.sentParts).toEqual([0]);
    expect(await deliveries.get(SUB, '2026-01-14')).toEqual(again);
  });

  it('counts every one of several concurrent begins', async () => {
    const processes = await ctx.makeShared(5);
    const records = await Promise.all(
      processes.map((p) => p.deliveries.begin(SUB, '2026-01-14', content, started)),
    );
    expect(records.map((r) => r.attempts).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await processes[0]!.deliveries.get(SUB, '2026-01-14'))?.attempts).toBe(5);
  });

  it('records sent parts once each, in order', async () => {
    const { deliveries } = ctx.make();
    await deliveries.begin(SUB, '2026-01-14', content, started);
    await deliveries.markPartSent(SUB, '2026-01-14', 2);
    await deliveries.markPartSent(SUB, '2026-01-14', 0);
    await deliveries.markPartSent(SUB, '2026-01-14', 2);
    expect((await deliveries.get(SUB, '2026-01-14'))?.sentParts).toEqual([0, 2]);
    // Parts are per digest.
    await deliveries.begin(SUB, '2026-01-15', content, started);
    expect((await deliveries.get(SUB, '2026-01-15'))?.sentParts).toEqual([]);
  });

  it('does not create a record when a part is marked without begin', async () => {
    const { deliveries } = ctx.make();
    await deliveries.markPartSent(SUB, '2026-01-14', 0);
    expect(await deliveries.get(SUB, '2026-01-14')).toBeNull();
  });

  it('completes a digest: sent, its articles delivered, the last-delivered time set', async () => {
    const { deliveries } = ctx.make();
    await deliveries.begin(SUB, '2026-01-14', content, started);
    await deliveries.complete(SUB, '2026-01-14', finished);
    const record = await deliveries.get(SUB, '2026-01-14');
    expect(record?.status).toBe('sent');
    expect(record?.completedAt).toBe(finished.toISOString());
    expect(await deliveries.deliveredArticleIds(SUB)).toEqual(new Set(['a1', 'a2', 'a3']));
    expect((await deliveries.lastDeliveredAt(SUB))?.toISOString()).toBe(finished.toISOString());
    // Other subscriptions have their own history.
    expect(await deliveries.deliveredArticleIds(OTHER)).toEqual(new Set());
    expect(await deliveries.lastDeliveredAt(OTHER)).toBeNull();
  });

  it('accumulates delivered articles over digests and moves the last-delivered time', async () => {
    const { deliveries } = ctx.make();
    await deliveries.begin(SUB, '2026-01-13', content, started);
    await deliveries.complete(SUB, '2026-01-13', started);
    await deliveries.begin(SUB, '2026-01-14', { storyIds: ['s3'], articleIds: ['a3', 'a4'] }, started);
    // Not delivered until complete.
    expect(await deliveries.deliveredArticleIds(SUB)).toEqual(new Set(['a1', 'a2', 'a3']));
    await deliveries.complete(SUB, '2026-01-14', finished);
    expect(await deliveries.deliveredArticleIds(SUB)).toEqual(new Set(['a1', 'a2', 'a3', 'a4']));
    expect((await deliveries.lastDeliveredAt(SUB))?.toISOString()).toBe(finished.toISOString());
  });

  it('ignores complete for a digest that never began', async () => {
    const { deliveries } = ctx.make();
    await deliveries.complete(SUB, '2026-01-14', finished);
    expect(await deliveries.get(SUB, '2026-01-14')).toBeNull();
    expect(await deliveries.lastDeliveredAt(SUB)).toBeNull();
  });

  it('forgets all of one subscription and nothing of another', async () => {
    const { deliveries } = ctx.make();
    for (const sub of [SUB, OTHER]) {
      for (const day of ['2026-01-13', '2026-01-14']) {
        await deliveries.begin(sub, day, content, started);
        await deliveries.complete(sub, day, finished);
      }
    }
    await deliveries.begin(SUB, '2026-01-15', content, started);
    await deliveries.forget(SUB);
    for (const day of ['2026-01-13', '2026-01-14', '2026-01-15'])
      expect(await deliveries.get(SUB, day)).toBeNull();
    expect(await deliveries.deliveredArticleIds(SUB)).toEqual(new Set());
    expect(await deliveries.lastDeliveredAt(SUB)).toBeNull();

    expect((await deliveries.get(OTHER, '2026-01-14'))?.status).toBe('sent');
    expect(await deliveries.deliveredArticleIds(OTHER)).toEqual(new Set(['a1', 'a2', 'a3']));
    expect(await deliveries.lastDeliveredAt(OTHER)).not.toBeNull();

    // A forgotten subscription starts again from scratch.
    expect((await deliveries.begin(SUB, '2026-01-14', content, started)).attempts).toBe(1);
  });
});
