/**
 * Safe Slack mrkdwn from untrusted text (article titles, summaries, outlet names, user input echoed
 * by the core). Slack's control sequences all live inside `<…>` (`<!channel>`, `<!here>`,
 * `<!everyone>`, `<@U…>`, `<#C…>`, `<!subteam^…>`, `<url|label>`), so escaping `&`, `<` and `>` as
 * Slack asks neutralises every one of them; the words @here, @channel and @everyone get a word
 * joiner as well, for surfaces that still read them (notification text). Sections that carry such
 * text are sent with `verbatim: true`, so Slack doesn't auto-link URLs or names in them either.
 *
 * @see https://docs.slack.dev/messaging/formatting-message-text#escaping
 */

/** Bidi overrides/isolates and control characters (newline and tab kept): they can disguise text. */
const INVISIBLE = /(?![\n\t])\p{Cc}|[\u202A-\u202E\u2066-\u2069]/gu;
const BROADCAST_WORD = /@(here|channel|everyone)\b/gi;

/** Escapes text for mrkdwn (and for a link label). */
export function escapeText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST_WORD, '@\u2060$1');
}

/**
 * Text as the user typed it, from text Slack sent us (slash-command text): Slack escapes `&`, `<`
 * and `>` as entities, and the core's grammar wants the raw characters.
 */
export function unescapeText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The text cut to at most `max` code points, ending with an ellipsis when cut. */
export function cut(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * `text` escaped, at most `max` characters long once escaped (UTF-16 units, as Slack counts),
 * cut on a character boundary (never inside an entity) with an ellipsis.
 */
export function clip(text: string, max: number): string {
  const escaped = escapeText(text);
  if (escaped.length <= max) return escaped;
  if (max < 1) return '';
  const chars = [...text];
  // The longest prefix whose escaped form plus '…' fits: binary search over code points.
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (escapeText(chars.slice(0, mid).join('').trimEnd()).length + 1 <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${escapeText(chars.slice(0, lo).join('').trimEnd())}…`;
}

/** Longest URL we link; longer ones are left unlinked (Slack would cut the message anyway). */
const MAX_URL_LENGTH = 1000;

/**
 * A URL that is safe inside `<url|label>`: http(s) only, normalised, with the characters that would
 * end the link (`|`, `<`, `>`) percent-encoded and `&` escaped. Null for anything else
 * (javascript:, slack://, relative, unparsable, too long).
 */
export function safeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  const href = url.href
    .replace(/\|/g, '%7C')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E')
    .replace(/&/g, '&amp;');
  return href.length <= MAX_URL_LENGTH ? href : null;
}

/** `<url|label>` with an escaped label, or the escaped label alone when the URL isn't safe. */
export function link(url: string | null | undefined, label: string, maxLabel = 300): string {
  const text = clip(label, maxLabel);
  const href = safeUrl(url);
  return href === null ? text : `<${href}|${text}>`;
}

/** `<#C123>` for a channel id from our own store (never from user text); plain "a channel" otherwise. */
export function channelMention(channelId: string): string {
  return /^[CGD][A-Z0-9]+$/.test(channelId) ? `<#${channelId}>` : 'a channel';
}

/** `<@U123>` for a user id that Slack gave us; empty for anything else. */
export function userMention(userId: string): string {
  return /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : '';
}
