import { describe, expect, it } from 'vitest';
import {
  followedTagChoices,
  tagListChoices,
  timeChoices,
  timeZoneChoices,
  topicChoices,
} from '../../../adapters/discord/autocomplete.js';
import { topicCommand } from '../../../adapters/discord/briefing.js';
import { parseTagList } from '../../../adapters/discord/commands/digest/tag-list.js';

describe('topicCommand', () => {
  it('accepts a topic, and a topic that starts with a subcommand word', () => {
    expect(topicCommand('  north   korea ')).toEqual({
      ok: true,
      command: { kind: 'brief', topic: 'north korea' },
    });
    expect(topicCommand('list of sanctions')).toEqual({
      ok: true,
      command: { kind: 'brief', topic: 'list of sanctions' },
    });
    expect(topicCommand('help')).toEqual({ ok: true, command: { kind: 'brief', topic: 'help' } });
  });
  it('returns the core’s errors', () => {
    for (const [text, code] of [
      ['@everyone', 'markup'],
      ['<@123>', 'markup'],
      ['???', 'invalid-topic'],
      ['a\u202eb', 'control-characters'],
      ['x'.repeat(201), 'too-long'],
      ['subscribe <@1>', 'markup'],
    ] as const) {
      const result = topicCommand(text);
      expect(result.ok ? 'ok' : result.error.code, text).toBe(code);
    }
  });
});

describe('parseTagList', () => {
  it('reads commas, or spaces with quoted phrases', () => {
    expect(parseTagList('subscribe', 'South Korea, #japan , U.S.')).toEqual({
      ok: true,
      tags: ['south korea', 'japan', 'us'],
    });
    expect(parseTagList('subscribe', '"south korea" japan')).toEqual({
      ok: true,
      tags: ['south korea', 'japan'],
    });
    expect(parseTagList('unsubscribe', 'All')).toEqual({ ok: true, tags: 'all' });
    expect(parseTagList('unsubscribe', 'korea, all')).toEqual({ ok: true, tags: ['korea', 'all'] });
  });
  it('gives the core’s errors', () => {
    const bad = (text: string) => {
      const r = parseTagList('subscribe', text);
      return r.ok ? '' : r.message;
    };
    expect(bad('<@123>')).toMatch(/^Mentions of people/);
    expect(bad('at&t')).toMatch(/The tag “at&t” has characters/);
    expect(bad(', ,')).toMatch(/^Tell me which tags to follow/);
    expect(bad('a,b,c,d,e,f,g,h,i,j,k')).toMatch(/You gave 11 tags/);
  });
});

const engine = {
  suggestTags: (input: string, limit = 25) =>
    ['korea', 'korean', 'japan', 'japanese', 'missiles']
      .filter((w) => w.startsWith(input.trim()))
      .slice(0, limit),
};

describe('autocomplete', () => {
  it('completes the last word of a topic', () => {
    expect(topicChoices(engine, 'north kor').map((c) => c.value)).toEqual([
      'north kor',
      'north korea',
      'north korean',
    ]);
    expect(topicChoices(engine, '').map((c) => c.value)).toEqual([
      'korea',
      'korean',
      'japan',
      'japanese',
      'missiles',
    ]);
  });
  it('completes the last tag of a list, without repeating tags', () => {
    expect(tagListChoices(engine, 'korea, jap').map((c) => c.value)).toEqual([
      'korea, jap',
      'korea, japan',
      'korea, japanese',
    ]);
    expect(tagListChoices(engine, 'korea, ').map((c) => c.value)).not.toContain('korea, korea');
  });
  it('offers the channel’s tags and all', () => {
    expect(followedTagChoices(['korea', 'japan'], 'ja').map((c) => c.value)).toEqual(['japan']);
    expect(followedTagChoices(['korea'], '').map((c) => c.value)).toEqual(['all', 'korea']);
  });
  it('offers time zones and times', () => {
    expect(timeZoneChoices('seoul', 'UTC')[0]).toEqual({ name: 'Asia/Seoul', value: 'Asia/Seoul' });
    expect(timeZoneChoices('', 'Europe/Paris')[0]!.value).toBe('Europe/Paris');
    expect(timeZoneChoices('new york', 'UTC').map((c) => c.value)).toContain('America/New_York');
    expect(timeChoices('8', '08:00').map((c) => c.value)).toEqual(['8', '08:00']);
    for (const list of [timeZoneChoices('a', 'UTC'), topicChoices(engine, 'k')]) {
      expect(list.length).toBeLessThanOrEqual(25);
      for (const c of list) expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});
