import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/feeds/ingest-file.js';
import { parseFeed, readSourceDocuments } from '../../../src/ingest/index.js';
import type { Article } from '../../../src/model.js';
import { MemoryArticleStore } from '../../../src/ports/article-store.js';

const RSS_FIXTURE = fileURLToPath(new URL('../../fixtures/feeds/rss-news.xml', import.meta.url));
const MALFORMED = fileURLToPath(new URL('../../fixtures/feeds/malformed.xml', import.meta.url));
const MTIME = new Date('2026-01-13T06:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'newsbrief-feedfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copy(from: string, name: string): string {
  const path = join(dir, name);
  copyFileSync(from, path);
  utimesSync(path, MTIME, MTIME);
  return path;
}

const ARTICLE = `---
title: "Harbour city votes to build flood barrier - The Coastal Ledger"
date: 2026-01-12T08:30:00Z
url: https://example.org/news/flood-barrier
---

The council voted 7-2 on Monday to build a floating flood barrier across the harbour mouth.
`;

describe('readSourceDocuments', () => {
  it('reads an .xml feed in a folder as one document per item, keyed as when it is fetched', async () => {
    const path = copy(RSS_FIXTURE, 'seoul-ledger.xml');
    const outcome = await readSourceDocuments(path);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.format).toBe('rss');
    expect(outcome.documents.map((d) => d.articles.length)).toEqual([1, 1, 1, 1, 1]);
    expect(outcome.documents.flatMap((d) => d.articles.map((a) => a.origin))).toEqual(Array(5).fill(path));
    const fetched = parseFeed(readFileSync(RSS_FIXTURE, 'utf8'), {
      origin: 'https://x.example/rss',
      now: MTIME,
    });
    if (!fetched.ok) throw new Error(fetched.reason);
    expect(outcome.documents.map((d) => d.key)).toEqual(fetched.itemKeys);
    // An item without a date is dated at the file's modification time.
    expect(outcome.documents[2]!.articles[0]!.publishedAt).toBe('2026-01-13T06:00:00Z');
    expect(outcome.warnings).toContain(
      `item 3 ("Heavy snow grounds flights at Jeju airport"): no usable date ("Yesterday afternoon"); using the file's modification time`,
    );
  });

  it('reads a feed saved under another extension as a feed', async () => {
    const outcome = await readSourceDocuments(copy(RSS_FIXTURE, 'saved-feed.txt'));
    expect(outcome.ok && outcome.format).toBe('rss');
    expect(outcome.ok && outcome.documents).toHaveLength(5);
  });

  it('skips a malformed feed file with the line of the error', async () => {
    const outcome = await readSourceDocuments(copy(MALFORMED, 'broken.rss'));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toMatch(/^XML parse error at line 8: /);
  });

  it('reads a news file as one document whose key depends on its content, not its path', async () => {
    writeFileSync(join(dir, 'a.md'), ARTICLE);
    writeFileSync(join(dir, 'b.md'), ARTICLE);
    writeFileSync(join(dir, 'c.md'), ARTICLE.replace('7-2', '8-1'));
    const [a, b, c] = await Promise.all(
      ['a.md', 'b.md', 'c.md'].map((n) => readSourceDocuments(join(dir, n))),
    );
    if (!a?.ok || !b?.ok || !c?.ok) throw new Error('expected three documents');
    expect(a.format).toBe('front-matter');
    expect(a.documents).toHaveLength(1);
    expect(a.documents[0]!.key).toMatch(/^d_[0-9a-f]{16}$/);
    expect(b.documents[0]!.key).toBe(a.documents[0]!.key);
    expect(c.documents[0]!.key).not.toBe(a.documents[0]!.key);
  });
});

describe('ingestFile', () => {
  it('stores each document once, and reports what was new', async () => {
    const store = new MemoryArticleStore();
    const ingest = (key: string, articles: Article[]) =>
      store.append(
        key,
        articles.map((a) => ({ ...a, summary: '' })),
        MTIME,
      );
    const path = copy(RSS_FIXTURE, 'ingest.xml');
    expect(await ingestFile(path, ingest)).toMatchObject({
      skipped: null,
      format: 'rss',
      documents: 5,
      newDocuments: 5,
      newArticles: 5,
    });
    expect(await ingestFile(path, ingest)).toMatchObject({ documents: 5, newDocuments: 0, newArticles: 0 });
    expect((await store.read('', 100)).length).toBe(5);
  });
  it('reports a file it cannot use', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    expect(await ingestFile(join(dir, 'empty.txt'), async () => true)).toMatchObject({
      skipped: 'empty file',
      documents: 0,
    });
  });
});
