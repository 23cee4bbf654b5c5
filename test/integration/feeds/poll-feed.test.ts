import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFeedsCommand } from '../../../src/cli/feeds.js';
import type { CliIO } from '../../../src/cli/io.js';
import { type PollDeps, pollFeed } from '../../../src/feeds/poll-feed.js';
import type { Article } from '../../../src/model.js';
import { MemoryArticleStore } from '../../../src/ports/article-store.js';
import { type FeedStore, MemoryFeedStore, newFeedState } from '../../../src/ports/feed-store.js';
import { startServer, streamBytes, type TestServer } from './server.js';

const RSS = readFileSync(
  fileURLToPath(new URL('../../fixtures/feeds/rss-news.xml', import.meta.url)),
  'utf8',
);
const MALFORMED = readFileSync(
  fileURLToPath(new URL('../../fixtures/feeds/malformed.xml', import.meta.url)),
  'utf8',
);
const T0 = new Date('2026-01-13T10:00:00Z');
const LAST_MODIFIED = 'Tue, 13 Jan 2026 09:12:44 GMT';
const MB = 1024 * 1024;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.routes.clear();
  server.requests.length = 0;
  // A handler's failed assertion about the request (reported here, then cleared for the next test).
  expect(server.errors.splice(0)).toEqual([]);
});

/** A feed store with one feed, and a poll function over an in-memory article log. */
async function setup(path: string, options: PollDeps['options'] = {}) {
  const url = `${server.url}${path}`;
  const feeds = new MemoryFeedStore();
  await feeds.put(newFeedState(url, T0));
  const articles = new MemoryArticleStore();
  const ingested: string[] = [];
  const ingest = async (docKey: string, items: Article[]) => {
    ingested.push(docKey);
    return articles.append(
      docKey,
      items.map((a) => ({ ...a, summary: '' })),
      T0,
    );
  };
  const poll = (now: Date) => pollFeed(url, { feeds, ingest, now, options });
  const state = async () => (await feeds.get(url))!;
  const hits = () => server.requests.filter((r) => r.path === path).length;
  return { url, feeds, articles, ingested, poll, state, hits };
}

function rss(items: Array<{ guid: string; title: string; text?: string }>): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>https://news.example/${i.guid}</link><guid>https://news.example/${i.guid}</guid><pubDate>Tue, 13 Jan 2026 08:00:00 GMT</pubDate><description>${i.text ?? 'Text of the story.'}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>News Example</title>${body}</channel></rss>`;
}

function fakeIO(now: Date) {
  const out = { stdout: '', stderr: '' };
  const io: CliIO = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    now: () => now,
    env: {},
  };
  return { io, out };
}

function cli(store: FeedStore) {
  return createFeedsCommand(async () => ({ store, close: async () => undefined }));
}

describe('pollFeed over HTTP', () => {
  it('sends the validators of a 200 back and records a 304 as not modified', async () => {
    server.routes.set('/conditional.xml', (req, res) => {
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      if (inm === undefined && ims === undefined) {
        res
          .writeHead(200, {
            'content-type': 'application/rss+xml',
            etag: '"v1"',
            'last-modified': LAST_MODIFIED,
          })
          .end(RSS);
        return;
      }
      expect(inm).toBe('"v1"');
      expect(ims).toBe(LAST_MODIFIED);
      res.writeHead(304, { etag: '"v1"' }).end();
    });
    const f = await setup('/conditional.xml');

    const first = await f.poll(T0);
    expect(first).toMatchObject({ outcome: 'ok', newArticles: 5, articles: 5, items: 5 });
    expect(await f.state()).toMatchObject({
      etag: '"v1"',
      lastModified: LAST_MODIFIED,
      lastOutcome: '200 (5 new of 5; 1 item skipped)',
      lastFetchedAt: T0.toISOString(),
      lastSuccessAt: T0.toISOString(),
      articlesSeen: 5,
      consecutiveFailures: 0,
    });
    expect(first.warnings).toContain(
      'item 4 (https://www.seoulledger.example/photos/2026/01/gallery-4471): skipped: no title',
    );

    const later = new Date(T0.getTime() + 15 * 60_000);
    const second = await f.poll(later);
    expect(second.outcome).toBe('not-modified');
    expect(f.hits()).toBe(2);
    expect(await f.state()).toMatchObject({
      lastOutcome: '304 not modified',
      lastFetchedAt: later.toISOString(),
      etag: '"v1"',
      articlesSeen: 5,
    });
    expect(f.ingested).toHaveLength(5);
  });

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
  ] as const)('decodes a %s-encoded body', async (encoding, compress) => {
    server.routes.set(`/${encoding}.xml`, (req, res) => {
      expect(req.headers['accept-encoding']).toBe('gzip, deflate, br');
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': encoding })
        .end(compress(Buffer.from(RSS)));
    });
    const f = await setup(`/${encoding}.xml`);
    const result = await f.poll(T0);
    expect(result).toMatchObject({ outcome: 'ok', newArticles: 5 });
    const stored = (await f.articles.read('', 10)).flatMap((b) => b.articles.map((a) => a.title));
    expect(stored).toContain('Samsung & SK Hynix shares rally on AI chip demand');
  });

  it('keeps a malformed feed as a failure in the state, without its validators', async () => {
    server.routes.set('/malformed.xml', (req, res) => {
      expect(req.headers['if-none-match']).toBeUndefined();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"bad"' }).end(MALFORMED);
    });
    const f = await setup('/malformed.xml', { baseBackoffMs: 60_000 });
    const result = await f.poll(T0);
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(/^not a feed: XML parse error at line 8: /);
    const state = await f.state();
    expect(state).toMatchObject({
      consecutiveFailures: 1,
      etag: null,
      articlesSeen: 0,
      disabledReason: null,
    });
    expect(state.lastError).toMatch(/^not a feed: XML parse error at line 8/);
    expect(state.lastOutcome).toBe(state.lastError);
    expect(state.nextAttemptAt).toBe(new Date(T0.getTime() + 60_000).toISOString());
    // Fetched in full again next time (the server asserts no If-None-Match).
    expect((await f.poll(new Date(T0.getTime() + 60_000))).outcome).toBe('failed');
    expect((await f.state()).consecutiveFailures).toBe(2);
  });

  it('backs off exponentially on 500s, disables the feed after N failures, and `feeds list` shows why', async () => {
    server.routes.set('/down.xml', (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('oops');
    });
    const f = await setup('/down.xml', {
      maxConsecutiveFailures: 5,
      baseBackoffMs: 1000,
      maxBackoffMs: 5000,
    });
    const waits: number[] = [];
    let now = T0;
    for (let i = 1; i <= 4; i++) {
      const result = await f.poll(now);
      expect(result.outcome).toBe('failed');
      expect(result.consecutiveFailures).toBe(i);
      const next = Date.parse((await f.state()).nextAttemptAt!);
      waits.push(next - now.getTime());
      // Before the backoff is over: not fetched.
      expect((await f.poll(new Date(next - 1))).outcome).toBe('skipped-backoff');
      now = new Date(next);
    }
    expect(waits).toEqual([1000, 2000, 4000, 5000]);
    expect(f.hits()).toBe(4);

    const fifth = await f.poll(now);
    expect(fifth.outcome).toBe('disabled');
    const reason = 'disabled after 5 consecutive failures; last: HTTP 500 Internal Server Error';
    expect(await f.state()).toMatchObject({
      disabledReason: reason,
      lastError: 'HTTP 500 Internal Server Error',
    });

    // Disabled: never fetched again, however late.
    expect((await f.poll(new Date(now.getTime() + 86_400_000))).outcome).toBe('skipped-disabled');
    expect(f.hits()).toBe(5);

    const { io, out } = fakeIO(new Date(now.getTime() + 60_000));
    expect(await cli(f.feeds).run(['list'], io)).toBe(0);
    expect(out.stdout).toContain(f.url);
    expect(out.stdout).toContain(`status         ${reason}`);
    expect(out.stdout).toContain('last outcome   HTTP 500 Internal Server Error');

    // `feeds add` enables it again: polled at once.
    expect(await cli(f.feeds).run(['add', f.url], io)).toBe(0);
    expect(out.stdout).toContain(`enabled again: ${f.url} (was ${reason})`);
    expect((await f.poll(new Date(now.getTime() + 120_000))).outcome).toBe('failed');
    expect(f.hits()).toBe(6);
    expect((await f.state()).consecutiveFailures).toBe(1);
  });

  it('waits at least as long as a Retry-After asks', async () => {
    server.routes.set('/busy.xml', (_req, res) => {
      res.writeHead(503, { 'retry-after': '120' }).end();
    });
    const f = await setup('/busy.xml', { baseBackoffMs: 1000, maxBackoffMs: 3_600_000 });
    const result = await f.poll(T0);
    expect(result.error).toBe('HTTP 503 Service Unavailable');
    expect((await f.state()).nextAttemptAt).toBe(new Date(T0.getTime() + 120_000).toISOString());
  });

  it('fails on a server that never answers, within the timeout', async () => {
    server.routes.set('/hang.xml', () => {
      // Never responds.
    });
    const f = await setup('/hang.xml', { timeoutMs: 300 });
    const started = Date.now();
    const result = await f.poll(T0);
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ outcome: 'failed', error: 'timeout after 0.3 s' });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2000);
    expect((await f.state()).lastError).toBe('timeout after 0.3 s');
  });

  it('fails on a body that stalls after the headers, within the timeout', async () => {
    server.routes.set('/stall.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>');
    });
    const f = await setup('/stall.xml', { timeoutMs: 300 });
    const started = Date.now();
    const result = await f.poll(T0);
    expect(result).toMatchObject({ outcome: 'failed', error: 'timeout after 0.3 s' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a 20 MB body announced by Content-Length at once, without reading it', async () => {
    let written = Promise.resolve(0);
    server.routes.set('/huge-length.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(20 * MB) });
      written = streamBytes(res, 20 * MB);
    });
    const f = await setup('/huge-length.xml');
    const result = await f.poll(T0);
    expect(result).toMatchObject({ outcome: 'failed', error: 'response larger than 10 MB' });
    expect(await written).toBeLessThan(10 * MB);
    expect((await f.state()).lastError).toBe('response larger than 10 MB');
  });

  it('refuses a 20 MB body without Content-Length as soon as 10 MB have arrived', async () => {
    let written = Promise.resolve(0);
    server.routes.set('/huge-chunked.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      written = streamBytes(res, 20 * MB);
    });
    const f = await setup('/huge-chunked.xml');
    const result = await f.poll(T0);
    expect(result).toMatchObject({ outcome: 'failed', error: 'response larger than 10 MB' });
    expect(await written).toBeLessThan(20 * MB);
  });

  it('never ingests an unchanged item twice; counts only the new ones', async () => {
    let version = 1;
    server.routes.set('/changing.xml', (_req, res) => {
      const items = [
        {
          guid: 'a',
          title: 'Chip exports jump 20%',
          text: version === 1 ? 'First version.' : 'Edited text, same item.',
        },
        { guid: 'b', title: 'Won steadies against the dollar' },
        ...(version === 2 ? [{ guid: 'c', title: 'Jeju flights resume after snow' }] : []),
      ];
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items));
    });
    const f = await setup('/changing.xml');
    expect(await f.poll(T0)).toMatchObject({ outcome: 'ok', newArticles: 2, newItems: 2 });
    version = 2;
    const second = await f.poll(new Date(T0.getTime() + 60_000));
    expect(second).toMatchObject({ outcome: 'ok', newArticles: 1, articles: 3, newItems: 1 });
    expect((await f.state()).lastOutcome).toBe('200 (1 new of 3)');
    expect((await f.state()).articlesSeen).toBe(3);
    const batches = await f.articles.read('', 10);
    expect(batches.map((b) => b.articles[0]!.title)).toEqual([
      'Chip exports jump 20%',
      'Won steadies against the dollar',
      'Jeju flights resume after snow',
    ]);
  });

  it('follows redirects, and gives up after 5', async () => {
    server.routes.set('/old.xml', (_req, res) => {
      res.writeHead(301, { location: '/moved.xml' }).end();
    });
    server.routes.set('/moved.xml', (_req, res) => {
      res.writeHead(302, { location: `${server.url}/current.xml` }).end();
    });
    server.routes.set('/current.xml', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(rss([{ guid: 'r', title: 'Redirected story' }]));
    });
    server.routes.set('/loop.xml', (_req, res) => {
      res.writeHead(307, { location: '/loop.xml' }).end();
    });
    const moved = await setup('/old.xml');
    expect(await moved.poll(T0)).toMatchObject({ outcome: 'ok', newArticles: 1 });
    expect((await moved.state()).lastOutcome).toBe(
      `200 (1 new of 1; redirected to ${server.url}/current.xml)`,
    );

    const loop = await setup('/loop.xml');
    expect(await loop.poll(T0)).toMatchObject({
      outcome: 'failed',
      error: 'too many redirects (more than 5)',
    });
    expect(loop.hits()).toBe(6);
  });

  it('reports a 404 and a refused connection', async () => {
    const missing = await setup('/nowhere.xml');
    expect(await missing.poll(T0)).toMatchObject({ outcome: 'failed', error: 'HTTP 404 Not Found' });

    const closed = await startServer();
    const url = `${closed.url}/feed.xml`;
    await closed.close();
    const feeds = new MemoryFeedStore();
    await feeds.put(newFeedState(url, T0));
    const result = await pollFeed(url, { feeds, ingest: async () => true, now: T0 });
    expect(result).toMatchObject({ outcome: 'failed', error: 'connection refused' });
  });
});
