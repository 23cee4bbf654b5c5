import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/commands/index.js';
import type { UseCaseContext } from '../../../src/subscriptions/context.js';
import { type CommandResult, handleCommand, handleText } from '../../../src/subscriptions/handle-command.js';
import { subscriptionId } from '../../../src/subscriptions/model.js';
import { article, engineWith, memoryPorts, SLACK_CHANNEL } from '../digest/fixtures.js';

const NOW = new Date('2026-01-13T12:00:00Z');
const ID = subscriptionId(SLACK_CHANNEL);

function setup() {
  const deps = memoryPorts();
  const engine = engineWith([
    article("South Korea's central bank holds interest rates steady", '2026-01-13T02:00:00Z'),
    article('North Korea fires ballistic missile into the sea', '2026-01-13T03:00:00Z', {
      outlet: 'Reuters',
    }),
    article("Japan's parliament passes record budget", '2026-01-13T04:00:00Z', { outlet: 'NHK' }),
  ]);
  const ctx: UseCaseContext = {
    channel: SLACK_CHANNEL,
    userId: 'U1',
    now: NOW,
    defaultTimeZone: 'Asia/Seoul',
  };
  const run = (command: Command) => handleCommand(command, ctx, deps, { engine, briefingLimit: 1 });
  return { deps, engine, ctx, run };
}

function kindOf(result: CommandResult): string {
  return result.ok ? result.value.kind : `error:${result.error.code}`;
}

describe('handleCommand', () => {
  it('briefs a topic at the context clock, with the page size given', async () => {
    const { run } = setup();
    const result = await run({ kind: 'brief', topic: 'korea' });
    if (!result.ok || result.value.kind !== 'briefing') throw new Error(kindOf(result));
    expect(result.value.briefing.generatedAt).toBe(NOW.toISOString());
    expect(result.value.briefing.topic).toBe('korea');
    expect(result.value.briefing.stories).toHaveLength(1);
    expect(result.value.briefing.totalStories).toBe(2);
  });

  it('gives help, overall or on one command', async () => {
    const { run } = setup();
    const one = await run({ kind: 'help', command: 'subscribe' });
    expect(one.ok && one.value.kind === 'help' && one.value.help.title).toMatch(/^\/news subscribe/);
    const all = await run({ kind: 'help' });
    expect(all.ok && all.value.kind === 'help' && all.value.help.title).toMatch(/^newsbrief/);
  });

  it('warns when a newly followed tag matches no article, naming the topic it surely meant', async () => {
    const { deps, run } = setup();
    const result = await run({ kind: 'subscribe', tags: ['korea', 'jpaan', 'xylophone'] });
    if (!result.ok || result.value.kind !== 'subscribed') throw new Error(kindOf(result));
    // The tags are followed as given: the warning leaves the choice to the user.
    expect((await deps.subscriptions.get(ID))?.tags).toEqual(['korea', 'jpaan', 'xylophone']);
    expect(result.value.message).toContain(
      'No article mentions "jpaan" yet; did you mean "japan"? To follow it instead: /news unsubscribe jpaan, then /news subscribe japan.',
    );
    expect(result.value.message).toContain(
      'No article mentions "xylophone" yet: its digest stays empty until one does.',
    );
    expect(result.value.message).not.toContain('"korea"');
    // A tag followed already is not warned about again.
    const again = await run({ kind: 'subscribe', tags: ['jpaan'] });
    expect(again.ok && again.value.kind === 'subscribed' && again.value.message).not.toContain('No article');
  });

  it('dispatches the subscription commands to their use cases', async () => {
    const { deps, run } = setup();
    expect(kindOf(await run({ kind: 'list' }))).toBe('list');
    expect(kindOf(await run({ kind: 'pause' }))).toBe('error:not-subscribed');

    const sub = await run({ kind: 'subscribe', tags: ['korea', 'japan'], time: '07:00', days: 'weekdays' });
    expect(kindOf(sub)).toBe('subscribed');
    // The context's zone applies to a new subscription that names none.
    expect(await deps.subscriptions.get(ID)).toMatchObject({
      time: '07:00',
      timeZone: 'Asia/Seoul',
      days: 'weekdays',
    });

    expect(kindOf(await run({ kind: 'unsubscribe', tags: ['japan'] }))).toBe('unsubscribed');
    expect((await deps.subscriptions.get(ID))?.tags).toEqual(['korea']);

    const listed = await run({ kind: 'list' });
    expect(listed.ok && listed.value.kind === 'list' && listed.value.subscription?.tags).toEqual(['korea']);

    expect(kindOf(await run({ kind: 'pause' }))).toBe('paused');
    expect((await deps.subscriptions.get(ID))?.paused?.by).toBe('user');
    expect(kindOf(await run({ kind: 'resume' }))).toBe('resumed');
    expect((await deps.subscriptions.get(ID))?.paused).toBeNull();

    const previewed = await run({ kind: 'preview' });
    expect(
      previewed.ok && previewed.value.kind === 'preview' && previewed.value.digest?.briefing.stories.length,
    ).toBe(2);

    expect(kindOf(await run({ kind: 'unsubscribe', tags: 'all' }))).toBe('unsubscribed');
    expect(await deps.subscriptions.get(ID)).toBeNull();
  });

  it('handleText parses first and reports parse errors as invalid-command', async () => {
    const { deps, engine, ctx } = setup();
    const bad = await handleText('subscribe korea at 8 Asia/Seol', ctx, deps, { engine });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'invalid-command', suggestions: ['Asia/Seoul'] });
    const good = await handleText('subscribe korea at 8 Asia/Tokyo', ctx, deps, { engine });
    expect(kindOf(good)).toBe('subscribed');
    expect(await deps.subscriptions.get(ID)).toMatchObject({ time: '08:00', timeZone: 'Asia/Tokyo' });
  });
});
