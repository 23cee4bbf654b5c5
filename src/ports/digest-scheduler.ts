import type { Subscription } from '../subscriptions/model.js';

/**
 * Keeps one daily trigger per subscription at its local time. BullMQ Job Schedulers in production
 * (`upsertJobScheduler` with a cron pattern and `tz`); a recording memory version for the CLI and tests.
 */
export interface DigestScheduler {
  /** Creates or updates the subscription's trigger (idempotent); a paused subscription has none. */
  upsert(subscription: Subscription): Promise<void>;
  remove(subscriptionId: string): Promise<void>;
}

/** Cron pattern (minute hour day month weekday) for a subscription's delivery time and days. */
export function cronPattern(subscription: Pick<Subscription, 'time' | 'days'>): string {
  const [hh, mm] = subscription.time.split(':');
  return `${Number(mm)} ${Number(hh)} * * ${subscription.days === 'weekdays' ? '1-5' : '*'}`;
}

export class MemoryDigestScheduler implements DigestScheduler {
  readonly schedules = new Map<string, { pattern: string; timeZone: string }>();

  async upsert(subscription: Subscription): Promise<void> {
    if (subscription.paused) {
      this.schedules.delete(subscription.id);
      return;
    }
    this.schedules.set(subscription.id, {
      pattern: cronPattern(subscription),
      timeZone: subscription.timeZone,
    });
  }

  async remove(subscriptionId: string): Promise<void> {
    this.schedules.delete(subscriptionId);
  }
}
