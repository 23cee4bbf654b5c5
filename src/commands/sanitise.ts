/**
 * Input hygiene for command text: whitespace, invisible characters, markup and mentions, and a safe
 * way to quote user input back in an error message.
 */

/**
 * Control characters (C0, C1, DEL), lone surrogates, and format characters such as bidi overrides,
 * zero-width spaces and soft hyphens. ZWNJ and ZWJ are allowed: scripts and emoji need them.
 */
const CONTROL = /[\p{Cc}\p{Cs}]|(?![\u200C\u200D])\p{Cf}/u;
const CONTROL_GLOBAL = /[\p{Cc}\p{Cs}]|(?![\u200C\u200D])\p{Cf}/gu;

/** Every run of whitespace (tabs, newlines, no-break and ideographic spaces) becomes one space; trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

export type MarkupKind = 'mention' | 'link' | 'markup';

// Slack: <@U123>, <#C1|x>, <!channel>, <!subteam^S1>; Discord: <@123>, <@!1>, <@&1>, <#1>, </cmd:1>.
const BRACKET_MENTION = /<[@#!/]/;
// Plain-text mentions: "@everyone", "@here", "@channel", "@alice" (an @ starting a word).
const AT_MENTION = /(?:^|[\s([{"'])@[\p{L}\p{N}_]/u;
const LINK = /<[a-z][a-z0-9+.-]*:|\b[a-z][a-z0-9+.-]*:\/\/|\bmailto:/i;
const ANGLE = /[<>\uFF1C\uFF1E]|&(?:lt|gt|#0*6[02]|#x0*3[ce]);/i;

/** What kind of markup the text holds, or null for plain words. Checked most specific first. */
export function findMarkup(text: string): MarkupKind | null {
  if (BRACKET_MENTION.test(text) || AT_MENTION.test(text)) return 'mention';
  if (LINK.test(text)) return 'link';
  if (ANGLE.test(text)) return 'markup';
  return null;
}

const ECHO_LIMIT = 40;

/**
 * User input made safe to quote in a plain-text message: invisible characters, angle brackets and
 * `@` removed, whitespace collapsed, cut to 40 characters, wrapped in typographic quotes.
 */
export function echo(input: string): string {
  const clean = collapseWhitespace(input.replace(CONTROL_GLOBAL, '').replace(/[<>@\uFF1C\uFF1E\uFF20]/g, ''));
  const chars = [...clean];
  const shown = chars.length > ECHO_LIMIT ? `${chars.slice(0, ECHO_LIMIT - 1).join('')}…` : clean;
  return `“${shown}”`;
}
