import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/feeds/ingest-file.js';
import { type FolderWatch, watchFolders } from '../../../src/feeds/watch-folders.js';
import type { Article } from '../../../src/model.js';
import { MemoryArticleStore } from '../../../src/ports/article-store.js';

const RSS_FIXTURE = fileURLToPath(new URL('../../fixtures/feeds/rss-news.xml', import.meta.url));
const T0 = new Date('2026-01-13T10:00:00Z');

function article(title: string, text: string): string {
  return `---\ntitle: "${title} - The Coastal Ledger"\ndate: 2026-01-12T08:30:00Z\nurl: https://example.org/news/${title.toLowerCase().replace(/\W+/g, '-')}\n---\n\n${text}\n`;
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let dir = '';
let watch: FolderWatch | null = null;
let store: MemoryArticleStore;
let handled: string[];
let errors: string[];

async function titles(): Promise<string[]> {
  return (await store.read('', 100)).flatMap((b) => b.articles.map((a) => a.title));
}

async function start(
  options: { useFsWatch: boolean; intervalMs: number },
  dirs = [dir],
): Promise<FolderWatch> {
  const ingest = (docKey: string, articles: Article[]) =>
    store.append(
      docKey,
      articles.map((a) => ({ ...a, summary: '' })),
      T0,
    );
  watch = await watchFolders(
    dirs,
    async (file) => {
      handled.push(file);
      await ingestFile(file, ingest);
    },
    {
      ...options,
      debounceMs: 50,
      settleMs: 150,
      onError: (error, where) => errors.push(`${where}: ${String(error)}`),
    },
  );
  return watch;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsbrief-watch-'));
  store = new MemoryArticleStore();
  handled = [];
  errors = [];
});
afterEach(async () => {
  await watch?.close();
  watch = null;
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['fs.watch', { useFsWatch: true, intervalMs: 60_000 }],
  ['the periodic rescan alone', { useFsWatch: false, intervalMs: 100 }],
])('watchFolders with %s', (_name, options) => {
  it('ingests every file at the start, then a new file and a changed file', async () => {
    writeFileSync(
      join(dir, 'barrier.md'),
      article('Harbour city votes to build flood barrier', 'The council voted 7-2.'),
    );
    mkdirSync(join(dir, 'feeds'));
    copyFileSync(RSS_FIXTURE, join(dir, 'feeds', 'seoul-ledger.xml'));
    await start(options);

    // The first pass is done when watchFolders resolves: the article, and the feed's items one by one.
    expect(handled.sort()).toEqual([join(dir, 'barrier.md'), join(dir, 'feeds', 'seoul-ledger.xml')]);
    expect(await titles()).toContain('Harbour city votes to build flood barrier');
    expect(await titles()).toContain('Samsung & SK Hynix shares rally on AI chip demand');
    expect((await store.read('', 100)).length).toBe(6);

    // A new file, written under a dot-name and renamed, is read once, complete.
    writeFileSync(
      join(dir, '.ferry.md.tmp'),
      article('Ferry service resumes after storm', 'Boats ran again on Tuesday.'),
    );
    renameSync(join(dir, '.ferry.md.tmp'), join(dir, 'ferry.md'));
    await waitFor('the new file', async () => (await titles()).includes('Ferry service resumes after storm'));
    expect(handled.filter((f) => f.includes('.ferry'))).toEqual([]);

    // A changed file is read again.
    writeFileSync(
      join(dir, 'barrier.md'),
      article(
        'Harbour city approves floating flood barrier',
        'The council voted 7-2 on Monday, and again on Tuesday.',
      ),
    );
    await waitFor('the changed file', async () =>
      (await titles()).includes('Harbour city approves floating flood barrier'),
    );
    expect(handled.filter((f) => f === join(dir, 'barrier.md'))).toHaveLength(2);
    // The feed file, unchanged, was not read again.
    expect(handled.filter((f) => f.endsWith('seoul-ledger.xml'))).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

describe('watchFolders', () => {
  it('reports a missing folder once and reads it when it appears', async () => {
    const later = join(dir, 'later');
    await start({ useFsWatch: true, intervalMs: 100 }, [later]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^reading ${later}: .*ENOENT`));
    mkdirSync(later);
    writeFileSync(join(later, 'quake.md'), article('Minor quake shakes Hokkaido', 'No damage was reported.'));
    await waitFor('the file in the new folder', async () =>
      (await titles()).includes('Minor quake shakes Hokkaido'),
    );
    expect(errors).toHaveLength(1);
  });

  it('tries a file again at the next scan when handling it failed', async () => {
    writeFileSync(join(dir, 'a.md'), article('Port strike ends', 'Dock workers returned.'));
    let fail = true;
    const seen: string[] = [];
    watch = await watchFolders(
      [dir],
      async (file) => {
        seen.push(file);
        if (fail) throw new Error('store unavailable');
      },
      {
        intervalMs: 50,
        settleMs: 0,
        useFsWatch: false,
        onError: (error, where) => errors.push(`${where}: ${(error as Error).message}`),
      },
    );
    expect(errors).toEqual([`${join(dir, 'a.md')}: store unavailable`]);
    fail = false;
    await waitFor('the retry', () => seen.length >= 2);
    const count = seen.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.length).toBe(count); // handled once it succeeded
  });

  it('stops when closed or aborted', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    watch = await watchFolders([dir], async (file) => void seen.push(file), {
      intervalMs: 50,
      signal: controller.signal,
    });
    controller.abort();
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(join(dir, 'after.md'), article('Written after the watch stopped', 'Text.'));
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual([]);
  });
});
