import { fold } from '../text/index.js';
import { editDistance } from './distance.js';
import { HELP_TOPICS, helpTopic } from './help.js';
import { MAX_COMMAND_LENGTH, MAX_TAGS, MAX_TOPIC_LENGTH } from './limits.js';
import { collapseWhitespace, echo, findMarkup, hasControlCharacters, type MarkupKind } from './sanitise.js';
import { normaliseTag } from './tags.js';
import { isMeridiem, isUnmistakableTime, looksLikeTime, parseTime } from './time.js';
import { looksLikeTimeZone, lookupTimeZone, validateTimeZone } from './timezone.js';
import { isQuote, type Token, tokenize } from './tokens.js';
import { type Command, type CommandError, failure, type ParseResult, type Weekdays } from './types.js';

type Keyword = 'subscribe' | 'unsubscribe' | 'list' | 'pause' | 'resume' | 'preview' | 'help';

const KEYWORDS: ReadonlyMap<string, Keyword> = new Map<string, Keyword>([
  ['subscribe', 'subscribe'],
  ['unsubscribe', 'unsubscribe'],
  ['list', 'list'],
  ['pause', 'pause'],
  ['resume', 'resume'],
  ['preview', 'preview'],
  ['help', 'help'],
  ['?', 'help'],
]);

const DAYS: ReadonlyMap<string, Weekdays> = new Map<string, Weekdays>([
  ['daily', 'daily'],
  ['everyday', 'daily'],
  ['weekdays', 'weekdays'],
  ['weekday', 'weekdays'],
]);

const EXAMPLE_TOPIC = 'For example: /news korea, or /news "north korea" missiles.';
const EXAMPLE_SUBSCRIBE = 'For example: /news subscribe korea japan at 08:00 Asia/Seoul';

const ok = (command: Command): ParseResult => ({ ok: true, command });

/**
 * Parses the text after `/news` into a command. Keywords are case-insensitive and only count as the
 * first word, unquoted; anything else is a briefing topic (`help.ts` has the user-facing guide):
 *
 *   <topic…> | subscribe <tags…> [at <time>] [<time zone>] [daily|weekdays]
 *   | unsubscribe <tags…|all> | list | pause | resume | preview | help [command]
 */
export function parseCommand(text: string): ParseResult {
  if (typeof text !== 'string' || text === '') {
    return failure(
      'empty',
      `Tell me what news you want: type a topic after /news. ${EXAMPLE_TOPIC} Type /news help for more.`,
    );
  }
  const clean = collapseWhitespace(text);
  if (clean === '') {
    return failure('blank', `Your message was only spaces. Type a topic after /news. ${EXAMPLE_TOPIC}`);
  }
  if (hasControlCharacters(clean)) {
    return failure(
      'control-characters',
      'Your message contains invisible control characters (often picked up by copy and paste). ' +
        'Please type it again as plain words.',
    );
  }
  const space = clean.indexOf(' ');
  const first = space === -1 ? clean : clean.slice(0, space);
  const keyword = isQuote(first[0]) ? undefined : KEYWORDS.get(fold(first));
  const length = [...clean].length;
  if (keyword === undefined && length > MAX_TOPIC_LENGTH) {
    return failure(
      'too-long',
      `That topic is ${length} characters long; topics can be at most ${MAX_TOPIC_LENGTH}. ` +
        'Try a few key words instead.',
    );
  }
  if (keyword !== undefined && length > MAX_COMMAND_LENGTH) {
    return failure(
      'too-long',
      `That command is ${length} characters long; commands can be at most ${MAX_COMMAND_LENGTH}.`,
    );
  }
  const markup = findMarkup(clean);
  if (markup !== null) return failure('markup', markupMessage(markup));
  if (keyword === undefined) return parseTopic(clean);
  const args = tokenize(clean.slice(first.length));
  switch (keyword) {
    case 'subscribe':
      return parseSubscribe(args);
    case 'unsubscribe':
      return parseUnsubscribe(args);
    case 'help':
      return parseHelp(args);
    default:
      return args.length === 0 ? ok({ kind: keyword }) : extraWords(keyword, args);
  }
}

function markupMessage(kind: MarkupKind): string {
  const what =
    kind === 'mention'
      ? 'Mentions of people, channels or groups'
      : kind === 'link'
        ? 'Links'
        : 'Markup (text in angle brackets, HTML)';
  return `${what} can't be used here: topics and tags are plain words. ${EXAMPLE_TOPIC}`;
}

function parseTopic(topic: string): ParseResult {
  if (!/[\p{L}\p{N}]/u.test(topic)) {
    return failure(
      'invalid-topic',
      `A topic needs at least one word with letters or digits. ${EXAMPLE_TOPIC}`,
    );
  }
  return ok({ kind: 'brief', topic });
}

function extraWords(keyword: Keyword, args: readonly Token[]): ParseResult {
  const rest = args.map((t) => t.text).join(' ');
  return failure(
    'unexpected-arguments',
    `/news ${keyword} takes nothing after it, but got ${echo(rest)}. Use /news ${keyword} on its own; ` +
      `for news about a topic that starts with "${keyword}", quote it: /news "${keyword} …".`,
  );
}

function isAt(token: Token): boolean {
  return !token.quoted && (fold(token.text) === 'at' || token.text === '@');
}

function daysOf(token: Token): Weekdays | undefined {
  return token.quoted ? undefined : DAYS.get(fold(token.text));
}

function isIn(token: Token | undefined): boolean {
  return token !== undefined && !token.quoted && fold(token.text) === 'in';
}

/** A word that may be part of a multi-word zone name ("new york"): not a keyword or a time. */
function isZoneWord(token: Token): boolean {
  return (
    !token.quoted && !isAt(token) && !isIn(token) && daysOf(token) === undefined && !looksLikeTime(token.text)
  );
}

/**
 * The longest run of 1–3 words at `start` that names a time zone ("new york"), or the error for the
 * first word when none does.
 */
function zoneAt(
  tokens: readonly Token[],
  start: number,
): { ok: true; timeZone: string; used: number } | { ok: false; error: CommandError } {
  const first = tokens[start]!;
  let end = start + 1;
  if (!first.quoted) {
    while (end < tokens.length && end - start < 3 && isZoneWord(tokens[end]!)) end++;
  }
  for (let stop = end; stop > start + 1; stop--) {
    const words = tokens.slice(start, stop).map((t) => t.text);
    const timeZone = lookupTimeZone(words.join(' '));
    if (timeZone !== undefined) return { ok: true, timeZone, used: stop - start };
  }
  const single = validateTimeZone(first.text);
  return single.ok ? { ok: true, timeZone: single.timeZone, used: 1 } : single;
}

/** True when 1–3 words at `start` name a time zone (without computing suggestions). */
function startsZone(tokens: readonly Token[], start: number): boolean {
  const first = tokens[start];
  if (first === undefined) return false;
  if (first.quoted) return lookupTimeZone(first.text) !== undefined;
  for (let stop = start + 1; stop <= Math.min(tokens.length, start + 3); stop++) {
    const words = tokens.slice(start, stop);
    if (!words.every(isZoneWord)) return false;
    if (lookupTimeZone(words.map((t) => t.text).join(' ')) !== undefined) return true;
  }
  return false;
}

/** Index of the first word that is not a tag: `at`, a time, a time zone, `daily`/`weekdays`, or `in <zone>`. */
function optionsStart(tokens: readonly Token[]): number {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.quoted) continue;
    if (isAt(token) || isUnmistakableTime(token.text) || daysOf(token) !== undefined) return i;
    if (looksLikeTimeZone(token.text)) return i;
    const next = tokens[i + 1];
    if (isIn(token) && next !== undefined && (looksLikeTimeZone(next.text) || startsZone(tokens, i + 1)))
      return i;
  }
  return tokens.length;
}

function parseTags(
  tokens: readonly Token[],
): { ok: true; tags: string[] } | { ok: false; result: ParseResult } {
  const tags: string[] = [];
  for (const token of tokens) {
    const tag = normaliseTag(token.text);
    if (!tag.ok) return { ok: false, result: { ok: false, error: tag.error } };
    if (!tags.includes(tag.tag)) tags.push(tag.tag);
  }
  return { ok: true, tags };
}

function parseSubscribe(tokens: readonly Token[]): ParseResult {
  const start = optionsStart(tokens);
  if (start === 0) {
    return failure(
      'no-tags',
      `Tell me which tags to follow, before any time or time zone. ${EXAMPLE_SUBSCRIBE}`,
    );
  }
  const parsed = parseTags(tokens.slice(0, start));
  if (!parsed.ok) return parsed.result;
  const { tags } = parsed;
  if (tags.length > MAX_TAGS) {
    return failure(
      'too-many-tags',
      `You gave ${tags.length} tags; a subscription can follow at most ${MAX_TAGS}. ` +
        'Remove some, or quote a phrase to make it one tag ("south korea").',
    );
  }
  let time: string | undefined;
  let timeZone: string | undefined;
  let days: Weekdays | undefined;
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const day = daysOf(token);
    if (day !== undefined) {
      if (days !== undefined) {
        return failure(
          'duplicate-days',
          `You gave the days twice (${days} and ${day}). Use one of daily or weekdays. ${EXAMPLE_SUBSCRIBE} weekdays`,
        );
      }
      days = day;
      i++;
      continue;
    }
    const at = isAt(token);
    if (at || (!token.quoted && looksLikeTime(token.text))) {
      const timeToken = at ? tokens[i + 1] : token;
      if (timeToken === undefined || timeToken.quoted || !looksLikeTime(timeToken.text)) {
        const got = timeToken === undefined ? '' : `, but got ${echo(timeToken.text)}`;
        return failure(
          'missing-time',
          `"at" needs a time after it${got}. Write it like 08:00, 8am or noon. ${EXAMPLE_SUBSCRIBE}`,
        );
      }
      const meridiem = tokens[i + (at ? 2 : 1)];
      const withMeridiem =
        meridiem !== undefined &&
        !meridiem.quoted &&
        isMeridiem(meridiem.text) &&
        /^\d+(?::\d+)?$/.test(timeToken.text);
      const parsedTime = parseTime(withMeridiem ? `${timeToken.text}${meridiem.text}` : timeToken.text);
      if (!parsedTime.ok) return { ok: false, error: parsedTime.error };
      if (time !== undefined) {
        return failure(
          'duplicate-time',
          `You gave two times (${time} and ${parsedTime.time}). A subscription has one delivery time.`,
        );
      }
      time = parsedTime.time;
      i += (at ? 2 : 1) + (withMeridiem ? 1 : 0);
      continue;
    }
    let zoneStart = i;
    if (isIn(token)) {
      zoneStart = i + 1;
      const next = tokens[zoneStart];
      if (next === undefined) {
        return failure(
          'missing-time-zone',
          `"in" needs a time zone after it, such as Asia/Seoul or Seoul. ${EXAMPLE_SUBSCRIBE}`,
        );
      }
    }
    const zone = zoneAt(tokens, zoneStart);
    if (!zone.ok) {
      const word = tokens[zoneStart]!.text;
      const hint =
        zone.error.code === 'unknown-time-zone' && !looksLikeTimeZone(word)
          ? ' (Tags go before the time and time zone.)'
          : '';
      return { ok: false, error: { ...zone.error, message: `${zone.error.message}${hint}` } };
    }
    if (timeZone !== undefined) {
      return failure(
        'duplicate-time-zone',
        `You gave two time zones (${timeZone} and ${zone.timeZone}). A subscription has one time zone.`,
      );
    }
    timeZone = zone.timeZone;
    i = zoneStart + zone.used;
  }
  const command: Extract<Command, { kind: 'subscribe' }> = { kind: 'subscribe', tags };
  if (time !== undefined) command.time = time;
  if (timeZone !== undefined) command.timeZone = timeZone;
  if (days !== undefined) command.days = days;
  return ok(command);
}

function parseUnsubscribe(tokens: readonly Token[]): ParseResult {
  if (tokens.length === 0) {
    return failure(
      'unsubscribe-nothing',
      'Tell me what to unsubscribe from: name the tags (/news unsubscribe japan) or use all ' +
        '(/news unsubscribe all). /news list shows this channel’s subscriptions.',
    );
  }
  const isAll = (t: Token): boolean => !t.quoted && fold(t.text) === 'all';
  if (tokens.some(isAll)) {
    if (tokens.length === 1) return ok({ kind: 'unsubscribe', tags: 'all' });
    return failure(
      'all-with-tags',
      'Use either all or a list of tags, not both: /news unsubscribe all, or /news unsubscribe japan. ' +
        'To unsubscribe from a tag named all, quote it: /news unsubscribe "all".',
    );
  }
  const option = tokens.find(
    (t) => !t.quoted && (isAt(t) || isUnmistakableTime(t.text) || looksLikeTimeZone(t.text)),
  );
  if (option !== undefined) {
    return failure(
      'unexpected-arguments',
      `/news unsubscribe takes only tags (or all), not a time or time zone like ${echo(option.text)}. ` +
        'For example: /news unsubscribe japan',
    );
  }
  const parsed = parseTags(tokens);
  if (!parsed.ok) return parsed.result;
  return ok({ kind: 'unsubscribe', tags: parsed.tags });
}

function parseHelp(tokens: readonly Token[]): ParseResult {
  const [word, ...rest] = tokens;
  if (word === undefined) return ok({ kind: 'help' });
  if (rest.length > 0) {
    return failure(
      'unexpected-arguments',
      `/news help takes one command name, but got ${echo(tokens.map((t) => t.text).join(' '))}. ` +
        'For example: /news help subscribe',
    );
  }
  const topic = helpTopic(word.text);
  if (topic !== undefined) return ok({ kind: 'help', command: topic });
  const key = fold(word.text).replace(/^\/+/, '');
  const close = HELP_TOPICS.filter((name) => editDistance(key, name, 2) <= 2);
  const didYouMean = close.length > 0 ? ` Did you mean ${close.join(' or ')}?` : '';
  return failure(
    'unknown-help-topic',
    `There is no command called ${echo(word.text)}.${didYouMean} The commands are: ${HELP_TOPICS.join(', ')}.`,
    close,
  );
}
