/**
 * `/news subscribe|unsubscribe|list|pause|resume|preview|help`: each answered ephemerally through
 * the response_url, with the core's own message; and each one's bad-input path, answered with the
 * parser's or the use case's specific text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeText } from '../../../adapters/slack/render/mrkdwn.js';
import { parseCommand } from '../../../src/commands/index.js';
import { type SlackHarness, startSlack, textsOf } from './harness.js';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlack();
});
afterAll(async () => {
  await h.close();
});

/** Runs `/news <text>` in a channel and returns the first reply and all replies' text. */
async function run(text: string, channelId = 'C1') {
  const { status, hook } = await h.command(text, { channelId });
  expect(status).toBe(200);
  const post = await h.fake.waitForHook(hook);
  await new Promise((r) => setTimeout(r, 30));
  const all = h.fake.hooksOf(hook);
  return {
    body: post.body,
    /** Every text of every reply, decoded. */
    json: all.flatMap((p) => textsOf(p.body)).join('\n'),
    replies: all.map((p) => p.body),
    outcome: h.commands[h.commands.length - 1],
  };
}

/** The parser's message for a text that doesn't parse, as Slack shows it (escaped). */
function parseError(text: string): string {
  const parsed = parseCommand(text);
  if (parsed.ok) throw new Error(`"${text}" parses`);
  return escapeText(parsed.error.message);
}

describe('subscribe', () => {
  it('subscribes the channel and says when the next digest comes', async () => {
    const r = await run('subscribe korea japan at 08:00 Asia/Seoul weekdays', 'CSUB');
    expect(r.body.response_type).toBe('ephemeral');
    expect(r.json).toContain(
      'Subscribed this channel to korea and japan: a digest of up to 5 stories on weekdays at 08:00 (Asia/Seoul).',
    );
    expect(r.json).toContain('Next digest:');
    expect(r.outcome).toEqual({ command: 'subscribe', outcome: 'ok' });
    const sub = await h.subscriptions.subscriptions.get('slack.T1.CSUB');
    expect(sub).toMatchObject({
      tags: ['korea', 'japan'],
      time: '08:00',
      timeZone: 'Asia/Seoul',
      days: 'weekdays',
    });
    expect(h.subscriptions.scheduler.schedules.get('slack.T1.CSUB')).toEqual({
      pattern: '0 8 * * 1-5',
      timeZone: 'Asia/Seoul',
    });
  });

  it('follows a tag no article mentions, and names the topic it surely meant', async () => {
    const r = await run('subscribe jpaan', 'CTYPO');
    expect(r.outcome).toEqual({ command: 'subscribe', outcome: 'ok' });
    expect(r.json).toContain('No article mentions "jpaan" yet; did you mean "japan"?');
    expect((await h.subscriptions.subscriptions.get('slack.T1.CTYPO'))?.tags).toEqual(['jpaan']);
  });

  it("uses the Slack user's time zone when none is given", async () => {
    h.fake.userTimeZones.set('U1', 'Europe/Paris');
    await run('subscribe semiconductors', 'CTZ');
    expect((await h.subscriptions.subscriptions.get('slack.T1.CTZ'))?.timeZone).toBe('Europe/Paris');
    h.fake.userTimeZones.clear();
  });

  it("refuses a bad time with the parser's message", async () => {
    const r = await run('subscribe korea at 25:00', 'CBAD');
    expect(r.json).toContain(parseError('subscribe korea at 25:00'));
    expect(r.body.response_type).toBe('ephemeral');
    expect(r.outcome).toEqual({ command: 'subscribe', outcome: 'bad_input' });
    expect(await h.subscriptions.subscriptions.get('slack.T1.CBAD')).toBeNull();
  });

  it('refuses an unknown time zone and offers close matches', async () => {
    const r = await run('subscribe korea at 08:00 Asia/Seol', 'CBAD');
    expect(r.json).toContain(parseError('subscribe korea at 08:00 Asia/Seol'));
    expect(r.json).toContain('Did you mean');
    expect(r.json).toContain('Asia/Seoul');
  });

  it('refuses markup in tags', async () => {
    const r = await run('subscribe <!channel>', 'CBAD');
    expect(r.json).toContain(parseError('subscribe <!channel>'));
    expect(r.json).not.toContain('<!channel>');
  });
});

describe('unsubscribe', () => {
  it('stops following a tag', async () => {
    await run('subscribe korea japan', 'CUNSUB');
    const r = await run('unsubscribe japan', 'CUNSUB');
    expect(r.json).toContain('Stopped following japan.');
    expect(r.json).toContain('This channel still follows korea.');
    expect(r.outcome).toEqual({ command: 'unsubscribe', outcome: 'ok' });
    const all = await run('unsubscribe all', 'CUNSUB');
    expect(all.json).toContain('Unsubscribed: this channel no longer gets digests');
    expect(await h.subscriptions.subscriptions.get('slack.T1.CUNSUB')).toBeNull();
  });

  it('refuses "unsubscribe" with nothing after it', async () => {
    const r = await run('unsubscribe', 'CUNSUB');
    expect(r.json).toContain(parseError('unsubscribe'));
    expect(r.outcome).toEqual({ command: 'unsubscribe', outcome: 'bad_input' });
  });

  it('says when the channel has nothing to unsubscribe from', async () => {
    const r = await run('unsubscribe korea', 'CNONE');
    expect(r.json).toContain('This channel has no digest subscription, so there is nothing to stop.');
    expect(r.outcome).toEqual({ command: 'unsubscribe', outcome: 'bad_input' });
  });
});

describe('list', () => {
  it("shows the channel's subscription and mentions the other subscribed channels", async () => {
    await run('subscribe climate', 'CLIST');
    await run('subscribe energy', 'CLIST2');
    const r = await run('list', 'CLIST');
    expect(r.json).toContain('This channel follows climate: up to 5 stories daily at 08:00');
    expect(r.json).toContain('Other channels with digests:');
    expect(r.json).toContain('<#CLIST2>');
    expect(r.outcome).toEqual({ command: 'list', outcome: 'ok' });
  });

  it('refuses words after list', async () => {
    const r = await run('list everything', 'CLIST');
    expect(r.json).toContain(parseError('list everything'));
    expect(r.outcome).toEqual({ command: 'list', outcome: 'bad_input' });
  });
});

describe('pause and resume', () => {
  it('pauses and resumes the digests', async () => {
    await run('subscribe korea', 'CPAUSE');
    const paused = await run('pause', 'CPAUSE');
    expect(paused.json).toContain('Paused the digests in this channel (korea).');
    expect(h.subscriptions.scheduler.schedules.has('slack.T1.CPAUSE')).toBe(false);
    const resumed = await run('resume', 'CPAUSE');
    expect(resumed.json).toContain('Resumed the digests in this channel.');
    expect(h.subscriptions.scheduler.schedules.has('slack.T1.CPAUSE')).toBe(true);
    expect(resumed.outcome).toEqual({ command: 'resume', outcome: 'ok' });
  });

  it('refuses words after pause or resume', async () => {
    expect((await run('pause now', 'CPAUSE')).json).toContain(parseError('pause now'));
    expect((await run('resume please', 'CPAUSE')).json).toContain(parseError('resume please'));
  });

  it('says when there is nothing to pause', async () => {
    const r = await run('pause', 'CNOTHING');
    expect(r.json).toContain('This channel has no digest subscription yet.');
    expect(r.outcome).toEqual({ command: 'pause', outcome: 'bad_input' });
  });
});

describe('preview', () => {
  it('shows the digest the channel would get now', async () => {
    await run('subscribe korea', 'CPREVIEW');
    const r = await run('preview', 'CPREVIEW');
    expect(r.json).toContain("Preview of this channel's next digest:");
    expect(r.replies.length).toBeGreaterThanOrEqual(2);
    const digest = r.replies[1] as { blocks: Array<{ type: string; text?: { text: string } }> };
    expect(digest.blocks[0]?.type).toBe('header');
    expect(digest.blocks[0]?.text?.text).toContain('News digest · korea · 14 Jan 2026');
    expect(r.outcome).toEqual({ command: 'preview', outcome: 'ok' });
  });

  it('refuses words after preview, and a channel without a subscription', async () => {
    expect((await run('preview tomorrow', 'CPREVIEW')).json).toContain(parseError('preview tomorrow'));
    const none = await run('preview', 'CNOSUB');
    expect(none.json).toContain('This channel has no digest subscription yet.');
  });
});

describe('help', () => {
  it('shows every command with examples', async () => {
    const r = await run('help');
    expect(r.json).toContain('newsbrief: news briefings and daily digests');
    expect(r.json).toContain('*Examples*');
    expect(r.json).toContain('`/news subscribe korea japan at 08:00 Asia/Seoul`');
    expect(r.body.response_type).toBe('ephemeral');
  });

  it('shows one command', async () => {
    const r = await run('help subscribe');
    expect(r.json).toContain('/news subscribe &lt;tags&gt;');
    expect(r.json).toContain('`/news subscribe "south korea" at 8am Seoul weekdays`');
  });

  it('refuses an unknown help topic', async () => {
    const r = await run('help frobnicate');
    expect(r.json).toContain(parseError('help frobnicate'));
    expect(r.outcome).toEqual({ command: 'help', outcome: 'bad_input' });
  });
});

describe('text as Slack sends it', () => {
  it('reads escaped &, < and > as the user typed them', async () => {
    const amp = await run('AT&amp;T');
    // The header is plain text; mrkdwn escapes the & once.
    expect(amp.json).toContain('AT&T · 14 Jan 2026');
    expect(amp.json).toContain('No stories match “AT&amp;T”.');
    expect(amp.json).not.toContain('&amp;amp;');
    const mention = await run('&lt;!channel&gt;');
    expect(mention.json).toContain(parseError('<!channel>'));
  });
});

describe('a topic that does not parse', () => {
  it("refuses mentions and empty text with the parser's message", async () => {
    const mention = await run('<@U123> news');
    expect(mention.json).toContain(parseError('<@U123> news'));
    expect(mention.json).not.toContain('<@U123>');
    expect(mention.outcome).toEqual({ command: 'brief', outcome: 'bad_input' });
    const empty = await run('');
    expect(empty.json).toContain(parseError(''));
  });
});
