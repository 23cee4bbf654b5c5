/** A briefing page as a Discord message: one embed per story and the More / Post / Subscribe buttons. */
import { type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import { describeAge } from '../../../src/briefing/dates.js';
import { unmatchedNote } from '../../../src/briefing/render-text.js';
import type { Briefing } from '../../../src/model.js';
import type { KeyValueStore } from '../../../src/ports/key-value-store.js';
import { type ButtonKind, encodeButton } from './custom-id.js';
import { type ButtonRow, LIMITS, type MessageBody } from './message.js';
import { fitEmbeds, storyEmbed } from './story-embed.js';
import { safeMarkdown, truncate } from './text.js';

export interface BriefingMessageOptions {
  /** The message is seen only by whoever asked: offer "Post to channel". */
  ephemeral: boolean;
  /** In a server channel: offer "Subscribe this channel". */
  inGuild: boolean;
  /** Where topics too long for a button's custom id are kept. */
  store: KeyValueStore;
}

export interface BriefingMessage {
  body: MessageBody;
  /** Stories shown (a page that would break the 6,000-character limit shows fewer). */
  shown: number;
}

function quoted(topic: string): string {
  return `“${truncate(safeMarkdown(topic), 200)}”`;
}

/**
 * The message for one page of a briefing. "More" continues after the stories actually shown, at
 * the briefing's own clock, so paging walks one ranking.
 */
export async function briefingMessage(
  briefing: Briefing,
  options: BriefingMessageOptions,
): Promise<BriefingMessage> {
  const now = new Date(briefing.generatedAt);
  const button = async (
    kind: ButtonKind,
    label: string,
    style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success,
    topic = briefing.topic,
    offset = briefing.offset,
  ) =>
    ({
      type: ComponentType.Button,
      style,
      label: truncate(label, LIMITS.buttonLabel),
      custom_id: await encodeButton({ kind, topic, offset, now }, options.store),
    }) satisfies APIButtonComponent;

  const lines: string[] = [];
  const buttons: APIButtonComponent[] = [];
  const { notice, stories, offset, totalStories } = briefing;
  const embeds = fitEmbeds(stories.map((story, i) => storyEmbed(story, offset + i + 1)));
  const shown = embeds.length;

  if (notice?.kind === 'no-match') {
    lines.push(`No stories match ${quoted(briefing.topic)}.`);
    if (notice.suggestions.length > 0) {
      lines.push(`Known topics close to it: ${notice.suggestions.map((s) => safeMarkdown(s)).join(', ')}.`);
      for (const suggestion of notice.suggestions.slice(0, LIMITS.buttonsPerRow)) {
        buttons.push(await button('more', suggestion, ButtonStyle.Secondary, suggestion, 0));
      }
    }
  } else if (shown === 0) {
    lines.push(
      offset > 0
        ? `No more stories on ${quoted(briefing.topic)}.`
        : `No new stories on ${quoted(briefing.topic)}.`,
    );
  } else {
    lines.push(
      `**Briefing: ${truncate(safeMarkdown(briefing.topic), 200)}** · stories ${offset + 1}–${offset + shown} of ${totalStories}`,
    );
    if (notice?.kind === 'only-old') {
      lines.push(`Only older stories match: the newest is ${describeAge(notice.newestAgeHours)} old.`);
    }
    if (briefing.unmatched) {
      lines.push(
        unmatchedNote(
          briefing.unmatched,
          (w) => `“${truncate(safeMarkdown(w), 60)}”`,
          (s) => truncate(safeMarkdown(s), 60),
        ),
      );
    }
    const left = totalStories - offset - shown;
    if (left > 0) {
      buttons.push(
        await button('more', `More (${left} left)`, ButtonStyle.Primary, briefing.topic, offset + shown),
      );
    }
    if (options.ephemeral && options.inGuild) {
      buttons.push(await button('post', 'Post to channel', ButtonStyle.Secondary));
    }
  }
  if (options.inGuild && notice?.kind !== 'no-match') {
    buttons.push(await button('subscribe', 'Subscribe this channel', ButtonStyle.Success));
  }
  const components: ButtonRow[] =
    buttons.length > 0
      ? [{ type: ComponentType.ActionRow, components: buttons.slice(0, LIMITS.buttonsPerRow) }]
      : [];
  return { body: { content: truncate(lines.join('\n'), LIMITS.content), embeds, components }, shown };
}
