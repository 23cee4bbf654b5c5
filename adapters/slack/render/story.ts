/**
 * One story as a Block Kit section: the linked title, its outlets (linked), how long ago, and the
 * summary. All text comes from articles, so all of it goes through `clip`/`link` (escaped, cut), and
 * the section text never exceeds Slack's 3,000 characters.
 */
import { relativeTime } from '../../../src/briefing/dates.js';
import type { BriefingStory } from '../../../src/model.js';
import { LIMITS, section } from './blocks.js';
import { clip, link } from './mrkdwn.js';

/** Longest title shown, escaped (the link URL comes on top). */
const MAX_TITLE = 300;
/** Budget of the outlet list, links included; outlets past it are counted as "+N more". */
const MAX_OUTLETS_TEXT = 1200;
const MAX_OUTLET_NAME = 60;
/** A summary with less room than this is left out rather than shown as a stub. */
const MIN_SUMMARY = 40;

/** The mrkdwn of one story: at most `max` characters (default: Slack's section limit). */
export function storyText(story: BriefingStory, now: Date, max: number = LIMITS.sectionText): string {
  const title = `*${link(story.url, story.title, MAX_TITLE)}*`;
  const meta = [outletsText(story), relativeTime(story.publishedAt, now)].filter((s) => s !== '').join(' · ');
  const head = meta === '' ? title : `${title}\n${meta}`;
  if (head.length > max) return clip(story.title, max);
  const room = max - head.length - 1;
  const summary = story.summary.trim();
  if (summary === '' || room < MIN_SUMMARY) return head;
  return `${head}\n${clip(summary, room)}`;
}

export function storySection(story: BriefingStory, now: Date) {
  return section(storyText(story, now));
}

function outletsText(story: BriefingStory): string {
  const parts: string[] = [];
  let used = 0;
  let shown = 0;
  for (const outlet of story.outlets) {
    if (outlet.name.trim() === '') continue;
    const linked = link(outlet.url, outlet.name, MAX_OUTLET_NAME);
    const piece = used + linked.length <= MAX_OUTLETS_TEXT ? linked : clip(outlet.name, MAX_OUTLET_NAME);
    if (used + piece.length > MAX_OUTLETS_TEXT) break;
    parts.push(piece);
    used += piece.length + 2;
    shown++;
  }
  const named = story.outlets.filter((o) => o.name.trim() !== '').length;
  const more = named - shown;
  return more > 0 ? `${parts.join(', ')} +${more} more` : parts.join(', ');
}
