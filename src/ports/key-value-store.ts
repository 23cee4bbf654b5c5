/**
 * A small JSON key-value store for adapter state that must survive restarts (Slack OAuth
 * installations, Discord guild state). Keys are namespaced by the caller ("slack:install:T123").
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | null>;
  set<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Keys starting with the prefix (small namespaces only). */
  keys(prefix: string): Promise<string[]>;
}

export class MemoryKeyValueStore implements KeyValueStore {
  private readonly items = new Map<string, string>();

  async get<T>(key: string): Promise<T | null> {
    const raw = this.items.get(key);
    return raw === undefined ? null : (JSON.parse(raw) as T);
  }

  async set<T>(key: string, value: T): Promise<void> {
    this.items.set(key, JSON.stringify(value));
  }

  async delete(key: string): Promise<boolean> {
    return this.items.delete(key);
  }

  async keys(prefix: string): Promise<string[]> {
    return [...this.items.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
