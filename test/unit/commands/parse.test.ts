import { describe, expect, it } from 'vitest';
import { type Command, type CommandErrorCode, parseCommand } from '../../../src/commands/index.js';

const sub = (
  tags: string[],
  options: Omit<Extract<Command, { kind: 'subscribe' }>, 'kind' | 'tags'> = {},
) => ({
  kind: 'subscribe' as const,
  tags,
  ...options,
});

const VALID: Array<[string, Command]> = [
  // Briefings: the topic is kept as typed, trimmed, whitespace collapsed.
  ['korea', { kind: 'brief', topic: 'korea' }],
  ['south korea', { kind: 'brief', topic: 'south korea' }],
  ['"north korea" missiles', { kind: 'brief', topic: '"north korea" missiles' }],
  ['  Café   Élysée  ', { kind: 'brief', topic: 'Café Élysée' }],
  ['Korea\tnews\n', { kind: 'brief', topic: 'Korea news' }],
  ['한국 경제', { kind: 'brief', topic: '한국 경제' }],
  ['AT&T earnings', { kind: 'brief', topic: 'AT&T earnings' }],
  ['listening habits', { kind: 'brief', topic: 'listening habits' }],
  ['"list"', { kind: 'brief', topic: '"list"' }],
  ['“subscribe” economy', { kind: 'brief', topic: '“subscribe” economy' }],
  ['a'.repeat(200), { kind: 'brief', topic: 'a'.repeat(200) }],
  ['korea@home', { kind: 'brief', topic: 'korea@home' }],

  // subscribe: tags
  ['subscribe korea', sub(['korea'])],
  ['SUBSCRIBE #Korea KOREA korea', sub(['korea'])],
  ['Subscribe "South Korea" japan', sub(['south korea', 'japan'])],
  ['subscribe “south korea” #South_Korea', sub(['south korea'])],
  ['subscribe Café Élysée', sub(['cafe', 'elysee'])],
  ['subscribe "Café Élysée"', sub(['cafe elysee'])],
  ['subscribe U.S. covid-19 korea’s', sub(['us', 'covid-19', "korea's"])],
  ['subscribe elections in korea', sub(['elections', 'in', 'korea'])],
  ['subscribe korea 8', sub(['korea', '8'])],
  ['subscribe constructor __proto__ toString', sub(['constructor', 'proto', 'tostring'])],
  ['subscribe "daily" mail', sub(['daily', 'mail'])],
  ['subscribe a b c d e f g h i j', sub(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'])],
  ['subscribe a b c d e f g h i j A #b', sub(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'])],

  // subscribe: times
  [
    'subscribe korea japan at 08:00 Asia/Seoul',
    sub(['korea', 'japan'], { time: '08:00', timeZone: 'Asia/Seoul' }),
  ],
  ['subscribe korea at 8:00', sub(['korea'], { time: '08:00' })],
  ['subscribe korea at 8', sub(['korea'], { time: '08:00' })],
  ['subscribe korea at 8am', sub(['korea'], { time: '08:00' })],
  ['subscribe korea at 8:30pm', sub(['korea'], { time: '20:30' })],
  ['subscribe korea at 8:30 P.M.', sub(['korea'], { time: '20:30' })],
  ['subscribe korea at 8 pm', sub(['korea'], { time: '20:00' })],
  ['subscribe korea at 20:15', sub(['korea'], { time: '20:15' })],
  ['subscribe korea at noon', sub(['korea'], { time: '12:00' })],
  ['subscribe korea at Midnight', sub(['korea'], { time: '00:00' })],
  ['subscribe korea at 12am', sub(['korea'], { time: '00:00' })],
  ['subscribe korea at 12pm', sub(['korea'], { time: '12:00' })],
  ['subscribe korea at 0:00', sub(['korea'], { time: '00:00' })],
  ['subscribe korea AT 23:59', sub(['korea'], { time: '23:59' })],
  ['subscribe korea @ 7', sub(['korea'], { time: '07:00' })],
  ['subscribe korea 8am', sub(['korea'], { time: '08:00' })],
  ['subscribe korea 20:15 UTC', sub(['korea'], { time: '20:15', timeZone: 'UTC' })],

  // subscribe: time zones
  ['subscribe korea Asia/Seoul', sub(['korea'], { timeZone: 'Asia/Seoul' })],
  [
    'subscribe korea at 08:00 asia/seoul weekdays',
    sub(['korea'], { time: '08:00', timeZone: 'Asia/Seoul', days: 'weekdays' }),
  ],
  ['subscribe korea at 8 Seoul', sub(['korea'], { time: '08:00', timeZone: 'Asia/Seoul' })],
  ['subscribe korea at 8 new york', sub(['korea'], { time: '08:00', timeZone: 'America/New_York' })],
  ['subscribe korea at 8 Los_Angeles', sub(['korea'], { time: '08:00', timeZone: 'America/Los_Angeles' })],
  [
    'subscribe korea at 8 ho chi minh daily',
    sub(['korea'], { time: '08:00', timeZone: 'Asia/Ho_Chi_Minh', days: 'daily' }),
  ],
  ['subscribe korea at noon in "new york"', sub(['korea'], { time: '12:00', timeZone: 'America/New_York' })],
  ['subscribe korea in seoul', sub(['korea'], { timeZone: 'Asia/Seoul' })],
  ['subscribe korea KST', sub(['korea'], { timeZone: 'Asia/Seoul' })],
  ['subscribe japan at 7 jst', sub(['japan'], { time: '07:00', timeZone: 'Asia/Tokyo' })],
  ['subscribe korea utc', sub(['korea'], { timeZone: 'UTC' })],
  ['subscribe korea UTC+9', sub(['korea'], { timeZone: 'Etc/GMT-9' })],
  ['subscribe korea Etc/GMT+5', sub(['korea'], { timeZone: 'Etc/GMT+5' })],
  ['subscribe india Asia/Calcutta', sub(['india'], { timeZone: 'Asia/Kolkata' })],
  ['subscribe china at 9 beijing', sub(['china'], { time: '09:00', timeZone: 'Asia/Shanghai' })],

  // subscribe: days, options in any order
  ['subscribe korea daily', sub(['korea'], { days: 'daily' })],
  ['subscribe korea WEEKDAYS', sub(['korea'], { days: 'weekdays' })],
  [
    'subscribe korea weekdays Asia/Seoul at 7:45',
    sub(['korea'], { time: '07:45', timeZone: 'Asia/Seoul', days: 'weekdays' }),
  ],

  // unsubscribe
  ['unsubscribe korea', { kind: 'unsubscribe', tags: ['korea'] }],
  ['unsubscribe #Japan "South Korea" japan', { kind: 'unsubscribe', tags: ['japan', 'south korea'] }],
  ['unsubscribe all', { kind: 'unsubscribe', tags: 'all' }],
  ['UNSUBSCRIBE All', { kind: 'unsubscribe', tags: 'all' }],
  ['unsubscribe "all"', { kind: 'unsubscribe', tags: ['all'] }],

  // commands without arguments, help
  ['list', { kind: 'list' }],
  ['LIST', { kind: 'list' }],
  ['  pause ', { kind: 'pause' }],
  ['Resume', { kind: 'resume' }],
  ['preview', { kind: 'preview' }],
  ['help', { kind: 'help' }],
  ['?', { kind: 'help' }],
  ['help subscribe', { kind: 'help', command: 'subscribe' }],
  ['HELP Unsubscribe', { kind: 'help', command: 'unsubscribe' }],
  ['help /list', { kind: 'help', command: 'list' }],
  ['help topic', { kind: 'help', command: 'brief' }],
];

type Bad = [input: string, code: CommandErrorCode, phrase?: string, suggestions?: string[]];

const BAD: Bad[] = [
  ['', 'empty', '/news korea'],
  ['   ', 'blank', 'only spaces'],
  ['\t\n \u00a0', 'blank'],
  ['x'.repeat(10_000), 'too-long', 'at most 200'],
  ['x'.repeat(201), 'too-long', '201 characters'],
  [`subscribe ${'ab '.repeat(200)}`, 'too-long', 'at most 500'],
  ['korea\u0000', 'control-characters', 'control characters'],
  ['korea\u0007news', 'control-characters'],
  ['korea \u202Enews', 'control-characters'],
  ['korea\u200Bnews', 'control-characters'],
  ['subscribe korea\u001b[31m', 'control-characters'],
  ['<!channel>', 'markup', 'Mentions'],
  ['korea <@U123>', 'markup', 'Mentions'],
  ['<#C1|x>', 'markup', 'Mentions'],
  ['<@&123456> korea', 'markup', 'Mentions'],
  ['@everyone', 'markup', 'plain words'],
  ['news @here', 'markup', 'plain words'],
  ['subscribe korea @channel', 'markup'],
  ['<script>', 'markup', 'angle brackets'],
  ['&lt;script&gt;alert(1)', 'markup', 'angle brackets'],
  ['<https://x|y>', 'markup', 'Links'],
  ['korea https://example.com/news', 'markup', 'Links'],
  ['???', 'invalid-topic', 'letters or digits'],
  ['"" ...', 'invalid-topic'],
  ['subscribe', 'no-tags', 'which tags'],
  ['subscribe at 8', 'no-tags'],
  ['subscribe Asia/Seoul', 'no-tags'],
  [
    'subscribe a b c d e f g h i j k',
    'too-many-tags',
    'You gave 11 tags; a subscription can follow at most 10',
  ],
  ['subscribe ...', 'invalid-tag', 'no letters or digits'],
  ['subscribe korea #', 'invalid-tag', 'no letters or digits'],
  ['subscribe at&t', 'invalid-tag', 'at&t'],
  ['subscribe korea/japan', 'invalid-tag', 'separate tags with spaces'],
  [`subscribe ${'a'.repeat(51)}`, 'tag-too-long', 'at most 50'],
  ['subscribe korea at 25:00', 'invalid-time', 'hours go from 00 to 23'],
  ['subscribe korea at 24:00', 'invalid-time', 'midnight'],
  ['subscribe korea at 12:60', 'invalid-time', 'minutes go from 00 to 59'],
  ['subscribe korea at 8:5', 'invalid-time', 'two digits'],
  ['subscribe korea at 13pm', 'invalid-time', 'from 1 to 12'],
  ['subscribe korea at 0am', 'invalid-time', 'from 1 to 12'],
  ['subscribe korea at 0800', 'invalid-time', 'could not read'],
  ['subscribe korea 25:00', 'invalid-time', '00 to 23'],
  ['subscribe korea at', 'missing-time', 'needs a time'],
  ['subscribe korea at seoul', 'missing-time', '“seoul”'],
  ['subscribe korea at "8"', 'missing-time'],
  ['subscribe korea at 8 at 9', 'duplicate-time', '08:00 and 09:00'],
  ['subscribe korea 8am 20:00', 'duplicate-time', 'one delivery time'],
  ['subscribe korea Asia/Seol', 'unknown-time-zone', 'Did you mean Asia/Seoul', ['Asia/Seoul']],
  ['subscribe korea at 8 Seoull', 'unknown-time-zone', 'Asia/Seoul', ['Asia/Seoul']],
  ['subscribe korea at 8 atlantis', 'unknown-time-zone', 'Tags go before'],
  ['subscribe korea EST', 'ambiguous-time-zone', 'America/New_York'],
  ['subscribe korea at 9 pst', 'ambiguous-time-zone', 'America/Los_Angeles'],
  ['subscribe korea utc+5:30', 'unknown-time-zone', 'Asia/Kolkata', ['Asia/Kolkata', 'Asia/Colombo']],
  ['subscribe korea utc+15', 'unknown-time-zone', 'UTC+14'],
  ['subscribe korea Asia/Seoul Asia/Tokyo', 'duplicate-time-zone', 'Asia/Seoul and Asia/Tokyo'],
  ['subscribe korea at 8 seoul UTC', 'duplicate-time-zone', 'one time zone'],
  ['subscribe korea daily weekdays', 'duplicate-days', 'daily and weekdays'],
  ['subscribe korea daily daily', 'duplicate-days'],
  ['subscribe korea at 8 in', 'missing-time-zone', 'needs a time zone'],
  ['unsubscribe', 'unsubscribe-nothing', 'unsubscribe all'],
  ['unsubscribe all korea', 'all-with-tags', 'either all or a list of tags'],
  ['unsubscribe korea at 8', 'unexpected-arguments', 'only tags'],
  ['unsubscribe korea Asia/Seoul', 'unexpected-arguments', 'only tags'],
  ['unsubscribe ...', 'invalid-tag'],
  ['list korea', 'unexpected-arguments', '/news list takes nothing'],
  ['PAUSE now', 'unexpected-arguments', '/news pause takes nothing'],
  ['resume please', 'unexpected-arguments', '/news resume takes nothing'],
  ['preview korea', 'unexpected-arguments', '/news preview takes nothing'],
  ['help foo', 'unknown-help-topic', 'The commands are: brief, subscribe'],
  ['help subscrib', 'unknown-help-topic', 'Did you mean subscribe', ['subscribe']],
  ['help subscribe now', 'unexpected-arguments', 'one command name'],
  ['help constructor', 'unknown-help-topic'],
  ['help __proto__', 'unknown-help-topic'],
  ['subscribe korea at 8 constructor', 'unknown-time-zone'],
];

describe('parseCommand: valid input', () => {
  it.each(VALID)('%j', (input, expected) => {
    expect(parseCommand(input)).toStrictEqual({ ok: true, command: expected });
  });
});

describe('parseCommand: bad input', () => {
  it.each(BAD)('%j → %s', (input, code, phrase, suggestions) => {
    const result = parseCommand(input);
    if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.command)}`);
    expect(result.error.code).toBe(code);
    if (phrase !== undefined) expect(result.error.message).toContain(phrase);
    if (suggestions !== undefined) expect(result.error.suggestions).toStrictEqual(suggestions);
  });

  // Inputs that reach a message that quotes them: the quote must be sanitised.
  const ECHOED = [
    'subscribe a@everyone',
    'subscribe korea at 8 x@here',
    'help @everyone!',
    'list a@everyone',
    `subscribe ${'ab '.repeat(200)}`,
  ];
  it.each([...BAD.map(([input]) => input), ...ECHOED])('message for %j is safe plain text', (input) => {
    const result = parseCommand(input);
    if (result.ok) throw new Error('expected an error');
    const { message } = result.error;
    expect(message.length).toBeGreaterThan(20);
    expect(message).not.toMatch(/[<>]/);
    expect(message).not.toMatch(/@(everyone|here|channel)/);
    expect(message).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(message.length).toBeLessThan(400);
  });

  it('errors carry no empty suggestion list', () => {
    for (const [input] of BAD) {
      const result = parseCommand(input);
      if (!result.ok && result.error.suggestions !== undefined) {
        expect(result.error.suggestions.length).toBeGreaterThan(0);
      }
    }
  });
});
