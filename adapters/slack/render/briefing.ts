/**
 * A briefing as a Block Kit message: a header with the topic and time, one section per story with
 * dividers between them, a context line, and the buttons (More, Share in channel, Subscribe this
 * channel to <topic>). Pure: the same briefing gives the same message.
 */
import { describeAge, formatDate } from '../../../src/briefing/dates.js';
import { unmatchedNote } from '../../../src/briefing/render-text.js';
import type { Briefing } from '../../../src/model.js';
import { ACTIONS, encodeBriefingRef, encodeTagRef, topicTag } from '../action-values.js';
import {
  actions,
  type Block,
  blocksTextLength,
  button,
  context,
  divider,
  header,
  LIMITS,
  type SlackMessage,
  section,
} from './blocks.js';
import { clip, cut, userMention } from './mrkdwn.js';
import { storyText } from './story.js';

export interface BriefingRenderOptions {
  /** 'ephemeral' adds a "Share in channel" button. */
  response: 'ephemeral' | 'in_channel';
  /** Who shared it in the channel (a Slack user id), shown in the context line. */
  sharedBy?: string;
}

/** A rendered briefing, and how many of its stories fit in the message. */
export interface RenderedBriefing extends SlackMessage {
  shown: number;
}

/** Blocks kept for the header, the notice, the context line and the buttons. */
const RESERVED_BLOCKS = 6;

export function renderBriefing(briefing: Briefing, options: BriefingRenderOptions): RenderedBriefing {
  const now = new Date(briefing.generatedAt);
  const { topic, stories, offset, totalStories, notice } = briefing;
  const when = formatDate(briefing.generatedAt);
  const blocks: Block[] = [header(`${cut(topic, LIMITS.headerText - when.length - 3)} · ${when}`)];
  const quoted = `“${clip(topic, 200)}”`;

  if (notice?.kind === 'no-match') {
    const close =
      notice.suggestions.length > 0
        ? ` Known topics close to it: ${notice.suggestions.map((s) => clip(s, 60)).join(', ')}.`
        : '';
    blocks.push(section(`No stories match ${quoted}.${close}`));
    return { text: `No stories match ${quoted}.`, blocks, shown: 0 };
  }
  if (stories.length === 0) {
    const text = offset > 0 ? `No more stories on ${quoted}.` : `No recent stories on ${quoted}.`;
    blocks.push(section(text));
    return { text, blocks, shown: 0 };
  }
  if (notice?.kind === 'only-old') {
    blocks.push(
      context(`Only older stories match: the newest is ${describeAge(notice.newestAgeHours)} old.`),
    );
  }
  if (briefing.unmatched) {
    blocks.push(
      context(
        unmatchedNote(
          briefing.unmatched,
          (w) => `“${clip(w, 60)}”`,
          (s) => clip(s, 60),
        ),
      ),
    );
  }

  let shown = 0;
  for (const story of stories) {
    const storyBlocks: Block[] =
      shown > 0 ? [divider(), section(storyText(story, now))] : [section(storyText(story, now))];
    const tooMany = blocks.length + storyBlocks.length + RESERVED_BLOCKS > LIMITS.blocksPerMessage;
    const tooLong = blocksTextLength([...blocks, ...storyBlocks]) + 600 > LIMITS.messageText;
    if (shown > 0 && (tooMany || tooLong)) break;
    blocks.push(...storyBlocks);
    shown++;
  }

  const range = `Stories ${offset + 1}–${offset + shown} of ${totalStories}`;
  const sharer = options.sharedBy !== undefined ? userMention(options.sharedBy) : '';
  blocks.push(context(range, sharer === '' ? '' : `Shared by ${sharer}`, 'newsbrief'));

  const buttons = [];
  if (offset + shown < totalStories) {
    const next = encodeBriefingRef({ topic, offset: offset + shown, now });
    buttons.push(button(ACTIONS.more, 'More', next));
  }
  if (options.response === 'ephemeral') {
    buttons.push(
      button(ACTIONS.share, 'Share in channel', encodeBriefingRef({ topic, offset, now }), 'primary'),
    );
  }
  const tag = topicTag(topic);
  if (tag !== null) {
    buttons.push(button(ACTIONS.subscribe, `Subscribe this channel to ${tag}`, encodeTagRef(tag)));
  }
  if (buttons.length > 0) blocks.push(actions('news_briefing_actions', buttons));

  const titles = stories.slice(0, shown).map((s) => s.title);
  const fallback = clip(`${topic}: ${range}. ${titles.join(' · ')}`, LIMITS.fallbackText);
  return { text: fallback, blocks, shown };
}
