import type { Redis } from 'ioredis';
import type { KeyValueStore } from '../ports/key-value-store.js';

/** KeyValueStore on Redis: one string key per entry under `<prefix>kv:`, JSON values. */
export class RedisKeyValueStore implements KeyValueStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(key: string): string {
    return `${this.prefix}kv:${key}`;
  }

  async get<T>(key: string): Promise<T | null> {
    const raw = await this.redis.get(this.key(key));
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  async set<T>(key: string, value: T): Promise<void> {
    await this.redis.set(this.key(key), JSON.stringify(value));
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.key(key))) > 0;
  }

  async keys(prefix: string): Promise<string[]> {
    const base = this.key('');
    const out: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', `${this.key(prefix)}*`, 'COUNT', 500);
      cursor = next;
      for (const k of batch) out.push(k.slice(base.length));
    } while (cursor !== '0');
    return out.sort();
  }
}
