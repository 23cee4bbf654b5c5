/**
 * What the buttons of a briefing carry in their `value`: only the topic, the page offset and the
 * instant the briefing was built for (so that "More" pages the same ranking). No tokens, no ids.
 * Values come back from Slack inside signed requests, but they are still checked again through the
 * core grammar before use.
 */
import { normaliseTag, parseCommand } from '../../src/commands/index.js';

/** Action ids of the briefing buttons. */
export const ACTIONS = {
  more: 'news_more',
  share: 'news_share',
  subscribe: 'news_subscribe',
} as const;

/** A page of a briefing. */
export interface BriefingRef {
  topic: string;
  offset: number;
  /** The instant the briefing was built for. */
  now: Date;
}

const MAX_OFFSET = 10_000;

export function encodeBriefingRef(ref: BriefingRef): string {
  return JSON.stringify({ t: ref.topic, o: ref.offset, n: ref.now.toISOString() });
}

/** The page a button points to, or null when the value isn't one we made. */
export function decodeBriefingRef(value: string | undefined): BriefingRef | null {
  const data = parseObject(value);
  if (data === null) return null;
  const { t, o, n } = data;
  if (typeof t !== 'string' || typeof o !== 'number' || typeof n !== 'string') return null;
  if (!Number.isInteger(o) || o < 0 || o > MAX_OFFSET) return null;
  const now = new Date(n);
  if (Number.isNaN(now.getTime())) return null;
  const parsed = parseCommand(t);
  if (!parsed.ok || parsed.command.kind !== 'brief') return null;
  return { topic: parsed.command.topic, offset: o, now };
}

/** The tag "Subscribe this channel to <topic>" follows: the topic as one tag, or null if it can't be one. */
export function topicTag(topic: string): string | null {
  const tag = normaliseTag(topic);
  return tag.ok ? tag.tag : null;
}

export function encodeTagRef(tag: string): string {
  return JSON.stringify({ g: tag });
}

export function decodeTagRef(value: string | undefined): string | null {
  const data = parseObject(value);
  if (data === null || typeof data.g !== 'string') return null;
  return topicTag(data.g);
}

function parseObject(value: string | undefined): Record<string, unknown> | null {
  if (value === undefined || value.length > 2000) return null;
  try {
    const data: unknown = JSON.parse(value);
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
