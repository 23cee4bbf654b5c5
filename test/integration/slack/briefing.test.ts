/**
 * `/news <topic>` end to end: a signed slash command to the real Bolt app (ExpressReceiver mounted
 * on our express server), the briefing on the response_url, the buttons, and request verification.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buttonClickBody } from '../../fakes/slack-api.js';
import {
  engineOf,
  expectNoPings,
  NOW,
  SIGNING_SECRET,
  type SlackHarness,
  startSlack,
  textsOf,
} from './harness.js';

type Block = {
  type: string;
  text?: { text: string; verbatim?: boolean };
  elements?: Array<Record<string, unknown>>;
};

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlack();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.fake.reset();
  h.commands.length = 0;
});

describe('/news korea', () => {
  it('acks with 200 within 3 s, then the briefing arrives on the response_url', async () => {
    const { status, text, ms, hook } = await h.command('korea');
    expect(status).toBe(200);
    expect(text).toBe('');
    expect(ms).toBeLessThan(3000);

    const post = await h.fake.waitForHook(hook);
    const body = post.body as { response_type: string; text: string; blocks: Block[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('korea');

    const [first, ...rest] = body.blocks;
    expect(first?.type).toBe('header');
    expect(first?.text?.text).toBe('korea · 14 Jan 2026 09:00 UTC');

    const sections = rest.filter((b) => b.type === 'section');
    // What the core ranked is what the user sees, in order.
    const expected = h.context.engine().brief('korea', { now: NOW, limit: 5 });
    expect(expected.totalStories).toBeGreaterThan(5);
    expect(sections).toHaveLength(5);
    // Linked title, linked outlets, relative time and summary.
    const lead = expected.stories[0]!;
    const top = sections[0]?.text?.text ?? '';
    expect(top.startsWith(`*<${lead.url}|${lead.title.replace(/&/g, '&amp;')}>*\n`)).toBe(true);
    const [o1, o2] = lead.outlets;
    expect(top).toContain(`<${o1!.url}|${o1!.name}>, <${o2!.url}|${o2!.name}>`);
    expect(top).toMatch(/ · (today|yesterday|\d+ days ago)\n/);
    expect(top).toContain(lead.summary.slice(0, 40));
    expect(sections.every((s) => s.text?.verbatim === true)).toBe(true);
    // A divider between stories (not before the first or after the last).
    expect(rest.filter((b) => b.type === 'divider')).toHaveLength(4);

    const contextBlock = rest.find((b) => b.type === 'context');
    expect(JSON.stringify(contextBlock)).toContain(`Stories 1–5 of ${expected.totalStories}`);

    const buttons = rest.find((b) => b.type === 'actions')?.elements ?? [];
    expect(buttons.map((b) => b.action_id)).toEqual(['news_more', 'news_share', 'news_subscribe']);
    expect(buttons.map((b) => (b.text as { text: string }).text)).toEqual([
      'More',
      'Share in channel',
      'Subscribe this channel to korea',
    ]);
    // Button values carry only the topic, offset and instant: no token, no ids.
    expect(JSON.parse(String(buttons[0]?.value))).toEqual({
      t: 'korea',
      o: 5,
      n: '2026-01-14T09:00:00.000Z',
    });
    expect(String(buttons[2]?.value)).not.toMatch(/xox|token/);

    expect(h.commands).toEqual([{ command: 'brief', outcome: 'ok' }]);
    expect(h.briefingsBuilt.length).toBeGreaterThan(0);
  });

  it('"More" pages through the next stories with the same ranking instant', async () => {
    const { hook } = await h.command('korea');
    const first = await h.fake.waitForHook(hook);
    const more = ((first.body.blocks as Block[]).find((b) => b.type === 'actions')?.elements ?? [])[0];
    const click = await h.post(
      buttonClickBody({
        actionId: 'news_more',
        value: String(more?.value),
        responseUrl: h.fake.responseUrl('more'),
      }),
      'application/x-www-form-urlencoded',
    );
    expect(click.status).toBe(200);
    const page = await h.fake.waitForHook('more');
    expect(page.body.response_type).toBe('ephemeral');
    expect(page.body.replace_original).toBe(false);
    const blocks = page.body.blocks as Block[];
    const total = h.context.engine().brief('korea', { now: NOW, limit: 5 }).totalStories;
    const last = Math.min(10, total);
    expect(blocks.filter((b) => b.type === 'section')).toHaveLength(last - 5);
    expect(JSON.stringify(blocks)).toContain(`Stories 6–${last} of ${total}`);
    // The first page's stories are not repeated.
    const titles = (b: Block[]) =>
      b.filter((x) => x.type === 'section').map((x) => x.text?.text.split('\n')[0]);
    const firstTitles = titles(first.body.blocks as Block[]);
    for (const t of titles(blocks)) expect(firstTitles).not.toContain(t);
    expect(h.commands).toContainEqual({ command: 'brief.more', outcome: 'ok' });
  });

  it('"Share in channel" posts the page in the channel and removes the ephemeral copy', async () => {
    const { hook } = await h.command('korea');
    const first = await h.fake.waitForHook(hook);
    const share = ((first.body.blocks as Block[]).find((b) => b.type === 'actions')?.elements ?? [])[1];
    await h.post(
      buttonClickBody({
        actionId: 'news_share',
        value: String(share?.value),
        responseUrl: h.fake.responseUrl('share'),
      }),
      'application/x-www-form-urlencoded',
    );
    const shared = await h.fake.waitForHook('share', 1);
    expect(shared.body.response_type).toBe('in_channel');
    const blocks = shared.body.blocks as Block[];
    expect(JSON.stringify(blocks)).toContain('Shared by <@U1>');
    // No "Share" button on the shared message.
    const ids = (blocks.find((b) => b.type === 'actions')?.elements ?? []).map((b) => b.action_id);
    expect(ids).toEqual(['news_more', 'news_subscribe']);
    const deleted = await h.fake.waitForHook('share', 2);
    expect(deleted.body).toEqual({ delete_original: true });
  });

  it('"Subscribe this channel to korea" subscribes the channel with the user\'s time zone', async () => {
    const { hook } = await h.command('korea');
    const first = await h.fake.waitForHook(hook);
    const sub = ((first.body.blocks as Block[]).find((b) => b.type === 'actions')?.elements ?? [])[2];
    await h.post(
      buttonClickBody({
        actionId: 'news_subscribe',
        value: String(sub?.value),
        responseUrl: h.fake.responseUrl('sub'),
        channelId: 'CBUTTON',
      }),
      'application/x-www-form-urlencoded',
    );
    const reply = await h.fake.waitForHook('sub');
    expect(JSON.stringify(reply.body)).toContain('Subscribed this channel to korea');
    const saved = await h.subscriptions.subscriptions.get('slack.T1.CBUTTON');
    expect(saved?.tags).toEqual(['korea']);
    expect(saved?.timeZone).toBe('Asia/Seoul');
    expect(h.fake.callsOf('users.info')[0]?.token).toBe('xoxb-test');
  });

  it('a topic with no match says so, with close topics', async () => {
    const { hook } = await h.command('zzqx unknownword');
    const post = await h.fake.waitForHook(hook);
    expect(JSON.stringify(post.body)).toContain('No stories match');
  });

  it('a mistyped topic is briefed as the topic surely meant, which its buttons carry on with', async () => {
    const { hook } = await h.command('jpaan');
    const post = await h.fake.waitForHook(hook);
    const blocks = post.body.blocks as Block[];
    expect(JSON.stringify(blocks)).toContain(
      'No article mentions “jpaan”; showing stories on “japan” instead.',
    );
    expect(blocks.filter((b) => b.type === 'section').length).toBeGreaterThan(0);
    const subscribe = (
      (blocks.find((b) => b.type === 'actions')?.elements ?? []) as Array<{ value?: string }>
    ).find((e) => e.value?.includes('"g"'));
    expect(subscribe?.value).toContain('japan');
  });

  it('answers in the channel without a Share button when SLACK_RESPONSE=in_channel', async () => {
    const other = await startSlack({ env: { SLACK_RESPONSE: 'in_channel' }, fake: h.fake });
    try {
      const { hook } = await other.command('korea');
      const post = await h.fake.waitForHook(hook);
      expect(post.body.response_type).toBe('in_channel');
      const ids = ((post.body.blocks as Block[]).find((b) => b.type === 'actions')?.elements ?? []).map(
        (b) => b.action_id,
      );
      expect(ids).toEqual(['news_more', 'news_subscribe']);
    } finally {
      await other.close();
    }
  });
});

describe('request verification', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses a bad signature with 401 and runs nothing', async () => {
    const body = 'command=%2Fnews&text=korea&team_id=T1&channel_id=C1&user_id=U1&response_url=x';
    const res = await h.post(body, 'application/x-www-form-urlencoded', { signature: 'v0=deadbeef' });
    expect(res.status).toBe(401);
    expect(h.commands).toEqual([]);
  });

  it('refuses a timestamp more than 5 minutes old with 401 (Bolt)', async () => {
    const body = 'command=%2Fnews&text=korea&team_id=T1&channel_id=C1&user_id=U1';
    const res = await h.post(body, 'application/x-www-form-urlencoded', { timestampSec: now() - 10 * 60 });
    expect(res.status).toBe(401);
  });

  it('refuses a correctly signed timestamp more than 5 minutes in the future with 401 (our guard)', async () => {
    const body = 'command=%2Fnews&text=korea&team_id=T1&channel_id=C1&user_id=U1';
    const res = await h.post(body, 'application/x-www-form-urlencoded', { timestampSec: now() + 10 * 60 });
    expect(res.status).toBe(401);
    expect(h.commands).toEqual([]);
  });

  it('accepts a small clock skew into the future', async () => {
    const hook = 'skew';
    const { slashCommandBody } = await import('../../fakes/slack-api.js');
    const body = slashCommandBody({ text: 'korea', responseUrl: h.fake.responseUrl(hook) });
    const res = await h.post(body, 'application/x-www-form-urlencoded', { timestampSec: now() + 60 });
    expect(res.status).toBe(200);
    await h.fake.waitForHook(hook);
  });

  it('refuses a body over the cap with 413 before reading it', async () => {
    const body = `command=%2Fnews&text=${'k'.repeat(300 * 1024)}`;
    const res = await h.post(body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(413);
  });

  it('never logs a token or the signing secret', () => {
    const all = h.logger.lines.join('\n');
    expect(h.logger.lines.length).toBeGreaterThan(0);
    expect(all).not.toContain('xoxb-test');
    expect(all).not.toContain(SIGNING_SECRET);
    expect(all).not.toContain('deprecated-verification-token');
    expect(all).not.toContain('/hooks/');
  });
});

describe('article text in a briefing', () => {
  it('an article whose title holds <!channel> and @here cannot ping anyone', async () => {
    const evil = await startSlack({
      fake: h.fake,
      engine: engineOf([
        {
          title: 'Korea <!channel> @here <@U123> <https://evil.example|click here> & <!everyone>',
          outlet: '<!here> Times',
          url: 'https://news.example/evil?a=1&b=<x>|y',
          body: 'Korea officials met on Tuesday with <!subteam^S123> and @channel to discuss <#C999>. The korea talks went on.',
        },
      ]),
    });
    try {
      const { hook } = await evil.command('korea');
      const post = await h.fake.waitForHook(hook);
      const texts = textsOf(post.body).join('\n');
      expect(texts).toContain('&lt;!channel&gt;');
      expect(texts).toContain('&lt;https://evil.example|click here&gt; &amp; &lt;!everyone&gt;');
      expect(texts).toContain('<https://news.example/evil?a=1&amp;b=%3Cx%3E%7Cy|Korea &lt;!channel&gt;');
      expectNoPings(post.body);
    } finally {
      await evil.close();
    }
  });
});
