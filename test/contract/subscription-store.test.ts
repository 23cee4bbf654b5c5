import { describe, expect, it } from 'vitest';
import { backends, subscription } from './backends.js';

describe.each(backends)('SubscriptionStore contract ($name)', (backend) => {
  const ctx = backend.setup();

  it('stores a subscription and gives it back unchanged', async () => {
    const { subscriptions } = ctx.make();
    const sub = subscription(
      { channelId: 'C:odd/id' },
      { paused: { reason: 'channel archived', at: '2026-01-12T10:00:00.000Z', by: 'system' } },
    );
    expect(await subscriptions.put(sub)).toEqual({ ok: true });
    expect(await subscriptions.get(sub.id)).toEqual(sub);
    expect(await subscriptions.get('slack.T1.nope')).toBeNull();
  });

  it('replaces a subscription with the same id', async () => {
    const { subscriptions } = ctx.make();
    const sub = subscription();
    await subscriptions.put(sub);
    const changed = { ...sub, tags: ['japan'], time: '18:00', updatedAt: '2026-01-11T00:00:00.000Z' };
    expect(await subscriptions.put(changed)).toEqual({ ok: true });
    expect(await subscriptions.get(sub.id)).toEqual(changed);
    expect(await subscriptions.listByTeam('slack', 'T1')).toEqual([changed]);
    expect(await subscriptions.listAll()).toEqual([changed]);
  });

  it('deletes a subscription from get and from both lists', async () => {
    const { subscriptions } = ctx.make();
    const a = subscription({ channelId: 'CA' });
    const b = subscription({ channelId: 'CB' });
    await subscriptions.put(a);
    await subscriptions.put(b);
    expect(await subscriptions.delete(a.id)).toBe(true);
    expect(await subscriptions.delete(a.id)).toBe(false);
    expect(await subscriptions.get(a.id)).toBeNull();
    expect(await subscriptions.listByTeam('slack', 'T1')).toEqual([b]);
    expect(await subscriptions.listAll()).toEqual([b]);
  });

  it('lists a team by platform and team id, sorted by id', async () => {
    const { subscriptions } = ctx.make();
    const slackT1 = ['C3', 'C1', 'C2'].map((c) => subscription({ channelId: c }));
    const slackT2 = subscription({ teamId: 'T2', channelId: 'C1' });
    const discordT1 = subscription({ platform: 'discord', teamId: 'T1', channelId: 'C1' });
    for (const s of [...slackT1, slackT2, discordT1]) await subscriptions.put(s);

    expect((await subscriptions.listByTeam('slack', 'T1')).map((s) => s.channel.channelId)).toEqual([
      'C1',
      'C2',
      'C3',
    ]);
    expect(await subscriptions.listByTeam('slack', 'T2')).toEqual([slackT2]);
    expect(await subscriptions.listByTeam('discord', 'T1')).toEqual([discordT1]);
    expect(await subscriptions.listByTeam('discord', 'T9')).toEqual([]);
    const all = await subscriptions.listAll();
    expect(all.map((s) => s.id)).toEqual([...slackT1, slackT2, discordT1].map((s) => s.id).sort());
  });

  it('refuses a new subscription when the team is at its cap, and only then', async () => {
    const { subscriptions } = ctx.make();
    const cap = { maxPerTeam: 2 };
    expect(await subscriptions.put(subscription({ channelId: 'C1' }), cap)).toEqual({ ok: true });
    expect(await subscriptions.put(subscription({ channelId: 'C2' }), cap)).toEqual({ ok: true });
    const third = subscription({ channelId: 'C3' });
    expect(await subscriptions.put(third, cap)).toEqual({ ok: false, reason: 'team-cap' });
    expect(await subscriptions.get(third.id)).toBeNull();
    expect(await subscriptions.listByTeam('slack', 'T1')).toHaveLength(2);

    // Other teams (and the same team id on the other platform) have their own cap.
    expect(await subscriptions.put(subscription({ teamId: 'T2', channelId: 'C3' }), cap)).toEqual({
      ok: true,
    });
    expect(await subscriptions.put(subscription({ platform: 'discord', channelId: 'C3' }), cap)).toEqual({
      ok: true,
    });
    // Without a cap a put always succeeds.
    expect(await subscriptions.put(third)).toEqual({ ok: true });
  });

  it('replaces an existing subscription even when its team is at the cap', async () => {
    const { subscriptions } = ctx.make();
    const first = subscription({ channelId: 'C1' });
    await subscriptions.put(first, { maxPerTeam: 1 });
    const changed = { ...first, tags: ['chips'] };
    expect(await subscriptions.put(changed, { maxPerTeam: 1 })).toEqual({ ok: true });
    expect(await subscriptions.get(first.id)).toEqual(changed);
  });

  it('frees a place under the cap when a subscription is deleted', async () => {
    const { subscriptions } = ctx.make();
    const first = subscription({ channelId: 'C1' });
    await subscriptions.put(first, { maxPerTeam: 1 });
    expect(await subscriptions.put(subscription({ channelId: 'C2' }), { maxPerTeam: 1 })).toEqual({
      ok: false,
      reason: 'team-cap',
    });
    await subscriptions.delete(first.id);
    expect(await subscriptions.put(subscription({ channelId: 'C2' }), { maxPerTeam: 1 })).toEqual({
      ok: true,
    });
  });

  it('lets exactly one of 10 concurrent subscribes through when the team has one place left', async () => {
    const processes = await ctx.makeShared(10);
    const cap = { maxPerTeam: 5 };
    const first = processes[0]!.subscriptions;
    for (let i = 0; i < 4; i++) await first.put(subscription({ channelId: `EXISTING${i}` }), cap);

    const results = await Promise.all(
      processes.map((p, i) => p.subscriptions.put(subscription({ channelId: `NEW${i}` }), cap)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(9);
    expect(await first.listByTeam('slack', 'T1')).toHaveLength(5);
    expect(await first.listAll()).toHaveLength(5);
  });
});
