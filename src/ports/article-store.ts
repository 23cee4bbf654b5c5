import type { IndexedArticle } from '../model.js';

/** One stored document: the articles of one file or feed item, as ingest produced them. */
export interface StoredBatch {
  /** Position in the log; pass it back to `read` to continue after it. */
  cursor: string;
  /** Content key of the document (see ArticleStore.append). */
  docKey: string;
  articles: IndexedArticle[];
}

/**
 * The shared article log. Ingest appends each document's articles once; every process that answers
 * briefings or builds digests replays the log into its own in-memory engine and then follows it, so
 * all processes see the same articles in the same order (and so the same story ids).
 */
export interface ArticleStore {
  /**
   * Appends a document's articles unless a document with the same `docKey` (a hash of its content)
   * was appended within the retention period. Returns false for such a repeat, so that several
   * workers watching the same folder or feed store it once.
   */
  append(docKey: string, articles: IndexedArticle[], at: Date): Promise<boolean>;
  /** Up to `limit` batches after `cursor` ('' = from the start), in append order. */
  read(cursor: string, limit: number): Promise<StoredBatch[]>;
  /**
   * Drops batches appended before `before` (retention); returns how many. Their docKeys are
   * forgotten, so those documents can be appended again.
   */
  trim(before: Date): Promise<number>;
}

export class MemoryArticleStore implements ArticleStore {
  private readonly batches: Array<StoredBatch & { at: number }> = [];
  private readonly docKeys = new Map<string, number>();
  private seq = 0;
  private lastAt = Number.NEGATIVE_INFINITY;

  async append(docKey: string, articles: IndexedArticle[], at: Date): Promise<boolean> {
    if (this.docKeys.has(docKey)) return false;
    this.seq++;
    const cursor = String(this.seq).padStart(12, '0');
    // Times never go backwards in the log (as with Redis stream ids), so trim can stop at the first
    // batch that is new enough.
    const time = Math.max(at.getTime(), this.lastAt);
    this.lastAt = time;
    this.batches.push({ cursor, docKey, articles: structuredClone(articles), at: time });
    this.docKeys.set(docKey, time);
    return true;
  }

  async read(cursor: string, limit: number): Promise<StoredBatch[]> {
    if (limit <= 0) return [];
    return this.batches
      .filter((b) => b.cursor > cursor)
      .slice(0, limit)
      .map(({ cursor: c, docKey, articles }) => ({ cursor: c, docKey, articles: structuredClone(articles) }));
  }

  async trim(before: Date): Promise<number> {
    const limit = before.getTime();
    let n = 0;
    while (this.batches.length > 0 && this.batches[0]!.at < limit) {
      const [dropped] = this.batches.splice(0, 1);
      if (dropped) this.docKeys.delete(dropped.docKey);
      n++;
    }
    return n;
  }
}
