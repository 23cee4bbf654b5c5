import { describe, expect, it } from 'vitest';
import { backoffMs, pollFeed } from '../../../src/feeds/poll-feed.js';
import { MemoryFeedStore, newFeedState } from '../../../src/ports/feed-store.js';

const URL_ = 'https://news.example/rss';
const T0 = new Date('2026-01-13T10:00:00Z');
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>News Example</title>
<item><title>Chip exports jump</title><link>https://news.example/a</link><pubDate>Tue, 13 Jan 2026 08:00:00 GMT</pubDate></item>
<item><title>Won steadies</title><link>https://news.example/b</link><pubDate>Tue, 13 Jan 2026 07:00:00 GMT</pubDate></item>
</channel></rss>`;

function respond(
  body: string,
  headers: Record<string, string> = {},
  before?: () => Promise<void>,
): typeof fetch {
  return (async () => {
    await before?.();
    return new Response(body, {
      status: 200,
      headers: { 'content-type': 'application/rss+xml', ...headers },
    });
  }) as typeof fetch;
}

async function storeWithFeed() {
  const feeds = new MemoryFeedStore();
  await feeds.put(newFeedState(URL_, T0));
  return feeds;
}

describe('backoffMs', () => {
  it('doubles from the base up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, 60_000, 600_000))).toEqual([
      60_000, 120_000, 240_000, 480_000, 600_000, 600_000,
    ]);
    expect(backoffMs(2000, 60_000, 600_000)).toBe(600_000);
    expect(backoffMs(0, 60_000, 600_000)).toBe(0);
  });
});

describe('pollFeed', () => {
  it('does not fetch a feed it does not know', async () => {
    let fetched = 0;
    const result = await pollFeed(URL_, {
      feeds: new MemoryFeedStore(),
      ingest: async () => true,
      now: T0,
      fetch: (async () => {
        fetched++;
        return new Response('');
      }) as typeof fetch,
    });
    expect(result.outcome).toBe('skipped-unknown');
    expect(fetched).toBe(0);
  });

  it('does not hold a failing store against the feed, and keeps no validators so the next poll reads it all', async () => {
    const feeds = await storeWithFeed();
    let calls = 0;
    const result = await pollFeed(URL_, {
      feeds,
      ingest: async () => {
        calls++;
        if (calls === 2) throw new Error("READONLY You can't write against a read only replica.");
        return true;
      },
      now: T0,
      fetch: respond(FEED, { etag: '"x"' }),
    });
    expect(result).toMatchObject({ outcome: 'ingest-failed', newArticles: 1 });
    expect(await feeds.get(URL_)).toMatchObject({
      consecutiveFailures: 0,
      etag: null,
      nextAttemptAt: null,
      articlesSeen: 1,
      lastError: "ingest failed: READONLY You can't write against a read only replica.",
    });
  });

  it('does not bring back a feed removed while it was being fetched', async () => {
    const feeds = await storeWithFeed();
    const result = await pollFeed(URL_, {
      feeds,
      ingest: async () => true,
      now: T0,
      fetch: respond(FEED, {}, async () => {
        await feeds.remove(URL_);
      }),
    });
    expect(result.outcome).toBe('skipped-unknown');
    expect(await feeds.list()).toEqual([]);
  });

  it('applies its changes to the state as it is after the fetch, keeping changes made meanwhile', async () => {
    const feeds = await storeWithFeed();
    const result = await pollFeed(URL_, {
      feeds,
      ingest: async () => true,
      now: T0,
      fetch: respond(FEED, { 'last-modified': 'Tue, 13 Jan 2026 09:00:00 GMT' }, async () => {
        const s = (await feeds.get(URL_))!;
        await feeds.put({ ...s, articlesSeen: 100 });
      }),
    });
    expect(result).toMatchObject({ outcome: 'ok', newArticles: 2, items: 2 });
    expect(await feeds.get(URL_)).toMatchObject({
      articlesSeen: 102,
      lastModified: 'Tue, 13 Jan 2026 09:00:00 GMT',
      lastOutcome: '200 (2 new of 2)',
    });
  });

  it('dates items without a date at the poll time, saying so', async () => {
    const feeds = await storeWithFeed();
    const seen: string[] = [];
    const result = await pollFeed(URL_, {
      feeds,
      ingest: async (_key, articles) => {
        seen.push(...articles.map((a) => a.publishedAt));
        return true;
      },
      now: T0,
      fetch: respond(FEED.replace('<pubDate>Tue, 13 Jan 2026 08:00:00 GMT</pubDate>', '')),
    });
    expect(seen).toEqual(['2026-01-13T10:00:00Z', '2026-01-13T07:00:00Z']);
    expect(result.warnings).toEqual(['item 1 ("Chip exports jump"): no date; using the time it was fetched']);
  });
});
