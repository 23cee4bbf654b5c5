/**
 * One BullMQ Job Scheduler per enabled feed on the `feeds` queue: `every` = the poll interval with a
 * ±10 % jitter that is fixed per URL (so feeds added together spread out, and a restart keeps each
 * feed's slot). Disabled and removed feeds have none.
 */
import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { FeedState, FeedStore } from '../ports/feed-store.js';

export const FEED_JOB_NAME = 'poll';

export interface FeedJobData {
  url: string;
}

/** The scheduler id of a feed: a hash of its URL (URLs contain ':', which scheduler ids avoid). */
export function feedSchedulerId(url: string): string {
  return `feed.${createHash('sha256').update(url).digest('hex').slice(0, 24)}`;
}

/** A number in [-1, 1] fixed for the URL. */
function unitJitter(url: string): number {
  const n = createHash('sha256').update(`jitter:${url}`).digest().readUInt32BE(0);
  return (n / 0xffffffff) * 2 - 1;
}

/** The poll interval of a feed: `baseMs` ± `spread` (10 %), the same for a URL every time. */
export function feedIntervalMs(url: string, baseMs: number, spread = 0.1): number {
  return Math.max(1_000, Math.round(baseMs * (1 + spread * unitJitter(url))));
}

export class FeedSchedulers {
  constructor(
    private readonly queue: Queue,
    private readonly intervalMs: number,
  ) {}

  /** Creates or keeps the scheduler of an enabled feed (the first poll is at once); removes a disabled feed's. */
  async apply(state: Pick<FeedState, 'url' | 'disabledReason'>): Promise<void> {
    if (state.disabledReason) {
      await this.remove(state.url);
      return;
    }
    const data: FeedJobData = { url: state.url };
    await this.queue.upsertJobScheduler(
      feedSchedulerId(state.url),
      { every: feedIntervalMs(state.url, this.intervalMs) },
      { name: FEED_JOB_NAME, data },
    );
  }

  async remove(url: string): Promise<void> {
    await this.queue.removeJobScheduler(feedSchedulerId(url));
  }

  /**
   * Makes the schedulers match the store: one per enabled feed, none for disabled or unknown
   * feeds. Returns how many feeds are scheduled.
   */
  async sync(store: FeedStore): Promise<{ scheduled: number; removed: number }> {
    const feeds = await store.list();
    const wanted = new Set<string>();
    for (const feed of feeds) {
      await this.apply(feed);
      if (!feed.disabledReason) wanted.add(feedSchedulerId(feed.url));
    }
    let removed = 0;
    const pageSize = 1000;
    const stale: string[] = [];
    for (let start = 0; ; start += pageSize) {
      const page = await this.queue.getJobSchedulers(start, start + pageSize - 1, true);
      for (const s of page) if (!wanted.has(s.key)) stale.push(s.key);
      if (page.length < pageSize) break;
    }
    for (const key of stale) {
      if (await this.queue.removeJobScheduler(key)) removed++;
    }
    return { scheduled: wanted.size, removed };
  }
}

/**
 * A FeedStore that keeps the schedulers in step with every change made through it: what the
 * `newsbrief feeds add|remove` CLI uses, so that a feed added there is polled at once and a removed
 * one stops, without restarting the workers.
 */
export class SchedulingFeedStore implements FeedStore {
  constructor(
    private readonly store: FeedStore,
    private readonly schedulers: FeedSchedulers,
  ) {}

  get(url: string): Promise<FeedState | null> {
    return this.store.get(url);
  }

  async put(state: FeedState): Promise<void> {
    await this.store.put(state);
    await this.schedulers.apply(state);
  }

  async remove(url: string): Promise<boolean> {
    await this.schedulers.remove(url);
    return this.store.remove(url);
  }

  list(): Promise<FeedState[]> {
    return this.store.list();
  }
}
