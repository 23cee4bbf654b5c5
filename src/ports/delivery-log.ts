/**
 * What was delivered where. A digest is identified by subscription + local date; its record is
 * created before the first message is sent and completed after the last, so a delivery that re-runs
 * (a worker died mid-send) knows which parts already went out.
 */
export interface DeliveryRecord {
  subscriptionId: string;
  /** The digest's date in the subscription's time zone, YYYY-MM-DD. */
  localDate: string;
  status: 'sending' | 'sent';
  /** Indexes of the message parts the platform confirmed, ascending. */
  sentParts: number[];
  storyIds: string[];
  articleIds: string[];
  startedAt: string;
  completedAt: string | null;
  /** How many times delivery started (> 1 means a re-run). */
  attempts: number;
}

export interface DeliveryLog {
  get(subscriptionId: string, localDate: string): Promise<DeliveryRecord | null>;
  /**
   * Starts (or resumes) a delivery: creates the record if absent, else increments `attempts`.
   * Returns the record as it now is.
   */
  begin(
    subscriptionId: string,
    localDate: string,
    content: { storyIds: string[]; articleIds: string[] },
    at: Date,
  ): Promise<DeliveryRecord>;
  markPartSent(subscriptionId: string, localDate: string, part: number): Promise<void>;
  /**
   * Completes a delivery: status 'sent', and its article ids join the set the channel has received
   * (kept for the retention period), and the subscription's last-delivered time is set.
   */
  complete(subscriptionId: string, localDate: string, at: Date): Promise<void>;
  /** Article ids this subscription has received within the retention period. */
  deliveredArticleIds(subscriptionId: string): Promise<Set<string>>;
  /** When this subscription last completed a digest. */
  lastDeliveredAt(subscriptionId: string): Promise<Date | null>;
  /** Forgets a subscription's history (on unsubscribe all / uninstall). */
  forget(subscriptionId: string): Promise<void>;
}

export class MemoryDeliveryLog implements DeliveryLog {
  private readonly records = new Map<string, DeliveryRecord>();
  private readonly delivered = new Map<string, Set<string>>();
  private readonly last = new Map<string, Date>();

  async get(subscriptionId: string, localDate: string): Promise<DeliveryRecord | null> {
    const r = this.records.get(`${subscriptionId}|${localDate}`);
    return r ? structuredClone(r) : null;
  }

  async begin(
    subscriptionId: string,
    localDate: string,
    content: { storyIds: string[]; articleIds: string[] },
    at: Date,
  ): Promise<DeliveryRecord> {
    const key = `${subscriptionId}|${localDate}`;
    const existing = this.records.get(key);
    if (existing) {
      existing.attempts++;
      return structuredClone(existing);
    }
    const record: DeliveryRecord = {
      subscriptionId,
      localDate,
      status: 'sending',
      sentParts: [],
      storyIds: [...content.storyIds],
      articleIds: [...content.articleIds],
      startedAt: at.toISOString(),
      completedAt: null,
      attempts: 1,
    };
    this.records.set(key, record);
    return structuredClone(record);
  }

  async markPartSent(subscriptionId: string, localDate: string, part: number): Promise<void> {
    const r = this.records.get(`${subscriptionId}|${localDate}`);
    if (r && !r.sentParts.includes(part)) {
      r.sentParts.push(part);
      r.sentParts.sort((a, b) => a - b);
    }
  }

  async complete(subscriptionId: string, localDate: string, at: Date): Promise<void> {
    const r = this.records.get(`${subscriptionId}|${localDate}`);
    if (!r) return;
    r.status = 'sent';
    r.completedAt = at.toISOString();
    const set = this.delivered.get(subscriptionId) ?? new Set<string>();
    for (const id of r.articleIds) set.add(id);
    this.delivered.set(subscriptionId, set);
    this.last.set(subscriptionId, at);
  }

  async deliveredArticleIds(subscriptionId: string): Promise<Set<string>> {
    return new Set(this.delivered.get(subscriptionId) ?? []);
  }

  async lastDeliveredAt(subscriptionId: string): Promise<Date | null> {
    return this.last.get(subscriptionId) ?? null;
  }

  async forget(subscriptionId: string): Promise<void> {
    for (const key of [...this.records.keys()]) {
      if (key.startsWith(`${subscriptionId}|`)) this.records.delete(key);
    }
    this.delivered.delete(subscriptionId);
    this.last.delete(subscriptionId);
  }
}
