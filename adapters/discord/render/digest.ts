/** A digest as Discord messages: a header, one embed per story, split so each message fits. */
import type { APIEmbed } from 'discord.js';
import { andList, emptyDigestText } from '../../../src/digest/build.js';
import type { Digest } from '../../../src/ports/publisher.js';
import { embedLength, LIMITS } from './message.js';
import { fitEmbeds, storyEmbed } from './story-embed.js';
import { safeMarkdown, truncate } from './text.js';

export interface DigestPart {
  content: string;
  embeds: APIEmbed[];
}

/** "Wednesday, 14 January 2026" for a YYYY-MM-DD local date. */
function longDate(localDate: string): string {
  const date = new Date(`${localDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return localDate;
  return date.toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The messages of a digest, in order: the first carries the header; stories follow as embeds, at
 * most 10 per message and 6,000 characters of embeds per message. A digest without stories is one
 * message saying so. Deterministic, so a re-run splits a digest exactly as the first attempt did.
 */
export function digestParts(digest: Digest): DigestPart[] {
  const tags = safeMarkdown(andList(digest.tags));
  const header = truncate(`**News digest: ${tags}** · ${longDate(digest.localDate)}`, LIMITS.content);
  const { stories } = digest.briefing;
  if (stories.length === 0) {
    return [
      {
        content: truncate(`${header}\n${safeMarkdown(emptyDigestText(digest.tags))}`, LIMITS.content),
        embeds: [],
      },
    ];
  }
  const embeds = stories.map((story, i) => fitEmbeds([storyEmbed(story, i + 1)])[0]!);
  const parts: DigestPart[] = [];
  let current: APIEmbed[] = [];
  let length = 0;
  for (const embed of embeds) {
    const size = embedLength(embed);
    if (current.length === LIMITS.embeds || (current.length > 0 && length + size > LIMITS.total)) {
      parts.push({ content: parts.length === 0 ? header : '', embeds: current });
      current = [];
      length = 0;
    }
    current.push(embed);
    length += size;
  }
  parts.push({ content: parts.length === 0 ? header : '', embeds: current });
  return parts;
}
