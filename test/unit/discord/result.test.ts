import { describe, expect, it } from 'vitest';
import { discordExample, resultReply } from '../../../adapters/discord/render/result.js';
import { failure } from '../../../src/subscriptions/result.js';

describe('discordExample', () => {
  it.each([
    ['/news korea', '/news topic:korea'],
    ['/news "north korea" missiles', '/news topic:north korea missiles'],
    [
      '/news subscribe korea japan at 08:00 Asia/Seoul',
      '/digest subscribe tags:korea, japan time:08:00 timezone:Asia/Seoul',
    ],
    [
      '/news subscribe "south korea" at 8am Seoul weekdays',
      '/digest subscribe tags:south korea time:08:00 timezone:Asia/Seoul days:weekdays',
    ],
    ['/news unsubscribe all', '/digest unsubscribe tags:all'],
    ['/news list', '/digest list'],
    ['/news help subscribe', '/digest help command:subscribe'],
  ])('%s → %s', (example, expected) => {
    expect(discordExample(example)).toBe(expected);
  });
});

describe('resultReply', () => {
  it('shows errors only to the asker, in Discord’s command names', () => {
    const reply = resultReply(
      failure('not-subscribed', 'Nothing here. Start one with /news subscribe <tags>.'),
    );
    expect(reply).toEqual({
      ephemeral: true,
      body: { content: 'Nothing here. Start one with /digest subscribe <tags>.', embeds: [], components: [] },
    });
  });
});
