/** One embed per story: linked title, outlets, timestamp and summary, each within Discord's limits. */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { formatDate } from '../../../src/briefing/dates.js';
import type { BriefingStory } from '../../../src/model.js';
import { embedLength, embedsLength, LIMITS } from './message.js';
import { safeMarkdown, safePlain, truncate } from './text.js';

/** newsbrief's accent colour. */
export const EMBED_COLOR = 0x2f6fde;
/** Outlets linked in a story's "Sources" field. */
const MAX_LINKED_OUTLETS = 8;
/** A summary is never cut below this many characters to make a page fit. */
const MIN_SUMMARY = 160;

function httpUrl(url: string | null): string | undefined {
  if (url === null || url.length > 2048) return undefined;
  return /^https?:\/\/[^\s<>]+$/i.test(url) ? url : undefined;
}

function isDay(publishedAt: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(publishedAt);
}

/** "[Reuters](https://…) · [Yonhap](https://…) · +3 more": outlet names can't break the link syntax. */
function sourcesField(story: BriefingStory): APIEmbedField | null {
  if (story.outlets.length < 2) return null;
  const shown = story.outlets.slice(0, MAX_LINKED_OUTLETS).map((outlet) => {
    const name = safeMarkdown(outlet.name || 'unknown outlet').replace(/[[\]]/g, '');
    const url = httpUrl(outlet.url);
    return url ? `[${name}](${url})` : name;
  });
  const more = story.outlets.length - shown.length;
  let value = shown.join(' · ') + (more > 0 ? ` · +${more} more` : '');
  while (value.length > LIMITS.fieldValue && shown.length > 1) {
    shown.pop();
    value = `${shown.join(' · ')} · +${story.outlets.length - shown.length} more`;
  }
  return { name: 'Sources', value: truncate(value, LIMITS.fieldValue), inline: false };
}

/**
 * The embed of one story, numbered as in its briefing ("3. Title"). The title links to the story;
 * the author line names its outlets; an instant becomes the embed timestamp, a day-only date goes
 * in the footer. Article text is escaped (no masked links, no markdown, no mentions).
 */
export function storyEmbed(story: BriefingStory, position: number): APIEmbed {
  const outlets = story.outlets.map((o) => o.name).filter(Boolean);
  const embed: APIEmbed = {
    title: truncate(`${position}. ${safeMarkdown(story.title)}`, LIMITS.title),
    color: EMBED_COLOR,
  };
  const url = httpUrl(story.url);
  if (url) embed.url = url;
  if (outlets.length > 0) {
    const names =
      outlets.length > 3 ? `${outlets.slice(0, 3).join(' · ')} +${outlets.length - 3}` : outlets.join(' · ');
    embed.author = { name: truncate(safePlain(names), LIMITS.author) };
  }
  if (story.summary) embed.description = truncate(safeMarkdown(story.summary), LIMITS.description);
  const sources = sourcesField(story);
  if (sources) embed.fields = [sources];
  if (isDay(story.publishedAt)) embed.footer = { text: formatDate(story.publishedAt) };
  else if (!Number.isNaN(Date.parse(story.publishedAt)))
    embed.timestamp = new Date(story.publishedAt).toISOString();
  return embed;
}

/**
 * Makes embeds fit one message's 6,000-character budget: shortens the longest summaries first (not
 * below MIN_SUMMARY), then leaves out trailing embeds. Returns the embeds kept, in order.
 */
export function fitEmbeds(embeds: readonly APIEmbed[], budget: number = LIMITS.total): APIEmbed[] {
  const out = embeds.slice(0, LIMITS.embeds).map((e) => ({ ...e }));
  let excess = embedsLength(out) - budget;
  while (excess > 0) {
    const longest = out.reduce<APIEmbed | null>(
      (best, e) => ((e.description?.length ?? 0) > (best?.description?.length ?? 0) ? e : best),
      null,
    );
    const length = longest?.description?.length ?? 0;
    if (longest === null || length <= MIN_SUMMARY) break;
    const target = Math.max(MIN_SUMMARY, length - excess);
    longest.description = truncate(longest.description!, target);
    excess = embedsLength(out) - budget;
  }
  while (out.length > 1 && embedsLength(out) > budget) out.pop();
  if (out.length === 1 && embedLength(out[0]!) > budget) {
    out[0]!.description = truncate(
      out[0]!.description ?? '',
      Math.max(0, budget - (embedLength(out[0]!) - (out[0]!.description?.length ?? 0))),
    );
  }
  return out;
}
