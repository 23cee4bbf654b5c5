import type { NewsEngine } from '../briefing/engine.js';
import type { Briefing, BriefingStory } from '../model.js';
import type { DeliveryLog } from '../ports/delivery-log.js';
import type { Digest } from '../ports/publisher.js';
import type { Subscription } from '../subscriptions/model.js';
import { localDateAt } from './time.js';

const HOUR_MS = 3_600_000;

/** What building a digest needs from the engine. */
export type BriefingEngine = Pick<NewsEngine, 'brief'>;

export interface DigestOptions {
  /**
   * Send a short "no new stories" digest when nothing new matched, instead of skipping the day.
   * @defaultValue false
   */
  sendEmptyDigests: boolean;
  /** Window of the first digest of a channel. @defaultValue 24 h */
  firstDigestWindowMs: number;
  /**
   * How far before the previous digest the next one looks. Stories are never resent (already
   * delivered articles are excluded), so the overlap only catches articles that were published
   * before the previous digest but ingested after it (feed polling lag). @defaultValue 1 h
   */
  overlapMs: number;
  /** Oldest a digest ever looks back, e.g. after a long pause. @defaultValue 7 days */
  maxWindowMs: number;
}

export const DEFAULT_DIGEST_OPTIONS: DigestOptions = {
  sendEmptyDigests: false,
  firstDigestWindowMs: 24 * HOUR_MS,
  overlapMs: HOUR_MS,
  maxWindowMs: 7 * 24 * HOUR_MS,
};

/** Which stories a digest built at `now` may hold. */
export interface DigestWindow {
  /** Stories with an article published at or after this instant. */
  since: Date;
  /** Article ids the channel already received: stories containing any of them are left out. */
  exclude: ReadonlySet<string>;
  /** When the channel last completed a digest (null before its first). */
  lastDeliveredAt: Date | null;
}

/**
 * The window of the digest a subscription gets at `now`: stories since its previous digest (minus
 * the overlap; the first digest: the last 24 h; never more than 7 days), without any article it
 * already received. Shared by the digest job and /news preview so that both build the same digest.
 */
export async function digestWindow(
  subscriptionId: string,
  now: Date,
  deliveries: DeliveryLog,
  options: Partial<DigestOptions> = {},
): Promise<DigestWindow> {
  const o = { ...DEFAULT_DIGEST_OPTIONS, ...options };
  const [lastDeliveredAt, exclude] = await Promise.all([
    deliveries.lastDeliveredAt(subscriptionId),
    deliveries.deliveredArticleIds(subscriptionId),
  ]);
  const nowMs = now.getTime();
  const from =
    lastDeliveredAt === null
      ? nowMs - o.firstDigestWindowMs
      : Math.min(lastDeliveredAt.getTime(), nowMs) - o.overlapMs;
  return { since: new Date(Math.max(from, nowMs - o.maxWindowMs)), exclude, lastDeliveredAt };
}

/** How a digest names its tags as the briefing's topic: "korea, japan". */
export function digestTopic(tags: readonly string[]): string {
  return tags.join(', ');
}

/**
 * The digest for a subscription at `now`: at most `maxStories` stories on its tags published since
 * `since` (default: the last 24 h), leaving out every story that contains an article in `exclude`
 * (so a story that only gained outlets is not resent). Null when no story qualifies. `localDate`
 * defaults to the date of `now` in the subscription's zone.
 *
 * Tags are alternatives: each tag is briefed on its own and the pages are merged by score (a story
 * found by several tags counts once, with its best score). Briefing the tags joined as one topic
 * would rank by how many of the words an article has (the engine squares the share of query words
 * matched), and a "korea japan" subscription would lose its korea-only and japan-only stories. A
 * multi-word tag ("south korea") is one query, so it keeps preferring articles with both words.
 * The digest's `briefing.totalStories` counts the distinct stories of the tags' pages (at most
 * `maxStories` per tag), not every match.
 */
export function buildDigest(
  engine: BriefingEngine,
  sub: Subscription,
  options: { now: Date; since?: Date; exclude?: ReadonlySet<string>; localDate?: string },
): Digest | null {
  const { now } = options;
  const since = options.since ?? new Date(now.getTime() - DEFAULT_DIGEST_OPTIONS.firstDigestWindowMs);
  const limit = Math.max(1, sub.maxStories);
  const best = new Map<string, BriefingStory>();
  for (const tag of sub.tags) {
    const briefing = engine.brief(tag, {
      now,
      limit,
      since,
      exactTopic: true,
      ...(options.exclude !== undefined ? { excludeArticleIds: options.exclude } : {}),
    });
    for (const story of briefing.stories) {
      const current = best.get(story.id);
      if (current === undefined || story.score.total > current.score.total) best.set(story.id, story);
    }
  }
  if (best.size === 0) return null;
  const stories = [...best.values()]
    .sort((a, b) => b.score.total - a.score.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
  return makeDigest(
    sub,
    {
      topic: digestTopic(sub.tags),
      generatedAt: now.toISOString(),
      stories,
      totalStories: best.size,
      offset: 0,
      notice: null,
    },
    options.localDate ?? localDateAt(now, sub.timeZone),
  );
}

/**
 * A digest with no stories ("no new stories on <tags>"), for subscriptions that want one on quiet
 * days (`sendEmptyDigests`). Publishers recognise it by `briefing.stories.length === 0` and can use
 * `emptyDigestText`.
 */
export function emptyDigest(sub: Subscription, now: Date, localDate?: string): Digest {
  return makeDigest(
    sub,
    {
      topic: digestTopic(sub.tags),
      generatedAt: now.toISOString(),
      stories: [],
      totalStories: 0,
      offset: 0,
      notice: null,
    },
    localDate ?? localDateAt(now, sub.timeZone),
  );
}

/** Plain text for a digest without stories. */
export function emptyDigestText(tags: readonly string[]): string {
  return `No new stories on ${andList(tags)} since the last digest.`;
}

function makeDigest(sub: Subscription, briefing: Briefing, localDate: string): Digest {
  return {
    subscriptionId: sub.id,
    channel: { ...sub.channel },
    tags: [...sub.tags],
    localDate,
    timeZone: sub.timeZone,
    briefing,
  };
}

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
