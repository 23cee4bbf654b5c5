/**
 * Text hygiene for everything newsbrief shows on Discord: article text must never format
 * misleadingly (masked links), render as a mention, or ping; core messages (written for `/news …`
 * in Slack form) are given Discord's command names.
 */
import { escapeMarkdown } from 'discord.js';

const ZWSP = '\u200b';

/**
 * Breaks everything Discord would read as a mention or a special token: `@everyone`, `@here`,
 * `<@123>`, `<@!1>`, `<@&456>`, `<#789>`, `</cmd:1>`, `<t:…>`, custom emoji. A zero-width space after
 * `@` or `<` keeps the text readable. (allowed_mentions `{ parse: [] }` already stops pings; this
 * also stops the highlight and the user/role lookup.)
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#/:!&]|a:|t:)/g, `<${ZWSP}`);
}

/** Like defuseMentions, but keeps channel links (`<#123>`), which never ping: for newsbrief's own text. */
function defuseKeepingChannels(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@/:!&]|a:|t:)/g, `<${ZWSP}`);
}

/** Article text for fields that render markdown (embed title, description, field values, content). */
export function safeMarkdown(text: string): string {
  return defuseMentions(escapeMarkdown(collapse(text), { maskedLink: true }));
}

/** Article text for fields that don't render markdown (author name, footer): only mentions defused. */
export function safePlain(text: string): string {
  return defuseMentions(collapse(text));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Cuts text to at most `max` UTF-16 units (Discord's limits are never exceeded that way), at a word
 * boundary when one is near, with an ellipsis; never splits a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--;
  let head = text.slice(0, cut);
  const space = head.lastIndexOf(' ');
  if (space > cut * 0.7) head = head.slice(0, space);
  // A trailing backslash would escape the ellipsis.
  head = head.replace(/\\+$/, '').trimEnd();
  return `${head}…`;
}

/** Subcommands that live under /digest on Discord (they follow `/news` on Slack). */
const DIGEST_SUBCOMMANDS = /\/news (subscribe|unsubscribe|list|pause|resume|preview|help)\b/g;

/**
 * A plain-text message from the core, for Discord: markdown in it (user input quoted by the core,
 * zone names with underscores) is escaped, mentions defused (channel links, which newsbrief's own
 * pause reasons use, are kept), and `/news subscribe` etc. become `/digest subscribe`: on Discord
 * /news takes a topic and subscriptions have their own command.
 */
export function discordText(message: string): string {
  return defuseKeepingChannels(escapeMarkdown(message)).replace(DIGEST_SUBCOMMANDS, '/digest $1');
}
