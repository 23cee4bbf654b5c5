import { describe, expect, it } from 'vitest';
import type { ArticleStore, StoredBatch } from '../../src/ports/index.js';
import { article, backends } from './backends.js';

const HOUR = 60 * 60 * 1000;
/** Recent times, so that the Redis store's dedupe window (30 days from now) covers them. */
const t0 = new Date(Date.now() - 10 * HOUR);
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

async function readAll(store: ArticleStore, pageSize = 2): Promise<StoredBatch[]> {
  const out: StoredBatch[] = [];
  let cursor = '';
  for (;;) {
    const page = await store.read(cursor, pageSize);
    if (page.length === 0) return out;
    out.push(...page);
    cursor = page.at(-1)!.cursor;
  }
}

describe.each(backends)('ArticleStore contract ($name)', (backend) => {
  const ctx = backend.setup();

  it('appends a document once and gives its articles back unchanged', async () => {
    const { articles } = ctx.make();
    const batch = [article('a1'), article('a2', { url: null, clusterKey: undefined })];
    delete batch[1]!.clusterKey;
    expect(await articles.append('doc-a', batch, at(0))).toBe(true);
    expect(await articles.append('doc-a', [article('other')], at(1))).toBe(false);

    const stored = await articles.read('', 10);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.docKey).toBe('doc-a');
    expect(stored[0]!.articles).toEqual(batch);
  });

  it('reads in append order, page by page from a cursor', async () => {
    const { articles } = ctx.make();
    for (let i = 0; i < 5; i++) await articles.append(`doc-${i}`, [article(`a${i}`)], at(i));

    const first = await articles.read('', 2);
    expect(first.map((b) => b.docKey)).toEqual(['doc-0', 'doc-1']);
    const second = await articles.read(first[1]!.cursor, 2);
    expect(second.map((b) => b.docKey)).toEqual(['doc-2', 'doc-3']);
    const third = await articles.read(second[1]!.cursor, 2);
    expect(third.map((b) => b.docKey)).toEqual(['doc-4']);
    expect(await articles.read(third[0]!.cursor, 2)).toEqual([]);
    expect(await articles.read('', 0)).toEqual([]);
    expect((await readAll(articles)).map((b) => b.articles[0]!.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
  });

  it('lets a reader at the end of the log pick up what is appended later', async () => {
    const { articles } = ctx.make();
    await articles.append('doc-1', [article('a1')], at(0));
    const [last] = await articles.read('', 10);
    await articles.append('doc-2', [article('a2')], at(1));
    await articles.append('doc-3', [article('a3')], at(2));
    expect((await articles.read(last!.cursor, 10)).map((b) => b.docKey)).toEqual(['doc-2', 'doc-3']);
  });

  it('keeps append order when a document arrives with an older time', async () => {
    const { articles } = ctx.make();
    await articles.append('new', [article('n')], at(5));
    await articles.append('late', [article('l')], at(1));
    expect((await readAll(articles)).map((b) => b.docKey)).toEqual(['new', 'late']);
  });

  it('gives every process the same log', async () => {
    const [one, two] = await ctx.makeShared(2);
    expect(await one!.articles.append('doc-x', [article('x')], at(0))).toBe(true);
    expect(await two!.articles.append('doc-x', [article('x')], at(0))).toBe(false);
    await two!.articles.append('doc-y', [article('y')], at(1));
    expect((await readAll(one!.articles)).map((b) => b.docKey)).toEqual(['doc-x', 'doc-y']);
  });

  it('trims documents appended before a time, and then accepts them again', async () => {
    const { articles } = ctx.make();
    await articles.append('old-1', [article('o1')], at(0));
    await articles.append('old-2', [article('o2')], at(1));
    await articles.append('edge', [article('e')], at(2));
    await articles.append('new', [article('n')], at(3));

    expect(await articles.trim(at(2))).toBe(2);
    expect((await readAll(articles)).map((b) => b.docKey)).toEqual(['edge', 'new']);
    expect(await articles.trim(at(2))).toBe(0);

    // Trimmed documents are forgotten; kept ones are still repeats.
    expect(await articles.append('old-1', [article('o1')], at(4))).toBe(true);
    expect(await articles.append('edge', [article('e')], at(4))).toBe(false);
    expect((await readAll(articles)).map((b) => b.docKey)).toEqual(['edge', 'new', 'old-1']);
  });

  it('keeps cursors valid across a trim', async () => {
    const { articles } = ctx.make();
    await articles.append('d1', [article('a1')], at(0));
    await articles.append('d2', [article('a2')], at(1));
    await articles.append('d3', [article('a3')], at(2));
    const [firstBatch] = await articles.read('', 1);
    expect(await articles.trim(at(2))).toBe(2);
    // A reader that had only seen d1 continues with what is left.
    expect((await articles.read(firstBatch!.cursor, 10)).map((b) => b.docKey)).toEqual(['d3']);
  });

  it('trims more documents than fit in one step', async () => {
    const { articles } = ctx.make();
    for (let i = 0; i < 450; i++) await articles.append(`bulk-${i}`, [], at(0));
    await articles.append('keep', [article('k')], at(1));
    expect(await articles.trim(at(1))).toBe(450);
    expect((await readAll(articles, 100)).map((b) => b.docKey)).toEqual(['keep']);
    expect(await articles.append('bulk-7', [], at(2))).toBe(true);
  });

  it('trims everything and keeps appending after', async () => {
    const { articles } = ctx.make();
    await articles.append('d1', [article('a1')], at(3));
    await articles.append('d2', [article('a2')], at(4));
    expect(await articles.trim(at(10))).toBe(2);
    expect(await articles.read('', 10)).toEqual([]);
    // Appended with an older time than the trimmed entries: still stored and readable.
    expect(await articles.append('d3', [article('a3')], at(1))).toBe(true);
    expect((await articles.read('', 10)).map((b) => b.docKey)).toEqual(['d3']);
  });
});
