import type { DeliveryLog } from '../ports/delivery-log.js';
import type { DigestScheduler } from '../ports/digest-scheduler.js';
import type { SubscriptionStore } from '../ports/subscription-store.js';
import type { ChannelRef, Platform } from './model.js';

/** Who asked, where, and when: what every command use case gets from the adapter. */
export interface UseCaseContext {
  channel: ChannelRef;
  /** Platform user id of whoever ran the command. */
  userId: string;
  /** The clock. */
  now: Date;
  /**
   * The user's own time zone when the platform knows it (Slack's user `tz`): used for a new
   * subscription that names none. Ignored when it is not a valid zone.
   */
  defaultTimeZone?: string;
}

export interface SubscriptionOptions {
  /** Most subscriptions (channels) per team. @defaultValue 25 */
  maxPerTeam: number;
  /** Delivery time of a new subscription that names none. @defaultValue '08:00' */
  defaultTime: string;
  /** Time zone of a new subscription that names none, when the context has none. @defaultValue 'UTC' */
  defaultTimeZone: string;
  /** Stories per digest of a new subscription. @defaultValue 5 */
  defaultMaxStories: number;
}

export const DEFAULT_SUBSCRIPTION_OPTIONS: SubscriptionOptions = {
  maxPerTeam: 25,
  defaultTime: '08:00',
  defaultTimeZone: 'UTC',
  defaultMaxStories: 5,
};

/** The ports the subscription use cases change. */
export interface SubscriptionPorts {
  subscriptions: SubscriptionStore;
  scheduler: DigestScheduler;
  deliveries: DeliveryLog;
}

export interface SubscriptionDeps extends SubscriptionPorts {
  options?: Partial<SubscriptionOptions>;
}

export function subscriptionOptions(deps: { options?: Partial<SubscriptionOptions> }): SubscriptionOptions {
  return { ...DEFAULT_SUBSCRIPTION_OPTIONS, ...deps.options };
}

/** What a team is called on a platform: a Slack workspace, a Discord server. */
export function teamWord(platform: Platform): string {
  return platform === 'slack' ? 'workspace' : 'server';
}
