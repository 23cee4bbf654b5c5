/** What newsbrief knows about one feed: its HTTP caching state, its health and why it was disabled. */
export interface FeedState {
  url: string;
  addedAt: string;
  /** Validators from the last 200 response, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  /** Short outcome of the last fetch: "200 (12 new)", "304", "timeout", "HTTP 500"… */
  lastOutcome: string | null;
  consecutiveFailures: number;
  /** Backoff: no fetch before this instant (null = due at the next tick). */
  nextAttemptAt: string | null;
  /** Set when the feed was disabled after too many consecutive failures; shown by `feeds list`. */
  disabledReason: string | null;
  lastError: string | null;
  /** Articles read from this feed in total. */
  articlesSeen: number;
}

export interface FeedStore {
  get(url: string): Promise<FeedState | null>;
  put(state: FeedState): Promise<void>;
  remove(url: string): Promise<boolean>;
  list(): Promise<FeedState[]>;
}

export function newFeedState(url: string, now: Date): FeedState {
  return {
    url,
    addedAt: now.toISOString(),
    etag: null,
    lastModified: null,
    lastFetchedAt: null,
    lastSuccessAt: null,
    lastOutcome: null,
    consecutiveFailures: 0,
    nextAttemptAt: null,
    disabledReason: null,
    lastError: null,
    articlesSeen: 0,
  };
}

export class MemoryFeedStore implements FeedStore {
  private readonly items = new Map<string, FeedState>();

  async get(url: string): Promise<FeedState | null> {
    const f = this.items.get(url);
    return f ? { ...f } : null;
  }

  async put(state: FeedState): Promise<void> {
    this.items.set(state.url, { ...state });
  }

  async remove(url: string): Promise<boolean> {
    return this.items.delete(url);
  }

  async list(): Promise<FeedState[]> {
    return [...this.items.values()].map((f) => ({ ...f })).sort((a, b) => a.url.localeCompare(b.url));
  }
}
