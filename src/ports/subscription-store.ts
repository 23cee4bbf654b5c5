import type { Platform, Subscription } from '../subscriptions/model.js';

/** Where subscriptions live. Redis in production (`src/redis/`), memory for the CLI and tests. */
export interface SubscriptionStore {
  get(id: string): Promise<Subscription | null>;
  /**
   * Creates or replaces a subscription. Creating one fails with `team-cap` when its team already has
   * `maxPerTeam` subscriptions (checked atomically); replacing an existing one never does.
   */
  put(
    subscription: Subscription,
    options?: { maxPerTeam?: number },
  ): Promise<{ ok: true } | { ok: false; reason: 'team-cap' }>;
  delete(id: string): Promise<boolean>;
  /** The team's subscriptions, sorted by id. */
  listByTeam(platform: Platform, teamId: string): Promise<Subscription[]>;
  /** Every subscription, sorted by id (used at start to re-create schedulers). */
  listAll(): Promise<Subscription[]>;
}

export class MemorySubscriptionStore implements SubscriptionStore {
  private readonly items = new Map<string, Subscription>();

  async get(id: string): Promise<Subscription | null> {
    const s = this.items.get(id);
    return s ? structuredClone(s) : null;
  }

  async put(
    subscription: Subscription,
    options: { maxPerTeam?: number } = {},
  ): Promise<{ ok: true } | { ok: false; reason: 'team-cap' }> {
    // Count and store without an await in between, so concurrent puts can't both pass the cap.
    if (!this.items.has(subscription.id) && options.maxPerTeam !== undefined) {
      const { platform, teamId } = subscription.channel;
      let inTeam = 0;
      for (const s of this.items.values()) {
        if (s.channel.platform === platform && s.channel.teamId === teamId) inTeam++;
      }
      if (inTeam >= options.maxPerTeam) return { ok: false, reason: 'team-cap' };
    }
    this.items.set(subscription.id, structuredClone(subscription));
    return { ok: true };
  }

  async delete(id: string): Promise<boolean> {
    return this.items.delete(id);
  }

  async listByTeam(platform: Platform, teamId: string): Promise<Subscription[]> {
    return [...this.items.values()]
      .filter((s) => s.channel.platform === platform && s.channel.teamId === teamId)
      .sort(byId)
      .map((s) => structuredClone(s));
  }

  async listAll(): Promise<Subscription[]> {
    return [...this.items.values()].sort(byId).map((s) => structuredClone(s));
  }
}

function byId(a: Subscription, b: Subscription): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
