/**
 * /news on a real discord.js Client against the fake Discord: the deadline, the embeds and their
 * limits, autocomplete, paging, posting, and that nothing an article says can ping anyone.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withinLimits } from '../../../adapters/discord/render/message.js';
import { buttonPress, chatInput, type InteractionPayload } from '../../fakes/discord-api.js';
import { type Harness, NOW, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** How many stories the core has on a topic: what the pages and the More button must add up to. */
function total(topic: string): number {
  return h.context.engine().brief(topic, { now: NOW, limit: 5 }).totalStories;
}

function news(topic: string, overrides = {}): InteractionPayload {
  return chatInput('news', [{ name: 'topic', type: 3, value: topic }], h.where(overrides));
}

interface Button {
  custom_id: string;
  label: string;
}
function buttons(message: Record<string, unknown>): Button[] {
  const rows = (message.components ?? []) as Array<{ components: Button[] }>;
  return rows.flatMap((r) => r.components);
}
function button(message: Record<string, unknown>, label: RegExp): Button {
  const found = buttons(message).find((b) => label.test(b.label));
  if (!found) throw new Error(`no button ${label} in ${JSON.stringify(buttons(message))}`);
  return found;
}
type Embed = {
  title?: string;
  url?: string;
  description?: string;
  timestamp?: string;
  footer?: { text: string };
};
function embeds(message: Record<string, unknown>): Embed[] {
  return (message.embeds ?? []) as Embed[];
}

describe('/news topic:korea', () => {
  it('defers well under 3 s, then edits in one embed per story within every limit', async () => {
    const payload = news('korea');
    const sent = performance.now();
    const callback = await h.send(payload);
    expect(callback.at - sent).toBeLessThan(1000);
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });

    const message = await h.final(payload);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const all = total('korea');
    expect(all).toBeGreaterThan(5);
    expect(message.content).toMatch(new RegExp(`^\\*\\*Briefing: korea\\*\\* · stories 1–5 of ${all}`));
    const list = embeds(message);
    expect(list).toHaveLength(5);
    expect(withinLimits({ content: String(message.content), embeds: list as never })).toBe(true);
    expect(list[0]!.title).toMatch(/^1\. /);
    for (const embed of list) {
      if (embed.url !== undefined) expect(embed.url).toMatch(/^https?:\/\//);
      expect(embed.description ?? '').not.toBe('');
      expect(Boolean(embed.timestamp) || Boolean(embed.footer?.text)).toBe(true);
    }
    expect(buttons(message).map((b) => b.label)).toEqual([
      `More (${all - 5} left)`,
      'Post to channel',
      'Subscribe this channel',
    ]);
    for (const b of buttons(message)) expect(b.custom_id.length).toBeLessThanOrEqual(100);
    await vi.waitFor(() =>
      expect(h.context.metrics.commands).toContainEqual({
        platform: 'discord',
        command: 'brief',
        outcome: 'ok',
      }),
    );
    expect(h.context.metrics.briefings.length).toBeGreaterThan(0);
  });

  it('"More" pages through the next stories in place, then stops', async () => {
    const payload = news('korea');
    const first = await h.run(payload);
    const more = button(first, /^More/);
    const ephemeral = { id: '1000000000000000001', flags: 64 };

    const press = buttonPress(more.custom_id, ephemeral, h.where());
    const callback = await h.send(press);
    expect(callback.body).toEqual({ type: 6 });
    const second = await h.final(press);
    const all = total('korea');
    expect(second.content).toContain(`stories 6–${Math.min(10, all)} of ${all}`);
    expect(embeds(second)[0]!.title).toMatch(/^6\. /);
    const titles = [...embeds(first), ...embeds(second)].map((e) => e.title);
    // Keep pressing More until it is gone: every story is shown once, in order.
    let page = second;
    while (buttons(page).some((b) => /^More/.test(b.label))) {
      const next = buttonPress(button(page, /^More/).custom_id, ephemeral, h.where());
      h.fake.interaction(next);
      page = await h.final(next);
      titles.push(...embeds(page).map((e) => e.title));
    }
    expect(page.content).toMatch(new RegExp(`stories \\d+–${all} of ${all}`));
    expect(titles).toHaveLength(all);
    expect(new Set(titles).size).toBe(all);
  });

  it('"More" on a message posted to the channel answers the clicker privately', async () => {
    const payload = news('korea');
    h.fake.interaction(payload);
    const first = await h.final(payload);
    const press = buttonPress(
      button(first, /^More/).custom_id,
      { id: '1000000000000000002', flags: 0 },
      h.where(),
    );
    const callback = await h.send(press);
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    const all = total('korea');
    expect((await h.final(press)).content).toContain(`stories 6–${Math.min(10, all)} of ${all}`);
  });

  it('"Post to channel" posts the same page for everyone, without the Post button', async () => {
    const payload = news('korea');
    h.fake.interaction(payload);
    const first = await h.final(payload);
    const press = buttonPress(
      button(first, /^Post/).custom_id,
      { id: '1000000000000000003', flags: 64 },
      h.where(),
    );
    const callback = await h.send(press);
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const posted = await h.final(press);
    expect(embeds(posted).map((e) => e.title)).toEqual(embeds(first).map((e) => e.title));
    expect(buttons(posted).map((b) => b.label)).toEqual([
      `More (${total('korea') - 5} left)`,
      'Subscribe this channel',
    ]);
    expect(posted.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers autocomplete with known tags', async () => {
    const payload = chatInput(
      'news',
      [{ name: 'topic', type: 3, value: 'kor', focused: true }],
      h.where(),
      4,
    );
    const callback = await h.send(payload);
    const body = callback.body as { type: number; data: { choices: Array<{ name: string; value: string }> } };
    expect(body.type).toBe(8);
    expect(body.data.choices.map((c) => c.value)).toContain('korea');
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('suggests close topics when nothing matches', async () => {
    const payload = news('koreaa');
    h.fake.interaction(payload);
    const message = await h.final(payload);
    expect(message.content).toMatch(/No stories match “koreaa”/);
    expect(buttons(message).map((b) => b.label)).toContain('korea');
  });

  it('says which word of the topic no article mentions, and briefs on the others', async () => {
    const payload = news('koreaa japan');
    h.fake.interaction(payload);
    const message = await h.final(payload);
    expect(message.content).toContain('No article mentions “koreaa”; these stories match the other words.');
    expect(message.content).toContain('Known topics close to it: korea');
    expect(embeds(message).length).toBeGreaterThan(0);
  });

  it('briefs on the topic a typo surely meant, and says so', async () => {
    const payload = news('jpaan');
    h.fake.interaction(payload);
    const message = await h.final(payload);
    expect(message.content).toContain('No article mentions “jpaan”; showing stories on “japan” instead.');
    expect(embeds(message).length).toBeGreaterThan(0);
  });

  it('reads a topic that is a subcommand word as a topic', async () => {
    const payload = news('list');
    const callback = await h.send(payload);
    expect((callback.body as { type: number }).type).toBe(5);
  });
});

describe('/news bad input', () => {
  it.each([
    ['<@123>', /Mentions of people, channels or groups can't be used here/],
    ['???', /A topic needs at least one word with letters or digits/],
    ['visit https://example.com', /Links can't be used here/],
  ])('%s → an ephemeral message with the core’s error', async (topic, message) => {
    const payload = news(topic);
    const callback = await h.send(payload);
    const body = callback.body as {
      type: number;
      data: { flags: number; content: string; allowed_mentions: unknown };
    };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(message);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    await vi.waitFor(() =>
      expect(h.context.metrics.commands).toContainEqual({
        platform: 'discord',
        command: 'brief',
        outcome: 'bad_input',
      }),
    );
  });
});

describe('articles that try to ping', () => {
  it('never ping: every outgoing body says allowed_mentions parse [] and no mention survives', async () => {
    h.fake.reset();
    const payload = news('zebrafish');
    h.fake.interaction(payload);
    const message = await h.final(payload);
    const page = embeds(message);
    expect(page.length).toBeGreaterThan(0);
    const post = buttonPress(
      button(message, /^Post/).custom_id,
      { id: '1000000000000000004', flags: 64 },
      h.where(),
    );
    h.fake.interaction(post);
    await h.final(post);

    const withMessage = h.fake.requests.filter((r) => {
      const b = r.body as Record<string, unknown> | null;
      const data = (b?.data ?? b) as Record<string, unknown> | null;
      return data !== null && typeof data === 'object' && ('content' in data || 'embeds' in data);
    });
    expect(withMessage.length).toBeGreaterThanOrEqual(2);
    for (const request of withMessage) {
      const b = request.body as Record<string, unknown>;
      const data = (b.data ?? b) as Record<string, unknown>;
      expect(data.allowed_mentions, `${request.method} ${request.path}`).toEqual({ parse: [] });
      const text = JSON.stringify(data);
      expect(text).not.toMatch(/@(everyone|here)/);
      expect(text).not.toMatch(/<@[!&]?\d+>|<#\d+>/);
      // The masked link is shown as text, not as a link hiding its target.
      expect(text).not.toMatch(/[^\\]\[(this link|official results)\]\(/);
    }
    const all = JSON.stringify(page);
    expect(all).toContain('Zebrafish');
    expect(all).toContain('\\\\[');
  });
});

describe('DISCORD_RESPONSE=in_channel', () => {
  it('answers /news in the channel, without "Post to channel"; errors stay private', async () => {
    const channel = await startHarness({ env: { DISCORD_RESPONSE: 'in_channel' } });
    try {
      const payload = chatInput('news', [{ name: 'topic', type: 3, value: 'korea' }], channel.where());
      const callback = await channel.send(payload);
      expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
      const message = await channel.final(payload);
      expect(buttons(message).map((b) => b.label)).toEqual([
        `More (${total('korea') - 5} left)`,
        'Subscribe this channel',
      ]);
      const bad = chatInput('news', [{ name: 'topic', type: 3, value: '???' }], channel.where());
      expect(((await channel.send(bad)).body as { data: { flags: number } }).data.flags).toBe(64);
    } finally {
      await channel.close();
    }
  });
});
