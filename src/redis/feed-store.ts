import type { Redis } from 'ioredis';
import type { FeedState, FeedStore } from '../ports/feed-store.js';
import { chunks, execOrThrow, parseJson } from './util.js';

/**
 * Feed states in Redis. Keys (under `prefix`): `feed:<url>` (the FeedState as JSON) and `feeds`
 * (set of urls). Writes update both in one MULTI transaction.
 */
export class RedisFeedStore implements FeedStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(url: string): Promise<FeedState | null> {
    const json = await this.redis.get(this.feedKey(url));
    return json === null ? null : parseJson<FeedState>(json);
  }

  async put(state: FeedState): Promise<void> {
    await execOrThrow(
      this.redis.multi().set(this.feedKey(state.url), JSON.stringify(state)).sadd(this.allKey(), state.url),
    );
  }

  async remove(url: string): Promise<boolean> {
    const results = await execOrThrow(this.redis.multi().del(this.feedKey(url)).srem(this.allKey(), url));
    const deleted = results[0]?.[1];
    return typeof deleted === 'number' && deleted > 0;
  }

  async list(): Promise<FeedState[]> {
    const urls = await this.redis.smembers(this.allKey());
    const out: FeedState[] = [];
    for (const part of chunks(urls, 500)) {
      const values = await this.redis.mget(part.map((url) => this.feedKey(url)));
      for (const json of values) if (json !== null) out.push(parseJson<FeedState>(json));
    }
    return out.sort((a, b) => a.url.localeCompare(b.url));
  }

  private feedKey(url: string): string {
    return `${this.prefix}feed:${url}`;
  }

  private allKey(): string {
    return `${this.prefix}feeds`;
  }
}
