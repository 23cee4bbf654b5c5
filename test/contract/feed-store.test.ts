import { describe, expect, it } from 'vitest';
import { type FeedState, newFeedState } from '../../src/ports/index.js';
import { backends } from './backends.js';

const now = new Date('2026-01-14T09:00:00.000Z');

function fetched(url: string): FeedState {
  return {
    ...newFeedState(url, now),
    etag: 'W/"abc"',
    lastModified: 'Wed, 14 Jan 2026 08:00:00 GMT',
    lastFetchedAt: '2026-01-14T09:00:00.000Z',
    lastSuccessAt: '2026-01-14T09:00:00.000Z',
    lastOutcome: '200 (12 new)',
    articlesSeen: 12,
  };
}

describe.each(backends)('FeedStore contract ($name)', (backend) => {
  const ctx = backend.setup();

  it('stores a feed state and gives it back unchanged', async () => {
    const { feeds } = ctx.make();
    const fresh = newFeedState('https://example.com/rss?lang=en&x=1', now);
    await feeds.put(fresh);
    expect(await feeds.get(fresh.url)).toEqual(fresh);
    expect(await feeds.get('https://example.com/unknown.xml')).toBeNull();
  });

  it('replaces the state of a feed on put', async () => {
    const { feeds } = ctx.make();
    const url = 'https://example.com/feed.xml';
    await feeds.put(newFeedState(url, now));
    const failing: FeedState = {
      ...fetched(url),
      consecutiveFailures: 3,
      nextAttemptAt: '2026-01-14T10:00:00.000Z',
      lastError: 'HTTP 500',
      disabledReason: 'too many failures',
    };
    await feeds.put(failing);
    expect(await feeds.get(url)).toEqual(failing);
    expect(await feeds.list()).toEqual([failing]);
  });

  it('lists feeds sorted by url', async () => {
    const { feeds } = ctx.make();
    const urls = ['https://b.example/rss', 'https://a.example/rss', 'https://c.example/atom'];
    for (const url of urls) await feeds.put(fetched(url));
    expect((await feeds.list()).map((f) => f.url)).toEqual([...urls].sort((a, b) => a.localeCompare(b)));
  });

  it('removes a feed, saying whether it was there', async () => {
    const { feeds } = ctx.make();
    await feeds.put(fetched('https://a.example/rss'));
    await feeds.put(fetched('https://b.example/rss'));
    expect(await feeds.remove('https://a.example/rss')).toBe(true);
    expect(await feeds.remove('https://a.example/rss')).toBe(false);
    expect(await feeds.get('https://a.example/rss')).toBeNull();
    expect((await feeds.list()).map((f) => f.url)).toEqual(['https://b.example/rss']);
  });
});
