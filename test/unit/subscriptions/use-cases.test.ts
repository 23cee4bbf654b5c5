import { describe, expect, it } from 'vitest';
import { runDigest } from '../../../src/digest/run-digest.js';
import type { UseCaseContext } from '../../../src/subscriptions/context.js';
import { type Subscription, subscriptionId } from '../../../src/subscriptions/model.js';
import { pauseBySystem, removeTeam, syncSchedules } from '../../../src/subscriptions/system.js';
import {
  list,
  pause,
  preview,
  resume,
  subscribe,
  unsubscribe,
} from '../../../src/subscriptions/use-cases.js';
import {
  article,
  DISCORD_CHANNEL,
  engineWith,
  memoryPorts,
  SLACK_CHANNEL,
  subscription,
} from '../digest/fixtures.js';

// 21:00 in Seoul on Tuesday 13 January 2026.
const NOW = new Date('2026-01-13T12:00:00Z');
const ID = subscriptionId(SLACK_CHANNEL);

function ctx(overrides: Partial<UseCaseContext> = {}): UseCaseContext {
  return { channel: SLACK_CHANNEL, userId: 'U1', now: NOW, ...overrides };
}

function setup() {
  return memoryPorts();
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error.message}`);
  return result.value;
}

describe('subscribe', () => {
  it('creates the channel subscription, its trigger and says when the first digest comes', async () => {
    const deps = setup();
    const result = value(
      await subscribe({ tags: ['korea', 'japan'], time: '08:00', timeZone: 'Asia/Seoul' }, ctx(), deps),
    );
    expect(result).toMatchObject({
      kind: 'subscribed',
      created: true,
      addedTags: ['korea', 'japan'],
      alreadyTags: [],
    });
    expect(await deps.subscriptions.get(ID)).toEqual({
      id: ID,
      channel: SLACK_CHANNEL,
      tags: ['korea', 'japan'],
      time: '08:00',
      timeZone: 'Asia/Seoul',
      days: 'daily',
      maxStories: 5,
      createdBy: 'U1',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      paused: null,
    });
    expect(deps.scheduler.schedules.get(ID)).toEqual({ pattern: '0 8 * * *', timeZone: 'Asia/Seoul' });
    expect(result.nextDelivery?.at).toEqual(new Date('2026-01-13T23:00:00Z'));
    expect(result.message).toBe(
      'Subscribed this channel to korea and japan: a digest of up to 5 stories daily at 08:00 (Asia/Seoul). ' +
        'Next digest: Wednesday 14 January 2026 at 08:00 (Asia/Seoul).',
    );
  });

  it("uses the defaults, the user's own zone first", async () => {
    const deps = setup();
    value(await subscribe({ tags: ['korea'] }, ctx(), deps));
    expect(await deps.subscriptions.get(ID)).toMatchObject({ time: '08:00', timeZone: 'UTC', days: 'daily' });

    const other = { ...SLACK_CHANNEL, channelId: 'C2' };
    value(
      await subscribe(
        { tags: ['korea'] },
        ctx({ channel: other, defaultTimeZone: 'America/New_York' }),
        deps,
      ),
    );
    expect((await deps.subscriptions.get(subscriptionId(other)))?.timeZone).toBe('America/New_York');

    const third = { ...SLACK_CHANNEL, channelId: 'C3' };
    const withOptions = {
      ...deps,
      options: { defaultTime: '07:30', defaultTimeZone: 'Europe/London', defaultMaxStories: 3 },
    };
    value(
      await subscribe(
        { tags: ['korea'] },
        ctx({ channel: third, defaultTimeZone: 'Not/AZone' }),
        withOptions,
      ),
    );
    expect(await deps.subscriptions.get(subscriptionId(third))).toMatchObject({
      time: '07:30',
      timeZone: 'Europe/London',
      maxStories: 3,
    });
  });

  it('adds new tags to the subscription and names the ones it already had', async () => {
    const deps = setup();
    value(await subscribe({ tags: ['korea', 'japan'], time: '08:00', timeZone: 'Asia/Seoul' }, ctx(), deps));
    const later = new Date(NOW.getTime() + 60_000);
    const result = value(await subscribe({ tags: ['japan', 'china'] }, ctx({ now: later }), deps));
    expect(result).toMatchObject({
      created: false,
      addedTags: ['china'],
      alreadyTags: ['japan'],
      changed: {},
    });
    expect(await deps.subscriptions.get(ID)).toMatchObject({
      tags: ['korea', 'japan', 'china'],
      time: '08:00',
      timeZone: 'Asia/Seoul',
      updatedAt: later.toISOString(),
    });
    expect(result.message).toContain('Added china. This channel already follows japan.');
  });

  it('is idempotent', async () => {
    const deps = setup();
    const input = { tags: ['korea'], time: '08:00', timeZone: 'Asia/Seoul' };
    value(await subscribe(input, ctx(), deps));
    const before = await deps.subscriptions.get(ID);
    deps.scheduler.schedules.clear(); // a lost trigger is repaired by a repeat
    const again = value(await subscribe(input, ctx({ now: new Date(NOW.getTime() + 60_000) }), deps));
    expect(again).toMatchObject({ created: false, addedTags: [], alreadyTags: ['korea'], changed: {} });
    expect(await deps.subscriptions.get(ID)).toEqual(before);
    expect(deps.scheduler.schedules.get(ID)).toEqual({ pattern: '0 8 * * *', timeZone: 'Asia/Seoul' });
    expect(again.message).toMatch(/^This channel already follows korea\. Next digest: /);
  });

  it('changes the time, zone or days given and keeps the others', async () => {
    const deps = setup();
    value(await subscribe({ tags: ['korea'], time: '08:00', timeZone: 'Asia/Seoul' }, ctx(), deps));
    const result = value(await subscribe({ tags: ['korea'], time: '09:30', days: 'weekdays' }, ctx(), deps));
    expect(result.changed).toEqual({
      time: { from: '08:00', to: '09:30' },
      days: { from: 'daily', to: 'weekdays' },
    });
    expect(await deps.subscriptions.get(ID)).toMatchObject({
      time: '09:30',
      timeZone: 'Asia/Seoul',
      days: 'weekdays',
    });
    expect(deps.scheduler.schedules.get(ID)).toEqual({ pattern: '30 9 * * 1-5', timeZone: 'Asia/Seoul' });
    expect(result.message).toContain(
      'Digests now arrive on weekdays at 09:30 (Asia/Seoul) instead of daily at 08:00 (Asia/Seoul).',
    );
    const zone = value(await subscribe({ tags: ['korea'], timeZone: 'tokyo' }, ctx(), deps));
    expect(zone.changed).toEqual({ timeZone: { from: 'Asia/Seoul', to: 'Asia/Tokyo' } });
  });

  it('refuses an 11th tag, saying how many it has and can add', async () => {
    const deps = setup();
    const eight = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'];
    value(await subscribe({ tags: eight }, ctx(), deps));
    const result = await subscribe({ tags: ['a1', 'b1', 'b2', 'b3'] }, ctx(), deps);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('too-many-tags');
    expect(!result.ok && result.error.message).toContain('already follows 8 tags');
    expect(!result.ok && result.error.message).toContain('you can add 2 more, not 3 (b1, b2 and b3)');
    expect((await deps.subscriptions.get(ID))?.tags).toEqual(eight);

    value(await subscribe({ tags: ['b1', 'b2'] }, ctx(), deps));
    const full = await subscribe({ tags: ['c1'] }, ctx(), deps);
    expect(!full.ok && full.error.message).toMatch(
      /already follows 10 tags .*the most a subscription can have/,
    );
    const created = await subscribe(
      { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) },
      ctx({ channel: { ...SLACK_CHANNEL, channelId: 'C9' } }),
      deps,
    );
    expect(!created.ok && created.error.code).toBe('too-many-tags');
  });

  it('refuses a new channel beyond the team cap of 25, but not changes to an existing one', async () => {
    const deps = setup();
    for (let i = 0; i < 25; i++) {
      await deps.subscriptions.put(
        subscription({ channel: { ...SLACK_CHANNEL, channelId: `X${i}` }, id: `slack.T1.X${i}` }),
      );
    }
    const result = await subscribe({ tags: ['korea'] }, ctx(), deps);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('team-cap');
    expect(!result.ok && result.error.message).toMatch(
      /^This workspace already has 25 digest subscriptions, the limit for one workspace\./,
    );
    expect(await deps.subscriptions.get(ID)).toBeNull();
    expect(deps.scheduler.schedules.has(ID)).toBe(false);
    // Another team is not affected; an existing channel can still add tags.
    value(await subscribe({ tags: ['korea'] }, ctx({ channel: { ...SLACK_CHANNEL, teamId: 'T2' } }), deps));
    value(
      await subscribe({ tags: ['japan'] }, ctx({ channel: { ...SLACK_CHANNEL, channelId: 'X0' } }), deps),
    );
  });

  it('says "server" on Discord, and honours a lower cap', async () => {
    const deps = { ...setup(), options: { maxPerTeam: 1 } };
    value(await subscribe({ tags: ['korea'] }, ctx({ channel: DISCORD_CHANNEL }), deps));
    const result = await subscribe(
      { tags: ['korea'] },
      ctx({ channel: { ...DISCORD_CHANNEL, channelId: '333' } }),
      deps,
    );
    expect(!result.ok && result.error.message).toMatch(
      /^This server already has 1 digest subscription, the limit for one server\./,
    );
  });

  it('refuses an invalid time zone, time or tag', async () => {
    const deps = setup();
    const zone = await subscribe({ tags: ['korea'], timeZone: 'Asia/Seol' }, ctx(), deps);
    expect(!zone.ok && zone.error).toMatchObject({ code: 'invalid-time-zone', suggestions: ['Asia/Seoul'] });
    const time = await subscribe({ tags: ['korea'], time: '25:00' }, ctx(), deps);
    expect(!time.ok && time.error.code).toBe('invalid-time');
    const tag = await subscribe({ tags: ['at&t'] }, ctx(), deps);
    expect(!tag.ok && tag.error.code).toBe('invalid-tag');
    const none = await subscribe({ tags: [] }, ctx(), deps);
    expect(!none.ok && none.error.code).toBe('no-tags');
    expect(await deps.subscriptions.listAll()).toEqual([]);
  });
});

describe('unsubscribe', () => {
  async function subscribed() {
    const deps = setup();
    value(await subscribe({ tags: ['korea', 'japan', 'china'], timeZone: 'Asia/Seoul' }, ctx(), deps));
    return deps;
  }

  it('stops following some tags and keeps the rest', async () => {
    const deps = await subscribed();
    const result = value(await unsubscribe(['japan', 'Taiwan'], ctx(), deps));
    expect(result).toMatchObject({
      kind: 'unsubscribed',
      removedTags: ['japan'],
      notFollowed: ['taiwan'],
      remainingTags: ['korea', 'china'],
      deleted: false,
    });
    expect((await deps.subscriptions.get(ID))?.tags).toEqual(['korea', 'china']);
    expect(deps.scheduler.schedules.has(ID)).toBe(true);
    expect(result.message).toContain("Stopped following japan. This channel didn't follow taiwan");
  });

  it('says which tags were not followed when none was', async () => {
    const deps = await subscribed();
    const result = await unsubscribe(['taiwan', 'india'], ctx(), deps);
    expect(!result.ok && result.error).toEqual({
      code: 'not-following',
      message:
        "This channel doesn't follow taiwan or india; it follows korea, japan and china. " +
        'Use /news unsubscribe all to stop every digest here.',
    });
    expect((await deps.subscriptions.get(ID))?.tags).toEqual(['korea', 'japan', 'china']);
  });

  it('deletes the subscription, trigger and history with all, or when no tag is left', async () => {
    const deps = await subscribed();
    await deps.deliveries.begin(ID, '2026-01-13', { storyIds: [], articleIds: ['a1'] }, NOW);
    await deps.deliveries.complete(ID, '2026-01-13', NOW);
    const result = value(await unsubscribe('all', ctx(), deps));
    expect(result).toMatchObject({
      deleted: true,
      removedTags: ['korea', 'japan', 'china'],
      subscription: null,
    });
    expect(await deps.subscriptions.get(ID)).toBeNull();
    expect(deps.scheduler.schedules.has(ID)).toBe(false);
    expect(await deps.deliveries.deliveredArticleIds(ID)).toEqual(new Set());
    expect(await deps.deliveries.lastDeliveredAt(ID)).toBeNull();

    const again = await subscribed();
    const last = value(await unsubscribe(['korea', 'japan', 'china'], ctx(), again));
    expect(last.deleted).toBe(true);
    expect(await again.subscriptions.get(ID)).toBeNull();
  });

  it('says so when the channel has no subscription', async () => {
    const result = await unsubscribe('all', ctx(), setup());
    expect(!result.ok && result.error.code).toBe('not-subscribed');
  });
});

describe('list', () => {
  it("shows the channel's subscription and the team's other subscribed channels", async () => {
    const deps = setup();
    value(await subscribe({ tags: ['korea'], time: '08:00', timeZone: 'Asia/Seoul' }, ctx(), deps));
    value(
      await subscribe({ tags: ['japan'] }, ctx({ channel: { ...SLACK_CHANNEL, channelId: 'C7' } }), deps),
    );
    value(
      await subscribe({ tags: ['japan'] }, ctx({ channel: { ...SLACK_CHANNEL, channelId: 'C3' } }), deps),
    );
    value(await subscribe({ tags: ['japan'] }, ctx({ channel: { ...SLACK_CHANNEL, teamId: 'T2' } }), deps));
    const result = value(await list(ctx(), deps));
    expect(result.subscription).toMatchObject({
      tags: ['korea'],
      time: '08:00',
      timeZone: 'Asia/Seoul',
      days: 'daily',
    });
    expect(result.otherChannelIds).toEqual(['C3', 'C7']);
    expect(result.nextDelivery?.at).toEqual(new Date('2026-01-13T23:00:00Z'));
    expect(result.message).toBe(
      'This channel follows korea: up to 5 stories daily at 08:00 (Asia/Seoul). ' +
        'Next digest: Wednesday 14 January 2026 at 08:00 (Asia/Seoul). 2 other channels in this workspace have digests.',
    );
  });

  it('shows a pause and its reason, and works without a subscription', async () => {
    const deps = setup();
    const empty = value(await list(ctx(), deps));
    expect(empty).toMatchObject({ subscription: null, nextDelivery: null, otherChannelIds: [] });
    value(await subscribe({ tags: ['korea'] }, ctx(), deps));
    await pauseBySystem(ID, 'the bot was removed from this channel', NOW, deps);
    const paused = value(await list(ctx(), deps));
    expect(paused.nextDelivery).toBeNull();
    expect(paused.subscription?.paused).toMatchObject({
      by: 'system',
      reason: 'the bot was removed from this channel',
    });
    expect(paused.message).toContain('newsbrief stopped them: the bot was removed from this channel');
  });
});

describe('pause and resume', () => {
  it('pauses (removing the trigger) and resumes (restoring it)', async () => {
    const deps = setup();
    value(await subscribe({ tags: ['korea'], timeZone: 'Asia/Seoul' }, ctx(), deps));
    const paused = value(await pause(ctx(), deps));
    expect(paused).toMatchObject({ kind: 'paused', changed: true });
    expect(paused.subscription.paused).toEqual({
      reason: 'paused with /news pause',
      at: NOW.toISOString(),
      by: 'user',
    });
    expect(deps.scheduler.schedules.has(ID)).toBe(false);
    expect((await deps.subscriptions.get(ID))?.paused?.by).toBe('user');

    const again = value(await pause(ctx(), deps));
    expect(again.changed).toBe(false);
    expect(again.message).toBe(
      'Digests in this channel are already paused (paused with /news pause); /news resume starts them again.',
    );

    const resumed = value(await resume(ctx(), deps));
    expect(resumed).toMatchObject({ kind: 'resumed', changed: true, wasPaused: { by: 'user' } });
    expect(resumed.nextDelivery?.at).toEqual(new Date('2026-01-13T23:00:00Z'));
    expect((await deps.subscriptions.get(ID))?.paused).toBeNull();
    expect(deps.scheduler.schedules.get(ID)).toEqual({ pattern: '0 8 * * *', timeZone: 'Asia/Seoul' });
  });

  it('resume clears a system pause and says why delivery had stopped', async () => {
    const deps = setup();
    value(await subscribe({ tags: ['korea'] }, ctx(), deps));
    await pauseBySystem(ID, 'The bot has no access to this channel.', NOW, deps);
    expect(deps.scheduler.schedules.has(ID)).toBe(false);
    const resumed = value(await resume(ctx(), deps));
    expect(resumed.wasPaused).toMatchObject({
      by: 'system',
      reason: 'The bot has no access to this channel.',
    });
    expect(resumed.message).toContain('They had stopped because the bot has no access to this channel;');
    expect(deps.scheduler.schedules.has(ID)).toBe(true);
  });

  it('resume of an active subscription changes nothing but repairs the trigger', async () => {
    const deps = setup();
    value(await subscribe({ tags: ['korea'] }, ctx(), deps));
    deps.scheduler.schedules.clear();
    const result = value(await resume(ctx(), deps));
    expect(result).toMatchObject({ changed: false, wasPaused: null });
    expect(deps.scheduler.schedules.has(ID)).toBe(true);
  });

  it('need a subscription', async () => {
    const deps = setup();
    const p = await pause(ctx(), deps);
    const r = await resume(ctx(), deps);
    expect(!p.ok && p.error.code).toBe('not-subscribed');
    expect(!r.ok && r.error.code).toBe('not-subscribed');
  });
});

describe('preview', () => {
  it('builds the digest the job would build, without recording it', async () => {
    const rates = article("South Korea's central bank holds interest rates steady", '2026-01-13T02:00:00Z');
    const missile = article('North Korea fires ballistic missile into the sea', '2026-01-13T03:00:00Z', {
      outlet: 'Reuters',
    });
    const engine = engineWith([rates, missile]);
    const deps = setup();
    value(await subscribe({ tags: ['korea'], timeZone: 'Asia/Seoul' }, ctx(), deps));
    // Yesterday's digest (12 January in Seoul) held the missile story.
    await deps.deliveries.begin(ID, '2026-01-12', { storyIds: [], articleIds: [missile.id] }, NOW);
    await deps.deliveries.complete(ID, '2026-01-12', new Date('2026-01-11T23:00:00Z'));

    const result = value(await preview(ctx(), deps, { engine }));
    expect(result.digest?.briefing.stories.flatMap((s) => s.articleIds)).toEqual([rates.id]);
    expect(result.message).toMatch(/^Preview of this channel's next digest: 1 story on korea\./);

    const job = await runDigest({ subscriptionId: ID, firedAt: NOW }, { ...deps, engine });
    expect(job.kind === 'deliver' && job.digest).toEqual(result.digest);

    expect(result.digest?.localDate).toBe('2026-01-13');
    expect(await deps.deliveries.get(ID, '2026-01-13')).toBeNull();
    expect(await deps.deliveries.lastDeliveredAt(ID)).toEqual(new Date('2026-01-11T23:00:00Z'));
    expect(await deps.deliveries.deliveredArticleIds(ID)).toEqual(new Set([missile.id]));
  });

  it('says when there is nothing new', async () => {
    const deps = setup();
    value(await subscribe({ tags: ['volcano'] }, ctx(), deps));
    const result = value(await preview(ctx(), deps, { engine: engineWith([]) }));
    expect(result.digest).toBeNull();
    expect(result.message).toContain('No new stories on volcano since the last digest.');
  });
});

describe('system changes', () => {
  it('removeTeam removes every subscription of the team with triggers and history', async () => {
    const deps = setup();
    const team: Subscription[] = [
      subscription({ channel: DISCORD_CHANNEL, id: subscriptionId(DISCORD_CHANNEL) }),
      subscription({ channel: { ...DISCORD_CHANNEL, channelId: '333' }, id: 'discord.111.333' }),
    ];
    const other = subscription({ channel: { ...DISCORD_CHANNEL, teamId: '999' }, id: 'discord.999.222' });
    for (const s of [...team, other]) {
      await deps.subscriptions.put(s);
      await deps.scheduler.upsert(s);
      await deps.deliveries.begin(s.id, '2026-01-13', { storyIds: [], articleIds: ['a'] }, NOW);
      await deps.deliveries.complete(s.id, '2026-01-13', NOW);
    }
    expect(await removeTeam('discord', '111', deps)).toEqual(['discord.111.222', 'discord.111.333']);
    expect((await deps.subscriptions.listAll()).map((s) => s.id)).toEqual([other.id]);
    expect([...deps.scheduler.schedules.keys()]).toEqual([other.id]);
    expect(await deps.deliveries.lastDeliveredAt('discord.111.222')).toBeNull();
    expect(await deps.deliveries.lastDeliveredAt(other.id)).toEqual(NOW);
  });

  it('pauseBySystem on a missing subscription is a no-op, and syncSchedules restores triggers', async () => {
    const deps = setup();
    expect(await pauseBySystem('slack.T1.nope', 'gone', NOW, deps)).toBeNull();
    await deps.subscriptions.put(subscription());
    await deps.subscriptions.put(
      subscription({
        channel: { ...SLACK_CHANNEL, channelId: 'C2' },
        id: 'slack.T1.C2',
        paused: { reason: 'x', at: NOW.toISOString(), by: 'user' },
      }),
    );
    expect(await syncSchedules(deps)).toBe(2);
    expect([...deps.scheduler.schedules.keys()]).toEqual([ID]);
  });
});
