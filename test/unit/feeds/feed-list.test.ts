import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFeedList, normaliseFeedUrl, parseFeedList, syncFeeds } from '../../../src/feeds/feed-list.js';
import { MemoryFeedStore } from '../../../src/ports/feed-store.js';

const dir = mkdtempSync(join(tmpdir(), 'newsbrief-feedlist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('normaliseFeedUrl', () => {
  it('puts a URL in one form: lower-case host, no fragment', () => {
    expect(normaliseFeedUrl(' HTTPS://Example.COM/rss/world.xml#top ')).toEqual({
      ok: true,
      url: 'https://example.com/rss/world.xml',
    });
  });
  it.each([
    ['example.com/feed.xml', 'not a URL (missing http:// or https://)'],
    ['feed', 'not a URL'],
    ['ftp://example.com/feed.xml', 'not an http or https URL (ftp)'],
    ['https://user:secret@example.com/feed.xml', 'user names and passwords in feed URLs are not supported'],
  ])('refuses %s: %s', (raw, reason) => {
    expect(normaliseFeedUrl(raw)).toEqual({ ok: false, reason });
  });
});

describe('parseFeedList', () => {
  it('splits on commas, whitespace and newlines, dropping duplicates', () => {
    expect(
      parseFeedList(
        'https://a.example/rss, https://b.example/atom.xml\thttps://a.example/rss\nhttps://c.example/feed',
      ),
    ).toEqual({
      urls: ['https://a.example/rss', 'https://b.example/atom.xml', 'https://c.example/feed'],
      errors: [],
    });
  });
  it('reports each invalid entry on its own line with its line number, keeping the rest', () => {
    const list = parseFeedList(
      [
        '# Korea and Japan',
        'https://www.seoulledger.example/rss/world.xml',
        '',
        'www.koreaherald.com/rss  # no scheme',
        'ftp://files.example/feed.xml',
        '  https://tokyowire.example/feed.atom   # Tokyo Wire',
      ].join('\n'),
    );
    expect(list.urls).toEqual([
      'https://www.seoulledger.example/rss/world.xml',
      'https://tokyowire.example/feed.atom',
    ]);
    expect(list.errors).toEqual([
      'line 4: "www.koreaherald.com/rss": not a URL (missing http:// or https://)',
      'line 5: "ftp://files.example/feed.xml": not an http or https URL (ftp)',
    ]);
  });
  it('a one-line list reports entries without line numbers', () => {
    expect(parseFeedList('https://a.example/rss,nope').errors).toEqual(['"nope": not a URL']);
  });
});

describe('loadFeedList', () => {
  it('reads a list given inline', async () => {
    expect(await loadFeedList('https://a.example/rss https://b.example/rss')).toMatchObject({
      urls: ['https://a.example/rss', 'https://b.example/rss'],
      errors: [],
    });
  });
  it('reads a file of URLs when the value is a path, naming the file in errors', async () => {
    const path = join(dir, 'feeds.txt');
    writeFileSync(path, '\ufeff# feeds\r\nhttps://a.example/rss\r\nbad url here\r\n');
    const list = await loadFeedList(path);
    expect(list.urls).toEqual(['https://a.example/rss']);
    expect(list.errors).toEqual([
      `${path}: line 3: "bad": not a URL`,
      `${path}: line 3: "url": not a URL`,
      `${path}: line 3: "here": not a URL`,
    ]);
  });
  it('reports a missing file and says what FEEDS may be', async () => {
    const list = await loadFeedList(join(dir, 'missing.txt'));
    expect(list.urls).toEqual([]);
    expect(list.errors).toEqual([
      `cannot read ${join(dir, 'missing.txt')} (no such file); FEEDS is a list of feed URLs or the path of a file listing them`,
    ]);
  });
  it('an unset or blank FEEDS is an empty list', async () => {
    expect(await loadFeedList(undefined)).toMatchObject({ urls: [], errors: [] });
    expect(await loadFeedList('  ')).toMatchObject({ urls: [], errors: [] });
  });
});

describe('syncFeeds', () => {
  it('adds the feeds the store does not have and leaves the others (and their state) alone', async () => {
    const store = new MemoryFeedStore();
    const t0 = new Date('2026-01-13T00:00:00Z');
    await syncFeeds(['https://a.example/rss'], store, t0);
    const a = (await store.get('https://a.example/rss'))!;
    await store.put({
      ...a,
      disabledReason: 'disabled after 10 consecutive failures; last: HTTP 500',
      articlesSeen: 7,
    });
    await store.put({ ...a, url: 'https://cli.example/rss' });

    const result = await syncFeeds(
      ['https://a.example/rss', 'https://b.example/rss'],
      store,
      new Date('2026-01-14T00:00:00Z'),
    );
    expect(result).toEqual({ added: ['https://b.example/rss'], existing: ['https://a.example/rss'] });
    expect((await store.list()).map((f) => f.url)).toEqual([
      'https://a.example/rss',
      'https://b.example/rss',
      'https://cli.example/rss',
    ]);
    expect(await store.get('https://a.example/rss')).toMatchObject({
      articlesSeen: 7,
      disabledReason: 'disabled after 10 consecutive failures; last: HTTP 500',
    });
    expect((await store.get('https://b.example/rss'))?.addedAt).toBe('2026-01-14T00:00:00.000Z');
  });
});
