/**
 * Keeps a process's in-memory NewsEngine in step with the shared article log: replays the log from
 * the start at boot, then follows it (a read every ~1.5 s, and a catch-up before each digest), and
 * expires articles older than the retention. Every process reads the same batches in the same
 * order, so all engines hold the same stories with the same ids.
 */
import type { NewsEngine } from '../briefing/engine.js';
import type { ArticleStore } from '../ports/article-store.js';
import type { Logger } from '../ports/logger.js';

export interface EngineSyncOptions {
  /** How often `start()` reads new batches. */
  intervalMs: number;
  /** Articles published (engine) or appended (log) longer ago than this are dropped. */
  retentionMs: number;
  /** How often retention runs after `start()`. */
  retentionIntervalMs: number;
  /** Also trim the shared log (one role is enough; it is idempotent). */
  trimStore: boolean;
  /** Batches per read. @defaultValue 200 */
  batchSize?: number;
  now(): Date;
  logger: Logger;
}

export class EngineSync {
  private cursor = '';
  private reading: Promise<number> | null = null;
  private next: Promise<number> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private retentionTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastError: string | null = null;

  constructor(
    private readonly articles: ArticleStore,
    private readonly engine: NewsEngine,
    private readonly options: EngineSyncOptions,
  ) {}

  /** The position after the last batch read ('' before the first). */
  get position(): string {
    return this.cursor;
  }

  /**
   * Reads every batch after the cursor into the engine; resolves with how many articles were new
   * to the engine. Concurrent calls share one read (and a call during a read reads again after it,
   * so that it sees everything appended before it was made).
   */
  catchUp(): Promise<number> {
    if (this.reading === null) {
      this.reading = this.readAll().finally(() => {
        this.reading = null;
      });
      return this.reading;
    }
    if (this.next === null) {
      this.next = this.reading
        .catch(() => 0)
        .then(() => {
          this.next = null;
          return this.catchUp();
        });
    }
    return this.next;
  }

  private async readAll(): Promise<number> {
    const size = this.options.batchSize ?? 200;
    let added = 0;
    for (;;) {
      const batches = await this.articles.read(this.cursor, size);
      for (const batch of batches) {
        added += this.engine.add(batch.articles).added.length;
        this.cursor = batch.cursor;
      }
      if (batches.length < size) return added;
    }
  }

  /** Replays the log, expires old articles, then follows the log and runs retention periodically. */
  async start(): Promise<number> {
    const started = Date.now();
    const added = await this.catchUp();
    const expired = await this.retention();
    this.options.logger.info(
      { articles: this.engine.size, added, expired, ms: Date.now() - started },
      'article log replayed into the engine',
    );
    const follow = () => {
      if (this.stopped) return;
      this.catchUp()
        .then(() => {
          if (this.lastError !== null) this.options.logger.info({}, 'reading the article log again');
          this.lastError = null;
        })
        .catch((error: unknown) => this.reportOnce(error, 'reading the article log failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(follow, this.options.intervalMs);
        });
    };
    this.timer = setTimeout(follow, this.options.intervalMs);
    const retain = () => {
      if (this.stopped) return;
      this.retention()
        .catch((error: unknown) => this.reportOnce(error, 'retention failed'))
        .finally(() => {
          if (!this.stopped) this.retentionTimer = setTimeout(retain, this.options.retentionIntervalMs);
        });
    };
    this.retentionTimer = setTimeout(retain, this.options.retentionIntervalMs);
    return added;
  }

  /** Drops articles older than the retention from the engine (and from the log when `trimStore`). */
  async retention(): Promise<number> {
    const cutoff = new Date(this.options.now().getTime() - this.options.retentionMs);
    if (this.options.trimStore) {
      const trimmed = await this.articles.trim(cutoff);
      if (trimmed > 0) this.options.logger.info({ batches: trimmed }, 'article log trimmed (retention)');
    }
    const expired = this.engine.expireBefore(cutoff);
    if (expired > 0) this.options.logger.info({ articles: expired }, 'articles expired (retention)');
    return expired;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.retentionTimer);
    await this.reading?.catch(() => 0);
  }

  private reportOnce(error: unknown, message: string): void {
    const text = error instanceof Error ? error.message : String(error);
    if (this.lastError === text) return;
    this.lastError = text;
    this.options.logger.warn({ err: text }, message);
  }
}
