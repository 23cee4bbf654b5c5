/**
 * A digest as one or more Slack messages. Each message stays within Slack's limits (50 blocks,
 * 3,000 characters per section, LIMITS.messageText in all), so a digest of any size is split into
 * parts instead of being refused. The split depends only on the digest, so a re-run produces the
 * same parts with the same indexes (the publisher relies on that to skip parts already sent).
 */

import { formatDate } from '../../../src/briefing/dates.js';
import { andList, emptyDigestText } from '../../../src/digest/build.js';
import type { Digest } from '../../../src/ports/publisher.js';
import { type Block, context, divider, header, LIMITS, type SlackMessage, section } from './blocks.js';
import { clip, cut, escapeText } from './mrkdwn.js';
import { storyText } from './story.js';

export interface DigestPartMessage extends SlackMessage {
  /** 0-based, stable for a digest. */
  index: number;
  /** How many parts the digest has. */
  of: number;
  storyIds: string[];
}

/** Blocks and text kept per part for the header or "continued" line and the footer. */
const RESERVED_BLOCKS = 2;
const RESERVED_TEXT = 800;

export function renderDigest(digest: Digest): DigestPartMessage[] {
  const now = new Date(digest.briefing.generatedAt);
  const tags = andList(digest.tags);
  const date = formatDate(digest.localDate);
  const title = `News digest · ${cut(tags, LIMITS.headerText - date.length - 20)} · ${date}`;
  const stories = digest.briefing.stories;

  if (stories.length === 0) {
    const text = escapeText(emptyDigestText(digest.tags));
    return [
      {
        index: 0,
        of: 1,
        storyIds: [],
        text: clip(`${title}: ${emptyDigestText(digest.tags)}`, LIMITS.fallbackText),
        blocks: [header(title), section(text), context(footer(digest))],
      },
    ];
  }

  // Group the stories into parts that clip.
  const texts = stories.map((s) => storyText(s, now));
  const groups: number[][] = [];
  let current: number[] = [];
  let blocks = RESERVED_BLOCKS;
  let chars = RESERVED_TEXT;
  texts.forEach((text, i) => {
    const add = current.length > 0 ? 2 : 1;
    if (
      current.length > 0 &&
      (blocks + add > LIMITS.blocksPerMessage || chars + text.length > LIMITS.messageText)
    ) {
      groups.push(current);
      current = [];
      blocks = RESERVED_BLOCKS;
      chars = RESERVED_TEXT;
    }
    current.push(i);
    blocks += current.length > 1 ? 2 : 1;
    chars += text.length;
  });
  if (current.length > 0) groups.push(current);

  const of = groups.length;
  return groups.map((group, index) => {
    const out: Block[] = [
      index === 0
        ? header(title)
        : context(`${escapeText(`News digest · ${tags}`)}, continued (part ${index + 1} of ${of})`),
    ];
    group.forEach((storyIndex, j) => {
      if (j > 0) out.push(divider());
      out.push(section(texts[storyIndex] ?? ''));
    });
    const last = index === of - 1;
    out.push(context(of > 1 ? `Part ${index + 1} of ${of}` : '', last ? footer(digest) : ''));
    const titles = group.map((i) => stories[i]?.title ?? '').join(' · ');
    const part = of > 1 ? ` (part ${index + 1} of ${of})` : '';
    return {
      index,
      of,
      storyIds: group.map((i) => stories[i]?.id ?? ''),
      text: clip(`News digest · ${tags} · ${date}${part}: ${titles}`, LIMITS.fallbackText),
      blocks: out,
    };
  });
}

function footer(digest: Digest): string {
  const n = digest.briefing.stories.length;
  const count = n === 0 ? '' : `${n} ${n === 1 ? 'story' : 'stories'} · `;
  return `${count}${escapeText('/news list shows this digest; /news pause stops it')}`;
}
