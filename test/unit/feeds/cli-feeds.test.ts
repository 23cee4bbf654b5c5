import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFeedsCommand, renderFeedList } from '../../../src/cli/feeds.js';
import { type CliIO, UsageError } from '../../../src/cli/io.js';
import { type FeedState, MemoryFeedStore, newFeedState } from '../../../src/ports/feed-store.js';

const NOW = new Date('2026-01-14T09:00:00Z');
const RSS = readFileSync(
  fileURLToPath(new URL('../../fixtures/feeds/rss-news.xml', import.meta.url)),
  'utf8',
);

function setup(env: Record<string, string> = {}, fetchImpl?: typeof fetch) {
  const store = new MemoryFeedStore();
  let opened = 0;
  let closed = 0;
  const command = createFeedsCommand(
    async () => {
      opened++;
      return {
        store,
        close: async () => {
          closed++;
        },
      };
    },
    { fetch: fetchImpl },
  );
  const out = { stdout: '', stderr: '' };
  const io: CliIO = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    now: () => NOW,
    env,
  };
  const run = async (...args: string[]) => {
    out.stdout = '';
    out.stderr = '';
    return command.run(args, io);
  };
  return { store, run, out, counts: () => ({ opened, closed }) };
}

function feed(url: string, patch: Partial<FeedState>): FeedState {
  return { ...newFeedState(url, new Date('2026-01-10T00:00:00Z')), ...patch };
}

describe('newsbrief feeds add', () => {
  it('adds valid URLs in their normal form, reports invalid ones, and exits 1 if any was invalid', async () => {
    const t = setup();
    expect(await t.run('add', 'HTTPS://Tokyowire.example/feed.atom', 'tokyowire.example/rss')).toBe(1);
    expect(t.out.stdout).toBe('added: https://tokyowire.example/feed.atom\n');
    expect(t.out.stderr).toBe('invalid: "tokyowire.example/rss": not a URL (missing http:// or https://)\n');
    expect((await t.store.list()).map((f) => [f.url, f.addedAt])).toEqual([
      ['https://tokyowire.example/feed.atom', NOW.toISOString()],
    ]);
    expect(t.counts()).toEqual({ opened: 1, closed: 1 });
  });

  it('says when a feed is already there, keeping its state', async () => {
    const t = setup();
    await t.store.put(feed('https://a.example/rss', { articlesSeen: 12, lastOutcome: '304 not modified' }));
    expect(await t.run('add', 'https://a.example/rss')).toBe(0);
    expect(t.out.stdout).toBe('already added: https://a.example/rss\n');
    expect((await t.store.get('https://a.example/rss'))?.articlesSeen).toBe(12);
  });

  it('enables a disabled feed again, due at the next poll', async () => {
    const t = setup();
    const reason = 'disabled after 10 consecutive failures; last: HTTP 500';
    await t.store.put(
      feed('https://a.example/rss', {
        disabledReason: reason,
        consecutiveFailures: 10,
        nextAttemptAt: '2026-01-14T15:00:00.000Z',
      }),
    );
    expect(await t.run('add', 'https://a.example/rss')).toBe(0);
    expect(t.out.stdout).toBe(`enabled again: https://a.example/rss (was ${reason})\n`);
    expect(await t.store.get('https://a.example/rss')).toMatchObject({
      disabledReason: null,
      consecutiveFailures: 0,
      nextAttemptAt: null,
    });
  });

  it('needs a URL', async () => {
    await expect(setup().run('add')).rejects.toThrow(UsageError);
  });
});

describe('newsbrief feeds remove', () => {
  it('removes feeds, reports unknown ones and exits 1 for them', async () => {
    const t = setup();
    await t.store.put(feed('https://a.example/rss', {}));
    expect(await t.run('remove', 'https://A.example/rss', 'https://b.example/rss')).toBe(1);
    expect(t.out.stdout).toBe('removed: https://a.example/rss\n');
    expect(t.out.stderr).toBe('not found: https://b.example/rss\n');
    expect(await t.store.list()).toEqual([]);
  });

  it('warns that a feed listed in FEEDS comes back at the next start', async () => {
    const t = setup({ FEEDS: 'https://a.example/rss,https://c.example/rss' });
    await t.store.put(feed('https://a.example/rss', {}));
    expect(await t.run('remove', 'https://a.example/rss')).toBe(0);
    expect(t.out.stderr).toBe(
      'note: https://a.example/rss is listed in FEEDS and will be added again at the next start; take it out of FEEDS to remove it for good\n',
    );
  });
});

describe('newsbrief feeds list', () => {
  const feeds = [
    feed('https://ok.example/rss', {
      lastFetchedAt: '2026-01-14T08:45:00.000Z',
      lastSuccessAt: '2026-01-14T08:45:00.000Z',
      lastOutcome: '200 (3 new of 20)',
      articlesSeen: 42,
    }),
    feed('https://failing.example/rss', {
      lastFetchedAt: '2026-01-14T08:50:00.000Z',
      lastOutcome: 'timeout after 15 s',
      lastError: 'timeout after 15 s',
      consecutiveFailures: 3,
      nextAttemptAt: '2026-01-14T09:20:00.000Z',
    }),
    feed('https://dead.example/rss', {
      lastFetchedAt: '2026-01-13T09:00:00.000Z',
      lastOutcome: 'HTTP 500 Internal Server Error',
      lastError: 'HTTP 500 Internal Server Error',
      consecutiveFailures: 10,
      disabledReason: 'disabled after 10 consecutive failures; last: HTTP 500 Internal Server Error',
    }),
    feed('https://new.example/rss', {}),
  ];

  it('shows each feed: status, last fetch, last outcome, articles seen and next attempt', async () => {
    const t = setup();
    for (const f of feeds) await t.store.put(f);
    expect(await t.run('list')).toBe(0);
    expect(t.out.stdout).toBe(`4 feeds (1 ok, 1 new, 1 failing, 1 disabled)

https://dead.example/rss
  status         disabled after 10 consecutive failures; last: HTTP 500 Internal Server Error
  last fetch     2026-01-13 09:00 UTC (24 h ago)
  last outcome   HTTP 500 Internal Server Error
  articles seen  0
  next attempt   none (disabled; "newsbrief feeds add" enables it again)

https://failing.example/rss
  status         failing (3): timeout after 15 s
  last fetch     2026-01-14 08:50 UTC (10 min ago)
  last outcome   timeout after 15 s
  articles seen  0
  next attempt   2026-01-14 09:20 UTC (in 20 min)

https://new.example/rss
  status         new (not fetched yet)
  last fetch     never
  last outcome   -
  articles seen  0
  next attempt   at the next poll

https://ok.example/rss
  status         ok
  last fetch     2026-01-14 08:45 UTC (15 min ago)
  last outcome   200 (3 new of 20)
  articles seen  42
  next attempt   at the next poll
`);
  });

  it('--json gives every field and the status', async () => {
    const t = setup();
    for (const f of feeds) await t.store.put(f);
    expect(await t.run('list', '--json')).toBe(0);
    const records = JSON.parse(t.out.stdout) as Array<FeedState & { status: string }>;
    expect(records.map((r) => [r.url, r.status, r.consecutiveFailures])).toEqual([
      ['https://dead.example/rss', 'disabled', 10],
      ['https://failing.example/rss', 'failing', 3],
      ['https://new.example/rss', 'new', 0],
      ['https://ok.example/rss', 'ok', 0],
    ]);
    expect(records[0]!.disabledReason).toBe(
      'disabled after 10 consecutive failures; last: HTTP 500 Internal Server Error',
    );
  });

  it('says how to add a feed when there is none', () => {
    expect(renderFeedList([], NOW)).toBe('No feeds. Add one with: newsbrief feeds add <url>\n');
  });

  it('refuses --json elsewhere and unknown commands', async () => {
    await expect(setup().run('add', 'https://a.example/rss', '--json')).rejects.toThrow(
      '--json goes with feeds list',
    );
    await expect(setup().run('frobnicate')).rejects.toThrow('unknown feeds command "frobnicate"');
    await expect(setup().run()).rejects.toThrow(UsageError);
  });
});

describe('newsbrief feeds check', () => {
  it('fetches a feed once and shows what it reads, without adding it', async () => {
    const fetchImpl = (async () =>
      new Response(RSS, { status: 200, headers: { 'content-type': 'application/rss+xml' } })) as typeof fetch;
    const t = setup({}, fetchImpl);
    expect(await t.run('check', 'https://www.seoulledger.example/rss/world.xml')).toBe(0);
    expect(t.out.stdout).toMatch(/^RSS feed "The Seoul Ledger": 5 items, 5 articles \(1 skipped\)\n/);
    expect(t.out.stdout).toContain(
      '  2026-01-13 00:05  Samsung & SK Hynix shares rally on AI chip demand (The Seoul Ledger)',
    );
    expect(t.out.stderr).toContain(
      'warning: item 4 (https://www.seoulledger.example/photos/2026/01/gallery-4471): skipped: no title',
    );
    expect(await t.store.list()).toEqual([]);
    expect(t.counts().opened).toBe(0);
  });

  it('reports a feed that cannot be read', async () => {
    const fetchImpl = (async () =>
      new Response('<html><body>Sorry</body></html>', { status: 200 })) as typeof fetch;
    const t = setup({}, fetchImpl);
    expect(await t.run('check', 'https://a.example/rss')).toBe(1);
    expect(t.out.stderr).toBe('https://a.example/rss: an HTML page, not a feed\n');
  });
});
