/**
 * /digest subcommands, the "Subscribe this channel" button and form, and GUILD_DELETE, on a real
 * discord.js Client against the fake Discord.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { REMOVED_FROM_SERVER } from '../../../adapters/discord/events/guild-delete.js';
import { subscriptionId } from '../../../src/subscriptions/model.js';
import {
  buttonPress,
  type CommandOption,
  chatInput,
  type InteractionPayload,
  modalSubmit,
  snowflake,
} from '../../fakes/discord-api.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

let channelId: string;
beforeEach(() => {
  channelId = snowflake();
});

function digest(sub: string, options: CommandOption[] = [], overrides = {}): InteractionPayload {
  return chatInput('digest', [{ name: sub, type: 1, options }], h.where({ channelId, ...overrides }));
}
/** The autocomplete interaction of a /digest subcommand (one option focused). */
function complete(sub: string, options: CommandOption[]): InteractionPayload {
  return chatInput('digest', [{ name: sub, type: 1, options }], h.where({ channelId }), 4);
}
const str = (name: string, value: string, focused = false): CommandOption => ({
  name,
  type: 3,
  value,
  ...(focused ? { focused } : {}),
});

interface Data {
  content?: string;
  flags?: number;
  embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }> }>;
  allowed_mentions?: unknown;
}
async function reply(payload: InteractionPayload): Promise<{ type: number; data: Data }> {
  const callback = await h.send(payload);
  const body = callback.body as { type: number; data?: Data };
  if (body.type === 5)
    return { type: 5, data: { ...(await h.final(payload)), flags: body.data?.flags ?? 0 } as Data };
  return { type: body.type, data: body.data ?? {} };
}
const subId = () => subscriptionId({ platform: 'discord', teamId: h.guildId, channelId });

describe('/digest subscribe', () => {
  it('subscribes the channel with typed options, answered in the channel', async () => {
    const r = await reply(
      digest('subscribe', [str('tags', 'korea, south korea'), str('time', '8am'), str('timezone', 'Seoul')]),
    );
    expect(r.type).toBe(4);
    expect(r.data.flags ?? 0).toBe(0);
    expect(r.data.content).toMatch(/^Subscribed this channel to korea and south korea/);
    expect(r.data.content).toContain('daily at 08:00 (Asia/Seoul)');
    expect(r.data.allowed_mentions).toEqual({ parse: [] });
    const sub = await h.context.subscriptions.subscriptions.get(subId());
    expect(sub).toMatchObject({
      tags: ['korea', 'south korea'],
      time: '08:00',
      timeZone: 'Asia/Seoul',
      days: 'daily',
    });
    expect(h.context.subscriptions.scheduler.schedules.get(subId())).toEqual({
      pattern: '0 8 * * *',
      timeZone: 'Asia/Seoul',
    });
    await vi.waitFor(() =>
      expect(h.context.metrics.commands).toContainEqual({
        platform: 'discord',
        command: 'subscribe',
        outcome: 'ok',
      }),
    );
  });

  it.each([
    [
      [str('tags', 'korea'), str('timezone', 'Asia/Seol')],
      /I don't know the time zone “Asia\/Seol”\. Did you mean Asia\/Seoul/,
    ],
    [[str('tags', 'korea'), str('timezone', 'EST')], /“EST” is used by more than one time zone/],
    [[str('tags', 'korea'), str('time', '25:00')], /“25:00” is not a valid time: hours go from 00 to 23/],
    [[str('tags', '<@123>')], /Mentions of people, channels or groups can't be used here/],
    [[str('tags', 'at&t')], /The tag “at&t” has characters a tag can't hold/],
  ])('bad input %# → ephemeral core error, nothing stored', async (options, message) => {
    const r = await reply(digest('subscribe', options));
    expect(r.type).toBe(4);
    expect(r.data.flags).toBe(64);
    expect(r.data.content).toMatch(message);
    expect(await h.context.subscriptions.subscriptions.get(subId())).toBeNull();
  });

  it('warns when newsbrief itself cannot post in the channel', async () => {
    const r = await reply(digest('subscribe', [str('tags', 'korea')], { appPermissions: String(1n << 10n) }));
    expect(r.data.content).toMatch(/can't post digests here yet\. Give it Send Messages, Embed Links/);
  });

  it('autocompletes tags, time zones and times', async () => {
    const tags = await h.send(complete('subscribe', [str('tags', 'japan, kor', true)]));
    const tagChoices = (tags.body as { data: { choices: Array<{ value: string }> } }).data.choices.map(
      (c) => c.value,
    );
    expect(tagChoices).toContain('japan, korea');
    const zones = await h.send(complete('subscribe', [str('tags', 'korea'), str('timezone', 'seo', true)]));
    expect((zones.body as { data: { choices: Array<{ value: string }> } }).data.choices[0]!.value).toBe(
      'Asia/Seoul',
    );
    const times = await h.send(complete('subscribe', [str('tags', 'korea'), str('time', '8', true)]));
    expect(
      (times.body as { data: { choices: Array<{ value: string }> } }).data.choices.map((c) => c.value),
    ).toContain('08:00');
  });
});

describe('/digest list, pause, resume, preview, unsubscribe, help', () => {
  it('walks a subscription through its life', async () => {
    await reply(digest('subscribe', [str('tags', 'korea, japan'), str('timezone', 'UTC')]));

    const list = await reply(digest('list'));
    expect(list.data.flags).toBe(64);
    const embed = list.data.embeds![0]!;
    expect(embed.title).toBe('Digest in this channel');
    expect(embed.fields).toContainEqual({ name: 'Tags', value: 'korea and japan', inline: false });

    const paused = await reply(digest('pause'));
    expect(paused.data.flags ?? 0).toBe(0);
    expect(paused.data.content).toMatch(
      /^Paused the digests in this channel.*\/digest resume starts them again/,
    );
    expect(h.context.subscriptions.scheduler.schedules.has(subId())).toBe(false);

    const resumed = await reply(digest('resume'));
    expect(resumed.data.content).toMatch(/^Resumed the digests in this channel/);
    expect(h.context.subscriptions.scheduler.schedules.has(subId())).toBe(true);

    const preview = await reply(digest('preview'));
    expect(preview.type).toBe(5);
    expect(preview.data.flags).toBe(64);
    expect(preview.data.content).toMatch(
      /^Preview of this channel's next digest: \d+ stor(y|ies) on korea and japan/,
    );
    expect(preview.data.embeds!.length).toBeGreaterThan(0);

    const less = await reply(digest('unsubscribe', [str('tags', 'japan')]));
    expect(less.data.content).toMatch(/^Stopped following japan\. This channel still follows korea\./);

    const none = await reply(digest('unsubscribe', [str('tags', 'sports')]));
    expect(none.data.flags).toBe(64);
    expect(none.data.content).toMatch(/This channel doesn't follow sports; it follows korea/);

    const all = await reply(digest('unsubscribe', [str('tags', 'all')]));
    expect(all.data.content).toMatch(/^Unsubscribed: this channel no longer gets digests/);
    expect(await h.context.subscriptions.subscriptions.get(subId())).toBeNull();

    const again = await reply(digest('pause'));
    expect(again.data.flags).toBe(64);
    expect(again.data.content).toMatch(
      /This channel has no digest subscription yet\. Start one with \/digest subscribe/,
    );
  });

  it('autocompletes unsubscribe with the channel’s tags', async () => {
    await reply(digest('subscribe', [str('tags', 'korea, japan')]));
    const callback = await h.send(complete('unsubscribe', [str('tags', '', true)]));
    const values = (callback.body as { data: { choices: Array<{ value: string }> } }).data.choices.map(
      (c) => c.value,
    );
    expect(values).toEqual(['all', 'korea', 'japan']);
  });

  it('gives help in Discord’s command form', async () => {
    const overview = await reply(digest('help'));
    expect(overview.data.flags).toBe(64);
    expect(overview.data.embeds![0]!.description).toContain('`/digest subscribe tags:<tags>');
    const one = await reply(digest('help', [str('command', 'subscribe')]));
    expect(one.data.embeds![0]!.description).toContain(
      '`/digest subscribe tags:korea, japan time:08:00 timezone:Asia/Seoul`',
    );
  });
});

describe('a slow store', () => {
  it('defers before the 3-second deadline and edits the answer in when it is ready', async () => {
    const store = h.context.subscriptions.subscriptions;
    const get = store.get.bind(store);
    store.get = async (id) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      return get(id);
    };
    try {
      const payload = digest('list');
      const sent = performance.now();
      const callback = await h.send(payload);
      expect(callback.at - sent).toBeLessThan(2_500);
      expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
      const message = (await h.final(payload)) as Data;
      expect(message.embeds![0]!.title).toBe('No digest in this channel');
    } finally {
      store.get = get;
    }
  });
});

describe('"Subscribe this channel"', () => {
  async function briefing(): Promise<string> {
    const payload = chatInput('news', [{ name: 'topic', type: 3, value: 'korea' }], h.where({ channelId }));
    h.fake.interaction(payload);
    const message = await h.final(payload);
    const rows = message.components as Array<{ components: Array<{ label: string; custom_id: string }> }>;
    return rows.flatMap((r) => r.components).find((b) => b.label === 'Subscribe this channel')!.custom_id;
  }

  it('refuses a member without Manage Channels', async () => {
    const customId = await briefing();
    const press = buttonPress(
      customId,
      { id: snowflake(), flags: 64 },
      h.where({ channelId, permissions: '0' }),
    );
    const r = await reply(press);
    expect(r.type).toBe(4);
    expect(r.data.flags).toBe(64);
    expect(r.data.content).toMatch(/needs the Manage Channels permission/);
  });

  it('opens a form with the topic, and the form subscribes the channel', async () => {
    const customId = await briefing();
    const press = buttonPress(customId, { id: snowflake(), flags: 64 }, h.where({ channelId }));
    const callback = await h.send(press);
    const modal = callback.body as { type: number; data: { custom_id: string; components: unknown[] } };
    expect(modal.type).toBe(9);
    expect(JSON.stringify(modal.data.components)).toContain('"value":"korea"');

    const submit = modalSubmit(
      modal.data.custom_id,
      { tags: 'korea', time: '07:30', timezone: 'Asia/Tokyo', days: 'weekdays' },
      h.where({ channelId }),
    );
    const r = await reply(submit);
    expect(r.data.content).toMatch(
      /^Subscribed this channel to korea: a digest of up to 5 stories on weekdays at 07:30 \(Asia\/Tokyo\)/,
    );
    expect(await h.context.subscriptions.subscriptions.get(subId())).toMatchObject({ days: 'weekdays' });
  });
});

describe('GUILD_DELETE', () => {
  it('pauses the removed server’s subscriptions with the reason', async () => {
    const guildId = snowflake();
    const channel = snowflake();
    await reply(
      chatInput(
        'digest',
        [{ name: 'subscribe', type: 1, options: [str('tags', 'korea')] }],
        h.where({ guildId, channelId: channel }),
      ),
    );
    h.fake.dispatch('GUILD_CREATE', guildPayload(guildId));
    // An outage is not a removal.
    h.fake.dispatch('GUILD_DELETE', { id: guildId, unavailable: true });
    h.fake.dispatch('GUILD_CREATE', guildPayload(guildId));
    h.fake.dispatch('GUILD_DELETE', { id: guildId });
    const id = subscriptionId({ platform: 'discord', teamId: guildId, channelId: channel });
    await vi.waitFor(async () => {
      expect((await h.context.subscriptions.subscriptions.get(id))?.paused).toMatchObject({
        by: 'system',
        reason: REMOVED_FROM_SERVER,
      });
    });
    expect(h.context.subscriptions.scheduler.schedules.has(id)).toBe(false);
  });
});

function guildPayload(id: string) {
  return {
    id,
    name: 'Test server',
    icon: null,
    owner_id: snowflake(),
    roles: [],
    emojis: [],
    stickers: [],
    features: [],
    channels: [],
    threads: [],
    members: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    member_count: 2,
    large: false,
    unavailable: false,
    joined_at: '2026-01-01T00:00:00.000Z',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
  };
}
