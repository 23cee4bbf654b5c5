import { parseFeed } from '../ingest/parse-feed.js';
import type { Article } from '../model.js';
import type { FeedState, FeedStore } from '../ports/feed-store.js';
import { fetchFeed } from './fetch-feed.js';

export interface PollOptions {
  /** Consecutive failures after which a feed is disabled (until `feeds add` enables it again). */
  maxConsecutiveFailures: number;
  /** Wait after the first failure; doubled after each further one… */
  baseBackoffMs: number;
  /** …up to this. */
  maxBackoffMs: number;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

export const DEFAULT_POLL_OPTIONS: PollOptions = {
  maxConsecutiveFailures: 10,
  baseBackoffMs: 5 * 60 * 1000,
  maxBackoffMs: 6 * 60 * 60 * 1000,
  timeoutMs: 15_000,
  maxBytes: 10 * 1024 * 1024,
  userAgent: 'newsbrief/0.1 (RSS/Atom reader)',
};

export interface PollDeps {
  feeds: FeedStore;
  /**
   * Stores one document (one feed item) unless a document with the same key was stored before;
   * returns true when it was new. Normally ArticleStore.append after summarising the articles.
   */
  ingest: (docKey: string, articles: Article[]) => Promise<boolean>;
  fetch?: typeof fetch;
  now: Date;
  options?: Partial<PollOptions>;
  /** Aborts an in-flight fetch (shutdown). */
  signal?: AbortSignal;
}

/**
 * What one poll did, for logs and metrics:
 * - `ok`, `not-modified`: fetched (and read) successfully;
 * - `failed`: the fetch or the feed failed; the feed backs off;
 * - `disabled`: it failed once too often and is now disabled;
 * - `ingest-failed`: the feed was read but storing its items failed (not held against the feed);
 * - `skipped-disabled`, `skipped-backoff`: not fetched (disabled, or waiting until `nextAttemptAt`);
 * - `skipped-unknown`: no such feed (removed).
 */
export type PollOutcome =
  | 'ok'
  | 'not-modified'
  | 'failed'
  | 'disabled'
  | 'ingest-failed'
  | 'skipped-disabled'
  | 'skipped-backoff'
  | 'skipped-unknown';

export interface PollSummary {
  url: string;
  outcome: PollOutcome;
  /** Articles stored for the first time by this poll. */
  newArticles: number;
  /** Articles in the feed as read (0 unless `ok`). */
  articles: number;
  /** Items in the feed as read, and how many of them were new documents. */
  items: number;
  newItems: number;
  /** Parse warnings, one line each, naming the item. */
  warnings: string[];
  /** The failure, for `failed`, `disabled` and `ingest-failed`. */
  error: string | null;
  consecutiveFailures: number;
  nextAttemptAt: string | null;
}

/** Backoff after `failures` consecutive failures: base × 2^(failures − 1), at most `max`. */
export function backoffMs(failures: number, base: number, max: number): number {
  if (failures < 1) return 0;
  return Math.min(max, base * 2 ** Math.min(failures - 1, 52));
}

/**
 * Polls one feed: skips it when disabled or before `nextAttemptAt`; otherwise fetches it
 * conditionally and, on a 200, ingests each item as its own document (keyed by its guid or link and
 * title, so an unchanged item is never stored twice) and records the validators; on a 304 records
 * success; on a failure (HTTP error, timeout, too large, not a feed) counts it, backs off
 * exponentially and, after `maxConsecutiveFailures`, disables the feed with the reason. Validators
 * are only kept after a response that was read in full, so a feed that failed is fetched in full
 * next time. Platform- and queue-neutral; never throws for a feed's failure (the store's errors
 * propagate).
 */
export async function pollFeed(url: string, deps: PollDeps): Promise<PollSummary> {
  const options = { ...DEFAULT_POLL_OPTIONS, ...deps.options };
  const now = deps.now;
  const state = await deps.feeds.get(url);
  const summary = (
    outcome: PollOutcome,
    s: FeedState | null,
    extra: Partial<PollSummary> = {},
  ): PollSummary => ({
    url,
    outcome,
    newArticles: 0,
    articles: 0,
    items: 0,
    newItems: 0,
    warnings: [],
    error: null,
    consecutiveFailures: s?.consecutiveFailures ?? 0,
    nextAttemptAt: s?.nextAttemptAt ?? null,
    ...extra,
  });
  if (!state) return summary('skipped-unknown', null);
  if (state.disabledReason) return summary('skipped-disabled', state, { error: state.disabledReason });
  if (state.nextAttemptAt && Date.parse(state.nextAttemptAt) > now.getTime())
    return summary('skipped-backoff', state);

  const fetched = await fetchFeed(url, state, {
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
    userAgent: options.userAgent,
    fetch: deps.fetch,
    now,
    signal: deps.signal,
  });

  // Another process may have removed, disabled or re-enabled the feed meanwhile: apply this
  // poll's changes to the state as it is now.
  const update = async (change: (s: FeedState) => void): Promise<FeedState | null> => {
    const current = await deps.feeds.get(url);
    if (!current) return null;
    current.lastFetchedAt = now.toISOString();
    change(current);
    await deps.feeds.put(current);
    return current;
  };
  const fail = async (reason: string, retryAfterMs: number | null): Promise<PollSummary> => {
    const saved = await update((s) => {
      s.consecutiveFailures += 1;
      s.lastOutcome = reason;
      s.lastError = reason;
      let wait = backoffMs(s.consecutiveFailures, options.baseBackoffMs, options.maxBackoffMs);
      if (retryAfterMs !== null) wait = Math.max(wait, Math.min(retryAfterMs, options.maxBackoffMs));
      s.nextAttemptAt = new Date(now.getTime() + wait).toISOString();
      if (s.consecutiveFailures >= options.maxConsecutiveFailures && !s.disabledReason)
        s.disabledReason = `disabled after ${s.consecutiveFailures} consecutive failures; last: ${reason}`;
    });
    if (!saved) return summary('skipped-unknown', null, { error: reason });
    return summary(saved.disabledReason ? 'disabled' : 'failed', saved, { error: reason });
  };
  const succeed = (s: FeedState, outcome: string): void => {
    s.consecutiveFailures = 0;
    s.nextAttemptAt = null;
    s.lastError = null;
    s.lastSuccessAt = now.toISOString();
    s.lastOutcome = outcome;
  };

  if (fetched.kind === 'failed') return fail(fetched.reason, fetched.retryAfterMs);
  if (fetched.kind === 'not-modified') {
    const saved = await update((s) => succeed(s, '304 not modified'));
    return summary(saved ? 'not-modified' : 'skipped-unknown', saved);
  }

  const feed = parseFeed(fetched.body, { origin: url, now, nowLabel: 'the time it was fetched' });
  if (!feed.ok)
    return fail(/\bnot a feed\b/.test(feed.reason) ? feed.reason : `not a feed: ${feed.reason}`, null);
  const warnings = fetched.warning ? [fetched.warning, ...feed.warnings] : feed.warnings;
  const articles = feed.items.reduce((n, item) => n + item.length, 0);
  let newArticles = 0;
  let newItems = 0;
  try {
    for (const [i, item] of feed.items.entries()) {
      if (await deps.ingest(feed.itemKeys[i]!, item)) {
        newItems++;
        newArticles += item.length;
      }
    }
  } catch (error) {
    // Not the feed's fault: record it without counting a failure or keeping the validators, so
    // the next poll reads the feed in full again (items already stored are not stored twice).
    const reason = `ingest failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    const saved = await update((s) => {
      s.lastOutcome = reason;
      s.lastError = reason;
      s.articlesSeen += newArticles;
    });
    return summary('ingest-failed', saved, {
      error: reason,
      warnings,
      newArticles,
      articles,
      items: feed.items.length,
      newItems,
    });
  }
  const notes = [
    ...(feed.skipped > 0 ? [`${feed.skipped} item${feed.skipped === 1 ? '' : 's'} skipped`] : []),
    // A feed that moved: the operator may want to add the new URL instead.
    ...(fetched.url !== url ? [`redirected to ${fetched.url}`] : []),
  ];
  const note = notes.map((n) => `; ${n}`).join('');
  const saved = await update((s) => {
    succeed(s, `${fetched.status} (${newArticles} new of ${articles}${note})`);
    s.etag = fetched.etag;
    s.lastModified = fetched.lastModified;
    s.articlesSeen += newArticles;
  });
  return summary(saved ? 'ok' : 'skipped-unknown', saved, {
    newArticles,
    articles,
    items: feed.items.length,
    newItems,
    warnings,
  });
}
